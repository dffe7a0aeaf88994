"""Issue 22, "what it must show": a round trip per new field of items 1 and 2, dates at the precision the source
gives and a status not stated, through `new`, `fmt`, `diff`, the committed JSON Schemas, and the reports in
Markdown, HTML and Word, in English and in Welsh.

The rows extend the issue-24 table (`test_issue24_round_trips`): each changes one field of a record of the example
trust, here by editing the YAML as a person would write it, so that `fmt` can be held to the bytes written. Each
date field has a row per precision (year, month, day); every row of a precision is applied to one copy of the
trust, and each copy's reports are rendered once per format and language for all its rows together."""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from editing import edit
from equitykit.authoring.diff import compare, snapshot
from equitykit.authoring.fmt import format_text
from equitykit.checks.validate import validate
from equitykit.i18n import language
from equitykit.records.dates import PartialDate, date_words, span_words
from equitykit.records.fields import field_at
from equitykit.records.kinds import KINDS_BY_NAME
from equitykit.records.loader import parse_document
from equitykit.records.repository import load_records
from equitykit.reporting.reports import build_report, render_document

from .test_issue24_round_trips import AS_OF, EXAMPLES, Loc, get, kind_of, put
from .test_word import outline

TRUST = EXAMPLES / "northfield-trust"
SCHEMAS = Path(__file__).parents[2] / "schemas"
PRECISIONS = ("year", "month", "day")
REPORTS = (("psed", {}), ("actions", {}), ("objectives", {}), ("eias", {}), ("eia", {"record": "EIA-2025-001"}),
           ("eds", {}), ("paygap", {}))
"""Every report a row's field may show in; each is rendered once a copy, format and language."""
ANY_PRECISION = re.compile(r"a day, a month or a year|YYYY-MM or YYYY")
"""What the description of a date field says (it feeds `new`'s comment and the schema editors show)."""


@dataclass(frozen=True)
class DateField:
    """A date a person copies from a document: where it is in the trust (the text written there now, and the
    text that writes it, with `{}` for the date), a value at each precision, and how the reports show it: `shown`,
    in English and in Welsh, with `{}` for the date in words (with the words around it, so that it is this row's),
    at the precisions `shown_for`, and `why` not at the others (or at all). `span`: the field is a period, written
    from the value's first to last day (a day's value: twelve days); `start`: the field ends a period that starts
    there, and the reports show the two together."""

    name: str
    file: str
    loc: Loc
    old: str
    new: str
    values: tuple[str, str, str]
    shown: tuple[str, str] | None
    why: str = ""
    span: bool = False
    start: str | None = None
    shown_for: tuple[str, ...] = PRECISIONS


@dataclass(frozen=True)
class Row:
    """One field as written: the edit that writes it, where it is, the words `diff` tells it in, the words each
    language's reports show (or why none does), and words no report may show (a date at the wrong precision)."""

    name: str
    copy: str
    file: str
    loc: Loc
    old: str
    new: str
    diff: str
    shown: dict[str, tuple[str, ...]]
    wrong: dict[str, tuple[str, ...]]
    why: str = ""
    bad: Any = "2025-13"
    described: re.Pattern[str] = ANY_PRECISION
    """What the field's description (`new`'s comment, the schema's) says of it."""


ACT, OBJ, EIA = "actions/ACT-001.yaml", "objectives/OBJ-01.yaml", "eias/EIA-2025-001.yaml"
FIELDS = (
    DateField("publication published", "publications/2025-01-20-equality-information.yaml", ("published",),
              "published: 2025-01-20", "published: {}", ("2025", "2024-12", "2025-01-11"),
              ("Published | {}", "Cyhoeddwyd | {}")),
    DateField("publication planned", "publications/2025-10-28-wres-2025.yaml", ("planned",), "published: 2025-10-28",
              "status: planned\nplanned: {}", ("2027", "2025-11", "2025-11-19"),
              ("| expected {}", "| disgwylir {}")),
    DateField("pay gap submitted", "paygap/2024-03-31.yaml", ("submitted",), "submitted: 2025-03-14",
              "submitted: {}", ("2025", "2025-02", "2025-03-12"),
              ("Submitted to GOV.UK: {}", "Cyflwynwyd i GOV.UK: {}")),
    DateField("engagement date", "engagement/ENG-2025-01.yaml", ("date",), "date: 2025-03-12", "date: {}",
              ("2025", "2025-02", "2025-02-13"), ("({}) | Disability and Neurodiversity",) * 2),
    DateField("engagement end", "engagement/ENG-2025-02.yaml", ("end",), "date: 2025-02-18\n",
              "date: 2025-02-18\nend: {}\n", ("2025", "2025-04", "2025-03-19"),
              ("({}) | Patient Experience Forum",) * 2, start="2025-02-18"),
    DateField("action due", ACT, ("due",), "due: 2025-07-31", "due: {}", ("2025", "2025-08", "2025-07-29"),
              ("| {} | Complete", "| {} | Wedi'i gwblhau")),
    DateField("action due period", "actions/ACT-006.yaml", ("due",), "due: 2025-10-31",
              "due: {{start: {}, end: {}}}", ("2025", "2025-10", "2025-10-06"),
              ("| {} | In progress", "| {} | Ar waith"), span=True),
    DateField("action completed", ACT, ("completed",), "completed: 2025-06-20", "completed: {}",
              ("2025", "2025-06", "2025-06-17"), ("| Complete ({})", "| Wedi'i gwblhau ({})")),
    DateField("action start", ACT, ("start",), "start: 2025-04-01", "start: {}", ("2025", "2025-04", "2025-04-03"),
              None, "no report shows when an action starts: the plan shows its due date and status"),
    DateField("action milestone due", ACT, ("milestones", 0, "due"), "  - due: 2025-05-31", "  - due: {}",
              ("2025", "2025-05", "2025-05-27"),
              ("Step due {}: Draft the template", "Cam erbyn {}: Draft the template"),
              "a month or a day is shown by the column of the plan's two-month period it falls in, not printed; a "
              "year is wider than any period, so it is printed", shown_for=("year",)),
    DateField("action update date", ACT, ("updates", 0, "date"), "  - date: 2025-05-28", "  - date: {}",
              ("2025", "2025-05", "2025-05-26"), ("Update {}: Draft tested", "Diweddariad {}: Draft tested")),
    DateField("action due revised", "actions/ACT-002.yaml", ("due_history", 0, "revised"), "due: 2026-03-31\n",
              "due: 2026-03-31\ndue_history:\n  - due: 2025-11-14\n    revised: {}\n    reason: Paused\n",
              ("2025", "2025-02", "2025-02-11"), ("revised {}: Paused", "diwygiwyd {}: Paused")),
    DateField("objective end", OBJ, ("end",), "end: 2028-03-31", "end: {}", ("2028", "2028-02", "2028-03-29"),
              ("{} | 1A, 1B, 1D",) * 2, start="2024-04-01"),
    DateField("objective completed", "objectives/OBJ-02.yaml", ("completed",), "status: in-progress\n",
              "completed: {}\nstatus: complete\n", ("2025", "2025-08", "2025-08-21"),
              ("Status: Complete ({})", "Statws: Wedi'i gwblhau ({})")),
    DateField("objective update date", OBJ, ("updates", 0, "date"), "  - date: 2025-04-24", "  - date: {}",
              ("2025", "2025-04", "2025-04-23"), ("Update {}: Year 1", "Diweddariad {}: Year 1")),
    DateField("eia started", EIA, ("started",), "started: 2025-01-13", "started: {}", ("2024", "2024-12", "2025-01-14"),
              ("Started: {}", "Dechreuwyd: {}")),
    DateField("eia completed", EIA, ("completed",), "completed: 2025-04-04", "completed: {}",
              ("2025", "2025-03", "2025-04-02"), ("Completed: {}", "Cwblhawyd: {}")),
    DateField("eia decision date", EIA, ("decision", "date"), "  date: 2025-04-17", "  date: {}",
              ("2025", "2025-05", "2025-04-16"),
              ("People Committee, {}", "People Committee [Saesneg yn unig], {}")),
    DateField("eia sign-off date", EIA, ("sign_off", "date"), "  date: 2025-04-08", "  date: {}",
              ("2025", "2025-04", "2025-04-09"),
              ("Director of People, {}", "Director of People [Saesneg yn unig], {}")),
    DateField("eia reviewed", EIA, ("reviewed",), "review: 2027-04-30", "review: 2027-04-30\nreviewed: {}",
              ("2025", "2026-03", "2026-03-18"), ("Last reviewed: {}", "Adolygwyd ddiwethaf: {}")),  # before `review`'s
    DateField("eia review", EIA, ("review",), "review: 2027-04-30", "review: {}", ("2027", "2027-05", "2027-04-27"),
              ("Review: {}", "Adolygiad: {}")),
    DateField("eds graded on", "eds/2024-25.yaml", ("graded_on",), "graded_on: 2025-01-22", "graded_on: {}",
              ("2025", "2024-12", "2025-01-23"), ("Graded on: {}", "Dyddiad graddio: {}")),
)


def day_of(value: str) -> PartialDate:
    return PartialDate.parse(int(value) if value.isdigit() else value)


def written_and_said(spec: DateField, value: str, lang: str) -> tuple[str, str]:
    """The field as written and the words the reports say it in: a date at its precision; a period of a whole
    year or month (read as it) or of twelve days; an end after the record's `start`."""
    day = day_of(value)
    with language(lang):
        if spec.start is not None:
            return spec.new.format(value), span_words(day_of(spec.start), day)
        if spec.span:
            first, last = ((day.earliest, day.latest) if day.precision != "day" else
                           (day.earliest, day.earliest + dt.timedelta(days=11)))
            return spec.new.format(first, last), span_words(first, last)
        return spec.new.format(value), date_words(day)


def wrong_forms(value: str, lang: str) -> tuple[str, ...]:
    """The date at a precision it does not have: its first and last day (and month) in words, or its ISO text."""
    day = day_of(value)
    if day.precision == "day":
        return (value,)
    with language(lang):
        forms = [date_words(day.earliest), date_words(day.latest)]
        if day.precision == "year":
            forms += [date_words(PartialDate(day.year, 1)), date_words(PartialDate(day.year, 12))]
    return (*forms, *([value] if day.precision == "month" else []))


def row(spec: DateField, precision: str) -> Row:
    value = spec.values[PRECISIONS.index(precision)]
    written, _ = written_and_said(spec, value, "en")
    said = {lang: written_and_said(spec, value, lang)[1] for lang in ("en", "cy")}
    shown = {lang: (spec.shown[index].format(said[lang]),) if spec.shown and precision in spec.shown_for else ()
             for index, lang in enumerate(said)}
    wrong = {lang: () if spec.span else wrong_forms(value, lang) for lang in said}
    with language("en"):
        told = said["en"] if spec.span else date_words(day_of(value))
    return Row(f"{spec.name}, {precision}", precision, spec.file, spec.loc, spec.old, written, told, shown, wrong,
               spec.why)


LEFT_OUT = re.compile(r"left out (where|when) the (plan|source)")
GAP_PUBLICATION = "publications/2025-03-14-gender-pay-gap-2024.yaml"
NOT_STATED = [  # a value the source does not give, left out (in the day's copy)
    Row("action status not stated", "day", "actions/ACT-004.yaml", ("status",), "status: in-progress\n", "",
        "ACT-004: in-progress (amber) → not stated",
        {"en": ("| 30 September 2025 | Not stated", "Not stated | 1 ", "Overdue | 0"),  # by status: one, none overdue
         "cy": ("| 30 Medi 2025 | Heb ei nodi", "Heb ei nodi | 1 ", "Yn hwyr | 0")},
        {"en": ("Not stated, overdue",), "cy": ("Heb ei nodi, yn hwyr",)}, bad="done", described=LEFT_OUT),
    Row("objective status not stated", "day", "objectives/OBJ-03.yaml", ("status",), "status: in-progress\n", "",
        "OBJ-03: in-progress (amber) → not stated", {"en": ("Status: Not stated",), "cy": ("Statws: Heb ei nodi",)},
        {"en": (), "cy": ()}, bad="done", described=LEFT_OUT),
    Row("publication out with no date", "day", GAP_PUBLICATION, ("published",), "published: 2025-03-14\n", "",
        "Published: 14 March 2025 → not set",
        {"en": ("Gender pay gap | Published | Not recorded", "Met, timing not known | Gender pay gap report 2024, "
                "published (date not recorded)"),
         "cy": ("Bwlch cyflog rhwng y rhywiau | Cyhoeddwyd | Heb ei gofnodi", "Wedi'i gyflawni, amseriad heb ei "
                "wybod | Gender pay gap report 2024 [Saesneg yn unig], cyhoeddwyd (dyddiad heb ei gofnodi)")},
        {"en": (), "cy": ()}, described=LEFT_OUT),
]
ROWS = [*(row(spec, precision) for spec in FIELDS for precision in PRECISIONS), *NOT_STATED]


def plain(document: str, fmt: str) -> str:
    """A rendered report as text to search, table cells joined by ` | ` in every format."""
    if fmt == "html":
        document = re.sub(r"</t[dh]>\s*<t[dh][^>]*>", " | ", document)
        document = re.sub(r"</dt>\s*<dd[^>]*>", ": ", document)
        document = html.unescape(re.sub(r"<[^>]+>", " ", document))
    if fmt == "md":
        document = re.sub(r"\\(.)", r"\1", document.replace("**", ""))
    return re.sub(r"([(]) | (?=[)])", r"\1", " ".join(document.split()))


def copy_of(base: Path, precision: str) -> Path:
    """The trust with every row of `precision` written into it."""
    root = base / precision
    shutil.copytree(TRUST, root)
    for each in ROWS:
        if each.copy == precision:
            edit(root / each.file, each.old, each.new)
    return root


# Session-wide, not per module: a worker that runs these tests between others' builds the copies once.
@pytest.fixture(scope="session")
def copies(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The trust as it is (`before`), and a copy of it for each precision with all the rows of that precision."""
    base = tmp_path_factory.mktemp("issue22")
    return {"before": shutil.copytree(TRUST, base / "before"), **{copy: copy_of(base, copy) for copy in PRECISIONS}}


@pytest.fixture(scope="session")
def reports(copies: dict[str, Path]) -> dict[tuple[str, str, str], str]:
    return rendered(copies)


def rendered(copies: dict[str, Path]) -> dict[tuple[str, str, str], str]:
    """Every report of each copy, by copy, language and format (`html-tags` the HTML as written): rendered once for
    all the rows together."""
    found = {}
    for copy, root in copies.items():
        records = load_records(root, AS_OF)
        assert not [p for p in records.problems if p.severity == "error"], records.problems
        for lang in ("en", "cy"):
            built = [build_report(kind, records, AS_OF, lang=lang, **options) for kind, options in REPORTS]
            for fmt in ("md", "html", "docx"):
                document = render_document(built, fmt, root)
                text = outline(document) if fmt == "docx" else str(document)  # type: ignore[arg-type]
                found[copy, lang, fmt] = plain(text, fmt)
                if fmt == "html":
                    found[copy, lang, "html-tags"] = text
    return found


@cache
def schema_of(kind: str) -> dict:
    import json

    return json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))


NOT_IN_NEW = {"paygap": "pay gap records are written by `paygap compute --write` and `paygap import`, not `new`"}


@pytest.fixture(scope="session")
def written_by_new(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """What `new KIND` writes in a new folder, for each kind a row is of."""
    from typer.testing import CliRunner

    from equitykit.cli import app

    runner = CliRunner()
    folder = tmp_path_factory.mktemp("new") / "new"
    made = runner.invoke(app, ["init", str(folder), "--name", "Testshire NHS Trust", "--sector", "nhs-trust",
                               "--jurisdiction", "england", "--headcount", "4200", "--established", "2001-04-01"])
    assert made.exit_code == 0, made.output
    written = {}
    for kind in {kind_of(row) for row in ROWS} - set(NOT_IN_NEW):
        result = runner.invoke(app, ["new", kind, str(folder), "--as-of", "2025-06-01"])
        assert result.exit_code == 0, result.output
        written[kind] = Path(result.stdout.strip()).read_text(encoding="utf-8")
    return written


@pytest.mark.parametrize("row", ROWS, ids=[row.name for row in ROWS])
def test_new_offers_the_field_and_says_it_takes_any_precision(row: Row, written_by_new: dict[str, str]) -> None:
    kind = kind_of(row)
    info = field_at(KINDS_BY_NAME[kind].model, row.loc)
    assert info is not None and row.described.search(info.description or ""), info
    if kind in NOT_IN_NEW:
        return
    written = written_by_new[kind]
    key = str(row.loc[-1])
    assert re.search(rf"^[ #-]*{key}:", written, re.M), f"`new {kind}` does not show {key}"
    if len(row.loc) == 1:  # a record's own field has its description as the comment above it
        assert f"# {info.description}" in written


@pytest.mark.parametrize("row", ROWS, ids=[row.name for row in ROWS])
def test_fmt_keeps_it_as_written_and_diff_tells_it_in_words(row: Row, tmp_path: Path) -> None:
    path = tmp_path / row.file
    path.parent.mkdir(parents=True)
    before = (TRUST / row.file).read_text(encoding="utf-8")
    path.write_text(before, encoding="utf-8")
    edit(path, row.old, row.new)
    after = path.read_text(encoding="utf-8")
    assert format_text(after, KINDS_BY_NAME[kind_of(row)].model) == after
    changes = compare(snapshot({row.file: before.encode()}), snapshot({row.file: after.encode()}))
    told = " ".join(change.summary for change in changes)
    assert row.diff in told, told
    assert not re.search(r"\d{4}-\d{2}", told.replace(Path(row.file).stem, "")), told


@pytest.mark.parametrize("row", ROWS, ids=[row.name for row in ROWS])
def test_the_committed_schema_takes_it_and_refuses_a_bad_date(row: Row, tmp_path: Path) -> None:
    text = (TRUST / row.file).read_text(encoding="utf-8").replace(row.old, row.new, 1)
    data = parse_document(text, row.file).data
    schema = schema_of(kind_of(row))
    jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())
    assert (get(data, row.loc) is None) == (row.new == "")  # written, or left out
    put(data, row.loc, row.bad)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("row", ROWS, ids=[row.name for row in ROWS])
@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_reports_show_it_at_its_precision(row: Row, lang: str, reports: dict[tuple[str, str, str], str]) -> None:
    if not row.shown[lang]:
        assert row.why, "a row that no report shows says why"
    for fmt in ("md", "html", "docx"):
        document, before = reports[row.copy, lang, fmt], reports["before", lang, fmt]
        for text in row.shown[lang]:
            assert text not in before, f"{text!r} is in the {fmt} report before the change"
            assert text in document, f"{text!r} is not in the {lang} {fmt} report"
        for text in row.wrong[lang]:
            pattern = rf"(?<!\d){re.escape(text)}(?!\d)"
            assert len(re.findall(pattern, document)) <= len(re.findall(pattern, before)), (
                f"{text!r} is in the {lang} {fmt} report: a date shown at a precision it does not have")


def test_a_status_not_stated_has_no_colour_and_validate_warns_once_a_folder(
        copies: dict[str, Path], reports: dict[tuple[str, str, str], str]) -> None:
    for lang, words in (("en", "Not stated"), ("cy", "Heb ei nodi")):
        written = reports["day", lang, "html-tags"]
        assert f">{words}<" in written and not re.search(rf'class="status[^"]*">{words}<', written)
    warned = [(p.file, p.severity) for p in validate(copies["day"], AS_OF).problems if p.code == "EK450"]
    assert warned == [("actions/ACT-004.yaml", "warning"), ("objectives/OBJ-03.yaml", "warning")]
