"""`equitykit init` puts the pre-commit configuration and the GitHub workflow where those tools read them:
the top of the git repository holding the records folder, pointed at the folder; it never overwrites
one that is there (the hooks are merged in, or the note says exactly what to add)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from equitykit.authoring.tooling import merge_hooks
from equitykit.cli import app

from .conftest import git

runner = CliRunner()
FLAGS = ["--name", "Northfield NHS Trust", "--sector", "nhs-trust", "--jurisdiction", "england",
         "--headcount", "4200", "--established", "1994-04-01", "--as-of", "2025-06-01"]
THEIRS = """\
# our checks
repos:
- repo: https://github.com/pre-commit/pre-commit-hooks
  rev: v4.6.0
  hooks:
  - id: trailing-whitespace   # keep this
  - id: end-of-file-fixer

# pre-commit.ci settings
ci:
  autofix_prs: false
"""


def load(path: Path):
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def init(folder: Path):
    result = runner.invoke(app, ["init", str(folder), *FLAGS])
    assert result.exit_code == 0, result.output
    return result


def hooks_of(config: dict) -> list[dict]:
    return [hook for repo in config["repos"] if repo["repo"] == "local" for hook in repo["hooks"]]


def commands_of(workflow: dict) -> list[str]:
    return [step["run"] for step in workflow["jobs"]["records"]["steps"] if "run" in step]


@pytest.mark.parametrize("own_repository", [False, True])
def test_init_of_a_fresh_folder_writes_its_hooks_and_workflow_in_it(tmp_path: Path, own_repository: bool) -> None:
    folder = tmp_path / "trust"
    if own_repository:
        folder.mkdir()
        git(folder, "init", "-q")
    init(folder)
    hooks = hooks_of(load(folder / ".pre-commit-config.yaml"))
    assert [(h["id"], h["entry"], h["files"]) for h in hooks] == [
        ("equitykit-validate", "equitykit validate", r"\.ya?ml$"), ("equitykit-fmt", "equitykit fmt", r"\.ya?ml$")]
    workflow = load(folder / ".github" / "workflows" / "equitykit.yml")
    assert "equitykit validate --format github" in commands_of(workflow)
    assert "paths" not in workflow["on"]["push"]


def test_init_in_a_subfolder_of_a_repository_writes_hooks_and_workflow_at_its_top(tmp_path: Path) -> None:
    top = tmp_path / "system"
    top.mkdir()
    git(top, "init", "-q")
    result = init(top / "members" / "trust")
    assert not (top / "members" / "trust" / ".pre-commit-config.yaml").exists()
    assert not (top / "members" / "trust" / ".github").exists()
    assert str(top / ".pre-commit-config.yaml") in result.stdout
    hooks = hooks_of(load(top / ".pre-commit-config.yaml"))
    assert [(h["id"], h["entry"], h["files"]) for h in hooks] == [
        ("equitykit-validate", "equitykit validate members/trust", r"^members/trust/.*\.ya?ml$"),
        ("equitykit-fmt", "equitykit fmt", r"^members/trust/.*\.ya?ml$")]
    workflow = load(top / ".github" / "workflows" / "equitykit-members-trust.yml")
    assert workflow["name"] == "equitykit members/trust"
    assert workflow["on"]["pull_request"]["paths"] == ["members/trust/**",
                                                       ".github/workflows/equitykit-members-trust.yml"]
    commands = commands_of(workflow)
    assert "equitykit validate members/trust --format github" in commands
    assert "equitykit deadlines members/trust --fail-on overdue" in commands
    diff = 'equitykit diff "origin/${{ github.base_ref }}" HEAD members/trust --format md > equitykit-diff.md'
    assert diff in commands
    readme = (top / "members" / "trust" / "README.md").read_text(encoding="utf-8")
    assert "`.github/workflows/equitykit-members-trust.yml`); both are at\nthe top of the git repository" in readme


def test_the_hooks_written_at_the_top_check_the_subfolder_with_pre_commit(tmp_path: Path) -> None:
    if shutil.which("pre-commit") is None:
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    top = tmp_path / "system"
    top.mkdir()
    git(top, "init", "-q")
    (top / ".pre-commit-config.yaml").write_text("repos:\n- repo: meta  # pre-commit's own, offline\n  hooks:\n"
                                                 "  - id: identity\n", encoding="utf-8")
    init(top / "members" / "trust")
    (top / "other.yaml").write_text("not: [a record\n", encoding="utf-8")  # outside the folder: not checked
    git(top, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "home"), "PRE_COMMIT_COLOR": "never",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run([shutil.which("pre-commit"), "run", "--all-files"], cwd=top, capture_output=True,
                              text=True, env=env, timeout=300)

    done = run()
    assert done.returncode == 0, done.stdout + done.stderr
    assert "equitykit validate members/trust" in done.stdout and "Passed" in done.stdout
    action = top / "members" / "trust" / "actions" / "ACT-001.yaml"
    action.parent.mkdir()
    action.write_text("id: ACT-001\ntitle: Train managers\nwork_stream: Training\nlead: Head of HR\n"
                      "due: 2026-01-01\nstatus: finished\n", encoding="utf-8")
    git(top, "add", ".")
    failed = run()
    assert failed.returncode == 1
    assert "members/trust/actions/ACT-001.yaml" in failed.stdout and "EK204" in failed.stdout


def test_init_in_a_subfolder_merges_the_hooks_into_the_existing_configuration(tmp_path: Path) -> None:
    top = tmp_path / "system"
    top.mkdir()
    git(top, "init", "-q")
    (top / ".pre-commit-config.yaml").write_text(THEIRS, encoding="utf-8")
    result = init(top / "members" / "trust")
    assert "added the equitykit hooks for members/trust to" in result.stderr
    text = (top / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    ours = slice(text.index("- repo: local"), text.index("\n# pre-commit.ci settings"))
    assert text[:ours.start] + text[ours.stop:] == THEIRS  # every line of theirs kept as it was, in order
    config = load(top / ".pre-commit-config.yaml")
    assert config["ci"] == {"autofix_prs": False}
    assert [hook["id"] for repo in config["repos"] for hook in repo["hooks"]] == [
        "trailing-whitespace", "end-of-file-fixer", "equitykit-validate", "equitykit-fmt"]
    assert text.index("equitykit-fmt") < text.index("# pre-commit.ci settings")

    init(top / "members" / "hospital")  # a second body in the same repository: its own hooks and workflow
    config = load(top / ".pre-commit-config.yaml")
    assert [hook["entry"] for hook in hooks_of(config)] == [
        "equitykit validate members/trust", "equitykit fmt", "equitykit validate members/hospital", "equitykit fmt"]
    assert sorted(p.name for p in (top / ".github" / "workflows").iterdir()) == [
        "equitykit-members-hospital.yml", "equitykit-members-trust.yml"]


def test_init_of_a_folder_that_is_its_own_repository_merges_into_its_configuration(tmp_path: Path) -> None:
    folder = tmp_path / "trust"
    folder.mkdir()
    git(folder, "init", "-q")
    (folder / ".pre-commit-config.yaml").write_text(THEIRS, encoding="utf-8")
    init(folder)
    config = load(folder / ".pre-commit-config.yaml")
    assert [hook["entry"] for hook in hooks_of(config)] == ["equitykit validate", "equitykit fmt"]
    assert config["repos"][0]["hooks"][0]["id"] == "trailing-whitespace"


def test_merging_hooks_already_there_changes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "trust"
    init(folder)
    ours = (folder / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert merge_hooks(ours, ours) is None


@pytest.mark.parametrize("theirs", ["repos: []\n", "repos:\n- repo: local\n  hooks: [\n", "- just a list\n"])
def test_a_configuration_that_cannot_be_merged_is_left_alone_and_init_says_what_to_add(
        tmp_path: Path, theirs: str) -> None:
    top = tmp_path / "system"
    top.mkdir()
    git(top, "init", "-q")
    (top / ".pre-commit-config.yaml").write_text(theirs, encoding="utf-8")
    result = init(top / "members" / "trust")
    assert (top / ".pre-commit-config.yaml").read_text(encoding="utf-8") == theirs
    assert "was left as it was" in result.stderr and "add this entry to its repos: list:" in result.stderr
    entry = result.stderr.split("add this entry to its repos: list:\n")[1].split("\nequitykit:")[0]
    assert YAML(typ="safe", pure=True).load("repos:\n" + entry)["repos"][0]["hooks"][0]["entry"] == (
        "equitykit validate members/trust")


def test_an_existing_workflow_is_left_alone_and_init_prints_the_one_to_add(tmp_path: Path) -> None:
    top = tmp_path / "system"
    (top / ".github" / "workflows").mkdir(parents=True)
    git(top, "init", "-q")
    workflow = top / ".github" / "workflows" / "equitykit-members-trust.yml"
    workflow.write_text("name: ours\n", encoding="utf-8")
    result = init(top / "members" / "trust")
    assert workflow.read_text(encoding="utf-8") == "name: ours\n"
    assert f"{workflow} is already there and was left as it was" in result.stderr
    assert "run: equitykit validate members/trust --format github" in result.stderr
