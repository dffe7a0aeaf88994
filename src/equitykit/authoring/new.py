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
from ..obligations.rules import RULES
from ..records.common import CHARACTERISTIC_NAMES, PLACEHOLDER, PSED_AIMS
from ..records.eds import EdsOutcome
from ..records.eia import Affected, CharacteristicImpact
from ..records.frameworks import FRAMEWORKS
from ..records.kinds import KINDS_BY_NAME, ORGANISATION_FILE, Kind
from ..records.loader import LoadError, load_document
from ..records.objective import Measure
from ..records.organisation import Organisation
from ..records.plan import Heading
from ..records.repository import YAML_SUFFIXES
from ..records.sectors import STANDARD_NAMES
from ..records.terms import PlanTerms, in_outcome_words, plan_terms
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
        return {**CHARACTERISTIC_NAMES, **self.local_characteristics}

    @property
    def local_characteristics(self) -> dict[str, str]:
        """The characteristics the body adds in equitykit.yaml (care experience, the Welsh language), slug to name."""
        return {c.slug: c.name for c in self.organisation.characteristics} if self.organisation else {}

    @property
    def standards(self) -> frozenset[str]:
        """The NHS England standards (eds, wres, wdes) that apply to the body; all of them when its organisation
        file does not load, so that nothing is held back."""
        org = self.organisation
        return frozenset(s for s in STANDARD_NAMES if org is None or org.standard_not_applicable(s) is None)

    @property
    def terms(self) -> PlanTerms:
        """The words of the body's own duties: equality outcomes in Scotland."""
        return plan_terms(self.organisation.jurisdiction if self.organisation else None)

    def own_characteristics(self) -> str:
        """The body's own characteristics, each with its name: care-experience (Care experience); ..."""
        return "; ".join(f"{slug} ({name})" for slug, name in self.local_characteristics.items())

    def characteristics_note(self) -> str:
        """What a list of characteristics may hold: the nine, then the body's own with their names."""
        own = self.own_characteristics()
        return f"One or more of: {', '.join(CHARACTERISTIC_NAMES)}" + (
            f"; and the body's own: {own}." if own else ".")


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
    data = without_nhs_fields(kind_name, welsh_beside_text(complete(kind.model, {"id": record_id, **values}), welsh),
                              context.standards)
    title = context.terms.kind_title if kind_name == "objective" else kind.title
    header = [kind.schema_comment(), f"{title}: replace every '{PLACEHOLDER}' and check each "
              "value, then run `equitykit validate`."]
    text = render_record(kind.model, data, header, notes, own_duties(kind_name, context),
                         body_words(context))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{record_id}.yaml"
    atomic_write_text(path, text)
    return path


NHS_FIELDS: dict[str, tuple[tuple[str, frozenset[str]], ...]] = {
    "objective": (("eds_outcomes", frozenset({"eds"})),),
    "action": (("eds_outcomes", frozenset({"eds"})),),
    "workforce": (("bank", frozenset({"wres", "wdes"})), ("wres", frozenset({"wres"})), ("wdes", frozenset({"wdes"})),
                  ("published", frozenset({"wres", "wdes"}))),
}
"""The fields of each kind that only an NHS England standard gives meaning to, each with the standards that
need it: a body none of them applies to (a council, a body in Wales or Scotland) is not offered the field."""
MEASURE_NHS_FIELDS = (("indicator", frozenset({"wres", "wdes"})),)
"""The same within an objective's measures: the WRES indicator or WDES metric it tracks."""

NHS_EXAMPLES = {
    "e.g. as identified in EDS engagement": "e.g. as found in engagement or in the equality information",
    "e.g. BME staff in bands 8a and above": "e.g. women in the highest-paid quarter of staff",
    "e.g. WRES indicator 1": "e.g. the annual staff survey",
    "WRES 2025, indicator 1": "Staff survey 2025",
    "e.g. hia:3, wres:2, wdes:4, or the body's own (declared in equitykit.yaml)":
        "the body's own, declared in equitykit.yaml (e.g. priority:1)",
    "wres, wdes, hia (NHS EDI Improvement Plan), psed, eds, or one of the body's own tag frameworks":
        "psed, or one of the body's own tag frameworks",
    "as folder/id, e.g. eds/2024-25": "as folder/id, e.g. objectives/OBJ-01",
}
"""Examples in the field descriptions that speak of the NHS standards, and what a body none of them applies to
reads instead (the descriptions themselves serve every body in the JSON Schemas)."""


def without_nhs_fields(kind_name: str, data: dict[str, Any], standards: frozenset[str]) -> dict[str, Any]:
    """A new record's data without the fields of NHS England standards that do not apply to the body."""
    def kept(part: dict[str, Any], fields: tuple[tuple[str, frozenset[str]], ...]) -> dict[str, Any]:
        dropped = {name for name, needs in fields if not needs & standards}
        return {key: value for key, value in part.items() if key not in dropped}

    data = kept(data, NHS_FIELDS.get(kind_name, ()))
    if kind_name == "objective":
        data["measures"] = [kept(measure, MEASURE_NHS_FIELDS) for measure in data["measures"]]
    return data


def body_words(context: Context) -> Callable[[str], str]:
    """How `new`'s comments read for the body: outcome for objective in Scotland, and examples without the NHS
    standards for a body none of them applies to."""
    def words(text: str) -> str:
        if not context.standards:
            for nhs, other in NHS_EXAMPLES.items():
                text = text.replace(nhs, other)
        return in_outcome_words(text) if context.terms.outcomes else text

    return words


def own_duties(kind_name: str, context: Context) -> dict[tuple, str]:
    """A publication's duties as the body's own law and kind give them (a council in Scotland is offered the
    mainstreaming report, not the WRES), in place of every duty of every jurisdiction."""
    if kind_name != "publication" or context.organisation is None:
        return {}
    seen = [rule.duty for rule in RULES if rule.seen_by(context.organisation)]
    duties = [*dict.fromkeys(seen), "accessible-information", "other"]
    return {("duty",): f"Which duty the publication meets. One of: {', '.join(duties)}."}


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
        ("characteristics",): "Keep those that apply; delete the rest." + _own_names(context),
        ("psed_aims",): f"One or more of: {', '.join(PSED_AIMS)} (for marriage-civil-partnership, "
                        "eliminate-discrimination only).",
    }


def _own_names(context: Context) -> str:
    """The names of the body's own characteristics, after the nine in a new record's list."""
    own = context.own_characteristics()
    return f" The body's own, after the nine: {own}." if own else ""


def _action(context: Context) -> tuple[dict[str, Any], dict[tuple, str]]:
    return {
        "title": context.title,
        "work_stream": PLACEHOLDER,
        "lead": PLACEHOLDER,
        "start": context.as_of,
        "due": _add_years(context.as_of, 1),
        "status": "not-started",
    }, {("characteristics",): context.characteristics_note()}


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
    return ({"title": context.title, "date": context.as_of, "method": "other", "groups": [PLACEHOLDER]},
            {("characteristics",): context.characteristics_note()})


def _highlight(context: Context) -> tuple[dict[str, Any], dict[tuple, str]]:
    """A highlight of the reporting year holding today, with its figure and links to fill or delete."""
    year = year_holding(context.as_of, _year_start_day(context))
    return {
        "text": context.title,
        "period": {"start": year.start, "end": year.end},
        "figure": None,  # an example in comments: a placeholder figure would be a figure nobody published
    }, {
        ("figure",): "Copy the figure as published: value: as a number, unit: as the text gives it (£ for a sum of "
                     "money, % for a percentage, position for a place in a ranking), and earlier: for 'rose from 120 "
                     "to 310'; leave figure: empty if there is none.",
        ("characteristics",): context.characteristics_note(),
    }


TEMPLATES: dict[str, Template] = {
    # paygap records come from `equitykit paygap compute`: placeholder figures would be false figures
    "objective": _objective, "plan": _plan, "action": _action, "eia": _eia, "eds": _eds, "workforce": _workforce,
    "publication": _publication, "engagement": _engagement, "highlight": _highlight,
}
