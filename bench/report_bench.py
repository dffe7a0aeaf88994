"""`equitykit report psed` on scaled records folders (a script, not a test).

Usage: python bench/report_bench.py [SIZES...]   (default: 100 1000; goal: under 1 s at 1,000)
Times loading plus rendering in this process, in Markdown and HTML.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from validate_bench import build_folder

from equitykit.records.repository import load_records
from equitykit.reporting.reports import render_report


def main(sizes: list[int]) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        for size in sizes:
            root = Path(scratch) / f"r{size}"
            build_folder(root, size)
            for output_format in ("md", "html"):
                start = time.perf_counter()
                records = load_records(root)
                page = render_report("psed", records, dt.date(2025, 11, 30), output_format)
                elapsed = time.perf_counter() - start
                print(f"{len(records.records):>6} records  psed {output_format:<4} {elapsed:6.2f} s  "
                      f"{len(page) / 1024:8.0f} KiB")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [100, 1000])
