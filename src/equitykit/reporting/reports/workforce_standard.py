"""What differs between the WRES and the WDES reports: titles, the word for an item, the groups compared
and the standard's own functions. Below the reports and charts that use it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...i18n import N_
from ...metrics.standards import Groups
from ...metrics.wdes import WDES_GROUPS, has_wdes_results, wdes_metrics
from ...metrics.wres import WRES_GROUPS, has_wres_results, wres_indicators


@dataclass(frozen=True)
class Standard:
    """What differs between the WRES and the WDES."""

    kind: str
    title: str
    short: str
    item: str
    groups: Groups
    has: Any
    compute: Any


WRES = Standard("wres", N_("Workforce Race Equality Standard report"), "WRES", N_("Indicator"), WRES_GROUPS,
                has_wres_results, wres_indicators)
WDES = Standard("wdes", N_("Workforce Disability Equality Standard report"), "WDES", N_("Metric"), WDES_GROUPS,
                has_wdes_results, wdes_metrics)
