"""Seed 001: Staffordshire and Stoke-on-Trent ICB's "Meeting the Equality Duty - Publications" page (14 July
2023): what it publishes (workforce diversity profile, modern slavery statement, WRES report, EDI action plan
and policy) and the RACE Equality Code diagnostic assessments. Its staff networks, EDI roles, Accessible
Information Standard statement, draft PSED report and pay gap readiness have no home yet (branch i11a)."""

from __future__ import annotations

import datetime as dt

from .placement import SEEDS, Element, misplaced, validate_problems

FOLDER = SEEDS / "ssot-icb"
AS_OF = dt.date(2023, 7, 14)
ENGAGEMENT = "Engagement"
DUTIES = "Compliance calendar"

ELEMENTS: list[Element] = [
    Element("the ICB", "psed", "", "Staffordshire and Stoke-on-Trent Integrated Care Board"),
    Element("who monitors the action plan", "psed", "Governance",
            "reviewed and monitored by the ICB’s Staff Engagement Group and General Purpose and Resource Group"),
    Element("diagnostic assessment, January 2023", "psed", ENGAGEMENT,
            "RACE Equality Code deep dive diagnostic assessment (January 2023)"),
    Element("diagnostic assessment, March 2023", "psed", ENGAGEMENT,
            "RACE Equality Code deep dive diagnostic assessment (March 2023)"),
    *(Element(f"attendee {who}", "psed", ENGAGEMENT, who) for who in (
        "ICB Board Chair", "Chief Executive Officer", "Chief People Officer", "Director of Corporate Governance",
        "Head of ICB People, OD and Inclusion", "CSU EDI team", "Non-Executive Chair of People, Culture and "
        "Organisational")),
    Element("31 actions over 3 years", "psed", ENGAGEMENT,
            "The overall assessment process resulted in 31 actions ranging from short to longer term actions to be "
            "delivered over the next 3 years."),
    Element("the WRES report meets the WRES", "psed", DUTIES, "PUB-3"),
    Element("the workforce diversity profile is equality information", "psed", DUTIES,
            "last published 2023-07-14 (PUB-1)"),
]


def test_the_page_validates_with_no_errors() -> None:
    assert validate_problems(FOLDER) == []


def test_every_element_appears_where_it_belongs_in_md_and_html() -> None:
    assert misplaced(FOLDER, ELEMENTS, AS_OF) == []
