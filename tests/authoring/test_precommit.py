"""The equitykit hooks run by the real pre-commit tool, from this repository, in a new records repo."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from .conftest import git

PROJECT = Path(__file__).resolve().parents[2]
OFFLINE = re.compile(r"Could not find a version|No matching distribution|Failed to establish|"
                     r"Temporary failure in name resolution|Network is unreachable|ProxyError")


def pre_commit(repo: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    executable = shutil.which("pre-commit")
    if executable is None:
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    done = subprocess.run([executable, "try-repo", str(PROJECT), *args, "--all-files"], cwd=repo,
                          capture_output=True, text=True, env=env, timeout=600)
    output = done.stdout + done.stderr
    if "An unexpected error has occurred" in output and OFFLINE.search(output):
        pytest.skip("pre-commit could not install the hook environment offline:\n" + output[-800:])
    return done


def test_the_hooks_format_then_pass_and_catch_a_problem(root: Path, tmp_path: Path) -> None:
    git(root, "init", "-q")
    action = root / "actions" / "ACT-001.yaml"
    action.parent.mkdir()
    action.write_text("title: Train managers  # the action\nid: ACT-001\nwork_stream: Training\n"
                      "lead: Head of HR\ndue: 2026-01-01\nstatus: not-started\n")
    git(root, "add", ".")
    home = tmp_path / "pre-commit-home"

    formatted = pre_commit(root, home, "equitykit-fmt")
    assert formatted.returncode == 1, formatted.stdout
    assert "files were modified by this hook" in formatted.stdout
    assert action.read_text().startswith("id: ACT-001\ntitle: Train managers  # the action\n")
    assert pre_commit(root, home, "equitykit-fmt").returncode == 0

    assert pre_commit(root, home, "equitykit-validate").returncode == 0
    action.write_text(action.read_text().replace("status: not-started", "status: finished"))
    git(root, "add", ".")
    failed = pre_commit(root, home, "equitykit-validate")
    assert failed.returncode == 1
    assert "EK204" in failed.stdout


def _offline() -> list[str]:
    """A command prefix that cuts the network (a new network namespace), where the system allows one."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-rn", "true"], capture_output=True).returncode == 0:
        return [unshare, "-rn"]
    return []


def test_the_configuration_init_writes_runs_offline_in_a_new_repository(root: Path, tmp_path: Path) -> None:
    executable = shutil.which("pre-commit")
    if executable is None:
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    git(root, "init", "-q")
    git(root, "add", ".")
    dead = "http://127.0.0.1:9"  # and, without a network namespace, every download fails at once
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "PRE_COMMIT_COLOR": "never",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}", "PIP_NO_INDEX": "1",
           **{name: dead for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY")}}

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run([*_offline(), executable, "run", "--all-files"], cwd=root, capture_output=True,
                              text=True, env=env, timeout=600)

    clean = run()
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "equitykit validate" in clean.stdout and "equitykit fmt" in clean.stdout
    (root / "equitykit.yaml").write_text((root / "equitykit.yaml").read_text().replace("sector: ", "sector: x"))
    git(root, "add", ".")
    failed = run()
    assert failed.returncode == 1
    assert "EK204" in failed.stdout


def test_init_hooks_are_the_published_hooks_run_locally(root: Path) -> None:
    local = YAML(typ="safe").load((root / ".pre-commit-config.yaml").read_text())["repos"]
    published = YAML(typ="safe").load((PROJECT / ".pre-commit-hooks.yaml").read_text())
    assert [repo["repo"] for repo in local] == ["local"]
    keys = ("id", "name", "entry", "pass_filenames", "files")
    assert ([{key: hook.get(key) for key in keys} for hook in local[0]["hooks"]]
            == [{key: hook.get(key) for key in keys} for hook in published])
    assert {hook["language"] for hook in local[0]["hooks"]} == {"system"}  # the equitykit on PATH
