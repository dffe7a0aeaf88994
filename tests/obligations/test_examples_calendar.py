"""The bundled examples' calendars, hand-checked and pinned in golden files.

Hand-checked for Northfield on 2025-11-30: actions ACT-004, ACT-006, ACT-011 and ACT-012 are
overdue; equality information is due by 2026-01-20 (a year after 2025-01-20); objectives by
2028-03-28; the EDS 2025-26 report by 2026-02-28; the 2025 gender pay gap by 2026-03-30;
WRES and WDES 2025 were met by the publications of 2025-10-28.
Regenerate with EQUITYKIT_UPDATE_GOLDEN=1 after checking the change by hand.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from equitykit.cli import app

EXAMPLES = Path(__file__).parent.parent.parent / "examples"
GOLDEN = Path(__file__).parent / "golden"
AS_OF = "2025-11-30"


def calendar(example: str) -> list[dict]:
    result = CliRunner().invoke(app, ["deadlines", str(EXAMPLES / example), "--as-of", AS_OF, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("example", ["northfield-trust", "aran-vale-council"])
def test_example_calendar_matches_golden(example: str) -> None:
    golden = GOLDEN / f"{example}-{AS_OF}.json"
    got = calendar(example)
    if os.environ.get("EQUITYKIT_UPDATE_GOLDEN"):
        golden.write_text(json.dumps(got, indent=2) + "\n", encoding="utf-8")
    assert got == json.loads(golden.read_text(encoding="utf-8"))


def test_northfield_hand_checked_figures() -> None:
    by_id = {o["id"]: o for o in calendar("northfield-trust")}
    overdue = sorted(o["id"] for o in by_id.values() if o["status"] == "overdue")
    assert overdue == ["action-ACT-004", "action-ACT-006", "action-ACT-011", "action-ACT-012"]
    assert (by_id["england-equality-information"]["due"], by_id["england-equality-information"]["status"]) == (
        "2026-01-20", "due")
    assert by_id["england-equality-objectives"]["due"] == "2028-03-28"
    assert by_id["eds-2025-26"]["due"] == "2026-02-28"
    assert by_id["gpg-2025"]["due"] == "2026-03-30"
    assert by_id["wres-2025"]["status"] == by_id["wdes-2025"]["status"] == "met"
    assert by_id["action-ACT-004"]["source"] == {"file": "actions/ACT-004.yaml", "line": 23}
