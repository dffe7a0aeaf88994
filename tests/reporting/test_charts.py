"""Charts that carry the story: the geometry with worked numbers, the summaries written from the data,
suppressed figures never plotted, the same chart in every format, and the PSED report's headline charts."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from PIL import Image
from typer.testing import CliRunner

from equitykit.cli import app
from equitykit.records.repository import load_records
from equitykit.reporting.reports import build_report
from equitykit.reporting.reports.branding import contrast_ratio
from equitykit.reporting.reports.charts import (
    BAND_EDGE,
    BAR_FILL,
    DASHES,
    SERIES_COLOURS,
    Band,
    BarRow,
    Part,
    Point,
    Reference,
    Series,
    apart,
    bar_chart,
    line_chart,
    nice_ticks,
    progress_chart,
    stacked_bars,
    tick_text,
)
from equitykit.reporting.reports.charts_raster import SCALE, chart_png
from equitykit.reporting.reports.document import Chart, Section, Table
from equitykit.reporting.reports.report_charts import MEN_FILL, WOMEN_FILL, trend_sentence

from .conftest import AS_OF

EXAMPLE = Path(__file__).parents[2] / "examples" / "northfield-trust"
EXAMPLE_AS_OF = dt.date(2025, 10, 1)
BAND = Band(0.8, 1.25, "0.80 to 1.25: no adverse impact")


def charts_of(sections: tuple[Section, ...]) -> list[Chart]:
    found = []
    for section in sections:
        found += [block for block in section.blocks if isinstance(block, Chart)]
        found += charts_of(section.subsections)
    return found


def example_charts(kind: str) -> dict[str, Chart]:
    report = build_report(kind, load_records(EXAMPLE), EXAMPLE_AS_OF)
    return {chart.title: chart for chart in charts_of(report.sections)}


# the geometry, with worked numbers

def test_ticks_are_round_numbers_covering_the_values() -> None:
    assert nice_ticks(0, 2) == (0, 0.5, 1, 1.5, 2)
    assert nice_ticks(0, 100, 5) == (0, 20, 40, 60, 80, 100)
    assert nice_ticks(-3.2, 18.4) == (-5, 0, 5, 10, 15, 20)
    assert nice_ticks(0, 12) == (0, 2, 4, 6, 8, 10, 12)
    assert nice_ticks(0, 0) == (0, 0.2, 0.4, 0.6, 0.8, 1.0)


def test_tick_labels_have_the_places_their_step_needs() -> None:
    assert [tick_text(t, nice_ticks(0, 2)) for t in nice_ticks(0, 2)] == ["0.0", "0.5", "1.0", "1.5", "2.0"]
    assert tick_text(20, (0, 20, 40), "%") == "20%"
    assert tick_text(1.25, (1.0, 1.25, 1.5)) == "1.25"


def test_a_likelihood_of_1_25_sits_exactly_on_the_top_edge_of_the_band() -> None:
    plot = line_chart(["2024", "2025"], [Series("Indicator 2", (1.25, 1.9), ("1.25", "1.90"))], band=BAND)
    # value axis 0 to 2 over 220 units from y = 236 up to y = 16: 110 units per 1.00
    band = plot.bars[0]
    assert (band.y, band.y + band.height) == (98.5, 148.0)
    assert plot.markers[0].y == band.y == round(16 + (2 - 1.25) * 110, 2)
    dashed_edges = [line for line in plot.lines if line.stroke == BAND_EDGE and line.dash]
    assert sorted(line.y1 for line in dashed_edges) == [98.5, 148.0]
    assert "0.80 to 1.25: no adverse impact" in [label.text for label in plot.labels]


def test_line_chart_axis_years_and_direct_labels() -> None:
    plot = line_chart(["2023", "2024", "2025"], [Series("Mean", (19.6, 18.4, 17.0), ("19.6%", "18.4%", "17.0%")),
                                                 Series("Median", (10.2, 9.1, 9.9), ("10.2%", "9.1%", "9.9%"))], "%")
    texts = [label.text for label in plot.labels]
    assert texts[:5] == ["0%", "5%", "10%", "15%", "20%"]  # the value axis, from 0
    assert {"2023", "2024", "2025"} <= set(texts)
    assert "Mean: 17.0%" in texts and "Median: 9.9%" in texts  # each line named at its end, with its latest value
    years = [label for label in plot.labels if label.text in ("2023", "2024", "2025")]
    # the lines run from x = 56 to 600 - (the longest end label, 12 characters, and a gap) = 502.4; the first
    # and last years are 28 units in from each end, the middle one halfway
    assert [label.x for label in years] == [84.0, 279.2, 474.4]


def test_series_differ_in_shape_and_dash_not_only_in_colour() -> None:
    plot = line_chart(["2024", "2025"], [Series(f"S{i}", (1.0 + i / 10, 1.1), ("x", "y")) for i in range(4)])
    shapes = {marker.colour: marker.shape for marker in plot.markers}
    assert len(set(shapes.values())) == 4
    dashes = {line.stroke: line.dash for line in plot.lines if line.width > 2}
    assert set(dashes.values()) == set(DASHES)


def test_a_suppressed_value_is_not_plotted_and_the_line_leaves_a_gap() -> None:
    plot = line_chart(["2023", "2024", "2025"], [Series("Metric 3", (1.4, None, 1.1), ("1.40", "[c]", "1.10"))])
    assert len(plot.markers) == 2
    assert not [line for line in plot.lines if line.width > 2]  # no piece of line joins 2023 to 2025 across 2024
    assert not any("[c]" in label.text for label in plot.labels if label.text != "Metric 3: 1.10")


def test_series_with_the_same_value_stand_side_by_side() -> None:
    plot = line_chart(["2024", "2025"], [Series("Domain 2", (4, 5), ("4", "5")),
                                         Series("Domain 3", (4, 4), ("4", "4"))])
    first_year = sorted(marker.x for marker in plot.markers if marker.y == plot.markers[0].y and marker.x < 300)
    assert len(first_year) == 2 and first_year[1] - first_year[0] == 11.0


def test_end_labels_are_kept_apart() -> None:
    assert apart([100, 105, 200], 15, 0, 300) == [100, 115, 200]
    assert apart([290, 295], 15, 0, 300) == [285, 300]


def test_bars_scale_and_carry_their_values() -> None:
    plot = bar_chart([BarRow("Band 2", 50.0, "50.0%"), BarRow("Band 3", None, "not published")],
                     reference=Reference(20.0, "Whole workforce: 20.0%"))
    left = len("Band 2") * 6.8 + 10  # the label column: the longest label and a gap
    bar = plot.bars[0]
    assert bar.x == left and bar.width == round((584 - left) * 0.5, 2)
    value = next(label for label in plot.labels if label.text == "50.0%")
    assert value.x == round(bar.x + bar.width + 6, 2) and value.anchor == "start"
    assert [label.text for label in plot.labels if label.text.endswith("%") and label.anchor == "middle"] == [
        "0%", "20%", "40%", "60%", "80%", "100%"]
    assert len(plot.bars) == 1 and "not published" in [label.text for label in plot.labels]
    reference = next(line for line in plot.lines if line.dash)
    assert reference.x1 == round(left + (584 - left) * 0.2, 2)
    assert "Whole workforce: 20.0%" in [label.text for label in plot.labels]


def test_a_bar_near_the_end_of_the_axis_has_its_value_inside_in_white() -> None:
    plot = bar_chart([BarRow("Trainee grades", 98.0, "98.0%")])
    value = next(label for label in plot.labels if label.text == "98.0%")
    assert (value.anchor, value.colour, value.halo) == ("end", "#ffffff", BAR_FILL)


def test_groups_of_bars_are_named_once_above_their_bars() -> None:
    plot = bar_chart([BarRow("Band 2", 10.0, "10.0%", "Clinical"), BarRow("Band 3", 12.0, "12.0%", "Clinical"),
                      BarRow("Consultants", 50.0, "50.0%", "Medical and dental")])
    bold = [label.text for label in plot.labels if label.weight == "bold"]
    assert bold == ["Clinical", "Medical and dental"]
    assert plot.height == int(10 + 5 * 24 + 12 + 12)


def test_stacked_bars_split_each_quartile_with_values_and_hatch_the_second_part() -> None:
    plot = stacked_bars([("Lower quartile", ((83.0, "83.0%"), (17.0, "17.0%")), ""),
                         ("Upper quartile", None, "[c]: not published")],
                        (Part("Women", WOMEN_FILL), Part("Men", MEN_FILL, hatch=True)))
    key, parts = plot.bars[:2], plot.bars[2:]
    assert [bar.hatch for bar in key] == [False, True]
    assert len(parts) == 2 and round(parts[0].x + parts[0].width, 2) == parts[1].x
    assert parts[0].width == round((584 - (len("Lower quartile") * 6.8 + 10)) * 0.83, 2)
    inside = {label.text: label for label in plot.labels if label.colour == "#ffffff"}
    assert set(inside) == {"83.0%", "17.0%"} and inside["17.0%"].halo == MEN_FILL
    assert "[c]: not published" in [label.text for label in plot.labels]
    assert [label.text for label in plot.labels if label.text.endswith("%") and label.anchor == "middle"
            and label.colour != "#ffffff"] == ["0%", "20%", "40%", "60%", "80%", "100%"]


def test_progress_chart_draws_the_trajectory_only_where_the_records_give_one() -> None:
    recorded = [Point(dt.date(2024, 3, 31), 41, "41%"), Point(dt.date(2025, 3, 31), 58, "58%")]
    target = [Point(dt.date(2028, 3, 31), 90, "90%")]
    without = progress_chart(recorded, target, "%")
    planned_colour = SERIES_COLOURS[1]
    assert not [line for line in without.lines if line.stroke == planned_colour and line.y1 != 14]
    assert [m.hollow for m in without.markers if m.y != 14] == [False, False, True]
    steps = [recorded[0], Point(dt.date(2026, 3, 31), 60, "60%"), *target]
    with_steps = progress_chart(recorded, steps, "%")
    dashed = [line for line in with_steps.lines if line.stroke == planned_colour and line.y1 != 14]
    assert len(dashed) == 2 and all(line.dash == DASHES[1] for line in dashed)
    assert {"41%", "58%", "60%", "90%", "2025", "2026", "2027", "2028"} <= {label.text for label in with_steps.labels}


def test_progress_chart_leaves_out_a_figure_that_is_not_published() -> None:
    plot = progress_chart([Point(dt.date(2024, 3, 31), None, "[c]"), Point(dt.date(2025, 3, 31), 7, "7")],
                          [Point(dt.date(2027, 3, 31), 12, "12")])
    assert "[c]" not in [label.text for label in plot.labels]
    assert len([m for m in plot.markers if m.y != 14]) == 2


def test_chart_colours_are_readable_against_white_and_under_white_text() -> None:
    for colour in (*SERIES_COLOURS, BAR_FILL, BAND_EDGE):
        assert contrast_ratio(colour, "#ffffff") >= 4.5, colour
    for fill in (WOMEN_FILL, MEN_FILL, BAR_FILL):
        assert contrast_ratio(fill, "#ffffff") >= 4.5, fill  # white value labels on the bars


# the PNG shows the SVG's geometry

def test_the_picture_paints_the_same_geometry() -> None:
    plot = stacked_bars([("Lower quartile", ((50.0, "50.0%"), (50.0, "50.0%")), "")],
                        (Part("Women", WOMEN_FILL), Part("Men", MEN_FILL, hatch=True)))
    chart = Chart("c", "t", "d", plot, Table("t", "t", (), ()))
    image = Image.open(io.BytesIO(chart_png(chart))).convert("RGB")
    assert image.size == (plot.width * SCALE, plot.height * SCALE)
    women, men = plot.bars[2], plot.bars[3]

    def colours(bar):  # the colours along the bar's top quarter, away from its value label
        y = round((bar.y + bar.height / 4) * SCALE)
        start, end = round(bar.x * SCALE) + 6, round((bar.x + bar.width) * SCALE) - 6
        return {image.getpixel((x, y)) for x in range(start, end)}

    assert colours(women) == {(0x6b, 0x2c, 0x91)}
    assert {(0x1f, 0x5f, 0x5b), (255, 255, 255)} <= colours(men)  # hatched: the fill and white lines
    dashed = line_chart(["2024", "2025"], [Series("S", (1.1, 1.1), ("1.1", "1.1")),
                                           Series("T", (1.7, 1.7), ("1.7", "1.7"))])
    piece = next(line for line in dashed.lines if line.dash == DASHES[1])
    picture = Image.open(io.BytesIO(chart_png(Chart("c", "t", "d", dashed, Table("t", "t", (), ()))))).convert("RGB")
    along = [picture.getpixel((x, round(piece.y1 * SCALE))) for x in range(round(piece.x1 * SCALE) + 30,
                                                                             round(piece.x2 * SCALE) - 30)]
    assert (255, 255, 255) in along and (0xa3, 0x3a, 0x00) in along  # dashes, not a solid line


# summaries written from the data

def test_trend_sentences_say_what_the_figures_show() -> None:
    assert trend_sentence("Indicator 2", ["2023", "2025"], ["1.32", "1.45"]) == (
        "Indicator 2 was 1.45 in 2025, up from 1.32 in 2023.")
    assert trend_sentence("The mean gap", ["2023", "2024"], ["19.6%", "18.4%"], "Reading.") == (
        "The mean gap was 18.4% in 2024, down from 19.6% in 2023. Reading.")
    assert trend_sentence("Domain 3", ["2023-24", "2024-25"], ["4", "4"]) == (
        "Domain 3 was 4 in 2024-25, the same as in 2023-24.")
    assert trend_sentence("Metric 3", ["2023", "2024", "2025"], ["1.40", "[c]", "1.10"]) == (
        "Metric 3 was 1.10 in 2025, down from 1.40 in 2023. The figure for 2024 is not published because it rests "
        "on too few people, so the chart leaves a gap.")
    assert trend_sentence("Metric 3", ["2024", "2025"], ["1.40", "not available"]) == (
        "Metric 3 was 1.40 in 2024. There is no figure for 2025, so the chart leaves a gap.")


def test_likelihood_chart_summary_and_table_match_the_data() -> None:
    chart = example_charts("wres")["WRES relative likelihoods across the years"]
    assert ("Indicator 2 (the relative likelihood of White applicants being appointed from shortlisting compared "
            "to BME applicants) was 1.56 in 2025, down from 1.92 (as published) in 2022. That is outside the 0.80 to "
            "1.25 band, an adverse impact (BME applicants disadvantaged).") in chart.description
    assert "Indicator 3 (the relative likelihood of BME staff entering the formal disciplinary process compared " \
           "to White staff) was 1.23 in 2025, down from 1.71 (as published) in 2022. That is inside the 0.80 to " \
           "1.25 band" in chart.description
    # the years before the first computed one as published, marked so in the table
    assert chart.table.columns == ("Figure", "2022", "2023", "2024", "2025")
    assert [[c.text for c in row[1:]] for row in chart.table.rows] == [
        ["1.92 (as published)", "1.86 (as published)", "1.79", "1.56"],
        ["1.71 (as published)", "1.63 (as published)", "1.56", "1.23"],
        ["1.12 (as published)", "1.10 (as published)", "1.09", "1.07"]]
    assert [m.label for m in chart.plot.markers if m.label.startswith("Indicator 2")] == [
        "Indicator 2, 2022: 1.92 (as published)", "Indicator 2, 2023: 1.86 (as published)", "Indicator 2, 2024: 1.79",
        "Indicator 2, 2025: 1.56"]
    assert [m.hollow for m in chart.plot.markers if m.label.startswith("Indicator 2")] == [True, True, False, False]
    assert "Hollow markers: figures as published" in [label.text for label in chart.plot.labels]
    assert [label.text for label in chart.plot.labels if label.text.startswith("Indicator")] == [
        "Indicator 2: 1.56", "Indicator 3: 1.23", "Indicator 4: 1.07"]


def test_a_suppressed_likelihood_is_in_the_table_but_not_the_chart() -> None:
    chart = example_charts("wdes")["WDES relative likelihoods across the years"]
    metric_3 = chart.table.rows[1]
    assert [c.text for c in metric_3[1:]] == ["2.10 (as published)", "1.85 (as published)", "[c]", "1.78"]
    assert [m.label for m in chart.plot.markers if m.label.startswith("Metric 3")] == [
        "Metric 3, 2022: 2.10 (as published)", "Metric 3, 2023: 1.85 (as published)", "Metric 3, 2025: 1.78"]
    assert "The figure for 2024 is not published because it rests on too few people" in chart.description


def test_representation_chart_reads_each_band_against_the_whole_workforce() -> None:
    chart = example_charts("wres")["BME staff in each band against the whole workforce"]
    assert chart.description.startswith("BME staff are 21.8% of staff whose status is known. Their share is "
                                        "highest in Medical and dental: non-consultant career grades (81.0%)")
    assert "9 bands are not published because they rest on too few people, and have no bar." in chart.description
    assert "Whole workforce: 21.8%" in [label.text for label in chart.plot.labels]
    published = [row for row in chart.table.rows if row[1].text != "[c]"]
    assert len(chart.plot.bars) == len(published) == 17  # a bar for each published share, none for [c]


def test_pay_gap_and_eds_charts_across_the_years() -> None:
    gap = example_charts("paygap")["Gender pay gap in hourly pay across the years"]
    assert gap.description.startswith("The mean gender pay gap in hourly pay was 18.4% in 2024, down from 23.5% in "
                                      "2020. The median gender pay gap in hourly pay was 9.1% in 2024, down from "
                                      "12.8% in 2020.")  # 2020 to 2022 as published on GOV.UK (paygap import)
    assert gap.table.columns == ("Figure", "2020", "2021", "2022", "2023", "2024")
    quartiles = example_charts("paygap")["Women and men in each pay quartile, 31 March 2024"]
    assert quartiles.description == ("Women are 83.0% of the lowest paid quartile and 63.2% of the highest paid "
                                     "quartile.")
    assert {"83.0%", "17.0%", "63.2%", "36.8%", "0%", "100%"} <= {label.text for label in quartiles.plot.labels}
    eds = example_charts("eds")["EDS 2022 scores by domain across the years"]
    assert "The score of domain 1 (Commissioned or provided services) was 8 in 2024-25, up from 5 (as published) " \
        "in 2022-23." in eds.description
    assert eds.table.columns == ("Figure", "2022-23", "2023-24", "2024-25")
    assert [[c.text for c in row[1:]] for row in eds.table.rows] == [
        ["5 (as published)", "6", "8"], ["4 (as published)", "4", "5"], ["2", "4", "4"]]
    assert "12" in [label.text for label in eds.plot.labels]  # the axis runs to a domain's highest score


def test_objective_measure_chart_runs_from_baseline_through_interim_targets_to_target() -> None:
    charts = example_charts("objectives")
    chart = charts["BME staff in Agenda for Change bands 8a and above, including VSM: from baseline to target"]
    assert chart.description == ("The baseline was 7.9% on 31 March 2024. The latest figure is 10.0% on 31 March "
                                 "2025. The target is 15.0% by 31 March 2028. The dashed line runs from the baseline "
                                 "through the interim targets to the target.")
    assert [(row[0].text, row[2].text) for row in chart.table.rows] == [
        ("Baseline", "7.9%"), ("Progress", "10.0%"), ("Interim target", "9.5%"), ("Interim target", "11.5%"),
        ("Interim target", "13.0%"), ("Target", "15.0%")]
    assert {"Recorded", "Interim targets and target"} <= {label.text for label in chart.plot.labels}


def test_one_year_shows_the_table_and_says_a_trend_needs_two(trust_root: Path) -> None:
    page = CliRunner().invoke(app, ["report", "paygap", str(trust_root), "--as-of", AS_OF]).stdout
    assert ("A chart of the gender pay gap across the years needs at least two years of figures; only 2024's are "
            "recorded so far, in the table above.") in page
    report = build_report("paygap", load_records(trust_root), dt.date(2025, 6, 30))
    titles = [chart.title for chart in charts_of(report.sections)]
    assert titles == ["Women and men in each pay quartile, 31 March 2024"]


# every format

def run(kind: str, output_format: str) -> CliRunner:
    result = CliRunner().invoke(app, ["report", kind, str(EXAMPLE), "--format", output_format, "--as-of", "2025-10-01"])
    assert result.exit_code == 0, result.output
    return result


def test_markdown_shows_each_chart_as_its_title_summary_and_table() -> None:
    page = run("wres", "md").stdout
    assert ("**WRES relative likelihoods across the years.** Indicator 2 (the relative likelihood of White "
            "applicants") in page
    assert "Table: WRES relative likelihoods across the years: the figures" in page
    assert "<svg" not in page


def test_html_shows_each_chart_as_inline_svg_with_its_summary_and_table() -> None:
    page = run("psed", "html").stdout
    figures = re.findall(r'<figure class="chart">.*?</figure>', page, re.S)
    assert len(figures) == len(charts_of(build_report("psed", load_records(EXAMPLE), EXAMPLE_AS_OF).sections))
    for figure in figures:
        chart_id = re.search(r'<figcaption id="([^"]+)-caption">', figure).group(1)
        assert f'<p id="{chart_id}-summary" class="chart-summary">' in figure
        svg = re.search(r"<svg[^>]*>", figure).group(0)
        assert 'role="img"' in svg and f'aria-labelledby="{chart_id}-title"' in svg
        assert f'aria-describedby="{chart_id}-summary"' in svg
        assert f'<title id="{chart_id}-title">' in figure and "<table" in figure


def test_word_shows_each_chart_as_a_picture_with_alt_text_then_its_summary_and_table() -> None:
    document = docx.Document(io.BytesIO(run("paygap", "docx").stdout_bytes))
    pictures = [p.get("descr") for p in document.element.body.iter(qn("wp:docPr"))]
    charts = example_charts("paygap")
    assert pictures == [f"{chart.title}. {chart.description}" for chart in charts.values()]
    texts = [p.text for p in document.paragraphs]
    for chart in charts.values():
        assert chart.description in texts


def test_the_psed_report_carries_the_headline_chart_of_every_section_with_data() -> None:
    titles = set(example_charts("psed"))
    assert {"WRES relative likelihoods across the years", "WDES relative likelihoods across the years",
            "BME staff in each band against the whole workforce",
            "Disabled staff in each band against the whole workforce",
            "Gender pay gap in hourly pay across the years", "Women and men in each pay quartile, 31 March 2024",
            "EDS 2022 scores by domain across the years"} <= titles


@pytest.mark.parametrize("kind", ["psed", "wres", "wdes", "paygap", "eds", "objectives"])
def test_no_chart_is_empty(kind: str) -> None:
    for chart in example_charts(kind).values():
        assert chart.plot.bars or chart.plot.markers, chart.title
        assert chart.table.rows and chart.description



def test_way_to_target_measures_each_objective_from_baseline_towards_target(trust_root: Path) -> None:
    (trust_root / "objectives" / "OBJ-03.yaml").write_text("""\
id: OBJ-03
title: Close the gaps
characteristics: [race]
psed_aims: [advance-equality]
eds_outcomes: [3A]
lead: Director of People
start: 2024-04-01
end: 2028-03-31
status: in-progress
measures:
  - description: Audit of communication needs
    unit: percent
    baseline: {value: 41, date: 2024-03-31}
    target: {value: 90, date: 2028-03-31}
    progress: [{value: 58, date: 2025-03-31}, {value: 66, date: 2025-09-30}]
  - description: Relative likelihood of appointment
    unit: ratio
    baseline: {value: 1.79, date: 2024-03-31}
    target: {value: 1.25, date: 2028-03-31}
    progress: [{value: 1.56, date: 2025-03-31}]
  - description: Harassment gap
    unit: percent
    baseline: {value: 7.9, date: 2024-03-31}
    target: {value: 3.0, date: 2028-03-31}
    progress: [{value: 9.1, date: 2025-03-31}]
  - description: Leadership programme
    unit: percent
    baseline: {value: 0, date: 2024-03-31}
    target: {value: 80, date: 2028-03-31}
    progress: [{value: 88, date: 2025-03-31}]
""", encoding="utf-8")
    report = build_report("objectives", load_records(trust_root), dt.date(2025, 10, 1))
    chart = {c.title: c for c in charts_of(report.sections)}[
        "How far each objective measure has come from its baseline towards its target"]
    # (66 - 41) / (90 - 41) = 51.02%; (1.56 - 1.79) / (1.25 - 1.79) = 42.59%; (9.1 - 7.9) / (3.0 - 7.9) = -24.49%;
    # 88 / 80 = 110%. OBJ-02's count of 3 at its baseline is suppressed, so its measure is not published.
    assert [(row[0].text.split(":")[0], row[-1].text) for row in chart.table.rows] == [
        ("OBJ-02, measure 1", "[c]"), ("OBJ-03, measure 1", "51%"), ("OBJ-03, measure 2", "43%"),
        ("OBJ-03, measure 3", "-24%"), ("OBJ-03, measure 4", "110%")]
    widths = {bar.label.split(":")[0]: bar.width for bar in chart.plot.bars}
    assert set(widths) == {"OBJ-03, measure 1", "OBJ-03, measure 2", "OBJ-03, measure 4"}  # none for [c] or -24%
    full = widths["OBJ-03, measure 4"]
    assert widths["OBJ-03, measure 1"] == round(full * 0.51, 2)  # a bar past its target stops at 100%
    texts = [label.text for label in chart.plot.labels]
    assert "-24%: moved away from the target" in texts and "not published (too few people)" in texts
    assert "Target reached" in texts
    assert chart.description == (
        "5 measures have a baseline, a target and progress recorded. 1 of them has reached its target. 1 has moved "
        "away from its target. The furthest along is OBJ-03, measure 4 (110% of the way); the least far is "
        "OBJ-03, measure 3 (-24%). Measures resting on too few people are not published and have no bar.")


def test_a_measure_with_one_published_figure_has_no_chart(trust_root: Path) -> None:
    (trust_root / "objectives" / "OBJ-03.yaml").write_text("""\
id: OBJ-03
title: Community hubs
characteristics: [disability]
psed_aims: [advance-equality]
eds_outcomes: [1A]
lead: Director of Nursing
start: 2024-04-01
end: 2028-03-31
status: in-progress
measures:
  - description: Hubs with a hearing loop
    unit: count
    baseline: {value: 3, date: 2024-03-31}
    target: {value: 9, date: 2028-03-31}
    progress: [{value: 4, date: 2025-03-31}]
""", encoding="utf-8")
    report = build_report("objectives", load_records(trust_root), dt.date(2025, 10, 1))
    titles = [chart.title for chart in charts_of(report.sections)]
    assert "Hubs with a hearing loop: from baseline to target" not in titles  # only the target, 9, is published
    assert "Disabled staff in bands 8a and above: from baseline to target" in titles  # 7, then the target 12


def test_no_chart_is_drawn_when_every_figure_is_suppressed(trust_root: Path) -> None:
    from equitykit.reporting.reports.context import Builder, cell, header
    from equitykit.reporting.reports.document import Paragraph
    from equitykit.reporting.reports.report_charts import quartile_chart, representation_chart, trend

    builder = Builder(load_records(trust_root), dt.date(2025, 6, 30))
    table = builder.table("Shares", ("Band", "Share"), [(header("Clinical: band 8c"), cell("[c]"))])
    assert representation_chart(builder, table, "BME", [("clinical", "8c", "[c]")], "21.8%") is table
    quartiles = [("Lower quartile", "[c]", "[c]"), ("Upper quartile", "[c]", "[c]")]
    assert quartile_chart(builder, table, quartiles, "31 March 2024") is table
    blocks = trend(builder, "the gaps", "Gaps", ["2024", "2025"], [("Mean gap", "Mean", ["[c]", "[c]"])],
                   "Every figure rests on too few people.")
    assert [type(block) for block in blocks] == [Paragraph, Table]
    assert [c.text for c in blocks[1].rows[0]] == ["Mean gap", "[c]", "[c]"]


def test_a_suppressed_quartile_has_no_bar_and_says_why(trust_root: Path) -> None:
    from equitykit.reporting.reports.context import Builder, cell, header
    from equitykit.reporting.reports.report_charts import quartile_chart

    builder = Builder(load_records(trust_root), dt.date(2025, 6, 30))
    table = builder.table("Quartiles", ("Quartile", "Women", "Men"), [(header("Lower"), cell("83.0%"), cell("17.0%"))])
    chart = quartile_chart(builder, table, [("Lower quartile", "83.0%", "17.0%"), ("Upper quartile", "[c]", "[c]")],
                           "31 March 2024")
    assert isinstance(chart, Chart)
    assert len(chart.plot.bars) == 2 + 2  # the key's two swatches, and the lower quartile's two parts
    assert "not published (too few people)" in [label.text for label in chart.plot.labels]
    assert chart.description == "Some quartiles are not published because they rest on too few people, and have no bar."
