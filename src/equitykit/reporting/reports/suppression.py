"""Small-number suppression: published counts below the organisation's threshold are hidden.

A count from 1 to threshold - 1 is shown as `[c]`, and so is any percentage, likelihood or
difference computed from such a count. A count of 0 is shown: it discloses no individual. A share
rests on the smaller non-zero side (`metrics.figures.disclosure_count`), so 0% or 100% of a small
group is suppressed too: it would say something about every member.

Where a table's counts add up to a published total, hiding one small count is not enough: the total
less the counts shown would give it back. `Suppressor.partition` applies complementary (secondary)
suppression, the standard disclosure-control practice: it hides further counts, smallest first, until
at least two non-zero counts are hidden and together they make at least the threshold, so neither
any hidden count nor the sum of the hidden counts discloses a small group. `Suppressor.shares` does
the same for shares of a whole (each group's share of a pay quartile, adding up to 100%): a small
group's share is hidden with the next smallest, so 100% less the shares shown gives neither back.
Suppression happens here, in the builders, so templates never see a suppressed number.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Set
from dataclasses import dataclass, field
from decimal import Decimal

from ...i18n import _, current_language
from ...metrics.figures import Figure
from .document import in_english

SUPPRESSED = "[c]"


def is_small(count: int | None, threshold: int) -> bool:
    """Whether a count discloses too few people to publish (1 to threshold - 1; 0 is published)."""
    return count is not None and 0 < count < threshold


def complementary(counts: Mapping[str, int], threshold: int, withheld: Set[str] = frozenset()) -> set[str]:
    """The counts of a table adding up to a published total that must be hidden: the small ones (and
    any `withheld` for another reason), and then the smallest others until at least two non-zero
    counts are hidden, they sum to at least the threshold, and their sum does not say that each is 1
    (0s are never chosen: hiding a 0 protects nothing). Empty when none is small or withheld."""
    hidden = {key for key, count in counts.items() if is_small(count, threshold)} | set(withheld)
    if not hidden:
        return hidden
    return _with_complements(hidden, counts, lambda chosen: _given_back(counts, chosen, threshold) is not None)


def _given_back(counts: Mapping[str, int], hidden: set[str], threshold: int) -> int | None:
    """The smallest number that the total of `counts`, less the counts not `hidden`, gives back: a
    hidden count alone, the hidden counts' sum when it is small, or 1 when their sum says each is 1;
    None when it gives no small number back."""
    total = sum(counts[key] for key in hidden)
    if len(hidden) == 1 or total < threshold:
        return total
    return 1 if total == len(hidden) else None


def given_back_by_total(counts: Mapping[str, int], threshold: int) -> int | None:
    """The smallest number a published total of `counts` gives back when the counts that are not small
    are published elsewhere (each member's own report beside a system's pooled figure): see
    `complementary`. None when none is small or the small ones, taken together, disclose nobody."""
    hidden = {key for key, count in counts.items() if is_small(count, threshold)}
    return _given_back(counts, hidden, threshold) if hidden else None


def _with_complements(hidden: set[str], sizes: Mapping[str, int | float],
                      disclosive: Callable[[set[str]], bool]) -> set[str]:
    """`hidden` and then the smallest other non-zero values until the hidden ones no longer disclose."""
    others = sorted((size, key) for key, size in sizes.items() if key not in hidden and size > 0)
    while others and disclosive(hidden):
        hidden.add(others.pop(0)[1])
    return hidden


def complementary_shares(shares: Mapping[str, float | None], small: set[str]) -> set[str]:
    """The shares of a whole (adding up to 100%) to hide: those of the `small` groups, then the smallest
    others until at least two non-zero shares are hidden, so that 100% less the shares shown gives no
    hidden share back (0s are never chosen). Empty when none of the groups is small."""
    sizes = {key: share or 0.0 for key, share in shares.items()}
    hidden = {key for key in sizes if key in small}
    if not hidden:
        return hidden
    return _with_complements(hidden, sizes, lambda chosen: sum(1 for key in chosen if sizes[key]) == 1)


@dataclass
class Suppressor:
    """Formats counts and figures for publication, remembering whether anything was suppressed."""

    threshold: int
    used: bool = field(default=False)
    secondary: bool = field(default=False)
    published: bool = field(default=False)
    """Whether a figure as published (not computed from counts) was shown: the report then says what that means."""

    def count(self, value: int | None, missing: str | None = None) -> str:
        """A count as published: `[c]` when small, or `missing` (by default "not recorded") when there is none."""
        if value is None:
            return _("not recorded") if missing is None else missing
        if is_small(value, self.threshold):
            self.used = True
            return SUPPRESSED
        return f"{value:,}"

    def partition(self, counts: Mapping[str, int], withheld: Set[str] = frozenset()) -> dict[str, str]:
        """Counts that add up to a published total, each as published (`[c]` where small or `withheld`,
        and where the total less the counts shown would give a hidden count back)."""
        hidden = complementary(counts, self.threshold, withheld)
        self.used = self.used or bool(hidden)
        self.secondary = self.secondary or any(not is_small(counts[key], self.threshold)
                                               for key in hidden - set(withheld))
        return {key: SUPPRESSED if key in hidden else f"{count:,}" for key, count in counts.items()}

    def shares(self, shares: Mapping[str, float | None], small: set[str]) -> set[str]:
        """The groups whose shares of a whole must be hidden: the `small` ones and their complements."""
        hidden = complementary_shares(shares, small)
        self.used = self.used or bool(hidden)
        self.secondary = self.secondary or bool(hidden - small)
        return hidden

    def rests_on(self, *counts: int | None) -> bool:
        """Whether any of the counts a figure rests on is small; records that a value was hidden."""
        small = any(is_small(count, self.threshold) for count in counts)
        self.used = self.used or small
        return small

    def figure(self, value: Figure | None, unit: str = "", signed: bool = False,
               missing: str | None = None) -> str:
        """A computed figure, `[c]` when it rests on a small count, or why it is missing (by default "not
        available")."""
        if value is None:
            return _("not available") if missing is None else missing
        if is_small(value.min_count, self.threshold):
            self.used = True
            return SUPPRESSED
        if value.value is None:
            return (in_english(value.reason) if value.reason and current_language() != "en" else value.reason) or (
                _("not available") if missing is None else missing)
        if value.as_published:
            self.published = True
            return _("{figure} (as published)").format(figure=number(value.value, unit, signed))
        return number(value.value, unit, signed)

    def published_note(self) -> str | None:
        """What "as published" means, when the report shows such a figure."""
        if not self.published:
            return None
        return _("“As published” marks a figure copied from what the body published at the time, for a year "
                 "whose underlying numbers are not held. It is shown as it was printed and cannot be checked or "
                 "recalculated here, and it is published already, so it is not suppressed.")

    def footnote(self) -> str | None:
        if not self.used:
            return None
        if self.secondary:
            return _("{c} Not published: the figure is a number of people from 1 to {largest}, or is calculated "
                     "from one, and could identify individuals. A count of 0 is published because it identifies no "
                     "one. Where a hidden number could be worked out from a total and the numbers shown, the next "
                     "smallest numbers are hidden too.").format(c=SUPPRESSED, largest=self.threshold - 1)
        return _("{c} Not published: the figure is a number of people from 1 to {largest}, or is calculated from "
                 "one, and could identify individuals. A count of 0 is published because it identifies no "
                 "one.").format(c=SUPPRESSED, largest=self.threshold - 1)


def number(value: Decimal | float | int, unit: str = "", signed: bool = False) -> str:
    """A number as published: thousands separated, a sign if asked, then its unit."""
    if isinstance(value, float):
        value = Decimal(repr(value))
    text = f"{value:,}" if isinstance(value, int) else f"{value:,f}"
    if signed and value > 0:
        text = "+" + text
    return f"{text}{unit}"
