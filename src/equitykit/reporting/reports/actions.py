"""The action plan: actions by work stream, in the plan's own order (the order of the action ids),
over the year's two-month periods, with leads, due dates (a day, a period or ongoing) and their
revisions, risks and mitigations, updates, and status in words with overdue derived from the as-of date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import get_args

from ...i18n import _, short_month
from ...records.action import Action, ActionStatus, DuePeriod, Milestone
from ...records.dates import PartialDate
from ...records.objective import Kpi, Measure, MilestoneKpi
from ...records.plan import Heading, Plan
from ...records.repository import RecordSet
from ...records.tags import tag_frameworks, unknown_tag
from ...records.years import year_holding
from .context import (
    AIM_NAMES,
    Builder,
    ReportUnavailable,
    cell,
    chosen_year,
    header,
    heading_text,
    numbered,
    update_text,
)
from .document import Paragraph, Report, Section
from .measures import latest_text, measure_value, milestone_status, target_text
from .tags import framework_text, tag_names, tag_text

PERIOD_MONTHS = 2


def periods(start: dt.date) -> list[tuple[dt.date, dt.date]]:
    """Six two-month periods from `start`."""
    result = []
    for index in range(12 // PERIOD_MONTHS):
        first = _add_months(start, index * PERIOD_MONTHS)
        result.append((first, _add_months(start, (index + 1) * PERIOD_MONTHS) - dt.timedelta(days=1)))
    return result


def _add_months(day: dt.date, months: int) -> dt.date:
    total = day.month - 1 + months
    return dt.date(day.year + total // 12, total % 12 + 1, day.day)


def period_label(first: dt.date, last: dt.date) -> str:
    if first.year == last.year:
        return _("{first_month} to {last_month} {year}").format(
            first_month=short_month(first), last_month=short_month(last), year=last.year)
    return _("{first_month} {first_year} to {last_month} {last_year}").format(
        first_month=short_month(first), first_year=first.year, last_month=short_month(last), last_year=last.year)


def is_overdue(action: Action, as_of: dt.date) -> bool:
    """Overdue: due by a day before the as-of date and neither complete, ongoing nor carried forward."""
    due = action.due_by
    return action.status in ("not-started", "in-progress") and due is not None and due < as_of


def natural_key(text: str) -> tuple:
    """A sort key that puts ACT-2 before ACT-10."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", text))


def plan_order(actions: list[Action], headings: Sequence[Heading] = ()) -> list[tuple[Heading | None, list[Action]]]:
    """The actions of each work stream: a plan's headings first, in its order (a heading may have no actions),
    then the other streams in the order of their first action id."""
    streams: dict[str, list[Action]] = {heading.title: [] for heading in headings}
    for action in sorted(actions, key=lambda a: natural_key(a.id)):
        streams.setdefault(action.work_stream, []).append(action)
    by_title = {heading.title: heading for heading in headings}
    return [(by_title.get(title), members) for title, members in streams.items()]


def leads_text(builder: Builder, action: Action) -> str:
    """The responsible officers, or Not stated where the plan names none."""
    return builder.text(action, "lead", "; ") if action.lead is not None else _("Not stated")


def due_text(builder: Builder, due: PartialDate | str | DuePeriod | None, earlier: bool = False) -> str:
    """A due date as written: a day, a month or a year, a period, or ongoing (`earlier`: as an earlier due date,
    in a sentence); Not stated where the plan gives none."""
    if due is None:
        return _("Not stated")
    if isinstance(due, DuePeriod):
        return builder.span(due.start, due.end)
    if isinstance(due, PartialDate):
        return builder.date(due)
    return _("ongoing") if earlier else _("Ongoing")


def due_with_history(builder: Builder, action: Action) -> str:
    """The due date, then each earlier due date with when and why it changed."""
    lines = [due_text(builder, action.due)]
    for revision in action.due_history:
        earlier = _("an earlier date") if revision.due is None else due_text(builder, revision.due, earlier=True)
        reason = builder.text(revision, "reason")
        if revision.revised:
            lines.append(_("Was {earlier}, revised {date}: {reason}").format(
                earlier=earlier, date=builder.date(revision.revised), reason=reason))
        else:
            lines.append(_("Was {earlier}: {reason}").format(earlier=earlier, reason=reason))
    return "\n".join(lines)


def carried_text(builder: Builder, action: Action) -> str:
    carrier = action.carried_by or _("not recorded")
    other = next((a for a in builder.records.of("action") if a.id == carrier), None)
    return _("{status}: covered by {action}").format(
        status=builder.status(action.status),
        action=numbered(other.id, builder.text(other, "title")) if other else carrier)


def status_text(builder: Builder, action: Action) -> tuple[str, str | None]:
    words = builder.status(action.status)
    if is_overdue(action, builder.as_of):
        return _("{status}, overdue (due {date})").format(status=words, date=due_text(builder, action.due)), "overdue"
    if action.status == "complete" and action.completed:
        return builder.status_done(action.status, action.completed), action.status
    if action.status == "carried-forward":
        return carried_text(builder, action), action.status
    return words, action.status


def action_detail(builder: Builder, action: Action) -> str:
    """The action cell: id and title, then what the plan says of it beyond its steps."""
    description = builder.text(action, "description")
    lines = [numbered(action.id, builder.text(action, "title")),
             *([description] if description else [])]
    labelled = (
        (_("Characteristics"), builder.characteristics(action.characteristics) if action.characteristics else ""),
        (_("Barrier"), builder.text(action, "barrier")),
        (_("Outcome"), builder.text(action, "outcome")),
        (_("General duty aims"), "; ".join(_(AIM_NAMES[aim]) for aim in action.psed_aims)),
        (_("EDS outcomes"), ", ".join(action.eds_outcomes)),
        (_(builder.terms.served), ", ".join(action.objectives)),
    )
    lines += [_("{label}: {value}").format(label=label, value=value) for label, value in labelled if value]
    for risk in action.risks:
        lines += [_("{label}: {value}").format(label=label, value=text) for label, text in (
            (_("Risk"), builder.text(risk, "risk")), (_("Mitigation"), builder.text(risk, "mitigation"))) if text]
    for update in sorted(action.updates, key=lambda u: u.date.order):
        lines.append(update_text(builder, update.date, builder.text(update, "note")))
    return "\n".join(lines)


def actions_report(records: RecordSet, as_of: dt.date, year: str | None = None, plan: str | None = None,
                   tag: str | None = None) -> Report:
    """The action plan for the financial year `year` names (e.g. 2025-26), or by default the one holding `as_of`;
    or the plan `plan` with its own title, period and headings; only the actions tagged `tag` (e.g. hia:3) when
    given."""
    builder = Builder(records, as_of)
    selection = select_actions(builder, year, plan, tag)
    chosen, actions, start, end = selection.plan, selection.actions, selection.start, selection.end
    span = (builder.span(chosen.period.start, chosen.period.end)  # as printed: "April 2025 to March 2026"
            if chosen is not None and chosen.period is not None else builder.span(start, end))
    shown = Shown(any(a.measures for a in actions), any(a.tags for a in actions))
    sections = [summary_section(builder, actions)]
    if shown.kpis:
        sections.append(kpi_section(builder, actions))
    spans = periods(start) if end <= _add_months(start, 12) else []
    streams = [stream_section(builder, members, spans, shown, heading)
               for heading, members in plan_order(actions, chosen.headings if chosen else [])]
    plan_title = _("Actions by heading") if chosen else _("Action plan {year}").format(year=span)
    intro = (_("Each work stream's actions, with the steps planned in each two-month period of the year.") if spans
             else _("Each heading's actions, with their steps."))
    blocks = [Paragraph(intro if streams else _("No actions recorded."))]
    sections.append(builder.section(plan_title, blocks, streams))
    title = builder.text(chosen, "title") if chosen else _("Equality action plan")
    summary = plan_summary(builder, chosen, title, span)
    if tag is not None:
        summary += " " + _("Only the actions tagged {tag}.").format(tag=tag_text(builder, tag))
    return builder.finish("actions", title, sections, summary=summary)


def plan_summary(builder: Builder, chosen: Plan | None, title: str, span: str) -> str:
    """What the report covers: the year's actions, or the plan's with its period (or, when it gives none, the
    year the report covers instead), its version and its description."""
    if chosen is None:
        return _("The equality action plan of {name} for {year}.").format(name=builder.name, year=span)
    if chosen.period is None:
        summary = _("{plan} of {name}. The plan gives no period; this report covers the year {year}.").format(
            plan=title, name=builder.name, year=span)
    else:
        summary = _("{plan} of {name}, {year}.").format(plan=title, name=builder.name, year=span)
    if chosen.version:  # "Version: 2.", not "Version: 2.." when the plan prints its version with a full stop
        summary += " " + _("Version: {version}.").format(version=builder.text(chosen, "version").removesuffix("."))
    if chosen.framework:
        summary += " " + _("Framework: {framework}.").format(framework=framework_text(builder, chosen.framework))
    description = builder.text(chosen, "description")
    return summary + (f" {description}" if description else "")


@dataclass(frozen=True)
class Selection:
    """The actions `report actions` shows: those of the plan chosen (every action without one), only those with
    the tag chosen when there is one, and the period they are planned over (the plan's, or the year's)."""

    plan: Plan | None
    tag: str | None
    actions: list[Action]
    start: dt.date
    end: dt.date


def select_actions(builder: Builder, year: str | None = None, plan: str | None = None,
                   tag: str | None = None) -> Selection:
    """The actions of the plan `plan` (plans/ID), or of every plan, with the tag `tag` when given, over the plan's
    period or the financial year `year` names (by default the one holding the as-of date); one selection for
    every format of the actions report. Raises ReportUnavailable, with the nearest id or tag, for an unknown
    one."""
    records = builder.records
    chosen = _plan(records, plan)
    if chosen is not None and chosen.period is not None:
        start, end = chosen.period.start.earliest, chosen.period.end.latest
    else:
        start_month_day = builder.organisation.financial_year_start
        held = chosen_year(start_month_day, year) or year_holding(builder.as_of, start_month_day)
        start, end = held.start, held.end
    actions = [action for action in records.of("action") if chosen is None or action.plan == chosen.id]
    if tag is not None:
        problem = unknown_tag(tag, tag_frameworks(builder.organisation))
        if problem:
            raise ReportUnavailable(f"--tag {problem}")
        actions = [action for action in actions if tag in action.tags]
    return Selection(chosen, tag, sorted(actions, key=lambda a: natural_key(a.id)), start, end)


def _plan(records: RecordSet, plan: str | None) -> Plan | None:
    if plan is None:
        return None
    found = next((record for record in records.of("plan") if record.id == plan), None)
    if found is None:
        from ...records.suggest import did_you_mean

        raise ReportUnavailable(f"there is no valid plan {plan} (looked for plans/{plan}.yaml)"
                                f"{did_you_mean(plan, records.ids('plan'))}")
    return found


class Shown:
    """Which optional columns the plan's tables carry: KPIs, tags (only when some action has them)."""

    def __init__(self, kpis: bool, tags: bool) -> None:
        self.kpis, self.tags = kpis, tags


def status_counts(actions: Sequence[Action]) -> dict[str, int]:
    """How many actions have each status; one with no status stated is in no count by status."""
    counts = {slug: 0 for slug in get_args(ActionStatus)}
    for action in actions:
        if action.status is not None:
            counts[action.status] += 1
    return counts


def summary_section(builder: Builder, actions: list[Action]) -> Section:
    counts = status_counts(actions)
    overdue = [a for a in actions if is_overdue(a, builder.as_of)]
    rows = [(header(builder.status(slug)), cell(str(count))) for slug, count in counts.items()]
    not_stated = sum(1 for action in actions if action.status is None)
    if not_stated:
        rows.append((header(builder.status(None)), cell(str(not_stated))))
    rows.append((header(_("Overdue")), cell(str(len(overdue)))))
    blocks: list = [builder.table(_("Actions by status"), (_("Status"), _("Actions")), rows)]
    if any(action.measures for action in actions):
        blocks.append(Paragraph(_("Progress on KPIs: {summary}").format(summary=kpi_summary(builder, actions))))
    blocks.append(builder.table(_("Overdue actions"), (_("Action"), _("Lead officer"), _("Due"), _("Status")), (
        (header(numbered(a.id, builder.text(a, "title"))), cell(leads_text(builder, a)),
         cell(due_text(builder, a.due)), cell(builder.status(a.status), a.status))
        for a in sorted(overdue, key=lambda a: (a.due_by, a.id))),
        _("No action is overdue on {date}.").format(date=builder.date(builder.as_of))))
    return builder.section(_("Summary"), blocks)


def stream_section(builder: Builder, actions: list[Action], spans: list[tuple[dt.date, dt.date]],
                   shown: Shown | None = None, heading: Heading | None = None) -> Section:
    """One work stream (a plan's heading, or named as its first action names it) with its actions over the
    year's periods, and the KPI and tag columns when the plan has them."""
    shown = shown or Shown(False, False)
    stream = builder.text(heading, "title") if heading else builder.text(actions[0], "work_stream")
    blocks: list = []
    if heading is not None:
        lead, description = builder.text(heading, "lead", "; "), builder.text(heading, "description")
        blocks += [Paragraph(text) for text in (
            _("Lead: {lead}").format(lead=lead) if lead else "", description) if text]
    rows = []
    for action in actions:
        steps = []
        for first, last in spans:
            due = [m for m in action.milestones if first <= m.due.earliest and m.due.latest <= last]
            steps.append(cell("\n".join(step_text(builder, m) for m in due)))
        words, slug = status_text(builder, action)
        unplaced = [m for m in action.milestones if not spans or (  # in the year, but wider than any period (a year)
            m.due.overlaps(spans[0][0], spans[-1][1])
            and not any(first <= m.due.earliest and m.due.latest <= last for first, last in spans))]
        detail = action_detail(builder, action) + "".join(
            "\n" + _("Step due {date}: {step}").format(date=builder.date(m.due), step=step_text(builder, m))
            for m in sorted(unplaced, key=lambda m: m.due.order))
        rows.append((header(detail), cell(leads_text(builder, action)), *steps,
                     *([cell(kpi_cell(builder, action))] if shown.kpis else []),
                     *([cell(tag_names(builder, action.tags))] if shown.tags else []),
                     cell(due_with_history(builder, action)), cell(words, slug)))
    columns = (_("Action"), _("Lead officer"), *(period_label(a, b) for a, b in spans),
               *([_("KPIs")] if shown.kpis else []), *([_("Tags")] if shown.tags else []), _("Due"), _("Status"))
    if actions:
        blocks.append(builder.table(_("{stream}: actions").format(stream=heading_text(stream)), columns, rows))
    else:
        blocks.append(Paragraph(_("No actions under this heading yet.")))
    return builder.section(stream, blocks)


def step_text(builder: Builder, milestone: Milestone) -> str:
    """A milestone's activity, marked done when it is."""
    activity = builder.text(milestone, "activity")
    return _("{step} (done)").format(step=activity) if milestone.done else activity


def kpi_name(builder: Builder, kpi: Kpi | MilestoneKpi) -> str:
    description = builder.text(kpi, "description")
    owner = builder.text(kpi, "owner")
    return _("{kpi} (owner: {owner})").format(kpi=description, owner=owner) if owner else description


def kpi_cell(builder: Builder, action: Action) -> str:
    """An action's KPIs in its row: each it defines with its figures, and each it shares, named once."""
    lines = []
    for measure in action.measures:
        if isinstance(measure, str):
            owner, kpi = builder.records.kpis.get(measure, (None, None))
            lines.append(_("Shared with {action}: {kpi}").format(action=owner.id, kpi=builder.text(kpi, "description"))
                         if owner and kpi else measure)
        elif isinstance(measure, Measure):
            lines.append(_("{kpi}: baseline {baseline}; target {target}").format(
                kpi=kpi_name(builder, measure), baseline=measure_value(builder, measure, measure.baseline),
                target=measure_value(builder, measure, measure.target)))
        else:
            lines.append(_("{kpi}: {status}").format(kpi=kpi_name(builder, measure),
                                                     status=milestone_status(builder, measure)))
    return "\n".join(lines)


def plan_kpis(builder: Builder, actions: list[Action]) -> list[tuple[Kpi | MilestoneKpi, list[str]]]:
    """Every KPI of the actions, once, with the ids of the actions that carry it (define or share it)."""
    sharing: dict[int, tuple[Kpi | MilestoneKpi, list[str]]] = {}
    for action in sorted(actions, key=lambda a: natural_key(a.id)):
        for measure in action.measures:
            kpi = builder.records.kpis.get(measure, (None, None))[1] if isinstance(measure, str) else measure
            if kpi is not None:
                sharing.setdefault(id(kpi), (kpi, []))[1].append(action.id)
    return list(sharing.values())


def kpi_summary(builder: Builder, actions: list[Action]) -> str:
    kpis = [kpi for kpi, _carriers in plan_kpis(builder, actions)]
    return _("{count} KPIs; {done} met or done.").format(count=len(kpis), done=sum(1 for kpi in kpis if kpi_met(kpi)))


def kpi_section(builder: Builder, actions: list[Action]) -> Section:
    """Progress on every KPI of the plan, each shown once with the actions that share it."""
    rows = []
    for kpi, carriers in plan_kpis(builder, actions):
        if isinstance(kpi, Measure):
            figures = (measure_value(builder, kpi, kpi.baseline), target_text(builder, kpi), latest_text(builder, kpi))
        else:
            figures = (_("Not applicable"), _("Done by {date}").format(date=builder.date(kpi.by)),
                       milestone_status(builder, kpi))
        rows.append((header(builder.text(kpi, "description")), cell(", ".join(carriers)),
                     cell(builder.text(kpi, "owner") or _("Not recorded")), *map(cell, figures)))
    return builder.section(_("Progress on KPIs"), [
        Paragraph(kpi_summary(builder, actions)),
        builder.table(_("Progress on KPIs"), (_("KPI"), _("Actions"), _("Owner"), _("Baseline"), _("Target"),
                                             _("Latest")), rows)])


def kpi_met(kpi: Kpi | MilestoneKpi) -> bool:
    """A milestone done, or a numeric KPI whose latest figure has reached its target (from its baseline's side)."""
    if not isinstance(kpi, Measure):
        return kpi.done
    if not (kpi.progress and kpi.target):
        return False
    latest = max(kpi.progress, key=lambda p: p.date.order).value
    rising = kpi.baseline is None or kpi.target.value >= kpi.baseline.value
    return latest >= kpi.target.value if rising else latest <= kpi.target.value
