"""Published pay gap figures for a snapshot date: the gender pay gap with the GOV.UK service's field
names, or an ethnicity, disability or sexual orientation pay gap (one record per characteristic)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from .bilingual import welsh
from .common import Count, IsoDate, Model, Record
from .dates import PartialDate


def _gap(title: str) -> Any:
    return Field(None, le=100, title=title, description=f"{title}: positive means women are paid less.")


def _share(title: str) -> Any:
    return Field(None, ge=0, le=100, title=title, description=f"{title}, to at most one decimal place.")


EmployerSize = Literal[
    "Less than 250", "250 to 499", "500 to 999", "1000 to 4999", "5000 to 19,999", "20,000 or more"
]
BONUS_GAPS = ("DiffMeanBonusPercent", "DiffMedianBonusPercent")
"""The figures that may be null in a full set: no man (or no woman) was paid a bonus."""


class PayGapFigures(Model):
    """The statutory figures (SI 2017/353 Schedule 1 para 2), named as on GOV.UK: the fourteen numbers, or
    as many of them as were published (older reports often give only the gaps). A figure left out was not
    published; 0 is a figure. A bonus gap written as null is one that cannot be computed (no bonuses)."""

    DiffMeanHourlyPercent: float | None = _gap("Mean hourly pay gap (%)")
    DiffMedianHourlyPercent: float | None = _gap("Median hourly pay gap (%)")
    DiffMeanBonusPercent: float | None = _gap("Mean bonus pay gap (%)")
    DiffMedianBonusPercent: float | None = _gap("Median bonus pay gap (%)")
    MaleBonusPercent: float | None = _share("Men paid a bonus (%)")
    FemaleBonusPercent: float | None = _share("Women paid a bonus (%)")
    MaleLowerQuartile: float | None = _share("Men in the lower pay quarter (%)")
    FemaleLowerQuartile: float | None = _share("Women in the lower pay quarter (%)")
    MaleLowerMiddleQuartile: float | None = _share("Men in the lower middle pay quarter (%)")
    FemaleLowerMiddleQuartile: float | None = _share("Women in the lower middle pay quarter (%)")
    MaleUpperMiddleQuartile: float | None = _share("Men in the upper middle pay quarter (%)")
    FemaleUpperMiddleQuartile: float | None = _share("Women in the upper middle pay quarter (%)")
    MaleTopQuartile: float | None = _share("Men in the top pay quarter (%)")
    FemaleTopQuartile: float | None = _share("Women in the top pay quarter (%)")

    def given(self, name: str) -> bool:
        """Whether the figure was published: written with a number, or a bonus gap written as null."""
        return name in self.model_fields_set and (getattr(self, name) is not None or name in BONUS_GAPS)

    def missing(self) -> list[str]:
        """The figures of the statutory set not published, in GOV.UK order."""
        return [name for name in type(self).model_fields if not self.given(name)]


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


class PeerFigure(Model):
    """One figure of the body against its peers: null where fewer than two peers have it."""

    body: float | None = Field(None, description="The body's own figure.")
    peers: Count = Field(description="How many peers have the figure.")
    median: float | None = Field(None, description="The peers' median.")
    lower_quartile: float | None = Field(None, description="The peers' lower quartile (statistics.quantiles, "
                                                            "inclusive).")
    upper_quartile: float | None = Field(None, description="The peers' upper quartile.")
    percentile: float | None = Field(None, ge=0, le=100, description="Where the body stands: 100 x (peers "
                                                                      "below + half the peers equal) / peers.")


class PeerGroup(Model):
    """Where the body stands among its peers on the GOV.UK service, from `equitykit paygap peers --write`."""

    count: Count = Field(description="How many peers there are.")
    sic_codes: list[str] | None = Field(None, description="The SIC codes a peer shares with the body (any one), "
                                                          "or null when peers are chosen by name only.")
    size: EmployerSize | None = Field(None, description="The size band peers share with the body, if chosen by size.")
    name_matches: str | None = Field(None, description="The pattern the peers' names match, if chosen by name.")
    employers: list[str] = Field(default_factory=list, description="The peers' names, as on GOV.UK.")
    figures: dict[str, PeerFigure] = Field(description="Each figure compared, by its GOV.UK name.")


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
    submitted: PartialDate | None = Field(None, description="When the figures were submitted to GOV.UK: a day, a "
                                                            "month or a year.")
    imported_from: Literal["gov.uk"] | None = Field(
        None, description="gov.uk when the figures were imported as published on the GOV.UK gender pay gap "
                          "service (`equitykit paygap import`), without the counts behind them.")
    peers: PeerGroup | None = Field(None, description="Where the body stands among its peers on GOV.UK "
                                                      "(`equitykit paygap peers --write`).")
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
