"""Computed pay gap figures as a record: what `paygap compute --write` puts in ``paygap/<snapshot>.yaml``
(the gender pay gap) or ``paygap/<snapshot>-<characteristic>.yaml`` (ethnicity, disability, sexual
orientation).

Only aggregates reach the record: the figures (rounded half up to one decimal place) and the
headcounts behind them. The computation owns only the values under ``figures`` and ``counts``, or
``reference``, ``disclosure``, ``comparisons`` and ``quartiles``; `equitykit.authoring.computed`
writes them, keeping every other key and comment.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import asdict
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..records.computed import ComputedRecord, NewRecord
from ..records.kinds import KINDS_BY_NAME
from ..records.paygap import BONUS_GAPS, EmployerSize, PayGap, PayGapCounts, PayGapFigures
from .diversity_paygap import CHARACTERISTIC_LABELS, DiversityPayGap, published
from .govuk_paygap import PeerComparison, PublishedYear
from .paygap import PayGapResult, published_figures, record_counts

_KIND = KINDS_BY_NAME["paygap"]
_SIZE_BANDS: tuple[tuple[int, EmployerSize], ...] = (
    (250, "Less than 250"),
    (500, "250 to 499"),
    (1000, "500 to 999"),
    (5000, "1000 to 4999"),
    (20_000, "5000 to 19,999"),
)
_PLACEHOLDERS = ("link", "responsible_person", "submitted", "narrative")
"""Keys the people who publish the figures fill in: a new record has them as comments."""
_PLACEHOLDER_EXAMPLES = {
    "link": "https://www.example.nhs.uk/gender-pay-gap",
    "responsible_person": "Chief Executive",
    "submitted": "YYYY-MM-DD",
    "narrative": "Explain the gap and what you are doing about it.",
}


class PayGapRecordError(Exception):
    """The figures cannot be written to the record; nothing was written."""


def employer_size(headcount: int) -> EmployerSize:
    """The GOV.UK employer size band of a headcount (1,000 is "1000 to 4999")."""
    for limit, band in _SIZE_BANDS:
        if headcount < limit:
            return band
    return "20,000 or more"


def paygap_record(snapshot: dt.date, result: PayGapResult) -> ComputedRecord:
    """The figures and counts to write to ``paygap/<snapshot>.yaml``.

    Raises ``PayGapRecordError`` when a figure the record needs is undefined for these employees.
    """
    figures, counts = _checked_values(snapshot, result)
    return ComputedRecord(_KIND, snapshot.isoformat(), {"figures": figures, "counts": counts},
                          new_record(snapshot, figures, counts))


def diversity_record(snapshot: dt.date, result: DiversityPayGap) -> ComputedRecord:
    """The reference, disclosure, comparisons and quartiles to write to ``paygap/<snapshot>-<characteristic>.yaml``.

    The quartiles hold exactly the groups computed: a group no longer compared (another --reference)
    leaves them. Raises ``PayGapRecordError`` when the record model would reject the values.
    """
    stem = f"{snapshot.isoformat()}-{result.characteristic}"
    values = {key: value for key, value in published(result).items() if key != "characteristic"}
    try:
        PayGap.model_validate({"id": stem, "characteristic": result.characteristic, "snapshot": snapshot, **values})
    except ValidationError as exc:
        raise PayGapRecordError(f"paygap/{stem}.yaml was not written: {exc.errors()[0]['msg']}") from None
    return ComputedRecord(_KIND, stem, values, new_diversity_record(snapshot, result.characteristic, values),
                          exact=frozenset({"quartiles"}))


def _checked_values(snapshot: dt.date, result: PayGapResult) -> tuple[dict[str, float | None], dict[str, int]]:
    """The figures and counts to write, refused when the record model would reject them."""
    figures, counts = published_figures(result), record_counts(result)
    undefined = [name for name, value in figures.items() if value is None and name not in BONUS_GAPS]
    try:
        PayGapFigures.model_validate(figures)
        PayGapCounts.model_validate(counts)
        invalid: set[str] = set()
    except ValidationError as exc:
        invalid = {str(error["loc"][0]) for error in exc.errors()}
    if undefined or invalid:
        names = sorted({*undefined, *invalid}, key=lambda name: (name not in figures, list(figures).index(name)
                                                                if name in figures else 0, name))
        reasons = " ".join(result.warnings)
        raise PayGapRecordError(
            f"paygap/{snapshot.isoformat()}.yaml was not written: the record needs {', '.join(names)}, "
            f"which cannot be computed from this staff file. {reasons}".rstrip()
        )
    return figures, counts


def new_record(snapshot: dt.date, figures: dict[str, float | None], counts: dict[str, int]) -> NewRecord:
    """A new record: the figures and counts, a derived employer size, and commented placeholders."""
    headcount = counts["male_relevant"] + counts["female_relevant"]
    return NewRecord(
        (f"Gender pay gap figures for the snapshot date {snapshot.isoformat()}, from `equitykit paygap compute`.",
         "The staff-level pay data stays outside this folder. Computing again with --write replaces",
         "only the figures and counts, and keeps everything else, comments included."),
        {"snapshot": snapshot, "figures": figures, "counts": counts, "employer_size": employer_size(headcount)},
        {"employer_size": f"Derived from the {headcount:,} relevant employees; check it."},
        tuple((name, _PLACEHOLDER_EXAMPLES[name]) for name in _PLACEHOLDERS))


def new_diversity_record(snapshot: dt.date, characteristic: str, values: dict[str, Any]) -> NewRecord:
    """A new record of one characteristic's pay gaps, with commented placeholders."""
    label = CHARACTERISTIC_LABELS[characteristic]
    return NewRecord(
        (f"{label} pay gaps for the snapshot date {snapshot.isoformat()}, from "
         f"`equitykit paygap compute --by {characteristic}`.",
         "The staff-level pay data stays outside this folder. Computing again with --write replaces",
         "only the reference group, disclosure, comparisons and quartiles, and keeps everything else."),
        {"characteristic": characteristic, "snapshot": snapshot, **values}, {},
        tuple((name, _PLACEHOLDER_EXAMPLES[name].replace("gender-pay-gap", f"{characteristic}-pay-gap"))
              for name in ("link", "responsible_person", "narrative")))


def _scalar(value: float | None) -> str:
    return "null" if value is None else repr(value)


def published_record(year: PublishedYear) -> ComputedRecord:
    """A new record of one reporting year as the GOV.UK service publishes it: the figures it gives (a bonus
    gap it leaves empty is null: no bonuses to compare), its size, link, responsible person and submission
    date, and no counts. `paygap import --write` writes it only where there is no record yet."""
    row, date = year.row, year.snapshot.isoformat()
    figures = {name: value for name, value in row.figures.items() if value is not None or name in BONUS_GAPS}
    details = [(key, value) for key, value in (
        ("employer_size", row.employer_size), ("link", row.link), ("responsible_person", row.responsible_person))
        if value is not None]
    text = "\n".join([
        f"# {_KIND.schema_comment()}",
        "#",
        f"# Gender pay gap figures for the snapshot date {date}, as published on the GOV.UK gender pay gap",
        f"# service by {row.employer_name} (employer id {row.employer_id}), imported by `equitykit paygap import`",
        f"# from {Path(row.file).name}, line {row.line}. The service publishes the figures without the counts",
        "# behind them. Importing again never changes this record.",
        f"id: {date}",
        f"snapshot: {date}",
        "figures:",
        *(f"  {name}: {_scalar(value)}" for name, value in figures.items()),
        *(f"{key}: {_text_scalar(value)}" for key, value in details),
        *([f"submitted: {row.submitted.isoformat()}"] if row.submitted else []),
        "imported_from: gov.uk",
    ]) + "\n"
    return ComputedRecord(_KIND, date, {"imported_from": "gov.uk"}, text)


def _text_scalar(text: str) -> str:
    """Text as a YAML scalar: plain where that reads back as the same text, else in double quotes."""
    plain = (re.fullmatch(r"[A-Za-z0-9][\w .,()&/'+-]*", text) and re.search(r"[A-Za-z]", text)
             and not text.endswith(" ") and text.lower() not in ("yes", "no", "true", "false", "null", "on", "off"))
    return text if plain else json.dumps(text, ensure_ascii=False)


def peers_record(comparison: PeerComparison) -> ComputedRecord:
    """The summary of the body among its peers, kept under `peers` in its record at the snapshot (which
    must exist: the figures come first); every other key stays as it is."""
    values = {"peers": {
        "count": comparison.count,
        "sic_codes": None if comparison.sic_codes is None else list(comparison.sic_codes),
        "size": comparison.size,
        "name_matches": comparison.name_matches,
        "employers": list(comparison.employers),
        "figures": {name: asdict(figure) for name, figure in comparison.figures.items()},
    }}
    return ComputedRecord(_KIND, comparison.snapshot.isoformat(), values, "", exact=frozenset({"peers"}))
