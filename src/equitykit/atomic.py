"""Atomic file writes: a crash never leaves half a file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def atomic_write_text(path: Path, text: str | Iterable[str]) -> None:
    """Write text (or its pieces in turn, never held whole) to `path` as UTF-8 via a temporary file in the same
    folder and an atomic rename."""
    pieces = [text] if isinstance(text, str) else text
    atomic_write_bytes(path, (piece.encode("utf-8") for piece in pieces))


def atomic_write_bytes(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Write bytes (or their pieces in turn) to `path` via a temporary file in the same folder and an atomic
    rename."""
    path = Path(path)
    mode = path.stat().st_mode & 0o777 if path.exists() else _default_mode()
    handle, temporary = tempfile.mkstemp(dir=path.parent or ".", prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            for part in [data] if isinstance(data, bytes) else data:
                stream.write(part)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def _default_mode() -> int:
    """The mode a newly created file gets: 0o666 less the process's umask (not mkstemp's 0o600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
