"""Reporters for deadlines: a text table for people, JSON for machines, and `--explain`."""

from __future__ import annotations

import io
import json
from collections import Counter

from rich.console import RenderableType
from rich.markup import escape
from rich.table import Table

from .deadlines import Deadlines
from .model import STATUS_WORDS, STATUSES, Obligation

STATUS_STYLES = {"overdue": "bold red", "due": "yellow", "met": "green", "upcoming": "", "unknown": "magenta",
                 "not-applicable": "dim"}


def text_table(result: Deadlines) -> Table:
    """A table of obligations in reading order, status in words, with a summary caption."""
    table = Table(title=f"{escape(result.organisation.display_name)}: deadlines on {result.as_of}",
                  caption=_summary(result), caption_justify="left")
    widest_id = max((len(o.id) for o in result.obligations), default=2)
    table.add_column("Due", no_wrap=True, min_width=10)
    table.add_column("Status", no_wrap=True)
    table.add_column("Obligation", overflow="fold")
    table.add_column("Id", no_wrap=True, min_width=widest_id)  # an id is copied into --explain: never cut
    table.add_column("Evidence or note", overflow="fold")
    for obligation in result.obligations:
        style = STATUS_STYLES[obligation.status]
        status = STATUS_WORDS[obligation.status]
        table.add_row(obligation.due.isoformat(), f"[{style}]{status}[/]" if style else status,
                      escape(obligation.title), obligation.id, escape(_evidence_or_note(obligation)))
    return table


def json_report(result: Deadlines) -> str:
    """The obligations as a JSON list with stable keys."""
    return json.dumps([o.to_dict() for o in result.obligations], indent=2, ensure_ascii=False)


def explain_text(obligation: Obligation) -> str:
    """The rule behind one obligation, the dates it used and the record that met it, in plain text."""
    lines = [f"{obligation.id}: {obligation.title}",
             f"  status:      {STATUS_WORDS[obligation.status]}",
             f"  due:         {obligation.due}",
             f"  duty:        {obligation.duty}",
             f"  basis:       {obligation.basis}",
             f"  rule:        {obligation.description}"]
    if obligation.source:
        lines.append(f"  source:      {obligation.source}")
    lines.append("  dates used:")
    lines += [f"    {day}  {label}" for label, day in obligation.dates]
    lines.append(f"  met by:      {obligation.evidence or 'no record'}")
    if obligation.in_hand:
        lines.append(f"  in hand:     {obligation.in_hand} (planned or draft; meets the duty once published)")
    if obligation.evidence is None and obligation.status != "not-applicable":
        lines.append(f"  to meet it:  {how_to_meet(obligation)}")
    if obligation.note:
        lines.append(f"  note:        {obligation.note}")
    return "\n".join(lines)


def explain_json(obligation: Obligation) -> str:
    """One obligation as JSON, with its rule text and the dates it used."""
    detail = obligation.to_dict() | {
        "description": obligation.description,
        "to_meet_it": how_to_meet(obligation),
        "dates": [{"label": label, "date": day.isoformat()} for label, day in obligation.dates],
    }
    return json.dumps(detail, indent=2, ensure_ascii=False)


_RECORD_STEPS = {
    "action": "set status: complete and a completed: date in {file}",
    "objective": "set status: complete and a completed: date in {file}",
    "objective-update": "add a dated entry under updates: in {file}",
    "eia-review": "record the review's date as reviewed: in {file}",
}


def how_to_meet(obligation: Obligation) -> str:
    """Which record, written how, would meet the obligation, in words."""
    step = _RECORD_STEPS.get(obligation.duty)
    if step is not None:
        return step.format(file=obligation.source.file if obligation.source else "its record")
    return (f"a publications/ record with duty: {obligation.duty}, published on or before {obligation.due} "
            "(`equitykit new publication`); give its period: or records: to say which year it covers")


def _evidence_or_note(obligation: Obligation) -> str:
    parts = [obligation.evidence, obligation.note, str(obligation.source) if obligation.source else None]
    return "; ".join(part for part in parts if part)


def _summary(result: Deadlines) -> str:
    counts = Counter(o.status for o in result.obligations)
    return ", ".join(f"{counts[status]} {STATUS_WORDS[status]}" for status in STATUSES if counts[status])


def plain_text(table: RenderableType, width: int = 160) -> str:
    """A table (or any rich renderable) without colour or styles, for writing to a file."""
    from rich.console import Console

    console = Console(width=width, no_color=True, color_system=None, record=True, file=_Discard())
    console.print(table)
    return console.export_text(styles=False)


class _Discard(io.StringIO):
    """A file that forgets what is written to it (rich records the text for export instead)."""

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass
