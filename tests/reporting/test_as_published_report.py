"""Results as published in the reports: a year held only as published is reported from it, each figure marked
"as published" with a note saying what that means, in every format and in Welsh; EDS results as published stand
where the outcomes do not give them, and beside them where they differ."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from equitykit.cli import app

from .test_word import outline

EXAMPLE = Path(__file__).parents[2] / "examples" / "northfield-trust"
NOTE = "“As published” marks a figure copied from what the body published at the time"


def report(kind: str, root: Path = EXAMPLE, as_of: str = "2025-10-01", output_format: str = "md",
           lang: str = "en") -> str:
    result = CliRunner().invoke(app, ["report", kind, str(root), "--format", output_format, "--as-of", as_of,
                                      "--lang", lang])
    assert result.exit_code == 0, result.output
    return outline(result.stdout_bytes) if output_format == "docx" else result.stdout


@pytest.mark.parametrize("output_format", ["md", "html", "docx"])
def test_a_year_held_only_as_published_is_reported_from_it(output_format: str) -> None:
    page = report("wres", as_of="2023-10-01", output_format=output_format)
    assert "cannot be reported" not in page
    assert "1.86 (as published)" in page and "1.92 (as published)" in page  # this year and last year
    assert "19.7% (as published)" in page and "The share in each band was not published for 31 March 2023." in page
    assert "1.86 times as likely" in page  # as printed, in the table of figures as published
    assert NOTE in page


def test_a_ratio_printed_with_a_percent_sign_is_read_as_the_ratio() -> None:
    page = report("wdes", as_of="2022-10-01")
    assert "2.10 (as published)" in page and "2.10%" in page  # the ratio, and the text as printed
    assert "Printed with a % sign in the published table" in page


def test_published_figures_in_welsh() -> None:
    page = report("wres", as_of="2023-10-01", lang="cy")
    assert "1.86 (fel y'i cyhoeddwyd)" in page and "## Ffigurau'r WRES fel y'u cyhoeddwyd" in page
    assert "Mae “fel y'i cyhoeddwyd” yn nodi ffigur" in page
    html = report("wres", as_of="2023-10-01", output_format="html", lang="cy")
    assert '<span lang="en">1.86 times as likely</span>' in html  # the printed words, marked as English


def test_eds_published_without_every_outcome_is_never_not_complete() -> None:
    page = report("eds", as_of="2023-03-31")
    assert "**Overall score:** 11 out of 33 (as published)" in page
    assert "**Overall rating:** Developing (as published)" in page
    assert "| Commissioned or provided services | 5 (as published) |" in page
    assert "| Inclusive leadership | 2 |" in page  # its three outcomes were published: computed, and the same
    assert "**About the published result:** The summary table on the published page gives a total of 11" in page
    assert NOTE in page
    later = report("eds", as_of="2024-03-31")
    assert "**Change on 2022-23:** +3 points (was 11, Developing); rating unchanged" in later


def test_eds_published_beside_computed_where_they_differ(tmp_path: Path) -> None:
    root = tmp_path / "trust"
    shutil.copytree(EXAMPLE, root)
    path = root / "eds" / "2023-24.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "published:\n  total: 15\n  domains:\n    \"1\": {score: 7}\n",
                    encoding="utf-8")
    page = report("eds", root, as_of="2024-03-31")
    assert "**Overall score:** 14 out of 33 (published as 15 out of 33)" in page
    assert "| Commissioned or provided services | 6 (published as 7) |" in page


def test_wres_json_and_text_say_where_a_figure_came_from() -> None:
    runner = CliRunner()
    data = json.loads(runner.invoke(app, ["wres", str(EXAMPLE), "--snapshot", "2023-03-31", "--format",
                                          "json"]).stdout)
    ratio = data["appointment"]["ratio"]
    assert (ratio["value"], ratio["source"], ratio["printed"]) == (1.86, "published", "1.86 times as likely")
    assert data["appointment"]["change"]["value"] == -0.06
    survey = data["surveys"][0]["percentages"]["bme"]
    assert (survey["value"], survey["year"]) == (31.5, 2022)
    earlier = json.loads(runner.invoke(app, ["wres", str(EXAMPLE), "--snapshot", "2022-03-31", "--format",
                                             "json"]).stdout)
    assert earlier["appointment"]["ratio"]["comparators"] == [{"kind": "national", "value": 1.54, "printed": "1.54"}]
    text = " ".join(runner.invoke(app, ["wres", str(EXAMPLE), "--snapshot", "2023-03-31"]).stdout.split())
    assert "-13.3 (published)" in text and "(published): the figure as the body published it" in text


def test_eds2_ratings_as_published_are_shown_marked(tmp_path: Path) -> None:
    root = tmp_path / "trust"
    shutil.copytree(EXAMPLE, root)
    path = root / "eds" / "2021-22.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "published:\n  rating: Developing\n  domains:\n"
                    "    4: {rating: Achieving}\n", encoding="utf-8")
    page = report("eds", root, as_of="2022-03-31")
    assert "**Overall rating:** Developing (as published)" in page
    assert "**Goal ratings:** Inclusive leadership: Achieving (as published)" in page
    assert NOTE in page
