"""The active language: fixed text, dates and numbers follow it; English is the default."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from equitykit import i18n
from equitykit.i18n import N_, _, current_language, decimal, language, long_date
from equitykit.obligations.dates import spoken_date


@pytest.fixture
def welsh_catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A locale folder with a Welsh catalogue in two files, in place of the shipped one."""
    folder = tmp_path / "cy" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    head = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    (folder / "a.po").write_text(head + 'msgid "Equality objectives"\nmsgstr "Amcanion cydraddoldeb"\n',
                                 encoding="utf-8")
    (folder / "b.po").write_text(head + 'msgid "Sex"\nmsgstr "Rhyw"\n\n'
                                 '#, fuzzy\nmsgid "Age"\nmsgstr "Oedran?"\n', encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.translations.cache_clear()
    yield tmp_path
    i18n.translations.cache_clear()


def test_english_is_the_default_and_text_is_itself() -> None:
    assert current_language() == "en"
    assert _("Equality objectives") == "Equality objectives"


def test_every_file_of_a_language_is_one_catalogue(welsh_catalogue: Path) -> None:
    with language("cy"):
        assert current_language() == "cy"
        assert _("Equality objectives") == "Amcanion cydraddoldeb"
        assert _("Sex") == "Rhyw"
    assert current_language() == "en"
    assert _("Sex") == "Sex"


def test_a_fuzzy_or_missing_entry_is_left_in_english(welsh_catalogue: Path) -> None:
    with language("cy"):
        assert _("Age") == "Age"
        assert _("Not in the catalogue") == "Not in the catalogue"


def test_a_marked_message_is_translated_where_it_is_shown(welsh_catalogue: Path) -> None:
    named = N_("Equality objectives")
    assert named == "Equality objectives"
    with language("cy"):
        assert _(named) == "Amcanion cydraddoldeb"


def test_the_language_is_restored_after_an_error() -> None:
    with pytest.raises(RuntimeError), language("cy"):
        raise RuntimeError
    assert current_language() == "en"


def test_an_unknown_language_names_the_choices() -> None:
    with pytest.raises(i18n.UnknownLanguage, match=r"unknown language 'fr'; choose one of en \(English\), "
                                                   r"cy \(Cymraeg\)"), language("fr"):
        pass


def test_dates_and_numbers_follow_the_language() -> None:
    day = dt.date(2025, 3, 31)
    assert long_date(day) == spoken_date(day) == "31 March 2025"
    assert decimal(1234.5, "#,##0.0") == "1,234.5"
    with language("cy"):
        assert spoken_date(day) == "31 Mawrth 2025"
        assert long_date(dt.date(2026, 7, 1)) == "1 Gorffennaf 2026"
        assert decimal(1234.5, "#,##0.0") == "1,234.5"


def test_the_shipped_welsh_catalogue_is_read() -> None:
    with language("cy"):
        assert _("Contents") == "Cynnwys"
