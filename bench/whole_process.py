"""Timing whole commands from outside, as a user runs them: CPU and wall seconds and peak memory.

Each command runs as a child process, start-up and imports included; its CPU seconds (user + system)
and peak resident memory are the operating system's own accounting of the finished child (``os.wait4``,
as ``/usr/bin/time -v`` reports them). Two commands are run in turn, A B A B ..., after one warm-up
each, and their ratio is taken pair by pair, so that it holds when the machine's speed drifts; the
median of each figure is quoted. On a shared machine CPU seconds are steadier than wall seconds.

The package's bytecode is compiled first (``compiled``), as installing it does: a checkout run with
PYTHONDONTWRITEBYTECODE set would otherwise compile every module it imports on every run.
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Run:
    cpu: float
    wall: float
    peak_mib: float


def run(command: Sequence[str]) -> Run:
    """One run of the command, its output thrown away; it must succeed."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # noqa: S603
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    error = child.stderr.read().decode() if child.stderr else ""
    if child.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({child.returncode}): {error}")
    return Run(usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024)


@dataclass(frozen=True)
class Pair:
    """Medians of A's and B's runs, and of A/B pair by pair."""

    a: Run
    b: Run
    cpu_ratio: float
    wall_ratio: float
    peak_ratio: float

    def line(self, a_name: str, b_name: str) -> str:
        return (f"{a_name}: {self.a.cpu:.2f} s CPU, {self.a.wall:.2f} s wall, {self.a.peak_mib:.0f} MiB; "
                f"{b_name}: {self.b.cpu:.2f} s CPU, {self.b.wall:.2f} s wall, {self.b.peak_mib:.0f} MiB; "
                f"ratio {self.cpu_ratio:.2f} CPU, {self.wall_ratio:.2f} wall, {self.peak_ratio:.2f} peak")


def median_run(runs: list[Run]) -> Run:
    return Run(statistics.median(r.cpu for r in runs), statistics.median(r.wall for r in runs),
               statistics.median(r.peak_mib for r in runs))


def compiled() -> None:
    """Compile equitykit's modules to bytecode, as installing the package does."""
    import equitykit

    compileall.compile_dir(os.path.dirname(equitykit.__file__), quiet=1)


def paired(a: Sequence[str], b: Sequence[str], runs: int = 3) -> Pair:
    """A against B, in turn, after a warm-up of each."""
    run(a)
    run(b)
    a_runs, b_runs = [], []
    for _ in range(runs):
        a_runs.append(run(a))
        b_runs.append(run(b))
    pairs = list(zip(a_runs, b_runs, strict=True))
    return Pair(median_run(a_runs), median_run(b_runs),
                statistics.median(x.cpu / y.cpu for x, y in pairs),
                statistics.median(x.wall / y.wall for x, y in pairs),
                statistics.median(x.peak_mib / y.peak_mib for x, y in pairs))
