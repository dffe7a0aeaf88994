"""Published pay gap figures for a snapshot date: the gender pay gap with the GOV.UK service's field
names, or an ethnicity, disability or sexual orientation pay gap (one record per characteristic)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from .bilingual import welsh
from .common import Count, IsoDate, Model, Record
from .dates import PartialDate


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


PayGapCharacteristic = Literal["sex", "ethnicity", "disability", "sexual-orientation"]
PayGapGroup = Literal[
    "white", "white-british", "white-irish", "white-other", "ethnic-minority", "mixed", "asian", "black",
    "other", "not-disabled", "disabled", "heterosexual", "lgb-plus",
]
GroupGap = Field(None, le=100, description="Percentage gap: (reference - group) / reference; positive means "
                                            "the group is paid less.")
GroupShare = Field(None, ge=0, le=100, description="Percentage, to at most one decimal place.")


class GroupFigures(Model):
    """One group against the reference group; null when not computed (the reason says why)."""

    mean_hourly_gap: float | None = GroupGap
    median_hourly_gap: float | None = GroupGap
    mean_bonus_gap: float | None = GroupGap
    median_bonus_gap: float | None = GroupGap
    group_bonus_percent: float | None = Field(None, ge=0, le=100, description="Percentage of the group paid a bonus.")
    reference_bonus_percent: float | None = Field(
        None, ge=0, le=100, description="Percentage of the reference group paid a bonus.")


class GroupComparison(Model):
    """The figures of one group compared with the reference group."""

    group: PayGapGroup = Field(description="The group compared, e.g. ethnic-minority or disabled.")
    headcount: Count = Field(description="Full-pay relevant staff in the group.")
    figures: GroupFigures = Field(description="The gaps and bonus proportions.")
    reason: str | None = Field(None, description="Why a figure is null, e.g. a group too small to compare.")
    reason_cy: str | None = welsh("reason")


class Disclosure(Model):
    """How many relevant staff disclosed the characteristic."""

    disclosed: Count = Field(description="Relevant staff who disclosed it.")
    total: Count = Field(description="All relevant staff.")
    percent: float | None = Field(None, ge=0, le=100, description="Disclosure rate (%).")


class GroupQuartiles(Model):
    """Each group's percentage of each quartile pay band, lowest paid first."""

    lower: dict[str, float | None] = Field(description="Lower quartile: group to percentage.")
    lower_middle: dict[str, float | None] = Field(description="Lower middle quartile: group to percentage.")
    upper_middle: dict[str, float | None] = Field(description="Upper middle quartile: group to percentage.")
    upper: dict[str, float | None] = Field(description="Upper quartile: group to percentage.")


class PayGap(Record):
    """Pay gap figures published for one snapshot date: the gender pay gap (the default), or one other
    characteristic's pay gaps, in a record of its own named <snapshot>-<characteristic>."""

    characteristic: PayGapCharacteristic = Field(
        "sex", description="sex for the statutory gender pay gap; or ethnicity, disability or sexual-orientation.")
    snapshot: IsoDate = Field(description="Snapshot date: 31 March for public bodies.")
    figures: PayGapFigures | None = Field(None, description="The six statutory figures (the gender pay gap).")
    reference: PayGapGroup | None = Field(None, description="The reference group every group is compared with.")
    disclosure: Disclosure | None = Field(None, description="How many staff disclosed the characteristic.")
    comparisons: list[GroupComparison] | None = Field(
        None, description="Each group against the reference group (not for sex).")
    quartiles: GroupQuartiles | None = Field(None, description="Each group's share of each quartile pay band.")
    counts: PayGapCounts | None = Field(None, description="Headcounts used, from paygap compute.")
    employer_size: EmployerSize | None = Field(None, description="Size band as on GOV.UK.")
    link: str | None = Field(None, max_length=255, description="CompanyLinkToGPGInfo: the web page.")
    responsible_person: str | None = Field(None, description="Role of the person responsible.")
    responsible_person_cy: str | None = welsh("responsible_person")
    submitted: PartialDate | None = Field(None, description="When the figures were submitted to GOV.UK.")
    narrative: str | None = Field(None, description="What explains the gap and what the body is doing.")
    narrative_cy: str | None = welsh("narrative")

    @model_validator(mode="after")
    def _figures_fit_the_characteristic(self) -> PayGap:
        if self.characteristic == "sex":
            if self.figures is None:
                raise ValueError("a gender pay gap record needs `figures`: the six statutory figures")
            extra = [key for key in ("reference", "disclosure", "comparisons", "quartiles")
                     if getattr(self, key) is not None]
            if extra:
                raise ValueError(f"`{extra[0]}` belongs to an ethnicity, disability or sexual orientation pay gap; "
                                 "set `characteristic` or remove it")
            return self
        if self.figures is not None:
            raise ValueError("`figures` holds the gender pay gap's figures; a "
                             f"{self.characteristic} pay gap puts its figures under `comparisons`")
        missing = [key for key in ("reference", "disclosure", "comparisons") if getattr(self, key) is None]
        if missing:
            raise ValueError(f"a {self.characteristic} pay gap record needs `{missing[0]}`; write it with "
                             "`equitykit paygap compute --by ... --write`")
        return self
