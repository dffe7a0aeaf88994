"""`equitykit paygap compute`: the gender pay gap figures from a staff-level pay file.

Exit codes: 0 the figures were computed (and written, with --write); 1 a row of the staff file is
invalid, or the figures cannot be written to the record; 2 a usage error or unreadable input (no such
file, a file that is not a staff CSV or lacks a column, a bad --snapshot or --columns, no records
folder for --write).

Nothing from the staff file is written anywhere but the aggregate figures and counts, and error
messages name only the line and column of a bad cell, never what it holds.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from .common import (
    compute_options,
    exit_if_records_have_errors,
    fail_problems,
    fail_usage,
    print_rich,
    write_output,
    write_record_or_exit,
)

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ..metrics.paygap import PayGapResult
    from ..metrics.staffcsv import StaffFileError


class PayGapFormat(StrEnum):
    text = "text"
    json = "json"


paygap_app = typer.Typer(help="Gender pay gap figures from staff-level pay data.", no_args_is_help=True)

_GAP_LABELS = {
    "DiffMeanHourlyPercent": "Mean hourly pay gap",
    "DiffMedianHourlyPercent": "Median hourly pay gap",
    "DiffMeanBonusPercent": "Mean bonus pay gap",
    "DiffMedianBonusPercent": "Median bonus pay gap",
}
_BAND_LABELS = {
    "Lower": "Lower quartile (lowest paid)",
    "LowerMiddle": "Lower middle quartile",
    "UpperMiddle": "Upper middle quartile",
    "Top": "Upper quartile (highest paid)",
}
_QUOTED_CELL = re.compile(r"""^(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")""")
"""An invalid cell's text, quoted at the start of a reader's message."""


@paygap_app.command("compute")
def compute(
    staff: Annotated[Path, typer.Argument(
        metavar="STAFF.csv",
        help="The staff-level pay file (CSV, UTF-8): one line per relevant employee. Keep it out of the "
             "records folder; it is read, never copied.")],
    snapshot: Annotated[str, typer.Option(
        "--snapshot", metavar="DATE", help="The snapshot date (YYYY-MM-DD), e.g. 2025-03-31.")],
    path: Annotated[Path | None, typer.Argument(
        metavar="PATH",
        help="With --write: the records folder, or any path inside it (default: the current folder).",
        show_default=False)] = None,
    columns: Annotated[list[str] | None, typer.Option(
        "--columns", metavar="OURS=THEIRS,...",
        help="The file's names for our columns, e.g. sex=Gender,hourly_pay=Rate (may be repeated). Ours: "
             "sex, full_pay_relevant, bonus_pay, hourly_pay, ordinary_pay, pay_period_days, weekly_hours, "
             "period_bonus_pay.")] = None,
    output_format: Annotated[PayGapFormat, typer.Option("--format", "-f", help="Output format.")] = PayGapFormat.text,
    write: Annotated[bool, typer.Option(
        "--write", help="Create or update paygap/<snapshot>.yaml in the records folder at PATH: only its "
                        "figures and counts change.")] = False,
) -> None:
    """The gender pay gap figures (SI 2017/353 Sch 1) from staff-level pay data: `--write [PATH]` records them."""
    from ..metrics.paygap import PayGapInputError, pay_gap_figures
    from ..metrics.staffcsv import COLUMN_NAMES, StaffFileError, read_staff_csv

    date, mapping, root = compute_options(snapshot, columns, COLUMN_NAMES, "sex=Gender,hourly_pay=Rate", path, write,
                                          "figures")
    try:
        result = pay_gap_figures(read_staff_csv(staff, mapping))
    except StaffFileError as exc:
        _fail_staff_file(staff, exc)
    except PayGapInputError as exc:
        fail_problems(f"{staff}: {exc}")
    if output_format is PayGapFormat.json:
        write_output(paygap_json(date, result))
    else:
        print_rich(paygap_text(date, result), soft_wrap=False)
    if root is not None:
        _write_record(root, staff, date, result)
        from ..records.repository import load_records

        exit_if_records_have_errors(load_records(root), None)


def _fail_staff_file(staff: Path, error: StaffFileError) -> NoReturn:
    """A bad row is exit 1; a file that cannot be read as a staff file at all is exit 2: it cannot be
    opened, is not UTF-8, or its header lacks a column or is not comma-separated."""
    message = f"{staff}: {_without_cell_text(error)}"
    header = _header_line(staff)
    encoding = "not UTF-8" in error.message
    if error.row is not None and header is not None and error.row > header and not encoding:
        fail_problems(message)
    fail_usage(message)


def _without_cell_text(error: StaffFileError) -> str:
    """The reader's message with the bad cell's text left out: staff data stays out of logs too."""
    from ..metrics.staffcsv import StaffFileError

    if error.row is None or error.column is None:
        return str(error)
    return str(StaffFileError(error.row, error.column, _QUOTED_CELL.sub("The value", error.message, count=1)))


def _header_line(staff: Path) -> int | None:
    """The line number of the staff file's header (its first line that is not blank)."""
    try:
        with staff.open(encoding="utf-8-sig", errors="replace", newline="") as stream:
            reader = csv.reader(stream)
            for row in reader:
                if any(cell.strip() for cell in row):
                    return reader.line_num
    except (OSError, csv.Error):
        return None
    return None


def _write_record(root: Path, staff: Path, date: dt.date, result: PayGapResult) -> None:
    from ..metrics.paygap_record import PayGapRecordError, paygap_record

    if staff.resolve().is_relative_to(root.resolve()):
        sys.stderr.write(f"equitykit: warning: {staff} is inside the records folder {root}; staff-level pay "
                         "data does not belong there (move it out, and out of git)\n")
    try:
        record = paygap_record(date, result)
    except PayGapRecordError as exc:
        fail_problems(str(exc))
    write_record_or_exit(root, record)


def paygap_json(snapshot: dt.date, result: PayGapResult) -> str:
    """The figures as JSON numbers (13.6, null when undefined), the counts behind them and the warnings."""
    from ..metrics.paygap_record import published_figures, quartile_counts, record_counts

    return json.dumps({
        "snapshot": snapshot.isoformat(),
        "figures": published_figures(result),
        "counts": {**record_counts(result), "quartiles": quartile_counts(result)},
        "warnings": list(result.warnings),
    }, indent=2, ensure_ascii=False)


def paygap_text(snapshot: dt.date, result: PayGapResult) -> RenderableType:
    """The six figures with plain-English labels, the quartile pay bands, the counts and any warnings."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    figures, counts = result.figures, result.counts
    gaps = Table(title=f"Gender pay gap at {snapshot.isoformat()}", title_justify="left")
    gaps.add_column("Figure")
    gaps.add_column("Value", justify="right")
    gaps.add_column("What it means")
    for name, label in _GAP_LABELS.items():
        pay = "hourly pay" if "Hourly" in name else "bonus pay"
        gaps.add_row(label, _percent(figures[name]), _gap_meaning(figures[name], pay))
    gaps.add_row("Men paid a bonus", _percent(figures["MaleBonusPercent"]),
                 f"of the {counts.male.relevant:,} relevant men")
    gaps.add_row("Women paid a bonus", _percent(figures["FemaleBonusPercent"]),
                 f"of the {counts.female.relevant:,} relevant women")

    bands = Table(title="Quartile pay bands (full-pay relevant employees, lowest to highest paid)",
                  title_justify="left")
    for heading in ("Band", "Men", "Women", "Men (people)", "Women (people)"):
        bands.add_column(heading, justify="left" if heading == "Band" else "right")
    for band in counts.quartiles:
        bands.add_row(_BAND_LABELS[band.name], _percent(figures[f"Male{band.name}Quartile"]),
                      _percent(figures[f"Female{band.name}Quartile"]), f"{band.men:,}", f"{band.women:,}")

    people = Table(title="Employees counted", title_justify="left")
    for heading in ("", "Men", "Women"):
        people.add_column(heading, justify="left" if not heading else "right")
    people.add_row("Relevant employees", f"{counts.male.relevant:,}", f"{counts.female.relevant:,}")
    people.add_row("Full-pay relevant", f"{counts.male.full_pay_relevant:,}", f"{counts.female.full_pay_relevant:,}")
    people.add_row("Paid a bonus in the 12 months", f"{counts.male.paid_bonus:,}", f"{counts.female.paid_bonus:,}")

    parts: list[RenderableType] = [gaps, Text(), bands, Text(), people]
    parts += [Text(f"Warning: {warning}", style="yellow") for warning in result.warnings]
    return Group(*parts)


def _percent(value: object) -> str:
    return "undefined" if value is None else f"{value}%"


def _gap_meaning(value: object, pay: str) -> str:
    if value is None:
        return "cannot be computed (see the warnings)"
    if value == 0:
        return "no gap"
    if value > 0:  # type: ignore[operator]
        return f"women's {pay} is {value}% lower than men's"
    return f"women's {pay} is {-value}% higher than men's"  # type: ignore[operator]




def register(app: typer.Typer) -> None:
    """Add `paygap compute` to the app."""
    app.add_typer(paygap_app, name="paygap")
