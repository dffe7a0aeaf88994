"""Atomic writes: a new file gets the usual permissions, an existing one keeps its own, and a failure
leaves the old content and no temporary file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from equitykit.atomic import atomic_write_text


def test_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        atomic_write_text(tmp_path / "new.yaml", "id: X\n")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "new.yaml").stat().st_mode) == 0o644


def test_existing_file_keeps_its_permissions(tmp_path: Path) -> None:
    path = tmp_path / "old.yaml"
    path.write_text("id: X\n")
    path.chmod(0o640)
    atomic_write_text(path, "id: Y\n")
    assert (stat.S_IMODE(path.stat().st_mode), path.read_text()) == (0o640, "id: Y\n")


def test_a_failed_write_leaves_the_old_content_and_no_temporary_file(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "old.yaml"
    path.write_text("id: X\n")

    def crash(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        atomic_write_text(path, "id: Y\n")
    assert path.read_text() == "id: X\n"
    assert [p.name for p in tmp_path.iterdir()] == ["old.yaml"]
