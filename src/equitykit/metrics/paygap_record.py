"""Computed pay gap figures as a record: create ``paygap/<snapshot>.yaml`` (the gender pay gap) or
``paygap/<snapshot>-<characteristic>.yaml`` (ethnicity, disability, sexual orientation), or update
its figures.

Only aggregates reach the record: the figures (rounded half up to one decimal place) and the
headcounts behind them. An existing record keeps every key and comment its authors wrote; only the
computed values (``figures`` and ``counts``; or ``reference``, ``disclosure``, ``comparisons`` and
``quartiles``) are replaced, mappings keeping their comments. Files are written atomically, and not
at all when nothing changed.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from collections.abc import Callable
from typing import Any, Literal

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.tokens import CommentToken

from ..atomic import atomic_write_text
from ..authoring.fmt import _yaml
from ..authoring.layout import scan_layout
from ..authoring.new import schema_comment
from ..records.kinds import KINDS_BY_NAME
from ..records.loader import LoadError, parse_document, read_text
from ..records.paygap import EmployerSize, PayGap, PayGapCounts, PayGapFigures
from ..records.repository import YAML_SUFFIXES, inside_root
from .diversity_paygap import CHARACTERISTIC_LABELS, DiversityPayGap, published
from .paygap import PayGapResult

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
    "narrative": ">-\n#   Explain the gap and what you are doing about it.",
}


class PayGapRecordError(Exception):
    """The figures cannot be written to the record; nothing was written."""


@dataclass(frozen=True)
class WrittenRecord:
    """The record written: its path, its name relative to the root, and what was done."""

    path: Path
    file: str
    action: Literal["created", "updated", "unchanged"]


def employer_size(headcount: int) -> EmployerSize:
    """The GOV.UK employer size band of a headcount (1,000 is "1000 to 4999")."""
    for limit, band in _SIZE_BANDS:
        if headcount < limit:
            return band
    return "20,000 or more"


def published_figures(result: PayGapResult) -> dict[str, float | None]:
    """The figures as record and JSON numbers: 13.6, never "13.6" or 13.600000000000001.

    Each figure is a ``Decimal`` with one decimal place, so the nearest float prints as exactly
    that decimal (Python prints the shortest text that reads back as the same float).
    """
    return {name: _number(value) for name, value in result.figures.items()}


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def record_counts(result: PayGapResult) -> dict[str, int]:
    """The headcounts behind the figures, named as the record's ``counts`` names them."""
    male, female = result.counts.male, result.counts.female
    return {
        "male_relevant": male.relevant,
        "female_relevant": female.relevant,
        "male_full_pay": male.full_pay_relevant,
        "female_full_pay": female.full_pay_relevant,
        "male_bonus": male.paid_bonus,
        "female_bonus": female.paid_bonus,
    }


def quartile_counts(result: PayGapResult) -> dict[str, dict[str, int]]:
    """Men and women in each quartile pay band, by GOV.UK band name (Lower ... Top)."""
    return {band.name: {"men": band.men, "women": band.women} for band in result.counts.quartiles}


def write_paygap_record(root: Path, snapshot: dt.date, result: PayGapResult) -> WrittenRecord:
    """Create or update ``paygap/<snapshot>.yaml`` under the records ``root`` with the result.

    Raises ``PayGapRecordError`` when a figure the record needs is undefined for these employees,
    or when an existing record cannot be read or updated safely; ``OSError`` when the file
    cannot be read or written.
    """
    figures, counts = _checked_values(snapshot, result)
    return _write(root, snapshot.isoformat(), lambda: new_record_text(snapshot, figures, counts),
                  {"figures": figures, "counts": counts})


def write_diversity_record(root: Path, snapshot: dt.date, result: DiversityPayGap) -> WrittenRecord:
    """Create or update ``paygap/<snapshot>-<characteristic>.yaml`` under ``root`` with the result.

    Raises ``PayGapRecordError`` when an existing record cannot be read or updated safely;
    ``OSError`` when the file cannot be read or written.
    """
    stem = f"{snapshot.isoformat()}-{result.characteristic}"
    values = {key: value for key, value in published(result).items() if key != "characteristic"}
    try:
        PayGap.model_validate({"id": stem, "characteristic": result.characteristic, "snapshot": snapshot, **values})
    except ValidationError as exc:
        raise PayGapRecordError(f"paygap/{stem}.yaml was not written: {exc.errors()[0]['msg']}") from None
    return _write(root, stem, lambda: new_diversity_record_text(stem, snapshot, result.characteristic, values),
                  values)


def _write(root: Path, stem: str, new_text: Callable[[], str], sections: dict[str, Any]) -> WrittenRecord:
    """Create the record ``paygap/<stem>`` with ``new_text``, or replace ``sections`` in it."""
    path = _record_path(root, stem)
    file = path.relative_to(root).as_posix()
    if not inside_root(path, root):
        raise PayGapRecordError(f"{file} is a symbolic link to a file outside the records folder; it was "
                                "neither read nor written (replace the link with the file itself)")
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, new_text())
        return WrittenRecord(path, file, "created")
    try:
        original = read_text(path, file)
    except LoadError as exc:
        raise PayGapRecordError(_problem_message(exc)) from None
    updated = updated_sections_text(original, file, sections)
    if updated == original:
        return WrittenRecord(path, file, "unchanged")
    atomic_write_text(path, updated)
    return WrittenRecord(path, file, "updated")


def _problem_message(exc: LoadError) -> str:
    problem = exc.problem
    return (
        f"{problem.file}:{problem.line}:{problem.column}: {problem.message}. Fix the record"
        " (run `equitykit validate`), then write the figures again."
    )


def _checked_values(snapshot: dt.date, result: PayGapResult) -> tuple[dict[str, float | None], dict[str, int]]:
    """The figures and counts to write, refused when the record model would reject them."""
    figures, counts = published_figures(result), record_counts(result)
    try:
        PayGapFigures.model_validate(figures)
        PayGapCounts.model_validate(counts)
    except ValidationError as exc:
        names = sorted({str(error["loc"][0]) for error in exc.errors()}, key=list(figures).index)
        reasons = " ".join(result.warnings)
        raise PayGapRecordError(
            f"paygap/{snapshot.isoformat()}.yaml was not written: the record needs {', '.join(names)}, "
            f"which cannot be computed from this staff file. {reasons}".rstrip()
        ) from None
    return figures, counts


def _record_path(root: Path, stem: str) -> Path:
    folder = root / str(_KIND.folder)
    for suffix in YAML_SUFFIXES:
        candidate = folder / f"{stem}{suffix}"
        if candidate.exists():
            return candidate
    return folder / f"{stem}{YAML_SUFFIXES[0]}"


def new_record_text(snapshot: dt.date, figures: dict[str, float | None], counts: dict[str, int]) -> str:
    """A new record: the figures and counts, a derived employer size, and commented placeholders."""
    date = snapshot.isoformat()
    headcount = counts["male_relevant"] + counts["female_relevant"]
    lines = [
        f"# {schema_comment(_KIND)}",
        "#",
        f"# Gender pay gap figures for the snapshot date {date}, from `equitykit paygap compute`.",
        "# The staff-level pay data stays outside this folder. Computing again with --write replaces",
        "# only the figures and counts, and keeps everything else, comments included.",
        f"id: {date}",
        f"snapshot: {date}",
        "figures:",
        *(f"  {name}: {_scalar(value)}" for name, value in figures.items()),
        "counts:",
        *(f"  {name}: {value}" for name, value in counts.items()),
        f"# {_description('employer_size')} Derived from the {headcount:,} relevant employees; check it.",
        f"employer_size: {employer_size(headcount)}",
    ]
    for name in _PLACEHOLDERS:
        lines += [f"# {_description(name)}", f"# {name}: {_PLACEHOLDER_EXAMPLES[name]}"]
    return "\n".join(lines) + "\n"


def new_diversity_record_text(stem: str, snapshot: dt.date, characteristic: str, values: dict[str, Any]) -> str:
    """A new record of one characteristic's pay gaps, with commented placeholders."""
    date = snapshot.isoformat()
    label = CHARACTERISTIC_LABELS[characteristic]
    stream = io.StringIO()
    _yaml().dump({"id": stem, "characteristic": characteristic, "snapshot": snapshot, **values}, stream)
    lines = [
        f"# {schema_comment(_KIND)}",
        "#",
        f"# {label} pay gaps for the snapshot date {date}, from `equitykit paygap compute --by {characteristic}`.",
        "# The staff-level pay data stays outside this folder. Computing again with --write replaces",
        "# only the reference group, disclosure, comparisons and quartiles, and keeps everything else.",
        stream.getvalue().rstrip("\n"),
    ]
    for name in ("link", "responsible_person", "narrative"):
        example = _PLACEHOLDER_EXAMPLES[name].replace("gender-pay-gap", f"{characteristic}-pay-gap")
        lines += [f"# {_description(name)}", f"# {name}: {example}"]
    return "\n".join(lines) + "\n"


def _description(name: str) -> str:
    return str(PayGap.model_fields[name].description)


def _scalar(value: float | None) -> str:
    return "null" if value is None else repr(value)


def updated_record_text(
    text: str, file: str, figures: dict[str, float | None], counts: dict[str, int]
) -> str:
    """The record's text with new ``figures`` and ``counts`` values and everything else as it was.

    Raises ``PayGapRecordError`` when the text is not a valid YAML mapping, or when the update would
    change anything else (a value or a comment); the file is then left alone.
    """
    return updated_sections_text(text, file, {"figures": figures, "counts": counts})


def updated_sections_text(text: str, file: str, sections: dict[str, Any]) -> str:
    """The record's text with new values of ``sections`` (each after the one before it, the first after
    ``snapshot``) and everything else as it was; raises ``PayGapRecordError`` as ``updated_record_text``."""
    try:
        before = parse_document(text, file).data
        data = _yaml().load(text)
    except LoadError as exc:
        raise PayGapRecordError(_problem_message(exc)) from None
    except YAMLError:
        raise PayGapRecordError(f"{file} cannot be read for updating; fix it, then write again.") from None
    if not isinstance(data, CommentedMap):
        raise PayGapRecordError(f"{file} is not a mapping of keys to values; fix it, then write again.")
    previous = "snapshot"
    for key, values in sections.items():
        _replace_section(data, key, values, after=previous)
        previous = key
    stream = io.StringIO()
    _yaml().dump(data, stream)
    updated = stream.getvalue()
    _prove_only_sections_changed(text, before, updated, file, set(sections))
    return updated


def _replace_section(data: CommentedMap, key: str, values: Any, after: str) -> None:
    """Set each of `values` under `key`, keeping the section's comments and any other keys in it; a
    value that is not a mapping (a list, a name) replaces the old one whole."""
    if not isinstance(values, dict):
        if key in data:
            data[key] = values
        else:
            data.insert(list(data).index(after) + 1 if after in data else len(data), key, values)
        return
    section = data.get(key)
    if not isinstance(section, CommentedMap):
        fresh = CommentedMap()
        if key in data:
            data[key] = fresh
        else:
            position = list(data).index(after) + 1 if after in data else len(data)
            data.insert(position, key, fresh)
            _hand_on_trailing_comments(data, position - 1, fresh, values)
        section = fresh
    for name, value in values.items():
        if isinstance(value, dict) and isinstance(section.get(name), CommentedMap):
            _replace_mapping(section[name], value)
        elif name in section:
            section[name] = value
        else:
            known = [existing for existing in values if existing in section]
            before = [existing for existing in known if list(values).index(existing) < list(values).index(name)]
            position = list(section).index(before[-1]) + 1 if before else 0
            section.insert(position, name, value)


def _replace_mapping(mapping: CommentedMap, values: dict[str, Any]) -> None:
    """Make a nested mapping hold exactly `values` (e.g. one quartile's groups), keeping the comments of
    the keys that stay."""
    for stale in [key for key in mapping if key not in values]:
        del mapping[stale]
    for position, (name, value) in enumerate(values.items()):
        if name in mapping:
            mapping[name] = value
        else:
            mapping.insert(position, name, value)


def _hand_on_trailing_comments(data: CommentedMap, index: int, fresh: CommentedMap, values: dict[str, Any]) -> None:
    """Comment lines after the section before a new one describe the key after them: move them on.

    ruamel.yaml keeps whole-line comments on whatever precedes them; a section inserted after that
    would otherwise come after the comments instead of before them.
    """
    if index < 0 or not values:
        return
    previous_key = list(data)[index]
    holder, last = (data[previous_key], None) if isinstance(data[previous_key], CommentedMap) else (data, previous_key)
    if last is None:
        if not holder:
            return
        last = list(holder)[-1]
    entry = holder.ca.items.get(last)
    if not entry or not isinstance(entry[2], CommentToken):
        return
    token = entry[2]
    first, newline, rest = token.value.partition("\n")
    if not rest:
        return
    entry[2] = CommentToken(first + newline, token.start_mark, None) if first else None
    fresh.ca.items[list(values)[-1]] = [None, None, CommentToken(newline + rest, CommentMark(0), None), None]


def _prove_only_sections_changed(text: str, before: Any, updated: str, file: str, sections: set[str]) -> None:
    try:
        after = parse_document(updated, file).data
    except LoadError:
        after = None
    changed = not isinstance(after, dict) or {
        key: value for key, value in before.items() if key not in sections
    } != {key: value for key, value in after.items() if key not in sections}
    if changed or scan_layout(text).comment_texts() != scan_layout(updated).comment_texts():
        raise PayGapRecordError(
            f"{file} was left as it is: updating it would change more than its computed figures."
            " Please report this file; meanwhile copy the figures from the output into it by hand."
        )
