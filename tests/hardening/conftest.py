"""Shared pieces of the hardening corpora: a records folder with data for every command, and a runner
that fails a case on any traceback or escaped exception."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from equitykit.cli import app

REPO = Path(__file__).parent.parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "valid"
WORKFORCE = REPO / "examples" / "northfield-trust" / "workforce" / "2025-03-31.yaml"
AS_OF = "2025-06-30"


def make_root(folder: Path) -> Path:
    """The small valid folder, with WRES and WDES data, that every command can compute from."""
    shutil.copytree(FIXTURES, folder)
    shutil.copy(WORKFORCE, folder / "workforce" / "2025-03-31.yaml")
    org = folder / "equitykit.yaml"
    org.write_text(org.read_text(encoding="utf-8").replace("employees: 1200", "employees: 4445"), encoding="utf-8")
    return folder


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return make_root(tmp_path / "records")


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(folder), "-c", "user.name=Test", "-c", "user.email=test@example.org",
                    "-c", "commit.gpgsign=false", *args], check=True, capture_output=True)


def commit_all(folder: Path) -> None:
    """Make `folder` a git repository with everything in it committed."""
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "--all", ".")
    git(folder, "commit", "-q", "-m", "records")


def run(args: Sequence[str], **kwargs) -> Result:
    """Invoke equitykit; any exception other than SystemExit, or a traceback in the output, fails."""
    result = CliRunner().invoke(app, [str(arg) for arg in args], **kwargs)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output, result.output
    assert result.exit_code in (0, 1, 2), result.exit_code
    return result
