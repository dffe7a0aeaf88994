"""Seed 001: Staffordshire and Stoke-on-Trent ICB's "Meeting the Equality Duty - Publications" page (14 July
2023): what it publishes (workforce diversity profile, modern slavery statement, WRES report, EDI action plan
and policy) and the RACE Equality Code diagnostic assessments; the date it was established, its staff networks and EDI
roles, its Accessible Information Standard statement and its draft PSED report."""

from __future__ import annotations

import datetime as dt

from .placement import SEEDS, Element, misplaced, validate_problems

FOLDER = SEEDS / "ssot-icb"
AS_OF = dt.date(2023, 7, 14)
ENGAGEMENT = "Engagement"
DUTIES = "Compliance calendar"
ABOUT = "About us"
PUBLISHED = "What we publish"
ROLES = ("Diversity Champions", "Menopause Ambassadors", "Invisible Conditions Reps", "Mental Health First Aiders",
         "Wellbeing Champions", "Wellbeing Guardian", "Freedom to Speak Up Guardian and Champion",
         "Domestic Abuse Ambassadors", "Change Ambassadors")

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
    Element("the WRES report meets the WRES", "psed", DUTIES, "Staffordshire and Stoke-on-Trent WRES report"),
    Element("the workforce diversity profile is equality information, due again a year on", "psed", DUTIES,
            "14 July 2024"),
    Element("established 1 July 2022", "psed", ABOUT, "1 July 2022"),
    Element("staff network: Ethnic Diverse Group", "psed", ABOUT, "Ethnic Diverse Group"),
    Element("staff network: Disability and Neuro Diverse", "psed", ABOUT, "Disability and Neuro Diverse Staff network"),
    *(Element(f"EDI role {role}", "psed", ABOUT, role) for role in ROLES),
    Element("the Wellbeing Guardian is a Non Executive Director", "psed", ABOUT, "Non Executive Director"),
    Element("the PSED report 2022-23", "psed", PUBLISHED, "PSED Annual Report 2022 – 2023"),
    Element("the PSED report is in draft", "psed", PUBLISHED, "Draft, in hand"),
    Element("the PSED report is expected in April 2023", "psed", PUBLISHED, "expected 30 April 2023"),
    Element("the draft is in hand for the equality information duty", "psed", DUTIES,
            "PSED Annual Report 2022 – 2023: draft, in hand, expected 30 April 2023"),
    Element("the modern slavery statement is the ICS's", "psed", PUBLISHED,
            "Staffordshire and Stoke-on-Trent ICS Modern Day Slavery Statement 2023-24 (system-wide, for the "
            "integrated care system)"),
    Element("the Accessibility and Communication Statement", "psed", PUBLISHED,
            "Accessibility and Communication Statement"),
    Element("the statement meets the Accessible Information Standard", "psed", PUBLISHED,
            "Accessible Information Standard"),
]


def test_the_page_validates_with_no_errors() -> None:
    assert validate_problems(FOLDER) == []


def test_every_element_appears_where_it_belongs_in_md_and_html() -> None:
    assert misplaced(FOLDER, ELEMENTS, AS_OF) == []
