"""The words a body's own specific duties give its equality plan and its report.

In England and Wales a body sets equality objectives (SI 2017/353 reg 5; SI 2011/1064 reg 3) and reports on
the duty every year. In Wales the objectives sit in the body's strategic equality plan (regs 14-15; in Welsh
Cynllun Cydraddoldeb Strategol) and the yearly report is the annual equality report (reg 16: for each reporting
year, 1 April to 31 March, by the following 31 March; Adroddiad Blynyddol ar Gydraddoldeb). In Scotland it
publishes equality outcomes every four years and, every two years, a report
on mainstreaming the equality duty and on its progress towards the outcomes (SSI 2012/162 regs 3 and 4): the
"mainstreaming and equality outcomes progress report". The record kind and its folder (`objectives/`) are the
same everywhere; only the words people read change. Every word here is translated with `_()` where shown; the
calendar's own words for the records (obligations/plans.py) follow `PlanTerms.outcomes` too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..i18n import N_


@dataclass(frozen=True)
class PlanTerms:
    """The words for a body's equality objectives (or outcomes) and its report on the duty."""

    outcomes: bool
    """Whether the body sets equality outcomes (Scotland) rather than equality objectives."""
    plural: str
    """The records together, as a heading: Equality objectives."""
    singular: str
    """One record, as a column heading or a label: Objective."""
    kind_title: str
    """One record, as the heading of a new record's file: Equality objective."""
    plan: str
    """The table of them all, as a heading and a caption."""
    none_recorded: str
    no_actions: str
    measure_progress: str
    """The title of the chart of how far each measure has come."""
    psed_title: str
    """The title of the report on the duty for a reporting year: {year}."""
    psed_summary: str
    """The report's summary: {name}, {year}, {span}, {date}."""
    served: str
    """The label of the records an action serves."""


OBJECTIVES = PlanTerms(
    outcomes=False,
    plural=N_("Equality objectives"),
    singular=N_("Objective"),
    kind_title="Equality objective",
    plan=N_("Equality objective plan"),
    none_recorded=N_("No objectives recorded."),
    no_actions=N_("No actions recorded for this objective."),
    measure_progress=N_("How far each objective measure has come from its baseline towards its target"),
    psed_title=N_("Public Sector Equality Duty annual report {year}"),
    psed_summary=N_("How {name} met the Public Sector Equality Duty in the reporting year {year}, {span}: "
                    "information as at {date}."),
    served=N_("Objectives"),
)

WALES = replace(
    OBJECTIVES,
    plan=N_("Strategic equality plan: equality objectives"),
    psed_title=N_("Annual equality report {year}"),
    psed_summary=N_("How {name} met the Public Sector Equality Duty in the reporting year {year}, {span}, and its "
                    "progress on the equality objectives of its strategic equality plan: information as at {date}."),
)
"""A body in Wales: equality objectives, in its strategic equality plan; its annual equality report (SI 2011/1064
regs 3, 14-16)."""

OUTCOMES = PlanTerms(
    outcomes=True,
    plural=N_("Equality outcomes"),
    singular=N_("Outcome"),
    kind_title="Equality outcome",
    plan=N_("Progress towards our equality outcomes"),
    none_recorded=N_("No equality outcomes recorded."),
    no_actions=N_("No actions recorded for this outcome."),
    measure_progress=N_("How far each outcome measure has come from its baseline towards its target"),
    psed_title=N_("Mainstreaming and equality outcomes progress report {year}"),
    psed_summary=N_("How {name} made the general equality duty integral to its work (mainstreaming), and its "
                    "progress towards its equality outcomes, in the reporting year {year}, {span}: information as "
                    "at {date}."),
    served=N_("Equality outcomes"),
)


def plan_terms(jurisdiction: str | None) -> PlanTerms:
    """The words of a body in `jurisdiction` (england, wales, scotland; None: a folder whose organisation file
    does not load, which reads as England's)."""
    return {"scotland": OUTCOMES, "wales": WALES}.get(jurisdiction or "england", OBJECTIVES)


_OBJECTIVE_WORD = re.compile(r"\b([Oo])bjective(s?)\b(?![/_-])")
"""The word, but not the folder (objectives/) or a key or id built from it."""


def in_outcome_words(text: str) -> str:
    """A field's description as a body in Scotland reads it, in `new`'s comments (English, like every CLI
    message): "The objective in one sentence." becomes "The outcome in one sentence."."""
    return _OBJECTIVE_WORD.sub(lambda m: f"{'O' if m.group(1) == 'O' else 'o'}utcome{m.group(2)}", text)
