"""`equitykit deadlines --lang cy`: duties, statuses, notes and the records' own text in Welsh, in text,
--explain, JSON (machine keys and values unchanged) and the iCalendar (LANGUAGE=cy)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import icalendar
from typer.testing import CliRunner

from equitykit.cli import app
from equitykit.i18n import _, language
from equitykit.records.terms import WALES

runner = CliRunner()
COUNCIL = Path(__file__).parent.parent.parent / "examples" / "aran-vale-council"
AS_OF = "2025-11-01"


def deadlines(*args: str, root: Path = COUNCIL) -> str:
    result = runner.invoke(app, ["deadlines", str(root), "--as-of", AS_OF, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_text_table_is_in_welsh() -> None:
    text = deadlines("--lang", "cy")
    assert "Cyngor Sir Bro Aran: terfynau amser ar 2025-11-01" in text
    for words in ("Dyddiad dyledus", "Statws", "Rhwymedigaeth", "Tystiolaeth neu nodyn", "yn hwyr", "yn ddyledus",
                  "i ddod", "wedi'i gyflawni", "dim diweddariad eto"):
        assert words in text, words
    assert "Adroddiad blynyddol ar gydraddoldeb" in text and "Recriwtio menywod" in text  # the action's title_cy
    assert "2 yn hwyr, 1 yn ddyledus, 12 i ddod, 3 wedi'i gyflawni, 1 amherthnasol" in text
    for english in ("overdue", "upcoming", "Annual equality report", "deadlines on", "Recruit women", "no update"):
        assert english not in text, english


def test_english_is_the_default_and_unchanged() -> None:
    text = deadlines()
    assert "Aran Vale County Council: deadlines on 2025-11-01" in text
    assert "Annual equality report" in text and "2 overdue, 1 due, 12 upcoming, 3 met, 1 not applicable" in text
    assert deadlines("--lang", "en") == text


def test_json_keeps_its_keys_and_machine_values_and_says_the_rest_in_welsh() -> None:
    english = {o["id"]: o for o in json.loads(deadlines("--format", "json"))}
    welsh = {o["id"]: o for o in json.loads(deadlines("--format", "json", "--lang", "cy"))}
    assert english.keys() == welsh.keys()
    for key, obligation in welsh.items():
        assert obligation.keys() == english[key].keys()
        for field in ("id", "duty", "due", "status", "evidence", "source", "in_hand"):
            assert obligation[field] == english[key][field]
    report = welsh["wales-annual-report-2024-25"]
    assert (report["title"], report["basis"], report["note"]) == (
        "Adroddiad blynyddol ar gydraddoldeb, blwyddyn adrodd 2024-25", "O.S. 2011/1064 (Cy.155) rhl. 16(1)",
        "cyhoeddwyd 2025-10-16")


def test_the_calendar_names_the_annual_report_as_the_welsh_report_is_titled() -> None:
    """One body's documents use one name (domain-rules §12): the duty in the calendar, the report's title."""
    welsh = {o["id"]: o for o in json.loads(deadlines("--format", "json", "--lang", "cy"))}
    duty = welsh["wales-annual-report-2024-25"]["title"].split(",")[0]
    with language("cy"):
        title = _(WALES.psed_title).format(year="2024-25")
    assert f"{duty} 2024-25" == title == "Adroddiad blynyddol ar gydraddoldeb 2024-25"


def test_explain_in_welsh() -> None:
    text = deadlines("--lang", "cy", "--explain", "wales-equality-objectives")
    assert text.splitlines()[0] == "wales-equality-objectives: Amcanion cydraddoldeb (adolygu)"
    assert "  statws:         i ddod\n" in text and "  sail:           O.S. 2011/1064 (Cy.155) rhl. 3\n" in text
    assert "    2024-03-28  cyhoeddwyd ddiwethaf\n" in text
    assert "yn ddyledus eto o fewn 4 blynedd" in text


def test_the_calendar_is_in_welsh_with_its_language() -> None:
    calendar = icalendar.Calendar.from_ical(deadlines("--format", "ics", "--lang", "cy"))
    assert str(calendar["X-WR-CALNAME"]) == "Terfynau amser cydraddoldeb Cyngor Sir Bro Aran"
    events = {str(event["UID"]).split("@")[0]: event for event in calendar.walk("VEVENT")}
    report = events["wales-annual-report-2024-25"]
    assert str(report["SUMMARY"]) == "Adroddiad blynyddol ar gydraddoldeb, blwyddyn adrodd 2024-25"
    assert report["SUMMARY"].params["LANGUAGE"] == "cy" and report["DESCRIPTION"].params["LANGUAGE"] == "cy"
    assert str(report["DESCRIPTION"]).startswith(
        "Statws ar ddyddiad yr allforio: wedi'i gyflawni\nSail: O.S. 2011/1064")
    english = icalendar.Calendar.from_ical(deadlines("--format", "ics"))
    assert "LANGUAGE" not in next(iter(english.walk("VEVENT")))["SUMMARY"].params  # English output unchanged


def test_a_record_without_welsh_text_is_marked_not_silently_english(tmp_path: Path) -> None:
    root = tmp_path / "council"
    shutil.copytree(COUNCIL, root)
    action = root / "actions" / "ACT-002.yaml"
    text = action.read_text(encoding="utf-8")
    action.write_text("\n".join(line for line in text.splitlines() if not line.startswith("title_cy:")) + "\n",
                      encoding="utf-8")
    welsh = {o["id"]: o for o in json.loads(deadlines("--format", "json", "--lang", "cy", root=root))}
    assert welsh["action-ACT-002"]["title"] == ("Recruit women into highways and waste apprenticeships through "
                                                "taster days with local schools. [Saesneg yn unig: dim testun "
                                                "Cymraeg eto]")


def test_an_unknown_language_is_a_usage_error() -> None:
    result = runner.invoke(app, ["deadlines", str(COUNCIL), "--lang", "fr"])
    assert result.exit_code == 2
