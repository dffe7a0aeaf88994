"""The system report for an ICB board: each member's position, the pooled figures and their trends.

Built as a typed `Report` through the same builder as every other report, so it is rendered by the
sandboxed templates (`system.md.j2`, `system.html.j2`). Suppression applies to member and pooled
cells alike, at the highest threshold of the system and any member, so no member's small numbers
are shown that its own reports would hide; and a pooled figure that, less the other members' own
figures, would give a member's hidden number back is hidden too (`disclosure`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..i18n import _
from ..metrics.standards import Likelihood
from ..records.repository import RecordSet
from ..reporting.labels import band_label
from ..reporting.reports.context import Builder, cell, header
from ..reporting.reports.document import Block, Cell, Fact, Facts, Paragraph, Report, Section, Table
from ..reporting.reports.environment import render
from ..reporting.reports.standards import WDES as WDES_REPORT
from ..reporting.reports.standards import WRES as WRES_REPORT
from ..reporting.reports.standards import Standard, likelihood_row
from ..reporting.reports.suppression import Suppressor, is_small
from .disclosure import hides_more, protect_standard, withheld_relevant_employees
from .members import WDES, WRES, MemberSummary, StandardSpec
from .pooling import Missing, PooledStandard, pool_standard
from .status import SystemStatus

KIND = "system"
COMPLEMENTARY_NOTE = ("A system figure is hidden too where it would reveal a number that an organisation hides "
                      "because it is small: the system figure less the figures the other organisations publish "
                      "themselves would give that number back.")


def system_report(status: SystemStatus) -> Report:
    """The typed context of the system report (already suppressed)."""
    builder = Builder(RecordSet(root=status.root, organisation=status.organisation), status.as_of)
    builder.suppress = Suppressor(max(m.threshold for m in status.members))
    sections = [_about(builder, status), _members(builder, status)]
    for spec, standard, pooled, trend in ((WRES, WRES_REPORT, status.wres, status.wres_trend),
                                          (WDES, WDES_REPORT, status.wdes, status.wdes_trend)):
        sections.append(_standard(builder, status, spec, standard, *_protected(builder, spec, pooled, trend)))
    sections.append(_paygap(builder, status))
    return builder.finish(KIND, _("Integrated care system equality report"), sections,
                          summary=_("The equality position of {name} and its member organisations.").format(
                              name=builder.name))


def render_system_report(status: SystemStatus, output_format: str, templates: Path | None = None) -> str:
    """The system report as Markdown (`md`) or HTML (`html`)."""
    return render(system_report(status), output_format, status.root, templates)


def _protected(builder: Builder, spec: StandardSpec, pooled: PooledStandard | None,
               trend: Sequence[PooledStandard]) -> tuple[PooledStandard | None, list[PooledStandard]]:
    """The pooled figures and their trend, each hidden where it would give a member's hidden number back."""
    threshold = builder.suppress.threshold
    protected = [protect_standard(each, spec, threshold) for each in trend]
    if any(hides_more(old, new, threshold) for old, new in zip(trend, protected, strict=True)):
        _note_complementary(builder)
    return (None if pooled is None else protect_standard(pooled, spec, threshold)), protected


def _note_complementary(builder: Builder) -> None:
    if COMPLEMENTARY_NOTE not in builder.notes:
        builder.notes.append(COMPLEMENTARY_NOTE)


def _about(builder: Builder, status: SystemStatus) -> Section:
    members = [m for m in status.members if m.role == "member"]
    return builder.section(_("About this report"), [
        Facts((Fact(_("System"), builder.name), Fact(_("Member organisations"), str(len(members))),
               Fact(_("Position on"), builder.date(status.as_of)))),
        Paragraph(_("System figures are computed from the numbers of staff that the organisations recorded for "
                    "the same date, added together; they are not averages of the organisations' own figures. "
                    "An organisation without figures for that date is listed as not included, never counted "
                    "as zero. Pay gap figures cannot be added together, so they are shown side by side.")),
    ])


def _members(builder: Builder, status: SystemStatus) -> Section:
    rows = [_member_row(builder, member) for member in status.members]
    return builder.section(_("Member organisations"), [builder.table(
        _("Position of each organisation"), (_("Organisation"), _("Overdue duties"), _("Due soon"), _("EDS rating"),
                                             _("Objectives in progress")), rows)])


def _member_row(builder: Builder, member: MemberSummary) -> tuple[Cell, ...]:
    if member.unreadable is not None:
        return (header(member.name), *(cell(_("records not available")),) * 4)
    overdue = len(member.overdue)
    return (header(member.name), cell(str(overdue), "overdue" if overdue else None),
            cell(str(len(member.due))),
            cell(builder.untranslated(member.eds) if member.eds else
                 (_("no assessment recorded") if member.nhs else _("does not apply"))),
            cell(str(member.objectives_in_progress)))


def _standard(builder: Builder, status: SystemStatus, spec: StandardSpec, standard: Standard,
              pooled: PooledStandard | None, trend: Sequence[PooledStandard]) -> Section:
    short = standard.short
    if pooled is None:
        return builder.section(_("System {standard}").format(standard=short), [Paragraph(
            _("No member organisation has recorded {standard} data.").format(standard=short))])
    s, groups, item = builder.suppress, standard.groups, _(standard.item)
    focus, reference = _(groups.names[groups.focus]), _(groups.names[groups.reference])
    earlier = _previous(builder, status, spec, pooled, trend)
    old = {lk.number: lk for lk in earlier.likelihoods} if earlier else {}
    last = builder.date(earlier.snapshot if earlier else None, _("no data"))
    share_row = (header(_("{item} 1: {group} staff as a share of staff whose status is known").format(
                     item=item, group=focus)),
                 cell(s.figure(pooled.share, "%")), cell(""), cell(""),
                 cell(s.figure(earlier.share, "%") if earlier else _("no data")), cell(""))
    figures = builder.table(_("System {standard} figures, pooled").format(standard=short), (
        item, _("{group} rate").format(group=focus), _("{group} rate").format(group=reference),
        _("Relative likelihood"), _("Previous ({date})").format(date=last), _("Reading")),
        [share_row, *(likelihood_row(builder, standard, lk, old.get(lk.number)) for lk in pooled.likelihoods)])
    return builder.section(_("System {standard}").format(standard=short), [
        Facts((Fact(_("Data as at"), builder.date(pooled.snapshot)),
               Fact(_("Organisations included"), str(len(pooled.included))),
               Fact(_("No adverse impact range"), _("{lower} to {upper}").format(lower="0.80", upper="1.25")))),
        figures,
        _coverage(builder, _("Organisations in the system {standard} figures").format(standard=short),
                  pooled.included, pooled.missing),
        *_previous_coverage(builder, pooled, earlier),
        builder.table(_("{group} staff in each band, pooled").format(group=focus), (
            _("Staff group and band"),
            _("{group} share {date}").format(group=focus, date=builder.date(pooled.snapshot))),
            [(header(band_label(staff_group, band)), cell(s.figure(figure, "%")))
             for staff_group, band, figure in pooled.bands]),
        Paragraph(_("The pooled indicator 3 is a single year's figure: the organisations' figures a year earlier "
                     "may not be for the same date.") if standard.kind == "wres" else
                   _("The pooled metric 3 is a single year's figure: the organisations' figures a year earlier "
                     "may not be for the same date.")),
    ], [
        _trend(builder, standard, trend),
        _member_figures(builder, status, spec, standard),
    ])


def _previous(builder: Builder, status: SystemStatus, spec: StandardSpec, pooled: PooledStandard,
              trend: Sequence[PooledStandard]) -> PooledStandard | None:
    """The figures of the date before `pooled`'s, pooled over the same organisations (those of them with
    figures for that date), so that the two columns compare like with like; None if none of them has any."""
    dates = [each.snapshot for each in trend if each.snapshot < pooled.snapshot]
    if not dates:
        return None
    same = [member for member in status.members if member.name in pooled.included]
    found = pool_standard(same, spec, max(dates))
    if found is None or not found.included:
        return None
    protected = protect_standard(found, spec, builder.suppress.threshold)
    if hides_more(found, protected, builder.suppress.threshold):
        _note_complementary(builder)
    return protected


def _previous_coverage(builder: Builder, pooled: PooledStandard, earlier: PooledStandard | None) -> list[Block]:
    """Which organisations each column pools: the same ones, or which of them the previous column leaves out."""
    if earlier is None:
        return []
    names = ", ".join(earlier.included)
    if len(earlier.included) == len(pooled.included):
        return [Paragraph(_("Both columns pool the same organisations: {names}.").format(names=names))]
    left_out = ", ".join(m.name for m in earlier.missing)
    return [Paragraph(_("The previous column ({date}) pools only {names}: of the organisations in the current "
                        "figures, {left_out} had no figures for that date.").format(
        date=builder.date(earlier.snapshot), names=names, left_out=left_out))]


def _coverage(builder: Builder, caption: str, included: Sequence[str], missing: Sequence[Missing]) -> Table:
    rows = [(header(name), cell(_("Included"))) for name in included]
    rows += [(header(m.name), cell(_("Not included: {reason}").format(reason=builder.untranslated(m.reason))))
             for m in missing]
    return builder.table(caption, (_("Organisation"), _("Included")), rows)


def _trend(builder: Builder, standard: Standard, trend: Sequence[PooledStandard]) -> Section:
    s = builder.suppress
    numbers = [lk.number for lk in trend[-1].likelihoods]
    rows = [(header(builder.date(pooled.snapshot)), cell(str(len(pooled.included))),
             cell(s.figure(pooled.share, "%")), *(cell(s.figure(lk.ratio)) for lk in pooled.likelihoods))
            for pooled in trend]
    focus, item = _(standard.groups.names[standard.groups.focus]), _(standard.item)
    return builder.section(_("System {standard} over time").format(standard=standard.short), [builder.table(
        _("System {standard} figures at each date").format(standard=standard.short), (
            _("Data as at"), _("Organisations included"), _("{group} share of staff").format(group=focus),
            *(_("{item} {number}").format(item=item, number=number) for number in numbers)), rows),
        Paragraph(_("The organisations included can differ from one date to the next; the table says how many."))])


def _member_figures(builder: Builder, status: SystemStatus, spec: StandardSpec, standard: Standard) -> Section:
    s = builder.suppress
    numbers = [likelihood.number for likelihood, _, _ in spec.likelihoods]
    rows = []
    for member in status.members:
        likelihoods: Sequence[Likelihood] = getattr(member, spec.name)
        snapshot = getattr(member, f"{spec.name}_snapshot")
        if not likelihoods:
            why = _("records not available") if member.unreadable else _("no data recorded")
            rows.append((header(member.name), cell(why), *(cell("") for _ in numbers)))
            continue
        rows.append((header(member.name), cell(builder.date(snapshot)),
                     *(cell(s.figure(lk.ratio)) for lk in likelihoods)))
    item = _(standard.item)
    return builder.section(_("Each organisation's {standard} relative likelihoods").format(standard=standard.short), [
        builder.table(_("{standard} relative likelihoods of each organisation, at its latest date").format(
            standard=standard.short), (_("Organisation"), _("Data as at"),
                                       *(_("{item} {number}").format(item=item, number=number) for number in numbers)),
            rows)])


def _paygap(builder: Builder, status: SystemStatus) -> Section:
    rows = []
    for member in status.members:
        gap = member.latest_paygap
        if gap is None:
            rows.append((header(member.name), cell(_("records not available") if member.unreadable
                                                   else _("no pay gap recorded")), cell(""), cell("")))
        else:
            rows.append((header(member.name), cell(builder.date(gap.snapshot)), cell(f"{gap.mean}%"),
                         cell(f"{gap.median}%")))
    blocks: list[Block] = [builder.table(_("Gender pay gap of each organisation, at its latest date"), (
        _("Organisation"), _("Snapshot date"), _("Mean hourly pay gap"), _("Median hourly pay gap")), rows)]
    pooled = status.paygap
    if pooled is not None:
        s = builder.suppress
        counts = {"male": pooled.male, "female": pooled.female}
        withheld = withheld_relevant_employees(pooled, s.threshold)
        if any(not is_small(counts[sex], s.threshold) for sex in withheld):
            _note_complementary(builder)
        shown = s.partition(counts, withheld)
        blocks += [
            Facts((Fact(_("Relevant employees across the system"), s.count(pooled.total)),
                   Fact(_("Men"), shown["male"]), Fact(_("Women"), shown["female"]),
                   Fact(_("Snapshot date"), builder.date(pooled.snapshot)))),
            _coverage(builder, _("Organisations in the system relevant employee figures"), pooled.included,
                      pooled.missing),
        ]
    return builder.section(_("Gender pay gap"), [
        Paragraph(_("Each organisation's pay gap is shown as it published it: pay gaps cannot be added together "
                    "across organisations. A positive gap means women are paid less.")),
        *blocks,
    ])
