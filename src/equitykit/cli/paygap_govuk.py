"""`equitykit paygap import` and `equitykit paygap peers`: the GOV.UK gender pay gap service's download files.

`import` reads a body's published years, compares each with its record and, with --write, records the
years not yet recorded, as published. `peers` says where the body stands among the other employers of the
files at a snapshot and, with --write, keeps that summary in the body's record.

Exit codes: 0 done; 1 a row of a file is invalid, the employer is not in the files, a record cannot be
written, or the records folder has errors after writing; 2 a usage error or a file that cannot be read as a
download file (no such file, not CSV, a header without the service's columns).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TypeVar

import typer

from .common import fail_problems, fail_usage, find_root_or_exit, print_rich, warn, write_output
from .paygap import paygap_app

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ..extracts.govuk_paygap import DownloadFile, DownloadFileError, DownloadRow
    from ..metrics.govuk_paygap import EmployerHistory, PeerComparison
    from ..records.repository import RecordSet


_R = TypeVar("_R")


class GovukFormat(StrEnum):
    text = "text"
    json = "json"


FilesArgument = Annotated[list[Path], typer.Argument(
    metavar="FILE... [PATH]",
    help="One or more GOV.UK download files (CSV, the service's layout or the snake_case copy), then "
         "optionally the records folder (default: the current folder).", show_default=False)]
EmployerIdOption = Annotated[str | None, typer.Option(
    "--employer-id", metavar="N", help="The body's EmployerId on the GOV.UK service.", show_default=False)]
FormatOption = Annotated[GovukFormat, typer.Option("--format", "-f", help="Output format.")]
_FIGURE_LABELS = {
    "DiffMeanHourlyPercent": "Mean hourly gap", "DiffMedianHourlyPercent": "Median hourly gap",
    "DiffMeanBonusPercent": "Mean bonus gap", "DiffMedianBonusPercent": "Median bonus gap",
    "FemaleTopQuartile": "Women in the top quarter",
}


@paygap_app.command("import")
def import_(
    paths: FilesArgument,
    employer_id: EmployerIdOption = None,
    company_number: Annotated[str | None, typer.Option(
        "--company-number", metavar="NUMBER", help="The body's company number instead of --employer-id (leading "
                                                   "zeros kept).", show_default=False)] = None,
    output_format: FormatOption = GovukFormat.text,
    write: Annotated[bool, typer.Option(
        "--write", help="Create paygap/<snapshot>.yaml for each year not yet recorded, as published (no counts); "
                        "an existing record is never changed.")] = False,
) -> None:
    """A body's published gender pay gaps from GOV.UK download files: each year's figures, due date,
    submission and whether it was late, compared with its record. `--write` records the years not yet
    recorded, as published."""
    from ..metrics.govuk_paygap import employer_history, employer_matcher

    if (employer_id is None) == (company_number is None):
        fail_usage("give the body as --employer-id N or --company-number NUMBER (one of them)")
    files, root = _files_and_root(paths, write)
    downloads = [_read(file) for file in files]
    rows = _rows(downloads, lambda download: employer_matcher(download, employer_id, company_number),
                 (employer_id or company_number or "").strip())
    records = _records(root)
    history = employer_history(rows, lambda snapshot: _recorded_figures(records, snapshot))
    if history is None:
        which = f"employer id {employer_id}" if employer_id is not None else f"company number {company_number}"
        fail_problems(f"no row of {', '.join(map(str, files))} has the {which}; check it on the GOV.UK service "
                      "(the number in the employer's page address)")
    for message in history.warnings:
        warn(message)
    _show(output_format, import_json, import_text, history)
    if write:
        _write_absent_years(root, history)


def _show(output_format: GovukFormat, as_json: Callable[[_R], str], as_text: Callable[[_R], RenderableType],
          result: _R) -> None:
    if output_format is GovukFormat.json:
        write_output(as_json(result))
    else:
        print_rich(as_text(result), soft_wrap=False)


def _files_and_root(paths: Sequence[Path], write: bool) -> tuple[list[Path], Path | None]:
    """The download files and the records folder: the last path when it is a folder, else the current one
    (None when there is none and --write is not asked for)."""
    folder = paths[-1] if paths and paths[-1].is_dir() else None
    files = list(paths[:-1] if folder is not None else paths)
    if not files:
        fail_usage("give at least one GOV.UK download file (CSV) before the records folder")
    for file in files:
        if not file.exists():
            fail_usage(f"{file} does not exist")
    if folder is not None or write:
        return files, find_root_or_exit(folder or Path("."))
    here = Path(".").resolve()
    if not any((place / "equitykit.yaml").is_file() for place in (here, *here.parents)):
        return files, None  # no records folder to compare with (and no need to load the records code)
    from ..records.repository import RootNotFound, find_root

    try:
        return files, find_root(here)
    except (RootNotFound, OSError):
        return files, None


def _read(file: Path) -> DownloadFile:
    from ..extracts.govuk_paygap import DownloadFileError, read_download

    try:
        return read_download(file)
    except DownloadFileError as exc:
        _fail_file(exc)


def _fail_file(error: DownloadFileError) -> NoReturn:
    if error.in_a_row:
        fail_problems(str(error))
    fail_usage(str(error))


def _rows(downloads: Sequence[DownloadFile], matcher: Callable[[DownloadFile], Callable[[list[str]], bool]],
          holding: str) -> list[DownloadRow]:
    """The rows of every file whose text holds `holding` (a quick test) and whose cells pass the matcher."""
    from ..extracts.govuk_paygap import DownloadFileError

    try:
        return [row for download in downloads for row in download.rows(matcher(download), holding)]
    except DownloadFileError as exc:
        _fail_file(exc)


def _records(root: Path | None) -> RecordSet | None:
    if root is None:
        return None
    from ..records.repository import load_records

    return load_records(root)


def _recorded_figures(records: RecordSet | None, snapshot: dt.date) -> dict[str, float | None] | None:
    """The recorded gender pay gap figures at a snapshot (not published: None), or None without a record."""
    if records is None:
        return None
    found = records.find("paygap", snapshot.isoformat())
    if found is None:
        return None
    record = found.model
    if record is None or record.figures is None:
        return {}  # a record with errors, or without figures: it differs until it is fixed
    return {name: getattr(record.figures, name) if record.figures.given(name) else None
            for name in type(record.figures).model_fields}


def _write_absent_years(root: Path | None, history: EmployerHistory) -> None:
    from ..authoring.computed import ComputedRecordError, write_computed_record
    from ..metrics.paygap_record import published_record
    from .common import exit_if_records_have_errors

    assert root is not None  # --write finds the records folder or exits
    for year in history.years:
        if year.recorded == "absent":
            try:
                written = write_computed_record(root, published_record(year))
            except ComputedRecordError as exc:
                fail_problems(str(exc))
            except OSError as exc:
                fail_usage(f"cannot write paygap/{year.snapshot.isoformat()}.yaml in {root}: {exc.strerror or exc}")
            sys.stderr.write(f"equitykit: {written.action} {written.file}\n")
        elif year.recorded == "differs":
            warn(f"paygap/{year.snapshot.isoformat()}.yaml differs from GOV.UK ({', '.join(year.differences)}) "
                 "and was left as it is: check the published report and correct whichever is wrong")
    from ..records.repository import load_records

    exit_if_records_have_errors(load_records(root), None)


def _employer_id(text: str) -> int | str:
    return int(text) if text.isdigit() else text


def import_json(history: EmployerHistory) -> str:
    """The JSON contract of `paygap import`."""
    return json.dumps({
        "employer": {"employer_id": _employer_id(history.employer_id), "name": history.name,
                     "company_number": history.company_number},
        "years": [{
            "snapshot": year.snapshot.isoformat(),
            "due": year.row.due.isoformat(),
            "submitted": None if year.row.submitted is None else year.row.submitted.isoformat(),
            "late": year.row.late,
            "figures": dict(year.row.figures),
            "employer_size": year.row.employer_size,
            "link": year.row.link,
            "responsible_person": year.row.responsible_person,
            "recorded": year.recorded,
        } for year in history.years],
    }, indent=2, ensure_ascii=False)


def import_text(history: EmployerHistory) -> RenderableType:
    """A table a person reads: a row per year with the main figures, the dates and the record's state."""
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    number = f", company number {history.company_number}" if history.company_number else ""
    heading_text = Text(f"{history.name} (GOV.UK employer {history.employer_id}{number})")
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for heading in ("Snapshot", "Mean gap", "Median gap", "Due", "Submitted", "Late", "Recorded"):
        table.add_column(heading, justify="right" if "gap" in heading else "left", no_wrap=True)
    differing = []
    for year in history.years:
        row = year.row
        table.add_row(year.snapshot.isoformat(), _percent(row.figures["DiffMeanHourlyPercent"]),
                      _percent(row.figures["DiffMedianHourlyPercent"]), row.due.isoformat(),
                      row.submitted.isoformat() if row.submitted else "not given",
                      {True: "yes", False: "no", None: "?"}[row.late],
                      {"same": "same", "absent": "not yet", "differs": "differs"}[year.recorded])
        if year.recorded == "differs":
            differing.append(Text(f"{year.snapshot.isoformat()}: the record differs in {', '.join(year.differences)}."))
    names = sorted({year.row.employer_name for year in history.years} - {history.name})
    parts: list[RenderableType] = [heading_text, table, *differing]
    if names:
        parts.append(Text(f"Earlier names: {', '.join(names)}."))
    absent = sum(year.recorded == "absent" for year in history.years)
    if absent:
        parts.append(Text(f"{absent} year{'s' if absent != 1 else ''} not yet recorded: --write records "
                          f"{'them' if absent != 1 else 'it'} as published."))
    return Group(*parts)


def _percent(value: float | None) -> str:
    return "not given" if value is None else f"{value}%"


@paygap_app.command("peers")
def peers(
    paths: FilesArgument,
    employer_id: Annotated[str, typer.Option(
        "--employer-id", metavar="N", help="The body's EmployerId on the GOV.UK service.")],
    snapshot: Annotated[str, typer.Option(
        "--snapshot", metavar="DATE", help="The snapshot date compared (YYYY-MM-DD), e.g. 2023-03-31.")],
    sic: Annotated[str | None, typer.Option(
        "--sic", metavar="CODE,...", help="Peers share at least one of these SIC codes (default: the body's own; "
                                          "the public-sector code 1 only when it is its only one).",
        show_default=False)] = None,
    size: Annotated[bool, typer.Option("--size", help="Peers have the body's employer size.")] = False,
    name_matches: Annotated[str | None, typer.Option(
        "--name-matches", metavar="REGEX", help="Peers' names match this regular expression (any case), e.g. "
                                                "'NHS (foundation )?trust'.", show_default=False)] = None,
    output_format: FormatOption = GovukFormat.text,
    write: Annotated[bool, typer.Option(
        "--write", help="Keep the summary under `peers` in the body's record at the snapshot, for the reports.")]
        = False,
) -> None:
    """Where the body stands among its peers on the GOV.UK service at a snapshot: the peers' median and
    quartiles of each gap and of women's share of the top pay quarter, and the body's percentile."""
    from .common import parse_snapshot

    date = parse_snapshot(snapshot)
    codes = None if sic is None else tuple(code for code in re.split(r"[,\s]+", sic) if code)
    if codes is not None and not codes:
        fail_usage("--sic needs at least one SIC code, e.g. --sic 86101")
    if name_matches is not None:
        try:
            re.compile(name_matches)
        except re.error as exc:
            fail_usage(f"--name-matches {name_matches!r} is not a regular expression ({exc}); e.g. "
                       "'NHS (foundation )?trust'")
    files, root = _files_and_root(paths, write)
    comparison = _compare(files, root, employer_id.strip(), date, codes, size, name_matches)
    _show(output_format, peers_json, peers_text, comparison)
    if write:
        _write_peers(root, comparison)


def _compare(files: Sequence[Path], root: Path | None, employer_id: str, date: dt.date,
             codes: tuple[str, ...] | None, size: bool, name_matches: str | None) -> PeerComparison:
    from ..metrics.govuk_paygap import (
        PeerFilter,
        compare_with_peers,
        employer_matcher,
        latest_rows,
        public_employers,
        snapshot_of,
    )

    downloads = [_read(file) for file in files]
    choice = PeerFilter(codes, size, name_matches)
    due_year = str(date.year + 1)  # rows fall due the year after the snapshot
    if date.year == 2020:  # the extended year: a row's sector rests on the employer's other years, so read all
        candidates = _rows(downloads, lambda download: lambda cells: True, "")
        public = public_employers(candidates)
        body_rows = [row for row in candidates if row.employer_id == employer_id]
    else:
        public = set()
        body_rows = _rows(downloads, lambda download: employer_matcher(download, employer_id, None), employer_id)
    body = next((row for row in body_rows if snapshot_of(row.due, row.employer_id in public) == date), None)
    if body is None:
        years = sorted({snapshot_of(row.due, row.employer_id in public).isoformat() for row in body_rows})
        found = f" (its snapshots in the files: {', '.join(years)})" if years else ""
        fail_problems(f"employer id {employer_id} has no row at the snapshot {date.isoformat()} in "
                      f"{', '.join(map(str, files))}{found}; give the file of that year, or another --snapshot")
    if date.year != 2020:  # only the rows that may be peers are read whole
        chosen = choice.chosen(body)

        def may_be_peer(download: DownloadFile) -> Callable[[list[str]], bool]:
            due, name, sic, size_cell = (download.column(column) for column in (
                "DueDate", "EmployerName", "SicCodes", "EmployerSize"))
            return lambda cells: due_year in due(cells) and chosen.may_admit(name(cells), sic(cells), size_cell(cells))

        candidates = _rows(downloads, may_be_peer, due_year)
    kept, _warnings = latest_rows([*candidates, body], public)
    at_snapshot = [row for (_employer, when), row in kept.items() if when == date]
    body = kept[(body.employer_id, date)]
    figures = _recorded_figures(_records(root), date)
    body_figures = {name: (figures[name] if figures and name in figures and figures[name] is not None
                           else value) for name, value in body.figures.items()}
    return compare_with_peers(body, body_figures, at_snapshot, date, choice)


def _write_peers(root: Path | None, comparison: PeerComparison) -> None:
    from ..metrics.paygap_record import peers_record
    from ..records.computed import ComputedRecord
    from .common import write_record_or_exit

    assert root is not None  # --write finds the records folder or exits
    record: ComputedRecord = peers_record(comparison)
    date = comparison.snapshot.isoformat()
    if not any((root / "paygap" / f"{date}{suffix}").exists() for suffix in (".yaml", ".yml")):
        fail_problems(f"paygap/{date}.yaml does not exist: record the body's figures first (`equitykit paygap "
                      f"import FILE --employer-id N --write`), then keep the peers summary in it")
    write_record_or_exit(root, record)


def peers_json(comparison: PeerComparison) -> str:
    """The JSON contract of `paygap peers`."""
    return json.dumps({
        "snapshot": comparison.snapshot.isoformat(),
        "peer_group": {"count": comparison.count,
                       "sic_codes": None if comparison.sic_codes is None else list(comparison.sic_codes),
                       "size": comparison.size, "name_matches": comparison.name_matches},
        "figures": {name: asdict(figure) for name, figure in comparison.figures.items()},
    }, indent=2, ensure_ascii=False)


def peers_text(comparison: PeerComparison) -> RenderableType:
    """A table of each figure: the body's, the peers' median and quartiles, and the body's percentile."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    chosen = []
    if comparison.sic_codes is not None:
        chosen.append(f"SIC code {' or '.join(comparison.sic_codes)}")
    if comparison.size is not None:
        chosen.append(f"size {comparison.size}")
    if comparison.name_matches is not None:
        chosen.append(f"name matching {comparison.name_matches!r}")
    table = Table(title=f"Gender pay gap among {comparison.count} peers at {comparison.snapshot.isoformat()} "
                        f"({'; '.join(chosen) or 'every employer'})", title_justify="left")
    for heading in ("Figure", "Body", "Peers with it", "Lower quartile", "Median", "Upper quartile", "Percentile"):
        table.add_column(heading, justify="left" if heading == "Figure" else "right")
    for name, figure in comparison.figures.items():
        table.add_row(_FIGURE_LABELS[name], _percent(figure.body), f"{figure.peers:,}",
                      *(_percent(value) for value in (figure.lower_quartile, figure.median, figure.upper_quartile)),
                      "not enough peers" if figure.percentile is None else f"{figure.percentile}")
    parts: list[RenderableType] = [table, Text("Percentile: the share of peers with a lower figure (half of those "
                                               "with the same). A higher pay gap percentile means a wider gap.")]
    if comparison.employers:
        shown = ", ".join(comparison.employers[:20])
        more = f" and {len(comparison.employers) - 20} more" if len(comparison.employers) > 20 else ""
        parts.append(Text(f"Peers: {shown}{more}."))
    return Group(*parts)
