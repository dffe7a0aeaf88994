"""The next free id of a record kind, continuing the pattern of the ids already in its folder."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

_NUMBERED = re.compile(r"^(?P<prefix>.*?)(?P<number>\d+)$")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
YEAR_FIELD = "{year}"


def next_numbered_id(existing: Iterable[str], default_prefix: str, default_width: int, year: int) -> str:
    """The next id of a numbered sequence such as OBJ-01, ACT-001 or EIA-2025-001.

    The prefix and zero-padding most used by the existing ids win over the defaults. A year in a
    prefix (`{year}` in `default_prefix`, or EIA-2024- in an existing id) becomes `year`, so
    numbering restarts each year. Ids with other digits before their number (dated names such
    as 2025-03-20-annual-report) are not a sequence to continue.
    """
    existing = list(existing)
    patterns: Counter[str] = Counter()
    widths: dict[str, int] = {}
    for stem in existing:
        match = _NUMBERED.match(stem)
        if match is None:
            continue
        pattern = _YEAR.sub(YEAR_FIELD, match["prefix"], count=1)
        if any(character.isdigit() for character in pattern):
            continue
        patterns[pattern] += 1
        widths[pattern] = max(widths.get(pattern, 0), len(match["number"]))
    pattern = max(patterns, key=lambda p: (patterns[p], p)) if patterns else default_prefix
    width = widths.get(pattern, default_width)
    prefix = pattern.replace(YEAR_FIELD, str(year))
    numbers = [int(match["number"]) for stem in existing
               if (match := _NUMBERED.match(stem)) and match["prefix"] == prefix]
    taken = {stem.lower() for stem in existing}
    number = max(numbers, default=0) + 1
    while f"{prefix}{number:0{width}d}".lower() in taken:
        number += 1
    return f"{prefix}{number:0{width}d}"
