"""Measure `equitykit validate` at scale: time and peak memory of the command (a script, not a test).

Usage: python bench/scale_bench.py [RECORDS] [--keep DIR]   (default: 50000 records in a scratch folder)

Builds a valid records folder of RECORDS records (as bench/validate_bench.py does), then runs
`equitykit validate --format json` on it three times as a user would and prints the median wall time
and the largest peak resident memory. With --keep DIR the folder is built in DIR (or reused if DIR
already holds one) and kept, so that the same folder can be timed again as a whole command:

    /usr/bin/time -v .venv/bin/equitykit validate DIR --format json
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from validate_bench import build_folder  # noqa: E402  (a sibling script)

RUNS = 3


def run_once(root: Path) -> tuple[float, int]:
    """One `equitykit validate` run: wall seconds and the exit code."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "equitykit", "validate", str(root), "--format", "json"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - start, done.returncode


def main(size: int, keep: Path | None) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        root = keep or Path(scratch) / "records"
        if not (root / "equitykit.yaml").is_file():
            build_folder(root, size)
        times = []
        for _ in range(RUNS):
            elapsed, code = run_once(root)
            assert code == 0, f"validate exited {code}: the bench folder should be valid"
            times.append(elapsed)
        peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        records = sum(1 for _ in root.glob("*/*.yaml"))
        print(f"{records} records: median {statistics.median(times):.2f} s "
              f"(runs {', '.join(f'{t:.2f}' for t in times)}), peak {peak_mib:.0f} MiB, "
              f"{peak_mib * 1024 / records:.1f} KiB a record")


if __name__ == "__main__":
    args = sys.argv[1:]
    keep = Path(args[args.index("--keep") + 1]) if "--keep" in args else None
    numbers = [int(arg) for arg in args if arg.isdigit()]
    main(numbers[0] if numbers else 50_000, keep)
