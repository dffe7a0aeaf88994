"""A consultation or involvement activity."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .bilingual import welsh
from .common import CharacteristicSlug, Record, Text
from .dates import PartialDate


class Engagement(Record):
    """One engagement or consultation activity."""

    title: Text = Field(description="What the activity was.")
    title_cy: Text | None = welsh("title")
    date: PartialDate = Field(description="When it took place (or started): a day, a month or a year.")
    end: PartialDate | None = Field(None, description="When it ended, for a consultation period: a day, a month or a "
                                     "year.")
    method: Literal["survey", "workshop", "focus-group", "meeting", "consultation", "event", "other"] = (
        Field(description="How people were involved.")
    )
    groups: list[Text] = Field(min_length=1, description="Who took part: networks, groups, forums.")
    groups_cy: list[Text] | None = welsh("groups", min_length=1)
    characteristics: list[CharacteristicSlug] = Field(default_factory=list,
                                                    description="Characteristics represented.")
    participants: int | None = Field(None, ge=0, description="How many took part, if known.")
    summary: str | None = Field(None, description="What people said.")
    summary_cy: str | None = welsh("summary")
    outcome: str | None = Field(None, description="What changed as a result ('you said, we did').")
    outcome_cy: str | None = welsh("outcome")
    records: list[str] = Field(default_factory=list, description="Related records, as folder/id.")
