"""An NHS Equality Delivery System assessment for one reporting year (EDS 2022 or EDS2)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .bilingual import welsh
from .common import CharacteristicSlug, IsoDate, Model, Record
from .dates import PartialDate

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


class Eds(Record):
    """One EDS assessment (one reporting year)."""

    framework: Framework = Field(description="eds2022 or eds2.")
    period_start: IsoDate = Field(description="First day of the reporting year.")
    period_end: IsoDate = Field(description="Last day of the reporting year.")
    graded_on: PartialDate | None = Field(None, description="When the grading was agreed.")
    graded_by: list[str] = Field(
        default_factory=list, description="Stakeholders who graded: staff networks, patients, partners."
    )
    graded_by_cy: list[str] | None = welsh("graded_by")
    outcomes: dict[str, EdsOutcome] = Field(description="Grading per outcome code (e.g. 1A or 2.1).")
    summary: str | None = Field(None, description="Narrative summary of the year's assessment.")
    summary_cy: str | None = welsh("summary")
