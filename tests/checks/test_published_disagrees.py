"""Results as published beside what the counts or grades give: a warning where they disagree (EK455), and
where a published figure cannot be shown or a result is stated two ways without a note (EK456)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from equitykit.cli import app

runner = CliRunner()
EXAMPLE = Path(__file__).parents[2] / "examples" / "northfield-trust"


@pytest.fixture
def trust(tmp_path: Path) -> Path:
    root = tmp_path / "trust"
    shutil.copytree(EXAMPLE, root)
    return root


def problems(root: Path) -> list[dict]:
    result = runner.invoke(app, ["validate", str(root), "--format", "json"])
    assert result.exit_code == 0, result.output  # warnings only
    return json.loads(result.stdout)["problems"]


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_the_example_trust_history_as_published_is_clean(trust: Path) -> None:
    assert problems(trust) == []


def test_published_beside_counts_warns_only_where_it_does_not_round_to_the_computed(trust: Path) -> None:
    # 2024: WRES 2 computes 1.79, 3 computes 1.56, 5 White 27.0; WDES 3 computes 1.62, 10 voting 0.9 (see the file)
    append(trust / "workforce" / "2024-03-31.yaml", "\n".join([
        "published:", "  wres:",
        '    "2": {value: 1.8 times as likely}',  # rounds to one place: agrees
        '    "3": {value: "1.61"}',  # disagrees
        '    "5": {bme: 30.8%, white: 27.1%}',  # White disagrees
        "  wdes:",
        '    "3": {value: 1.62%}',  # a stray % sign: agrees
        '    "10": {voting: "-5"}', ""]))
    found = [(p["code"], p["path"], p["severity"]) for p in problems(trust)]
    assert found == [("EK455", "published.wres.3.value", "warning"),
                     ("EK455", "published.wres.5.white", "warning"),
                     ("EK455", "published.wdes.10.voting", "warning")]
    message = next(p["message"] for p in problems(trust) if p["path"] == "published.wres.3.value")
    assert "published as 1.61" in message and "give 1.56" in message


def test_a_part_its_indicator_does_not_report_is_named(trust: Path) -> None:
    path = trust / "workforce" / "2023-03-31.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('      value: "1.63"', '      bme: "1.63"'),
                    encoding="utf-8")
    found = [(p["code"], p["path"], p["line"]) for p in problems(trust)]
    assert [code for code, *_rest in found] == ["EK456"] and found[0][1] == "published.wres.3.bme"
    assert "record its figures as value" in problems(trust)[0]["message"]


def test_a_figure_without_a_number_is_an_error_at_its_line(trust: Path) -> None:
    path = trust / "workforce" / "2023-03-31.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('      value: "1.63"', "      value: not given"),
                    encoding="utf-8")
    result = runner.invoke(app, ["validate", str(trust), "--format", "json"])
    assert result.exit_code == 1
    problem = json.loads(result.stdout)["problems"][0]
    assert problem["path"] == "published.wres.3.value" and "has no number in it" in problem["message"]


def test_eds_published_beside_the_scores(trust: Path) -> None:
    # 2023-24 scores add up to 14 (Developing); domain 1 to 6.
    append(trust / "eds" / "2023-24.yaml", 'published:\n  total: 15\n  rating: Developing\n  domains:\n'
                                            '    "1": {score: 6}\n    "2": {score: 5}\n')
    found = [(p["code"], p["path"]) for p in problems(trust)]
    assert found == [("EK455", "published.total"), ("EK455", "published.domains.2.score")]


def test_a_total_stated_two_ways_stays_as_published_with_a_note(trust: Path) -> None:
    path = trust / "eds" / "2022-23.yaml"
    text = path.read_text(encoding="utf-8").replace("rating: Developing", "rating: Achieving")
    path.write_text(text, encoding="utf-8")
    assert [p["code"] for p in problems(trust)] == []  # the record's note says why
    note_start = text.index("  note:")
    path.write_text(text[:note_start], encoding="utf-8")
    assert [(p["code"], p["path"]) for p in problems(trust)] == [("EK456", "published.rating")]


def test_outcomes_a_published_page_does_not_give_are_not_ungraded(trust: Path) -> None:
    path = trust / "eds" / "2022-23.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("published:")], encoding="utf-8")
    assert [p["code"] for p in problems(trust)] == ["EK415"]


def test_outcomes_at_each_grade_as_published_beside_the_grades(trust: Path) -> None:
    # 2021-22 (EDS2) grades: Excelling 1, Achieving 8, Developing 8, Undeveloped 1.
    path = trust / "eds" / "2021-22.yaml"
    append(path, "published:\n  grades: {Achieving: 8, Developing: 8, Excelling: 1, Undeveloped: 1}\n")
    assert problems(trust) == []
    path.write_text(path.read_text(encoding="utf-8").replace("Achieving: 8, Developing: 8",
                                                              "Achieving: 9, Developing: 7"), encoding="utf-8")
    found = [(p["code"], p["path"], p["message"]) for p in problems(trust)]
    assert [(code, where) for code, where, _ in found] == [("EK457", "published.grades.Achieving"),  # in line order
                                                           ("EK457", "published.grades.Developing")]
    assert found[1][2].startswith("7 outcomes were published as Developing, but the outcomes' own grades give 8 (")
    assert "check the outcomes' grades and the count as printed" in found[1][2]


def test_a_grade_left_out_of_counts_for_every_outcome_is_none(trust: Path) -> None:
    # EDS 2022, 2023-24: its 11 outcomes' scores. Counts for all 11 outcomes that leave out a grade held by
    # some outcome: that grade was published as none.
    path = trust / "eds" / "2024-25.yaml"
    append(path, "published:\n  grades: {Developing: 11}\n")
    found = [(p["code"], p["path"]) for p in problems(trust)]
    assert found and all(code == "EK457" for code, _ in found)
    assert ("EK457", "published.grades") in found  # a grade it left out, which some outcomes hold


def test_counts_of_more_outcomes_than_the_framework_has(trust: Path) -> None:
    path = trust / "eds" / "2021-22.yaml"
    append(path, "published:\n  grades: {Achieving: 15, Developing: 4}\n")
    messages = [p["message"] for p in problems(trust) if p["path"] == "published.grades"]
    assert messages[0].startswith("the outcomes at each grade were published as Achieving 15, Developing 4, 19 in "
                                  "all, but EDS2 has 18 outcomes")
