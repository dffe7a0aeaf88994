"""`equitykit paygap compute`: pay gap figures from a staff-level pay file.

`--by sex` (the default) gives the six gender pay gap figures; `--by ethnicity`, `disability` or
`sexual-orientation` the same figures for a reference group against each group compared.

Exit codes: 0 the figures were computed (and written, with --write); 1 a row of the staff file is
invalid, or the figures cannot be written to the record; 2 a usage error or unreadable input (no such
file, a file that is not a staff CSV or lacks a column, a bad --snapshot or --columns, no records
folder for --write).

Nothing from the staff file is written anywhere but the aggregate figures and counts. Error messages
name the line and column of a bad cell and quote it only when its text is no valid value (a sex or
ethnicity the reader does not know, an amount in scientific notation), never a valid amount of pay.
Hourly pay above --max-hourly is warned about by line, and figures built on it are written only with
--force.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, cast

import typer

from ..metrics.staff_columns import STAFF_COLUMNS
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
    from rich.console import RenderableType

    from ..metrics.diversity_paygap import Characteristic, DiversityPayGap, EthnicityReference
    from ..metrics.paygap import PayGapResult, PayTally
    from ..metrics.staffcsv import StaffFileError


class PayGapFormat(StrEnum):
    text = "text"
    json = "json"


class PayGapBy(StrEnum):
    sex = "sex"
    ethnicity = "ethnicity"
    disability = "disability"
    sexual_orientation = "sexual-orientation"


class Reference(StrEnum):
    white = "white"
    white_british = "white-british"


paygap_app = typer.Typer(help="Pay gap figures from staff-level pay data, and the GOV.UK service's published ones.",
                         no_args_is_help=True)

_COLUMNS_HELP = "\n\n".join([
    "Columns of STAFF.csv (names match ignoring case, spaces and hyphens; map others with --columns):",
    *(f"\b\n  {column.name} ({column.needed}):\n    {column.accepts}" for column in STAFF_COLUMNS),
])

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


@paygap_app.command("compute", epilog=_COLUMNS_HELP)
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
        help="The file's names for our columns, e.g. sex=Gender,hourly_pay=Rate (may be repeated); our "
             "columns are listed below.")] = None,
    by: Annotated[PayGapBy, typer.Option(
        "--by", help="The characteristic compared: sex gives the statutory gender pay gap figures.")] = PayGapBy.sex,
    reference: Annotated[Reference | None, typer.Option(
        "--reference", help="With --by ethnicity, the reference group: white (codes A, B, C; the default for NHS "
                            "bodies) or white-british (code A; the default for others).",
        show_default=False)] = None,
    min_group: Annotated[int | None, typer.Option(
        "--min-group", min=1, metavar="N", help="Not with --by sex: a group with fewer than N full-pay relevant "
                                                "staff is not compared (default 10).", show_default=False)] = None,
    exclude_other: Annotated[bool, typer.Option(
        "--exclude-other", help="With --by sex: leave out staff whose sex is neither male nor female (or not "
                                "known), as GOV.UK guidance allows; their number is shown.")] = False,
    output_format: Annotated[PayGapFormat, typer.Option("--format", "-f", help="Output format.")] = PayGapFormat.text,
    write: Annotated[bool, typer.Option(
        "--write", help="Create or update paygap/<snapshot>.yaml (paygap/<snapshot>-<characteristic>.yaml with "
                        "--by) in the records folder at PATH: only its figures and counts change.")] = False,
    quiet: QuietOption = False,
    max_hourly: Annotated[float, typer.Option(
        "--max-hourly", min=0, metavar="POUNDS", help="Warn about full-pay relevant staff paid more than this an "
                                                      "hour, naming their lines: most likely a slip in the file.")
    ] = 500.0,
    force: Annotated[bool, typer.Option(
        "--force", help="With --write: write the figures even though some hourly pay is above --max-hourly.")
    ] = False,
) -> None:
    """Pay gap figures from staff-level pay data: the gender pay gap (SI 2017/353 Sch 1) by default, or with
    --by the same figures by ethnicity, disability or sexual orientation. `--write [PATH]` records them."""
    from ..metrics.staffcsv import COLUMN_NAMES

    date, mapping, root = compute_options(snapshot, columns, COLUMN_NAMES, "sex=Gender,hourly_pay=Rate", path, write,
                                          "figures")
    _check_options_for(by, reference, min_group, exclude_other)
    if force and not write:
        fail_usage("--force applies to --write: it writes figures built on hourly pay above --max-hourly")
    plausible = _Plausible(Decimal(repr(max_hourly)), force)
    if by is PayGapBy.sex:
        _compute_sex(staff, date, mapping, output_format, root, exclude_other, quiet, plausible)
    else:
        chosen = (reference.value if reference else _default_reference(root or path or Path("."))
                  if by is PayGapBy.ethnicity else "white")  # the reference group matters only for ethnicity
        _compute_by(staff, date, mapping, output_format, root, by, chosen, min_group, quiet, plausible)


@dataclass(frozen=True)
class _Plausible:
    """The highest plausible hourly pay, and whether to write figures built on pay above it."""

    max_hourly: Decimal
    force: bool

    def check(self, staff: Path, tallies: Mapping[str | None, PayTally], key_column: str,
              mapping: dict[str, str]) -> bool:
        """Warn about hourly pay above the bound; whether the figures may be written."""
        from ..metrics.staffcsv import implausible_pay

        warning = implausible_pay(staff, tallies, self.max_hourly, key_column, mapping)
        if warning is None:
            return True
        warn(f"{staff}: {warning}")
        return self.force


def _refuse_to_write(root: Path | None, writable: bool) -> None:
    if root is not None and not writable:
        fail_problems("The figures were not written: they are built on the hourly pay above --max-hourly named above."
                      " Correct the staff file, or add --force to write them as they are.")


def _check_options_for(by: PayGapBy, reference: Reference | None, min_group: int | None, exclude_other: bool) -> None:
    if reference is not None and by is not PayGapBy.ethnicity:
        fail_usage("--reference chooses the ethnicity reference group; use it with --by ethnicity")
    if min_group is not None and by is PayGapBy.sex:
        fail_usage("--min-group applies to --by ethnicity, disability or sexual-orientation; the gender pay gap "
                   "figures are statutory and always computed")
    if exclude_other and by is not PayGapBy.sex:
        fail_usage("--exclude-other applies to --by sex; with other characteristics, staff who did not disclose "
                   "are already left out of the gaps")


def _compute_sex(staff: Path, date: dt.date, mapping: dict[str, str], output_format: PayGapFormat,
                 root: Path | None, exclude_other: bool, quiet: bool, plausible: _Plausible) -> None:
    from ..metrics.paygap import PayGapInputError, PayTally, pay_gap_figures_of
    from ..metrics.staffcsv import StaffFileError, tally_staff_csv

    try:
        with file_progress(staff, quiet) as progress:
            tallies = tally_staff_csv(staff, mapping, exclude_other=exclude_other, progress=progress)
        nobody = PayTally.merged([])
        result = pay_gap_figures_of(tallies.get("male", nobody), tallies.get("female", nobody))
    except StaffFileError as exc:
        _fail_staff_file(staff, exc)
    except PayGapInputError as exc:
        fail_problems(f"{staff}: {exc}")
    excluded = tallies.get("other", nobody).relevant if exclude_other else None
    writable = plausible.check(staff, cast("Mapping[str | None, PayTally]", tallies), "sex", mapping)
    if output_format is PayGapFormat.json:
        write_output(paygap_json(date, result, excluded))
    else:
        print_rich(paygap_text(date, result, excluded), soft_wrap=False)
    _refuse_to_write(root, writable)
    if root is not None:
        _write_record(root, staff, date, result)


def _compute_by(staff: Path, date: dt.date, mapping: dict[str, str], output_format: PayGapFormat,
                root: Path | None, by: PayGapBy, reference: EthnicityReference, min_group: int | None,
                quiet: bool, plausible: _Plausible) -> None:
    from ..metrics.diversity_paygap import DEFAULT_MIN_GROUP, diversity_pay_gaps_of_groups, grouping
    from ..metrics.paygap import PayGapInputError
    from ..metrics.staffcsv import StaffFileError, tally_staff_grouped

    characteristic = cast("Characteristic", by.value)
    groups = grouping(characteristic, reference)
    try:
        with file_progress(staff, quiet) as progress:
            tallies = tally_staff_grouped(staff, groups, mapping, progress)
        result = diversity_pay_gaps_of_groups(tallies, groups, DEFAULT_MIN_GROUP if min_group is None else min_group)
    except StaffFileError as exc:
        _fail_staff_file(staff, exc)
    except PayGapInputError as exc:
        fail_problems(f"{staff}: {exc}")
    everyone: dict[str | None, PayTally] = {name: tally for name, tally in tallies.groups.items()}
    everyone[None] = tallies.undisclosed  # every disclosed value is in a group
    writable = plausible.check(staff, everyone, characteristic, mapping)
    if output_format is PayGapFormat.json:
        write_output(diversity_json(date, result))
    else:
        print_rich(diversity_text(date, result), soft_wrap=False)
    _refuse_to_write(root, writable)
    if root is not None:
        _write_record(root, staff, date, result)


def _default_reference(start: Path) -> EthnicityReference:
    """The ethnicity reference group for the body whose records folder holds `start`, if any: the organisation
    file is read (which loads the record models) only when there is a records folder."""
    from ..metrics.diversity_paygap import default_reference
    from ..records.root import RootNotFound, find_root

    try:
        root = find_root(start)
    except (RootNotFound, OSError):
        return default_reference(None)
    from ..records.repository import organisation_sector

    return default_reference(organisation_sector(root))


def _fail_staff_file(staff: Path, error: StaffFileError) -> NoReturn:
    """A bad row is exit 1; a file that cannot be read as a staff file at all is exit 2: it cannot be
    opened, is not UTF-8, or its header lacks a column or is not comma-separated."""
    message = f"{staff}: {error}"
    header = _header_line(staff)
    encoding = "not UTF-8" in error.message
    if error.row is not None and header is not None and error.row > header and not encoding:
        fail_problems(message)
    fail_usage(message)


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


def _write_record(root: Path, staff: Path, date: dt.date, result: PayGapResult | DiversityPayGap) -> None:
    """Create or update the record of the gender pay gap, or of one characteristic's pay gaps, through the
    one writer of computed records (which then exits as the records folder's errors say)."""
    from ..metrics.paygap import PayGapResult
    from ..metrics.paygap_record import PayGapRecordError, diversity_record, paygap_record
    _warn_if_inside(root, staff)
    try:
        record = (paygap_record(date, result) if isinstance(result, PayGapResult)
                  else diversity_record(date, result))
    except PayGapRecordError as exc:
        fail_problems(str(exc))
    write_record_or_exit(root, record)


def _warn_if_inside(root: Path, staff: Path) -> None:
    if staff.resolve().is_relative_to(root.resolve()):
        sys.stderr.write(f"equitykit: warning: {staff} is inside the records folder {root}; staff-level pay "
                         "data does not belong there (move it out, and out of git)\n")


def paygap_json(snapshot: dt.date, result: PayGapResult, excluded_other: int | None = None) -> str:
    """The figures as JSON numbers (13.6, null when undefined), the counts behind them and the warnings.

    With --exclude-other, the counts also say how many staff were left out (`excluded_other`).
    """
    from ..metrics.paygap import published_figures, quartile_counts, record_counts

    excluded = {} if excluded_other is None else {"excluded_other": excluded_other}
    return json.dumps({
        "snapshot": snapshot.isoformat(),
        "figures": published_figures(result),
        "counts": {**record_counts(result), **excluded, "quartiles": quartile_counts(result)},
        "warnings": list(result.warnings),
    }, indent=2, ensure_ascii=False)


def diversity_json(snapshot: dt.date, result: DiversityPayGap) -> str:
    """The JSON contract of `--by`: snapshot, characteristic, reference, disclosure, comparisons, quartiles."""
    from ..metrics.diversity_paygap import published

    return json.dumps({"snapshot": snapshot.isoformat(), **published(result)}, indent=2, ensure_ascii=False)


def diversity_text(snapshot: dt.date, result: DiversityPayGap) -> RenderableType:
    """Each comparison's figures and what they mean, the disclosure rate and the quartile shares."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from ..metrics.diversity_paygap import CHARACTERISTIC_LABELS, gap_reading, group_label

    reference = group_label(result.reference)
    title = f"{CHARACTERISTIC_LABELS[result.characteristic]} pay gaps at {snapshot.isoformat()}"
    heading = Text(f"{title}\nReference group: {reference} ({result.reference_counts.full_pay_relevant:,} "
                   f"full-pay relevant staff). Disclosure: {result.disclosed:,} of {result.total:,} relevant staff "
                   f"({_percent(result.disclosure.value)}).")
    gaps = Table(title=f"Each group against {reference} (positive: the group is paid less)", title_justify="left")
    for column in ("Group", "Staff", "Mean hourly", "Median hourly", "Mean bonus", "Median bonus",
                   "Group paid a bonus", f"{reference} paid a bonus"):
        gaps.add_column(column, justify="left" if column == "Group" else "right")
    readings: list[RenderableType] = []
    for comparison in result.comparisons:
        figures = comparison.figures
        gaps.add_row(group_label(comparison.group), f"{comparison.headcount:,}",
                     *(_percent(getattr(figures, name).value) for name in (
                         "mean_hourly_gap", "median_hourly_gap", "mean_bonus_gap", "median_bonus_gap",
                         "group_bonus_percent", "reference_bonus_percent")))
        median = figures.median_hourly_gap
        reading = gap_reading(comparison.group, result.reference, median.value, "median hourly pay", median.reason)
        note = f" {comparison.reason}" if comparison.reason and comparison.reason not in reading else ""
        readings.append(Text(f"{group_label(comparison.group)}: {reading}{note}"))
    bands = Table(title="Quartile pay bands (full-pay relevant staff, lowest to highest paid)", title_justify="left")
    groups = list(next(iter(result.quartiles.values())))
    bands.add_column("Band")
    for group in groups:
        bands.add_column(group_label(group), justify="right")
    for (band, shares), label in zip(result.quartiles.items(), _BAND_LABELS.values(), strict=True):
        bands.add_row(label, *(f"{_percent(shares[group].value)} ({result.quartile_counts[band][group]:,})"
                               for group in groups))
    return Group(heading, Text(), gaps, *readings, Text(), bands)


def paygap_text(snapshot: dt.date, result: PayGapResult, excluded_other: int | None = None) -> RenderableType:
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
    if excluded_other is not None:
        parts.append(Text(f"Left out (--exclude-other): {excluded_other:,} staff whose sex is neither male nor "
                          "female, or not known, as GOV.UK guidance allows."))
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
    """Add `paygap compute`, and `paygap import` and `peers` (the GOV.UK download files, whose commands
    `cli.paygap_govuk` adds to paygap_app when the cli package imports it), to the app."""
    app.add_typer(paygap_app, name="paygap")
