"""The pay gap report: the six statutory gender pay gap figures with last year's beside them, the
quartile table and an SVG chart of it, and the narrative; then each other characteristic's recorded
pay gaps (ethnicity, disability, sexual orientation) with the reference group, the disclosure rate,
suppression of small groups and what each gap means."""

from __future__ import annotations

import datetime as dt

from ...i18n import N_, _
from ...metrics.diversity_paygap import CHARACTERISTIC_LABELS, GROUP_LABELS
from ...obligations.rules import PAY_GAP_DUTIES, duty_on
from ...records.paygap import GroupComparison, GroupQuartiles, PayGap
from ...records.repository import RecordSet
from ...records.sectors import IN_JURISDICTION
from .context import Builder, cell, header
from .document import Block, Fact, Facts, Paragraph, Report, Section
from .paygap_peers import peers_section
from .report_charts import gap_chart, quartile_chart
from .suppression import SUPPRESSED, number

QUARTILES = (("Lower", N_("Lower quartile (lowest paid)"), N_("Lower quartile")),
             ("LowerMiddle", N_("Lower middle quartile"), N_("Lower middle quartile")),
             ("UpperMiddle", N_("Upper middle quartile"), N_("Upper middle quartile")),
             ("Top", N_("Upper quartile (highest paid)"), N_("Upper quartile")))
"""Each pay quartile: its key in the figures, its name, and its name where the chart labels it."""
DISCLOSED = {
    "ethnicity": N_("{disclosed} of {total} staff ({percent}) told us their ethnicity. Staff who did not are left "
                    "out of the gaps and shown as not disclosed in the pay quartiles."),
    "disability": N_("{disclosed} of {total} staff ({percent}) told us whether they are disabled. Staff who did not "
                     "are left out of the gaps and shown as not disclosed in the pay quartiles."),
    "sexual-orientation": N_("{disclosed} of {total} staff ({percent}) told us their sexual orientation. Staff who did "
                             "not are left out of the gaps and shown as not disclosed in the pay quartiles."),
}


def paygap_report(records: RecordSet, as_of: dt.date) -> Report:
    """The gender pay gap, and the ethnicity, disability and sexual orientation pay gaps where they are
    recorded: titled for what it carries."""
    builder = Builder(records, as_of)
    diversity = diversity_sections(builder)
    sections = [*paygap_sections(builder), *diversity]
    if not sections:
        org = builder.organisation
        sections = [builder.section(_("Not applicable"), [Paragraph(_(
            "No gender pay gap reporting duty applies to {name}, a body {where}, and it has recorded no pay gap "
            "figures.").format(name=builder.name, where=_(IN_JURISDICTION[org.jurisdiction])))])]
    title = _("Pay gap report") if diversity else _("Gender pay gap report")
    return builder.finish("paygap", title, sections)


def gender_records(builder: Builder) -> list[PayGap]:
    """The gender pay gap records on or before the as-of date."""
    return [r for r in builder.records.of("paygap") if r.snapshot <= builder.as_of and r.characteristic == "sex"]


def chosen(builder: Builder) -> tuple[PayGap | None, PayGap | None]:
    """The latest pay gap record on or before the as-of date, and the one a year before it."""
    records = gender_records(builder)
    current = max(records, key=lambda r: r.snapshot, default=None)
    if current is None:
        return None, None
    earlier = [r for r in records if r.snapshot.year == current.snapshot.year - 1]
    return current, max(earlier, key=lambda r: r.snapshot, default=None)


def paygap_sections(builder: Builder) -> list[Section]:
    """The gender pay gap figures; with none recorded, why (the body is not required to publish them, or has
    not recorded them yet), or no section at all when no pay gap duty applies to the body (in Wales)."""
    current, previous = chosen(builder)
    if current is None:
        applies = duty_on(builder.organisation, PAY_GAP_DUTIES, builder.as_of)
        if applies is None:
            return []
        if applies.applies is False:
            why = _("{name} is not required to publish gender pay gap figures ({reason}).").format(
                name=builder.name, reason=applies.reason)
        elif applies.applies is None:
            why = _("No gender pay gap figures are recorded: {reason}.").format(
                reason=applies.reason)
        else:
            why = _("No gender pay gap figures are recorded yet.")
        return [builder.section(_("Gender pay gap figures"), [Paragraph(why)])]
    hidden_now, hidden_before = hidden(builder, current), hidden(builder, previous)
    last = builder.date(previous.snapshot) if previous else ""
    first_year = previous is None  # no earlier figures: the comparison columns are left out
    this = builder.date(current.snapshot)

    def show(record: PayGap | None, field: str, hide: set[str]) -> str:
        if record is None:
            return _("no data")
        if field in hide:
            builder.suppress.used = True
            return SUPPRESSED
        return figure_text(record, field)

    figures = (
        (_("1. Mean gender pay gap in hourly pay"), "DiffMeanHourlyPercent"),
        (_("2. Median gender pay gap in hourly pay"), "DiffMedianHourlyPercent"),
        (_("3. Mean gender pay gap in bonus pay"), "DiffMeanBonusPercent"),
        (_("4. Median gender pay gap in bonus pay"), "DiffMedianBonusPercent"),
        (_("5a. Proportion of men paid a bonus"), "MaleBonusPercent"),
        (_("5b. Proportion of women paid a bonus"), "FemaleBonusPercent"),
    )
    rows = [(header(name), cell(show(current, field, hidden_now)), cell(show(previous, field, hidden_before)))
            for name, field in figures]
    six = builder.section(_("The six figures"), [
        Paragraph(_("A positive gap means women are paid less than men on average; a negative gap means "
                    "women are paid more. Figure 6 is the quartile table below.")),
        builder.table(_("Gender pay gap figures"), (_("Figure"), this, last), rows,
                      left_out=(2,) if first_year else ()),
        *gap_chart(builder, gender_records(builder), hidden)])

    quartile_rows = []
    for key, full_name, _short_name in QUARTILES:
        women, men = (show(current, f"{sex}{key}Quartile", hidden_now) for sex in ("Female", "Male"))
        women_before, men_before = (show(previous, f"{sex}{key}Quartile", hidden_before) for sex in ("Female", "Male"))
        quartile_rows.append((header(_(full_name)), cell(women), cell(men), cell(women_before), cell(men_before)))
    table = builder.table(_("Figure 6: women and men in each pay quartile, {date}").format(date=this), (
        _("Quartile"), _("Women {date}").format(date=this), _("Men {date}").format(date=this),
        _("Women {date}").format(date=last), _("Men {date}").format(date=last)), quartile_rows,
        left_out=(3, 4) if first_year else ())
    chart = quartile_chart(builder, table, [(_(short_name), row[1].text, row[2].text)
                                            for (_key, _full, short_name), row in zip(QUARTILES, quartile_rows,
                                                                                       strict=True)], this)
    sections = [six, builder.section(_("Pay quartiles"), [chart])]
    facts = [Fact(_("Snapshot date"), this)]
    if current.employer_size:
        facts.append(Fact(_("Employer size"), builder.untranslated(current.employer_size)))
    if current.responsible_person:
        facts.append(Fact(_("Responsible person"), builder.text(current, "responsible_person")))
    if current.submitted:
        facts.append(Fact(_("Submitted to GOV.UK"), builder.date(current.submitted)))
    if current.link:
        from .escaping import link

        facts.append(Fact(_("More information"), link(current.link, current.link)))
    narrative = [Paragraph(builder.text(current, "narrative"))] if current.narrative else []
    sections.append(builder.section(_("About the figures"), [Facts(tuple(facts)), *narrative]))
    among_peers = peers_section(builder, current)
    return sections + ([among_peers] if among_peers is not None else [])


def figure_text(record: PayGap, field: str) -> str:
    """A figure as published: a percentage, a bonus gap that cannot be computed, or one not published."""
    figures = record.figures
    if figures is None or not figures.given(field):
        return _("not published")
    value = getattr(figures, field)
    return _("not applicable (no bonuses paid)") if value is None else number(value, "%")


def hidden(builder: Builder, record: PayGap | None) -> set[str]:
    """The figures of a record that rest on a small count and must not be published."""
    if record is None or record.counts is None:
        return set()
    counts, small, fields = record.counts, builder.suppress.rests_on, set()
    if small(counts.male_full_pay, counts.female_full_pay):
        fields |= {"DiffMeanHourlyPercent", "DiffMedianHourlyPercent"}
    if small(counts.male_bonus, counts.female_bonus):
        fields |= {"DiffMeanBonusPercent", "DiffMedianBonusPercent", "MaleBonusPercent", "FemaleBonusPercent"}
    full_pay = (counts.male_full_pay or 0) + (counts.female_full_pay or 0)
    if full_pay:
        for key, *_names in QUARTILES:
            shares = [getattr(record.figures, f"{sex}{key}Quartile") for sex in ("Male", "Female")]
            if None in shares:
                continue
            if small(*(round(share * full_pay / 400) for share in shares)):
                fields |= {f"Male{key}Quartile", f"Female{key}Quartile"}
    return fields


DIVERSITY_FIGURES = (("mean_hourly_gap", N_("Mean hourly pay gap")), ("median_hourly_gap", N_("Median hourly pay gap")),
                     ("mean_bonus_gap", N_("Mean bonus pay gap")), ("median_bonus_gap", N_("Median bonus pay gap")),
                     ("group_bonus_percent", N_("Group paid a bonus")))


def diversity_sections(builder: Builder) -> list[Section]:
    """A section for each characteristic other than sex: its latest pay gaps on or before the as-of date."""
    latest: dict[str, PayGap] = {}
    for record in builder.records.of("paygap"):
        if record.characteristic != "sex" and record.snapshot <= builder.as_of:
            if record.characteristic not in latest or record.snapshot > latest[record.characteristic].snapshot:
                latest[record.characteristic] = record
    return [diversity_section(builder, latest[key]) for key in CHARACTERISTIC_LABELS if key in latest]


def diversity_section(builder: Builder, record: PayGap) -> Section:
    """One characteristic's gaps: who is compared with whom, how many disclosed, each group's figures and
    what they mean, and each group's share of the pay quartiles."""
    label = _(CHARACTERISTIC_LABELS[record.characteristic])
    reference = str(record.reference)
    disclosure = record.disclosure
    comparisons = record.comparisons or []
    suppress = builder.suppress
    blocks: list[Block] = [Paragraph(_(
        "Each group is compared with {reference} staff, the reference group. A positive gap means the group is "
        "paid less than the reference group; a negative gap means it is paid more. The figures use the gender "
        "pay gap's definitions of pay, at the snapshot date {date}.").format(
            reference=_(GROUP_LABELS[reference]), date=builder.date(record.snapshot)))]
    if disclosure is not None:
        blocks.append(Paragraph(_(DISCLOSED[record.characteristic]).format(
            disclosed=suppress.count(disclosure.disclosed), total=suppress.count(disclosure.total),
            percent=_("not available") if disclosure.percent is None else number(disclosure.percent, "%"))))
    small: set[str] = {comparison.group for comparison in comparisons if suppress.rests_on(comparison.headcount)}
    rows = []
    for comparison in comparisons:
        shown = [_shown_figure(comparison, name, comparison.group in small) for name, _ in DIVERSITY_FIGURES]
        rows.append((header(group_name(comparison.group)), cell(suppress.count(comparison.headcount)),
                     *map(cell, shown), cell(_meaning(builder, comparison, reference, comparison.group in small))))
    blocks.append(builder.table(
        _("{characteristic} pay gaps, {date}").format(characteristic=label, date=builder.date(record.snapshot)),
        (_("Group"), _("Staff"), *(_(name) for _key, name in DIVERSITY_FIGURES), _("What it means")), rows))
    if comparisons:
        bonus = comparisons[0].figures.reference_bonus_percent
        blocks.append(Paragraph(_("{reference} staff paid a bonus: {percent}.").format(
            reference=group_name(reference), percent=_("not available") if bonus is None else number(bonus, "%"))))
    if record.quartiles is not None:
        blocks.append(_diversity_quartiles(builder, record, record.quartiles, small, label))
    if record.narrative:
        blocks.append(Paragraph(builder.text(record, "narrative")))
    return builder.section(_("{characteristic} pay gaps").format(characteristic=label), blocks)


def group_name(group: str) -> str:
    """A group of a pay gap comparison to start a sentence or head a column, in the report's language."""
    label = _(GROUP_LABELS[group])
    return label[:1].upper() + label[1:]


def _shown_figure(comparison: GroupComparison, name: str, small: bool) -> str:
    if small:
        return SUPPRESSED
    value = getattr(comparison.figures, name)
    return _("not available") if value is None else number(value, "%")


def _meaning(builder: Builder, comparison: GroupComparison, reference: str, small: bool) -> str:
    """What a group's median hourly pay gap means, in a sentence."""
    if small:
        return _("Not published: too few staff in the group to publish without identifying people.")
    gap = comparison.figures.median_hourly_gap
    if gap is None:
        return builder.text(comparison, "reason") or _("Not compared.")
    them, us = _(GROUP_LABELS[comparison.group]), _(GROUP_LABELS[reference])
    if gap == 0:
        reading = _("No gap: {group} staff and {reference} staff have the same median hourly pay.")
    elif gap > 0:
        reading = _("{group} staff's median hourly pay is {size}% lower than that of {reference} staff.")
    else:
        reading = _("{group} staff's median hourly pay is {size}% higher than that of {reference} staff.")
    text = reading.format(group=them, reference=us, size=number(abs(gap)))
    return text[:1].upper() + text[1:]


def _diversity_quartiles(builder: Builder, record: PayGap, quartiles: GroupQuartiles, small: set[str],
                         label: str) -> Block:
    bands = {key: getattr(quartiles, key) for key in ("lower", "lower_middle", "upper_middle", "upper")}
    groups = list(next(iter(bands.values())))
    undisclosed = (record.disclosure.total - record.disclosure.disclosed) if record.disclosure else None
    if builder.suppress.rests_on(undisclosed):
        small = small | {"not-disclosed"}
    rows = []
    for shares, (_key, name, _short) in zip(bands.values(), QUARTILES, strict=True):
        hidden = builder.suppress.shares(shares, small)
        rows.append((header(_(name)), *(cell(SUPPRESSED if group in hidden else
                                             _("not available") if shares.get(group) is None else
                                             number(shares[group], "%")) for group in groups)))
    return builder.table(_("{characteristic}: each group's share of each pay quartile, {date}").format(
        characteristic=label, date=builder.date(record.snapshot)), (_("Quartile"), *map(group_name, groups)), rows)
