"""The action plan: actions by work stream, in the plan's own order (the order of the action ids),
over the year's two-month periods, with leads, due dates (a day, a period or ongoing) and their
revisions, risks and mitigations, updates, and status in words with overdue derived from the as-of date."""

from __future__ import annotations

import datetime as dt
import re
from typing import get_args

from ...records.action import Action, ActionStatus, DuePeriod
from ...records.repository import RecordSet
from ...records.years import year_holding
from .context import AIM_NAMES, Builder, cell, header, heading_text
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
        return f"{first:%b} to {last:%b} {last.year}"
    return f"{first:%b} {first.year} to {last:%b} {last.year}"


def is_overdue(action: Action, as_of: dt.date) -> bool:
    """Overdue: due by a day before the as-of date and neither complete, ongoing nor carried forward."""
    due = action.due_by
    return action.status in ("not-started", "in-progress") and due is not None and due < as_of


def natural_key(text: str) -> tuple:
    """A sort key that puts ACT-2 before ACT-10."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", text))


def plan_order(actions: list[Action]) -> list[tuple[str, list[Action]]]:
    """Work streams in the plan's own order (that of their first action id), each with its actions."""
    streams: dict[str, list[Action]] = {}
    for action in sorted(actions, key=lambda a: natural_key(a.id)):
        streams.setdefault(action.work_stream, []).append(action)
    return list(streams.items())


def leads_text(action: Action) -> str:
    return "; ".join(action.leads)


def due_text(builder: Builder, due: dt.date | str | DuePeriod) -> str:
    """A due date as written: a day, a period, or ongoing."""
    if isinstance(due, DuePeriod):
        return f"{builder.date(due.start)} to {builder.date(due.end)}"
    if isinstance(due, dt.date):
        return builder.date(due)
    return "Ongoing"


def due_with_history(builder: Builder, action: Action) -> str:
    """The due date, then each earlier due date with when and why it changed."""
    lines = [due_text(builder, action.due)]
    for revision in action.due_history:
        when = f", revised {builder.date(revision.revised)}" if revision.revised else ""
        earlier = "an earlier date" if revision.due is None else due_text(builder, revision.due)
        lines.append(f"Was {earlier.lower() if earlier == 'Ongoing' else earlier}{when}: {revision.reason}")
    return "\n".join(lines)


def carried_text(builder: Builder, action: Action) -> str:
    carrier = action.carried_by or "not recorded"
    other = next((a for a in builder.records.of("action") if a.id == carrier), None)
    return f"{builder.status(action.status)}: covered by {f'{other.id}: {other.title}' if other else carrier}"


def status_text(builder: Builder, action: Action) -> tuple[str, str]:
    words = builder.status(action.status)
    if is_overdue(action, builder.as_of):
        return f"{words}, overdue (due {due_text(builder, action.due)})", "overdue"
    if action.status == "complete" and action.completed:
        return f"{words} ({builder.date(action.completed)})", action.status
    if action.status == "carried-forward":
        return carried_text(builder, action), action.status
    return words, action.status


def action_detail(builder: Builder, action: Action) -> str:
    """The action cell: id and title, then what the plan says of it beyond its steps."""
    lines = [f"{action.id}: {action.title}", *([action.description] if action.description else [])]
    labelled = (
        ("Characteristics", builder.characteristics(action.characteristics) if action.characteristics else ""),
        ("Barrier", action.barrier),
        ("Outcome", action.outcome),
        ("General duty aims", "; ".join(AIM_NAMES[aim] for aim in action.psed_aims)),
        ("EDS outcomes", ", ".join(action.eds_outcomes)),
        ("Objectives", ", ".join(action.objectives)),
    )
    lines += [f"{label}: {value}" for label, value in labelled if value]
    for risk in action.risks:
        lines += [f"{label}: {text}" for label, text in (("Risk", risk.risk), ("Mitigation", risk.mitigation)) if text]
    for update in sorted(action.updates, key=lambda u: u.date):
        lines.append(f"Update {builder.date(update.date)}: {update.note}")
    return "\n".join(lines)


def actions_report(records: RecordSet, as_of: dt.date) -> Report:
    """The action plan for the financial year holding `as_of`."""
    builder = Builder(records, as_of)
    held = year_holding(as_of, builder.organisation.financial_year_start)
    start, end = held.start, held.end
    actions = list(records.of("action"))
    year = f"{builder.date(start)} to {builder.date(end)}"
    sections = [summary_section(builder, actions)]
    spans = periods(start)
    streams = [stream_section(builder, stream, members, spans) for stream, members in plan_order(actions)]
    sections.append(builder.section(f"Action plan {year}", [Paragraph(
        "Each work stream's actions, with the steps planned in each two-month period of the year.")]
        if streams else [Paragraph("No actions recorded.")], streams))
    return builder.finish("actions", "Equality action plan", sections,
                          summary=f"The equality action plan of {builder.name} for {year}.")


def summary_section(builder: Builder, actions: list[Action]) -> Section:
    counts = {slug: 0 for slug in get_args(ActionStatus)}
    for action in actions:
        counts[action.status] += 1
    overdue = [a for a in actions if is_overdue(a, builder.as_of)]
    rows = [(header(builder.status(slug)), cell(str(count))) for slug, count in counts.items()]
    rows.append((header("Overdue"), cell(str(len(overdue)))))
    blocks: list = [builder.table("Actions by status", ("Status", "Actions"), rows)]
    blocks.append(builder.table("Overdue actions", ("Action", "Lead officer", "Due", "Status"), (
        (header(f"{a.id}: {a.title}"), cell(leads_text(a)), cell(due_text(builder, a.due)),
         cell(builder.status(a.status), a.status)) for a in sorted(overdue, key=lambda a: (a.due_by, a.id))),
        f"No action is overdue on {builder.date(builder.as_of)}."))
    return builder.section("Summary", blocks)


def stream_section(builder: Builder, stream: str, actions: list[Action],
                   spans: list[tuple[dt.date, dt.date]]) -> Section:
    rows = []
    for action in actions:
        steps = []
        for first, last in spans:
            due = [m for m in action.milestones if first <= m.due <= last]
            steps.append(cell("\n".join(f"{m.activity}{' (done)' if m.done else ''}" for m in due)))
        words, slug = status_text(builder, action)
        rows.append((header(action_detail(builder, action)), cell(leads_text(action)), *steps,
                     cell(due_with_history(builder, action)), cell(words, slug)))
    columns = ("Action", "Lead officer", *(period_label(a, b) for a, b in spans), "Due", "Status")
    return builder.section(stream, [builder.table(f"{heading_text(stream)}: actions", columns, rows)])
