"""A computed workforce snapshot (`workforce compute`) as YAML, JSON or tables for people."""

from __future__ import annotations

import datetime as dt
import io
import json
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # rich and the label table only for the text: JSON and YAML start quicker without them
    from rich.console import RenderableType
    from rich.table import Table

_ETHNIC_GROUPS = ("white", "bme", "unknown")
_DISABILITY_GROUPS = ("disabled", "non_disabled", "unknown")
_COUNTS = (
    ("wres", "shortlisted", "WRES 2: applicants shortlisted"),
    ("wres", "appointed", "WRES 2: shortlisted applicants appointed"),
    ("wres", "disciplinary", "WRES 3: staff entering the formal disciplinary process"),
    ("wres", "training", "WRES 4: staff accessing non-mandatory training and CPD"),
    ("wdes", "shortlisted", "WDES 2: applicants shortlisted"),
    ("wdes", "appointed", "WDES 2: shortlisted applicants appointed"),
    ("wdes", "capability", "WDES 3: staff entering formal capability (performance)"),
)


@cache
def _groups(standard: str) -> dict[str, str]:
    """The groups of the record's counts of a standard (its keys) in the words of the one label table
    (`labels`)."""
    from .labels import group_label

    if standard == "wres":
        return {key: group_label(key) for key in _ETHNIC_GROUPS}
    return {key: group_label(key.replace("_", "-")) for key in _DISABILITY_GROUPS}


def counts_yaml(snapshot: dt.date, values: dict[str, Any]) -> str:
    """The snapshot's computed values as YAML, laid out as the record holds them."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.sort_base_mapping_type_on_output = False  # type: ignore[assignment]
    stream = io.StringIO()
    yaml.dump({"snapshot": snapshot.isoformat(), **values}, stream)
    return stream.getvalue()


def counts_json(snapshot: dt.date, values: dict[str, Any], notes: list[str]) -> str:
    """The snapshot's computed values as JSON, with any notes."""
    return json.dumps({"snapshot": snapshot.isoformat(), **values, "notes": notes}, indent=2, ensure_ascii=False)


def counts_text(snapshot: dt.date, values: dict[str, Any], notes: list[str]) -> RenderableType:
    """The headcount, the band tables, the year's counts and the board, with plain-English labels."""
    from rich.console import Group
    from rich.text import Text

    parts: list[RenderableType] = []
    if "headcount" in values:
        parts.append(Text(f"Workforce at {snapshot.isoformat()}: {values['headcount']:,} people, of whom "
                          f"{values['bank']:,} bank-only staff are left out of the band tables."))
        parts.append(_bands(values))
    rows = [(title, values[standard][name], _groups(standard)) for standard, name, title in _COUNTS
            if name in values.get(standard, {})]
    if rows:
        table = _table("Counts in the year", "What was counted", "", "", "")
        for title, counts, labels in rows:
            table.add_row(title, *(f"{labels[group]} {counts[group]:,}" for group in labels))
        parts.append(table)
    if "board" in values.get("wres", {}) or "board" in values.get("wdes", {}):
        parts.append(_board(values))
    parts += [Text(f"Note: {note}", style="yellow") for note in notes]
    return Group(*parts)


def _table(title: str, *columns: str) -> Table:
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    for index, column in enumerate(columns):
        table.add_column(column, justify="left" if index == 0 else "right")
    return table


def _bands(values: dict[str, Any]) -> Table:
    from .labels import band_label

    table = _table("Staff by band (WRES indicator 1, WDES metric 1)", "Staff group and band",
                   *_groups("wres").values(), *_groups("wdes").values())
    for ethnic, disability in zip(values["wres"]["bands"], values["wdes"]["bands"], strict=True):
        table.add_row(band_label(ethnic["staff_group"], ethnic["band"]),
                      *(f"{ethnic[group]:,}" for group in _ETHNIC_GROUPS),
                      *(f"{disability[group]:,}" for group in _DISABILITY_GROUPS))
    return table


def _board(values: dict[str, Any]) -> Table:
    from ..i18n import _
    from .labels import MEMBERSHIP_WORDS

    table = _table("Board members (WRES indicator 9, WDES metric 10)", "Members",
                   *_groups("wres").values(), *_groups("wdes").values())
    for membership in ("voting", "executive"):
        ethnic = values.get("wres", {}).get("board", {}).get(membership, {})
        disability = values.get("wdes", {}).get("board", {}).get(membership, {})
        table.add_row(_(MEMBERSHIP_WORDS[membership]), *(f"{ethnic.get(group, 0):,}" for group in _ETHNIC_GROUPS),
                      *(f"{disability.get(group, 0):,}" for group in _DISABILITY_GROUPS))
    return table
