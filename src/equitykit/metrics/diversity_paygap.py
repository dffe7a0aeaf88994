"""Ethnicity, disability and sexual orientation pay gaps, with the gender pay gap's definitions.

The government's ethnicity pay reporting guidance (2023) and NHS England's diversity pay gap
reports use the pay definitions of the gender pay gap regulations (SI 2017/353 Sch 1): hourly
figures over full-pay relevant staff, bonus figures over relevant staff, quartiles over all
full-pay relevant staff. Each comparison sets one group against a reference group:
``(reference - group) / reference x 100``, so a positive gap means the group is paid less.

Staff who did not disclose are left out of every gap, counted in the quartiles as
``not-disclosed``, and give the disclosure rate. A comparison with fewer than ``min_group``
full-pay relevant staff on either side is not made: its figures are null with the reason.
Every figure is exact until it is rounded half up to one decimal place.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from ..i18n import N_
from ..records.ethnicity import ETHNIC_CATEGORIES, UNKNOWN_CODES, broad_group
from .figures import PERCENT_PLACES, Figure, figure, percentage, unknown
from .paygap import (
    ExactAmount,
    PayDistribution,
    PayGapInputError,
    PayTally,
    exact_mean,
    exact_median,
    pay_tally,
    quartile_headcounts,
)

Characteristic = Literal["ethnicity", "disability", "sexual-orientation"]
EthnicityReference = Literal["white", "white-british"]
NOT_DISCLOSED = "not-disclosed"
QUARTILE_KEYS = ("lower", "lower_middle", "upper_middle", "upper")
"""The quartile pay bands from lowest to highest paid, as the JSON output names them."""
DEFAULT_MIN_GROUP = 10

KNOWN_ETHNIC_CODES = tuple(code for code in ETHNIC_CATEGORIES if code not in UNKNOWN_CODES)
"""The NHS ethnic category codes of staff who told their ethnicity (A to S)."""
_BROAD_ETHNIC_GROUPS = {group: frozenset(code for code in KNOWN_ETHNIC_CODES if broad_group(code) == group)
                        for group in ("mixed", "asian", "black", "other")}
DISABILITY_VALUES = ("not-disabled", "disabled")
SEXUAL_ORIENTATION_VALUES = ("heterosexual", "gay-or-lesbian", "bisexual", "other")


@dataclass(frozen=True, slots=True)
class StaffMember:
    """A relevant employee with one characteristic's value: ``None`` when not disclosed.

    The value is an NHS ethnic category code (``"A"``), one of ``DISABILITY_VALUES`` or one of
    ``SEXUAL_ORIENTATION_VALUES``. Pay is as for ``paygap.Employee``.
    """

    value: str | None
    full_pay_relevant: bool
    hourly_pay: ExactAmount | None
    bonus_pay: Decimal = Decimal(0)


@dataclass(frozen=True)
class Grouping:
    """The reference group, the pooled comparison group and the other groups compared.

    ``groups`` maps each group's name to the values it holds: the reference first, then the
    pooled group, then any finer groups. The reference and pooled groups hold every disclosed value
    between them, each once.
    """

    characteristic: Characteristic
    groups: dict[str, frozenset[str]]

    @property
    def reference(self) -> str:
        return next(iter(self.groups))

    @property
    def pooled(self) -> str:
        return list(self.groups)[1]


def grouping(characteristic: Characteristic, reference: EthnicityReference = "white") -> Grouping:
    """The groups compared for a characteristic; ``reference`` matters only for ethnicity.

    Ethnicity: ``white`` (A, B, C) or ``white-british`` (A) against ``ethnic-minority`` (every other
    code) and the broad groups, with ``white-irish`` and ``white-other`` too when the reference is
    White British. Disability: ``not-disabled`` against ``disabled``. Sexual orientation:
    ``heterosexual`` against ``lgb-plus`` (gay or lesbian, bisexual, other).
    """
    if characteristic == "disability":
        return Grouping(characteristic, {"not-disabled": frozenset({"not-disabled"}),
                                         "disabled": frozenset({"disabled"})})
    if characteristic == "sexual-orientation":
        return Grouping(characteristic, {"heterosexual": frozenset({"heterosexual"}),
                                         "lgb-plus": frozenset(SEXUAL_ORIENTATION_VALUES[1:])})
    white = "A" if reference == "white-british" else "ABC"
    finer = {"white-irish": "B", "white-other": "C"} if reference == "white-british" else {}
    return Grouping(characteristic, {
        reference: frozenset(white),
        "ethnic-minority": frozenset(set(KNOWN_ETHNIC_CODES) - set(white)),
        **{name: frozenset(codes) for name, codes in finer.items()},
        **_BROAD_ETHNIC_GROUPS,
    })


@dataclass(frozen=True)
class ComparisonFigures:
    """The figures of one comparison, each rounded for publication with its exact value."""

    mean_hourly_gap: Figure
    median_hourly_gap: Figure
    mean_bonus_gap: Figure
    median_bonus_gap: Figure
    group_bonus_percent: Figure
    reference_bonus_percent: Figure


@dataclass(frozen=True)
class GroupCounts:
    """Headcounts of one group: relevant, full-pay relevant, and paid a bonus."""

    relevant: int
    full_pay_relevant: int
    paid_bonus: int


@dataclass(frozen=True)
class Comparison:
    """One group against the reference: ``reason`` says why any figure is null."""

    group: str
    headcount: int
    figures: ComparisonFigures
    reason: str | None


@dataclass(frozen=True)
class DiversityPayGap:
    """A characteristic's pay gaps: every comparison, the disclosure rate and the quartile shares.

    ``quartiles`` maps each band (``QUARTILE_KEYS``) to each group's share of it (reference,
    pooled group, ``not-disclosed``); ``quartile_counts`` holds the headcounts behind them.
    """

    characteristic: Characteristic
    reference: str
    reference_counts: GroupCounts
    disclosed: int
    total: int
    disclosure: Figure
    comparisons: tuple[Comparison, ...]
    quartiles: dict[str, dict[str, Figure]]
    quartile_counts: dict[str, dict[str, int]]


def diversity_pay_gaps(
    staff: Iterable[StaffMember], groups: Grouping, min_group: int = DEFAULT_MIN_GROUP
) -> DiversityPayGap:
    """The pay gaps of ``groups`` for the relevant staff given.

    Raises ``PayGapInputError`` when there are no staff or one is invalid (negative pay, or no
    hourly pay though full-pay relevant). The result does not depend on the order of the staff.
    """
    return diversity_pay_gaps_of(_tallies_by_value(staff), groups, min_group)


def diversity_pay_gaps_of(by_value: dict[str | None, PayTally], groups: Grouping,
                          min_group: int = DEFAULT_MIN_GROUP) -> DiversityPayGap:
    """The pay gaps of ``groups`` from each value's pay (``None``: not disclosed), reduced to headcounts
    per distinct amount (as ``pay_tally`` or a staff file reader's tallies give it); as ``diversity_pay_gaps``."""
    return diversity_pay_gaps_of_groups(GroupTallies.of(by_value, groups), groups, min_group)


@dataclass(frozen=True)
class GroupTallies:
    """The pay of each group compared (``Grouping.groups``, by name; a value's staff are in each of its
    groups), the pay of the staff who did not disclose, and how many relevant staff there are in all."""

    groups: dict[str, PayTally]
    undisclosed: PayTally
    total: int

    @classmethod
    def of(cls, by_value: Mapping[str | None, PayTally], groups: Grouping) -> GroupTallies:
        """Each value's pay (``None``: not disclosed) merged into the groups holding the value."""
        return cls({name: PayTally.merged([by_value[v] for v in values if v in by_value])
                    for name, values in groups.groups.items()},
                   by_value.get(None) or PayTally.merged([]), sum(tally.relevant for tally in by_value.values()))


def diversity_pay_gaps_of_groups(tallies: GroupTallies, groups: Grouping,
                                 min_group: int = DEFAULT_MIN_GROUP) -> DiversityPayGap:
    """The pay gaps of ``groups`` from each group's pay, as ``diversity_pay_gaps_of`` gives them from each
    value's (a staff file reader can merge the values' pay into groups on its own, faster)."""
    if not tallies.total:
        raise PayGapInputError("No employees were given: the pay gap needs the relevant employees.")
    reference = tallies.groups[groups.reference]
    comparisons = tuple(
        _comparison(name, tallies.groups[name], reference, min_group) for name in list(groups.groups)[1:]
    )
    partition = {groups.reference: reference, groups.pooled: tallies.groups[groups.pooled],
                 NOT_DISCLOSED: tallies.undisclosed}
    counts, shares = _quartiles(partition)
    disclosed = tallies.total - tallies.undisclosed.relevant
    return DiversityPayGap(
        groups.characteristic, groups.reference, _counts(reference), disclosed, tallies.total,
        percentage(disclosed, tallies.total, "There are no relevant staff."), comparisons, shares, counts,
    )


def _tallies_by_value(staff: Iterable[StaffMember]) -> dict[str | None, PayTally]:
    members: defaultdict[str | None, list[StaffMember]] = defaultdict(list)
    for member in staff:
        members[member.value].append(member)
    return {value: pay_tally(listed) for value, listed in members.items()}


def _counts(tally: PayTally) -> GroupCounts:
    return GroupCounts(tally.relevant, tally.hourly_rates.total, tally.bonuses.total)


def _comparison(name: str, group: PayTally, reference: PayTally, min_group: int) -> Comparison:
    headcount = group.hourly_rates.total
    least = max(min_group, 1)  # a gap needs at least one person on each side
    small = [side for side, tally in (("group", group), ("reference group", reference))
             if tally.hourly_rates.total < least]
    if small:
        reason = (f"Not compared: the {' and the '.join(small)} {'has' if len(small) == 1 else 'have'} "
                  f"fewer than {least} full-pay relevant staff, too few to compare without "
                  "identifying people.")
        nothing = unknown(reason)
        return Comparison(name, headcount, ComparisonFigures(*[nothing] * 6), reason)
    reasons: list[str] = []
    mean_hourly, median_hourly = _gaps(reference.hourly_rates, group.hourly_rates, "hourly pay", reasons)
    mean_bonus, median_bonus = _bonus_gaps(reference, group, reasons)
    figures = ComparisonFigures(
        mean_hourly, median_hourly, mean_bonus, median_bonus,
        percentage(group.bonuses.total, group.relevant, "There are no relevant staff in the group."),
        percentage(reference.bonuses.total, reference.relevant, "There are no relevant staff in the reference group."),
    )
    return Comparison(name, headcount, figures, " ".join(reasons) or None)


def _gaps(reference: PayDistribution, group: PayDistribution, pay: str, reasons: list[str]) -> tuple[Figure, Figure]:
    """Mean and median gaps: (reference - group) / reference x 100."""
    return (
        _gap(exact_mean(reference), exact_mean(group), f"mean {pay}", reasons, min(reference.total, group.total)),
        _gap(exact_median(reference), exact_median(group), f"median {pay}", reasons,
             min(reference.total, group.total)),
    )


def _gap(reference: Fraction, group: Fraction, statistic: str, reasons: list[str], smallest: int) -> Figure:
    if reference == 0:
        reason = f"The reference group's {statistic} is 0, so its gap (a percentage of it) is undefined."
        reasons.append(reason)
        return unknown(reason, smallest)
    return figure((reference - group) / reference * 100, PERCENT_PLACES, smallest)


def _bonus_gaps(reference: PayTally, group: PayTally, reasons: list[str]) -> tuple[Figure, Figure]:
    """Bonus gaps over those paid a bonus; 100 when only the reference group was paid one (GOV.UK)."""
    if not reference.bonuses.total:
        reason = "No one in the reference group was paid a bonus, so the bonus gaps are undefined."
        reasons.append(reason)
        return unknown(reason, 0), unknown(reason, 0)
    if not group.bonuses.total:
        hundred = figure(Fraction(100), PERCENT_PLACES, 0)
        return hundred, hundred
    return _gaps(reference.bonuses, group.bonuses, "bonus pay", reasons)


def _quartiles(partition: dict[str, PayTally]) -> tuple[dict[str, dict[str, int]], dict[str, dict[str, Figure]]]:
    """Each group's headcount and share of each quartile pay band."""
    names = list(partition)
    bands = quartile_headcounts([tally.hourly_rates for tally in partition.values()])
    counts = {key: dict(zip(names, band, strict=True)) for key, band in zip(QUARTILE_KEYS, bands, strict=True)}
    shares = {
        key: {name: percentage(count, sum(band.values()), "The band is empty (fewer than 4 full-pay relevant staff).",
                               count)
              for name, count in band.items()}
        for key, band in counts.items()
    }
    return counts, shares



GROUP_LABELS = {
    "white": N_("White"),
    "white-british": N_("White British"),
    "white-irish": N_("White Irish"),
    "white-other": N_("Any other White background"),
    "ethnic-minority": N_("ethnic minority"),
    "mixed": N_("Mixed or Multiple ethnic groups"),
    "asian": N_("Asian or Asian British"),
    "black": N_("Black or Black British"),
    "other": N_("Other ethnic group"),
    "not-disabled": N_("not disabled"),
    "disabled": N_("disabled"),
    "heterosexual": N_("heterosexual"),
    "lgb-plus": N_("gay, lesbian, bisexual or other (LGB+)"),
    NOT_DISCLOSED: N_("not disclosed"),
}
"""How each group is written for people, in every output, as within a sentence."""


def group_label(group: str) -> str:
    """A group's label to start a sentence or head a column: "Disabled", "White British"."""
    label = GROUP_LABELS[group]
    return label[:1].upper() + label[1:]


def gap_reading(group: str, reference: str, gap: Decimal | float | None, pay: str, reason: str | None = None) -> str:
    """A published gap in plain English, from the group's side: "disabled staff's median hourly pay is 12.7%
    lower than that of not disabled staff."; when it is null, that it cannot be computed and why."""
    them, us = f"{GROUP_LABELS[group]} staff", f"{GROUP_LABELS[reference]} staff"
    if gap is None:
        return f"the {pay} gap cannot be computed. {reason or ''}".strip()
    if gap == 0:
        return f"no gap: {them} and {us} have the same {pay}."
    direction = "lower" if gap > 0 else "higher"
    size = abs(Decimal(repr(gap)) if isinstance(gap, float) else gap)
    return f"{them}'s {pay} is {size:f}% {direction} than that of {us}."


CHARACTERISTIC_LABELS = {"ethnicity": N_("Ethnicity"), "disability": N_("Disability"),
                         "sexual-orientation": N_("Sexual orientation")}
DISCLOSED_WHAT = {"ethnicity": "their ethnicity", "disability": "whether they are disabled",
                  "sexual-orientation": "their sexual orientation"}
"""What staff who disclosed told, for "1,200 of 1,300 staff told us ..."."""


def default_reference(sector: str | None) -> EthnicityReference:
    """``white`` for NHS bodies (as NHS England reports), ``white-british`` for others (as GOV.UK frames it)."""
    if sector is None:
        return "white-british"
    from ..records.organisation import NHS_SECTORS  # the record models: only when a sector is known

    return "white" if sector in NHS_SECTORS else "white-british"


def published(result: DiversityPayGap) -> dict[str, object]:
    """The figures as JSON-ready numbers (one decimal place, null when not computed), keyed as the
    JSON output and the record write them."""
    return {
        "characteristic": result.characteristic,
        "reference": result.reference,
        "disclosure": {"disclosed": result.disclosed, "total": result.total,
                       "percent": _number(result.disclosure)},
        "comparisons": [
            {"group": comparison.group, "headcount": comparison.headcount,
             "figures": {name: _number(getattr(comparison.figures, name))
                         for name in ComparisonFigures.__dataclass_fields__},
             "reason": comparison.reason}
            for comparison in result.comparisons
        ],
        "quartiles": {band: {group: _number(share) for group, share in shares.items()}
                      for band, shares in result.quartiles.items()},
    }


def _number(value: Figure) -> float | None:
    """A rounded figure as a float that prints as exactly its one-decimal value (13.6, never 13.600000000000001)."""
    return None if value.value is None else float(value.value)
