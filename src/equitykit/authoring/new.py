"""`equitykit new`: a record of a kind with the next free id, every field present and explained.

Required fields get placeholders that are valid, so the new record validates with no errors:
text "To be written", dates from the as-of date, status not-started, every characteristic of an
EIA not-assessed (a warning, EK418, until assessed). Only warnings point at what is left to do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..atomic import atomic_write_text
from ..records.common import CHARACTERISTIC_NAMES, PLACEHOLDER, PSED_AIMS
from ..records.eds import EdsOutcome
from ..records.eia import Affected, CharacteristicImpact
from ..records.frameworks import FRAMEWORKS
from ..records.highlight import HighlightFigure
from ..records.kinds import KINDS_BY_NAME, ORGANISATION_FILE, Kind
from ..records.loader import LoadError, load_document
from ..records.objective import Measure
from ..records.organisation import Organisation
from ..records.plan import Heading
from ..records.repository import YAML_SUFFIXES
from ..records.years import year_holding, year_label, year_of_label
from ..schemas import SCHEMAS_FOLDER
from .ids import next_numbered_id
from .render import complete, literal_choices, render_record, welsh_beside_text

TITLED_KINDS = ("objective", "plan", "action", "eia", "publication", "engagement", "highlight")
"""The kinds `--title` fills: a title, or a highlight's text."""


class RecordExists(Exception):
    """The record asked for already exists; nothing was written."""


@dataclass(frozen=True)
class Context:
    """What a template needs to know: the date, the title, and the organisation (if it is valid)."""

    as_of: dt.date
    title: str
    organisation: Organisation | None
    record_id: str = ""

    @property
    def characteristics(self) -> dict[str, str]:
        """The nine protected characteristics and the declared extras, slug to name."""
        extras = {c.slug: c.name for c in self.organisation.characteristics} if self.organisation else {}
        return {**CHARACTERISTIC_NAMES, **extras}


def read_organisation(root: Path) -> Organisation | None:
    """The organisation of a records folder, or None if its file does not load and validate."""
    try:
        document = load_document(root / ORGANISATION_FILE, ORGANISATION_FILE)
        return Organisation.model_validate(document.data)
    except (LoadError, ValueError):
        return None


def schema_comment(kind: Kind) -> str:
    """The comment that points an editor (yaml-language-server) at the kind's JSON Schema."""
    prefix = "" if kind.folder is None else "../"
    return f"yaml-language-server: $schema={prefix}{SCHEMAS_FOLDER}/{kind.name}.schema.json"


def new_record(root: Path, kind_name: str, as_of: dt.date, title: str | None = None,
               record_id: str | None = None) -> Path:
    """Write a new record of `kind_name` under `root`; return its path. Never overwrites."""
    kind = KINDS_BY_NAME[kind_name]
    folder = root / str(kind.folder)
    existing = sorted(p.stem for p in folder.iterdir() if p.suffix in YAML_SUFFIXES) if folder.is_dir() else []
    context = Context(as_of, title or PLACEHOLDER, read_organisation(root))
    record_id = record_id or _next_id(kind_name, existing, context)
    if record_id.lower() in {stem.lower() for stem in existing}:
        raise RecordExists(f"{kind.folder}/{record_id} already exists; choose another --id")
    values, notes = TEMPLATES[kind_name](replace(context, record_id=record_id))
    welsh = context.organisation is not None and "cy" in context.organisation.publishing_languages
    data = welsh_beside_text(complete(kind.model, {"id": record_id, **values}), welsh)
    header = [kind.schema_comment(), f"{kind.title}: replace every '{PLACEHOLDER}' and check each "
              "value, then run `equitykit validate`."]
    text = render_record(kind.model, data, header, notes)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{record_id}.yaml"
    atomic_write_text(path, text)
    return path


def _next_id(kind_name: str, existing: list[str], context: Context) -> str:
    year = context.as_of.year
    if kind_name == "eds":
        return _next_free(existing, year_holding(context.as_of, _year_start_day(context)).start.year, year_label)
    if kind_name == "workforce":
        return _next_free(existing, _snapshot_year(context), lambda year: f"{year}-{_snapshot_day(context)}")
    prefixes = {"objective": ("OBJ-", 2), "plan": ("PLAN-", 2), "action": ("ACT-", 3), "eia": ("EIA-{year}-", 3),
                "publication": ("PUB-", 3), "engagement": ("ENG-", 3), "highlight": ("HL-", 3)}
    prefix, width = prefixes[kind_name]
    return next_numbered_id(existing, prefix, width, year)


def _next_free(existing: list[str], year: int, label: Callable[[int], str]) -> str:
    taken = {stem.lower() for stem in existing}
    while label(year).lower() in taken:
        year += 1
    return label(year)


def _year_start_day(context: Context) -> str:
    return context.organisation.financial_year_start if context.organisation else "04-01"


def _snapshot_day(context: Context) -> str:
    return context.organisation.calendar.workforce_data_as_at if context.organisation else "03-31"


def _snapshot_year(context: Context) -> int:
    """The year of the latest workforce snapshot date on or before the as-of date."""
    snapshot = dt.date.fromisoformat(f"{context.as_of.year}-{_snapshot_day(context)}")
    return context.as_of.year if snapshot <= context.as_of else context.as_of.year - 1


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


Template = Callable[[Context], tuple[dict[str, Any], dict[tuple, str]]]


def _objective(context: Context) -> tuple[dict[str, Any], dict[tuple, str]]:
    measure = complete(Measure, {"description": PLACEHOLDER, "unit": PLACEHOLDER})
    return {
        "title": context.title,
        "characteristics": list(context.characteristics),
        "psed_aims": ["eliminate-discrimination"],
        "lead": PLACEHOLDER,
        "start": context.as_of,
        "end": _add_years(context.as_of, 4) - dt.timedelta(days=1),
        "status": "not-started",
        "measures": [measure],
    }, {
        ("characteristics",): "Keep those that apply; delete the rest.",
        ("psed_aims",): f"One or more of: {', '.join(PSED_AIMS)} (for marriage-civil-partnership, "
                        "eliminate-discrimination only).",
    }


def _action(context: Context) -> tuple[dict[str, Any], dict[tuple, str]]:
    return {
        "title": context.title,
        "work_stream": PLACEHOLDER,
        "lead": PLACEHOLDER,
        "start": context.as_of,
        "due": _add_years(context.as_of, 1),
        "status": "not-started",
    }, {}


def _plan(context: Context) -> tuple[dict[str, Any], dict[tuple, str]]:
    """A plan for the financial year holding today, with one heading to rename (more may follow, with or
    without actions under them)."""
    year = year_holding(context.as_of, _year_start_day(context))
    return {
        "title": context.title,
        "period": {"start": year.start, "end": year.end},
        "headings": [complete(Heading, {"title": PLACEHOLDER})],
    }, {}


def _eia(context: Context) -> tuple[dict[str, Any], dict[tuple, str]]:
    impact = complete(CharacteristicImpact, {"impact": "not-assessed"})
    notes: dict[tuple[str, ...], str] = {("characteristics", slug): name
                                         for slug, name in context.characteristics.items()}
    notes[("affected",)] = "Keep those that apply; delete the rest."
    return {
        "title": context.title,
        "subject": "policy",
        "new_or_existing": "new",
        "owner": PLACEHOLDER,
        "aims": PLACEHOLDER,
        "affected": literal_choices(Affected),
        "started": context.as_of,
        "characteristics": {slug: dict(impact) for slug in context.characteristics},
    }, notes


def _eds(context: Context) -> tuple[dict[str, Any], dict[tuple, str]]:
    framework = FRAMEWORKS[(context.organisation and context.organisation.eds_framework) or "eds2022"]
    start_day = _year_start_day(context)
    year = year_of_label(context.record_id, start_day) or year_holding(context.as_of, start_day)  # --id 2025-26
    fields = ("score",) if framework.name == "eds2022" else ("characteristics", "all_fare_well", "grade")
    outcome = {name: value for name, value in complete(EdsOutcome, {}).items()
               if name in fields or name not in ("score", "characteristics", "all_fare_well", "grade")}
    return {
        "framework": framework.name,
        "period_start": year.start,
        "period_end": year.end,
        "outcomes": {outcome_.code: dict(outcome) for outcome_ in framework.outcomes},
    }, {("outcomes", o.code): f"{o.group}: {o.text}" for o in framework.outcomes}


def _workforce(context: Context) -> tuple[dict[str, Any], dict[tuple, str]]:
    snapshot = dt.date.fromisoformat(f"{_snapshot_year(context)}-{_snapshot_day(context)}")
    known = {h.date: h.employees for h in context.organisation.headcount} if context.organisation else {}
    return {
        "snapshot": snapshot,
        "period_start": _add_years(snapshot, -1) + dt.timedelta(days=1),
        "headcount": known.get(snapshot, 0),
    }, {}


def _publication(context: Context) -> tuple[dict[str, Any], dict[tuple, str]]:
    return {"title": context.title, "duty": "other", "published": context.as_of}, {}


def _engagement(context: Context) -> tuple[dict[str, Any], dict[tuple, str]]:
    return {"title": context.title, "date": context.as_of, "method": "other", "groups": [PLACEHOLDER]}, {}


def _highlight(context: Context) -> tuple[dict[str, Any], dict[tuple, str]]:
    """A highlight of the reporting year holding today, with its figure and links to fill or delete."""
    year = year_holding(context.as_of, _year_start_day(context))
    return {
        "text": context.title,
        "period": {"start": year.start, "end": year.end},
        "figure": complete(HighlightFigure, {"value": 0, "unit": PLACEHOLDER}),
    }, {
        ("figure",): "Copy the figure as published (value:, unit:, and earlier: for 'rose from 120 to 310'), or "
                     "delete figure: if there is none.",
    }


TEMPLATES: dict[str, Template] = {
    # paygap records come from `equitykit paygap compute`: placeholder figures would be false figures
    "objective": _objective, "plan": _plan, "action": _action, "eia": _eia, "eds": _eds, "workforce": _workforce,
    "publication": _publication, "engagement": _engagement, "highlight": _highlight,
}
