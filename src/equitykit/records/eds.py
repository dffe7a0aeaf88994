"""An NHS Equality Delivery System assessment for one reporting year (EDS 2022 or EDS2)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from .bilingual import welsh
from .common import CharacteristicSlug, IsoDate, Model, Record
from .dates import PartialDate
from .published import numbers_as_text

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
    """The assessment's results as the body published them: what a page gives, with or without every
    outcome's grade. Where the outcomes are graded too, the report shows both and validate warns where they
    differ."""

    total: int | None = Field(None, ge=0, le=33, description="EDS 2022: the overall score as published (0 to 33).",
                              examples=[14])
    rating: Grade | None = Field(None, description="The overall rating as published.", examples=["Developing"])
    domains: dict[Literal["1", "2", "3", "4"], PublishedDomain] = Field(
        default_factory=dict, description="Each domain's (EDS 2022) or goal's (EDS2) result as published, by number.",
        examples=[{"1": {"score": 6}, "2": {"rating": "Developing"}}])
    note: str | None = Field(None, description="What the publication says that the figures alone do not: e.g. a total "
                             "stated two ways on one page.",
                             examples=["The summary table gives 15; the text gives 14, which is recorded here."])
    note_cy: str | None = welsh("note")

    _numbers_as_text = field_validator("domains", mode="before")(numbers_as_text)


class Eds(Record):
    """One EDS assessment (one reporting year)."""

    framework: Framework = Field(description="eds2022 or eds2.")
    period_start: IsoDate = Field(description="First day of the reporting year.")
    period_end: IsoDate = Field(description="Last day of the reporting year.")
    graded_on: PartialDate | None = Field(None, description="When the grading was agreed: a day, a month or a year.")
    graded_by: list[str] = Field(
        default_factory=list, description="Stakeholders who graded: staff networks, patients, partners."
    )
    graded_by_cy: list[str] | None = welsh("graded_by")
    outcomes: dict[str, EdsOutcome] = Field(
        default_factory=dict, description="Grading per outcome code (e.g. 1A or 2.1); those the publication gives.")
    published: PublishedEds | None = Field(
        None, description="The results as published: the overall total and rating, and each domain's score or "
        "rating, with or without the outcomes' grades.")
    summary: str | None = Field(None, description="Narrative summary of the year's assessment.")
    summary_cy: str | None = welsh("summary")
