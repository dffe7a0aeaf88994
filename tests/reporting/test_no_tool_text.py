"""Published output speaks to the public: every report of every example, seed body and bare body, in every
format (Markdown, HTML, the text of the Word document) and language, and the calendar (.ics), says in plain
words what is not recorded. Tool words stay in the command line's diagnostics: no backticks, no
`equitykit <command>`, no file names (.yaml), no folders of the records (paygap/), no key names (headcount:)."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape
from pathlib import Path

import pytest

from equitykit.i18n import language
from equitykit.obligations.deadlines import deadlines
from equitykit.obligations.ics import ics_calendar
from equitykit.records.kinds import KINDS_BY_FOLDER
from equitykit.records.organisation import Organisation
from equitykit.records.repository import load_records
from equitykit.reporting.reports import REPORT_KINDS, build_report, render_document

from .test_word import outline

REPOSITORY = Path(__file__).parents[2]
AS_OF = dt.date(2025, 11, 30)
BARE = {  # bodies with nothing recorded but themselves: whatever is missing is said in words
    "trust-nothing-recorded": "name: Testshire NHS Trust\nsector: nhs-trust\njurisdiction: england\n"
                              "headcount: [{date: 2025-03-31, employees: 900}]\n",
    "council-no-headcount": "name: Testshire Council\nsector: local-authority\njurisdiction: england\n",
    "welsh-council-nothing-recorded": "name: Cyngor Profi\nsector: local-authority\njurisdiction: wales\n"
                                      "headcount: [{date: 2025-03-31, employees: 900}]\n",
}


def commands() -> list[str]:
    import typer.main

    from equitykit.cli import app

    return sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def tool_words() -> re.Pattern[str]:
    """Backticks, `equitykit <command>`, a YAML file name, a records folder (paygap/) and a key of equitykit.yaml
    written as YAML (headcount:, suppression_threshold:; not the keys that are everyday words, like name:)."""
    folders = "|".join(sorted(KINDS_BY_FOLDER))
    keys = "|".join(sorted({name for name in Organisation.model_fields if "_" in name} | {"headcount", "calendar"}))
    return re.compile(rf"`|\bequitykit (?:{'|'.join(commands())})\b|\.ya?ml\b|(?<![\w/])(?:{folders})/"
                      rf"|(?<![\w-])(?:{keys}):(?=\s)")


def roots() -> list[str]:
    examples = [f"examples/{name}" for name in ("northfield-trust", "aran-vale-council")]
    seeds = sorted(f"tests/seeds/{path.name}" for path in (REPOSITORY / "tests" / "seeds").iterdir()
                   if (path / "equitykit.yaml").is_file())
    return [*examples, *seeds, *BARE]


def folder(name: str, tmp_path: Path) -> Path:
    if name not in BARE:
        return REPOSITORY / name
    root = tmp_path / name
    root.mkdir()
    (root / "equitykit.yaml").write_text(BARE[name] + "alternative_formats: {email: equality@body.example}\n",
                                         encoding="utf-8")
    return root


def visible(text: str, output_format: str) -> str:
    if output_format == "html":
        text = re.sub(r"<(style|script)\b.*?</\1>", " ", text, flags=re.S)
        text = unescape(re.sub(r"<[^>]+>", " ", text))
    return text


@pytest.mark.parametrize("name", roots())
def test_published_output_carries_no_tool_words(name: str, tmp_path: Path) -> None:
    records = load_records(folder(name, tmp_path))
    languages = ("en", "cy") if records.organisation and records.organisation.jurisdiction == "wales" else ("en",)
    pattern, found = tool_words(), []
    for lang in languages:
        with language(lang):
            calendar = ics_calendar(deadlines(records, AS_OF)).replace("\r\n ", "").replace("\\n", "\n")
        found += [(lang, "ics", m[0], calendar[max(0, m.start() - 60):m.end() + 20])
                  for m in pattern.finditer(calendar)]
        for kind in REPORT_KINDS:
            report = build_report(kind, records, AS_OF, lang=lang)
            for output_format in ("md", "html", "docx"):
                document = render_document([report], output_format, records.root)
                text = visible(outline(document) if isinstance(document, bytes) else document, output_format)
                found += [(lang, f"{kind}.{output_format}", m[0], text[max(0, m.start() - 60):m.end() + 20])
                          for m in pattern.finditer(text)]
    assert found == []


def test_the_pattern_finds_tool_words() -> None:
    pattern = tool_words()
    for text in ("add them to paygap/ with `equitykit paygap compute`", "equitykit validate", "eds/2024-25.yaml",
                 "under headcount: in the file", "put it in paygap/", "grading panel (engagement/ENG-2025-04)"):
        assert pattern.search(text), text
    for text in ("Produced with equitykit from the records", "Employees: 1,200", "Type: NHS trust",
                 "1 April 2024 to 31 March 2025", "and/or"):
        assert not pattern.search(text), text
