"""`equitykit deadlines`: every duty that applies, when it is due, and whether it was met."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .common import (
    AsOfOption,
    PathArgument,
    exit_if_records_have_errors,
    fail_usage,
    find_root_or_exit,
    parse_as_of,
    print_rich,
    stdout_is_terminal,
    terminal_width,
    write_output,
)

if TYPE_CHECKING:
    import datetime as dt

    from ..obligations import Deadlines, Obligation
    from ..records.repository import RecordSet


class DeadlinesFormat(StrEnum):
    text = "text"
    json = "json"
    ics = "ics"


class Language(StrEnum):
    en = "en"
    cy = "cy"


class FailOn(StrEnum):
    overdue = "overdue"
    due = "due"


FAILING_STATUSES = {FailOn.overdue: ("overdue",), FailOn.due: ("due", "overdue")}
"""`--fail-on due` also fails on overdue: anything not yet met whose date is near or past."""


def deadlines(
    path: PathArgument = Path("."),
    as_of: AsOfOption = None,
    window: Annotated[int, typer.Option("--window", metavar="DAYS", min=0,
                                        help="Days before a due date from which it counts as due.")] = 60,
    output_format: Annotated[DeadlinesFormat, typer.Option("--format", "-f", help="Output format.")] = (
        DeadlinesFormat.text
    ),
    fail_on: Annotated[FailOn | None, typer.Option(
        "--fail-on",
        help="Exit 1 if any obligation is overdue, or (due) due or overdue.")] = None,
    explain: Annotated[str | None, typer.Option(
        "--explain", metavar="ID", help="Explain one obligation: its rule, dates and evidence.")] = None,
    out: Annotated[Path | None, typer.Option(
        "--out", metavar="FILE", help="Write to a file, not stdout.")] = None,
    lang: Annotated[Language, typer.Option(
        "--lang", help="The language of the words: en (English) or cy (Cymraeg, Welsh): duties, statuses, notes "
        "and the records' own text (their Welsh version). JSON keys and values for machines (ids, duty, status) "
        "stay as they are.")] = Language.en,
) -> None:
    """Every duty that applies, when it is due, and whether it was met (exit 1 on --fail-on, or when a
    record has errors: it is left out, and may hide a deadline)."""
    from ..i18n import language
    from ..obligations.plans import PlanObligations
    from ..records.repository import load_records

    day = parse_as_of(as_of)
    root = find_root_or_exit(path)
    with language(lang.value):
        planned = PlanObligations(day, window)  # taken from each record as it is read, with the line it names
        records = load_records(root, day, positions=True, each=planned)
        result = _compute(records, day, window, planned.found)
        _write(result, output_format, explain, out)
    exit_if_records_have_errors(records, "the deadlines")  # a record with errors may hide a deadline
    if fail_on is not None and result.any_with(*FAILING_STATUSES[fail_on]):
        raise typer.Exit(1)


def _compute(records: RecordSet, day: dt.date, window: int, planned: list[Obligation]) -> Deadlines:
    from ..obligations import deadlines as compute

    try:
        return compute(records, day, window, planned)
    except ValueError as exc:
        fail_usage(str(exc))


def _write(result: Deadlines, output_format: DeadlinesFormat, explain: str | None, out: Path | None) -> None:
    """The deadlines (or one explained) in the format asked for, in the language being written."""
    from ..obligations import reporters
    from ..obligations.ics import ics_calendar
    from ..reporting.text_tables import plain_text

    if explain is not None:
        _explain(result, explain, output_format, out)
    elif output_format is DeadlinesFormat.json:
        write_output(reporters.json_pieces(result), out)
    elif output_format is DeadlinesFormat.ics:
        _write_exact(ics_calendar(result), out)
    elif out is not None or not stdout_is_terminal():  # a file, a pipe or CI: wide, so a row reads on one line
        write_output(plain_text(reporters.text_table(result)), out)
    else:
        print_rich(reporters.text_table(result, terminal_width()), soft_wrap=False)


def _explain(result: Deadlines, obligation_id: str, output_format: DeadlinesFormat, out: Path | None) -> None:
    from ..obligations import reporters

    obligation = result.find(obligation_id)
    if obligation is None:
        closest = result.closest(obligation_id)
        hint = (f"did you mean {', '.join(closest)}?" if closest
                else "known ids: " + ", ".join(o.id for o in result.obligations))
        fail_usage(f"no obligation with id {obligation_id!r} on {result.as_of}; {hint}")
    if output_format is DeadlinesFormat.json:
        write_output(reporters.explain_json(obligation), out)
    else:
        write_output(reporters.explain_text(obligation), out)


def _write_exact(text: str, out: Path | None) -> None:
    """Write text with its line endings untouched (CRLF for iCalendar), even on Windows consoles."""
    if out is not None:
        write_output(text, out)
        return
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command()(deadlines)
