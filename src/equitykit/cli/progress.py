"""Progress bars for long work, on stderr, only for a person watching a terminal.

Nothing is drawn when stderr is not a terminal (a pipe, a file, CI) or with `--quiet`, so machine
output and logs are exactly as without. The bar moves once per record file, member or chunk of a
file read (8 KiB), never per row, so it costs nothing measurable. The work itself knows nothing of
bars: it takes a `track` function that wraps the sequence it walks, or a text stream to read.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, TextIO, TypeVar

import typer

_T = TypeVar("_T")
Track = Callable[[Sequence[_T]], Iterable[_T]]
"""Wraps a sequence of work (files, members) so that walking it moves a bar."""

QuietOption = Annotated[bool, typer.Option(
    "--quiet", "-q", help="No progress bar (one is shown on stderr only when it is a terminal).")]


def showing(quiet: bool) -> bool:
    """Whether to draw a bar: a person is watching stderr on a terminal and did not ask for quiet."""
    return not quiet and sys.stderr.isatty()


def _bar(*, size: bool):
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    amount = DownloadColumn() if size else MofNCompleteColumn()
    return Progress(TextColumn("{task.description}"), BarColumn(), amount, TimeRemainingColumn(),
                    console=Console(stderr=True), transient=True)


@contextmanager
def tracking(description: str, quiet: bool) -> Iterator[Track | None]:
    """A `track` function that moves a bar on stderr as its sequence is walked, or None when none is shown."""
    if not showing(quiet):
        yield None
        return
    with _bar(size=False) as bar:
        def track(items: Sequence[_T]) -> Iterable[_T]:
            return bar.track(items, total=len(items), description=description)

        yield track


def read_with_progress(path: Path, quiet: bool, read: Callable[[Path | TextIO], _T]) -> _T:
    """`read(path)`, or on a terminal `read` of a text stream of the file (UTF-8, BOM dropped, newline="")
    that moves a bar as each chunk is read. Should the streamed read fail, the file is read again by path,
    so that every message is exactly the reader's own."""
    if not showing(quiet):
        return read(path)
    try:
        size = path.stat().st_size
        raw = path.open("rb")
    except OSError:
        return read(path)  # the reader says what is wrong with it
    with raw, _bar(size=True) as bar:
        task = bar.add_task(f"Reading {path.name}", total=size)
        counted = io.BufferedReader(_Counting(raw, lambda done: bar.advance(task, done)))
        stream = io.TextIOWrapper(counted, encoding="utf-8-sig", newline="")
        try:
            return read(stream)
        except Exception:  # noqa: BLE001 - read again by path for the reader's own message
            pass
    return read(path)


def count_with_progress(path: Path, quiet: bool, count: Callable[[Path, Callable[[int, int], None] | None], _T]) -> _T:
    """`count(path, None)`, or on a terminal `count(path, told)` with a bar that moves each time `told` hears
    how many bytes of how many have been read. Unlike `read_with_progress`, the file is still read by path, so
    that the counting may take its fast way through it."""
    if not showing(quiet):
        return count(path, None)
    with _bar(size=True) as bar:
        task = bar.add_task(f"Reading {path.name}", total=path.stat().st_size)
        shown = [0]

        def told(done: int, size: int) -> None:
            bar.advance(task, done - shown[0])
            shown[0] = done

        return count(path, told)


class _Counting(io.RawIOBase):
    """A binary file that reports how many bytes each read took from it."""

    def __init__(self, raw: io.BufferedIOBase, advance: Callable[[int], None]) -> None:
        self._raw = raw
        self._advance = advance

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        done = self._raw.readinto(buffer)
        self._advance(done or 0)
        return done
