"""WRES and WDES reports: every indicator or metric with last year's figure beside it, suppressed
where it rests on fewer people than the organisation's threshold."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ...i18n import N_, _
from ...metrics.standards import Likelihood, WorkforceDataMissing
from ...records.objective import Measure, Objective
from ...records.published import printed_text
from ...records.repository import RecordSet
from ...records.tags import split_tag
from ..labels import MEMBERSHIP_WORDS, band_label
from .actions import due_text, leads_text, natural_key, status_text
from .context import Builder, cell, header, numbered
from .document import Fact, Facts, Paragraph, Report, Section
from .measures import latest_text, measure_value, target_text
from .report_charts import likelihood_chart, representation_chart
from .workforce_standard import WDES, WRES, Standard


def wres_report(records: RecordSet, as_of: dt.date) -> Report:
    return standard_report(WRES, records, as_of)


def wdes_report(records: RecordSet, as_of: dt.date) -> Report:
    return standard_report(WDES, records, as_of)


def standard_report(standard: Standard, records: RecordSet, as_of: dt.date) -> Report:
    builder = Builder(records, as_of)
    refused = builder.not_applicable(standard.kind, _(standard.title), standard.kind)
    if refused is not None:
        return refused
    sections = standard_sections(builder, standard)
    return builder.finish(standard.kind, _(standard.title), sections)


def results(builder: Builder, standard: Standard) -> tuple[Any, Any] | str:
    """This year's and last year's results, or why there are none."""
    history = [w for w in builder.records.of("workforce") if w.snapshot <= builder.as_of]
    try:
        current = standard.compute(history)
    except WorkforceDataMissing:  # its message says what to add to the records: advice for the command line
        return _("No {standard} data is recorded yet, so the {standard} cannot be reported.").format(
            standard=standard.short)
    previous = None
    if current.previous_snapshot is not None:
        previous = standard.compute(history, current.previous_snapshot)
    return current, previous


def standard_sections(builder: Builder, standard: Standard) -> list[Section]:
    """The sections of a WRES or WDES report (also used in the annual PSED report)."""
    found = results(builder, standard)
    if isinstance(found, str):
        return [builder.section(_("{standard} data").format(standard=standard.short), [Paragraph(found)]),
                *targets_sections(builder, standard)]
    current, previous = found
    s, groups, item, short = builder.suppress, standard.groups, _(standard.item), standard.short
    focus, reference = _(groups.names[groups.focus]), _(groups.names[groups.reference])
    last = builder.date(current.previous_snapshot, "")
    this = builder.date(current.snapshot)
    no_data = _("no data")

    def then(*indexes: int) -> tuple[int, ...]:
        """The comparison columns, left out of a first year's tables."""
        return () if previous else indexes

    intro = builder.section(_("About the {standard} figures").format(standard=short), [Facts((
        Fact(_("Data as at"), this),
        Fact(_("Compared with"), builder.date(current.previous_snapshot, _("no earlier snapshot recorded"))),
        Fact(_("No adverse impact range"), _("{lower} to {upper}").format(
            lower=f"{float(current.band.lower):.2f}", upper=f"{float(current.band.upper):.2f}")),
    ))])

    targets = indicator_targets(builder, standard)
    rep, before = current.representation, None if previous is None else previous.representation
    share = _("{item} 1: {group} staff as a share of staff whose status is known").format(item=item, group=focus)
    rows = [(header(share),
             cell(s.figure(rep.overall, "%")), cell(s.figure(before.overall, "%") if before else no_data),
             cell(s.figure(rep.change, " pp", True, no_data)))]
    earlier = {(b.staff_group, b.band): b for b in before.bands} if before else {}
    band_rows = []
    for band in rep.bands:
        old = earlier.get((band.staff_group, band.band))
        band_rows.append((header(band_label(band.staff_group, band.band)),
                          cell(s.figure(band.share, "%")), cell(s.figure(old.share, "%") if old else no_data),
                          cell(s.figure(band.gap, " pp", True))))
    by_band: Any = Paragraph(_("The share in each band was not published for {date}.").format(date=this))
    if rep.bands:
        by_band = representation_chart(builder, builder.table(_("{group} staff in each band").format(group=focus), (
            _("Staff group and band"), _("{group} share {date}").format(group=focus, date=this),
            _("{group} share {date}").format(group=focus, date=last),
            _("Difference from overall share")), band_rows, left_out=then(2)), focus,
            [(band.staff_group, band.band, row[1].text) for band, row in zip(rep.bands, band_rows, strict=True)],
            rows[0][1].text)
    representation = builder.section(_("{item} 1: representation by band").format(item=item), [
        builder.table(_("{group} staff overall").format(group=focus), *beside(targets, (
            _("Measure"), this, last, _("Change")), rows, ["1"]), left_out=then(2, 3)),
        by_band,
    ])

    old_likelihoods = {lk.number: lk for lk in previous.likelihoods} if previous else {}
    likelihood_rows = [likelihood_row(builder, standard, lk, old_likelihoods.get(lk.number))
                       for lk in current.likelihoods]
    likelihoods = builder.section(_("{standard} relative likelihoods").format(standard=short), [builder.table(
        _("{standard} relative likelihoods").format(standard=short), *beside(targets, (
            item, _("{group} rate").format(group=focus), _("{group} rate").format(group=reference),
            _("Relative likelihood"), _("Last year ({date})").format(date=last), _("Reading")), likelihood_rows,
            [lk.number for lk in current.likelihoods]), left_out=then(4)), *likelihood_chart(builder, standard)])

    old_surveys = {r.number: r for r in previous.surveys} if previous else {}
    survey_rows = []
    for result in current.surveys:
        old = old_surveys.get(result.number)
        survey_rows.append((
            header(numbered(_("{item} {number}").format(item=item, number=result.number),
                            _(result.title))),
            cell(s.figure(result.percentages[groups.focus], "%")),
            cell(s.figure(old.percentages[groups.focus], "%") if old else no_data),
            cell(s.figure(result.percentages[groups.reference], "%")),
            cell(s.figure(old.percentages[groups.reference], "%") if old else no_data),
        ))
    surveys = builder.section(_("{standard} indicators from the NHS Staff Survey").format(standard=short), [
        builder.table(_("{standard} staff survey results").format(standard=short), *beside(
            targets, (item, _("{group} {date}").format(group=focus, date=this),
                      _("{group} {date}").format(group=focus, date=last),
                      _("{group} {date}").format(group=reference, date=this),
                      _("{group} {date}").format(group=reference, date=last)), survey_rows,
            [result.number for result in current.surveys]), left_out=then(2, 4))])

    sections = [intro, representation, likelihoods, surveys]
    if standard is WDES:
        sections.append(engagement_section(builder, current, previous))
    old_board = {b.membership: b for b in previous.board} if previous else {}
    board_rows = []
    for row in current.board:
        old = old_board.get(row.membership)
        board_rows.append((header(_(MEMBERSHIP_WORDS[row.membership])), cell(s.figure(row.board, "%")),
                           cell(s.figure(row.workforce, "%")), cell(s.figure(row.difference, " pp", True)),
                           cell(s.figure(old.difference, " pp", True) if old else no_data)))
    number = "9" if standard is WRES else "10"
    sections.append(builder.section(_("{item} {number}: board membership").format(item=item, number=number), [
        builder.table(_("{group} board members against the workforce").format(group=focus), *beside(targets, (
            _("Membership"), _("{group} share of the board").format(group=focus),
            _("{group} share of the workforce").format(group=focus),
            _("Difference"), _("Difference {date}").format(date=last)), board_rows, [number] * len(board_rows)),
            left_out=then(4))]))
    return sections + as_published_sections(builder, standard) + targets_sections(builder, standard)


PART_WORDS = {"overall": N_("All staff"), "voting": N_("Voting members"), "executive": N_("Executive members")}


def as_published_sections(builder: Builder, standard: Standard) -> list[Section]:
    """Every figure of the standard recorded as published, year by year: as printed, with the staff survey's
    year, the comparators printed beside it and any note, to read beside the tables above."""
    rows = []
    records = sorted((w for w in builder.records.of("workforce") if w.snapshot <= builder.as_of and w.published),
                     key=lambda w: w.snapshot)
    groups, item = standard.groups, _(standard.item)
    for record in records:
        entries = getattr(record.published, standard.kind)
        for number in sorted(entries, key=natural_key):
            entry = entries[number]
            for part in ("value", *groups.names, *PART_WORDS):
                printed = getattr(entry, part, None)
                if printed is None:
                    continue
                name = _("{item} {number}").format(item=item, number=number)
                if part != "value":
                    words = _(groups.names[part]) if part in groups.names else _(PART_WORDS[part])
                    name = _("{name}, {part}").format(name=name, part=words)
                compared = part == "value"
                rows.append((cell(builder.date(record.snapshot)), header(name), cell(shown_printed(builder, printed)),
                             cell(str(entry.survey_year) if entry.survey_year else ""),
                             cell(shown_printed(builder, entry.national) if compared and entry.national else ""),
                             cell(shown_printed(builder, entry.previous_year) if compared and entry.previous_year
                                  else ""),
                             cell(builder.text(entry, "note") if entry.note else "")))
    if not rows:
        return []
    return [builder.section(_("{standard} figures as published").format(standard=standard.short), [
        Paragraph(_("These figures are copied from what we published at the time, as they were printed, for years "
                    "whose underlying numbers we do not hold. The tables above show them marked “as published”; "
                    "where the numbers are held, the tables show the figures calculated from them.")),
        builder.table(_("{standard} figures as published").format(standard=standard.short), (
            _("Data as at"), item, _("As printed"), _("Staff survey year"), _("National figure"),
            _("Previous year as printed"), _("Note")), rows)])]


def shown_printed(builder: Builder, printed: str | float | int) -> str:
    """A figure as printed: its text, marked as English in a Welsh report when it has words in it."""
    text = printed_text(printed)
    return builder.untranslated(text) if any(ch.isalpha() for ch in text) else text


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
            text = _("{target}, {objective}").format(target=measure_value(builder, measure, measure.target),
                                                     objective=objective.id)
            targets.setdefault(number, []).append(text)
            targets.setdefault(number.rstrip("abcdefghij"), []).append(text)
    return {number: "\n".join(dict.fromkeys(texts)) for number, texts in targets.items()}


def beside(targets: dict[str, str], columns: tuple[str, ...], rows: list,
           numbers: list[str]) -> tuple[tuple[str, ...], list]:
    """Columns and rows with a Target column for the indicators numbered `numbers`, when any has a target."""
    if not targets:
        return columns, rows
    return (*columns, _("Target")), [(*row, cell(targets.get(number, _("None set"))))
                                     for row, number in zip(rows, numbers, strict=True)]


def targets_sections(builder: Builder, standard: Standard) -> list[Section]:
    """The targets equality objectives set for this standard's indicators, in full, and the actions tagged with
    each indicator."""
    return [*objective_targets(builder, standard), *tagged_actions(builder, standard)]


def tagged_actions(builder: Builder, standard: Standard) -> list[Section]:
    """The actions tagged with each of this standard's indicators (wres:2, wdes:4), by indicator."""
    found = sorted(((split_tag(tag)[1], action) for action in builder.records.of("action") for tag in action.tags
                    if split_tag(tag)[0] == standard.kind), key=lambda t: (natural_key(t[0]), natural_key(t[1].id)))
    if not found:
        return []
    item = _(standard.item)
    rows = [(header(_("{item} {number}").format(item=item, number=number)),
             cell(numbered(action.id, builder.text(action, "title"))), cell(leads_text(builder, action)),
             cell(due_text(builder, action.due)), cell(status_text(builder, action)[0])) for number, action in found]
    heading = _("Actions for the {standard} indicators").format(standard=standard.short) if standard.kind == "wres" \
        else _("Actions for the {standard} metrics").format(standard=standard.short)
    return [builder.section(heading, [builder.table(heading, (
        item, _("Action"), _("Lead officer"), _("Due"), _("Status")), rows)])]


def objective_targets(builder: Builder, standard: Standard) -> list[Section]:
    """The targets equality objectives set for this standard's indicators, in full."""
    found = targeted(builder, standard)
    if not found:
        return []
    item = _(standard.item)
    rows = [(header(_("{item} {number}").format(item=item, number=number)),
             cell(numbered(objective.id, builder.text(measure, "description"))),
             cell(measure_value(builder, measure, measure.baseline)), cell(target_text(builder, measure)),
             cell(latest_text(builder, measure))) for number, objective, measure in found]
    return [builder.section(_("{standard} targets").format(standard=standard.short), [
        Paragraph(_("The targets our equality objectives set for WRES indicators, to read beside the figures above.")
                   if standard.kind == "wres" else
                   _("The targets our equality objectives set for WDES metrics, to read beside the figures above.")),
        builder.table(_("{standard} targets").format(standard=standard.short), (
            item, _("Objective measure"), _("Baseline"), _("Target and interim targets"), _("Latest")), rows)])]


def likelihood_row(builder: Builder, standard: Standard, lk: Likelihood, old: Likelihood | None) -> tuple:
    s, groups = builder.suppress, standard.groups
    ratio = s.figure(lk.ratio)
    reading = _("not published (small numbers)") if ratio == "[c]" else builder.untranslated(lk.status)
    number = _("{item} {number}").format(item=_(standard.item), number=lk.number)
    title = numbered(number, _(lk.title))
    if lk.years == 2:
        title = _("{title} (two-year rolling average)").format(title=title)
    return (header(title), cell(s.figure(lk.rates.get(groups.focus), "%")),
            cell(s.figure(lk.rates.get(groups.reference), "%")), cell(ratio),
            cell(s.figure(old.ratio) if old else _("no data")), cell(reading))


def engagement_section(builder: Builder, current: Any, previous: Any) -> Section:
    s = builder.suppress
    names = {"disabled": _("Disabled staff"), "non_disabled": _("Non-disabled staff"), "overall": _("All staff")}
    rows = [(header(name), cell(s.figure(current.engagement.scores.get(key))),
             cell(s.figure(previous.engagement.scores.get(key)) if previous else _("no data")))
            for key, name in names.items()]
    voice = current.voice
    facilitated = _("Not recorded") if voice is None else _("Yes") if voice.facilitated else _("No")
    return builder.section(_("Metric 9: engagement and voice"), [
        builder.table(_("Metric 9a: staff engagement score (0 to 10)"), (
            _("Group"), builder.date(current.snapshot), builder.date(current.previous_snapshot)), rows,
            left_out=() if previous else (2,)),
        Facts((Fact(_("Metric 9b: action taken to facilitate the voices of Disabled staff"), facilitated),)),
        *([Paragraph(builder.text(voice, "narrative"))] if voice is not None and voice.narrative else []),
    ])


