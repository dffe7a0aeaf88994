"""`equitykit grade eds`, `wres` and `wdes`: exit codes, JSON shape and plain-English messages."""

from __future__ import annotations

import json
from pathlib import Path
from textwrap import dedent

import pytest
from typer.testing import CliRunner

from equitykit.cli import app

ORGANISATION = """\
name: Northbrook Community NHS Trust
sector: nhs-trust
jurisdiction: england
headcount:
  - {date: 2024-03-31, employees: 1260}
  - {date: 2025-03-31, employees: 1300}
eds_framework: eds2022
alternative_formats:
  email: equality@northbrook.example
suppression_threshold: 5
"""

EDS_2023_24 = """\
id: 2023-24
framework: eds2022
period_start: 2023-04-01
period_end: 2024-03-31
outcomes:
  1A: {score: 1}
  1B: {score: 1}
  1C: {score: 2}
  1D: {score: 1}
  2A: {score: 2}
  2B: {score: 1}
  2C: {score: 2}
  2D: {score: 1}
  3A: {score: 2}
  3B: {score: 1}
  3C: {score: 1}
"""

EDS_2024_25 = EDS_2023_24.replace("2023-24", "2024-25").replace("2023-04-01", "2024-04-01").replace(
    "2024-03-31", "2025-03-31").replace("3A: {score: 2}", "3A: {score: 3}").replace(
    "2B: {score: 1}", "2B: {score: 3}").replace("1A: {score: 1}", "1A: {score: 2}")

WORKFORCE = """\
id: {date}
snapshot: {date}
headcount: 1300
wres:
  bands:
    - {{staff_group: clinical, band: "5", white: 600, bme: 150, unknown: 10}}
    - {{staff_group: clinical, band: "8a", white: 180, bme: 20, unknown: 5}}
    - {{staff_group: non-clinical, band: "3", white: 210, bme: 30, unknown: 5}}
    - {{staff_group: non-clinical, band: vsm, white: 10, bme: 0}}
  shortlisted: {{white: 800, bme: 400, unknown: 30}}
  appointed: {{white: {white_appointed}, bme: 60, unknown: 5}}
  disciplinary: {{white: 10, bme: 4, unknown: 1}}
  training: {{white: 450, bme: 80, unknown: 6}}
  survey:
    harassment_public: {{white: 27.0, bme: 30.85, white_responses: 610, bme_responses: 140}}
    harassment_staff: {{white: 22.4, bme: 29.5, white_responses: 610, bme_responses: 140}}
    career_progression: {{white: 57.6, bme: 41.9, white_responses: 610, bme_responses: 140}}
    discrimination: {{white: 6.9, bme: 17.2, white_responses: 610, bme_responses: 140}}
  board:
    voting: {{white: 12, bme: 2}}
    executive: {{white: 6, bme: 1}}
wdes:
  bands:
    - {{staff_group: clinical, band: "5", disabled: 60, non_disabled: 540, unknown: 160}}
    - {{staff_group: non-clinical, band: "3", disabled: 30, non_disabled: 170, unknown: 45}}
  shortlisted: {{disabled: 200, non_disabled: 1800, unknown: 40}}
  appointed: {{disabled: 30, non_disabled: 360, unknown: 4}}
  capability: {{disabled: {disabled_capability}, non_disabled: 9, unknown: 1}}
  survey:
    harassment_public: {{disabled: 33.8, non_disabled: 24.9}}
    harassment_managers: {{disabled: 14.2, non_disabled: 8.6}}
    harassment_colleagues: {{disabled: 20.1, non_disabled: 13.0}}
    harassment_reported: {{disabled: 48.0, non_disabled: 47.1}}
    career_progression: {{disabled: 50.3, non_disabled: 56.7}}
    presenteeism: {{disabled: 30.4, non_disabled: 21.9}}
    valued: {{disabled: 33.2, non_disabled: 43.8}}
    adjustments: {{disabled: 72.5}}
  engagement: {{disabled: 6.5, non_disabled: 7.0, overall: 6.9}}
  voice: {{facilitated: true, narrative: Disability staff network with an executive sponsor.}}
  board:
    voting: {{disabled: 1, non_disabled: 13}}
    executive: {{disabled: 0, non_disabled: 7}}
"""

runner = CliRunner()


def write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dedent(text), encoding="utf-8")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A trust's records: two EDS 2022 assessments and two workforce snapshots."""
    root = tmp_path / "northbrook"
    write(root, "equitykit.yaml", ORGANISATION)
    write(root, "eds/2023-24.yaml", EDS_2023_24)
    write(root, "eds/2024-25.yaml", EDS_2024_25)
    write(root, "workforce/2024-03-31.yaml", WORKFORCE.format(date="2024-03-31", white_appointed=180,
                                                             disabled_capability=1))
    write(root, "workforce/2025-03-31.yaml", WORKFORCE.format(date="2025-03-31", white_appointed=200,
                                                             disabled_capability=3))
    return root


def run(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "400", "NO_COLOR": "1"})


def test_grade_eds_json(root: Path):
    result = run("grade", "eds", str(root), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == ["framework", "complete", "id", "period_start", "period_end", "domains", "missing",
                          "score", "rating", "comparison", "change", "published", "published_rating", "note",
                          "grade_counts"]
    assert (data["framework"], data["id"], data["score"], data["rating"]) == ("eds2022", "2024-25", 19, "Developing")
    assert data["change"] == {"previous_id": "2023-24", "previous_score": 15, "previous_rating": "Developing",
                              "score_change": 4, "rating_change": "unchanged"}
    assert data["domains"][0]["outcomes"][0] == {
        "code": "1A", "text": "Patients (service users) have required levels of access to the service",
        "score": 2, "grade": "Achieving"}


def test_grade_eds_text_names_ratings_in_words(root: Path):
    result = run("grade", "eds", str(root), "--period", "2023-24")
    assert result.exit_code == 0, result.output
    assert "Overall score 15 of 33: Developing" in result.stdout
    assert "No change shown: there is no earlier assessment to compare with." in result.stdout


def test_grade_eds_incomplete_is_reported_not_rated(root: Path):
    write(root, "eds/2024-25.yaml", EDS_2024_25.replace("  3C: {score: 1}\n", ""))
    result = run("grade", "eds", str(root))
    assert result.exit_code == 0, result.output
    assert "Incomplete: outcomes 3C are not graded" in result.stdout
    data = json.loads(run("grade", "eds", str(root), "-f", "json").stdout)
    assert (data["complete"], data["missing"], data["rating"]) == (False, ["3C"], None)


def test_grade_eds_unknown_period_is_a_usage_error(root: Path):
    result = run("grade", "eds", str(root), "--period", "2019-20")
    assert result.exit_code == 2
    assert "there is no EDS assessment with id 2019-20" in result.stderr
    assert "Traceback" not in result.output


def test_grade_eds_without_assessments_exits_1(tmp_path: Path):
    write(tmp_path, "equitykit.yaml", ORGANISATION)
    result = run("grade", "eds", str(tmp_path))
    assert result.exit_code == 1
    assert "there is no EDS assessment; add one to eds/" in result.stderr


def test_grade_eds_with_an_invalid_chosen_record_exits_1(root: Path):
    write(root, "eds/2024-25.yaml", EDS_2024_25.replace("3A: {score: 3}", "3A: {score: 7}"))
    result = run("grade", "eds", str(root), "--period", "2024-25")
    assert result.exit_code == 1
    assert "eds/2024-25.yaml has problems, so it cannot be used; run `equitykit validate`" in result.stderr


def test_invalid_records_are_left_out_named_on_stderr_and_exit_1(root: Path):
    write(root, "eds/2024-25.yaml", EDS_2024_25.replace("3A: {score: 3}", "3A: {score: 7}"))
    result = run("grade", "eds", str(root), "-f", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["id"] == "2023-24"
    assert ("equitykit: 1 record file has errors: eds/2024-25.yaml; it was left out of the grading."
            in result.stderr)


@pytest.mark.parametrize(("command", "option", "value"), [
    (("grade", "eds"), "--format", "yaml"),
    (("wres",), "--format", "html"),
    (("wres",), "--snapshot", "31/03/2025"),
    (("wdes",), "--snapshot", "2025-02-30"),
])
def test_bad_option_values_exit_2(root: Path, command, option, value):
    result = run(*command, str(root), option, value)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_missing_folder_exits_2(tmp_path: Path):
    result = run("wres", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_wres_json_shape_and_change(root: Path):
    result = run("wres", str(root), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == ["standard", "snapshot", "previous_snapshot", "band", "representation", "appointment",
                          "disciplinary", "training", "surveys", "board"]
    assert (data["standard"], data["snapshot"], data["previous_snapshot"]) == ("wres", "2025-03-31", "2024-03-31")
    assert data["band"] == {"lower": 0.8, "upper": 1.25}
    appointment = data["appointment"]
    assert list(appointment) == ["number", "title", "numerator", "denominator", "rates", "ratio", "status",
                                 "disadvantaged", "years", "change"]
    assert appointment["ratio"]["value"] == 1.67  # (200/800) / (60/400)
    assert appointment["ratio"]["min_count"] == 60
    assert appointment["status"] == "adverse impact: BME applicants disadvantaged"
    assert appointment["change"]["value"] == 0.17  # last year (180/800) / (60/400) = 1.5
    assert data["surveys"][0]["percentages"]["bme"] == {"value": 30.9, "unrounded": 30.85, "min_count": 140,
                                                        "reason": None, "source": "computed", "printed": None,
                                                        "year": None, "comparators": []}
    assert [board["membership"] for board in data["board"]] == ["voting", "executive"]


def test_wres_text_shows_status_in_words_and_marks_small_counts(root: Path):
    result = run("wres", str(root), "--snapshot", "2024-03-31")
    assert result.exit_code == 0, result.output
    assert "no snapshot from the year before" in result.stdout
    assert "adverse impact: BME applicants disadvantaged" in result.stdout
    assert "* rests on fewer than 5 people" in result.stdout


def test_wdes_json_has_rolling_capability(root: Path):
    result = run("wdes", str(root), "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["standard"] == "wdes"
    assert data["capability"]["years"] == 2
    # pooled: Disabled (3 + 1) / (90 + 90), non-disabled (9 + 9) / (710 + 710)
    assert data["capability"]["ratio"]["value"] == round((4 / 180) / (18 / 1420), 2)
    assert [survey["number"] for survey in data["surveys"]] == ["4a(i)", "4a(ii)", "4a(iii)", "4b", "5", "6", "7", "8"]
    assert data["voice"]["facilitated"] is True
    assert data["engagement"]["scores"]["overall"]["value"] == 6.9


def test_wdes_text(root: Path):
    result = run("wdes", str(root))
    assert result.exit_code == 0, result.output
    assert "Metric 9b: action taken to facilitate the voices of Disabled staff: yes" in result.stdout
    assert "two-year rolling" in result.stdout


def test_unknown_snapshot_is_a_usage_error(root: Path):
    result = run("wdes", str(root), "--snapshot", "2023-03-31")
    assert result.exit_code == 2
    assert "there is no workforce snapshot dated 2023-03-31" in result.stderr


def test_no_workforce_data_exits_1(tmp_path: Path):
    write(tmp_path, "equitykit.yaml", ORGANISATION)
    for command in ("wres", "wdes"):
        result = run(command, str(tmp_path))
        assert result.exit_code == 1
        assert f"no workforce snapshot has {command.upper()} data" in result.stderr


def test_invalid_chosen_snapshot_exits_1(root: Path):
    write(root, "workforce/2025-03-31.yaml", WORKFORCE.format(date="2025-03-31", white_appointed=-1,
                                                             disabled_capability=3))
    result = run("wres", str(root), "--snapshot", "2025-03-31")
    assert result.exit_code == 1
    assert "workforce/2025-03-31.yaml has problems" in result.stderr


@pytest.mark.parametrize("command", [("wres",), ("wdes",), ("grade", "eds")])
def test_the_does_not_apply_message_names_bodies_as_the_label_table_does(root: Path, command: tuple[str, ...]):
    organisation = root / "equitykit.yaml"
    organisation.write_text(organisation.read_text(encoding="utf-8").replace("sector: nhs-trust",
                                                                             "sector: local-authority"))
    result = run(*command, str(root))
    assert result.exit_code == 0, result.output
    assert ", a local authority; it applies to NHS trust, NHS foundation trust" in result.stdout
    assert "nhs trust" not in result.stdout
