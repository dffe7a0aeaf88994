"""The system view: every member's position on a date, read one member at a time, and the pooled figures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..obligations import DEFAULT_WINDOW
from ..records.organisation import Organisation
from ..records.repository import load_records
from .members import SYSTEM_PATH, WDES, WRES, MemberSummary, read_member, summarise
from .pooling import PooledPayGap, PooledStandard, pool_paygap, pool_standard, pool_trend


class SystemUnavailable(Exception):
    """The system's own organisation file cannot be read or names no members."""


@dataclass(frozen=True)
class SystemStatus:
    """The system on `as_of`: its own row first, then each member's in the order listed, and the pooled figures."""

    root: Path
    organisation: Organisation
    as_of: dt.date
    members: tuple[MemberSummary, ...]

    @property
    def with_problems(self) -> list[MemberSummary]:
        """Rows that could not be read or have records with errors."""
        return [m for m in self.members if m.has_problems]

    @property
    def overdue(self) -> bool:
        return any(m.overdue for m in self.members)

    @cached_property
    def wres(self) -> PooledStandard | None:
        return pool_standard(self.members, WRES)

    @cached_property
    def wdes(self) -> PooledStandard | None:
        return pool_standard(self.members, WDES)

    @cached_property
    def wres_trend(self) -> list[PooledStandard]:
        return pool_trend(self.members, WRES)

    @cached_property
    def wdes_trend(self) -> list[PooledStandard]:
        return pool_trend(self.members, WDES)

    @cached_property
    def paygap(self) -> PooledPayGap | None:
        return pool_paygap(self.members)


def system_status(root: Path, as_of: dt.date, window: int = DEFAULT_WINDOW,
                  track: Callable[[Sequence[str]], Iterable[str]] | None = None) -> SystemStatus:
    """Read the system at `root` and each of its members, one at a time, and summarise them on `as_of`;
    `track`, if given, wraps the members' paths as they are read (e.g. to move a progress bar).

    Raises `SystemUnavailable` when the system's own `equitykit.yaml` is not valid or names no members.
    """
    own = load_records(root)
    organisation = own.organisation
    if organisation is None:
        raise SystemUnavailable("the system's own equitykit.yaml has problems, so its members cannot be "
                                f"found; run `equitykit validate {root}` and fix it first")
    if not organisation.members:
        raise SystemUnavailable("equitykit.yaml names no members; list each member's records folder under "
                                "`members:`, relative to it, e.g. `- ../north-trust`")
    first = summarise(own, SYSTEM_PATH, "system", as_of, window)
    del own  # only summaries are kept, so memory holds one records folder at a time
    paths = list(dict.fromkeys(organisation.members))  # a member listed twice is read once
    members = [read_member(root, path, as_of, window) for path in (track(paths) if track else paths)]
    return SystemStatus(root, organisation, as_of, (first, *members))
