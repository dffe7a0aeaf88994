"""ruff finds nothing in src and tests, with the settings in pyproject.toml: part of the test command, so a
lint problem fails the suite as a test would (skipped only where ruff cannot be imported)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_check_reports_nothing_in_src_and_tests() -> None:
    pytest.importorskip("ruff")
    from ruff.__main__ import find_ruff_bin

    done = subprocess.run([find_ruff_bin(), "check", "--no-cache", "src", "tests"], cwd=ROOT, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
