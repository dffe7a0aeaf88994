"""A publication: what was published, when and where, meeting a duty."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import IsoDate, Record, Text

Duty = Literal[
    "diversity-pay-gaps",
    "equality-information",
    "equality-objectives",
    "annual-report",
    "strategic-equality-plan",
    "mainstreaming-report",
    "equality-outcomes",
    "scottish-pay-gap",
    "equal-pay-statement",
    "gender-pay-gap",
    "eds",
    "wres",
    "wdes",
    "modern-slavery",
    "other",
]


class Publication(Record):
    """One act of publication."""

    title: Text = Field(description="Title of the document or page.")
    duty: Duty = Field(description="Which duty the publication meets.")
    published: IsoDate = Field(description="The date it was published.")
    url: str | None = Field(None, description="Where it is published.")
    period: str | None = Field(None, description="The reporting year it covers, e.g. 2024-25.")
    records: list[str] = Field(
        default_factory=list, description="Records it publishes, as folder/id, e.g. eds/2024-25."
    )
    formats: list[str] = Field(default_factory=list, description="Alternative formats offered.")
