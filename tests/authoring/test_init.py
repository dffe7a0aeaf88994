"""`equitykit init`: a folder that validates clean at once, and never overwrites."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from equitykit.authoring.init import latest_31_march
from equitykit.checks.validate import validate
from equitykit.cli import app
from equitykit.records.loader import load_document

from .conftest import AS_OF

runner = CliRunner()
FLAGS = ["--name", "Northshire County Council", "--sector", "local-authority", "--jurisdiction", "wales",
         "--headcount", "1200", "--as-of", "2025-02-01"]


def test_init_makes_a_folder_that_validates_clean(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "council"), *FLAGS, "--name-cy", "Cyngor Sir Gogleddsir"])
    assert result.exit_code == 0, result.output
    folder = tmp_path / "council"
    assert validate(folder).problems == []
    organisation = load_document(folder / "equitykit.yaml", "equitykit.yaml").data
    assert organisation["headcount"] == [{"date": "2024-03-31", "employees": 1200}]
    assert (organisation["name"], organisation["sector"], organisation["jurisdiction"]) == (
        "Northshire County Council", "local-authority", "wales")
    assert organisation["eds_framework"] is None  # EDS is for NHS bodies
    assert organisation["name_cy"] == "Cyngor Sir Gogleddsir"  # a body in Wales publishes in Welsh too
    assert [key for key in organisation if key.endswith("_cy")] == ["name_cy"]  # none beside empty fields


def test_init_in_wales_without_the_welsh_name_leaves_it_to_fill_in(tmp_path: Path) -> None:
    assert runner.invoke(app, ["init", str(tmp_path / "council"), *FLAGS]).exit_code == 0
    text = (tmp_path / "council" / "equitykit.yaml").read_text()
    assert "\nname: Northshire County Council\n# The Welsh text of name (Cymraeg)" in text
    assert "\nname_cy:\n" in text
    problems = validate(tmp_path / "council").problems
    assert [(p.code, p.severity, p.path) for p in problems] == [("EK465", "warning", "name")]


def test_init_writes_the_folders_tooling(root: Path) -> None:
    first_line = (root / "equitykit.yaml").read_text().splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=schemas/organisation.schema.json"
    schema = json.loads((root / "schemas" / "organisation.schema.json").read_text())
    assert schema["title"] == "Organisation"
    readme = (root / "README.md").read_text()
    assert "Northfield NHS Trust" in readme and "equitykit validate" in readme and "--help" in readme
    hooks = (root / ".pre-commit-config.yaml").read_text()
    assert "id: equitykit-validate" in hooks and "id: equitykit-fmt" in hooks
    workflow = (root / ".github" / "workflows" / "equitykit.yml").read_text()
    for command in ("equitykit validate --format github", "equitykit deadlines --fail-on overdue",
                    "equitykit diff", "--format md", "gh pr comment"):
        assert command in workflow
    assert "{{ github.base_ref }}" in workflow and "{%" not in workflow
    assert load_document(root / "equitykit.yaml", "x").data["eds_framework"] == "eds2022"
    assert AS_OF.isoformat() not in (root / "equitykit.yaml").read_text()  # headcount is at 31 March


def test_init_over_existing_files_is_a_usage_error_that_lists_them(root: Path) -> None:
    (root / "README.md").write_text("ours\n")
    result = runner.invoke(app, ["init", str(root), *FLAGS])
    assert result.exit_code == 2
    assert "equitykit.yaml" in result.stderr and "README.md" in result.stderr
    assert (root / "README.md").read_text() == "ours\n"
    assert "Northfield" in (root / "equitykit.yaml").read_text()


def test_init_into_a_folder_with_other_files_keeps_them(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("keep me\n")
    result = runner.invoke(app, ["init", str(tmp_path), *FLAGS])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "notes.txt").read_text() == "keep me\n"


def test_init_without_a_terminal_needs_every_option(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "x"), "--name", "A Trust", "--sector", "icb",
                                 "--jurisdiction", "england"])
    assert result.exit_code == 2
    assert "--headcount is required" in result.stderr
    assert not (tmp_path / "x").exists()


def test_init_rejects_a_bad_sector_and_a_file_as_folder(tmp_path: Path) -> None:
    bad = runner.invoke(app, ["init", str(tmp_path / "x"), *FLAGS[:2], "--sector", "charity", *FLAGS[4:]])
    assert bad.exit_code == 2
    (tmp_path / "file").write_text("")
    assert runner.invoke(app, ["init", str(tmp_path / "file"), *FLAGS]).exit_code == 2


def test_the_headcount_date_is_the_latest_31_march() -> None:
    assert str(latest_31_march(AS_OF)) == "2025-03-31"
    assert str(latest_31_march(AS_OF.replace(month=3, day=30))) == "2024-03-31"
    assert str(latest_31_march(AS_OF.replace(month=3, day=31))) == "2025-03-31"


def test_init_prompts_for_missing_options_on_a_terminal(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("equitykit.cli.authoring.on_terminal", lambda: True)
    result = runner.invoke(app, ["init", str(tmp_path / "x"), "--name", "A Board", "--as-of", "2025-06-01"],
                           input="charity\nicb\nengland\n350\n1 July\n\n")
    assert result.exit_code == 0, result.output
    assert validate(tmp_path / "x").problems == []
    data = load_document(tmp_path / "x" / "equitykit.yaml", "x").data
    assert (data["sector"], data["headcount"][0]["employees"]) == ("icb", 350)
    assert "Please write the date as YYYY-MM-DD" in result.output
    assert data["established"] == "2022-07-01"  # the default offered for an ICB


def test_a_new_body_given_its_date_shows_no_duty_overdue(tmp_path: Path) -> None:
    flags = ["--name", "Testshire Council", "--sector", "local-authority", "--jurisdiction", "england",
             "--headcount", "300", "--as-of", "2025-06-01", "--established", "2025-06-01"]
    assert runner.invoke(app, ["init", str(tmp_path / "new"), *flags]).exit_code == 0
    result = runner.invoke(app, ["deadlines", str(tmp_path / "new"), "--as-of", "2025-06-01", "--format", "json"])
    statuses = {o["id"]: o["status"] for o in json.loads(result.stdout)}
    assert "overdue" not in statuses.values(), statuses
    assert statuses["england-equality-information"] == "upcoming"


def test_init_without_a_terminal_never_invents_established_and_says_what_it_assumed(tmp_path: Path) -> None:
    flags = ["--name", "Northfield NHS Trust", "--sector", "nhs-trust", "--jurisdiction", "england",
             "--headcount", "3000", "--as-of", "2025-06-01"]
    result = runner.invoke(app, ["init", str(tmp_path / "trust"), *flags])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "trust" / "equitykit.yaml").read_text()
    assert "\nestablished:\n" in text and "2025-06-01" not in text  # left to fill in, not today
    assert "taken to have existed before the equality duties began" in result.stderr
    assert "established: YYYY-MM-DD" in result.stderr
    deadlines = runner.invoke(app, ["deadlines", str(tmp_path / "trust"), "--as-of", "2025-06-01",
                                    "--format", "json"])
    statuses = {o["id"]: o["status"] for o in json.loads(deadlines.stdout)}
    assert statuses["england-equality-objectives"] == "overdue"  # a body of 1994 with nothing recorded


def test_init_of_an_icb_without_a_terminal_says_it_starts_when_icbs_began(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "icb"), "--name", "A Board", "--sector", "icb",
                                 "--jurisdiction", "england", "--headcount", "300", "--as-of", "2025-06-01"])
    assert result.exit_code == 0, result.output
    assert load_document(tmp_path / "icb" / "equitykit.yaml", "x").data["established"] is None
    assert "from 2022-07-01, the day its kind of body was first established" in result.stderr


def test_init_given_established_says_nothing_of_assumptions(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "x"), *FLAGS, "--established", "1996-04-01"])
    assert result.exit_code == 0, result.output
    assert "note:" not in result.stderr


def test_init_on_a_terminal_leaves_established_empty_when_the_answer_is_empty(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("equitykit.cli.authoring.on_terminal", lambda: True)
    result = runner.invoke(app, ["init", str(tmp_path / "x"), *FLAGS], input="\n")
    assert result.exit_code == 0, result.output
    assert "leave empty if it existed before the equality duties began" in result.output
    assert load_document(tmp_path / "x" / "equitykit.yaml", "x").data["established"] is None
    assert "taken to have existed before the equality duties began" in result.stderr


def test_init_reports_every_missing_required_option_in_one_message(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "x"), "--sector", "icb", "--as-of", "2025-06-01"])
    assert result.exit_code == 2
    assert "--name, --jurisdiction and --headcount are required when not run on a terminal" in result.stderr
    assert result.stderr.count("equitykit: error:") == 1
    assert "--name 'Northfield NHS Trust' --jurisdiction england --headcount 4200" in result.stderr
    assert not (tmp_path / "x").exists()
    everything = runner.invoke(app, ["init", str(tmp_path / "x")])
    assert "--name, --sector, --jurisdiction and --headcount are required" in everything.stderr


def test_init_writes_the_established_date_given(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "icb"), *FLAGS, "--established", "1996-04-01"])
    assert result.exit_code == 0, result.output
    assert load_document(tmp_path / "icb" / "equitykit.yaml", "x").data["established"] == "1996-04-01"


def test_init_refuses_an_established_date_that_is_not_a_date(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "bad"), *FLAGS, "--established", "July 2022"])
    assert result.exit_code == 2
    assert "--established 'July 2022' is not a date" in result.output
    assert not (tmp_path / "bad" / "equitykit.yaml").exists()




def test_init_help_marks_the_options_it_needs() -> None:
    result = runner.invoke(app, ["init", "--help"])
    assert result.exit_code == 0
    options = {part.split()[0]: part for part in " ".join(result.stdout.split()).split(" --")[1:]}
    for option in ("name", "sector", "jurisdiction", "headcount"):
        assert "[required: asked for on a terminal if not given]" in options[option], options[option]
    assert "required" not in options["as-of"]


def test_init_asks_again_for_a_headcount_below_zero(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("equitykit.cli.authoring.on_terminal", lambda: True)
    result = runner.invoke(app, ["init", str(tmp_path / "x"), "--name", "A Board", "--sector", "icb",
                                 "--jurisdiction", "england", "--as-of", "2025-06-01"], input="-3\n40\n\n")
    assert result.exit_code == 0, result.output
    assert "0 or more" in result.stderr
    data = load_document(tmp_path / "x" / "equitykit.yaml", "x").data
    assert data["headcount"][0]["employees"] == 40
