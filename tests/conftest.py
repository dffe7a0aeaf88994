"""Shared fixtures: a small valid records folder to copy and break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def valid_root(tmp_path: Path) -> Path:
    """A fresh copy of a small, valid records folder (one record of each kind)."""
    root = tmp_path / "records"
    shutil.copytree(FIXTURES / "valid", root)
    return root
