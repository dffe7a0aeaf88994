"""Which files `fmt` formats: the record files at or under a path, each with its model."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from ..records.kinds import ORGANISATION_FILE, RECORD_KINDS, kind_of_path
from ..records.repository import YAML_SUFFIXES, inside_root

FormatTarget = tuple[Path, str, type[BaseModel]]
"""A file to format: its path, its name relative to the records root, and its record model."""


def record_files(path: Path, root: Path) -> list[FormatTarget]:
    """The record files at `path` (a file or a folder inside `root`); other files are skipped."""
    path, root = path.resolve(), root.resolve()
    if path.is_file():
        candidates = [path]
    else:
        candidates = [root / ORGANISATION_FILE]
        for record_kind in RECORD_KINDS:
            folder = root / str(record_kind.folder)
            if folder.is_dir():
                candidates.extend(sorted(folder.iterdir()))
        candidates = [c for c in candidates if c == path or c.is_relative_to(path)]
    targets: list[FormatTarget] = []
    for candidate in candidates:
        if not candidate.is_file() or candidate.name.startswith(".") or candidate.suffix not in YAML_SUFFIXES:
            continue
        if not inside_root(candidate, root):  # a link out of the folder: never read, never replaced
            continue
        kind = kind_of_path(candidate.relative_to(root).as_posix()) if candidate.is_relative_to(root) else None
        if kind is not None:
            targets.append((candidate, candidate.relative_to(root).as_posix(), kind.model))
    return targets
