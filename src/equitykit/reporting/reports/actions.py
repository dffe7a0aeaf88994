"""The action plan: actions by work stream and lead officer over the year's two-month periods, with
status in words and overdue derived from the as-of date."""

from __future__ import annotations

import datetime as dt
from itertools import groupby

from ...records.action import Action
from ...records.repository import RecordSet
from .context import Builder, cell, header
from .document import Paragraph, Report, Section

PERIOD_MONTHS = 2


def financial_year(start_month_day: str, as_of: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of the financial year holding `as_of`."""
    month, day = (int(part) for part in start_month_day.split("-"))
    start = dt.date(as_of.year, month, min(day, 28))
    if start > as_of:
        start = dt.date(as_of.year - 1, month, min(day, 28))
    end = dt.date(start.year + 1, start.month, start.day) - dt.timedelta(days=1)
    return start, end


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
    """Overdue: due before the as-of date and neither complete nor ongoing."""
    return action.status in ("not-started", "in-progress") and action.due < as_of


def status_text(builder: Builder, action: Action) -> tuple[str, str]:
    words = builder.status(action.status)
    if is_overdue(action, builder.as_of):
        return f"{words}, overdue (due {builder.date(action.due)})", "overdue"
    if action.status == "complete" and action.completed:
        return f"{words} ({builder.date(action.completed)})", action.status
    return words, action.status


def actions_report(records: RecordSet, as_of: dt.date) -> Report:
    """The action plan for the financial year holding `as_of`."""
    builder = Builder(records, as_of)
    start, end = financial_year(builder.organisation.financial_year_start, as_of)
    actions = sorted(records.of("action"), key=lambda a: (a.work_stream, a.lead, a.due, a.id))
    year = f"{builder.date(start)} to {builder.date(end)}"
    sections = [summary_section(builder, actions)]
    spans = periods(start)
    streams = []
    for stream, members in groupby(actions, key=lambda a: a.work_stream):
        streams.append(stream_section(builder, stream, list(members), spans))
    sections.append(builder.section(f"Action plan {year}", [Paragraph(
        "Each work stream's actions, with the steps planned in each two-month period of the year.")]
        if streams else [Paragraph("No actions recorded.")], streams))
    return builder.finish("actions", "Equality action plan", sections,
                          summary=f"The equality action plan of {builder.name} for {year}.")


def summary_section(builder: Builder, actions: list[Action]) -> Section:
    counts = {slug: 0 for slug in ("not-started", "in-progress", "complete", "ongoing")}
    for action in actions:
        counts[action.status] += 1
    overdue = [a for a in actions if is_overdue(a, builder.as_of)]
    rows = [(header(builder.status(slug)), cell(str(count))) for slug, count in counts.items()]
    rows.append((header("Overdue"), cell(str(len(overdue)))))
    blocks: list = [builder.table("Actions by status", ("Status", "Actions"), rows)]
    blocks.append(builder.table("Overdue actions", ("Action", "Lead officer", "Due", "Status"), (
        (header(f"{a.id}: {a.title}"), cell(a.lead), cell(builder.date(a.due)),
         cell(builder.status(a.status), a.status)) for a in sorted(overdue, key=lambda a: (a.due, a.id))),
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
        title = f"{action.id}: {action.title}"
        if action.outcome:
            title += f"\nOutcome: {action.outcome}"
        rows.append((header(title), cell(action.lead), *steps,
                     cell(builder.date(action.due)), cell(words, slug)))
    columns = ("Action", "Lead officer", *(period_label(a, b) for a, b in spans), "Due", "Status")
    return builder.section(stream, [builder.table(f"{stream}: actions", columns, rows)])
