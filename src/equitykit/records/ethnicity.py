"""NHS Data Dictionary ETHNIC CATEGORY codes, and the groups WRES reports and profiles use.

A British, B Irish, C any other White background; D-G Mixed; H-L Asian or Asian British; M-P Black
or Black British; R Chinese, S any other ethnic group; X not known, Z not stated, and 99 (not
recorded) in some datasets. WRES compares White (A-C) with BME (D-S) staff; unknown is left out.
"""

from __future__ import annotations

from typing import Literal

WresGroup = Literal["white", "bme", "unknown"]

ETHNIC_CATEGORIES: dict[str, tuple[str, str]] = {
    "A": ("White - British", "white"),
    "B": ("White - Irish", "white"),
    "C": ("White - Any other White background", "white"),
    "D": ("Mixed - White and Black Caribbean", "mixed"),
    "E": ("Mixed - White and Black African", "mixed"),
    "F": ("Mixed - White and Asian", "mixed"),
    "G": ("Mixed - Any other mixed background", "mixed"),
    "H": ("Asian or Asian British - Indian", "asian"),
    "J": ("Asian or Asian British - Pakistani", "asian"),
    "K": ("Asian or Asian British - Bangladeshi", "asian"),
    "L": ("Asian or Asian British - Any other Asian background", "asian"),
    "M": ("Black or Black British - Caribbean", "black"),
    "N": ("Black or Black British - African", "black"),
    "P": ("Black or Black British - Any other Black background", "black"),
    "R": ("Other ethnic groups - Chinese", "other"),
    "S": ("Other ethnic groups - Any other ethnic group", "other"),
    "X": ("Not known", "not-stated"),
    "Z": ("Not stated", "not-stated"),
    "99": ("Not known (not recorded)", "not-stated"),
}
"""Each code's label and its broad group (the workforce profile's ``race`` groups)."""

BROAD_GROUPS = ("white", "mixed", "asian", "black", "other", "not-stated")
"""The broad ethnic groups in the order profiles list them."""

UNKNOWN_CODES = frozenset({"X", "Z", "99"})


def wres_group(code: str) -> WresGroup:
    """White (A-C), BME (D-S) or unknown (X, Z, 99) for a code of ``ETHNIC_CATEGORIES``."""
    if code in UNKNOWN_CODES:
        return "unknown"
    return "white" if ETHNIC_CATEGORIES[code][1] == "white" else "bme"


def broad_group(code: str) -> str:
    """The broad group of a code: white, mixed, asian, black, other or not-stated."""
    return ETHNIC_CATEGORIES[code][1]
