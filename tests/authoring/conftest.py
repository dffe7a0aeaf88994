"""Fixtures for the authoring commands: a fresh records folder, git, and golden files."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from equitykit.authoring.init import OrganisationDetails, init_folder

AS_OF = dt.date(2025, 6, 1)
GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A records folder just made by init for an NHS trust."""
    folder = tmp_path / "records"
    init_folder(folder, OrganisationDetails("Northfield NHS Trust", "nhs-trust", "england", 4210), AS_OF)
    return folder


def git(repo: Path, *args: str) -> str:
    """Run git in `repo` with a fixed identity and dates, so commits are reproducible."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
           "GIT_AUTHOR_DATE": "2025-06-01T12:00:00", "GIT_COMMITTER_DATE": "2025-06-01T12:00:00"}
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, env=env, check=True)
    return done.stdout


def assert_golden(name: str, text: str) -> None:
    """Compare with tests/authoring/golden/NAME; rewrite it when EQUITYKIT_UPDATE_GOLDEN=1."""
    path = GOLDEN / name
    if os.environ.get("EQUITYKIT_UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path}; run with EQUITYKIT_UPDATE_GOLDEN=1 to create it"
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} differs from its golden file; if the change is intended, rerun with EQUITYKIT_UPDATE_GOLDEN=1")
