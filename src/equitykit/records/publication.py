"""A publication: what was published, when and where, meeting a duty."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from ..i18n import N_
from .bilingual import welsh
from .common import Record, Text
from .dates import PartialDate

Duty = Literal[
    "diversity-pay-gaps",
    "equality-information",
    "equality-objectives",
    "annual-report",
    "strategic-equality-plan",
    "mainstreaming-report",
    "equality-outcomes",
    "equality-outcomes-progress",
    "scottish-pay-gap",
    "equal-pay-statement",
    "gender-pay-gap",
    "eds",
    "wres",
    "wdes",
    "modern-slavery",
    "accessible-information",
    "other",
]
"""`accessible-information` is an Accessible Information Standard statement (DAPB1605): recorded
and listed, with no fixed publication date; `other` meets no duty. In Scotland, a `mainstreaming-report` meets
`equality-outcomes-progress` too (the two are usually one report); `equality-outcomes-progress` is for a report on
the outcomes published on its own."""

DUTY_NAMES: dict[str, str] = {
    "equality-information": N_("Equality information"), "equality-objectives": N_("Equality objectives"),
    "annual-report": N_("Annual equality report"), "strategic-equality-plan": N_("Strategic equality plan"),
    "mainstreaming-report": N_("Mainstreaming report"), "equality-outcomes": N_("Equality outcomes"),
    "equality-outcomes-progress": N_("Progress on equality outcomes"),
    "scottish-pay-gap": N_("Gender pay gap (Scotland)"), "equal-pay-statement": N_("Equal pay statement"),
    "gender-pay-gap": N_("Gender pay gap"),
    "diversity-pay-gaps": N_("Ethnicity, disability and sexual orientation pay gaps"),
    "eds": N_("EDS"), "wres": N_("WRES"), "wdes": N_("WDES"),
    "modern-slavery": N_("Modern slavery statement"), "accessible-information": N_("Accessible Information Standard"),
    "other": N_("Other"),
}
"""Each duty's name in English; translated where shown, with `_()` (the Welsh is in the calendar catalogue)."""

PublicationStatus = Literal["planned", "draft", "published"]
PUBLICATION_STATUS_WORDS: dict[str, str] = {"planned": N_("planned"), "draft": N_("draft"),
                                             "published": N_("published")}
"""Each publication status in words (translate with `_`), as a note reads: in hand, draft."""
Scope = Literal["organisation", "system"]


class Publication(Record):
    """One act of publication."""

    title: Text = Field(description="Title of the document or page.")
    title_cy: Text | None = welsh("title")
    duty: Duty = Field(description="Which duty the publication meets.")
    status: PublicationStatus = Field(
        "published", description="published (the default), or planned or draft: in hand, meeting no duty "
        "until published. A publication known to be out whose date the source does not give is published "
        "without a published: date.")
    published: PartialDate | None = Field(
        None, description="The date it was published: a day, a month or a year (left out when the source does "
        "not give it; validate then warns).")
    published_by: PartialDate | None = Field(
        None, description="The date by which it is known to be out, when the source gives no date of its own: e.g. "
        "the date of a page that lists it as published (a day, a month or a year). The calendar counts it for the "
        "cycle the date falls in, or an earlier one, never a later one.", examples=["2023-07-14"])
    planned: PartialDate | None = Field(None, description="The date a planned or draft publication is expected: a day, "
                                       "a month or a year.")
    scope: Scope = Field(
        "organisation", description="system: a statement published for the whole integrated care system.")
    url: str | None = Field(None, description="Where it is published.")
    period: str | None = Field(None, description="The reporting year it covers, e.g. 2024-25.")
    records: list[str] = Field(
        default_factory=list, description="Records it publishes, as folder/id, e.g. eds/2024-25."
    )
    formats: list[str] = Field(default_factory=list, description="Alternative formats offered.")

    @property
    def published_on(self) -> PartialDate:
        """The published date of a publication that is out with its date (callers keep only those)."""
        if self.published is None:
            raise ValueError(f"{self.id} has no published date")
        return self.published

    @property
    def is_out(self) -> bool:
        """Whether it has been published (status published), with its date or without: a publication known to be
        out whose date the source does not give."""
        return self.status == "published"

    @property
    def is_dated(self) -> bool:
        """Whether it is out with its published date."""
        return self.is_out and self.published is not None

    @property
    def is_out_by(self) -> bool:
        """Whether it is out with no published date but a date it is known to be out by (`published_by`)."""
        return self.is_out and self.published is None and self.published_by is not None

    @property
    def out_between(self) -> tuple[dt.date | None, dt.date | None]:
        """The first and last days it may have come out on, from what the record says: its published date, and
        the date it is known to be out by (the earlier of the two last days). None where the record cannot tell:
        the first day of one known only to be out by a date, the last day of one with neither."""
        first = None if self.published is None else self.published.earliest
        lasts = [day.latest for day in (self.published, self.published_by) if day is not None]
        return first, min(lasts, default=None)

    @property
    def known_date(self) -> PartialDate | None:
        """The date to place it by: its published date, else the date it was out by."""
        return self.published or self.published_by
