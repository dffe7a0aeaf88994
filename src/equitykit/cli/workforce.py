"""`equitykit workforce compute`: a workforce snapshot's counts from staff-level extracts.

Exit codes: 0 the counts were computed (and written, with --write); 1 a row of an extract is invalid
(an unmapped value, a bad flag, a row too long), or the record cannot be written; 2 a usage error or
unreadable input (no such file, a file that lacks a column, a bad --snapshot, --columns or mapping
file, no records folder for --write).

The extracts are counted by their distinct cells (`extracts.workforce`); nothing from them is written
anywhere but the counts, and an error quotes at most the cell at fault.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from .common import (
    compute_options,
    fail_problems,
    fail_usage,
    print_rich,
    warn,
    write_output,
    write_record_or_exit,
)
from .progress import QuietOption, file_progress

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from ..extracts.csvfile import Progress, StaffFileError
    from ..extracts.mapping import ValueMapping


class CountsFormat(StrEnum):
    text = "text"
    yaml = "yaml"
    json = "json"


workforce_app = typer.Typer(help="Workforce snapshots from staff-level extracts.", no_args_is_help=True)

_EXTRACT = "Keep it out of the records folder; it is read, never copied."


@workforce_app.command("compute")
def compute(
    snapshot: Annotated[str, typer.Option(
        "--snapshot", metavar="DATE", help="The snapshot date (YYYY-MM-DD), usually 31 March.")],
    staff: Annotated[Path, typer.Option(
        "--staff", metavar="STAFF.csv",
        help=f"People at the snapshot, one line each: band, staff_group, ethnicity, disability, sex, age or "
             f"date_of_birth; optionally religion_belief, sexual_orientation, assignment_category. {_EXTRACT}")],
    recruitment: Annotated[Path | None, typer.Option(
        "--recruitment", metavar="R.csv",
        help="Applicants in the year: ethnicity, disability, shortlisted, appointed.")] = None,
    casework: Annotated[Path | None, typer.Option(
        "--casework", metavar="C.csv",
        help="Entries into formal processes in the year: ethnicity, disability, process (disciplinary or "
             "capability), grounds (performance or ill health).")] = None,
    training: Annotated[Path | None, typer.Option(
        "--training", metavar="T.csv",
        help="Staff who accessed non-mandatory training or CPD in the year: ethnicity.")] = None,
    board: Annotated[Path | None, typer.Option(
        "--board", metavar="B.csv", help="Board members at the snapshot: voting, executive, ethnicity, "
                                         "disability.")] = None,
    mapping_file: Annotated[Path | None, typer.Option(
        "--mapping", metavar="MAP.yaml",
        help="What your values mean, added to the shipped ESR mapping (same layout: column, then "
             "'value: meaning' lines).")] = None,
    columns: Annotated[list[str] | None, typer.Option(
        "--columns", metavar="OURS=THEIRS,...",
        help="The files' names for our columns, e.g. ethnicity=Ethnic Origin,band=Pay Band (may be repeated).")]
        = None,
    output_format: Annotated[CountsFormat, typer.Option("--format", "-f", help="Output format.")] = CountsFormat.text,
    write: Annotated[bool, typer.Option(
        "--write", help="Create or update workforce/<snapshot>.yaml in the records folder at PATH: only the "
                        "counts computed change.")] = False,
    path: Annotated[Path | None, typer.Argument(
        metavar="PATH",
        help="With --write: the records folder, or any path inside it (default: the current folder).",
        show_default=False)] = None,
    quiet: QuietOption = False,
) -> None:
    """A workforce snapshot's headcount, profile and WRES and WDES counts from staff-level extracts."""
    from ..extracts.mapping import MappingFileError, load_mapping
    from ..extracts.workforce import COLUMN_NAMES
    from ..metrics.workforce_counts import missing_inputs
    from ..reporting.workforce_counts import counts_json, counts_text, counts_yaml

    date, names, root = compute_options(snapshot, columns, COLUMN_NAMES, "ethnicity=Ethnic Origin,band=Pay Band",
                                        path, write, "counts")
    try:
        mapping = load_mapping(mapping_file)
    except MappingFileError as exc:
        fail_usage(str(exc))
    except OSError as exc:
        fail_usage(f"cannot read {mapping_file}: {exc.strerror or exc}")
    extracts = {"--staff": staff, "--recruitment": recruitment, "--casework": casework, "--training": training,
                "--board": board}
    given = {option: file for option, file in extracts.items() if file is not None}
    _warn_about_exposure(given, root)
    values = _values(date, given, mapping, names, quiet)
    notes = []
    record_is_new = root is not None and _is_new(root, date)
    if record_is_new and missing_inputs(values):
        notes.append(f"a new record gets WRES and WDES sections only from all their extracts: give "
                     f"{', '.join(missing_inputs(values))} to add them")
    if output_format is CountsFormat.json:
        write_output(counts_json(date, values, notes))
    elif output_format is CountsFormat.yaml:
        write_output(counts_yaml(date, values))
        for note in notes:
            sys.stderr.write(f"equitykit: note: {note}\n")
    else:
        print_rich(counts_text(date, values, notes), soft_wrap=False)
    if root is not None:
        from ..metrics.workforce_counts import workforce_record

        write_record_or_exit(root, workforce_record(date, values, new=record_is_new))


def _values(date: dt.date, given: dict[str, Path], mapping: ValueMapping, names: dict[str, str],
            quiet: bool) -> dict[str, Any]:
    """The counts from each extract given, combined; a bad file ends the command. On a terminal, a bar
    moves as each file is read."""
    from ..extracts import workforce as read
    from ..extracts.csvfile import StaffFileError
    from ..metrics import workforce_counts as count

    readers: dict[str, Callable[[Path, Progress | None], dict[str, Any]]] = {
        "--staff": lambda file, told: count.staff_values(read.tally_staff(file, date, mapping, names, told)),
        "--recruitment": lambda file, told: count.recruitment_values(read.tally_recruitment(file, mapping, names,
                                                                                             told)),
        "--casework": lambda file, told: count.casework_values(read.tally_casework(file, mapping, names, told)),
        "--training": lambda file, told: count.training_values(read.tally_training(file, mapping, names, told)),
        "--board": lambda file, told: count.board_values(read.tally_board(file, mapping, names, told)),
    }
    parts = []
    for option, file in given.items():
        try:
            with file_progress(file, quiet) as progress:
                parts.append(readers[option](file, progress))
        except StaffFileError as exc:
            _fail_extract(option, file, exc)
    return count.combined(*parts)


def _fail_extract(option: str, file: Path, error: StaffFileError) -> NoReturn:
    """A bad row is exit 1; a file that cannot be read as the extract at all is exit 2."""
    from ..extracts.csvfile import RowError

    message = f"{file} ({option}): {error}"
    if isinstance(error, RowError):
        fail_problems(message)
    fail_usage(message)


def _warn_about_exposure(given: dict[str, Path], root: Path | None) -> None:
    from ..extracts.privacy import exposure_warnings
    from ..records.root import RootNotFound, find_root

    for file in given.values():
        if not file.is_file():
            fail_usage(f"{file} does not exist or is not a file")
        try:
            records = root or find_root(file.parent)
        except (RootNotFound, OSError):
            records = None
        for warning in exposure_warnings(file, records):
            warn(warning)


def _is_new(root: Path, date: dt.date) -> bool:
    from ..authoring.computed import record_path
    from ..records.kinds import KINDS_BY_NAME

    return not record_path(root, KINDS_BY_NAME["workforce"], date.isoformat()).exists()


def register(app: typer.Typer) -> None:
    """Add `workforce compute` to the app."""
    app.add_typer(workforce_app, name="workforce")
