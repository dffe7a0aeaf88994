"""Gender pay gap figures, as SI 2017/353 Schedule 1 and SI 2017/172 regulations 6 to 13 define them.

Money is exact: amounts are ``Decimal`` as paid, and an hourly rate derived by division is a
``Fraction``. Every figure is computed on unrounded values and rounded once, at the end, to one
decimal place with halves rounded away from zero (``Decimal``'s ``ROUND_HALF_UP``). The figures are
keyed by the GOV.UK service's field names, in the order of its public download.

Positive gaps mean women are paid less; negative gaps mean men are paid less.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from itertools import accumulate, repeat, starmap
from math import gcd, lcm
from operator import add, floordiv, itemgetter, methodcaller, mul, truediv
from typing import Any, Literal, Protocol

from equitykit.metrics.figures import PERCENT_PLACES, round_half_up

Sex = Literal["male", "female"]
RecordedSex = Literal["male", "female", "other"]
"""A sex as a staff file records it: "other" is neither male nor female (or not known)."""
ExactAmount = Decimal | Fraction
"""An exact amount of money: a ``Decimal`` as paid, or a ``Fraction`` for a derived hourly rate."""

QUARTILE_NAMES = ("Lower", "LowerMiddle", "UpperMiddle", "Top")
"""The quartile pay bands from lowest to highest paid, as the GOV.UK field names spell them."""

FIGURE_NAMES = (
    "DiffMeanHourlyPercent",
    "DiffMedianHourlyPercent",
    "DiffMeanBonusPercent",
    "DiffMedianBonusPercent",
    "MaleBonusPercent",
    "FemaleBonusPercent",
    *(f"{sex}{band}Quartile" for band in QUARTILE_NAMES for sex in ("Male", "Female")),
)
"""The published figures, named and ordered as in the GOV.UK service's download."""

_HUNDRED = Fraction(100)
_first, _second = itemgetter(0), itemgetter(1)
_as_ratio = methodcaller("as_integer_ratio")
_PEOPLE = {"male": "men", "female": "women"}


class PayGapInputError(ValueError):
    """The employees given cannot produce pay gap figures: there are none, or one is invalid."""


class Paid(Protocol):
    """What the figures read of a relevant employee: full-pay relevance, hourly pay and bonus pay."""

    @property
    def full_pay_relevant(self) -> bool: ...
    @property
    def hourly_pay(self) -> ExactAmount | None: ...
    @property
    def bonus_pay(self) -> Decimal: ...


@dataclass(frozen=True, slots=True)
class Employee:
    """A relevant employee on the snapshot date.

    ``hourly_pay`` is needed only when the employee is full-pay relevant. ``bonus_pay`` is all bonus
    pay in the 12 months ending with the snapshot date, 0 when none was paid.
    """

    sex: RecordedSex
    full_pay_relevant: bool
    hourly_pay: ExactAmount | None
    bonus_pay: Decimal = Decimal(0)


@dataclass(frozen=True, slots=True)
class SexCounts:
    """Headcounts of one sex behind the figures."""

    relevant: int
    full_pay_relevant: int
    paid_bonus: int


@dataclass(frozen=True, slots=True)
class QuartileCount:
    """Men and women in one quartile pay band, after splitting ties (reg 13(2))."""

    name: str
    men: int
    women: int


@dataclass(frozen=True, slots=True)
class PayGapCounts:
    """The headcounts behind the figures."""

    male: SexCounts
    female: SexCounts
    quartiles: tuple[QuartileCount, ...]


@dataclass(frozen=True)
class PayGapResult:
    """The published figures (one decimal place), their unrounded values, counts and warnings.

    A figure is ``None`` when the regulations leave it undefined for these employees; a warning then
    says why.
    """

    figures: dict[str, Decimal | None]
    unrounded: dict[str, Fraction | None]
    counts: PayGapCounts
    warnings: list[str]


_Ratio = tuple[int, int]
"""An exact amount as (numerator, denominator) in lowest terms. Equal amounts give equal ratios,
whether Decimal or Fraction, and ratios hash and compare as fast as integers do."""


class PayDistribution:
    """Headcount per distinct amount, and the distinct amounts from lowest to highest.

    Held in one of two forms, each worked out from the other only when asked for:
    - ``headcounts``: each distinct amount as an exact ratio, with its headcount;
    - scaled (``PayDistribution.scaled``): each distinct amount as a whole number of one fraction of a pound
      (``scale``: 100 for pence), from lowest to highest, with its headcount, as a staff file read in native
      code gives them. The mean and median are worked out from these lists as they are, without a ratio or a
      dictionary entry per amount (a bonus distribution may hold an amount for nearly every employee).

    Its mean and median are worked out once, when first asked for (a reference group is compared with
    several groups). Two distributions are equal when they hold the same headcount of each amount.
    """

    __slots__ = ("_counted", "_ascending", "_scaled", "total", "statistics")

    def __init__(self, headcounts: Counter[_Ratio] | None, ascending: list[_Ratio] | None, total: int,
                 scaled: _Scaled | None = None) -> None:
        self._counted = headcounts
        self._ascending = ascending
        self._scaled = scaled
        self.total = total
        self.statistics: dict[str, Fraction] = {}

    @classmethod
    def of(cls, amounts: Sequence[ExactAmount | None]) -> PayDistribution:
        return cls.counted(_headcounts(amounts))

    @classmethod
    def counted(cls, headcounts: Counter[_Ratio]) -> PayDistribution:
        return cls(headcounts, None, headcounts.total())

    @classmethod
    def scaled(cls, amounts: list[int], headcounts: list[int], scale: int) -> PayDistribution:
        """From distinct amounts in whole numbers of ``1 / scale``, from lowest to highest, with their headcounts
        (none 0)."""
        return cls(None, None, sum(headcounts), _Scaled(amounts, headcounts, scale))

    @property
    def headcounts(self) -> Counter[_Ratio]:
        if self._counted is None:
            self._counted = Counter()
            dict.update(self._counted, zip(self.ascending, self._scaled.headcounts, strict=True))  # type: ignore[union-attr]
        return self._counted

    @property
    def ascending(self) -> list[_Ratio]:
        if self._ascending is None:
            if self._scaled is None:
                self._ascending = _ascending(self.headcounts)
            else:
                scale = self._scaled.scale
                amounts = self._scaled.amounts
                common = list(map(gcd, amounts, repeat(scale)))
                self._ascending = list(zip(map(floordiv, amounts, common), map(scale.__floordiv__, common),
                                           strict=True))
        return self._ascending

    def amount_sum(self) -> Fraction:
        """The exact sum of the amounts times their headcounts."""
        if self._scaled is not None:
            return Fraction(sum(map(mul, self._scaled.amounts, self._scaled.headcounts)), self._scaled.scale)
        return _sum(self.headcounts)

    def amounts_at(self, places: Iterable[int]) -> list[Fraction]:
        """The amounts of the employees at ``places`` (0 the lowest paid) when ranked from lowest to highest."""
        if self._scaled is not None:
            ends = list(accumulate(self._scaled.headcounts))
            return [Fraction(self._scaled.amounts[bisect_right(ends, place)], self._scaled.scale) for place in places]
        ends = list(accumulate(map(self.headcounts.__getitem__, self.ascending)))
        return [Fraction(*self.ascending[bisect_right(ends, place)]) for place in places]

    @staticmethod
    def on_each_amount(parts: Sequence[PayDistribution]) -> list[list[int]]:
        """Each part's headcount on each amount any part holds, the amounts from lowest to highest."""
        scales = {part._scaled.scale if part._scaled else None for part in parts if part.total}
        counted: list[Mapping[Any, int]]
        if len(scales) == 1 and None not in scales:  # whole numbers of one fraction: compared as they are
            counted = [dict(zip(part._scaled.amounts, part._scaled.headcounts, strict=True)) if part._scaled else {}
                       for part in parts]
            amounts: list[Any] = sorted(set().union(*counted))
        else:
            counted = [part.headcounts for part in parts]
            amounts = _ascending(set().union(*counted))
        return [list(map(counts.get, amounts, repeat(0))) for counts in counted]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PayDistribution):
            return NotImplemented
        return self.total == other.total and self.headcounts == other.headcounts

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"PayDistribution({dict(self.headcounts)!r}, total={self.total})"

    @classmethod
    def merged(cls, parts: Iterable[PayDistribution]) -> PayDistribution:
        """One distribution of everyone in the parts.

        The parts' headcounts are copied in whole, and the amounts in more than one part added up, all in C
        (``map`` over dict lookups); the amounts stay in runs from lowest to highest, which sort fast.
        """
        nonempty = [part for part in parts if part.total]
        if len(nonempty) == 1:
            return nonempty[0]
        headcounts: Counter[_Ratio] = Counter()
        for part in sorted(nonempty, key=lambda part: -len(part.headcounts)):
            shared = list(part.headcounts.keys() & headcounts.keys())
            sums = list(map(add, map(headcounts.__getitem__, shared), map(part.headcounts.__getitem__, shared)))
            dict.update(headcounts, part.headcounts)
            dict.update(headcounts, zip(shared, sums, strict=True))
        return cls.counted(headcounts)


@dataclass(frozen=True, slots=True)
class _Scaled:
    """Distinct amounts as whole numbers of ``1 / scale``, from lowest to highest, and their headcounts."""

    amounts: list[int]
    headcounts: list[int]
    scale: int


@dataclass(frozen=True, slots=True)
class PayTally:
    """One group's pay (one sex's, for the gender pay gap), reduced to headcounts per distinct amount."""

    relevant: int
    hourly_rates: PayDistribution
    bonuses: PayDistribution

    def counts(self) -> SexCounts:
        return SexCounts(self.relevant, self.hourly_rates.total, self.bonuses.total)

    @classmethod
    def merged(cls, parts: Sequence[PayTally]) -> PayTally:
        """One tally of everyone in the parts."""
        return cls(
            sum(part.relevant for part in parts),
            PayDistribution.merged(part.hourly_rates for part in parts),
            PayDistribution.merged(part.bonuses for part in parts),
        )


def hourly_rate(
    ordinary_pay: Decimal,
    period_bonus_pay: Decimal,
    pay_period_days: Decimal | int,
    weekly_hours: Decimal | int,
) -> Fraction:
    """Hourly rate of pay (reg 6), exactly.

    (ordinary pay + bonus pay pro-rated to the pay period) x 7 / days in the pay period / weekly
    working hours. A monthly £2,500 in April (30 days) for 37.5 hours a week gives £15.555...
    """
    if pay_period_days <= 0 or weekly_hours <= 0:
        raise ValueError("The days in the pay period and the weekly working hours must be positive.")
    # In integers, so that only one fraction is made: a reader may call this for every employee.
    ordinary, ordinary_scale = ordinary_pay.as_integer_ratio()
    bonus, bonus_scale = period_bonus_pay.as_integer_ratio()
    days, days_scale = pay_period_days.as_integer_ratio()
    hours, hours_scale = weekly_hours.as_integer_ratio()
    pay = ordinary * bonus_scale + bonus * ordinary_scale
    return Fraction(pay * 7 * days_scale * hours_scale, ordinary_scale * bonus_scale * days * hours)


def quartile_band_sizes(headcount: int) -> tuple[int, int, int, int]:
    """Headcounts of the lower, lower middle, upper middle and upper quartile pay bands.

    Equal headcounts, with GOV.UK's remainder rule: a first employee left over goes to the lower
    band, a second to the upper middle, a third to the lower middle.
    """
    base, spare = divmod(headcount, 4)
    return (base + (spare >= 1), base + (spare >= 3), base + (spare >= 2), base)


def pay_gap_figures(employees: Iterable[Employee]) -> PayGapResult:
    """The six gender pay gap figures (Sch 1 para 2(1)) for the relevant employees given.

    Hourly gaps and quartiles cover full-pay relevant employees; bonus gaps cover those paid a
    bonus; bonus proportions cover all relevant employees. Raises ``PayGapInputError`` when there
    are no employees or one is invalid. The result does not depend on the order of the employees.
    """
    men, women = _split_by_sex(employees)
    return pay_gap_figures_of(pay_tally(men), pay_tally(women))


def pay_gap_figures_of(male: PayTally, female: PayTally) -> PayGapResult:
    """The six figures from the men's and the women's pay, each reduced to headcounts per distinct
    amount (as ``pay_tally`` or a staff file reader's tallies give it); as ``pay_gap_figures``."""
    if not male.relevant and not female.relevant:
        raise PayGapInputError("No employees were given: the pay gap needs the relevant employees.")
    warnings: list[str] = []
    mean_hourly, median_hourly = _hourly_gaps(male, female, warnings)
    mean_bonus, median_bonus = _bonus_gaps(male, female, warnings)
    quartiles = _quartile_counts(male.hourly_rates, female.hourly_rates)
    unrounded: dict[str, Fraction | None] = {
        "DiffMeanHourlyPercent": mean_hourly,
        "DiffMedianHourlyPercent": median_hourly,
        "DiffMeanBonusPercent": mean_bonus,
        "DiffMedianBonusPercent": median_bonus,
        "MaleBonusPercent": _bonus_proportion(male, "male", warnings),
        "FemaleBonusPercent": _bonus_proportion(female, "female", warnings),
    }
    for quartile in quartiles:
        male_share = _male_share(quartile, warnings)
        unrounded[f"Male{quartile.name}Quartile"] = male_share
        unrounded[f"Female{quartile.name}Quartile"] = (
            None if male_share is None else _HUNDRED - male_share
        )
    counts = PayGapCounts(male.counts(), female.counts(), quartiles)
    return PayGapResult(_published(unrounded), unrounded, counts, warnings)


def _split_by_sex(employees: Iterable[Employee]) -> tuple[list[Employee], list[Employee]]:
    everyone = employees if isinstance(employees, Sequence) else list(employees)
    if not everyone:
        raise PayGapInputError("No employees were given: the pay gap needs the relevant employees.")
    men = [employee for employee in everyone if employee.sex == "male"]
    women = [employee for employee in everyone if employee.sex == "female"]
    if len(men) + len(women) < len(everyone):
        other = next(e.sex for e in everyone if e.sex not in _PEOPLE)
        raise PayGapInputError(f"An employee's sex is {other!r}: it must be 'male' or 'female'.")
    return men, women


def pay_tally(employees: Sequence[Paid]) -> PayTally:
    """Headcounts per distinct hourly rate and bonus amount, checked for negative pay."""
    rates = PayDistribution.of([e.hourly_pay for e in employees if e.full_pay_relevant])
    bonuses = PayDistribution.of([e.bonus_pay for e in employees if e.bonus_pay])
    if any(pay.ascending and pay.ascending[0][0] < 0 for pay in (rates, bonuses)):
        raise PayGapInputError("An employee's hourly or bonus pay is negative: pay cannot be below 0.")
    return PayTally(len(employees), rates, bonuses)


def _headcounts(amounts: Sequence[ExactAmount | None]) -> Counter[_Ratio]:
    """Headcount per distinct amount.

    Either way below counts any mix of amounts exactly; the type of the first picks the faster.
    Decimals hash fast (the hash is kept), so they are counted as they are and then converted once
    per distinct amount; Fractions hash slowly, so each is converted first.
    """
    try:
        if amounts and isinstance(amounts[0], Fraction):
            return Counter(map(_as_ratio, amounts))
        by_ratio: Counter[_Ratio] = Counter()
        for amount, headcount in Counter(amounts).items():
            ratio = _as_ratio(amount)
            by_ratio[ratio] = by_ratio.get(ratio, 0) + headcount
        return by_ratio
    except AttributeError:  # None has no ratio
        raise PayGapInputError("A full-pay relevant employee has no hourly pay: give one.") from None


def _ascending(ratios: Collection[_Ratio]) -> list[_Ratio]:
    """The ratios from lowest to highest value.

    Sorted by their floats, which is fast and exact while the floats are all different, since
    a < b gives float(a) <= float(b); otherwise sorted as fractions.
    """
    listed = list(ratios)
    try:
        values = list(starmap(truediv, listed))
    except OverflowError:  # an amount too large for a float: sorted exactly
        return sorted(listed, key=lambda ratio: Fraction(*ratio))
    if len(set(values)) < len(values):
        return sorted(listed, key=lambda ratio: Fraction(*ratio))
    # Keyed by the float alone, the sort compares floats at C speed (and runs of amounts already in
    # order, as merged distributions hold them, cost little).
    return list(map(_second, sorted(zip(values, listed, strict=True), key=_first)))


def _hourly_gaps(
    male: PayTally, female: PayTally, warnings: list[str]
) -> tuple[Fraction | None, Fraction | None]:
    for tally, sex in ((male, "male"), (female, "female")):
        if not tally.hourly_rates.total:
            warnings.append(
                f"There are no full-pay relevant {_PEOPLE[sex]}, so the hourly pay gaps are undefined."
            )
            return None, None
    return _gaps(male.hourly_rates, female.hourly_rates, "hourly pay", warnings)


def _bonus_gaps(
    male: PayTally, female: PayTally, warnings: list[str]
) -> tuple[Fraction | None, Fraction | None]:
    if not male.bonuses.total:
        warnings.append(
            "No man was paid a bonus, so the bonus gaps (percentages of men's bonus pay) are undefined."
        )
        return None, None
    if not female.bonuses.total:
        warnings.append("No woman was paid a bonus: both bonus gaps are 100%, as GOV.UK requires.")
        return _HUNDRED, _HUNDRED
    return _gaps(male.bonuses, female.bonuses, "bonus pay", warnings)


def _gaps(
    men: PayDistribution, women: PayDistribution, pay: str, warnings: list[str]
) -> tuple[Fraction | None, Fraction | None]:
    """Mean and median gaps: (men - women) / men x 100."""
    return (
        _gap(exact_mean(men), exact_mean(women), f"mean {pay}", warnings),
        _gap(exact_median(men), exact_median(women), f"median {pay}", warnings),
    )


def _gap(men: Fraction, women: Fraction, statistic: str, warnings: list[str]) -> Fraction | None:
    if men == 0:
        warnings.append(f"The men's {statistic} is 0, so its gap (a percentage of it) is undefined.")
        return None
    return (men - women) / men * 100


def exact_mean(pay: PayDistribution) -> Fraction:
    """Exact mean (worked out once per distribution)."""
    mean = pay.statistics.get("mean")
    if mean is None:
        mean = pay.statistics["mean"] = pay.amount_sum() / pay.total
    return mean


_COMMON_SCALE = 10**6
"""The largest common denominator under which amounts are summed as whole numbers of it, in C."""


def _sum(headcounts: Counter[_Ratio]) -> Fraction:
    """The exact sum of the amounts times their headcounts.

    Amounts in pounds and pence (or any few places) share a small common denominator: each is then a
    whole number of it, and the products are summed by ``map`` and ``sum`` in C. Others (derived hourly
    rates, of many denominators) are summed per denominator, so that few fractions are ever added.
    """
    amounts = list(headcounts)
    scale = lcm(*set(map(itemgetter(1), amounts)))
    if scale <= _COMMON_SCALE:
        scaled = map(mul, map(itemgetter(0), amounts), map(scale.__floordiv__, map(itemgetter(1), amounts)))
        return Fraction(sum(map(mul, scaled, headcounts.values())), scale)
    numerators: defaultdict[int, int] = defaultdict(int)
    for (numerator, denominator), headcount in headcounts.items():
        numerators[denominator] += numerator * headcount
    return sum((Fraction(n, d) for d, n in numerators.items()), Fraction(0))


def exact_median(pay: PayDistribution) -> Fraction:
    """The middle amount; for an even headcount, the mean of the two middle amounts (worked out once)."""
    median = pay.statistics.get("median")
    if median is None:
        lower, upper = pay.amounts_at(((pay.total - 1) // 2, pay.total // 2))
        median = pay.statistics["median"] = (lower + upper) / 2
    return median


def _bonus_proportion(tally: PayTally, sex: Sex, warnings: list[str]) -> Fraction | None:
    if not tally.relevant:
        warnings.append(
            f"There are no {_PEOPLE[sex]}, so the proportion of them paid a bonus is undefined."
        )
        return None
    return Fraction(tally.bonuses.total * 100, tally.relevant)


def _quartile_counts(men: PayDistribution, women: PayDistribution) -> tuple[QuartileCount, ...]:
    """Men and women in each quartile pay band of the full-pay relevant employees (reg 13).

    ``quartile_headcounts`` with men first: a tie block's men are shared out in proportion to its
    places in each band, and its women fill the other places.
    """
    bands = quartile_headcounts((men, women))
    return tuple(
        QuartileCount(name, band[0], band[1]) for name, band in zip(QUARTILE_NAMES, bands, strict=True)
    )


def quartile_headcounts(groups: Sequence[PayDistribution]) -> list[tuple[int, ...]]:
    """Each group's headcount in each quartile pay band (lower first), groups in the order given.

    The groups' full-pay relevant employees are ranked together by hourly rate, lowest first, and
    the employees on one rate form a block of places. A band gets every employee of the blocks
    wholly inside it. A block that straddles a band boundary is split so that each band gets (so
    far as possible) the same proportion of each group (reg 13(2), generalised from men and women
    to any groups): the first group's members are shared out in proportion to the block's places
    in each band, by largest remainder (floors first, then one more each to the largest
    remainders, the lower band first on equal remainders); each later group is shared out the
    same way over the places still free, and the last group fills the rest. With two groups this
    is the split of reg 13(2) for men (first) and women.
    """
    on_rate = PayDistribution.on_each_amount(groups)
    before = [[0, *accumulate(counts)] for counts in on_rate]  # per group: headcount below each block
    block_ends = list(accumulate(map(sum, zip(*on_rate, strict=True)))) if on_rate and on_rate[0] else []
    sizes = quartile_band_sizes(sum(group.total for group in groups))
    bands = _band_places(sizes)
    shared: dict[int, list[list[int]]] = {}

    def shared_out(block: int) -> list[list[int]]:
        """The block's headcount per group (outer) and band (inner)."""
        if block not in shared:
            block_start = block_ends[block - 1] if block else 0
            free = _places_per_band(block_start, block_ends[block], bands)
            shares = []
            for counts in on_rate[:-1]:
                share = _apportion(counts[block], free) if counts[block] else [0] * len(free)
                free = [places - taken for places, taken in zip(free, share, strict=True)]
                shares.append(share)
            shared[block] = [*shares, free]
        return shared[block]

    headcounts = []
    for band, (band_start, band_end) in enumerate(bands):
        if band_start == band_end:
            headcounts.append((0,) * len(groups))
            continue
        first = bisect_right(block_ends, band_start)  # the block of the band's first place
        last = bisect_left(block_ends, band_end)  # the block of its last place
        headcounts.append(tuple(
            max(0, below[last] - below[first + 1])  # the blocks wholly inside
            + sum(shared_out(block)[group][band] for block in {first, last})
            for group, below in enumerate(before)
        ))
    return headcounts


def _band_places(sizes: tuple[int, ...]) -> list[tuple[int, int]]:
    """Each band's ranked places, as (first, last + 1)."""
    ends = list(accumulate(sizes))
    return list(zip([0, *ends[:-1]], ends, strict=True))


def _places_per_band(start: int, end: int, bands: list[tuple[int, int]]) -> list[int]:
    """How many of the ranked places start to end - 1 fall in each band."""
    return [max(0, min(end, band_end) - max(start, band_start)) for band_start, band_end in bands]


def _apportion(total: int, weights: list[int]) -> list[int]:
    """Share total out in proportion to weights by largest remainder, lower index first on ties.

    No share exceeds its weight: a share is rounded up only when its quota has a fractional part.
    """
    whole = sum(weights)
    shares = [total * weight // whole for weight in weights]
    remainders = [total * weight % whole for weight in weights]
    spare = total - sum(shares)
    by_remainder = sorted(range(len(weights)), key=lambda index: -remainders[index])
    for index in by_remainder[:spare]:
        shares[index] += 1
    return shares


def _male_share(quartile: QuartileCount, warnings: list[str]) -> Fraction | None:
    size = quartile.men + quartile.women
    if not size:
        warnings.append(
            f"The {quartile.name} quartile pay band is empty (fewer than 4 full-pay relevant"
            " employees), so its proportions are undefined."
        )
        return None
    return Fraction(quartile.men * 100, size)


def _published(unrounded: dict[str, Fraction | None]) -> dict[str, Decimal | None]:
    """Round every figure to one decimal place.

    A band's female share is published as 100 minus the rounded male share, so the pair always adds
    up to 100 as GOV.UK checks. Rounding both independently could give 100.1 when the male share
    ends in exactly 5 hundredths (245 men of 2,000 is 12.25%: 12.3 and 87.8); this way the female
    share is rounded half down instead (87.7).
    """
    published = {
        name: None if value is None else round_half_up(value, PERCENT_PLACES)
        for name, value in unrounded.items()
    }
    for band in QUARTILE_NAMES:
        male = published[f"Male{band}Quartile"]
        if male is not None:
            published[f"Female{band}Quartile"] = 100 - male
    return published


def published_figures(result: PayGapResult) -> dict[str, float | None]:
    """The figures as record and JSON numbers: 13.6, never "13.6" or 13.600000000000001.

    Each figure is a ``Decimal`` with one decimal place, so the nearest float prints as exactly
    that decimal (Python prints the shortest text that reads back as the same float).
    """
    return {name: _number(value) for name, value in result.figures.items()}


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def record_counts(result: PayGapResult) -> dict[str, int]:
    """The headcounts behind the figures, named as the record's ``counts`` names them."""
    male, female = result.counts.male, result.counts.female
    return {
        "male_relevant": male.relevant,
        "female_relevant": female.relevant,
        "male_full_pay": male.full_pay_relevant,
        "female_full_pay": female.full_pay_relevant,
        "male_bonus": male.paid_bonus,
        "female_bonus": female.paid_bonus,
    }


def quartile_counts(result: PayGapResult) -> dict[str, dict[str, int]]:
    """Men and women in each quartile pay band, by GOV.UK band name (Lower ... Top)."""
    return {band.name: {"men": band.men, "women": band.women} for band in result.counts.quartiles}
