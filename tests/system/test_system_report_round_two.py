"""The system report (issue 21): its key names the statuses its colours mark, never the counts they colour;
the "Previous" column pools the same organisations as the current one, and says which."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from equitykit.system import system_status
from equitykit.system.members import WRES
from equitykit.system.pooling import pool_standard
from equitykit.system.report import render_system_report

SYSTEM = Path(__file__).parents[1] / "fixtures" / "system" / "staffordshire-icb"
AS_OF = dt.date(2025, 11, 30)


def report() -> str:
    return render_system_report(system_status(SYSTEM, AS_OF), "md")


def test_the_key_to_status_colours_names_statuses_not_counts() -> None:
    text = report()
    key = text[text.index("## Key to status colours"):text.index("## Notes")]
    rows = re.findall(r"^\| (Red|Amber|Green|Blue|Purple) \| (.*) \|$", key, re.M)
    assert rows == [("Red", "Overdue")]


def test_the_previous_column_pools_the_same_organisations_as_the_current_one() -> None:
    status = system_status(SYSTEM, AS_OF)
    text = render_system_report(status, "md")
    wres = text[text.index("## System WRES"):text.index("### System WRES over time")]
    assert ("The previous column (31 March 2024) pools only Trentside Hospitals NHS Trust: of the organisations in "
            "the current figures, NHS Staffordshire and Stoke-on-Trent Integrated Care Board had no figures for "
            "that date.") in wres
    trentside = [m for m in status.members if m.name == "Trentside Hospitals NHS Trust"]
    earlier = pool_standard(trentside, WRES, dt.date(2024, 3, 31))
    assert earlier is not None
    previous_share = f"{float(earlier.share.value):.1f}%"
    row = next(line for line in wres.splitlines() if line.startswith("| Indicator 1:"))
    assert [cell.strip() for cell in row.strip("|").split("|")][4] == previous_share, row
    assert "Moorlands" not in row


def test_indicator_1_is_pooled_by_band_from_the_members_counts() -> None:
    text = report()
    bands = text[text.index("Table: BME staff in each band, pooled"):text.index("The pooled indicator 3")]
    # clinical band 5: BME 40 + 300 of 240 - 10 + 1,200 known; non-clinical 8a: 60 + 200 of 360 + 800
    assert "| Clinical: band 5 | 23.6% |" in bands and "| Non-clinical: band 8a | 22.4% |" in bands


def test_a_pooled_band_that_would_give_a_members_small_number_back_is_hidden(system: Path) -> None:
    path = system / "workforce" / "2025-03-31.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        '{staff_group: clinical, band: "5", white: 200, bme: 40, unknown: 10}',
        '{staff_group: clinical, band: "5", white: 200, bme: 3, unknown: 10}'), encoding="utf-8")
    text = render_system_report(system_status(system, AS_OF), "md")
    bands = text[text.index("Table: BME staff in each band, pooled"):text.index("The pooled indicator 3")]
    assert "| Clinical: band 5 | \\[c\\] |" in bands and "| Non-clinical: band 8a | 22.4% |" in bands
