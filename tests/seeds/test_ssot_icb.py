"""Seed 001: Staffordshire and Stoke-on-Trent ICB's "Meeting the Equality Duty - Publications" page (14 July
2023): what it publishes (workforce diversity profile, modern slavery statement, WRES report, EDI action plan
and policy), the RACE Equality Code diagnostic assessments and their 31 actions, the Quality Mark, its staff
networks and EDI roles, its Accessible Information Standard statement and its draft PSED report."""

from __future__ import annotations

import datetime as dt

from .placement import (
    SEEDS,
    SOURCES,
    Element,
    Part,
    misplaced,
    validate_problems,
)

FOLDER = SEEDS / "ssot-icb"
SOURCE = (SOURCES / "001-ssot-icb.txt").read_text(encoding="utf-8")
AS_OF = dt.date(2023, 7, 14)
ENGAGEMENT = "Engagement"
DUTIES = "Compliance calendar"
ABOUT = "About us"
PUBLISHED = "What we publish"
PROGRESS = "Progress this year"
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
    # Listed as published, with no date of its own but out by the page's date: the WRES report's year is not given,
    # so it meets the WRES cycle the page's date falls in (data as at 31 March 2023), on time.
    Element("the WRES report, published", "psed", PUBLISHED, "Staffordshire and Stoke-on-Trent WRES report."),
    Element("the workforce diversity profile, published", "psed", PUBLISHED,
            "Workforce Diversity Profile Report 2022"),
    Element("out by the page's date", "psed", PUBLISHED, "Published by 14 July 2023"),
    Element("the WRES report meets the WRES duty", "psed", DUTIES,
            "Staffordshire and Stoke-on-Trent WRES report, published by 14 July 2023"),
    # The year's highlights (issue 22.5): the assessments' 31 actions, the Quality Mark (undated, so in every year).
    Element("31 actions over 3 years", "psed", PROGRESS,
            "The overall assessment process resulted in 31 actions ranging from short to longer term actions to be "
            "delivered over the next 3 years."),
    Element("31 actions, the figure", "psed", PROGRESS, "31 actions"),
    Element("the assessments' months", "psed", PROGRESS, "January 2023 to March 2023"),
    Element("the Quality Mark awarded", "psed", PROGRESS,
            "Staffordshire and Stoke-on-Trent is the first ICB in the country to be awarded the Quality Mark by RSM"),
    Element("staff network: Ethnic Diverse Group", "psed", ABOUT, "Ethnic Diverse Group"),
    Element("staff network: Disability and Neuro Diverse", "psed", ABOUT, "Disability and Neuro Diverse Staff network"),
    *(Element(f"EDI role {role}", "psed", ABOUT, role) for role in ROLES),
    Element("the Wellbeing Guardian is a Non Executive Director", "psed", ABOUT, "Non Executive Director"),
    Element("the PSED report 2022-23", "psed", PUBLISHED, "2022 – 2023 PSED Annual Report"),
    Element("the PSED report is in draft", "psed", PUBLISHED, "Draft, in hand"),
    Element("the PSED report is expected in April 2023", "psed", PUBLISHED, "expected April 2023"),
    Element("the draft is in hand for the equality information duty", "psed", DUTIES,
            "2022 – 2023 PSED Annual Report: draft, in hand, expected April 2023"),
    Element("the modern slavery statement is the ICS's", "psed", PUBLISHED,
            "Staffordshire and Stoke-on-Trent ICS Modern Day Slavery Statement 2023-24 (system-wide, for the "
            "integrated care system)"),
    Element("the Accessibility and Communication Statement", "psed", PUBLISHED,
            "Accessibility and Communication Statement"),
    Element("the statement meets the Accessible Information Standard", "psed", PUBLISHED,
            "Accessible Information Standard"),
]


def test_the_page_validates_with_no_errors() -> None:
    # Six publications are listed as out on a page that gives none of them a date of its own, only its own date
    # (published_by): a warning each (EK430), the hint to add the day each came out if a source gives it.
    assert [(p["code"], p["severity"]) for p in validate_problems(FOLDER)] == [("EK430", "warning")] * 6


def test_every_element_appears_where_it_belongs_in_md_and_html() -> None:
    assert misplaced(FOLDER, ELEMENTS, AS_OF) == []


PARTS: list[Part] = [
    # The page's elements, how they fitted the records before issue 22's re-encoding and how they fit now. The
    # ICB's date of establishment, recorded before, is not on the page: it is no longer recorded, nor counted here.
    Part("the ICB", "fully", "fully"),
    Part("the ICB's governance of its action plan", "fully", "fully"),
    Part("its two staff networks", "fully", "fully"),
    Part("its nine EDI roles, the Wellbeing Guardian a Non Executive Director", "fully", "fully"),
    Part("EDS 2022, its framework", "fully", "fully"),
    Part("the Accessibility and Communication Statement", "fully", "fully"),
    Part("the ICS's modern slavery statement 2023-24", "partly", "fully"),
    Part("the workforce diversity profile report 2022", "partly", "fully"),
    Part("the WRES report", "partly", "fully"),
    Part("the EDI action plan 2023/24 and the EDI policy", "partly", "fully"),
    Part("the PSED report 2022-23 in draft, expected in April 2023", "partly", "fully"),
    Part("the Menopause Ambassadors' Executive sponsor", "partly", "fully"),
    Part("the RACE Equality Code Quality Mark awarded", "not", "fully"),
    Part("the 31 actions over 3 years that the assessments produced", "partly", "fully"),
    Part("the two diagnostic assessments, January and March 2023, and who attended", "partly", "partly",
         "the page gives them no titles and no method of the list: both are filled in, and marked so"),
    Part("the page's date, 14 July 2023, by which the listed documents were out", "partly", "fully"),
    Part("the 2022-2025 equality objectives based on EDS", "not", "not",
         "the page names them but does not give them"),
    Part("the gender pay gap duty from 30 March 2024, data at 31 March 2023", "not", "not",
         "a note of a duty to come: the calendar computes it, the ICB's words have no field"),
    Part("equality impact and risk assessments carried out routinely", "not", "not",
         "no assessment is given, only that they are done"),
    Part("the EDI policy's three aims", "not", "not", "no field holds what a published policy says"),
    Part("the law's and NHS England's descriptions of PSED, AIS, EDS, WDES, WRES", "not", "not",
         "the law's and NHS England's words, not the ICB's: the reports state them themselves"),
]
FILLED = {"RACE Equality Code deep dive diagnostic assessment": "the page gives the assessments no titles"}

BEFORE = {"fully": 6, "partly": 9, "not": 6}
AFTER = {"fully": 15, "partly": 1, "not": 5}
"""How many elements fit fully, partly and not, before issue 22's re-encoding and after it."""
