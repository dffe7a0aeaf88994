"""Types shared by every record kind: slugs, dates, statuses and the record base class."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer

from ..i18n import N_, _
from .bilingual import WELSH_SUFFIX, welsh
from .dates import PartialDate

PROTECTED_CHARACTERISTICS: tuple[str, ...] = (
    "age",
    "disability",
    "gender-reassignment",
    "marriage-civil-partnership",
    "pregnancy-maternity",
    "race",
    "religion-belief",
    "sex",
    "sexual-orientation",
)
"""The nine protected characteristics of the Equality Act 2010 (ss4-12), as slugs."""

CHARACTERISTIC_NAMES: dict[str, str] = {
    "age": N_("Age"),
    "disability": N_("Disability"),
    "gender-reassignment": N_("Gender reassignment"),
    "marriage-civil-partnership": N_("Marriage and civil partnership"),
    "pregnancy-maternity": N_("Pregnancy and maternity"),
    "race": N_("Race"),
    "religion-belief": N_("Religion or belief"),
    "sex": N_("Sex"),
    "sexual-orientation": N_("Sexual orientation"),
}

PSED_AIMS: dict[str, str] = {
    "eliminate-discrimination": N_("Eliminate discrimination, harassment, victimisation and any other "
                                   "conduct that is prohibited by or under the Equality Act 2010"),
    "advance-equality": N_("Advance equality of opportunity between persons who share a relevant "
                           "protected characteristic and persons who do not share it"),
    "foster-good-relations": N_("Foster good relations between persons who share a relevant protected "
                                "characteristic and persons who do not share it"),
}
"""The three aims of the general duty, Equality Act 2010 s149(1)(a)-(c)."""

MARRIAGE = "marriage-civil-partnership"
FIRST_AIM = "eliminate-discrimination"
"""Marriage and civil partnership is relevant to aim (a) only (s149(7))."""

PLACEHOLDER = "To be written"
"""The text `equitykit new` puts where the user must write something; validate warns while it is there."""

Aim = Literal["eliminate-discrimination", "advance-equality", "foster-good-relations"]
Status = Literal["not-started", "in-progress", "complete", "ongoing"]
STATUS_WORDS: dict[str, str] = {
    "not-started": N_("Not started"),
    "in-progress": N_("In progress"),
    "complete": N_("Complete"),
    "ongoing": N_("Ongoing"),
    "carried-forward": N_("Carried forward"),
}
"""Each status of an action or objective in words (translate with `_`): the one table every output uses."""


def status_text(slug: str | None) -> str:
    """An action's or objective's status in words, in the language being written (a slug not in the table as
    it is); "Not stated" where the record states none, as many published plans do."""
    if slug is None:
        return _("Not stated")
    return _(STATUS_WORDS[slug]) if slug in STATUS_WORDS else slug


STATUS_COLOURS: dict[str, str] = {
    "not-started": "red",
    "in-progress": "amber",
    "complete": "green",
    "ongoing": "blue",
    "carried-forward": "purple",
}

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_iso_date(value: Any) -> Any:
    """Accept only ISO 8601 calendar dates written as text (YYYY-MM-DD)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError("that day does not exist; check the day and the month") from None
    raise ValueError("write the date as YYYY-MM-DD, for example 2025-03-31")


IsoDate = Annotated[
    dt.date,
    BeforeValidator(parse_iso_date),
    PlainSerializer(lambda d: d.isoformat(), return_type=str),
]
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Slug = Annotated[str, Field(pattern=SLUG_PATTERN)]
CharacteristicSlug = Annotated[str, Field(pattern=SLUG_PATTERN,
                                          json_schema_extra={"examples": list(PROTECTED_CHARACTERISTICS)})]
"""A characteristic: one of the nine (which editors offer in completion) or one the organisation declares."""
"""A lower-case, hyphenated identifier such as `race` or `socio-economic`."""
Text = Annotated[str, Field(min_length=1)]
RecordId = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", max_length=100)]
Count = Annotated[int, Field(ge=0)]
Percent = Annotated[float, Field(ge=0, le=100)]


ACRONYMS = {"bme": "BME", "eds": "EDS", "eia": "EIA", "eias": "EIAs", "icb": "ICB", "id": "Id", "ids": "Ids",
            "nhs": "NHS", "psed": "PSED", "url": "URL", "wdes": "WDES", "wres": "WRES"}


def words(name: str) -> str:
    """A field or class name as the words an editor shows on hover: `work_stream` and `WorkStream` read
    "Work stream", `psed_aims` "PSED aims"; a Welsh sibling `title_cy` reads "Title (Welsh)"."""
    if name.endswith(WELSH_SUFFIX):
        return f"{words(name.removesuffix(WELSH_SUFFIX))} (Welsh)"
    parts = [part for chunk in name.split("_") for part in re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+", chunk)]
    text = " ".join(ACRONYMS.get(part.lower(), part if part.isupper() and len(part) > 1 else part.lower())
                    for part in parts)
    return text[:1].upper() + text[1:]


class Model(BaseModel):
    """Base of every record part: unknown keys are errors, nothing is coerced, numbers are finite."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, allow_inf_nan=False,
                              field_title_generator=lambda name, _: words(name),
                              model_title_generator=lambda model: words(model.__name__))


class Record(Model):
    """A record stored in one YAML file whose stem is its `id`."""

    id: RecordId = Field(description="The record's id; must equal the file name without .yaml.")

    renamed: ClassVar[dict[str, str]] = {}
    """Keys of earlier versions, old name to current: still read, with a warning (EK425); `fmt` renames them."""


def renamed_keys(model: type[BaseModel]) -> dict[str, str]:
    """The old key names a record kind still reads, old name to current (none for parts of records)."""
    renamed: dict[str, str] = getattr(model, "renamed", {})
    return renamed


def migrate_keys(data: Any, model: type[BaseModel]) -> Any:
    """A record's top-level mapping with each old key of `model.renamed` under its current name, in place.

    An old key is left as it is when the current one is there too (it is then an unknown key).
    """
    renamed = renamed_keys(model)
    if not isinstance(data, dict) or not any(old in data and new not in data for old, new in renamed.items()):
        return data
    return {(renamed[key] if key in renamed and renamed[key] not in data else key): value
            for key, value in data.items()}


class Span(Model):
    """A period between two dates of any precision, earliest and latest as its ends allow (kinds describe the
    fields their own way: an action's due period, a highlight's period)."""

    start: PartialDate
    end: PartialDate

    @property
    def earliest(self) -> dt.date:
        return self.start.earliest

    @property
    def latest(self) -> dt.date:
        return self.end.latest


class Update(Model):
    """A dated progress note."""

    date: PartialDate = Field(description="When the update was written (a day, a month or a year).",
                              examples=["2025-06-30"])
    note: Text = Field(description="What happened: progress, slippage, decisions.",
                      examples=["First cohort finished; the second starts in September."])
    note_cy: Text | None = welsh("note")
    status: Status | None = Field(None, description="The status at that date, if it changed.",
                                  examples=["in-progress"])
