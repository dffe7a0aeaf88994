"""Measure `equitykit validate` on scaled records folders (a script, not a test).

Usage: python bench/validate_bench.py [SIZES...]   (default: 100 1000 2000 10000)

Builds folders of N records from the test fixture (objectives, actions, EIAs and
engagement records in equal parts, with unique ids), times validation in this process and
as the `equitykit validate` command, and, when `check-jsonschema` is on PATH (pip install
check-jsonschema), times it checking the same files against our exported schemas (one run
per kind), printing the ratio of the two commands. Time per record shows whether it is linear.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from equitykit.checks.validate import validate
from equitykit.schemas import write_schemas

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "valid"
TEMPLATES = {
    "objectives": ("OBJ-01", "objectives/OBJ-01.yaml", "OBJ-{:05d}"),
    "actions": ("ACT-001", "actions/ACT-001.yaml", "ACT-{:05d}"),
    "eias": ("EIA-2025-001", "eias/EIA-2025-001.yaml", "EIA-2025-{:05d}"),
    "engagement": ("ENG-001", "engagement/ENG-001.yaml", "ENG-{:05d}"),
}


def build_folder(root: Path, size: int) -> list[Path]:
    """A valid records folder with `size` records; returns the record files."""
    shutil.copytree(FIXTURE, root)
    files = []
    per_kind = size // len(TEMPLATES)
    for folder, (old_id, template, pattern) in TEMPLATES.items():
        text = (FIXTURE / template).read_text(encoding="utf-8")
        for number in range(2, per_kind + 1):
            new_id = pattern.format(number)
            path = root / folder / f"{new_id}.yaml"
            path.write_text(text.replace(f"id: {old_id}", f"id: {new_id}"), encoding="utf-8")
            files.append(path)
    return files


def time_equitykit(root: Path) -> tuple[float, int]:
    """Validation inside this process (no start-up)."""
    start = time.perf_counter()
    result = validate(root)
    elapsed = time.perf_counter() - start
    assert not result.errors, result.errors[:3]
    return elapsed, result.records


def time_equitykit_cli(root: Path) -> float:
    """The `equitykit validate` command as a user runs it, start-up included."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "equitykit", "validate", str(root), "--format", "json"],
                   check=True, capture_output=True)
    return time.perf_counter() - start


def time_check_jsonschema(root: Path, schemas: Path) -> float | None:
    tool = shutil.which("check-jsonschema")
    if tool is None:
        return None
    start = time.perf_counter()
    for folder, kind in (("objectives", "objective"), ("actions", "action"), ("eias", "eia"),
                         ("engagement", "engagement")):
        files = sorted(str(p) for p in (root / folder).glob("*.yaml"))
        subprocess.run([tool, "--schemafile", str(schemas / f"{kind}.schema.json"), *files],
                       check=True, capture_output=True)
    return time.perf_counter() - start


def main(sizes: list[int]) -> None:
    print(f"{'records':>8} {'in-process s':>12} {'ms/record':>10} {'equitykit CLI s':>16} "
          f"{'check-jsonschema s':>19} {'CLI ratio':>10}")
    with tempfile.TemporaryDirectory() as scratch:
        schemas = Path(scratch) / "schemas"
        write_schemas(schemas)
        for size in sizes:
            root = Path(scratch) / f"r{size}"
            build_folder(root, size)
            ours, records = time_equitykit(root)
            cli = time_equitykit_cli(root)
            theirs = time_check_jsonschema(root, schemas)
            ratio = f"{cli / theirs:.2f}" if theirs else "n/a"
            shown = f"{theirs:.2f}" if theirs else "not installed"
            print(f"{records:>8} {ours:>12.2f} {ours / records * 1000:>10.2f} {cli:>16.2f} {shown:>19} {ratio:>10}")
            shutil.rmtree(root)


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [100, 1000, 2000, 10000])
