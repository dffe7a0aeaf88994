"""Where the body stands among its peers on the GOV.UK gender pay gap service (`paygap peers --write`): a
sentence, a chart of the body's percentile for each figure with the figures in a table, and who the peers are.
Shown in the pay gap report and, through it, the PSED report."""

from __future__ import annotations

from ...i18n import N_, _
from ...metrics.figures import exact, round_half_up
from ...records.paygap import PayGap, PeerGroup
from .charts import BarRow, Reference, bar_chart
from .context import Builder, cell, header
from .document import Block, BulletList, Paragraph, Section
from .report_charts import chart
from .suppression import number

PEER_FIGURE_NAMES = {
    "DiffMeanHourlyPercent": N_("Mean gender pay gap in hourly pay"),
    "DiffMedianHourlyPercent": N_("Median gender pay gap in hourly pay"),
    "DiffMeanBonusPercent": N_("Mean gender pay gap in bonus pay"),
    "DiffMedianBonusPercent": N_("Median gender pay gap in bonus pay"),
    "FemaleTopQuartile": N_("Women in the upper pay quartile"),
}
"""The figures compared with the peers, as a reader names them."""
PUBLIC_SECTOR_SIC = "1"


def _percent(value: float | None) -> str:
    """A figure or a peers' statistic, to one decimal place as the figures are published."""
    return _("not available") if value is None else number(round_half_up(exact(value), 1), "%")


def peers_section(builder: Builder, record: PayGap) -> Section | None:
    """The section on the body among its peers at the record's snapshot, if the record keeps the summary."""
    group = record.peers
    if group is None:
        return None
    date = builder.date(record.snapshot)
    intro = _("We compared our gender pay gap figures for {date} with those that {count} other employers reported "
              "to the GOV.UK gender pay gap service: {who}.").format(date=date, count=number(group.count),
                                                                      who=_criteria(group))
    blocks: list[Block] = [Paragraph(intro)]
    median = group.figures.get("DiffMedianHourlyPercent")
    if median is None or median.percentile is None or median.body is None:
        blocks.append(Paragraph(_("Too few of them reported a median hourly pay gap to say where ours stands.")))
    else:
        blocks.append(Paragraph(_(
            "Our median gender pay gap in hourly pay, {ours}, was higher than those of about {share} of them (a "
            "percentile of {percentile}). Their median was {median}, and the middle half of them lay between "
            "{lower} and {upper}.").format(
                ours=_percent(median.body), share=number(round(median.percentile), "%"),
                percentile=number(median.percentile), median=_percent(median.median),
                lower=_percent(median.lower_quartile), upper=_percent(median.upper_quartile))))
    rows, bars = [], []
    for key, name in PEER_FIGURE_NAMES.items():
        figure = group.figures.get(key)
        if figure is None:
            continue
        percentile = _("not available") if figure.percentile is None else number(figure.percentile)
        rows.append((header(_(name)), cell(_percent(figure.body)), cell(_percent(figure.lower_quartile)),
                     cell(_percent(figure.median)), cell(_percent(figure.upper_quartile)), cell(percentile),
                     cell(number(figure.peers))))
        bars.append(BarRow(_(name), figure.percentile, percentile if figure.percentile is not None
                           else _("too few employers to compare")))
    table = builder.table(_("Our figures and our peers', {date}").format(date=date), (
        _("Figure"), _("Ours"), _("Peers' lower quartile"), _("Peers' median"), _("Peers' upper quartile"),
        _("Our percentile"), _("Peers reporting it")), rows)
    summary = _("A percentile of 50 is the middle of our peers: above 50, our figure is higher than most of "
                "theirs. For a pay gap, higher means a wider gap; for women in the upper pay quartile, it means "
                "more women among the highest paid.")
    if any(bar.value is not None for bar in bars):
        blocks.append(chart(builder, _("Where our figures stand among our peers, {date}").format(date=date),
                            summary, bar_chart(bars, unit="", reference=Reference(50.0, _("Middle of our peers"))),
                            table))
    else:
        blocks.append(table)
    if group.employers:
        blocks += [Paragraph(_("The employers we compared ourselves with:")),
                   BulletList(tuple(builder.untranslated(name) for name in group.employers))]
    return builder.section(_("How we compare with other employers"), blocks)


def _criteria(group: PeerGroup) -> str:
    """Who the peers are, in words: what they share with the body."""
    parts = []
    if group.sic_codes == [PUBLIC_SECTOR_SIC]:
        parts.append(_("public sector bodies"))
    elif group.sic_codes:
        codes = [code for code in group.sic_codes if code != PUBLIC_SECTOR_SIC]
        parts.append(_("employers sharing a standard industrial classification (SIC) code with us ({codes})")
                     .format(codes=", ".join(codes)))
    if group.size is not None:
        parts.append(_("employers of our size ({size} employees)").format(size=_size_words(group.size)))
    if group.name_matches is not None:
        parts.append(_("employers chosen by name"))
    return "; ".join(parts) if parts else _("every employer that reported")


def _size_words(size: str) -> str:
    """A GOV.UK size band as written in a sentence ("less than 250")."""
    return size[:1].lower() + size[1:]
