"""Workforce snapshots for the WRES and WDES tests, built from small realistic counts.

The default WRES bands hold 1,000 White, 200 BME and 20 unknown staff; the default WDES bands
hold 100 Disabled, 900 non-disabled and 50 unknown staff.
"""

from __future__ import annotations

from typing import Any

from equitykit.records.workforce import Workforce


def ethnicity(white: int, bme: int, unknown: int = 0) -> dict[str, int]:
    return {"white": white, "bme": bme, "unknown": unknown}


def disability(disabled: int, non_disabled: int, unknown: int = 0) -> dict[str, int]:
    return {"disabled": disabled, "non_disabled": non_disabled, "unknown": unknown}


def ethnicity_survey(white: float, bme: float) -> dict[str, Any]:
    return {"white": white, "bme": bme, "white_responses": 610, "bme_responses": 140}


def disability_survey(disabled: float | None, non_disabled: float | None) -> dict[str, Any]:
    return {"disabled": disabled, "non_disabled": non_disabled, "disabled_responses": 130,
            "non_disabled_responses": 590}


def wres(**changes: Any) -> dict[str, Any]:
    inputs = {
        "bands": [
            {"staff_group": "clinical", "band": "5", **ethnicity(600, 150, 10)},
            {"staff_group": "clinical", "band": "8a", **ethnicity(180, 20, 5)},
            {"staff_group": "non-clinical", "band": "3", **ethnicity(210, 30, 5)},
            {"staff_group": "non-clinical", "band": "vsm", **ethnicity(10, 0)},
        ],
        "shortlisted": ethnicity(800, 400, 30),
        "appointed": ethnicity(200, 60, 5),
        "disciplinary": ethnicity(10, 4, 1),
        "training": ethnicity(450, 80, 6),
        "survey": {
            "harassment_public": ethnicity_survey(27.0, 30.85),
            "harassment_staff": ethnicity_survey(22.4, 29.5),
            "career_progression": ethnicity_survey(57.6, 41.9),
            "discrimination": ethnicity_survey(6.9, 17.2),
        },
        "board": {"voting": ethnicity(12, 2), "executive": ethnicity(6, 1)},
    }
    return inputs | changes


def wdes(**changes: Any) -> dict[str, Any]:
    inputs = {
        "bands": [
            {"staff_group": "clinical", "band": "5", **disability(60, 540, 30)},
            {"staff_group": "clinical", "band": "8a", **disability(10, 190, 10)},
            {"staff_group": "non-clinical", "band": "3", **disability(30, 170, 10)},
        ],
        "shortlisted": disability(200, 1800, 40),
        "appointed": disability(30, 360, 4),
        "capability": disability(3, 9, 1),
        "survey": {
            "harassment_public": disability_survey(33.8, 24.9),
            "harassment_managers": disability_survey(14.2, 8.6),
            "harassment_colleagues": disability_survey(20.1, 13.0),
            "harassment_reported": disability_survey(48.0, 47.1),
            "career_progression": disability_survey(50.3, 56.7),
            "presenteeism": disability_survey(30.4, 21.9),
            "valued": disability_survey(33.2, 43.8),
            "adjustments": disability_survey(72.5, None),
        },
        "engagement": {"disabled": 6.55, "non_disabled": 7.05, "overall": 6.9},
        "voice": {"facilitated": True, "narrative": "Disability staff network chaired by a board member."},
        "board": {"voting": disability(1, 13), "executive": disability(0, 7, 1)},
    }
    return inputs | changes


def workforce(snapshot: str = "2025-03-31", *, wres: dict | None = None,
              wdes: dict | None = None) -> Workforce:
    return Workforce.model_validate({
        "id": snapshot, "snapshot": snapshot, "headcount": 20000, "wres": wres, "wdes": wdes,
    })
