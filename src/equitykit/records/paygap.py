"""The published gender pay gap figures for a snapshot date, with the GOV.UK service's field names."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from .common import Count, IsoDate, Model, Record


def _gap(title: str) -> Any:
    return Field(None, le=100, title=title, description="Percentage gap: positive means women are paid less.")


def _share(title: str) -> Any:
    return Field(ge=0, le=100, title=title, description="Percentage, to at most one decimal place.")


EmployerSize = Literal[
    "Less than 250", "250 to 499", "500 to 999", "1000 to 4999", "5000 to 19,999", "20,000 or more"
]


class PayGapFigures(Model):
    """The six statutory figures (SI 2017/353 Schedule 1 para 2), named as on GOV.UK."""

    DiffMeanHourlyPercent: float = Field(le=100, title="Mean hourly pay gap (%)",
                                         description="Mean hourly pay gap (%).")
    DiffMedianHourlyPercent: float = Field(le=100, title="Median hourly pay gap (%)",
                                           description="Median hourly pay gap (%).")
    DiffMeanBonusPercent: float | None = _gap("Mean bonus pay gap (%)")
    DiffMedianBonusPercent: float | None = _gap("Median bonus pay gap (%)")
    MaleBonusPercent: float = _share("Men paid a bonus (%)")
    FemaleBonusPercent: float = _share("Women paid a bonus (%)")
    MaleLowerQuartile: float = _share("Men in the lower pay quarter (%)")
    FemaleLowerQuartile: float = _share("Women in the lower pay quarter (%)")
    MaleLowerMiddleQuartile: float = _share("Men in the lower middle pay quarter (%)")
    FemaleLowerMiddleQuartile: float = _share("Women in the lower middle pay quarter (%)")
    MaleUpperMiddleQuartile: float = _share("Men in the upper middle pay quarter (%)")
    FemaleUpperMiddleQuartile: float = _share("Women in the upper middle pay quarter (%)")
    MaleTopQuartile: float = _share("Men in the top pay quarter (%)")
    FemaleTopQuartile: float = _share("Women in the top pay quarter (%)")


class PayGapCounts(Model):
    """The numbers of employees behind the figures."""

    male_relevant: Count | None = Field(None, description="Male relevant employees.")
    female_relevant: Count | None = Field(None, description="Female relevant employees.")
    male_full_pay: Count | None = Field(None, description="Male full-pay relevant employees.")
    female_full_pay: Count | None = Field(None, description="Female full-pay relevant employees.")
    male_bonus: Count | None = Field(None, description="Men paid a bonus in the 12 months.")
    female_bonus: Count | None = Field(None, description="Women paid a bonus in the 12 months.")


class PayGap(Record):
    """Gender pay gap figures published for one snapshot date."""

    snapshot: IsoDate = Field(description="Snapshot date: 31 March for public bodies.")
    figures: PayGapFigures = Field(description="The six statutory figures.")
    counts: PayGapCounts | None = Field(None, description="Headcounts used, from paygap compute.")
    employer_size: EmployerSize | None = Field(None, description="Size band as on GOV.UK.")
    link: str | None = Field(None, max_length=255, description="CompanyLinkToGPGInfo: the web page.")
    responsible_person: str | None = Field(None, description="Role of the person responsible.")
    submitted: IsoDate | None = Field(None, description="When the figures were submitted to GOV.UK.")
    narrative: str | None = Field(None, description="What explains the gap and what the body is doing.")
