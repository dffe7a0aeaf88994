"""Which languages a report is written in, and whether in one document or one a language.

`--lang cy` or `--lang en` writes one language; `--lang all` every language the body publishes in
(`equitykit.yaml` `languages`, Welsh and English by default in Wales), as its `bilingual_layout` says:
`separate` (one file a language), `side-by-side` or `welsh-first` (one bilingual document). Without
`--lang`, a report is in English, unless the body publishes in Welsh only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ...records.organisation import Organisation

CHOICES = ("cy", "en", "all")


@dataclass(frozen=True)
class LanguageChoice:
    """The languages to write, in order (Welsh first), whether they go in one bilingual document (and
    its layout), and a warning for the person running the command."""

    languages: tuple[str, ...]
    layout: str | None = None
    warning: str | None = None

    @property
    def together(self) -> bool:
        """Whether the languages go in one bilingual document."""
        return self.layout is not None and len(self.languages) > 1

    @property
    def one_file_each(self) -> bool:
        """Whether each language goes in a file of its own."""
        return len(self.languages) > 1 and self.layout is None


def choose_languages(organisation: Organisation | None, lang: str | None) -> LanguageChoice:
    """The languages of a report for `--lang` (None when not given)."""
    published: tuple[str, ...] = organisation.publishing_languages if organisation else ("en",)
    if lang is None:
        return LanguageChoice(("cy",) if published == ("cy",) else ("en",))
    if lang == "all":
        layout = organisation.bilingual_layout if organisation else "separate"
        return LanguageChoice(published, None if layout == "separate" else layout)
    if lang not in CHOICES:
        raise ValueError(f"--lang {lang!r} is not a language; choose one of {', '.join(CHOICES)}")
    warning = None
    if lang == "cy" and "cy" not in published:
        warning = ("the body does not publish in Welsh (languages in equitykit.yaml); the report is written "
                   "in Welsh as asked, with record text that has no Welsh version marked as English only")
    return LanguageChoice((lang,), warning=warning)


def language_path(out: Path, code: str) -> Path:
    """The file of one language of a report written one file a language: report.html → report.cy.html."""
    return out.with_name(f"{out.stem}.{code}{out.suffix}")
