"""An NHS Equality Delivery System assessment for one reporting year (EDS 2022 or EDS2)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, field_validator, model_validator

from .bilingual import welsh
from .common import CharacteristicSlug, IsoDate, Model, Record
from .dates import PartialDate
from .published import numbers_as_text
from .years import year_as_written

Framework = Literal["eds2022", "eds2"]
Grade = Literal["Undeveloped", "Developing", "Achieving", "Excelling"]


class EdsOutcome(Model):
    """The grading of one outcome, with its evidence.

    EDS 2022 outcomes carry a `score` (0-3). EDS2 outcomes carry the characteristics for which
    the body has evidence and plans (`characteristics`) and whether all nine groups fare well, or
    the grade as published (`grade`), or both (a warning names the computed grade if they differ).
    """

    score: int | None = Field(
        None, ge=0, le=3, description="EDS 2022: 0 Undeveloped, 1 Developing, 2 Achieving, 3 Excelling."
    )
    characteristics: list[CharacteristicSlug] | None = Field(
        None, description="EDS2: characteristics for which there is evidence and plans."
    )
    all_fare_well: bool = Field(
        False, description="EDS2: evidence shows the majority of people in all nine groups fare well."
    )
    grade: Grade | None = Field(
        None, description="EDS2: the grade as published: Undeveloped, Developing, Achieving or Excelling."
    )
    evidence: str | None = Field(None, description="The evidence behind the grade.")
    evidence_cy: str | None = welsh("evidence")
    graded_by: list[str] = Field(default_factory=list, description="Who graded it (groups or roles).")
    graded_by_cy: list[str] | None = welsh("graded_by")


class PublishedDomain(Model):
    """A domain's (EDS 2022) or goal's (EDS2) result as the body published it."""

    score: int | None = Field(None, ge=0, le=18, description="The domain's score as published (EDS 2022: the sum "
                              "of its outcomes' scores).", examples=[6])
    rating: Grade | None = Field(None, description="The domain's or goal's rating as published.",
                                 examples=["Developing"])


class PublishedEds(Model):
    """The assessment's results as the body published them: what a page gives (the total, the ratings, how many
    outcomes are at each grade), with or without every outcome's grade. Where the outcomes are graded too, the
    report shows both and validate warns where they differ."""

    total: int | None = Field(None, ge=0, le=33, description="EDS 2022: the overall score as published (0 to 33).",
                              examples=[14])
    rating: Grade | None = Field(None, description="The overall rating as published.", examples=["Developing"])
    domains: dict[Literal["1", "2", "3", "4"], PublishedDomain] = Field(
        default_factory=dict, description="Each domain's (EDS 2022) or goal's (EDS2) result as published, by number.",
        examples=[{"1": {"score": 6}, "2": {"rating": "Developing"}}])
    grades: dict[Grade, Annotated[int, Field(ge=0, le=18)]] = Field(
        default_factory=dict, description="How many outcomes are at each grade, as published, where the publication "
        "gives the counts (with or without each outcome's grade): EDS2 'achieving in 15 of 18 outcomes, developing in "
        "3'; EDS 2022 the outcomes scored 0 Undeveloped, 1 Developing, 2 Achieving or 3 Excelling. Where every outcome "
        "is graded too, the report shows both and validate warns where they differ.",
        examples=[{"Achieving": 15, "Developing": 3}])
    note: str | None = Field(None, description="What the publication says that the figures alone do not: e.g. a total "
                             "stated two ways on one page.",
                             examples=["The summary table gives 15; the text gives 14, which is recorded here."])
    note_cy: str | None = welsh("note")

    _numbers_as_text = field_validator("domains", mode="before")(numbers_as_text)


def _year_or_its_days(schema: dict[str, Any]) -> None:
    """The JSON Schema of an assessment: its year, or its first and last days, is required."""
    schema["required"] = [name for name in schema.get("required", []) if name not in ("period_start", "period_end")]
    schema["anyOf"] = [{"required": ["year"]}, {"required": ["period_start", "period_end"]}]


class Eds(Record):
    """One EDS assessment (one reporting year)."""

    model_config = ConfigDict(json_schema_extra=_year_or_its_days)

    framework: Framework = Field(description="eds2022 or eds2.")
    year: str | None = Field(
        None, description="The reporting year as the source writes it (2020/21, 2020-21 or 2020-2021), in place of "
        "period_start and period_end: the NHS year, 1 April to 31 March.", examples=["2020/21"])
    period_start: IsoDate = Field(description="First day of the reporting year (or give year: instead).")
    period_end: IsoDate = Field(description="Last day of the reporting year (or give year: instead).")
    graded_on: PartialDate | None = Field(None, description="When the grading was agreed: a day, a month or a year.")
    graded_by: list[str] = Field(
        default_factory=list, description="Stakeholders who graded: staff networks, patients, partners."
    )
    graded_by_cy: list[str] | None = welsh("graded_by")
    outcomes: dict[str, EdsOutcome] = Field(
        default_factory=dict, description="Grading per outcome code (e.g. 1A or 2.1); those the publication gives.")
    published: PublishedEds | None = Field(
        None, description="The results as published: the overall total and rating, each domain's score or "
        "rating, and how many outcomes are at each grade, with or without the outcomes' grades.")
    summary: str | None = Field(None, description="Narrative summary of the year's assessment.")
    summary_cy: str | None = welsh("summary")

    @field_validator("year")
    @classmethod
    def _names_a_year(cls, value: str | None) -> str | None:
        if value is not None and year_as_written(value) is None:
            raise ValueError("write the reporting year as its first year and the next, e.g. 2020/21 or 2020-21 "
                             "(or give period_start: and period_end: instead)")
        return value

    @model_validator(mode="before")
    @classmethod
    def _days_of_the_year(cls, data: Any) -> Any:
        """A year given in place of the two days: its first and last days (the NHS year, April to March)."""
        if not isinstance(data, dict) or not isinstance(data.get("year"), str):
            return data
        year = year_as_written(data["year"])
        if year is None:
            return data
        return {**data, "period_start": year.start if data.get("period_start") is None else data["period_start"],
                "period_end": year.end if data.get("period_end") is None else data["period_end"]}

    @property
    def year_days(self) -> tuple[dt.date, dt.date] | None:
        """The first and last days of the year given as `year`, or None."""
        year = None if self.year is None else year_as_written(self.year)
        return None if year is None else (year.start, year.end)
