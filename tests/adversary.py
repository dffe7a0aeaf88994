"""What an adversary who knows a published total learns from the counts shown beside it (shared by the
suppression tests of single reports and of the system report)."""

from __future__ import annotations

from equitykit.reporting.reports.suppression import SUPPRESSED


def recoverable(counts: dict[str, int], published: dict[str, str], threshold: int) -> list[str]:
    """What an adversary who knows the total learns: a hidden count pinned to a single value, or hidden
    counts that together make a small number. Each hidden count is at least 1 (a 0 is always shown)."""
    hidden = [key for key, shown in published.items() if shown == SUPPRESSED]
    if not hidden:
        return []
    rest = sum(counts.values()) - sum(int(shown.replace(",", "")) for shown in published.values()
                                      if shown != SUPPRESSED)
    found = []
    if 0 < rest < threshold:
        found.append(f"the hidden counts sum to {rest}")
    for key in hidden:
        low, high = 1, rest - (len(hidden) - 1)  # the others take at least 1 each
        if low == high:
            found.append(f"{key} is {low}")
    return found
