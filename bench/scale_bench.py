"""Measure `equitykit validate` at scale: time and peak memory of the command (a script, not a test).

Usage: python bench/scale_bench.py [RECORDS] [--keep DIR] [--small]   (default: 50000 records, scratch folder)

Builds a valid records folder of RECORDS records copied from the example trust (examples/northfield-trust:
its objectives, actions, EIAs and engagement records in turn, each copy under its own id, with the
trust's plans, EDS, workforce, pay gap and publication records as they are), then runs
`equitykit validate --format json` on it three times as a user would and prints the median wall time
and the largest peak resident memory. With --small the records are copied from the small test fixture
instead (as bench/validate_bench.py does; about a quarter of the size). With --keep DIR the folder is
built in DIR (or reused if DIR already holds one) and kept, so that the same folder can be timed again
as a whole command, `deadlines` too:

    /usr/bin/time -v .venv/bin/equitykit validate DIR --format json
    /usr/bin/time -v .venv/bin/equitykit deadlines DIR --format json
"""

from __future__ import annotations

import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from validate_bench import build_folder  # noqa: E402  (a sibling script)

RUNS = 3
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "northfield-trust"
COPIED = ("objectives", "actions", "eias", "engagement")
NESTED_ID = re.compile(r"^(\s+(?:- )?id: )(\S+)$", re.MULTILINE)  # a KPI's id: each copy gets its own


def build_from_example(root: Path, size: int) -> None:
    """A valid records folder of `size` records: the example trust, its records copied in turn until there
    are `size` (a copy keeps its references to the trust's own records, which stay)."""
    shutil.copytree(EXAMPLE, root)
    templates = [path for folder in COPIED for path in sorted((EXAMPLE / folder).glob("*.yaml"))]
    existing = sum(1 for _ in root.glob("*/*.yaml"))
    for number in range(size - existing):
        template = templates[number % len(templates)]
        new_id = f"{template.stem}-{number:06d}"
        text = template.read_text(encoding="utf-8").replace(f"\nid: {template.stem}\n", f"\nid: {new_id}\n", 1)
        text = NESTED_ID.sub(lambda match: f"{match[1]}{match[2]}-{number:06d}", text)
        (root / template.parent.name / f"{new_id}.yaml").write_text(text, encoding="utf-8")


def run_once(root: Path) -> tuple[float, int]:
    """One `equitykit validate` run: wall seconds and the exit code."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "equitykit", "validate", str(root), "--format", "json"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - start, done.returncode


def main(size: int, keep: Path | None, small: bool) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        root = keep or Path(scratch) / "records"
        if not (root / "equitykit.yaml").is_file():
            (build_folder if small else build_from_example)(root, size)
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
    main(numbers[0] if numbers else 50_000, keep, "--small" in args)
