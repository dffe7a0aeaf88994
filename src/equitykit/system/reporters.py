"""Reporters for `system status`: a text table for people, Markdown for a pull request or wiki, JSON for machines.

All three show the same rows, built once by `status_rows`. These are diagnostics for the system lead,
not publications: figures are shown as computed (the published report suppresses small numbers).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from rich.console import Group
from rich.text import Text

from ..metrics.standards import Likelihood
from ..reporting.metrics_json import jsonable
from .members import MemberSummary
from .pooling import PooledPayGap, PooledStandard
from .status import SystemStatus

COLUMNS = ("Organisation", "Folder", "Problems", "Overdue", "Due", "EDS", "WRES likelihoods", "WDES likelihoods",
           "Gender pay gap (mean, median)", "Objectives in progress")
NONE = "-"


def status_rows(status: SystemStatus) -> list[tuple[str, ...]]:
    """One row of words per member, the system's own first, in the order of `COLUMNS`."""
    return [_row(member) for member in status.members]


def _row(member: MemberSummary) -> tuple[str, ...]:
    if member.unreadable is not None:
        detail = f"; {member.first_error}" if member.first_error else ""
        return (member.name, member.path, f"cannot be read: {member.unreadable}{detail}",
                *(NONE,) * (len(COLUMNS) - 3))
    gap = member.latest_paygap
    return (
        member.name, member.path, _problems(member), str(len(member.overdue)), str(len(member.due)),
        member.eds or NONE, _likelihoods(member.wres, member.wres_snapshot),
        _likelihoods(member.wdes, member.wdes_snapshot),
        NONE if gap is None else f"{gap.mean}%, {gap.median}% ({gap.snapshot.isoformat()})",
        str(member.objectives_in_progress),
    )


def _problems(member: MemberSummary) -> str:
    if not member.errors and not member.warnings:
        return "none"
    text = f"{member.errors} error(s), {member.warnings} warning(s)"
    return f"{text}; first: {member.first_error}" if member.first_error else text


def _likelihoods(likelihoods: Sequence[Likelihood], snapshot: Any) -> str:
    if not likelihoods:
        return NONE
    figures = ", ".join(f"{lk.number}: {lk.ratio.value if lk.ratio.value is not None else 'n/a'}"
                        for lk in likelihoods)
    return f"{figures} ({snapshot.isoformat()})"


def pooled_lines(status: SystemStatus) -> list[str]:
    """The system figures in sentences: what was pooled, from whom, and who was left out and why."""
    lines = [_standard_line(pooled, label) for pooled, label in
             ((status.wres, "WRES"), (status.wdes, "WDES")) if pooled is not None]
    if status.paygap is not None:
        lines.append(_paygap_line(status.paygap))
    return lines


def _standard_line(pooled: PooledStandard, label: str) -> str:
    focus = "BME" if label == "WRES" else "Disabled"
    share = pooled.share.value if pooled.share.value is not None else "n/a"
    figures = ", ".join(f"{lk.number}: {lk.ratio.value if lk.ratio.value is not None else 'n/a'}"
                        for lk in pooled.likelihoods)
    return (f"System {label} at {pooled.snapshot.isoformat()}, pooled from {len(pooled.included)} "
            f"organisation(s): {focus} share of staff {share}%; likelihoods {figures}.{_left_out(pooled.missing)}")


def _paygap_line(pooled: PooledPayGap) -> str:
    return (f"Gender pay gap relevant employees at {pooled.snapshot.isoformat()}: {pooled.total:,} "
            f"({pooled.male:,} men, {pooled.female:,} women) from {len(pooled.included)} organisation(s); "
            f"pay gap figures are not pooled.{_left_out(pooled.missing)}")


def _left_out(missing: Sequence[Any]) -> str:
    if not missing:
        return ""
    return " Left out: " + "; ".join(f"{m.name}: {m.reason}" for m in missing) + "."


def text_report(status: SystemStatus) -> Group:
    """Each member as a short block of `column: value` lines (a table this wide cannot fit a terminal),
    then the pooled figures."""
    parts: list[Text] = [Text(f"{status.organisation.name}: system status on {status.as_of}", style="bold")]
    for member, row in zip(status.members, status_rows(status), strict=True):
        style = "bold red" if member.has_problems else ("yellow" if member.overdue else "")
        parts.append(Text(f"\n{row[0]} ({row[1]})", style=style or "bold"))
        parts.extend(Text(f"  {column}: {value}") for column, value in zip(COLUMNS[2:], row[2:], strict=True)
                     if member.unreadable is None or value != NONE)
    parts.extend(Text(f"\n{line}") for line in pooled_lines(status))
    return Group(*parts)


def markdown_report(status: SystemStatus) -> str:
    """The same table and figures as Markdown."""
    def cells(values: Sequence[str]) -> str:
        return "| " + " | ".join(value.replace("|", "\\|").replace("\n", " ") for value in values) + " |"

    lines = [f"# {status.organisation.name}: system status on {status.as_of.isoformat()}", "",
             cells(COLUMNS), cells(["---"] * len(COLUMNS)), *(cells(row) for row in status_rows(status)), ""]
    lines += [f"- {line}" for line in pooled_lines(status)]
    return "\n".join(lines).rstrip("\n") + "\n"


def json_report(status: SystemStatus) -> str:
    """Every member's summary and the pooled figures, with stable keys."""
    members = [{
        "path": m.path, "role": m.role, "name": m.name, "sector": m.sector, "readable": m.unreadable is None,
        "unreadable": m.unreadable, "errors": m.errors, "warnings": m.warnings, "first_error": m.first_error,
        "overdue": list(m.overdue), "due": list(m.due), "eds": m.eds,
        "wres": _json_likelihoods(m.wres, m.wres_snapshot), "wdes": _json_likelihoods(m.wdes, m.wdes_snapshot),
        "paygap": jsonable(m.latest_paygap), "objectives_in_progress": m.objectives_in_progress,
    } for m in status.members]
    pooled = {"wres": jsonable(status.wres), "wdes": jsonable(status.wdes), "paygap": jsonable(status.paygap)}
    return json.dumps({"system": status.organisation.name, "as_of": status.as_of.isoformat(),
                       "ok": not status.with_problems, "members": members, "pooled": pooled},
                      indent=2, ensure_ascii=False)


def _json_likelihoods(likelihoods: Sequence[Likelihood], snapshot: Any) -> dict[str, Any] | None:
    if not likelihoods:
        return None
    return {"snapshot": snapshot.isoformat(),
            "likelihoods": {lk.number: jsonable(lk.ratio.value) for lk in likelihoods}}
