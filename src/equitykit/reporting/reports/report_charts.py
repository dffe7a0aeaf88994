"""The charts the reports carry, each with a title, a summary written from its data and its data table:
WRES and WDES relative likelihoods across the recorded years (with the no-adverse-impact band) and
representation by band against the whole workforce; the gender pay gap across the years and the pay
quartiles; EDS 2022 scores by domain across the years; each numeric objective measure from its
baseline through its progress to its target, and how far each has come from its baseline towards its target.

A figure that is not published (it rests on too few people) is never plotted: its table cell says
`[c]`, the chart leaves a gap and the summary says so. A trend needs two years: with one, the report
says so in a sentence instead of drawing a chart.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from fractions import Fraction

from ...i18n import _, ngettext
from ...metrics.eds import DomainScore, Eds2022Grading, grade_eds
from ...metrics.figures import round_half_up
from ...metrics.standards import LikelihoodBand
from ...records.dates import at_precision
from ...records.eds import Eds
from ...records.objective import Measure, Objective
from ...records.paygap import PayGap
from ..labels import band_label, band_parts
from .charts import Band, BarRow, Part, Point, Reference, Series, bar_chart, line_chart, progress_chart, stacked_bars
from .context import Builder, cell, header
from .document import ENGLISH_START, Block, Chart, Paragraph, Plot, Table, plain
from .suppression import SUPPRESSED, number
from .workforce_standard import Standard


def chart(builder: Builder, title: str, summary: str, plot: Plot, table: Table, name: str | None = None) -> Chart:
    """A chart block with a unique id; `name` names it where its title holds a passage in English (record text
    with no version in the report's language), since an accessible name cannot mark a passage's language."""
    english = ENGLISH_START in title
    return Chart(builder.anchor(f"chart {title}"), title, summary, plot, table,
                 name if english and name else plain(title))


_LEADING_NUMBER = re.compile(r"^[+-]?[\d,]*\.?\d+")


def plotted(text: str) -> float | None:
    """The value a figure shown in a table plots at (its leading number, whatever follows it: a unit, or
    "(as published)"): None for a suppressed or missing one."""
    match = _LEADING_NUMBER.match(text.strip())
    return float(match.group().replace(",", "")) if match else None


def trend_sentence(name: str, years: Sequence[str], texts: Sequence[str], reading: str = "") -> str:
    """What a series of published figures shows: its latest value against its earliest, then `reading`
    (what the latest value means), and which years it has no plotted figure for, and why."""
    values = [plotted(text) for text in texts]
    shown = [i for i, value in enumerate(values) if value is not None]
    sentences = []
    if not shown:
        sentences.append(_("{name}: no figure can be plotted for any year.").format(name=name))
    else:
        first, last = shown[0], shown[-1]
        now, then = values[last], values[first]
        assert now is not None and then is not None
        words = {"name": name, "value": texts[last], "year": years[last], "earlier": texts[first],
                 "earlier_year": years[first]}
        if first == last:
            sentences.append(_("{name} was {value} in {year}.").format(**words))
        elif now > then:
            sentences.append(_("{name} was {value} in {year}, up from {earlier} in {earlier_year}.").format(**words))
        elif now < then:
            sentences.append(_("{name} was {value} in {year}, down from {earlier} in {earlier_year}.").format(**words))
        else:
            sentences.append(_("{name} was {value} in {year}, the same as in {earlier_year}.").format(**words))
        if reading:
            sentences.append(reading)
    hidden = [years[i] for i, text in enumerate(texts) if text == SUPPRESSED]
    missing = [years[i] for i, value in enumerate(values) if value is None and texts[i] != SUPPRESSED]
    if hidden and shown:
        sentences.append(_("The figure for {years} is not published because it rests on too few people, so the "
                           "chart leaves a gap.").format(years=", ".join(hidden)))
    if missing and shown:
        sentences.append(_("There is no figure for {years}, so the chart leaves a gap.").format(
            years=", ".join(missing)))
    return " ".join(sentences)


def year_labels(builder: Builder, days: Sequence[dt.date]) -> list[str]:
    """The years of snapshot dates (2024, 2025), or the dates in words when a year has two."""
    years = [str(day.year) for day in days]
    return years if len(set(years)) == len(years) else [builder.date(day) for day in days]


def too_few_years(what: str, year: str) -> Paragraph:
    """The sentence that stands in for a trend chart while only one year is recorded."""
    return Paragraph(_("A chart of {what} across the years needs at least two years of figures; only {year}'s "
                       "are recorded so far, in the table above.").format(what=what, year=year))


def trend(builder: Builder, what: str, title: str, years: Sequence[str], rows: Sequence[tuple[str, str, Sequence[str]]],
          summary: str, unit: str = "", band: Band | None = None, bounds: Sequence[float] = (),
          published: Sequence[Sequence[bool]] = ()) -> list[Block]:
    """A line chart of figures across `years`, one line per row (full name, name at the line's end,
    published figure per year), with its table (a row per line, a column per year); or, with one year,
    the sentence saying a trend needs two; or, with no figure to plot, the summary and the table.
    `published` says, row by row, which figures are as published (hollow markers; the table says so)."""
    if len(years) < 2:
        return [too_few_years(what, years[0])] if years else []
    flags = list(published) or [()] * len(rows)
    series = [Series(short, tuple(plotted(text) for text in texts), tuple(texts), tuple(marks))
              for (_name, short, texts), marks in zip(rows, flags, strict=True)]
    table = builder.table(_("{title}: the figures").format(title=title), (_("Figure"), *years),
                          [(header(name), *map(cell, texts)) for name, _short, texts in rows])
    if all(value is None for s in series for value in s.values):
        return [Paragraph(summary), table]
    key = _("Hollow markers: figures as published") if any(any(marks) for marks in flags) else ""
    return [chart(builder, title, summary, line_chart(years, series, unit, band, bounds, key), table)]


def likelihood_chart(builder: Builder, standard: Standard) -> list[Block]:
    """Every relative likelihood of the WRES or WDES at each recorded snapshot, with the band of no
    adverse impact; computed with the standard's own functions from every snapshot up to the as-of date."""
    history = [w for w in builder.records.of("workforce") if w.snapshot <= builder.as_of]
    days = sorted(w.snapshot for w in history if standard.has(w))
    results = [standard.compute(history, day) for day in days]
    if not results:
        return []
    years = year_labels(builder, days)
    band: LikelihoodBand = results[-1].band
    band_text = _("{lower} to {upper}").format(lower=f"{float(band.lower):.2f}", upper=f"{float(band.upper):.2f}")
    rows, sentences, published = [], [], []
    for index, latest in enumerate(results[-1].likelihoods):
        texts = [builder.suppress.figure(result.likelihoods[index].ratio) for result in results]
        published.append([result.likelihoods[index].ratio.as_published for result in results])
        name = _("{item} {number}").format(item=_(standard.item), number=latest.number)
        rolling = any(result.likelihoods[index].years == 2 for result in results)
        title = _(latest.title)
        rows.append((_("{name}: {title} (two-year rolling average where the year before is recorded)").format(
            name=name, title=title) if rolling else f"{name}: {title}", name, texts))
        reading = ""
        if texts[-1] != SUPPRESSED and latest.ratio.unrounded is not None:
            if band.position(latest.ratio.unrounded) == "inside":
                reading = _("That is inside the {band} band of no adverse impact.").format(band=band_text)
            else:
                reading = _("That is outside the {band} band, an adverse impact ({who}).").format(
                    band=band_text, who=builder.untranslated(latest.status.split(": ", 1)[-1]))
        sentences.append(trend_sentence(_("{name} (the {title})").format(
            name=name, title=title[:1].lower() + title[1:]), years, texts, reading))
    title = _("{standard} relative likelihoods across the years").format(standard=standard.short)
    shaded = Band(float(band.lower), float(band.upper), _("{band}: no adverse impact").format(band=band_text))
    return trend(builder, _("the relative likelihoods"), title, years, rows, " ".join(sentences), band=shaded,
                 published=published)


def representation_chart(builder: Builder, table: Table, focus: str, rows: Sequence[tuple[str, str, str]],
                         overall: str) -> Block:
    """The focus group's share of each band (staff group, band, share as published) as bars grouped by
    staff group, against its share of the whole workforce as a dashed line; `table` holds the same figures
    (and stands alone when no share can be drawn)."""
    bars = []
    for staff_group, band, text in rows:
        group, grade = band_parts(staff_group, band)
        bars.append(BarRow(grade[:1].upper() + grade[1:], plotted(text),
                           text if plotted(text) is not None else _("not published (too few people)"), group))
    shares = [(row.value, band_label(staff_group, band), row.text)
              for row, (staff_group, band, _text) in zip(bars, rows, strict=True) if row.value is not None]
    if not shares:
        return table
    reference = Reference(value, _("Whole workforce: {share}").format(share=overall)) \
        if (value := plotted(overall)) is not None else None
    parts = [_("{focus} staff are {share} of staff whose status is known.").format(focus=focus, share=overall)]
    high, low = max(shares), min(shares)
    parts.append(_("Their share is highest in {high} ({high_share}) and lowest in {low} ({low_share}).").format(
        high=high[1], high_share=high[2], low=low[1], low_share=low[2]))
    if value is not None:
        below = sum(1 for share, *_rest in shares if share < value)
        parts.append(_("It is below the whole workforce's share in {below} of {count} bands.").format(
            below=below, count=len(shares)))
    hidden = sum(1 for row in bars if row.value is None)
    if hidden:
        parts.append(_("{count} bands are not published because they rest on too few people, and have no bar.")
                     .format(count=hidden))
    title = _("{focus} staff in each band against the whole workforce").format(focus=focus)
    return chart(builder, title, " ".join(parts), bar_chart(bars, reference=reference), table)


def gap_chart(builder: Builder, records: Sequence[PayGap],
              hidden: Callable[[Builder, PayGap], set[str]]) -> list[Block]:
    """The mean and median gender pay gaps in hourly pay at each snapshot, oldest first."""
    records = sorted(records, key=lambda record: record.snapshot)
    years = year_labels(builder, [record.snapshot for record in records])

    def shown(record: PayGap, field: str) -> str:
        if field in hidden(builder, record):
            builder.suppress.used = True
            return SUPPRESSED
        value = getattr(record.figures, field)
        return _("not available") if value is None else number(value, "%")

    rows = [(name, short, [shown(record, field) for record in records]) for name, short, field in (
        (_("Mean gender pay gap in hourly pay"), _("Mean"), "DiffMeanHourlyPercent"),
        (_("Median gender pay gap in hourly pay"), _("Median"), "DiffMedianHourlyPercent"))]
    summary = " ".join(trend_sentence(_("The {name}").format(name=name[:1].lower() + name[1:]), years, texts)
                       for name, _short, texts in rows)
    if records:
        summary += " " + _("A positive gap means women are paid less than men on average.")
    return trend(builder, _("the gender pay gap"), _("Gender pay gap in hourly pay across the years"), years, rows,
                 summary, "%")


WOMEN_FILL, MEN_FILL = "#6b2c91", "#1f5f5b"


def quartile_chart(builder: Builder, table: Table, rows: Sequence[tuple[str, str, str]], when: str) -> Block:
    """Women and men in each pay quartile (name, women's and men's share as published), lowest paid first,
    as bars of 100% with each share written in its part; `table` holds the same figures (and stands alone
    when no quartile can be drawn)."""
    women, men = _("Women"), _("Men")
    bars: list[tuple[str, Sequence[tuple[float, str]] | None, str]] = []
    for name, women_text, men_text in rows:
        shares = plotted(women_text), plotted(men_text)
        if shares[0] is None or shares[1] is None:
            small = SUPPRESSED in (women_text, men_text)
            bars.append((name, None, _("not published (too few people)") if small else _("not published")))
        else:
            bars.append((name, ((shares[0], women_text), (shares[1], men_text)), ""))
    if all(values is None for _name, values, _note in bars):
        return table
    plot = stacked_bars(bars, (Part(women, WOMEN_FILL), Part(men, MEN_FILL, hatch=True)))
    lowest, highest = rows[0], rows[-1]
    if plotted(lowest[1]) is not None and plotted(highest[1]) is not None:
        summary = _("Women are {lowest} of the lowest paid quartile and {highest} of the highest paid quartile.") \
            .format(lowest=lowest[1], highest=highest[1])
    elif any(SUPPRESSED in texts for _name, *texts in rows):
        summary = _("Some quartiles are not published because they rest on too few people, and have no bar.")
    else:
        summary = _("Some quartiles were not published, and have no bar.")
    return chart(builder, _("Women and men in each pay quartile, {date}").format(date=when), summary, plot, table)


def eds_chart(builder: Builder, assessments: Sequence[Eds]) -> list[Block]:
    """EDS 2022 scores of each domain in each graded year, oldest first (EDS2 years, graded by goal,
    are left out)."""
    gradings = [g for a in sorted(assessments, key=lambda a: a.period_end)
                if isinstance(g := grade_eds(assessments, a.id), Eds2022Grading)]
    if not gradings:
        return []
    years = [g.id for g in gradings]
    rows, sentences, published = [], [], []
    most = 0
    for place, domain in enumerate(gradings[-1].domains, start=1):
        shown = [next((d for d in g.domains if d.name == domain.name), None) for g in gradings]
        texts = [_("not graded") if d is None else domain_total(builder, d) for d in shown]
        published.append([d is not None and d.total is None and d.published is not None for d in shown])
        most = max(most, 3 * len(domain.outcomes))
        short = _("Domain {number}").format(number=place)
        rows.append((f"{short}: {_(domain.name)}", short, texts))
        sentences.append(trend_sentence(_("The score of domain {number} ({name})").format(
            number=place, name=_(domain.name)), years, texts))
    sentences.append(_("Each outcome is scored 0 to 3, so a domain scores at most three times its number of outcomes."))
    return trend(builder, _("the EDS scores"), _("EDS 2022 scores by domain across the years"), years, rows,
                 " ".join(sentences), bounds=(most,), published=published)


def domain_total(builder: Builder, domain: DomainScore) -> str:
    """An EDS 2022 domain's score in a trend: computed from its outcomes, else as published, else not complete."""
    if domain.total is not None:
        return str(domain.total)
    if domain.published is not None:
        return builder.suppress.figure(domain.published)
    return _("not complete")


def measure_chart(builder: Builder, measure: Measure, published: Callable[[Builder, Measure, float], str],
                  place: str = "") -> list[Block]:
    """A numeric objective measure from its baseline through its progress to its target, with the interim
    targets (its trajectory) where the records give them; `published` writes a figure as published; `place`
    (OBJ-01, measure 1) names the chart where the measure has no description in the report's language."""
    def text(value: float) -> str:
        return published(builder, measure, value)

    def point(day: dt.date, value: float) -> Point:
        shown = text(value)
        return Point(day, None if shown == SUPPRESSED else value, shown)

    # a point needs a day: a month or a year stands at its latest day (a target "by March 2013" at 31 March)
    figures = ([measure.baseline] if measure.baseline else []) + sorted(measure.progress, key=lambda p: p.date.order)
    recorded = [point(figure.day, figure.value) for figure in figures]
    baseline = recorded[:1] if measure.baseline else []
    trajectory = sorted(measure.trajectory, key=lambda v: v.date.order)
    steps = trajectory + ([measure.target] if measure.target else [])
    planned = (baseline if measure.trajectory else []) + [point(step.day, step.value) for step in steps]
    if len({p.day for p in (*recorded, *planned) if p.value is not None}) < 2:  # a line needs two points
        return []
    rows = []
    kinds = ([_("Baseline")] if baseline else []) + [_("Progress")] * (len(recorded) - len(baseline))
    rows += [(header(kind), cell(builder.date(figure.date)), cell(plotted.text))  # each date as published
             for kind, figure, plotted in zip(kinds, figures, recorded, strict=True)]
    for step in trajectory:
        rows.append((header(_("Interim target")), cell(builder.date(step.date)), cell(text(step.value))))
    if measure.target:
        rows.append((header(_("Target")), cell(builder.date(measure.target.date)), cell(text(measure.target.value))))
    title = _("{measure}: from baseline to target").format(measure=builder.text(measure, "description").rstrip("."))
    table = builder.table(_("{title}: the figures").format(title=title), (_("Figure"), _("Date"), _("Value")), rows)
    parts = []
    for kind, figure, p in zip(kinds, figures, recorded, strict=True):
        if p.value is None:
            parts.append(_("The {figure} figure of {date} is not published or plotted because it rests on too "
                           "few people.").format(figure=kind.lower(), date=builder.date(figure.date)))
    if baseline and baseline[0].value is not None:
        parts.insert(0, at_precision(figures[0].date, _("The baseline was {value} on {date}."),
                                     _("The baseline was {value} in {month}."),
                                     _("The baseline was {value} in {year}."), value=baseline[0].text))
    progress = [(figure, p) for figure, p in zip(figures, recorded, strict=True)][len(baseline):]
    shown = [(figure, p) for figure, p in progress if p.value is not None]
    if shown:
        parts.append(at_precision(shown[-1][0].date, _("The latest figure is {value} on {date}."),
                                  _("The latest figure is {value} in {month}."),
                                  _("The latest figure is {value} in {year}."), value=shown[-1][1].text))
    if measure.target:
        parts.append(_("The target is {value} by {date}.").format(value=text(measure.target.value),
                                                                  date=builder.date(measure.target.date)))
    if measure.trajectory:
        parts.append(_("The dashed line runs from the baseline through the interim targets to the target."))
    unit = "%" if all(p.text.endswith("%") for p in recorded + planned) else ""
    plot = progress_chart(recorded, planned, unit, (_("Recorded"), _("Interim targets and target") if measure.trajectory
                                                    else _("Target")))
    return [chart(builder, title, " ".join(parts), plot, table,
                  _("{measure}: from baseline to target").format(measure=place) if place else None)]


def way_to_target(builder: Builder, objectives: Sequence[Objective],
                  published: Callable[[Builder, Measure, float], str]) -> list[Block]:
    """How far each numeric measure with a baseline, a target and progress has come: its latest figure's
    distance from the baseline as a percentage of the baseline's distance from the target (100% when the
    target is reached; below 0 when it has moved away), as bars, with the figures in the table."""
    bars, rows, shares = [], [], []
    suppressed_before = builder.suppress.used
    for objective in objectives:
        for place, measure in enumerate(objective.measures, start=1):
            if not isinstance(measure, Measure) or not (measure.baseline and measure.target and measure.progress):
                continue
            if measure.target.value == measure.baseline.value:
                continue
            latest = max(measure.progress, key=lambda p: p.date.order)
            texts = [published(builder, measure, value) for value in
                     (measure.baseline.value, latest.value, measure.target.value)]
            name = _("{objective}, measure {number}").format(objective=objective.id, number=place)
            if SUPPRESSED in texts:
                share_text, value = SUPPRESSED, None
                bars.append(BarRow(name, None, _("not published (too few people)")))
            else:
                start, now, end = (Fraction(str(v)) for v in (measure.baseline.value, latest.value,
                                                                  measure.target.value))
                share = round_half_up((now - start) / (end - start) * 100, 0)
                value, share_text = float(share), f"{share}%"
                shares.append((value, name))
                if value < 0:
                    bars.append(BarRow(name, None, _("{share}: moved away from the target").format(share=share_text)))
                else:  # a measure past its target stops at 100%
                    bars.append(BarRow(name, min(value, 100.0), share_text))
            rows.append((header(f"{name}: {builder.text(measure, 'description')}"), *map(cell, texts),
                         cell(share_text)))
    if not shares:  # nothing to draw, and nothing of it published: the measures' own tables say why
        builder.suppress.used = suppressed_before
        return []
    title = _(builder.terms.measure_progress)
    table = builder.table(_("{title}: the figures").format(title=title), (
        _("Measure"), _("Baseline"), _("Latest"), _("Target"), _("Of the way to the target")), rows)
    reached = sum(1 for value, _name in shares if value >= 100)
    away = sum(1 for value, _name in shares if value < 0)
    summary = [ngettext("{count} measure has a baseline, a target and progress recorded.",
                        "{count} measures have a baseline, a target and progress recorded.", len(bars)).format(
        count=len(bars))]
    if reached:
        summary.append(ngettext("{count} of them has reached its target.", "{count} of them have reached their target.",
                                reached).format(count=reached))
    if away:
        summary.append(ngettext("{count} has moved away from its target.", "{count} have moved away from their target.",
                                away).format(count=away))
    if not reached and not away:
        summary.append(_("None has reached its target yet and none has moved away from it."))
    most, least = max(shares), min(shares)
    if most != least:
        summary.append(_("The furthest along is {most} ({most_share}% of the way); the least far is {least} "
                         "({least_share}%).").format(most=most[1], most_share=f"{most[0]:g}", least=least[1],
                                                     least_share=f"{least[0]:g}"))
    if len(shares) < len(bars):
        summary.append(_("Measures resting on too few people are not published and have no bar."))
    target = Reference(100.0, _("Target reached"))
    return [chart(builder, title, " ".join(summary), bar_chart(bars, reference=target), table)]
