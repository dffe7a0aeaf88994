"""mypy finds no errors in src/equitykit, with the settings in pyproject.toml (skipped without mypy)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

PENDING = frozenset({"src/equitykit/records/errors.py", "src/equitykit/records/loader.py",
                     "src/equitykit/records/organisation.py"})
"""Files with known mypy errors, left to the change under way in records/; empty this once they are fixed
(the test fails while it names files that are already clean)."""

_ERROR = re.compile(r"^(?P<file>[^:\n]+):\d+: error: ", re.MULTILINE)


def test_mypy_reports_no_errors() -> None:
    pytest.importorskip("mypy")
    from mypy import api

    stdout, stderr, status = api.run(["--config-file", str(ROOT / "pyproject.toml"), "--cache-dir", os.devnull,
                                      "--no-error-summary", str(ROOT / "src" / "equitykit")])
    assert not stderr, stderr
    files = {Path(match["file"]).resolve().relative_to(ROOT).as_posix() for match in _ERROR.finditer(stdout)}
    assert files <= PENDING, stdout
    assert files == PENDING, f"mypy no longer reports errors in {sorted(PENDING - files)}: remove them from PENDING"
    if files:
        pytest.xfail(f"known mypy errors in {', '.join(sorted(files))} (records/ is being changed)")
    assert status == 0, stdout
