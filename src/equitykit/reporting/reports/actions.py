"""The action plan: actions by work stream, in the plan's own order (the order of the action ids),
over the year's two-month periods, with leads, due dates (a day, a period or ongoing) and their
revisions, risks and mitigations, updates, and status in words with overdue derived from the as-of date."""

from __future__ import annotations

import datetime as dt
import re
from typing import get_args

from ...i18n import _, short_month
from ...records.action import Action, ActionStatus, DuePeriod
from ...records.dates import PartialDate
from ...records.repository import RecordSet
from ...records.years import year_holding
from .context import AIM_NAMES, Builder, cell, header, heading_text, numbered, update_text
from .document import Paragraph, Report, Section

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


def plan_order(actions: list[Action]) -> list[list[Action]]:
    """The actions of each work stream, the streams in the plan's own order (that of their first action id)."""
    streams: dict[str, list[Action]] = {}
    for action in sorted(actions, key=lambda a: natural_key(a.id)):
        streams.setdefault(action.work_stream, []).append(action)
    return list(streams.values())


def leads_text(builder: Builder, action: Action) -> str:
    return builder.text(action, "lead", "; ")


def due_text(builder: Builder, due: PartialDate | str | DuePeriod, earlier: bool = False) -> str:
    """A due date as written: a day, a month or a year, a period, or ongoing (`earlier`: as an earlier due date,
    in a sentence)."""
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


def status_text(builder: Builder, action: Action) -> tuple[str, str]:
    words = builder.status(action.status)
    if is_overdue(action, builder.as_of):
        return _("{status}, overdue (due {date})").format(status=words, date=due_text(builder, action.due)), "overdue"
    if action.status == "complete" and action.completed:
        return _("{status} ({date})").format(status=words, date=builder.date(action.completed)), action.status
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
        (_("Objectives"), ", ".join(action.objectives)),
    )
    lines += [_("{label}: {value}").format(label=label, value=value) for label, value in labelled if value]
    for risk in action.risks:
        lines += [_("{label}: {value}").format(label=label, value=text) for label, text in (
            (_("Risk"), builder.text(risk, "risk")), (_("Mitigation"), builder.text(risk, "mitigation"))) if text]
    for update in sorted(action.updates, key=lambda u: u.date.order):
        lines.append(update_text(builder, update.date, builder.text(update, "note")))
    return "\n".join(lines)


def actions_report(records: RecordSet, as_of: dt.date) -> Report:
    """The action plan for the financial year holding `as_of`."""
    builder = Builder(records, as_of)
    held = year_holding(as_of, builder.organisation.financial_year_start)
    start, end = held.start, held.end
    actions = list(records.of("action"))
    year = builder.span(start, end)
    sections = [summary_section(builder, actions)]
    spans = periods(start)
    streams = [stream_section(builder, members, spans) for members in plan_order(actions)]
    sections.append(builder.section(_("Action plan {year}").format(year=year), [Paragraph(
        _("Each work stream's actions, with the steps planned in each two-month period of the year."))]
        if streams else [Paragraph(_("No actions recorded."))], streams))
    return builder.finish("actions", _("Equality action plan"), sections,
                          summary=_("The equality action plan of {name} for {year}.").format(name=builder.name,
                                                                                            year=year))


def summary_section(builder: Builder, actions: list[Action]) -> Section:
    counts = {slug: 0 for slug in get_args(ActionStatus)}
    for action in actions:
        counts[action.status] += 1
    overdue = [a for a in actions if is_overdue(a, builder.as_of)]
    rows = [(header(builder.status(slug)), cell(str(count))) for slug, count in counts.items()]
    rows.append((header(_("Overdue")), cell(str(len(overdue)))))
    blocks: list = [builder.table(_("Actions by status"), (_("Status"), _("Actions")), rows)]
    blocks.append(builder.table(_("Overdue actions"), (_("Action"), _("Lead officer"), _("Due"), _("Status")), (
        (header(numbered(a.id, builder.text(a, "title"))), cell(leads_text(builder, a)),
         cell(due_text(builder, a.due)), cell(builder.status(a.status), a.status))
        for a in sorted(overdue, key=lambda a: (a.due_by, a.id))),
        _("No action is overdue on {date}.").format(date=builder.date(builder.as_of))))
    return builder.section(_("Summary"), blocks)


def stream_section(builder: Builder, actions: list[Action], spans: list[tuple[dt.date, dt.date]]) -> Section:
    """One work stream (named as its first action names it) with its actions over the year's periods."""
    stream = builder.text(actions[0], "work_stream")
    rows = []
    for action in actions:
        steps = []
        for first, last in spans:
            due = [m for m in action.milestones if first <= m.due.latest <= last]
            steps.append(cell("\n".join(_("{step} (done)").format(step=builder.text(m, "activity")) if m.done
                                        else builder.text(m, "activity") for m in due)))
        words, slug = status_text(builder, action)
        rows.append((header(action_detail(builder, action)), cell(leads_text(builder, action)), *steps,
                     cell(due_with_history(builder, action)), cell(words, slug)))
    columns = (_("Action"), _("Lead officer"), *(period_label(a, b) for a, b in spans), _("Due"), _("Status"))
    return builder.section(stream, [builder.table(_("{stream}: actions").format(stream=heading_text(stream)),
                                                  columns, rows)])
