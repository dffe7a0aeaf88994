"""`equitykit grade eds`, `equitykit wres` and `equitykit wdes`: gradings and workforce metrics.

Exit codes: 0 the figures were computed (whatever they show), or the standard does not apply to
the body (it says so); 1 there is no assessment or workforce data to compute from, the record asked
for is invalid, or any record has errors; 2 a bad option value, including a --period or --snapshot
that names no record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .common import (
    PathArgument,
    exit_if_records_have_errors,
    fail_problems,
    fail_usage,
    find_root_or_exit,
    print_rich,
    write_output,
)

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ..records.repository import RecordSet


class MetricsFormat(StrEnum):
    text = "text"
    json = "json"


FormatOption = Annotated[MetricsFormat, typer.Option("--format", "-f", help="Output format.")]
SnapshotOption = Annotated[
    str | None,
    typer.Option("--snapshot", metavar="DATE",
                 help="The workforce snapshot date (YYYY-MM-DD); default: the latest with the data."),
]

grade_app = typer.Typer(help="Grade assessments: EDS 2022 scores and ratings, or EDS2 grades.",
                        no_args_is_help=True)


@grade_app.command("eds")
def grade_eds(
    path: PathArgument = Path("."),
    period: Annotated[str | None, typer.Option("--period", metavar="ID",
                                               help="The assessment's id, e.g. 2024-25; default: the latest.")] = None,
    output_format: FormatOption = MetricsFormat.text,
) -> None:
    """EDS 2022 scores and ratings, or EDS2 grades, with the change on the previous assessment."""
    from ..metrics.eds import EdsAssessmentMissing, grade_eds
    from ..reporting.eds_text import eds_text
    from ..reporting.metrics_json import metrics_json

    records = _load(path)
    _stop_unless_it_applies(records, "eds", output_format)
    if period is not None:
        _refuse_invalid(records, "eds", period)
    try:
        result = grade_eds(records.of("eds"), period)
    except EdsAssessmentMissing as exc:
        (fail_problems if period is None else fail_usage)(str(exc))  # --period naming no assessment: usage
    if output_format is MetricsFormat.json:
        write_output(metrics_json(result, framework=result.framework, complete=result.complete))
    else:
        print_rich(eds_text(result), soft_wrap=False)
    exit_if_records_have_errors(records, "the grading")


def wres(path: PathArgument = Path("."), snapshot: SnapshotOption = None,
         output_format: FormatOption = MetricsFormat.text) -> None:
    """The nine Workforce Race Equality Standard indicators from the workforce data."""
    from ..metrics.wres import wres_indicators
    from ..reporting.workforce_text import wres_text

    _workforce_command("wres", path, snapshot, output_format, wres_indicators, wres_text)


def wdes(path: PathArgument = Path("."), snapshot: SnapshotOption = None,
         output_format: FormatOption = MetricsFormat.text) -> None:
    """The ten Workforce Disability Equality Standard metrics from the workforce data."""
    from ..metrics.wdes import wdes_metrics
    from ..reporting.workforce_text import wdes_text

    _workforce_command("wdes", path, snapshot, output_format, wdes_metrics, wdes_text)


def _workforce_command(standard: str, path: Path, snapshot: str | None, output_format: MetricsFormat,
                       compute: Callable[..., Any], text: Callable[..., RenderableType]) -> None:
    from ..metrics.standards import WorkforceDataMissing
    from ..records.organisation import Organisation
    from ..reporting.metrics_json import metrics_json

    date = _parse_snapshot(snapshot)
    records = _load(path)
    _stop_unless_it_applies(records, standard, output_format)
    if date is not None:
        _refuse_invalid(records, "workforce", date.isoformat())
    try:
        result = compute(records.of("workforce"), date)
    except WorkforceDataMissing as exc:
        named_none = date is not None and all(w.snapshot != date for w in records.of("workforce"))
        (fail_usage if named_none else fail_problems)(str(exc))  # --snapshot naming no snapshot: usage
    if output_format is MetricsFormat.json:
        write_output(metrics_json(result, standard=standard))
    else:
        organisation = records.organisation
        threshold = (organisation.suppression_threshold if organisation
                     else Organisation.model_fields["suppression_threshold"].default)
        print_rich(text(result, threshold), soft_wrap=False)
    exit_if_records_have_errors(records, "the figures")


def _parse_snapshot(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail_usage(f"--snapshot {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2025-03-31")


def _load(path: Path) -> RecordSet:
    """Every record under the root (those with errors are left out of the figures)."""
    from ..records.repository import load_records

    return load_records(find_root_or_exit(path))


def _stop_unless_it_applies(records: RecordSet, standard: str, output_format: MetricsFormat) -> None:
    """Say so and exit 0 when the standard does not apply to the body (a council, a Welsh body)."""
    import json

    reason = records.organisation.standard_not_applicable(standard) if records.organisation else None
    if reason is None:
        return
    if output_format is MetricsFormat.json:
        write_output(json.dumps({"standard": standard, "applies": False, "reason": reason}, indent=2) + "\n")
    else:
        typer.echo(reason)
    raise typer.Exit(0)


def _refuse_invalid(records: RecordSet, kind: str, record_id: str) -> None:
    loaded = records.find(kind, record_id)
    if loaded is not None and loaded.model is None:
        fail_problems(f"{loaded.file} has problems, so it cannot be used; run `equitykit validate`")




def register(app: typer.Typer) -> None:
    """Add `grade eds`, `wres` and `wdes` to the app."""
    app.add_typer(grade_app, name="grade")
    app.command()(wres)
    app.command()(wdes)
