"""Seed 002: Solent NHS Trust's Workforce Equality Standard Strategy (WRES strategy, roadmap to 2018). Most of
the page was images (roadmap, timetables, "What we will do", targets): the text keeps the three key aims, the
four strategic WRES actions and the Diversity Scorecard, which this fixture holds."""

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

FOLDER = SEEDS / "solent-wres-strategy"
SOURCE = (SOURCES / "002-solent-wres-strategy.txt").read_text(encoding="utf-8")
AS_OF = dt.date(2016, 3, 31)
PLAN = "The WRES Implementation Plan"
AIMS = ("Inclusive leadership at all levels", "Representative workforce across all levels",
        "An inclusive workplace culture and environment")

ELEMENTS: list[Element] = [
    Element("the trust", "wres", "", "Solent NHS Trust"),
    # The strategy as a plan of its own (issue 24): its title and purpose, and the heading of its actions.
    Element("the strategy's title", "actions:wres-strategy", "", "Our Workforce Equality Standard Strategy"),
    Element("the strategy's purpose", "actions:wres-strategy", "",
            "This strategy will provide Solent NHS Trust with a sustainable delivery model"),
    Element("the implementation plan", "actions:wres-strategy", "Actions by heading", "The WRES Implementation Plan"),
    Element("its targets and work programme", "actions:wres-strategy", "",
            "We have set ourselves ambitious targets and responded by launching a work programme for WRES"),
    Element("the Diversity Scorecard", "actions:wres-strategy", "",
            "progress is measured through our Diversity Scorecard"),
    Element("the strategy's alignment", "actions:wres-strategy", "",
            "Our WRES strategy is aligned to our organisational values and objectives"),
    *(Element(f"strategic WRES action {name}", "actions", PLAN, f"Strategic WRES Action: {name}") for name in (
        "Diverse Data Analysis", "Workforce Engagement", "Training and Development", "Organisational Development")),
    *(Element(f"key aim {aim}", "objectives", "Equality objective plan", aim) for aim in AIMS),
    Element("roadmap to 2018 (no start given)", "objectives", "Equality objective plan", "to 2018"),
    Element("leadership paragraph", "objectives", f"OBJ-1: {AIMS[0]}",
            "Leaders are responsible for being able to manage a diverse workforce, work alongside members of "
            "diverse teams and create an inclusive culture."),
    Element("representative workforce paragraph", "objectives", f"OBJ-2: {AIMS[1]}",
            "It enables us to tap into a broad spectrum of experience and ideas that comes as being part of a "
            "diverse team."),
    Element("inclusive culture paragraph", "objectives", f"OBJ-3: {AIMS[2]}",
            "We have developed a set of Equality Standards that will aim to embed equality and diversity throughout "
            "the organisation"),
]


def test_the_strategy_validates_with_no_errors() -> None:
    problems = validate_problems(FOLDER)
    assert [p for p in problems if p["severity"] == "error"] == []
    # The aims' lists and targets were images: no status (EK450), lead, aims or measure (EK451) is given; the
    # actions give no lead or due date (EK453); the roadmap gives an end but no start (EK454, once).
    assert {(p["code"], p["severity"]) for p in problems} == {("EK450", "warning"), ("EK451", "warning"),
                                                             ("EK453", "warning"), ("EK454", "warning")}
    assert [p["file"] for p in problems if p["code"] == "EK454"] == ["objectives/OBJ-1.yaml"]


def test_every_element_appears_where_it_belongs_in_md_and_html() -> None:
    assert misplaced(FOLDER, ELEMENTS, AS_OF) == []


PARTS: list[Part] = [
    # The page's elements, how they fitted the records before issue 22's re-encoding and how they fit now.
    Part("the trust", "fully", "fully"),
    Part("the strategy's title", "fully", "fully"),
    Part("the strategy's purpose", "fully", "fully"),
    Part("the WRES Implementation Plan heading", "fully", "fully"),
    Part("EDS2, the trust's framework", "fully", "fully"),
    Part("race, the characteristic of a WRES strategy", "fully", "fully"),
    Part("the Equality Standard Roadmap to 2018", "partly", "fully"),
    Part("its ambitious targets and work programme for WRES", "not", "fully"),
    Part("the strategy's alignment with the trust's values", "not", "fully"),
    Part("the four strategic WRES actions", "partly", "fully"),
    Part("the three key aims and what the page says of each", "partly", "fully"),
    Part("the Diversity Scorecard, how progress is measured", "partly", "partly",
         "a way of measuring without a unit or figures: held as the plan's text"),
    Part("the WRES indicators the page names (promotion, disciplinary, bullying, training, board)", "partly", "not",
         "named as the standard's areas, tied to no aim or action: a link or tag would be invented"),
    Part("each aim's 'What we will do' list and targets", "not", "not", "images, lost from the text"),
    Part("the EDS2 and WRES timetables for implementation", "not", "not", "images, lost from the text"),
    Part("the Diversity Scorecard's themes (EDS goals 1 to 3)", "not", "not", "lists lost from the text"),
    Part("the public sector equality duty and the WRES's history", "not", "not",
         "the law's and NHS England's words, not the trust's: the reports state them themselves"),
]
FILLED: dict[str, str] = {}

BEFORE = {"fully": 6, "partly": 5, "not": 6}
AFTER = {"fully": 11, "partly": 1, "not": 5}
"""How many elements fit fully, partly and not, before issue 22's re-encoding and after it."""
