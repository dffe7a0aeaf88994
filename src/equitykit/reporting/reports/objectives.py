"""The equality objective plan: each objective with its barrier, lead, dates, EDS outcomes, aims,
status, tags and measures (numeric ones with baseline, interim targets, target and latest progress; milestones
done or not by their date), laid out as in a published objective plan."""

from __future__ import annotations

import datetime as dt

from ...i18n import _, ngettext
from ...records.common import PSED_AIMS
from ...records.objective import Measure, Objective
from ...records.repository import RecordSet
from ...records.years import ReportingYear
from .actions import due_text, leads_text
from .context import AIM_NAMES, Builder, cell, header, numbered, reporting_year, update_text
from .document import BulletList, Fact, Facts, Paragraph, Report, Section
from .highlights import objective_progress
from .measures import format_value, measure_row
from .report_charts import measure_chart, way_to_target
from .tags import tag_text


def objectives_report(records: RecordSet, as_of: dt.date, year: str | None = None) -> Report:
    """The equality objective plan (in Scotland, the equality outcomes and progress towards them), with the
    progress of the reporting year `year` (e.g. 2024-25; by default the last one ended before `as_of`, as the
    annual report's) under each objective it is linked to."""
    builder = Builder(records, as_of)
    covered = reporting_year(builder.organisation.financial_year_start, as_of, year)
    objectives = sorted(records.of("objective"), key=lambda o: o.id)
    sections = [plan_section(builder, objectives)]
    sections += [objective_section(builder, objective, covered) for objective in objectives]
    return builder.finish("objectives", _(builder.terms.plural), sections,
                          summary=plan_summary(builder, objectives))


def plan_summary(builder: Builder, objectives: list[Objective]) -> str:
    """How many objectives (Scotland: outcomes) there are; that each says how progress is measured only when each
    has measures, and otherwise which were published without one."""
    count = len(objectives)
    unmeasured = [objective.id for objective in objectives if not objective.measures]
    if builder.terms.outcomes:  # Scotland: outcomes the body considers will help it perform the duty (reg 4(1))
        if objectives and not unmeasured:
            return ngettext(
                "{name} has set {count} equality outcome: a result it aims to achieve to better perform the "
                "equality duty. This report says how progress towards it is measured.",
                "{name} has set {count} equality outcomes: results it aims to achieve to better perform the "
                "equality duty. This report says how progress towards each is measured.", count).format(
                name=builder.name, count=count)
        summary = ngettext("{name} has set {count} equality outcome.", "{name} has set {count} equality outcomes.",
                           count).format(name=builder.name, count=count)
    else:
        summary = ngettext("{name} has {count} equality objective.", "{name} has {count} equality objectives.",
                           count).format(name=builder.name, count=count)
        if objectives and not unmeasured:
            return summary + " " + ngettext(
                "It is specific and measurable, and this plan says how progress towards it is measured.",
                "Each is specific and measurable, and this plan says how progress towards it is measured.", count)
    if count == 1 and unmeasured:
        summary += " " + (_("The outcome was published without a measure.") if builder.terms.outcomes
                          else _("The objective was published without a measure."))
    elif unmeasured:
        summary += " " + (ngettext(
            "{count} of the {total} outcomes was published without a measure: {ids}.",
            "{count} of the {total} outcomes were published without a measure: {ids}.", len(unmeasured))
            if builder.terms.outcomes else ngettext(
            "{count} of the {total} objectives was published without a measure: {ids}.",
            "{count} of the {total} objectives were published without a measure: {ids}.", len(unmeasured))).format(
            count=len(unmeasured), total=count, ids=", ".join(unmeasured))
    return summary


def aims(slugs: list[str]) -> str:
    return "; ".join(_(AIM_NAMES[slug]) if slug in AIM_NAMES else slug for slug in slugs) or _("None given")


def plan_section(builder: Builder, objectives: list[Objective]) -> Section:
    """The plan as a table; the EDS outcomes column only for bodies the EDS applies to."""
    eds = builder.follows("eds")
    rows = [
        (header(numbered(o.id, builder.text(o, "title"))),
         cell(builder.characteristics(o.characteristics, o.psed_aims)),
         cell(builder.text(o, "barrier") or _("Not recorded")), cell(builder.text(o, "lead") or _("Not stated")),
         cell(builder.span(o.start, o.end)),
         *([cell(", ".join(o.eds_outcomes) or _("None"))] if eds else []), cell(aims(list(o.psed_aims))),
         cell(builder.status_done(o.status, o.completed), o.status))
        for o in objectives
    ]
    terms = builder.terms
    table = builder.table(_(terms.plan), (
        _(terms.singular), builder.characteristics_heading, _("Barriers and issues"), _("Responsible officer"),
        _("Dates"), *([_("EDS outcomes")] if eds else []), _("General duty aims"), _("Status")), rows,
        _(terms.none_recorded))
    return builder.section(_(terms.plan), [table, *way_to_target(builder, objectives, format_value)])


def objective_section(builder: Builder, objective: Objective, year: ReportingYear) -> Section:
    facts = Facts(tuple(fact for fact in (
        Fact(builder.characteristics_heading, builder.characteristics(objective.characteristics, objective.psed_aims)),
        Fact(_("Barriers and issues"), builder.text(objective, "barrier") or _("Not recorded")),
        Fact(_("Responsible officer"), builder.text(objective, "lead") or _("Not stated")),
        Fact(_("Runs"), builder.span(objective.start, objective.end)),
        Fact(_("EDS outcomes"), ", ".join(objective.eds_outcomes) or _("None")) if builder.follows("eds") else None,
        Fact(_("General duty aims"), "; ".join(_(PSED_AIMS[a]) if a in PSED_AIMS else a for a in objective.psed_aims)
             or _("None given")),
        Fact(_("Status"), builder.status_done(objective.status, objective.completed), objective.status),
        Fact(_("Tags"), "; ".join(tag_text(builder, tag) for tag in objective.tags)) if objective.tags else None,
    ) if fact))
    description = builder.text(objective, "description")
    blocks: list = [Paragraph(description)] if description else []
    blocks.append(facts)
    rows = [measure_row(builder, measure) for measure in objective.measures]
    blocks.append(builder.table(_("How progress on {id} is measured").format(id=objective.id),
                                (_("Measure"), _("Source"), _("Baseline"), _("Target"), _("Latest")), rows,
                                _("No measures published.")))
    blocks += [chart for number, measure in enumerate(objective.measures, start=1) if isinstance(measure, Measure)
               for chart in measure_chart(builder, measure, format_value, _("{objective}, measure {number}").format(
                   objective=objective.id, number=number))]
    actions = [a for a in builder.records.of("action") if objective.id in a.objectives]
    blocks.append(builder.table(_("Actions serving {id}").format(id=objective.id),
                                (_("Action"), _("Lead officer"), _("Due"), _("Status")), (
        (header(numbered(a.id, builder.text(a, "title"))), cell(leads_text(builder, a)), cell(due_text(builder, a.due)),
         cell(builder.status(a.status), a.status)) for a in sorted(actions, key=lambda a: a.id)),
        _(builder.terms.no_actions)))
    progress = objective_progress(builder, objective, year)
    if progress is not None:
        blocks.append(progress)
    updates = sorted(objective.updates, key=lambda u: u.date.order)
    if updates:
        blocks.append(BulletList(tuple(update_text(builder, u.date, builder.text(u, "note"), u.status)
                                       for u in updates)))
    return builder.section(numbered(objective.id, builder.text(objective, "title")), blocks)

