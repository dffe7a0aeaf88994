"""The pay gap report: the six statutory gender pay gap figures with last year's beside them, the
quartile table and an SVG chart of it, and the narrative; then each other characteristic's recorded
pay gaps (ethnicity, disability, sexual orientation) with the reference group, the disclosure rate,
suppression of small groups and what each gap means."""

from __future__ import annotations

import datetime as dt

from ...metrics.diversity_paygap import CHARACTERISTIC_LABELS, DISCLOSED_WHAT, GROUP_LABELS, gap_reading, group_label
from ...obligations.headcount import threshold
from ...records.paygap import GroupComparison, GroupQuartiles, PayGap
from ...records.repository import RecordSet
from .context import Builder, cell, header
from .document import Block, Fact, Facts, Paragraph, Report, Section
from .report_charts import gap_chart, quartile_chart
from .suppression import SUPPRESSED, number

QUARTILES = (("Lower", "Lower quartile (lowest paid)"), ("LowerMiddle", "Lower middle quartile"),
             ("UpperMiddle", "Upper middle quartile"), ("Top", "Upper quartile (highest paid)"))


def paygap_report(records: RecordSet, as_of: dt.date) -> Report:
    builder = Builder(records, as_of)
    return builder.finish("paygap", "Gender pay gap report", [*paygap_sections(builder),
                                                             *diversity_sections(builder)])


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
    current, previous = chosen(builder)
    if current is None:
        applies = threshold(builder.organisation, builder.as_of, 250, "gender pay gap reporting")
        why = ("No gender pay gap figures are recorded yet; add them to paygap/ with "
               "`equitykit paygap compute`." if applies.applies else
               f"{builder.name} is not required to publish gender pay gap figures ({applies.reason}).")
        return [builder.section("Gender pay gap figures", [Paragraph(why)])]
    hidden_now, hidden_before = hidden(builder, current), hidden(builder, previous)
    last = builder.date(previous.snapshot) if previous else ""
    first_year = previous is None  # no earlier figures: the comparison columns are left out
    this = builder.date(current.snapshot)

    def show(record: PayGap | None, field: str, hide: set[str]) -> str:
        if record is None:
            return "no data"
        if field in hide:
            builder.suppress.used = True
            return SUPPRESSED
        value = getattr(record.figures, field)
        return "not applicable (no bonuses paid)" if value is None else number(value, "%")

    figures = (
        ("1. Mean gender pay gap in hourly pay", "DiffMeanHourlyPercent"),
        ("2. Median gender pay gap in hourly pay", "DiffMedianHourlyPercent"),
        ("3. Mean gender pay gap in bonus pay", "DiffMeanBonusPercent"),
        ("4. Median gender pay gap in bonus pay", "DiffMedianBonusPercent"),
        ("5a. Proportion of men paid a bonus", "MaleBonusPercent"),
        ("5b. Proportion of women paid a bonus", "FemaleBonusPercent"),
    )
    rows = [(header(name), cell(show(current, field, hidden_now)), cell(show(previous, field, hidden_before)))
            for name, field in figures]
    six = builder.section("The six figures", [
        Paragraph("A positive gap means women are paid less than men on average; a negative gap means "
                  "women are paid more. Figure 6 is the quartile table below."),
        builder.table("Gender pay gap figures", ("Figure", this, last), rows, left_out=(2,) if first_year else ()),
        *gap_chart(builder, gender_records(builder), hidden)])

    quartile_rows = []
    for key, name in QUARTILES:
        women, men = (show(current, f"{sex}{key}Quartile", hidden_now) for sex in ("Female", "Male"))
        women_before, men_before = (show(previous, f"{sex}{key}Quartile", hidden_before) for sex in ("Female", "Male"))
        quartile_rows.append((header(name), cell(women), cell(men), cell(women_before), cell(men_before)))
    table = builder.table(f"Figure 6: women and men in each pay quartile, {this}", (
        "Quartile", f"Women {this}", f"Men {this}", f"Women {last}", f"Men {last}"), quartile_rows,
        left_out=(3, 4) if first_year else ())
    chart = quartile_chart(builder, table, [(name.split(" (")[0], row[1].text, row[2].text)
                                            for (_, name), row in zip(QUARTILES, quartile_rows, strict=True)], this)
    sections = [six, builder.section("Pay quartiles", [chart])]
    facts = [Fact("Snapshot date", this)]
    if current.employer_size:
        facts.append(Fact("Employer size", current.employer_size))
    if current.responsible_person:
        facts.append(Fact("Responsible person", current.responsible_person))
    if current.submitted:
        facts.append(Fact("Submitted to GOV.UK", builder.date(current.submitted)))
    if current.link:
        from .escaping import link

        facts.append(Fact("More information", link(current.link, current.link)))
    narrative = [Paragraph(current.narrative)] if current.narrative else []
    sections.append(builder.section("About the figures", [Facts(tuple(facts)), *narrative]))
    return sections


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
        for key, _ in QUARTILES:
            people = [round(getattr(record.figures, f"{sex}{key}Quartile") * full_pay / 400)
                      for sex in ("Male", "Female")]
            if small(*people):
                fields |= {f"Male{key}Quartile", f"Female{key}Quartile"}
    return fields


DIVERSITY_FIGURES = (("mean_hourly_gap", "Mean hourly pay gap"), ("median_hourly_gap", "Median hourly pay gap"),
                     ("mean_bonus_gap", "Mean bonus pay gap"), ("median_bonus_gap", "Median bonus pay gap"),
                     ("group_bonus_percent", "Group paid a bonus"))


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
    label = CHARACTERISTIC_LABELS[record.characteristic]
    reference = str(record.reference)
    disclosure = record.disclosure
    comparisons = record.comparisons or []
    suppress = builder.suppress
    blocks: list[Block] = [Paragraph(
        f"Each group is compared with {GROUP_LABELS[reference]} staff, the reference group. A positive gap "
        "means the group is paid less than the reference group; a negative gap means it is paid more. The "
        "figures use the gender pay gap's definitions of pay, at the snapshot date "
        f"{builder.date(record.snapshot)}.")]
    if disclosure is not None:
        blocks.append(Paragraph(
            f"{suppress.count(disclosure.disclosed)} of {suppress.count(disclosure.total)} staff "
            f"({'not available' if disclosure.percent is None else number(disclosure.percent, '%')}) told us "
            f"{DISCLOSED_WHAT[record.characteristic]}. Staff who did not are left out of the gaps and shown as "
            "not disclosed in the pay quartiles."))
    small: set[str] = {comparison.group for comparison in comparisons if suppress.rests_on(comparison.headcount)}
    rows = []
    for comparison in comparisons:
        shown = [_shown_figure(comparison, name, comparison.group in small) for name, _ in DIVERSITY_FIGURES]
        rows.append((header(group_label(comparison.group)), cell(suppress.count(comparison.headcount)),
                     *map(cell, shown), cell(_meaning(comparison, reference, comparison.group in small))))
    blocks.append(builder.table(
        f"{label} pay gaps, {builder.date(record.snapshot)}",
        ("Group", "Staff", *(name for _, name in DIVERSITY_FIGURES), "What it means"), rows))
    if comparisons:
        bonus = comparisons[0].figures.reference_bonus_percent
        blocks.append(Paragraph(f"{group_label(reference)} staff paid a bonus: "
                                f"{'not available' if bonus is None else number(bonus, '%')}."))
    if record.quartiles is not None:
        blocks.append(_diversity_quartiles(builder, record, record.quartiles, small, label))
    if record.narrative:
        blocks.append(Paragraph(record.narrative))
    return builder.section(f"{label} pay gaps", blocks)


def _shown_figure(comparison: GroupComparison, name: str, small: bool) -> str:
    if small:
        return SUPPRESSED
    value = getattr(comparison.figures, name)
    return "not available" if value is None else number(value, "%")


def _meaning(comparison: GroupComparison, reference: str, small: bool) -> str:
    if small:
        return "Not published: too few staff in the group to publish without identifying people."
    if comparison.figures.median_hourly_gap is None:
        return comparison.reason or "Not compared."
    reading = gap_reading(comparison.group, reference, comparison.figures.median_hourly_gap, "median hourly pay")
    return reading[:1].upper() + reading[1:]


def _diversity_quartiles(builder: Builder, record: PayGap, quartiles: GroupQuartiles, small: set[str],
                         label: str) -> Block:
    bands = {key: getattr(quartiles, key) for key in ("lower", "lower_middle", "upper_middle", "upper")}
    groups = list(next(iter(bands.values())))
    undisclosed = (record.disclosure.total - record.disclosure.disclosed) if record.disclosure else None
    if builder.suppress.rests_on(undisclosed):
        small = small | {"not-disclosed"}
    rows = []
    for shares, (_, name) in zip(bands.values(), QUARTILES, strict=True):
        hidden = builder.suppress.shares(shares, small)
        rows.append((header(name), *(cell(SUPPRESSED if group in hidden else
                                          "not available" if shares.get(group) is None else
                                          number(shares[group], "%")) for group in groups)))
    return builder.table(f"{label}: each group's share of each pay quartile, {builder.date(record.snapshot)}",
                         ("Quartile", *map(group_label, groups)), rows)
