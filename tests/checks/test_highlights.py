"""Validation of highlights (issue 22.5): references to objectives and actions and characteristics with
did-you-mean, the period's order and a period still to come, Welsh units, and the shape's own errors, each
at its file, line and column."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from equitykit.checks.validate import validate

EXAMPLE = Path(__file__).parents[2] / "examples" / "aran-vale-council"
AS_OF = dt.date(2025, 10, 1)


def problems(tmp_path: Path, text: str) -> list[tuple[str, int, int, str, str, str]]:
    root = tmp_path / "council"
    shutil.copytree(EXAMPLE, root)
    (root / "highlights" / "HL-009.yaml").write_text(text, encoding="utf-8")
    found = validate(root, as_of=AS_OF).problems
    return [(p.path, p.line, p.column, p.code, p.severity, p.message) for p in found if p.file.endswith("HL-009.yaml")]


BASE = "id: HL-009\ntext: T\ntext_cy: T\n"


@pytest.mark.parametrize(("yaml", "expected"), [
    ("objectives: [OBJ-2]\n", ("objectives[0]", 4, 14, "EK302", "error",
                               "there is no objective `OBJ-2` (looked for objectives/OBJ-2.yaml); did you mean "
                               "`OBJ-02`?")),
    ("actions:\n  - ACT-03\n", ("actions[0]", 5, 5, "EK302", "error",
                                "there is no action `ACT-03` (looked for actions/ACT-03.yaml); did you mean "
                                "`ACT-003`?")),
    ("characteristics: [disabilty]\n", ("characteristics[0]", 4, 19, "EK304", "error",
                                        "`disabilty` is not a protected characteristic and is not declared in "
                                        "equitykit.yaml; did you mean `disability`?")),
    ("period: {start: 2025-03, end: 2024-04}\n", ("period.end", 4, 31, "EK409", "error",
                                                  "end (2024-04) is before start (2025-03) in this highlight's "
                                                  "period")),
    ("period: 2025-11\n", ("period", 4, 9, "EK426", "warning",
                           "the highlight's period begins after today (2025-10-01); a highlight is something that has "
                           "happened: check the year, or wait to record it")),
    ("period: Sept 2024\n", ("period", 4, 9, "EK205", "error", None)),
    ("figure: {value: 3, unit: groups}\n", ("figure.unit", 4, 20, "EK465", "warning", None)),
])
def test_each_problem_names_its_place_and_the_fix(tmp_path: Path, yaml: str, expected: tuple) -> None:
    found = problems(tmp_path, BASE + yaml)
    assert len(found) == 1, found
    *place, message = found[0]
    assert tuple(place) == expected[:5]
    if expected[5] is not None:
        assert message == expected[5]
    if expected[3] == "EK205":
        assert "did you mean `2024-09`?" in message
    if expected[3] == "EK465":
        assert "add `unit_cy:`" in message


@pytest.mark.parametrize("unit", ["£", "%", "percent", "position"])
def test_a_unit_reports_write_as_a_symbol_needs_no_welsh(tmp_path: Path, unit: str) -> None:
    assert problems(tmp_path, BASE + f"figure: {{value: 3, unit: '{unit}'}}\n") == []


def test_a_highlight_needs_its_text_and_a_figure_its_value_and_unit(tmp_path: Path) -> None:
    found = problems(tmp_path, "id: HL-009\nfigure: {earlier: 3}\n")
    assert {(path, code) for path, _, _, code, _, _ in found} == {
        ("text", "EK201"), ("figure.value", "EK201"), ("figure.unit", "EK201")}


def test_a_valid_highlight_with_every_field_has_no_problem(tmp_path: Path) -> None:
    assert problems(tmp_path, BASE + (
        "period: {start: 2024-04, end: 2025-03}\nfigure: {value: 310, unit: members, unit_cy: aelod, earlier: 120}\n"
        "characteristics: [disability, welsh-language]\nobjectives: [OBJ-02]\nactions: [ACT-003]\n")) == []


@pytest.mark.parametrize(("text", "figure", "warned"), [
    ("42 community projects funded", "{value: 42, unit: projects}", False),
    ("£120,000 granted to 18 groups", "{value: 120000, unit: £}", False),
    ("£1.2 million invested", "{value: 1200000, unit: £}", False),
    ("Rose from 120 to 310", "{value: 310, unit: members, earlier: 120}", False),
    ("Ranked 45th, up from 120th", "{value: 45, unit: position, earlier: 120}", False),
    ("12.5% of staff", "{value: 12.50, unit: '%'}", False),
    ("Two more hubs, four in all", "{value: 4, unit: hubs}", False),  # no number printed: nothing to compare
    ("Ranked 45th this year", "{value: 45, unit: position, earlier: 120}", False),  # earlier from last year's report
    ("42 community projects funded", "{value: 43, unit: projects}", True),
    ("£120,000 granted to 18 groups", "{value: 12000, unit: £}", True),
])
def test_a_figure_not_among_the_numbers_its_text_prints_is_a_warning(tmp_path: Path, text: str, figure: str,
                                                                     warned: bool) -> None:
    found = problems(tmp_path, f"id: HL-009\ntext: {text}\ntext_cy: {text}\nfigure: {figure}\n")
    warnings = [(path, code, severity) for path, _, _, code, severity, _ in found if code == "EK452"]
    assert warnings == ([("figure.value", "EK452", "warning")] * 2 if warned else []), found


def test_the_figure_warning_names_the_numbers_printed(tmp_path: Path) -> None:
    found = problems(tmp_path, "id: HL-009\ntext: £120,000 granted to 18 groups\ntext_cy: '£120,000 i 18 o grwpiau'\n"
                               "figure: {value: 12000, unit: £}\n")
    assert found[0][1:] == (4, 17, "EK452", "warning",  # the line of the figure, at its value
                            "the figure 12,000 is not among the numbers the highlight's text prints (120,000, 18); "
                            "copy the figure as the text publishes it, or correct the text")
