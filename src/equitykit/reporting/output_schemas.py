"""JSON Schemas of the commands' JSON outputs (`schemas/output/`), for the people and tools that read them:
one for every command with `--format json`.

The metric outputs (`grade eds`, `wres`, `wdes`), the `diff` changes and the `translations` worklist are
described from the typed results they serialise, and the pay gap and workforce outputs from the record
models whose values they hold, so the schema follows the code; the others are small, stable objects
written out here. A metric command for a body the standard does not apply to writes
`{"standard", "applies": false, "reason"}` instead.
"""

from __future__ import annotations

import datetime as dt
import inspect
import json
import types
import typing
from collections.abc import Mapping, Sequence
from dataclasses import fields, is_dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Literal, get_args, get_origin, get_type_hints

from pydantic import BaseModel

from ..atomic import atomic_write_text
from ..authoring.diff import Change
from ..authoring.diffreport import SECTIONS
from ..checks.catalogue import CODES
from ..checks.translation import MissingWelsh
from ..metrics.eds import Eds2Grading, Eds2022Grading
from ..metrics.govuk_paygap import PEER_FIGURES
from ..metrics.paygap import FIGURE_NAMES, QUARTILE_NAMES
from ..metrics.wdes import WdesMetrics
from ..metrics.wres import WresIndicators
from ..obligations.model import STATUSES
from ..problem import Severity
from ..records.kinds import KINDS_BY_NAME
from ..records.paygap import (
    Disclosure,
    EmployerSize,
    GroupComparison,
    GroupQuartiles,
    PayGapCharacteristic,
    PayGapGroup,
)
from ..records.workforce import Workforce
from ..schemas import SCHEMA_DIALECT
from .reports.actions_json import ActionsSelection

Schema = dict[str, Any]
_SCALARS: dict[Any, Schema] = {
    bool: {"type": "boolean"}, int: {"type": "integer"}, str: {"type": "string"},
    float: {"type": "number"}, Decimal: {"type": "number"}, Fraction: {"type": "number"},
    dt.date: {"type": "string", "format": "date"}, type(None): {"type": "null"},
    Any: {"description": "Any JSON value."},
}


def type_schema(annotation: Any, defs: dict[str, Schema]) -> Schema:
    """The JSON Schema of what `jsonable` makes of a value of this type; dataclasses go into `defs`."""
    if annotation in _SCALARS:
        return dict(_SCALARS[annotation])
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is Literal:
        return {"enum": list(args)}
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [type_schema(arg, defs) for arg in args]}
    if origin in (tuple, list, Sequence):
        return {"type": "array", "items": type_schema(args[0], defs)}
    if origin in (dict, Mapping):
        return {"type": "object", "additionalProperties": type_schema(args[1], defs)}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        schema = annotation.model_json_schema(mode="serialization")
        defs.update(schema.pop("$defs", {}))
        return schema
    if is_dataclass(annotation) and isinstance(annotation, type):
        name = annotation.__name__
        if name not in defs:
            defs[name] = {}  # a placeholder while its fields are described
            hints = get_type_hints(annotation)
            defs[name] = {"type": "object", "description": inspect.cleandoc(annotation.__doc__ or ""),
                          "properties": {f.name: type_schema(hints[f.name], defs) for f in fields(annotation)},
                          "required": [f.name for f in fields(annotation)], "additionalProperties": False}
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no JSON Schema for {annotation!r}: describe it in output_schemas.py")


def _document(name: str, title: str, description: str, body: Schema, defs: dict[str, Schema] | None = None) -> Schema:
    return {"$schema": SCHEMA_DIALECT, "$id": f"{name}.schema.json", "title": title, "description": description,
            **body, **({"$defs": dict(sorted(defs.items()))} if defs else {})}


def _result(result: type, header: dict[str, Schema], defs: dict[str, Schema]) -> Schema:
    """A metric command's output object: the header keys, then every field of the result."""
    type_schema(result, defs)
    own = defs.pop(result.__name__)
    return {**own, "properties": {**header, **own["properties"]}, "required": [*header, *own["required"]]}


def _metrics(name: str, description: str, results: tuple[type, ...], header: dict[str, Schema],
             standard: str) -> Schema:
    defs: dict[str, Schema] = {}
    bodies = [_result(result, header, defs) for result in results]
    defs["NotApplicable"] = _object({
        "standard": {"const": standard},
        "applies": {"const": False, "description": "The standard does not apply to this body."},
        "reason": {"type": "string", "description": "Why it does not apply, in plain English."},
    })
    body = {"oneOf": [*bodies, {"$ref": "#/$defs/NotApplicable"}]}
    return _document(name, f"equitykit {name.replace('-', ' ')} --format json", description, body, defs)


def _object(properties: dict[str, Schema], required: list[str] | None = None) -> Schema:
    return {"type": "object", "properties": properties, "required": list(properties) if required is None else
            required, "additionalProperties": False}


NULLABLE_STRING: Schema = {"type": ["string", "null"]}
NULLABLE_NUMBER: Schema = {"type": ["number", "null"]}
COUNT: Schema = {"type": "integer", "minimum": 0}
COUNT_NAMES = ("male_relevant", "female_relevant", "male_full_pay", "female_full_pay", "male_bonus", "female_bonus")


def validate_schema() -> Schema:
    problem = _object({
        "file": {"type": "string", "description": "Path from the records folder, with / between folders."},
        "line": {"type": "integer", "minimum": 1}, "column": {"type": "integer", "minimum": 1},
        "path": {"type": "string", "description": "Key path in the file, such as measures[0].target.value; "
                                                   "empty for the whole file."},
        "code": {"enum": list(CODES), "description": "Stable problem code (docs/rules.md)."},
        "severity": {"enum": list(get_args(Severity)), "description": "An error fails validate; a warning "
                                                                       "fails it only with --strict."},
        "message": {"type": "string", "description": "What is wrong and how to fix it, in plain English."},
    })
    return _document("validate", "equitykit validate --format json",
                     "The problems found in a records folder.", _object({
                         "ok": {"type": "boolean", "description": "True when validate exits 0: no errors (and, "
                                                                   "with --strict, no warnings)."},
                         "problems": {"type": "array", "items": {"$ref": "#/$defs/Problem"},
                                      "description": "Sorted by file, line and column."},
                         "records": {**COUNT, "description": "Record files read, not counting equitykit.yaml."},
                     }), {"Problem": problem})


def deadlines_schema() -> Schema:
    obligation = _object({
        "id": {"type": "string", "description": "Stable id of the obligation (for --explain)."},
        "duty": {"type": "string"}, "title": {"type": "string"},
        "due": {"type": "string", "format": "date"},
        "status": {"enum": list(STATUSES)},
        "basis": {"type": "string", "description": "The law or guidance that sets the duty."},
        "evidence": {**NULLABLE_STRING, "description": "The record that met it, if any."},
        "source": {"anyOf": [{"type": "null"}, _object({"file": {"type": "string"},
                                                        "line": {"type": "integer", "minimum": 1}})],
                   "description": "The record that sets the due date, if one does."},
        "note": NULLABLE_STRING,
        "in_hand": {**NULLABLE_STRING, "description": "A planned or draft publication that will meet it once "
                    "published, if any."},
    })
    return _document("deadlines", "equitykit deadlines --format json",
                     "Every obligation that applies, with its due date and status on --as-of.",
                     {"type": "array", "items": {"$ref": "#/$defs/Obligation"}}, {"Obligation": obligation})


def paygap_schema() -> Schema:
    defs: dict[str, Schema] = {}
    sex = _object({
        "snapshot": {"type": "string", "format": "date"},
        "figures": _object({name: NULLABLE_NUMBER for name in FIGURE_NAMES}),
        "counts": _object({**{name: COUNT for name in COUNT_NAMES}, "quartiles": _object(
            {band: _object({"men": COUNT, "women": COUNT}) for band in QUARTILE_NAMES}),
            "excluded_other": {**COUNT, "description": "With --exclude-other: staff left out (sex other)."}},
            [*COUNT_NAMES, "quartiles"]),
        "warnings": {"type": "array", "items": {"type": "string"}},
    })
    characteristics = [value for value in get_args(PayGapCharacteristic) if value != "sex"]
    by = _object({
        "snapshot": {"type": "string", "format": "date"},
        "characteristic": {"enum": characteristics},
        "reference": {**type_schema(PayGapGroup, defs), "description": "The group every group is compared with."},
        "disclosure": type_schema(Disclosure, defs),
        "comparisons": {"type": "array", "items": type_schema(GroupComparison, defs)},
        "quartiles": type_schema(GroupQuartiles, defs),
    })
    return _document("paygap-compute", "equitykit paygap compute --format json",
                     "The six gender pay gap figures from staff-level pay and the counts behind them; with --by "
                     "ethnicity, disability or sexual-orientation, each group against the reference group.",
                     {"oneOf": [sex, by]}, defs)


def _optional(schema: Any) -> Any:
    """A schema with nothing required, at any depth: for output that holds only the parts computed."""
    if isinstance(schema, dict):
        return {key: _optional(value) for key, value in schema.items() if key not in ("required", "minItems")}
    if isinstance(schema, list):
        return [_optional(item) for item in schema]
    return schema


def workforce_schema() -> Schema:
    record = Workforce.model_json_schema(mode="serialization")
    fields = {name: record["properties"][name] for name in ("headcount", "bank", "profile", "wres", "wdes")}
    return _document("workforce-compute", "equitykit workforce compute --format json",
                     "A workforce snapshot's counts from staff-level extracts, laid out as in the workforce record: "
                     "each part only when the extracts it comes from were given.", _optional(_object({
                         "snapshot": {"type": "string", "format": "date"}, **fields,
                         "notes": {"type": "array", "items": {"type": "string"}},
                     }, ["snapshot", "notes"])) | {"required": ["snapshot", "notes"]},
                     _optional(record.get("$defs", {})))


def diff_schema() -> Schema:
    defs: dict[str, Schema] = {}
    changes = {"type": "array", "items": type_schema(Change, defs)}
    defs["Change"]["properties"] |= {
        "category": {"enum": [category for category, _heading in SECTIONS],
                     "description": "The section of the summary the change is listed in."},
        "kind": {"enum": list(KINDS_BY_NAME)}}
    return _document("diff", "equitykit diff --format json", "What changed in the records between two revisions.",
                     _object({"base": {"type": "string"}, "head": {"type": "string", "description": "A revision, "
                              "or \"working tree\" for the files as they are now."}, "changes": changes}), defs)


def translations_schema() -> Schema:
    defs: dict[str, Schema] = {}
    return _document("translations", "equitykit translations --format json",
                     "Every text in the records without its Welsh version.", _object({
                         "publishes_in_welsh": {"type": "boolean"},
                         "texts": {**COUNT, "description": "Texts that a Welsh version is asked for."},
                         "missing": {"type": "array", "items": type_schema(MissingWelsh, defs)},
                     }), defs)


def system_status_schema() -> Schema:
    likelihoods = {"anyOf": [{"type": "null"}, _object({
        "snapshot": {"type": "string", "format": "date"},
        "likelihoods": {"type": "object", "additionalProperties": NULLABLE_NUMBER,
                        "description": "Each likelihood by its number: the ratio, null when it cannot be computed."},
    })]}
    member = _object({
        "path": {"type": "string"}, "role": {"type": "string"}, "name": {"type": "string"},
        "sector": NULLABLE_STRING, "readable": {"type": "boolean"}, "unreadable": NULLABLE_STRING,
        "errors": COUNT, "warnings": COUNT, "first_error": NULLABLE_STRING,
        "overdue": {"type": "array", "items": {"type": "string"}},
        "due": {"type": "array", "items": {"type": "string"}},
        "eds": NULLABLE_STRING, "wres": likelihoods, "wdes": likelihoods,
        "paygap": {"anyOf": [{"type": "null"}, {"type": "object"}]}, "objectives_in_progress": COUNT,
    })
    pooled = {name: {"anyOf": [{"type": "null"}, {"type": "object"}],
                     "description": "The figures pooled from the members' counts, null when none can be."}
              for name in ("wres", "wdes", "paygap")}
    return _document("system-status", "equitykit system status --format json",
                     "Each member's summary and the system figures pooled from members' counts.", _object({
                         "system": {"type": "string"}, "as_of": {"type": "string", "format": "date"},
                         "ok": {"type": "boolean"}, "members": {"type": "array", "items": {"$ref": "#/$defs/Member"}},
                         "pooled": _object(pooled),
                     }), {"Member": member})


def paygap_import_schema() -> Schema:
    date: Schema = {"type": "string", "format": "date"}
    year = _object({
        "snapshot": {**date, "description": "31 March (public authorities) or 5 April, the year before the due "
                                            "date's year; 2020-21 (due 6 October 2021) by sector."},
        "due": {**date, "description": "DueDate as the service gives it: the deadline + 1 day."},
        "submitted": {"anyOf": [date, {"type": "null"}], "description": "DateSubmitted, as a day."},
        "late": {"type": ["boolean", "null"], "description": "SubmittedAfterTheDeadline."},
        "figures": _object({name: NULLABLE_NUMBER for name in FIGURE_NAMES}),
        "employer_size": {"enum": [*get_args(EmployerSize), None]},
        "link": NULLABLE_STRING, "responsible_person": NULLABLE_STRING,
        "recorded": {"enum": ["same", "differs", "absent"], "description": "How paygap/<snapshot>.yaml in the "
                     "records folder compares: every figure the same, any differing, or no record."},
    })
    return _document("paygap-import", "equitykit paygap import --format json",
                     "A body's published gender pay gaps from GOV.UK download files, sorted by snapshot.", _object({
                         "employer": _object({"employer_id": {"type": ["integer", "string"]},
                                              "name": {"type": "string", "description": "As in the latest year."},
                                              "company_number": NULLABLE_STRING}),
                         "years": {"type": "array", "items": {"$ref": "#/$defs/Year"}},
                     }), {"Year": year})


def paygap_peers_schema() -> Schema:
    figure = _object({
        "body": NULLABLE_NUMBER,
        "peers": {**COUNT, "description": "Peers that have the figure."},
        "median": NULLABLE_NUMBER, "lower_quartile": NULLABLE_NUMBER, "upper_quartile": NULLABLE_NUMBER,
        "percentile": {"type": ["number", "null"], "minimum": 0, "maximum": 100,
                       "description": "100 x (peers below + half the peers equal) / peers; null with fewer than "
                                      "two peers."},
    })
    return _document("paygap-peers", "equitykit paygap peers --format json",
                     "Where the body stands among its peers on the GOV.UK service at a snapshot.", _object({
                         "snapshot": {"type": "string", "format": "date"},
                         "peer_group": _object({"count": COUNT,
                                                "sic_codes": {"type": ["array", "null"], "items": {"type": "string"}},
                                                "size": {"enum": [*get_args(EmployerSize), None]},
                                                "name_matches": NULLABLE_STRING}),
                         "figures": _object({name: {"$ref": "#/$defs/PeerFigure"} for name in PEER_FIGURES}),
                     }), {"PeerFigure": figure})


def report_actions_schema() -> Schema:
    defs: dict[str, Schema] = {}
    type_schema(ActionsSelection, defs)
    body = {key: value for key, value in defs.pop("ActionsSelection").items() if key != "description"}
    return _document("report-actions", "equitykit report actions --format json",
                     "The actions the actions report selects (--plan, --tag), each as its record holds it (dates at "
                     "the precision written) with its status (not-stated where the plan states none), whether it "
                     "is overdue on --as-of and its tags in words; each KPI once, with the actions that carry it; "
                     "the plan, the tag and the counts of the report's summary.", body, defs)


def output_schemas() -> dict[str, Schema]:
    """Every machine output's schema, by file stem."""
    eds_header: dict[str, Schema] = {"framework": {"enum": ["eds2022", "eds2"]}, "complete": {"type": "boolean"}}
    standard: Schema = {"type": "string", "description": "Which standard: wres or wdes."}
    return {
        "validate": validate_schema(),
        "deadlines": deadlines_schema(),
        "grade-eds": _metrics("grade-eds", "An EDS assessment graded: EDS 2022 scores and rating, or EDS2 grades, "
                              "with the change on the previous one.", (Eds2022Grading, Eds2Grading), eds_header,
                              "eds"),
        "wres": _metrics("wres", "The nine WRES indicators.", (WresIndicators,), {"standard": standard}, "wres"),
        "wdes": _metrics("wdes", "The ten WDES metrics.", (WdesMetrics,), {"standard": standard}, "wdes"),
        "paygap-compute": paygap_schema(),
        "workforce-compute": workforce_schema(),
        "diff": diff_schema(),
        "translations": translations_schema(),
        "system-status": system_status_schema(),
        "paygap-import": paygap_import_schema(),
        "paygap-peers": paygap_peers_schema(),
        "report-actions": report_actions_schema(),
    }


def write_output_schemas(directory: Path) -> list[Path]:
    """Write `<command>.schema.json` for every machine output; return the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in output_schemas().items():
        path = directory / f"{name}.schema.json"
        atomic_write_text(path, json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
        written.append(path)
    return written
