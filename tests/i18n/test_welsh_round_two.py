"""Welsh output as a Welsh reader meets it (issue 21): a chart named by English record text gets a Welsh
accessible name; the one-year chart sentence needs no mutation; the calendar marks an English-only title as
English; calendar notes give statuses in words."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from equitykit.cli import app

COUNCIL = Path(__file__).parents[2] / "examples" / "aran-vale-council"
runner = CliRunner()


@pytest.fixture
def council(tmp_path: Path) -> Path:
    """The Welsh example council with one measure's and one action's Welsh text taken out."""
    root = tmp_path / "aran"
    shutil.copytree(COUNCIL, root)
    objective = root / "objectives" / "OBJ-02.yaml"
    objective.write_text(objective.read_text(encoding="utf-8").replace(
        "    description_cy: Tudalennau gwe'r cyngor sy'n pasio gwiriadau awtomataidd WCAG 2.2 AA\n", ""),
        encoding="utf-8")
    action = root / "actions" / "ACT-002.yaml"
    action.write_text(re.sub(r"(?m)^title_cy: .*\n", "", action.read_text(encoding="utf-8")), encoding="utf-8")
    return root


def run(*args: str) -> str:
    result = runner.invoke(app, [*args, "--as-of", "2025-11-30"])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_chart_titled_by_english_record_text_has_a_welsh_accessible_name(council: Path) -> None:
    page = run("report", "objectives", str(council), "--lang", "cy", "--format", "html")
    names = re.findall(r'<title id="[^"]*">([^<]*)</title>', page)
    assert not [name for name in names if "Council web pages" in name], names
    assert "OBJ-02, mesur 1: o&#39;r waelodlin i&#39;r targed" in names
    # the visible caption still shows the English, marked as English
    assert re.search(r'<figcaption[^>]*><span lang="en">Council web pages passing automated WCAG 2.2 AA checks', page)


def test_the_welsh_one_year_chart_sentence_needs_no_mutation() -> None:
    text = run("report", "paygap", str(COUNCIL), "--lang", "cy")
    assert "I ddangos y bwlch" in text and "o y " not in text


def test_the_calendar_marks_an_english_only_title_as_english(council: Path) -> None:
    calendar = run("deadlines", str(council), "--format", "ics", "--lang", "cy").replace("\r\n ", "").replace("\n ", "")
    assert ("SUMMARY;LANGUAGE=en:Recruit women into highways and waste apprenticeships through taster days with "
            "local schools.") in calendar
    summaries = re.findall(r"^SUMMARY(;LANGUAGE=\w+)?:", calendar, re.M)
    assert summaries.count(";LANGUAGE=en") == 1 and set(summaries) == {";LANGUAGE=cy", ";LANGUAGE=en"}
    assert "Mae teitl y digwyddiad hwn yn Saesneg yn unig" in calendar


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_calendar_notes_give_statuses_in_words(lang: str) -> None:
    calendar = run("deadlines", str(COUNCIL), "--format", "ics", "--lang", lang).replace("\r\n ", "").replace("\n ", "")
    assert not re.search(r"in-progress|not-started|carried-forward", calendar)
    assert ("statws: ar waith" if lang == "cy" else "status: in progress") in calendar
