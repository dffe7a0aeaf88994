"""Measure `equitykit validate` at scale: time and peak memory of the command (a script, not a test).

Usage: python bench/scale_bench.py [RECORDS] [--keep DIR] [--small]   (default: 50000 records, scratch folder)

Builds a valid records folder of RECORDS records copied from the example trust (examples/northfield-trust:
its objectives, actions, EIAs and engagement records in turn, each copy under its own id, with the
trust's plans, EDS, workforce, pay gap and publication records as they are), then runs
`equitykit validate --format json` on it three times as a user would, then `equitykit deadlines --format
json` three times, and prints for each the median wall and CPU time and the largest peak resident memory,
and deadlines' peak against validate's. With --small the records are copied from the small test fixture
instead (as bench/validate_bench.py does; about a quarter of the size). With --keep DIR the folder is
built in DIR (or reused if DIR already holds one) and kept, so that the same folder can be timed again
as a whole command, `deadlines` too:

    /usr/bin/time -v .venv/bin/equitykit validate DIR --format json
    /usr/bin/time -v .venv/bin/equitykit deadlines DIR --format json
"""

from __future__ import annotations

import re
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
        text = NESTED_ID.sub(rf"\g<1>\g<2>-{number:06d}", text)
        (root / template.parent.name / f"{new_id}.yaml").write_text(text, encoding="utf-8")


MEASURED = ("import resource, subprocess, sys; "
            "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
            "usage = resource.getrusage(resource.RUSAGE_CHILDREN); "
            "print(code, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)")
"""Runs one command and prints its exit code, CPU seconds and peak resident memory (KiB), its own alone."""


def run_once(command: str, root: Path) -> tuple[float, float, float]:
    """One `equitykit COMMAND ROOT --format json` run as a user runs it: wall seconds, CPU seconds, peak MiB."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", MEASURED, sys.executable, "-m", "equitykit", command, str(root),
                           "--format", "json"], capture_output=True, text=True, check=True)
    elapsed = time.perf_counter() - start
    code, cpu, peak = done.stdout.split()
    assert code == "0", f"{command} exited {code}: the bench folder should be valid"
    return elapsed, float(cpu), int(peak) / 1024


def main(size: int, keep: Path | None, small: bool) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        root = keep or Path(scratch) / "records"
        if not (root / "equitykit.yaml").is_file():
            (build_folder if small else build_from_example)(root, size)
        records = sum(1 for _ in root.glob("*/*.yaml"))
        peaks = {}
        for command in ("validate", "deadlines"):
            runs = [run_once(command, root) for _ in range(RUNS)]
            wall, cpu = (statistics.median(run[part] for run in runs) for part in (0, 1))
            peaks[command] = max(run[2] for run in runs)
            print(f"{command} on {records} records: median {wall:.2f} s wall, {cpu:.2f} s CPU; peak "
                  f"{peaks[command]:.0f} MiB, {peaks[command] * 1024 / records:.1f} KiB a record")
        print(f"deadlines' peak against validate's: {peaks['deadlines'] / peaks['validate']:.2f}")


if __name__ == "__main__":
    args = sys.argv[1:]
    keep = Path(args[args.index("--keep") + 1]) if "--keep" in args else None
    numbers = [int(arg) for arg in args if arg.isdigit()]
    main(numbers[0] if numbers else 50_000, keep, "--small" in args)
