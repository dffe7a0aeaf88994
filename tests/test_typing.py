"""mypy finds no errors in src/equitykit, with the settings in pyproject.toml (skipped without mypy)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

_ERROR = re.compile(r"^(?P<file>[^:\n]+):\d+: error: ", re.MULTILINE)


def test_mypy_reports_no_errors() -> None:
    pytest.importorskip("mypy")
    from mypy import api

    stdout, stderr, status = api.run(["--config-file", str(ROOT / "pyproject.toml"), "--cache-dir", os.devnull,
                                      "--no-error-summary", str(ROOT / "src" / "equitykit")])
    assert not stderr, stderr
    assert not _ERROR.search(stdout), stdout
    assert status == 0, stdout
