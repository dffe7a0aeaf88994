"""Seed 002: Solent NHS Trust's Workforce Equality Standard Strategy (WRES strategy, roadmap to 2018). Most of
the page was images (roadmap, timetables, "What we will do", targets): the text keeps the three key aims, the
four strategic WRES actions and the Diversity Scorecard, which this fixture holds."""

from __future__ import annotations

import datetime as dt

from .placement import SEEDS, Element, misplaced, validate_problems

FOLDER = SEEDS / "solent-wres-strategy"
AS_OF = dt.date(2016, 3, 31)
PLAN = "The WRES Implementation Plan"
AIMS = ("Inclusive leadership at all levels", "Representative workforce across all levels",
        "An inclusive workplace culture and environment")
TARGETS = "WRES targets"

ELEMENTS: list[Element] = [
    Element("the trust", "wres", "", "Solent NHS Trust"),
    # The strategy as a plan of its own (issue 24): its title and purpose, and the heading of its actions.
    Element("the strategy's title", "actions:wres-strategy", "", "Our Workforce Equality Standard Strategy"),
    Element("the strategy's purpose", "actions:wres-strategy", "",
            "This strategy will provide Solent NHS Trust with a sustainable delivery model"),
    Element("the implementation plan", "actions:wres-strategy", "Actions by heading", "The WRES Implementation Plan"),
    *(Element(f"strategic WRES action {name}", "actions", PLAN, f"Strategic WRES Action: {name}") for name in (
        "Diverse Data Analysis", "Workforce Engagement", "Training and Development", "Organisational Development")),
    *(Element(f"key aim {aim}", "objectives", "Equality objective plan", aim) for aim in AIMS),
    Element("roadmap to 2018", "objectives", "Equality objective plan", "1 April 2015 to 31 March 2018"),
    Element("leadership paragraph", "objectives", f"OBJ-1: {AIMS[0]}",
            "Leaders are responsible for being able to manage a diverse workforce, work alongside members of "
            "diverse teams and create an inclusive culture."),
    Element("representative workforce paragraph", "objectives", f"OBJ-2: {AIMS[1]}",
            "It enables us to tap into a broad spectrum of experience and ideas that comes as being part of a "
            "diverse team."),
    Element("inclusive culture paragraph", "objectives", f"OBJ-3: {AIMS[2]}",
            "We have developed a set of Equality Standards that will aim to embed equality and diversity throughout "
            "the organisation"),
    Element("the Diversity Scorecard", "objectives", f"OBJ-1: {AIMS[0]}", "Diversity Scorecard"),
    # The WRES indicators the strategy names (BME Board representation; promotion, grading, disciplinary,
    # bullying and access to mandatory training), each beside its indicator in the WRES report.
    Element("indicator 9: BME Board representation", "wres", TARGETS, "OBJ-1: BME Board representation"),
    Element("indicator 1: senior leadership", "wres", TARGETS, "OBJ-2: Representation in senior leadership positions"),
    Element("indicator 2: promotion, grading", "wres", TARGETS, "OBJ-2: Promotion, grading"),
    Element("indicator 3: disciplinary", "wres", TARGETS, "OBJ-3: Disciplinary"),
    Element("indicator 4: mandatory training", "wres", TARGETS, "OBJ-3: Access to mandatory training"),
    Element("indicator 5: bullying", "wres", TARGETS, "OBJ-3: Bullying"),
    Element("indicator numbers", "wres", TARGETS, "Indicator 9"),
]


def test_the_strategy_validates_with_no_errors() -> None:
    problems = validate_problems(FOLDER)
    assert [p for p in problems if p["severity"] == "error"] == []
    # The targets were in images: each measure without one is a warning, not an error, while not started.
    assert {(p["code"], p["severity"]) for p in problems} == {("EK407", "warning")}


def test_every_element_appears_where_it_belongs_in_md_and_html() -> None:
    assert misplaced(FOLDER, ELEMENTS, AS_OF) == []
