"""Progress bars for long work, on stderr, only for a person watching a terminal.

Nothing is drawn when stderr is not a terminal (a pipe, a file, CI) or with `--quiet`, so machine
output and logs are exactly as without. The bar moves once per record file, member or part of a
file read (as the reader tells), never per row, so it costs nothing measurable. The work itself knows
nothing of bars: it takes a `track` function that wraps the sequence it walks, or a function to tell how far
through a file it is (the file is still read by its path, the fast way).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, TypeVar

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


@contextmanager
def file_progress(path: Path, quiet: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A function for a reader of `path` to tell how far it has read (bytes read, bytes in all), moving a bar
    on stderr; None when none is shown. The reader gets the path itself, not a stream of it, so that it can
    take its fastest way through the file (the tallies count it in native code)."""
    if not showing(quiet):
        yield None
        return
    try:
        size = path.stat().st_size
    except OSError:
        yield None  # the reader says what is wrong with it
        return
    with _bar(size=True) as bar:
        task = bar.add_task(f"Reading {path.name}", total=size)
        shown = 0

        def told(done: int, _size: int) -> None:
            nonlocal shown
            bar.advance(task, done - shown)
            shown = done

        yield told
