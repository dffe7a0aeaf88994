"""A body's published gender pay gaps from the GOV.UK service's download files, and where it stands among
its peers: pure functions over the rows the reader (`extracts.govuk_paygap`) gives.

- The snapshot date of a row comes from its due date (the service's `DueDate`, the deadline + 1 day): the
  year before the due date's year, 31 March for a public authority and 5 April for other employers
  (due 2018-03-31 -> 2017-03-31; due 2018-04-05 -> 2017-04-05). In 2020-21 every due date was extended
  to 2021-10-06: there an employer is public when its other years fall due on 31 March or its SIC codes
  include the service's public-sector code `1`.
- Peers: the other employers of the files at the snapshot, filtered by SIC code, size and name; each figure
  is summarised by the peers that have it (median, quartiles by `statistics.quantiles(n=4,
  method="inclusive")`, and the body's percentile: 100 x (peers below + half the peers equal) / peers).
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from ..extracts.govuk_paygap import FIGURE_NAMES, PUBLIC_SECTOR_SIC, DownloadFile, DownloadRow, sic_codes

EXTENDED_DUE_YEAR, EXTENDED_DUE_MONTH = 2021, 10
"""The 2020-21 reporting year: every employer's due date was extended to 6 October 2021 (COVID-19)."""
PEER_FIGURES: tuple[str, ...] = ("DiffMeanHourlyPercent", "DiffMedianHourlyPercent", "DiffMeanBonusPercent",
                                 "DiffMedianBonusPercent", "FemaleTopQuartile")
"""The figures compared with the peers: the four gaps and women's share of the top pay quarter."""
Recorded = Literal["same", "differs", "absent"]


def snapshot_of(due: dt.date, public: bool) -> dt.date:
    """The snapshot date of a reporting year from its due date (see the module's note)."""
    if (due.year, due.month) == (EXTENDED_DUE_YEAR, EXTENDED_DUE_MONTH):
        return dt.date(2020, 3, 31) if public else dt.date(2020, 4, 5)
    year = due.year - 1
    return dt.date(year, 3, 31) if (due.month, due.day) <= (3, 31) else dt.date(year, 4, 5)


def public_employers(rows: Iterable[DownloadRow]) -> set[str]:
    """The employer ids that are public authorities: a due date of 31 March, or the SIC code 1."""
    return {row.employer_id for row in rows
            if (row.due.month, row.due.day) == (3, 31) or PUBLIC_SECTOR_SIC in row.sic_codes}


@dataclass(frozen=True, slots=True)
class PublishedYear:
    """One reporting year of the body as the service publishes it, and how it stands against its record."""

    snapshot: dt.date
    row: DownloadRow
    recorded: Recorded
    differences: tuple[str, ...] = ()
    """The figures whose recorded value differs from the service's."""


@dataclass(frozen=True, slots=True)
class EmployerHistory:
    """Every reporting year of one employer in the files, oldest first: its name in the latest year, and the
    latest company number given."""

    employer_id: str
    name: str
    company_number: str | None
    years: tuple[PublishedYear, ...]
    warnings: tuple[str, ...]


def employer_matcher(file: DownloadFile, employer_id: str | None,
                     company_number: str | None) -> Callable[[list[str]], bool]:
    """A test of a row's raw cells: the employer's id, or its company number (leading zeros kept)."""
    if employer_id is not None:
        wanted, cell = employer_id.strip(), file.column("EmployerId")
        return lambda cells: cell(cells).strip() == wanted
    number, cell = (company_number or "").strip().upper(), file.column("CompanyNumber")
    return lambda cells: cell(cells).strip().upper() == number


def latest_rows(rows: Iterable[DownloadRow], public: set[str]) -> tuple[dict[tuple[str, dt.date], DownloadRow],
                                                                         list[str]]:
    """One row per employer and snapshot date: of two, the later submission (and a warning)."""
    kept: dict[tuple[str, dt.date], DownloadRow] = {}
    warnings = []
    for row in rows:
        key = (row.employer_id, snapshot_of(row.due, row.employer_id in public))
        other = kept.get(key)
        if other is None:
            kept[key] = row
            continue
        if _same_submission(other, row):
            continue
        later = max(other, row, key=_submitted_order)
        warnings.append(f"{row.employer_name} has two rows for the snapshot {key[1].isoformat()} ({other.file} "
                        f"line {other.line}, {row.file} line {row.line}): the later submission ({later.file} line "
                        f"{later.line}) is used")
        kept[key] = later
    return kept, warnings


def _same_submission(one: DownloadRow, other: DownloadRow) -> bool:
    return (one.figures, one.submitted_at, one.employer_size) == (other.figures, other.submitted_at,
                                                                  other.employer_size)


def _submitted_order(row: DownloadRow) -> tuple[dt.date, str]:
    return row.submitted or dt.date.min, row.submitted_at or ""


def employer_history(rows: Sequence[DownloadRow],
                     recorded: Callable[[dt.date], Mapping[str, float | None] | None]) -> EmployerHistory | None:
    """The employer's years, sorted by snapshot, each compared with its record (`recorded` gives the
    record's figures at a snapshot, not-published ones as None, or None where there is no record)."""
    if not rows:
        return None
    public = public_employers(rows)
    kept, warnings = latest_rows(rows, public)
    years = []
    for (_employer, snapshot), row in sorted(kept.items(), key=lambda item: item[0][1]):
        figures = recorded(snapshot)
        if figures is None:
            years.append(PublishedYear(snapshot, row, "absent"))
            continue
        differences = tuple(name for name in FIGURE_NAMES if figures.get(name) != row.figures[name])
        years.append(PublishedYear(snapshot, row, "differs" if differences else "same", differences))
    ids = {row.employer_id for row in rows}
    if len(ids) > 1:
        warnings.append(f"the company number matches {len(ids)} employers (ids {', '.join(sorted(ids))}); "
                        "give --employer-id to choose one")
    latest = years[-1].row
    number = next((year.row.company_number for year in reversed(years) if year.row.company_number), None)
    return EmployerHistory(latest.employer_id, latest.employer_name, number, tuple(years), tuple(warnings))


@dataclass(frozen=True, slots=True)
class PeerFigure:
    """One figure of the body against its peers; null where fewer than two peers have it."""

    body: float | None
    peers: int
    median: float | None
    lower_quartile: float | None
    upper_quartile: float | None
    percentile: float | None


@dataclass(frozen=True, slots=True)
class PeerComparison:
    """The body's figures among its peers at one snapshot, and who the peers are."""

    snapshot: dt.date
    count: int
    sic_codes: tuple[str, ...] | None
    size: str | None
    name_matches: str | None
    figures: dict[str, PeerFigure]
    employers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PeerFilter:
    """How peers are chosen: SIC codes given (or None for the body's own), the body's size, a name pattern."""

    sic: tuple[str, ...] | None = None
    size: bool = False
    name_matches: str | None = None

    def chosen(self, body: DownloadRow) -> PeerChoice:
        """The codes, size and pattern for this body: with neither --sic nor --name-matches, its own codes."""
        codes = (self.sic if self.sic is not None else None if self.name_matches is not None
                 else default_sic_codes(body.sic_codes))
        pattern = re.compile(self.name_matches, re.IGNORECASE) if self.name_matches is not None else None
        return PeerChoice(codes, body.employer_size if self.size else None, self.size, pattern)


@dataclass(frozen=True, slots=True)
class PeerChoice:
    """The peers' SIC codes (any one shared; None: any), size band (when `by_size`) and name pattern."""

    codes: tuple[str, ...] | None
    size: str | None
    by_size: bool
    pattern: re.Pattern[str] | None

    def admits(self, row: DownloadRow) -> bool:
        return ((self.codes is None or not set(self.codes).isdisjoint(row.sic_codes))
                and (not self.by_size or row.employer_size == self.size)
                and (self.pattern is None or self.pattern.search(row.employer_name) is not None))

    def may_admit(self, name: str, sic: str, size: str) -> bool:
        """A quick test on a row's raw cells that lets through every row `admits` would (and a few more)."""
        return ((self.codes is None or not set(self.codes).isdisjoint(sic_codes(sic)))
                and (not self.by_size or self.size is None or self.size.replace(" ", "") in size.replace(" ", ""))
                and (self.pattern is None or self.pattern.search(name) is not None))


def default_sic_codes(codes: Sequence[str]) -> tuple[str, ...]:
    """The body's own SIC codes; the public-sector marker 1 only when it is the only one (else every public
    body would match)."""
    own = tuple(dict.fromkeys(codes))
    return own if own == (PUBLIC_SECTOR_SIC,) else tuple(code for code in own if code != PUBLIC_SECTOR_SIC)


def compare_with_peers(body: DownloadRow, body_figures: Mapping[str, float | None], candidates: Iterable[DownloadRow],
                       snapshot: dt.date, choice: PeerFilter) -> PeerComparison:
    """The body against the `candidates` (rows at `snapshot`, one per employer, the body's among them or not)."""
    chosen = choice.chosen(body)
    peers = [row for row in candidates if row.employer_id != body.employer_id and chosen.admits(row)]
    figures = {name: peer_figure(body_figures.get(name), [row.figures[name] for row in peers])
               for name in PEER_FIGURES}
    return PeerComparison(snapshot, len(peers), chosen.codes, chosen.size, choice.name_matches, figures,
                          tuple(sorted((row.employer_name for row in peers), key=str.casefold)))


def peer_figure(body: float | None, values: Sequence[float | None]) -> PeerFigure:
    """The median, quartiles and the body's percentile over the peers that have the figure."""
    given = sorted(Decimal(str(value)) for value in values if value is not None)
    if len(given) < 2:
        return PeerFigure(body, len(given), None, None, None, None)
    lower, _middle, upper = statistics.quantiles(given, n=4, method="inclusive")
    percentile = None
    if body is not None:
        mine = Decimal(str(body))
        below = sum(value < mine for value in given)
        equal = sum(value == mine for value in given)
        percentile = _one_place(100 * (below + Decimal(equal) / 2) / len(given))
    return PeerFigure(body, len(given), float(statistics.median(given)), float(lower), float(upper), percentile)


def _one_place(value: Decimal) -> float:
    return float(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
