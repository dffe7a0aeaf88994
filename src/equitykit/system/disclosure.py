"""Complementary suppression across a system's pooled figures and its members' own.

A pooled count is the sum of the included members' counts, and each member publishes its own
figures. So where one member hides a count as small, the pooled figure less the other members'
figures gives it back; two hidden counts whose sum is small, likewise. This is the standard
disclosure-control rule that `reporting.reports.suppression.complementary` applies to a table and its
total, with the pooled figure as the total. Hiding another member's figure as the complement would
protect nothing, since that member publishes it itself: the pooled figure is hidden instead. It is
marked as resting on the number it would give back, so the report's suppressor hides it, and every
figure computed from it, as it hides any figure that rests on a small number.
"""

from __future__ import annotations

from dataclasses import replace

from ..metrics.figures import Figure, min_of
from ..metrics.standards import Likelihood
from ..reporting.reports.suppression import given_back_by_total, is_small
from .members import StandardSpec
from .pooling import PooledPayGap, PooledStandard


def protect_standard(pooled: PooledStandard, spec: StandardSpec, threshold: int) -> PooledStandard:
    """`pooled` with its share and each rate and likelihood marked as resting on the smallest member
    count that it, less the other members' own figures, would give back."""

    def given_back(name: str, group: str, less: str | None = None) -> int | None:
        counts = {str(index): getattr(member, name).get(group, 0) - (getattr(member, less).get(group, 0) if less else 0)
                  for index, member in enumerate(pooled.contributions)}
        return given_back_by_total(counts, threshold)

    def band_given_back(key: tuple[str, str], group: str) -> int | None:
        return given_back_by_total({str(index): member.bands.get(key, {}).get(group, 0)
                                    for index, member in enumerate(pooled.contributions)}, threshold)

    def likelihood(lk: Likelihood, met: str, population: str) -> Likelihood:
        # a rate rests on those meeting the outcome and those not, in its group
        found = {group: min_of(given_back(met, group), given_back(population, group, met)) for group in lk.rates}
        return replace(lk, rates={group: _rests_on(rate, found[group]) for group, rate in lk.rates.items()},
                       ratio=_rests_on(lk.ratio, *found.values()))

    groups = spec.groups
    share = _rests_on(pooled.share, given_back("staff", groups.focus), given_back("staff", groups.reference))
    likelihoods = tuple(likelihood(lk, met, population)
                        for lk, (_, met, population) in zip(pooled.likelihoods, spec.likelihoods, strict=True))
    bands = tuple((staff_group, band, _rests_on(figure, band_given_back((staff_group, band), groups.focus),
                                                band_given_back((staff_group, band), groups.reference)))
                  for staff_group, band, figure in pooled.bands)
    return replace(pooled, share=share, likelihoods=likelihoods, bands=bands)


def hides_more(before: PooledStandard, after: PooledStandard, threshold: int) -> bool:
    """Whether `after` hides a figure that `before` would publish."""
    def figures(pooled: PooledStandard) -> list[Figure]:
        return [pooled.share, *(figure for lk in pooled.likelihoods for figure in (lk.ratio, *lk.rates.values())),
                *(figure for _group, _band, figure in pooled.bands)]

    return any(not is_small(old.min_count, threshold) and is_small(new.min_count, threshold)
               for old, new in zip(figures(before), figures(after), strict=True))


def withheld_relevant_employees(pooled: PooledPayGap, threshold: int) -> set[str]:
    """Which of the pooled `male` and `female` relevant employees, less the other members' own, would
    give back a member's hidden count."""
    return {sex for index, sex in enumerate(("male", "female"))
            if given_back_by_total({str(member): counts[index] for member, counts in enumerate(pooled.contributions)},
                                   threshold) is not None}


def _rests_on(figure: Figure, *given_back: int | None) -> Figure:
    smallest = min_of(*given_back)
    if smallest is None:
        return figure
    return replace(figure, min_count=min_of(figure.min_count, smallest))
