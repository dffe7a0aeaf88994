"""Start-up time: `equitykit --help` against a bare typer app with two commands (a script, not a test).

Usage: python bench/startup_bench.py [RUNS]   (default 20; prints medians and the ratio)
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE_APP = """\
import typer

app = typer.Typer()


@app.command()
def one() -> None:
    pass


@app.command()
def two() -> None:
    pass


app()
"""


def median_seconds(command: list[str], runs: int) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main(runs: int) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        bare = Path(scratch) / "bare.py"
        bare.write_text(BARE_APP, encoding="utf-8")
        ours = median_seconds([sys.executable, "-m", "equitykit", "--help"], runs)
        theirs = median_seconds([sys.executable, str(bare), "--help"], runs)
    print(f"equitykit --help {ours * 1000:.0f} ms; bare typer app --help {theirs * 1000:.0f} ms; "
          f"ratio {ours / theirs:.2f} (goal: at most 1.30)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
