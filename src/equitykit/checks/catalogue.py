"""Every problem code equitykit reports, with a one-line title and its basis.

The codes are stable: users cite them and CI logs search for them. The table of rules in the
documentation is generated from this catalogue (`equitykit rules`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    """A stable problem code."""

    code: str
    title: str
    basis: str = ""
    hint: str = ""
    """What to do about many problems of this code at once, said once under validate's text summary."""


_CODES = [
    Code("EK101", "File cannot be read as UTF-8 text"),
    Code("EK102", "YAML syntax error", "YAML 1.2"),
    Code("EK103", "Duplicate key in a mapping", "YAML 1.2: keys are unique"),
    Code("EK104", "Several YAML documents in one file"),
    Code("EK105", "Empty file"),
    Code("EK106", "Root is not a mapping"),
    Code("EK107", "YAML tag not allowed", "safe loading: nothing is constructed or executed"),
    Code("EK108", "Tab used for indentation", "YAML 1.2 forbids tabs in indentation"),
    Code("EK109", "File too large, too deep or expands too far"),
    Code("EK110", "Control character in text", "YAML 1.2 printable characters; terminal and page safety"),
    Code("EK201", "Required field missing or empty"),
    Code("EK202", "Unknown key"),
    Code("EK203", "Value of the wrong type"),
    Code("EK204", "Value not among those allowed"),
    Code("EK205", "Invalid date", "ISO 8601"),
    Code("EK206", "Value outside its allowed range or form"),
    Code("EK207", "Record id differs from its file name"),
    Code("EK208", "File or folder not read"),
    Code("EK301", "Duplicate record id"),
    Code("EK302", "Reference to a record that does not exist"),
    Code("EK303", "EDS outcome code not in the record's framework", "NHS EDS 2022; EDS2 (2013)"),
    Code("EK304", "Characteristic neither protected nor declared", "Equality Act 2010 ss4-12"),
    Code("EK401", "EIA completed after the decision", "R (Brown) v SSWP [2008] EWHC 3158: due regard "
         "before and at the time of the decision"),
    Code("EK402", "EIA does not consider every characteristic", "Equality Act 2010 s149; Brown: rigour"),
    Code("EK403", "EIA finding without evidence, or not-relevant without a reason",
         "Bracking [2013] EWCA Civ 1345: adequate record of due regard"),
    Code("EK404", "Negative impact without mitigation", "Equality Act 2010 s149(3)(a)"),
    Code("EK405", "Marriage and civil partnership without the aim of eliminating discrimination",
         "Equality Act 2010 s149(7)"),
    Code("EK406", "Objective runs longer than four years", "SI 2017/353 reg 5; SI 2011/1064 reg 3"),
    Code("EK407", "Objective measure without a target (a warning until it starts); a target without a "
         "baseline is a warning", "SI 2017/353 reg 5: objectives must be specific and measurable"),
    Code("EK408", "Completed action or objective without a completion date (a warning: plans often give "
         "none)"),
    Code("EK409", "Dates in the wrong order"),
    Code("EK410", "Workforce: more appointed than shortlisted", "NHS WRES indicator 2; WDES metric 2"),
    Code("EK411", "Workforce: groups add up to more than the total"),
    Code("EK412", "Pay gap: male and female shares of a quartile do not add up to 100",
         "GOV.UK gender pay gap service integrity check"),
    Code("EK413", "Pay gap: figure has more than one decimal place", "GOV.UK gender pay gap service"),
    Code("EK414", "Pay gap: bonus gaps must be 100 when no woman was paid a bonus",
         "GOV.UK gender pay gap service integrity check"),
    Code("EK415", "EDS outcome not graded", "NHS EDS 2022: score each outcome"),
    Code("EK416", "Completion date on an action or objective that is not complete"),
    Code("EK417", "Completed EIA without an outcome or sign-off", "Brown: keep an adequate record"),
    Code("EK418", "EIA characteristic not yet assessed (a warning until the EIA is completed)",
         "Equality Act 2010 s149; Brown: due regard to every characteristic"),
    Code("EK419", "Placeholder text still to be written"),
    Code("EK430", "Publication marked published without a published date, or not yet published with one"),
    Code("EK431", "Body's established or dissolved date outside the years its kind of body existed",
         "Health and Social Care Act 2012; Health and Care Act 2022 (CCGs to ICBs on 1 July 2022)"),
    Code("EK425", "Key under its old name (still read; fmt renames it)"),
    Code("EK426", "A date of something done that is after today (--as-of)"),
    Code("EK420", "EDS assessment's id, year, period and grading date disagree",
         "NHS EDS: one assessment per reporting year, graded and published within it"),
    Code("EK435", "Action carried forward without saying what carries it on, or the reverse"),
    Code("EK437", "EDS2 grade as published differs from the grade the characteristics give (or a grade on an "
         "EDS 2022 outcome)",
         "NHS EDS2 (2013) grading: 3-5 characteristics Developing, 6-8 Achieving"),
    Code("EK451", "Objective published without a lead, measures, characteristics or general duty aims",
         "SI 2017/353 reg 5 and SI 2011/1064 reg 3: objectives are to be specific and measurable; SSI 2012/162 "
         "reg 4 (outcomes)"),
    Code("EK450", "Actions or objectives that state no status (said once for each folder)",
         "As published: many plans publish no status; reports say Not stated"),
    Code("EK453", "Actions that name no lead or give no due date (said once for each folder)",
         "As published: many plans name no lead or give no date; reports say Not stated"),
    Code("EK454", "Objectives that give no start date (said once for each folder)",
         "As published: many plans give only an end (\"roadmap to 2018\"); reports show the period as \"to 2018\""),
    Code("EK440", "Ethnicity, disability or sexual orientation pay gap record not named <snapshot>-<characteristic>",
         "NHS EDI Improvement Plan HIA 3; GOV.UK ethnicity pay reporting guidance (2023)"),
    Code("EK441", "Pay gap: part of the statutory set is not recorded for a year the body had to publish it "
         "(a warning)", "SI 2017/353 reg 3 and Schedule 1 para 2: all six figures, 250 or more employees"),
    Code("EK470", "EIA without an owner or a start date (recorded as published, a warning)",
         "Brown: keep an adequate record; due regard from the start of development"),
    Code("EK471", "Action's work stream is not a heading of its plan"),
    Code("EK472", "Tag or framework not in the vocabulary (built in, or declared under tags: in equitykit.yaml)",
         "NHS WRES (9 indicators), WDES (10 metrics), NHS EDI Improvement Plan (2023): six high impact actions"),
    Code("EK473", "KPI id given to more than one measure"),
    Code("EK452", "Highlight's figure is not among the numbers its text publishes",
         "as published: the text and the figure copied from it should agree"),
    Code("EK455", "Figure as published differs from the figure computed from the counts or grades",
         "Record what was published, as published; the computed figure is the one reported (NHS WRES and WDES "
         "technical guidance; NHS EDS 2022 scoring: the overall score is the sum of the outcome scores)"),
    Code("EK456", "Figure as published that its indicator or metric does not report, or a result stated two ways "
         "without a note"),
    Code("EK457", "EDS outcomes at each grade as published differ from the outcomes' own grades, or add up to more "
         "outcomes than the framework has",
         "Record what was published, as published; the counts from the outcomes' grades are the ones reported "
         "(NHS EDS2: 18 outcomes; EDS 2022: 11 outcomes, scored 0 to 3)"),
    Code("EK465", "Text without its Welsh version, for a body that publishes in Welsh",
         "Welsh Language Standards (Welsh Language (Wales) Measure 2011): Welsh treated no less favourably "
         "than English", hint="`equitykit translations` lists every text without its Welsh version, as a "
         "worklist for a translator"),
    Code("EK466", "Welsh text without its English version, for a body that publishes in English"),
    Code("EK467", "Welsh list without one entry for each English one"),
]
CODES: dict[str, Code] = {code.code: code for code in _CODES}


def rules_markdown() -> str:
    """The table of problem codes for docs/rules.md."""
    rows = [f'| <a id="{c.code.lower()}"></a>`{c.code}` | {c.title} | {c.basis} |' for c in CODES.values()]
    return "\n".join([
        "# Problem codes",
        "",
        "Generated by `equitykit rules --format md`; do not edit by hand.",
        "`EK1xx` syntax, `EK2xx` schema, `EK3xx` references, `EK4xx` domain rules.",
        "",
        "| code | problem | basis |",
        "| --- | --- | --- |",
        *rows,
        "",
    ])
