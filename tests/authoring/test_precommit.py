"""The equitykit hooks run by the real pre-commit tool, from this repository, in a new records repo."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

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
