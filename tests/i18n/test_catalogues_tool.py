"""`python -m equitykit.catalogues`: the template, and updating and checking a language's catalogue."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from equitykit import catalogues, i18n


@pytest.fixture
def locale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped catalogues that the tool reads and writes instead."""
    folder = tmp_path / "locale"
    shutil.copytree(i18n.LOCALE_DIR, folder)
    monkeypatch.setattr(i18n, "LOCALE_DIR", folder)
    monkeypatch.setattr(catalogues, "LOCALE_DIR", folder)
    return folder


def edit(path: Path, remove: str, add: tuple[str, str]) -> None:
    with path.open("rb") as handle:
        catalog = read_po(handle, locale="cy_GB")
    catalog.delete(remove)
    catalog.add(*add)
    with path.open("wb") as handle:
        write_po(handle, catalog)


def test_update_adds_new_messages_untranslated_and_drops_stale_ones(locale: Path) -> None:
    reports = locale / "cy" / "LC_MESSAGES" / "reports.po"
    edit(reports, remove="Contents", add=("A message the code no longer has", "Neges"))
    found = catalogues.problems("cy")
    assert "reports.po: 'A message the code no longer has' is stale: no longer in the code" in found
    assert any(line.startswith("'Contents' (") and line.endswith("is missing") for line in found)
    assert catalogues.update("cy") == (1, 1)
    assert [line for line in catalogues.problems("cy") if "Contents" in line] == [
        "reports.po: 'Contents' is not translated"]


def test_a_changed_placeholder_is_reported(locale: Path) -> None:
    reports = locale / "cy" / "LC_MESSAGES" / "reports.po"
    with reports.open("rb") as handle:
        catalog = read_po(handle, locale="cy_GB")
    catalog["Update {date}: {note}"].string = "Diweddariad {dyddiad}: {note}"
    with reports.open("wb") as handle:
        write_po(handle, catalog)
    assert catalogues.problems("cy") == [
        "reports.po: 'Update {date}: {note}': the translation's placeholders ['{dyddiad}', '{note}'] differ from "
        "['{date}', '{note}']"]


def test_check_says_complete_and_template_writes_every_message(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert catalogues.main(["check", "cy"]) == 0
    assert capsys.readouterr().out == "cy: complete\n"
    template = catalogues.write_template(tmp_path / "equitykit.pot")
    assert "Contents" in template and 'msgid "Contents"' in (tmp_path / "equitykit.pot").read_text(encoding="utf-8")
    assert catalogues.main([]) == 2
