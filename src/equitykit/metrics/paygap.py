"""Gender pay gap figures, as SI 2017/353 Schedule 1 and SI 2017/172 regulations 6 to 13 define them.

Money is exact: amounts are ``Decimal`` as paid, and an hourly rate derived by division is a
``Fraction``. Every figure is computed on unrounded values and rounded once, at the end, to one
decimal place with halves rounded away from zero (``Decimal``'s ``ROUND_HALF_UP``). The figures are
keyed by the GOV.UK service's field names, in the order of its public download.

Positive gaps mean women are paid less; negative gaps mean men are paid less.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from itertools import accumulate
from typing import Literal, cast

Sex = Literal["male", "female"]
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
_PEOPLE = {"male": "men", "female": "women"}


class PayGapInputError(ValueError):
    """The employees given cannot produce pay gap figures: there are none, or one is invalid."""


@dataclass(frozen=True, slots=True)
class Employee:
    """A relevant employee on the snapshot date.

    ``hourly_pay`` is needed only when the employee is full-pay relevant. ``bonus_pay`` is all bonus
    pay in the 12 months ending with the snapshot date, 0 when none was paid.
    """

    sex: Sex
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


@dataclass(frozen=True, slots=True)
class _SexTally:
    """One sex's pay, reduced to headcounts per distinct amount."""

    relevant: int
    hourly_rates: Counter[ExactAmount]
    bonuses: Counter[ExactAmount]

    def counts(self) -> SexCounts:
        return SexCounts(self.relevant, self.hourly_rates.total(), self.bonuses.total())


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
    pay = Fraction(ordinary_pay) + Fraction(period_bonus_pay)
    return pay * 7 / Fraction(pay_period_days) / Fraction(weekly_hours)


def quartile_band_sizes(headcount: int) -> tuple[int, int, int, int]:
    """Headcounts of the lower, lower middle, upper middle and upper quartile pay bands.

    Equal headcounts, with GOV.UK's remainder rule: a first employee left over goes to the lower
    band, a second to the upper middle, a third to the lower middle.
    """
    base, spare = divmod(headcount, 4)
    return (base + (spare >= 1), base + (spare >= 3), base + (spare >= 2), base)


def round_percentage(value: Fraction) -> Decimal:
    """Round to one decimal place, halves away from zero: 2.25 gives 2.3 and -2.25 gives -2.3.

    This is ``Decimal``'s ``ROUND_HALF_UP``, done exactly on the fraction (never -0.0).
    """
    tenths, remainder = divmod(abs(value) * 10, 1)
    rounded = int(tenths) + (remainder >= Fraction(1, 2))
    return Decimal(-rounded if value < 0 else rounded).scaleb(-1)


def pay_gap_figures(employees: Iterable[Employee]) -> PayGapResult:
    """The six gender pay gap figures (Sch 1 para 2(1)) for the relevant employees given.

    Hourly gaps and quartiles cover full-pay relevant employees; bonus gaps cover those paid a
    bonus; bonus proportions cover all relevant employees. Raises ``PayGapInputError`` when there
    are no employees or one is invalid. The result does not depend on the order of the employees.
    """
    men, women = _split_by_sex(employees)
    male, female = _tally(men), _tally(women)
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


def _tally(employees: list[Employee]) -> _SexTally:
    """Headcounts per distinct hourly rate and bonus amount, checked for missing or negative pay."""
    given_rates = Counter([e.hourly_pay for e in employees if e.full_pay_relevant])
    if None in given_rates:
        raise PayGapInputError("A full-pay relevant employee has no hourly pay: give one.")
    rates = cast("Counter[ExactAmount]", given_rates)
    bonuses: Counter[ExactAmount] = Counter([e.bonus_pay for e in employees if e.bonus_pay])
    if (rates and min(rates) < 0) or (bonuses and min(bonuses) < 0):
        raise PayGapInputError("An employee's hourly or bonus pay is negative: pay cannot be below 0.")
    return _SexTally(len(employees), rates, bonuses)


def _hourly_gaps(
    male: _SexTally, female: _SexTally, warnings: list[str]
) -> tuple[Fraction | None, Fraction | None]:
    for tally, sex in ((male, "male"), (female, "female")):
        if not tally.hourly_rates:
            warnings.append(
                f"There are no full-pay relevant {_PEOPLE[sex]}, so the hourly pay gaps are undefined."
            )
            return None, None
    return _gaps(male.hourly_rates, female.hourly_rates, "hourly pay", warnings)


def _bonus_gaps(
    male: _SexTally, female: _SexTally, warnings: list[str]
) -> tuple[Fraction | None, Fraction | None]:
    if not male.bonuses:
        warnings.append(
            "No man was paid a bonus, so the bonus gaps (percentages of men's bonus pay) are undefined."
        )
        return None, None
    if not female.bonuses:
        warnings.append("No woman was paid a bonus: both bonus gaps are 100%, as GOV.UK requires.")
        return _HUNDRED, _HUNDRED
    return _gaps(male.bonuses, female.bonuses, "bonus pay", warnings)


def _gaps(
    men: Counter[ExactAmount], women: Counter[ExactAmount], pay: str, warnings: list[str]
) -> tuple[Fraction | None, Fraction | None]:
    """Mean and median gaps: (men - women) / men x 100."""
    return (
        _gap(_mean(men), _mean(women), f"mean {pay}", warnings),
        _gap(_median(men), _median(women), f"median {pay}", warnings),
    )


def _gap(men: Fraction, women: Fraction, statistic: str, warnings: list[str]) -> Fraction | None:
    if men == 0:
        warnings.append(f"The men's {statistic} is 0, so its gap (a percentage of it) is undefined.")
        return None
    return (men - women) / men * 100


def _mean(headcounts: Counter[ExactAmount]) -> Fraction:
    """Exact mean, summing numerators per denominator so that few fractions are ever added."""
    numerators: defaultdict[int, int] = defaultdict(int)
    for amount, headcount in headcounts.items():
        numerator, denominator = amount.as_integer_ratio()
        numerators[denominator] += numerator * headcount
    total = sum((Fraction(n, d) for d, n in numerators.items()), Fraction(0))
    return total / headcounts.total()


def _median(headcounts: Counter[ExactAmount]) -> Fraction:
    """The middle amount; for an even headcount, the mean of the two middle amounts."""
    amounts = sorted(headcounts)
    ends = list(accumulate(headcounts[amount] for amount in amounts))
    middle = ((ends[-1] - 1) // 2, ends[-1] // 2)
    lower, upper = (Fraction(amounts[bisect_right(ends, position)]) for position in middle)
    return (lower + upper) / 2


def _bonus_proportion(tally: _SexTally, sex: Sex, warnings: list[str]) -> Fraction | None:
    if not tally.relevant:
        warnings.append(
            f"There are no {_PEOPLE[sex]}, so the proportion of them paid a bonus is undefined."
        )
        return None
    return Fraction(tally.bonuses.total() * 100, tally.relevant)


def _quartile_counts(
    men: Counter[ExactAmount], women: Counter[ExactAmount]
) -> tuple[QuartileCount, ...]:
    """Men and women in each quartile pay band of the full-pay relevant employees (reg 13).

    Employees are ranked by hourly rate, lowest first. Employees on the same rate form a block;
    a block that straddles band boundaries is split so that each band gets the same proportion of
    its men and women (reg 13(2)): the block's men are shared out in proportion to how many of its
    places fall in each band, by largest remainder (floors first, then one more each to the
    largest remainders, the lower band first on equal remainders), and women fill the other places.
    """
    sizes = quartile_band_sizes(men.total() + women.total())
    band_ends = list(accumulate(sizes))
    men_in_band = [0] * len(sizes)
    band = start = 0
    for rate in sorted(men.keys() | women.keys()):
        end = start + men[rate] + women[rate]
        while band_ends[band] <= start:
            band += 1
        if end <= band_ends[band]:
            men_in_band[band] += men[rate]
        else:
            places = _places_per_band(start, end, band_ends)
            for index, share in enumerate(_apportion(men[rate], places)):
                men_in_band[index] += share
        start = end
    return tuple(
        QuartileCount(name, men_count, size - men_count)
        for name, size, men_count in zip(QUARTILE_NAMES, sizes, men_in_band, strict=True)
    )


def _places_per_band(start: int, end: int, band_ends: list[int]) -> list[int]:
    """How many of the ranked places start to end - 1 fall in each band."""
    band_starts = [0, *band_ends[:-1]]
    return [
        max(0, min(end, band_end) - max(start, band_start))
        for band_start, band_end in zip(band_starts, band_ends, strict=True)
    ]


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
        name: None if value is None else round_percentage(value) for name, value in unrounded.items()
    }
    for band in QUARTILE_NAMES:
        male = published[f"Male{band}Quartile"]
        if male is not None:
            published[f"Female{band}Quartile"] = 100 - male
    return published
