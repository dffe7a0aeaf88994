"""A computed workforce snapshot (`workforce compute`) as YAML, JSON or tables for people."""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..i18n import _
from .reports.labels import MEMBERSHIP_WORDS, band_label, group_label

_ETHNIC = {key: group_label(key) for key in ("white", "bme", "unknown")}
_DISABILITY = {key: group_label(key.replace("_", "-")) for key in ("disabled", "non_disabled", "unknown")}
"""The groups of the record's counts (its keys) in the words of the one label table (`reports.labels`)."""
_COUNTS = (
    ("wres", "shortlisted", "WRES 2: applicants shortlisted", _ETHNIC),
    ("wres", "appointed", "WRES 2: shortlisted applicants appointed", _ETHNIC),
    ("wres", "disciplinary", "WRES 3: staff entering the formal disciplinary process", _ETHNIC),
    ("wres", "training", "WRES 4: staff accessing non-mandatory training and CPD", _ETHNIC),
    ("wdes", "shortlisted", "WDES 2: applicants shortlisted", _DISABILITY),
    ("wdes", "appointed", "WDES 2: shortlisted applicants appointed", _DISABILITY),
    ("wdes", "capability", "WDES 3: staff entering formal capability (performance)", _DISABILITY),
)


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
    parts: list[RenderableType] = []
    if "headcount" in values:
        parts.append(Text(f"Workforce at {snapshot.isoformat()}: {values['headcount']:,} people, of whom "
                          f"{values['bank']:,} bank-only staff are left out of the band tables."))
        parts.append(_bands(values))
    rows = [(title, values[standard][name], labels) for standard, name, title, labels in _COUNTS
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
    table = Table(title=title, title_justify="left")
    for index, column in enumerate(columns):
        table.add_column(column, justify="left" if index == 0 else "right")
    return table


def _bands(values: dict[str, Any]) -> Table:
    table = _table("Staff by band (WRES indicator 1, WDES metric 1)", "Staff group and band",
                   *_ETHNIC.values(), *_DISABILITY.values())
    for ethnic, disability in zip(values["wres"]["bands"], values["wdes"]["bands"], strict=True):
        table.add_row(band_label(ethnic["staff_group"], ethnic["band"]),
                      *(f"{ethnic[group]:,}" for group in _ETHNIC),
                      *(f"{disability[group]:,}" for group in _DISABILITY))
    return table


def _board(values: dict[str, Any]) -> Table:
    table = _table("Board members (WRES indicator 9, WDES metric 10)", "Members",
                   *_ETHNIC.values(), *_DISABILITY.values())
    for membership in ("voting", "executive"):
        ethnic = values.get("wres", {}).get("board", {}).get(membership, {})
        disability = values.get("wdes", {}).get("board", {}).get(membership, {})
        table.add_row(_(MEMBERSHIP_WORDS[membership]), *(f"{ethnic.get(group, 0):,}" for group in _ETHNIC),
                      *(f"{disability.get(group, 0):,}" for group in _DISABILITY))
    return table
