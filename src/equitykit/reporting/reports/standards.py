"""WRES and WDES reports: every indicator or metric with last year's figure beside it, suppressed
where it rests on fewer people than the organisation's threshold."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ...metrics.standards import Groups, Likelihood, WorkforceDataMissing
from ...metrics.wdes import WDES_GROUPS, has_wdes, wdes_metrics
from ...metrics.wres import WRES_GROUPS, has_wres, wres_indicators
from ...records.objective import Measure, Objective
from ...records.repository import RecordSet
from .actions import natural_key
from .context import Builder, cell, header
from .document import Fact, Facts, Paragraph, Report, Section
from .labels import band_label
from .objectives import latest_text, measure_value, target_text
from .report_charts import likelihood_chart, representation_chart


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


WRES = Standard("wres", "Workforce Race Equality Standard", "WRES", "Indicator", WRES_GROUPS, has_wres,
                wres_indicators)
WDES = Standard("wdes", "Workforce Disability Equality Standard", "WDES", "Metric", WDES_GROUPS, has_wdes,
                wdes_metrics)


def wres_report(records: RecordSet, as_of: dt.date) -> Report:
    return standard_report(WRES, records, as_of)


def wdes_report(records: RecordSet, as_of: dt.date) -> Report:
    return standard_report(WDES, records, as_of)


def standard_report(standard: Standard, records: RecordSet, as_of: dt.date) -> Report:
    builder = Builder(records, as_of)
    refused = builder.not_applicable(standard.kind, f"{standard.title} report", standard.kind)
    if refused is not None:
        return refused
    sections = standard_sections(builder, standard)
    return builder.finish(standard.kind, f"{standard.title} report", sections)


def results(builder: Builder, standard: Standard) -> tuple[Any, Any] | str:
    """This year's and last year's results, or why there are none."""
    history = [w for w in builder.records.of("workforce") if w.snapshot <= builder.as_of]
    try:
        current = standard.compute(history)
    except WorkforceDataMissing as exc:
        return f"The {standard.short} cannot be reported: {exc}."
    previous = None
    if current.previous_snapshot is not None:
        previous = standard.compute(history, current.previous_snapshot)
    return current, previous


def standard_sections(builder: Builder, standard: Standard) -> list[Section]:
    """The sections of a WRES or WDES report (also used in the annual PSED report)."""
    found = results(builder, standard)
    if isinstance(found, str):
        return [builder.section(f"{standard.short} data", [Paragraph(found)]), *targets_sections(builder, standard)]
    current, previous = found
    s, groups = builder.suppress, standard.groups
    focus, reference = groups.names[groups.focus], groups.names[groups.reference]
    last = builder.date(current.previous_snapshot, "")

    def then(*indexes: int) -> tuple[int, ...]:
        """The comparison columns, left out of a first year's tables."""
        return () if previous else indexes

    intro = builder.section(f"About the {standard.short} figures", [Facts((
        Fact("Data as at", builder.date(current.snapshot)),
        Fact("Compared with", builder.date(current.previous_snapshot, "no earlier snapshot recorded")),
        Fact("No adverse impact range", f"{float(current.band.lower):.2f} to {float(current.band.upper):.2f}"),
    ))])

    targets = indicator_targets(builder, standard)
    rep, before = current.representation, None if previous is None else previous.representation
    rows = [(header(f"{standard.item} 1: {focus} staff as a share of staff whose status is known"),
             cell(s.figure(rep.overall, "%")), cell(s.figure(before.overall, "%") if before else "no data"),
             cell(s.figure(rep.change, " pp", True, "no data")))]
    earlier = {(b.staff_group, b.band): b for b in before.bands} if before else {}
    band_rows = []
    for band in rep.bands:
        old = earlier.get((band.staff_group, band.band))
        band_rows.append((header(band_label(band.staff_group, band.band)),
                          cell(s.figure(band.share, "%")), cell(s.figure(old.share, "%") if old else "no data"),
                          cell(s.figure(band.gap, " pp", True))))
    representation = builder.section(f"{standard.item} 1: representation by band", [
        builder.table(f"{focus} staff overall", *beside(targets, (
            "Measure", builder.date(current.snapshot), last, "Change"), rows, ["1"]), left_out=then(2, 3)),
        representation_chart(builder, builder.table(f"{focus} staff in each band", (
            "Staff group and band", f"{focus} share {builder.date(current.snapshot)}", f"{focus} share {last}",
            "Difference from overall share"), band_rows, left_out=then(2)), focus,
            [(band.staff_group, band.band, row[1].text) for band, row in zip(rep.bands, band_rows, strict=True)],
            rows[0][1].text),
    ])

    old_likelihoods = {lk.number: lk for lk in previous.likelihoods} if previous else {}
    likelihood_rows = [likelihood_row(builder, standard, lk, old_likelihoods.get(lk.number))
                       for lk in current.likelihoods]
    likelihoods = builder.section(f"{standard.short} relative likelihoods", [builder.table(
        f"{standard.short} relative likelihoods", *beside(targets, (
            standard.item, f"{focus} rate", f"{reference} rate", "Relative likelihood",
            f"Last year ({last})", "Reading"), likelihood_rows, [lk.number for lk in current.likelihoods]),
        left_out=then(4)), *likelihood_chart(builder, standard)])

    old_surveys = {r.number: r for r in previous.surveys} if previous else {}
    survey_rows = []
    for result in current.surveys:
        old = old_surveys.get(result.number)
        survey_rows.append((
            header(f"{standard.item} {result.number}: {result.title}"),
            cell(s.figure(result.percentages[groups.focus], "%")),
            cell(s.figure(old.percentages[groups.focus], "%") if old else "no data"),
            cell(s.figure(result.percentages[groups.reference], "%")),
            cell(s.figure(old.percentages[groups.reference], "%") if old else "no data"),
        ))
    surveys = builder.section(f"{standard.short} indicators from the NHS Staff Survey", [builder.table(
        f"{standard.short} staff survey results", *beside(
            targets, (standard.item, f"{focus} {builder.date(current.snapshot)}", f"{focus} {last}",
                      f"{reference} {builder.date(current.snapshot)}", f"{reference} {last}"), survey_rows,
            [result.number for result in current.surveys]), left_out=then(2, 4))])

    sections = [intro, representation, likelihoods, surveys]
    if standard is WDES:
        sections.append(engagement_section(builder, current, previous))
    old_board = {b.membership: b for b in previous.board} if previous else {}
    board_rows = []
    for row in current.board:
        old = old_board.get(row.membership)
        board_rows.append((header(f"{row.membership.capitalize()} members"), cell(s.figure(row.board, "%")),
                           cell(s.figure(row.workforce, "%")), cell(s.figure(row.difference, " pp", True)),
                           cell(s.figure(old.difference, " pp", True) if old else "no data")))
    number = "9" if standard is WRES else "10"
    sections.append(builder.section(f"{standard.item} {number}: board membership", [builder.table(
        f"{focus} board members against the workforce", *beside(targets, (
            "Membership", f"{focus} share of the board", f"{focus} share of the workforce",
            "Difference", f"Difference {last}"), board_rows, [number] * len(board_rows)),
        left_out=then(4))]))
    return sections + targets_sections(builder, standard)


def targeted(builder: Builder, standard: Standard) -> list[tuple[str, Objective, Measure]]:
    """Each objective measure that tracks one of this standard's indicators, by indicator number."""
    return sorted(((measure.indicator.number, objective, measure)
                   for objective in builder.records.of("objective") for measure in objective.measures
                   if isinstance(measure, Measure) and measure.indicator is not None
                   and measure.indicator.standard == standard.kind), key=lambda t: (natural_key(t[0]), t[1].id))


def indicator_targets(builder: Builder, standard: Standard) -> dict[str, str]:
    """The target text of each indicator number that an objective sets a target for (9a counts for 9)."""
    targets: dict[str, list[str]] = {}
    for number, objective, measure in targeted(builder, standard):
        if measure.target is not None:
            text = f"{measure_value(builder, measure, measure.target)}, {objective.id}"
            targets.setdefault(number, []).append(text)
            targets.setdefault(number.rstrip("abcdefghij"), []).append(text)
    return {number: "\n".join(dict.fromkeys(texts)) for number, texts in targets.items()}


def beside(targets: dict[str, str], columns: tuple[str, ...], rows: list,
           numbers: list[str]) -> tuple[tuple[str, ...], list]:
    """Columns and rows with a Target column for the indicators numbered `numbers`, when any has a target."""
    if not targets:
        return columns, rows
    return (*columns, "Target"), [(*row, cell(targets.get(number, "None set")))
                                  for row, number in zip(rows, numbers, strict=True)]


def targets_sections(builder: Builder, standard: Standard) -> list[Section]:
    """The targets equality objectives set for this standard's indicators, in full."""
    found = targeted(builder, standard)
    if not found:
        return []
    rows = [(header(f"{standard.item} {number}"), cell(f"{objective.id}: {measure.description}"),
             cell(measure_value(builder, measure, measure.baseline)), cell(target_text(builder, measure)),
             cell(latest_text(builder, measure))) for number, objective, measure in found]
    return [builder.section(f"{standard.short} targets", [
        Paragraph(f"The targets our equality objectives set for {standard.short} "
                  f"{standard.item.lower()}s, to read beside the figures above."),
        builder.table(f"{standard.short} targets", (standard.item, "Objective measure", "Baseline",
                                                    "Target and interim targets", "Latest"), rows)])]


def likelihood_row(builder: Builder, standard: Standard, lk: Likelihood, old: Likelihood | None) -> tuple:
    s, groups = builder.suppress, standard.groups
    ratio = s.figure(lk.ratio)
    reading = "not published (small numbers)" if ratio == "[c]" else lk.status
    title = f"{standard.item} {lk.number}: {lk.title}"
    if lk.years == 2:
        title += " (two-year rolling average)"
    return (header(title), cell(s.figure(lk.rates.get(groups.focus), "%")),
            cell(s.figure(lk.rates.get(groups.reference), "%")), cell(ratio),
            cell(s.figure(old.ratio) if old else "no data"), cell(reading))


def engagement_section(builder: Builder, current: Any, previous: Any) -> Section:
    s = builder.suppress
    names = {"disabled": "Disabled staff", "non_disabled": "Non-disabled staff", "overall": "All staff"}
    rows = [(header(name), cell(s.figure(current.engagement.scores.get(key))),
             cell(s.figure(previous.engagement.scores.get(key)) if previous else "no data"))
            for key, name in names.items()]
    voice = current.voice
    return builder.section("Metric 9: engagement and voice", [
        builder.table("Metric 9a: staff engagement score (0 to 10)", (
            "Group", builder.date(current.snapshot), builder.date(current.previous_snapshot)), rows,
            left_out=() if previous else (2,)),
        Facts((Fact("Metric 9b: action taken to facilitate the voices of Disabled staff",
                    "Yes" if voice.facilitated else "No"),)),
        *([Paragraph(voice.narrative)] if voice.narrative else []),
    ])
