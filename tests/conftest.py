"""Shared fixtures: a small valid records folder to copy and break."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the same examples every time (HYPOTHESIS_PROFILE=ci in .ci/run); locally they vary. Speed is measured
# in bench/, not asserted: CI's shared machine gives an example no deadline (Hypothesis's 200 ms failed a
# correct example under load).
settings.register_profile("ci", derandomize=True, print_blob=True, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLE_TRUST = Path(__file__).parents[1] / "examples" / "northfield-trust"


@pytest.fixture
def valid_root(tmp_path: Path) -> Path:
    """A fresh copy of a small, valid records folder (one record of each kind)."""
    root = tmp_path / "records"
    shutil.copytree(FIXTURES / "valid", root)
    return root


@pytest.fixture
def trust(tmp_path: Path) -> Path:
    """A fresh copy of the example trust's records folder (examples/northfield-trust)."""
    root = tmp_path / "trust"
    shutil.copytree(EXAMPLE_TRUST, root)
    return root
