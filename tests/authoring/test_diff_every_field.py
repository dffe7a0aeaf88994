"""`equitykit diff` shows every changed field of every record kind, before and after, in words, in text,
Markdown and JSON: walked from the models, so a field added to a model is covered without code in diff."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from typer.testing import CliRunner

from equitykit.authoring.diff import RecordsDiff, compare
from equitykit.authoring.diffreport import RENDERERS, _escape
from equitykit.cli import app
from equitykit.records.common import migrate_keys
from equitykit.records.dates import PartialDate
from equitykit.records.fields import field_names_at, is_model, plain_type, type_at
from equitykit.records.kinds import KINDS_BY_NAME, kind_of_path
from equitykit.records.loader import parse_document

from .conftest import git
from .test_diff import OBJECTIVE, eia, write

EXAMPLES = Path(__file__).parent.parent.parent / "examples"
runner = CliRunner()


def example_records() -> list[tuple[str, str, dict]]:
    """(kind, id, loaded data) of every record of both example bodies."""
    found = []
    for body in ("northfield-trust", "aran-vale-council"):
        root = EXAMPLES / body
        for path in sorted(root.rglob("*.yaml")):
            relative = path.relative_to(root).as_posix()
            kind = kind_of_path(relative)
            if kind is not None:
                data = migrate_keys(parse_document(path.read_text(encoding="utf-8"), relative).data, kind.model)
                found.append((kind.name, path.stem, data))
    return found


RECORDS = example_records()


def test_the_examples_hold_every_record_kind() -> None:
    assert {kind for kind, _id, _data in RECORDS} == set(KINDS_BY_NAME)
    assert {data.get("characteristic", "sex") for kind, _id, data in RECORDS if kind == "paygap"} >= {
        "sex", "ethnicity", "disability"}


Loc = tuple[str | int, ...]


def places(model: Any, data: Any, loc: Loc = ()) -> list[Loc]:
    """Every field a person could change: each value held, and each optional field left out, at any depth."""
    found: list[Loc] = []
    if isinstance(data, dict):
        keys = dict.fromkeys([*data, *field_names_at(model, loc)])
        for key in keys:
            if key == "id" and not loc:
                continue  # the id is the file's name: changing it is a record removed and another added
            found += places(model, data.get(key), (*loc, key)) if key in data else [(*loc, key)]
    elif isinstance(data, list) and any(isinstance(item, dict) for item in data):
        for index, item in enumerate(data):
            found += places(model, item, (*loc, index))
    else:
        found.append(loc)
    return found


def get(data: Any, loc: Loc) -> Any:
    for part in loc:
        data = data.get(part) if isinstance(data, dict) else (data[part] if isinstance(data, list) else None)
    return data


def put(data: dict, loc: Loc, value: Any) -> dict:
    changed = copy.deepcopy(data)
    target = changed
    for part in loc[:-1]:
        target = target[part]
    target[loc[-1]] = value
    return changed


def new_value(declared: Any, value: Any) -> st.SearchStrategy[Any]:
    """Another value of the declared type (near the old one, so that the record still validates)."""
    kind = plain_type(declared)
    if get_origin(kind) is Literal:
        return st.sampled_from(get_args(kind))
    if kind is bool:
        return st.booleans()
    if kind is int:
        return st.integers(0, 50_000)
    if kind is float:
        return st.integers(0, 1000).map(lambda n: n / 10)
    if kind is dt.date or kind is PartialDate:
        day = dt.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else dt.date(2025, 3, 31)
        days = st.integers(-40, 40).map(lambda shift: (day + dt.timedelta(days=shift)).isoformat())
        return days if kind is dt.date else st.one_of(days, st.sampled_from([f"{day:%Y-%m}", f"{day:%Y}"]))
    if get_origin(kind) is list and isinstance(value, list) and len(value) > 1:
        return st.sampled_from([value[:-1], value[1:], list(reversed(value))])
    if kind is str or isinstance(value, str):
        return st.text("abcdefghij", min_size=1, max_size=12).map(lambda words: f"{value or 'Text'} {words}")
    return st.nothing()


@st.composite
def single_field_changes(draw: st.DrawFn) -> tuple[str, str, dict, dict, Loc]:
    kind, record_id, data = draw(st.sampled_from(RECORDS))
    model = KINDS_BY_NAME[kind].model
    loc = draw(st.sampled_from(places(model, data)))
    declared = type_at(model, loc)
    assume(declared is not None and not is_model(plain_type(declared)))
    value = draw(new_value(declared, get(data, loc)))
    assume(value != get(data, loc))
    changed = put(data, loc, value)
    try:
        model.model_validate(changed)
    except ValidationError:
        assume(False)
    return kind, record_id, data, changed, loc


def key_path(loc: Loc) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def related(one: str, other: str) -> bool:
    """Whether one key path is the other or inside it."""
    return one == other or one.startswith((f"{other}.", f"{other}[")) or other.startswith((f"{one}.", f"{one}["))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(single_field_changes())
def test_any_single_field_change_of_any_record_kind_is_shown(change: tuple[str, str, dict, dict, Loc]) -> None:
    kind, record_id, before, after, loc = change
    changes = compare({(kind, record_id): before}, {(kind, record_id): after})
    path = key_path(loc)
    shown = [c for c in changes if related(c.path, path)]
    assert shown, f"{kind} {record_id}: {path} changed and diff did not say so: {changes}"
    result = RecordsDiff("base", "head", changes)
    text, markdown = RENDERERS["text"](result), RENDERERS["md"](result)
    data = json.loads(RENDERERS["json"](result))["changes"]
    for one in shown:
        assert "None" not in one.summary
        assert one.summary in text and _escape(one.summary) in markdown
        assert {"summary": one.summary, "path": one.path}.items() <= next(
            c for c in data if c["summary"] == one.summary).items()


@pytest.fixture
def committed(root: Path) -> Path:
    """A records folder in a repository (in records/) with an EIA, an objective and a diversity pay gap committed."""
    git(root.parent, "init", "-q", "-b", "main")
    write(root, {
        "eias/EIA-2025-001.yaml": eia("EIA-2025-001", None),
        "objectives/OBJ-01.yaml": OBJECTIVE.replace("TARGET", "15"),
        "paygap/2025-03-31-ethnicity.yaml": DIVERSITY,
    })
    git(root.parent, "add", "-A")
    git(root.parent, "commit", "-q", "-m", "records")
    return root


DIVERSITY = """\
id: 2025-03-31-ethnicity
characteristic: ethnicity
snapshot: 2025-03-31
reference: white
disclosure: {disclosed: 4284, total: 4380, percent: 97.8}
comparisons:
  - group: ethnic-minority
    headcount: 969
    figures: {mean_hourly_gap: 4.4, median_hourly_gap: 3.6}
quartiles:
  lower: {white: 80.0, ethnic-minority: 20.0}
  lower_middle: {white: 75.0, ethnic-minority: 25.0}
  upper_middle: {white: 78.0, ethnic-minority: 22.0}
  upper: {white: 85.0, ethnic-minority: 15.0}
"""


@pytest.mark.parametrize("fmt", ["text", "md", "json"])
def test_diff_lists_an_eias_owner_and_aims_an_objectives_lead_and_evidence_in_detail(committed: Path,
                                                                                      fmt: str) -> None:
    changed = (eia("EIA-2025-001", None).replace("owner: Head of Policy", "owner: Director of People")
               .replace("aims: Fairer rostering", "aims: Fairer rostering for night staff")
               .replace("affected: [staff]", "affected: [patients, staff]")
               .replace("  race: {impact: not-relevant, reason: No effect}",
                        "  race: {impact: not-relevant, reason: No effect, evidence: Staff survey 2025}"))
    write(committed, {"eias/EIA-2025-001.yaml": changed,
                      "objectives/OBJ-01.yaml": OBJECTIVE.replace("TARGET", "15").replace(
                          "lead: Director of People", "lead: Chief Nurse")})
    result = runner.invoke(app, ["diff", "HEAD", str(committed), "--format", fmt])
    assert result.exit_code == 0, result.output
    expected = [
        "EIA-2025-001: Owner: Head of Policy → Director of People",
        "EIA-2025-001: Aims: Fairer rostering → Fairer rostering for night staff",
        "EIA-2025-001: Affected: added patients",
        "EIA-2025-001: Characteristics › Race › Evidence: not set → Staff survey 2025",
        "OBJ-01: Lead: Director of People → Chief Nurse",
    ]
    shown = _escape if fmt == "md" else str
    for line in expected:
        assert shown(line) in result.stdout
    assert "characteristics changed" not in result.stdout
    if fmt == "json":
        paths = {c["path"]: (c["before"], c["after"]) for c in json.loads(result.stdout)["changes"]}
        assert paths["owner"] == ("Head of Policy", "Director of People")
        assert paths["characteristics.race.evidence"] == (None, "Staff survey 2025")
        assert paths["lead"] == ("Director of People", "Chief Nurse")


def test_a_measure_never_reads_none(committed: Path) -> None:
    without_baseline = OBJECTIVE.replace("TARGET", "15").replace("    baseline: {value: 9, date: 2024-03-31}\n", "")
    write(committed, {"objectives/OBJ-01.yaml": without_baseline.replace(
        "    unit: percent\n", "    unit: percent\n    source: WRES indicator 1\n")})
    text = runner.invoke(app, ["diff", "HEAD", str(committed)]).stdout
    assert "None" not in text
    assert ("OBJ-01: Measure 1 (BME staff in bands 8a and above) › Baseline: Value 9; Date 31 March 2024 → not set"
            in text)
    assert "OBJ-01: Measure 1 (BME staff in bands 8a and above) › Source: not set → WRES indicator 1" in text
    write(committed, {"objectives/OBJ-01.yaml": OBJECTIVE.replace("TARGET", "15").replace(
        "    baseline: {value: 9, date: 2024-03-31}\n", "    baseline: null\n")})
    assert "None" not in runner.invoke(app, ["diff", "HEAD", str(committed)]).stdout


def test_diff_tells_each_figure_of_a_diversity_pay_gap(committed: Path) -> None:
    changed = (DIVERSITY.replace("disclosed: 4284", "disclosed: 4290")
               .replace("mean_hourly_gap: 4.4", "mean_hourly_gap: 4.1")
               .replace("upper: {white: 85.0, ethnic-minority: 15.0}", "upper: {white: 84.0, ethnic-minority: 16.0}"))
    write(committed, {"paygap/2025-03-31-ethnicity.yaml": changed})
    text = runner.invoke(app, ["diff", "HEAD", str(committed)]).stdout
    assert "disclosure changed" not in text
    assert ("Pay gap figures:\n"
            "  Pay gap 2025-03-31-ethnicity: Disclosure › Disclosed: 4,284 → 4,290 (+6)\n"
            "  Pay gap 2025-03-31-ethnicity: Comparison 1 (ethnic-minority) › Figures › Mean hourly gap: 4.4 → 4.1\n"
            "  Pay gap 2025-03-31-ethnicity: Quartiles › Upper › white: 85.0 → 84.0\n"
            "  Pay gap 2025-03-31-ethnicity: Quartiles › Upper › ethnic-minority: 15.0 → 16.0\n") in text


def test_a_long_text_is_told_by_the_passage_that_changed(committed: Path) -> None:
    aims = ("Support staff to stay well and return to work, manage sickness absence fairly and consistently, "
            "and bring the trust's absence rate (5.4% in 2024) towards the 4.5% target.")
    write(committed, {"eias/EIA-2025-001.yaml": eia("EIA-2025-001", None).replace("Fairer rostering", aims)})
    git(committed.parent, "commit", "-q", "-am", "aims")
    write(committed, {"eias/EIA-2025-001.yaml": eia("EIA-2025-001", None).replace(
        "Fairer rostering", aims.replace("the trust's absence", "the absence"))})
    result = json.loads(runner.invoke(app, ["diff", "HEAD", str(committed), "--format", "json"]).stdout)
    (change,) = result["changes"]
    assert change["summary"] == ("EIA-2025-001: Aims: “…consistently, and bring the trust's absence rate (5.4% in…” "
                                 "now reads “…consistently, and bring the absence rate (5.4% in…”")
    assert change["before"] == aims  # the whole text, for machines


@pytest.mark.parametrize("fmt", ["text", "md", "json"])
def test_a_reference_the_form_left_blank_is_said_in_words_both_ways(committed: Path, fmt: str) -> None:
    """`reference: ""` (the council's form left the box blank) reads "left blank", never an empty value; a
    `reference:` with nothing is not recorded ("not set"), as `new` writes it."""
    path = committed / "eias" / "EIA-2025-001.yaml"
    base = path.read_text(encoding="utf-8")

    def shown(reference: str) -> str:
        path.write_text(base.replace("owner:", f"reference: {reference}\nowner:", 1), encoding="utf-8")
        result = runner.invoke(app, ["diff", "HEAD", str(committed), "--format", fmt])
        assert result.exit_code == 0, result.output
        return result.stdout

    escape = _escape if fmt == "md" else str
    assert escape("EIA-2025-001: Reference: not set → left blank") in shown('""')
    assert "Reference" not in shown("")  # null, as left out: nothing changed
    write(committed, {"eias/EIA-2025-001.yaml": base.replace("owner:", 'reference: ""\nowner:', 1)})
    git(committed.parent, "commit", "-q", "-am", "blank reference")
    base = base.replace("owner:", 'reference: ""\nowner:', 1)
    path.write_text(base.replace('reference: ""', "reference: EIA/CS/2025/07"), encoding="utf-8")
    result = runner.invoke(app, ["diff", "HEAD", str(committed), "--format", fmt]).stdout
    assert escape("EIA-2025-001: Reference: left blank → EIA/CS/2025/07") in result
    path.write_text(base.replace('reference: ""', "reference:"), encoding="utf-8")
    result = runner.invoke(app, ["diff", "HEAD", str(committed), "--format", fmt]).stdout
    assert escape("EIA-2025-001: Reference: left blank → not set") in result
    if fmt == "json":
        [change] = json.loads(result)["changes"]
        assert (change["path"], change["before"], change["after"]) == ("reference", "", None)
