"""Issue 24, "what it must show" (and issue 22's later fields): every new field of an EIA, a plan, an action, an
objective, a publication and the organisation round trips through `new` (or `init`), the schemas, `fmt`, `diff`, and
the reports in Markdown, HTML and Word, in English and (from its `_cy` sibling, or in the Welsh report) in Welsh.

Each row changes one field of a record of the examples (the Welsh council's EIA, the trust's plan, actions,
objectives, publications and organisation file) and follows the value through every one of them."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from equitykit.authoring.diff import compare, snapshot
from equitykit.authoring.fmt import format_text
from equitykit.records.dates import PartialDate, date_words
from equitykit.records.fields import field_at
from equitykit.records.kinds import KINDS_BY_NAME
from equitykit.records.loader import parse_document
from equitykit.records.repository import load_records
from equitykit.reporting.reports import build_report, render_document

from .test_word import outline

EXAMPLES = Path(__file__).parents[2] / "examples"
AS_OF = dt.date(2025, 10, 1)
PLAN = "wres-wdes-2025-26"
Loc = tuple[str | int, ...]


LEFT_OUT: Any = type("LeftOut", (), {"__repr__": lambda self: "LEFT_OUT"})()
"""A row's value that removes the field: published without it (issue 22: a value the source does not give)."""


@dataclass(frozen=True)
class Row:
    """One field changed: in which body's file, at which key path, to what; the words each language's report
    shows for it; and the report that shows it (kind and options)."""

    name: str
    body: str
    file: str
    loc: Loc
    value: Any
    shown: tuple[str, ...]
    report: tuple[str, dict[str, str]]
    welsh: tuple[Loc, Any, tuple[str, ...]] | None = None
    also: dict[Loc, Any] = field(default_factory=dict)


COUNCIL, TRUST = "aran-vale-council", "northfield-trust"
EIA = ("eia", {"record": "EIA-2025-002"})
COUNCIL_EIA = "eias/EIA-2025-002.yaml"
THE_PLAN = ("actions", {"plan": PLAN})
AGE = ("characteristics", "age")

ROWS = [
    Row("eia reference", COUNCIL, COUNCIL_EIA, ("reference",), "CYF 2025 07", ("CYF 2025 07",), EIA),
    Row("eia directorate", COUNCIL, COUNCIL_EIA, ("directorate",), "Place and Environment",
        ("Place and Environment",), EIA, (("directorate_cy",), "Lle a Amgylchedd", ("Lle a Amgylchedd",))),
    Row("eia department", COUNCIL, COUNCIL_EIA, ("department",), "Learner Travel", ("Learner Travel",), EIA,
        (("department_cy",), "Teithio Dysgwyr", ("Teithio Dysgwyr",))),
    Row("eia template", COUNCIL, COUNCIL_EIA, ("template",), "Integrated Impact Assessment version 4",
        ("Integrated Impact Assessment version 4",), EIA,
        (("template_cy",), "Asesiad Effaith Integredig fersiwn 4", ("Asesiad Effaith Integredig fersiwn 4",))),
    Row("eia row data", COUNCIL, COUNCIL_EIA, (*AGE, "data"), "Census 2021 ages by ward", ("Census 2021 ages by ward",),
        EIA, ((*AGE, "data_cy"), "Oedrannau Cyfrifiad 2021 fesul ward", ("Oedrannau Cyfrifiad 2021 fesul ward",))),
    Row("eia row feedback", COUNCIL, COUNCIL_EIA, (*AGE, "feedback"), "Parents asked for a later bus",
        ("Parents asked for a later bus",), EIA,
        ((*AGE, "feedback_cy"), "Gofynnodd rhieni am fws hwyrach", ("Gofynnodd rhieni am fws hwyrach",))),
    Row("eia row considerations", COUNCIL, COUNCIL_EIA, (*AGE, "considerations"), "Bus passes for learners",
        ("Bus passes for learners",), EIA,
        ((*AGE, "considerations_cy"), "Tocynnau bws i ddysgwyr", ("Tocynnau bws i ddysgwyr",))),
    Row("eia row actions", COUNCIL, COUNCIL_EIA, (*AGE, "actions"),
        [{"action": "Add a later bus", "lead": "Transport Manager", "due": "2026-01"}],
        ("Add a later bus", "Transport Manager", "January 2026"), EIA,
        ((*AGE, "actions"), [{"action": "Add a later bus", "action_cy": "Ychwanegu bws hwyrach",
                              "lead": "Transport Manager", "lead_cy": "Rheolwr Trafnidiaeth", "due": "2026-01"}],
         ("Ychwanegu bws hwyrach", "Rheolwr Trafnidiaeth", "Ionawr 2026"))),
    Row("eia decision author", COUNCIL, COUNCIL_EIA, ("decision", "author"), "Head of Passenger Transport",
        ("Head of Passenger Transport",), EIA,
        (("decision", "author_cy"), "Pennaeth Cludiant Teithwyr", ("Pennaeth Cludiant Teithwyr",))),
    Row("eia decision meeting", COUNCIL, COUNCIL_EIA, ("decision", "meeting"), "Cabinet on 9 October 2025",
        ("Cabinet on 9 October 2025",), EIA,
        (("decision", "meeting_cy"), "Cabinet ar 9 Hydref 2025", ("Cabinet ar 9 Hydref 2025",))),
    Row("eia decision agenda item", COUNCIL, COUNCIL_EIA, ("decision", "agenda_item"), "12b", ("12b",), EIA),
    Row("eia decision wards", COUNCIL, COUNCIL_EIA, ("decision", "wards"), ["North Ward", "Riverside"],
        ("North Ward", "Riverside"), EIA,
        (("decision", "wards_cy"), ["Ward y Gogledd", "Glan yr Afon"], ("Ward y Gogledd", "Glan yr Afon"))),
    Row("eia decision recommendations", COUNCIL, COUNCIL_EIA, ("decision", "recommendations"),
        ["Approve the revised policy"], ("Approve the revised policy",), EIA,
        (("decision", "recommendations_cy"), ["Cymeradwyo y polisi diwygiedig"], ("Cymeradwyo y polisi diwygiedig",))),
    Row("eia previous by title", COUNCIL, COUNCIL_EIA, ("previous",),
        {"title": "Transport review 2021", "actions": [{"action": "Survey riders", "outcome": "Done in 2022"}]},
        ("Transport review 2021", "Survey riders", "Done in 2022"), EIA,
        (("previous",), {"title": "Transport review 2021", "title_cy": "Adolygiad trafnidiaeth 2021", "actions": [
            {"action": "Survey riders", "action_cy": "Arolygu teithwyr", "outcome": "Done in 2022",
             "outcome_cy": "Gwnaed yn 2022"}]}, ("Adolygiad trafnidiaeth 2021", "Arolygu teithwyr", "Gwnaed yn 2022"))),
    Row("eia previous by id", COUNCIL, COUNCIL_EIA, ("previous",), {"eia": "EIA-2025-001"}, ("EIA-2025-001",), EIA),
    Row("plan title", TRUST, f"plans/{PLAN}.yaml", ("title",), "Our workforce equality plan",
        ("Our workforce equality plan",), THE_PLAN,
        (("title_cy",), "Ein cynllun cydraddoldeb gweithlu", ("Ein cynllun cydraddoldeb gweithlu",))),
    Row("plan period", TRUST, f"plans/{PLAN}.yaml", ("period",), {"start": "2025-04", "end": "2026-03"},
        ("April 2025 to March 2026",), THE_PLAN, (("period",), {"start": "2025-04", "end": "2026-03"},
                                                  ("Ebrill 2025 i Fawrth 2026",))),
    Row("plan version", TRUST, f"plans/{PLAN}.yaml", ("version",), "Version 3 approved by the board",
        ("Version 3 approved by the board",), THE_PLAN,
        (("version_cy",), "Fersiwn 3 a gymeradwywyd gan y bwrdd", ("Fersiwn 3 a gymeradwywyd gan y bwrdd",))),
    Row("plan framework", TRUST, f"plans/{PLAN}.yaml", ("framework",), "wdes",
        ("Framework: Workforce Disability Equality Standard.",), THE_PLAN,
        (("framework",), "wdes", ("Fframwaith: Safon Cydraddoldeb Anabledd y Gweithlu.",))),
    Row("plan framework of its own", TRUST, f"plans/{PLAN}.yaml", ("framework",), "priority",
        ("Framework: Priority area.",), THE_PLAN),
    Row("plan description", TRUST, f"plans/{PLAN}.yaml", ("description",), "What the trust will do next year",
        ("What the trust will do next year",), THE_PLAN,
        (("description_cy",), "Beth fydd yr ymddiriedolaeth yn ei wneud",
         ("Beth fydd yr ymddiriedolaeth yn ei wneud",))),
    Row("plan heading title", TRUST, f"plans/{PLAN}.yaml", ("headings", 2, "title"), "Wellbeing and safety",
        ("Wellbeing and safety",), THE_PLAN,
        (("headings", 2, "title_cy"), "Lles a diogelwch", ("Lles a diogelwch",))),
    Row("plan heading lead", TRUST, f"plans/{PLAN}.yaml", ("headings", 2, "lead"), "Head of Wellbeing",
        ("Head of Wellbeing",), THE_PLAN, (("headings", 2, "lead_cy"), "Pennaeth Lles", ("Pennaeth Lles",))),
    Row("plan heading description", TRUST, f"plans/{PLAN}.yaml", ("headings", 2, "description"),
        "Wellbeing conversations start next year", ("Wellbeing conversations start next year",), THE_PLAN,
        (("headings", 2, "description_cy"), "Mae sgyrsiau lles yn dechrau", ("Mae sgyrsiau lles yn dechrau",))),
    Row("action plan", TRUST, "actions/ACT-001.yaml", ("plan",), PLAN, ("ACT-001",), THE_PLAN,
        also={("work_stream",): "Governance"}),
    Row("action kpi owner", TRUST, "actions/ACT-004.yaml", ("measures", 0, "owner"), "Deputy Director of People",
        ("Deputy Director of People",), THE_PLAN,
        (("measures", 0, "owner_cy"), "Dirprwy Gyfarwyddwr Pobl", ("Dirprwy Gyfarwyddwr Pobl",))),
    Row("action kpi", TRUST, "actions/ACT-006.yaml", ("measures",),
        [{"id": "passport-uptake", "description": "Passports agreed", "by": "2026-03-31", "done": False,
          "owner": "Head of Inclusion"}], ("Passports agreed", "Head of Inclusion"), THE_PLAN,
        (("measures",), [{"id": "passport-uptake", "description": "Passports agreed", "description_cy":
                          "Pasbortau wedi eu cytuno", "by": "2026-03-31", "done": False, "owner": "Head of Inclusion"}],
         ("Pasbortau wedi eu cytuno",))),
    Row("action tags", TRUST, "actions/ACT-004.yaml", ("tags",), ["hia:2", "wres:2", "priority:1", "hia:6"],
        ("High impact action 6",), THE_PLAN,
        (("tags",), ["hia:2", "wres:2", "priority:1", "hia:6"], ("Cam gweithredu effaith uchel 6",))),
    Row("objective tags", TRUST, "objectives/OBJ-02.yaml", ("tags",), ["hia:2", "priority:1"],
        ("High impact action 2; Priority area 1: Inclusive recruitment",), ("objectives", {}),
        (("tags",), ["hia:2", "priority:1"], ("Cam gweithredu effaith uchel 2",))),
    # Issue 22: an objective published with no start reads "to" its end, in every format and in Welsh.
    Row("objective start left out", TRUST, "objectives/OBJ-01.yaml", ("start",), LEFT_OUT,
        ("to 31 March 2028",), ("objectives", {}), (("start",), LEFT_OUT, ("hyd at 31 Mawrth 2028",))),
    # Issue 22: a target "by March 2028" and a headcount "as at March 2025", at the month published.
    Row("objective target date month", TRUST, "objectives/OBJ-01.yaml", ("measures", 0, "target", "date"), "2028-03",
        ("(March 2028)",), ("objectives", {}), (("measures", 0, "target", "date"), "2028-03", ("(Mawrth 2028)",))),
    Row("objective baseline date year", TRUST, "objectives/OBJ-01.yaml", ("measures", 0, "baseline", "date"), 2024,
        ("(2024)", "The baseline was 41.0% in 2024."), ("objectives", {}),
        (("measures", 0, "baseline", "date"), 2024, ("(2024)", "Y waelodlin oedd 41.0% yn 2024."))),
    # the chart's sentences say "in" a month or a year ("on" a day, as the goldens show)
    Row("objective baseline date month", TRUST, "objectives/OBJ-01.yaml", ("measures", 0, "baseline", "date"),
        "2024-03", ("The baseline was 41.0% in March 2024.",), ("objectives", {}),
        (("measures", 0, "baseline", "date"), "2024-03", ("Y waelodlin oedd 41.0% ym mis Mawrth 2024.",))),
    Row("objective progress date month", TRUST, "objectives/OBJ-01.yaml", ("measures", 0, "progress", 1, "date"),
        "2025-09", ("The latest figure is 66.0% in September 2025.",), ("objectives", {}),
        (("measures", 0, "progress", 1, "date"), "2025-09", ("Y ffigur diweddaraf yw 66.0% ym mis Medi 2025.",))),
    Row("organisation headcount month", TRUST, "equitykit.yaml", ("headcount", 1, "date"), "2025-03",
        ("4,445 in March 2025",), ("psed", {}), (("headcount", 1, "date"), "2025-03", ("4,445 ym mis Mawrth 2025",))),
    Row("organisation tag title", TRUST, "equitykit.yaml", ("tags", 0, "tags", 0, "title"), "Fair recruitment",
        ("Priority area 1: Fair recruitment",), THE_PLAN,
        (("tags", 0, "tags", 0, "title_cy"), "Recriwtio teg", ("Recriwtio teg",))),
    # Issue 22: a publication known only to be out by a date (the date of a page that lists it).
    Row("publication published_by", TRUST, "publications/2025-09-05-equality-impact-assessments.yaml",
        ("published_by",), "2025-09", ("Published by September 2025",), ("psed", {}),
        (("published_by",), "2025-09", ("Cyhoeddwyd erbyn Medi 2025",)), also={("published",): None}),
    # Issue 22: the outcomes at each grade, as published (the trust's 2024-25 outcomes give the same counts).
    Row("eds published grades", TRUST, "eds/2024-25.yaml", ("published",),
        {"grades": {"Achieving": 6, "Developing": 5}},
        ("Outcomes at each grade", "Outcomes, as published", "Outcomes, from their grades"), ("eds", {}),
        (("published",), {"grades": {"Achieving": 6, "Developing": 5}},
         ("Canlyniadau ym mhob gradd", "Canlyniadau, fel y'u cyhoeddwyd"))),
    # Issue 22: an EDS assessment's year as the source writes it, in place of its first and last days.
    Row("eds year", TRUST, "eds/2024-25.yaml", ("year",), "2024/25", ("1 April 2024 to 31 March 2025",), ("eds", {}),
        (("year",), "2024/25", ("1 Ebrill 2024 i 31 Mawrth 2025",)),
        also={("period_start",): None, ("period_end",): None}),
    Row("organisation tag framework name", TRUST, "equitykit.yaml", ("tags", 0, "name"), "Strategic aim",
        ("Strategic aim 1: Inclusive recruitment",), THE_PLAN,
        (("tags", 0, "name_cy"), "Nod strategol", ("Nod strategol 1",))),
]


def put(data: Any, loc: Loc, value: Any) -> None:
    for part in loc[:-1]:
        data = data[part]
    if value is LEFT_OUT:
        data.pop(loc[-1], None)
    else:
        data[loc[-1]] = value


def get(data: Any, loc: Loc) -> Any:
    for part in loc:
        data = data[part] if isinstance(data, list) else data.get(part)
    return data


def kind_of(row: Row) -> str:
    return "organisation" if row.file == "equitykit.yaml" else next(
        kind.name for kind in KINDS_BY_NAME.values() if kind.folder and row.file.startswith(kind.folder + "/"))


def leaves(value: Any) -> list[str]:
    """The texts and dates a value holds, at any depth, but the ids."""
    if isinstance(value, dict):
        return [text for key, item in value.items() if key != "id" for text in leaves(item)]
    if isinstance(value, list):
        return [text for item in value for text in leaves(item)]
    return [] if isinstance(value, bool) or value is LEFT_OUT else [str(value)]


def told(text: str) -> str:
    """A text as `diff` tells it: a date in words at its precision (2026-01 is January 2026)."""
    try:
        return date_words(PartialDate.parse(text)) if re.fullmatch(r"\d{4}(-\d{2}){0,2}", text) else text
    except ValueError:  # a reporting year, 2025-26
        return text


def welsh_keys(value: Any) -> list[str]:
    if isinstance(value, dict):
        own = [key for key in value if key.endswith("_cy")]
        return [*own, *(key for item in value.values() for key in welsh_keys(item))]
    return [key for item in value for key in welsh_keys(item)] if isinstance(value, list) else []


def changed_folder(tmp_path: Path, row: Row, welsh: bool = False) -> tuple[Path, dict, dict]:
    """A copy of the row's body with the field changed (and its Welsh, with `welsh`); the record's data before
    and after."""
    root = tmp_path / row.body
    if not root.exists():
        shutil.copytree(EXAMPLES / row.body, root)
    path = root / row.file
    before = parse_document(path.read_text(encoding="utf-8"), row.file).data
    after = json.loads(json.dumps(before))
    for loc, value in {row.loc: row.value, **row.also}.items():
        put(after, loc, value)
    if welsh and row.welsh:
        put(after, row.welsh[0], row.welsh[1])
    path.write_text(json.dumps(after, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")  # JSON is YAML
    return root, before, after


def rendered(root: Path, row: Row, lang: str) -> dict[str, str]:
    records = load_records(root, AS_OF)
    assert not [p for p in records.problems if p.severity == "error"], records.problems
    kind, options = row.report
    report = build_report(kind, records, AS_OF, lang=lang, **options)
    documents = {fmt: render_document([report], fmt, root) for fmt in ("md", "html", "docx")}
    return {"md": str(documents["md"]), "html": html.unescape(str(documents["html"])),
            "docx": outline(documents["docx"])}  # type: ignore[arg-type]


@pytest.mark.parametrize("row", ROWS, ids=[row.name for row in ROWS])
def test_the_field_is_in_new_and_the_schema(row: Row, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from equitykit.cli import app

    kind = kind_of(row)
    model = KINDS_BY_NAME[kind].model
    assert field_at(model, row.loc) is not None
    schema = (Path(__file__).parents[2] / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8")
    keys = [part for part in row.loc if isinstance(part, str) and part not in AGE[1:]]
    assert all(f'"{key}"' in schema for key in keys)
    runner = CliRunner()
    folder = tmp_path / "new"
    made = runner.invoke(app, ["init", str(folder), "--name", "Testshire NHS Trust", "--sector", "nhs-trust",
                               "--jurisdiction", "england", "--headcount", "4200", "--established", "2001-04-01"])
    assert made.exit_code == 0, made.output
    if kind == "organisation":
        written = (folder / "equitykit.yaml").read_text(encoding="utf-8")
    else:
        result = runner.invoke(app, ["new", kind, str(folder), "--as-of", "2025-06-01"])
        assert result.exit_code == 0, result.output
        written = Path(result.stdout.strip()).read_text(encoding="utf-8")
    for key in (*keys, *(key for value in (row.value,) if isinstance(value, (dict, list))
                         for item in (value if isinstance(value, list) else [value]) if isinstance(item, dict)
                         for key in item)):
        assert f"{key}:" in written, f"`new {kind}` does not show {key}"
    if row.value is LEFT_OUT:  # `new` fills it, and its comment says it may be left out
        comment = written.split(f"\n{row.loc[-1]}:")[0].rsplit("\n", 1)[-1]
        assert "left out" in comment, comment


@pytest.mark.parametrize("row", ROWS, ids=[row.name for row in ROWS])
def test_fmt_and_diff_keep_and_show_the_field(row: Row, tmp_path: Path) -> None:
    root, before, after = changed_folder(tmp_path, row, welsh=True)
    model = KINDS_BY_NAME[kind_of(row)].model
    text = (root / row.file).read_text(encoding="utf-8")
    formatted = format_text(text, model)
    assert parse_document(formatted, row.file).data == after and format_text(formatted, model) == formatted
    name = row.file if kind_of(row) != "organisation" else "equitykit.yaml"
    changes = compare(snapshot({name: json.dumps(before).encode()}), snapshot({name: formatted.encode()}))
    shown = " ".join(change.summary for change in changes)
    for text in set(leaves(row.value)) - set(leaves(get(before, row.loc))):
        assert told(text) in shown, f"diff does not show {told(text)}: {shown}"
    if row.value is LEFT_OUT:  # the value it had, and that it went
        assert all(told(text) in shown for text in leaves(get(before, row.loc))), shown
        assert "not set" in shown, shown
    if row.welsh:  # a Welsh text is named by its key (its words are for the translator's worklist)
        loc, value, _words = row.welsh
        named = [str(loc[-1])] if loc != row.loc else welsh_keys(value)
        assert all(f"{key})" in shown for key in named), shown


@pytest.mark.parametrize("row", ROWS, ids=[row.name for row in ROWS])
def test_the_reports_show_the_field_in_every_format_and_in_welsh(row: Row, tmp_path: Path) -> None:
    root, _before, _after = changed_folder(tmp_path, row)
    for fmt, document in rendered(root, row, "en").items():
        for words in row.shown:
            assert words in document, f"{words!r} is not in the {fmt} report"
    if row.welsh:
        root, _before, _after = changed_folder(tmp_path / "cy", row, welsh=True)
        for fmt, document in rendered(root, row, "cy").items():
            for words in row.welsh[2]:
                assert words in document, f"{words!r} is not in the Welsh {fmt} report"
