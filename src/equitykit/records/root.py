"""Finding a records folder: the folder holding `equitykit.yaml`, at or above a path.

It imports none of the record models, so that a command reading staff extracts can tell quickly
whether one sits inside a records folder.
"""

from __future__ import annotations

from pathlib import Path

ORGANISATION_FILE = "equitykit.yaml"


class RootNotFound(Exception):
    """No `equitykit.yaml` at or above the given path."""


def find_root(start: Path) -> Path:
    """Walk up from `start` to the folder holding `equitykit.yaml`."""
    start = start.resolve()
    if start.is_file():
        start = start.parent
    for folder in (start, *start.parents):
        if (folder / ORGANISATION_FILE).is_file():
            return folder
        if (folder / ORGANISATION_FILE).is_dir():
            raise RootNotFound(f"{folder / ORGANISATION_FILE} is a folder, not a file; the records folder's "
                               f"{ORGANISATION_FILE} must be the organisation file (see `equitykit init`)")
    raise RootNotFound(
        f"no {ORGANISATION_FILE} found in {start} or any folder above it; run the command inside a "
        "records folder, give its path, or create one with `equitykit init`"
    )
