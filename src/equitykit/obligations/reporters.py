"""Reporters for deadlines: a text table for people, JSON for machines, and `--explain`."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator

from rich.markup import escape
from rich.table import Table

from ..i18n import N_, _
from .deadlines import Deadlines
from .model import STATUSES, Obligation, status_words
from .plans import record_text

STATUS_STYLES = {"overdue": "bold red", "due": "yellow", "met": "green", "met-late": "dark_orange",
                 "met-timing-unknown": "cyan", "upcoming": "", "unknown": "magenta",
                 "not-applicable": "dim"}


def text_table(result: Deadlines, width: int = 160) -> Table:
    """A table of obligations in reading order, status in words, with a summary caption, for a screen or
    page `width` characters wide: the id and the evidence in columns of their own where they leave the
    obligation room (`STACKED_BELOW`), else on lines of their own under it, so the duty is never squeezed."""
    title = _("{name}: deadlines on {date}").format(name=body_name(result), date=result.as_of)
    table = Table(title=escape(title), caption=_summary(result), caption_justify="left")
    widest_id = max((len(o.id) for o in result.obligations), default=2)
    stacked = width < widest_id + STACKED_BELOW
    table.add_column(_("Due"), no_wrap=True)
    table.add_column(_("Status"))
    if stacked:
        table.add_column("\n".join([_("Obligation"), _("Id"), _("Evidence or note")]))
    else:
        table.add_column(_("Obligation"))
        table.add_column(_("Id"), no_wrap=True)  # an id is copied into --explain: never cut
        table.add_column(_("Evidence or note"))
    for obligation in result.obligations:
        style = STATUS_STYLES[obligation.status]
        status = status_words(obligation.status)
        cells = [escape(obligation.title), obligation.id, escape(_evidence_or_note(obligation))]
        if stacked:
            cells = ["\n".join(cell for cell in [cells[0], f"[dim]{cells[1]}[/]", cells[2]] if cell)]
        table.add_row(obligation.due.isoformat(), f"[{style}]{status}[/]" if style else status, *cells)
    return table


STACKED_BELOW = 84
"""The width, beyond the widest id, under which the id and the evidence go under the obligation: what the
date, the status, two columns of text of about 24 characters and the borders take."""


def body_name(result: Deadlines) -> str:
    """The publishing unit and the body in the language being written (Children's Services, Testshire Council)."""
    organisation = result.organisation
    name = record_text(organisation, "name")
    return f"{record_text(organisation, 'unit')}, {name}" if organisation.unit else name


def json_report(result: Deadlines) -> str:
    """The obligations as a JSON list with stable keys."""
    return "".join(json_pieces(result))


def json_pieces(result: Deadlines) -> Iterator[str]:
    """`json_report` one obligation at a time, never held whole: the text `json.dumps` of the whole list with
    `indent=2` gives, whose pure-Python encoder would hold many small pieces, several times its size at scale."""
    if not result.obligations:
        yield "[]"
        return
    for index, obligation in enumerate(result.obligations):
        item = json.dumps(obligation.to_dict(), indent=2, ensure_ascii=False).replace("\n", "\n  ")
        yield ("[\n  " if index == 0 else ",\n  ") + item
    yield "\n]"


def explain_text(obligation: Obligation) -> str:
    """The rule behind one obligation, the dates it used and the record that met it, in plain text."""
    rule = [(_("status:"), status_words(obligation.status)), (_("due:"), str(obligation.due)),
            (_("duty:"), obligation.duty), (_("basis:"), obligation.basis), (_("rule:"), obligation.description)]
    if obligation.source:
        rule.append((_("source:"), str(obligation.source)))
    outcome = [(_("met by:"), obligation.evidence or _("no record"))]
    if obligation.in_hand:
        outcome.append((_("in hand:"), _("{id} (planned or draft; meets the duty once published)").format(
            id=obligation.in_hand)))
    if obligation.evidence is None and obligation.status != "not-applicable":
        outcome.append((_("to meet it:"), how_to_meet(obligation)))
    if obligation.note_and_hint:
        outcome.append((_("note:"), obligation.note_and_hint))
    width = max(LABEL_WIDTH, *(len(label) + 1 for label, _value in [*rule, *outcome]))
    dates_used = _("dates used:")
    return "\n".join([f"{obligation.id}: {obligation.title}",
                      *(f"  {label:<{width}}{value}" for label, value in rule), f"  {dates_used}",
                      *(f"    {day}  {_(label)}" for label, day in obligation.dates),
                      *(f"  {label:<{width}}{value}" for label, value in outcome)])


LABEL_WIDTH = 13
"""The least width the labels of --explain are padded to (more if a language's labels are longer), so that
their values line up."""


def explain_json(obligation: Obligation) -> str:
    """One obligation as JSON, with its rule text and the dates it used."""
    detail = obligation.to_dict() | {
        "description": obligation.description,
        "to_meet_it": how_to_meet(obligation),
        "dates": [{"label": _(label), "date": day.isoformat()} for label, day in obligation.dates],
    }
    return json.dumps(detail, indent=2, ensure_ascii=False)


_RECORD_STEPS = {
    "action": N_("set status: complete and a completed: date in {file}"),
    "objective": N_("set status: complete and a completed: date in {file}"),
    "objective-update": N_("add a dated entry under updates: in {file}"),
    "eia-review": N_("record the review's date as reviewed: in {file}"),
}


def how_to_meet(obligation: Obligation) -> str:
    """Which record, written how, would meet the obligation, in words."""
    step = _RECORD_STEPS.get(obligation.duty)
    if step is not None:
        return _(step).format(file=obligation.source.file if obligation.source else _("its record"))
    return _("a publications/ record with duty: {duty}, published on or before {due} (`equitykit new publication`); "
             "give its period: or records: to say which year it covers").format(duty=obligation.duty,
                                                                                 due=obligation.due)


def _evidence_or_note(obligation: Obligation) -> str:
    parts = [obligation.evidence, obligation.note_and_hint, str(obligation.source) if obligation.source else None]
    return "; ".join(part for part in parts if part)


def _summary(result: Deadlines) -> str:
    counts = Counter(o.status for o in result.obligations)
    return ", ".join(f"{counts[status]} {status_words(status)}" for status in STATUSES if counts[status])
