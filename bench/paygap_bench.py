"""Benchmark: equitykit's staff CSV reader and pay gap figures against pandas, and --by ethnicity.

Generates synthetic staff CSV files (20,000 and 1,500,000 rows by default) in a temporary
directory, deleted afterwards. Each implementation runs in a fresh Python process, so that its
peak memory (maximum resident set size, including the interpreter and its imports) is its own and
import time is left out of the timing. Both must give the same figures: unrounded within 1e-9 and
identical after rounding to one decimal place.

    python bench/paygap_bench.py                 # 20,000 and 1,500,000 rows
    python bench/paygap_bench.py --rows 100000   # other sizes
    python bench/paygap_bench.py --keep DIR      # keep the files, e.g. to time the command with farm-bench:
        farm-bench --vs 'equitykit paygap compute DIR/staff-20000.csv --snapshot 2025-03-31 -f json --by sex' \
            -- equitykit paygap compute DIR/staff-20000.csv --snapshot 2025-03-31 -f json --by ethnicity

The ethnicity pay gaps (``--by ethnicity``, White British reference, every broad group) are timed
in process beside the gender pay gap, on the same file.

pandas is needed only for the comparison (``pip install pandas``); without it, only equitykit is
timed. The synthetic file: 65% women; 95% full-pay relevant; hourly pay log-normal around £17 (men
paid about 8% more), to the penny, blank for half of those not full-pay relevant; 10% paid a bonus,
log-normal around £900, to the penny; an NHS ethnic category code (A to S, about 70% A, B or C and
3% Z, not stated); plus an employee reference and a department column.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEPARTMENTS = ("Wards", "Theatres", "Estates", "Finance", "Pharmacy", "Radiology", "HR", "IT")
PAY_COLUMNS = ["sex", "full_pay_relevant", "hourly_pay", "bonus_pay"]
ETHNIC_CODES = ("A",) * 60 + ("B",) * 3 + ("C",) * 7 + tuple("DEFGHJKLMNPRS") * 2 + ("Z",) * 4


def write_staff_csv(path: Path, rows: int, seed: int = 2025) -> None:
    """A synthetic staff file with ``rows`` employees (see the module docstring)."""
    chance = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["employee_ref", *PAY_COLUMNS, "ethnicity", "department"])
        for number in range(rows):
            sex = "female" if chance.random() < 0.65 else "male"
            full_pay = chance.random() < 0.95
            rate = chance.lognormvariate(2.83, 0.45) * (1.08 if sex == "male" else 1.0)
            hourly = f"{rate:.2f}" if full_pay or chance.random() < 0.5 else ""
            bonus = f"{chance.lognormvariate(6.8, 0.7):.2f}" if chance.random() < 0.10 else ""
            ethnicity = chance.choice(ETHNIC_CODES)
            department = chance.choice(DEPARTMENTS)
            writer.writerow([f"E{number:07d}", sex, str(full_pay).lower(), hourly, bonus, ethnicity, department])


def equitykit_figures(path: Path) -> dict[str, float | None]:
    """The figures by equitykit, unrounded (as floats, for comparison)."""
    from equitykit.metrics.paygap import pay_gap_figures
    from equitykit.metrics.staffcsv import read_staff_csv

    result = pay_gap_figures(read_staff_csv(path))
    print(json.dumps({name: str(value) for name, value in result.figures.items()}), file=sys.stderr)
    return {name: None if value is None else float(value) for name, value in result.unrounded.items()}


def ethnicity_figures(path: Path) -> dict[str, float | None]:
    """The ethnicity pay gaps by equitykit (--by ethnicity, White British reference), rounded."""
    from equitykit.metrics.diversity_paygap import diversity_pay_gaps, grouping, published
    from equitykit.metrics.staffcsv import read_staff_groups

    result = published(diversity_pay_gaps(read_staff_groups(path, "ethnicity"), grouping("ethnicity", "white-british")))
    comparisons = result["comparisons"]
    assert isinstance(comparisons, list)
    print(json.dumps({c["group"]: c["figures"]["median_hourly_gap"] for c in comparisons}), file=sys.stderr)
    return {c["group"]: c["figures"]["mean_hourly_gap"] for c in comparisons}


def pandas_figures(path: Path) -> dict[str, float | None]:
    """The same figures with pandas: the idiomatic way, with the reg 13(2) tie split."""
    import numpy as np
    import pandas as pd

    staff = pd.read_csv(path, usecols=PAY_COLUMNS, dtype={"sex": "category"})
    staff["bonus_pay"] = staff["bonus_pay"].fillna(0)
    full_pay = staff[staff["full_pay_relevant"]]
    hourly = full_pay.groupby("sex", observed=True)["hourly_pay"].agg(["mean", "median"])
    bonus = (
        staff[staff["bonus_pay"] > 0].groupby("sex", observed=True)["bonus_pay"].agg(["mean", "median"])
    )
    paid_bonus = (staff["bonus_pay"] > 0).groupby(staff["sex"], observed=True).mean() * 100

    def gap(table: pd.DataFrame, statistic: str) -> float:
        men, women = table.loc["male", statistic], table.loc["female", statistic]
        return float((men - women) / men * 100)

    figures: dict[str, float | None] = {
        "DiffMeanHourlyPercent": gap(hourly, "mean"),
        "DiffMedianHourlyPercent": gap(hourly, "median"),
        "DiffMeanBonusPercent": gap(bonus, "mean"),
        "DiffMedianBonusPercent": gap(bonus, "median"),
        "MaleBonusPercent": float(paid_bonus["male"]),
        "FemaleBonusPercent": float(paid_bonus["female"]),
    }
    per_rate = pd.crosstab(full_pay["hourly_pay"], full_pay["sex"])  # sorted by rate
    men, size = per_rate["male"].to_numpy(), per_rate.sum(axis=1).to_numpy()
    ends = np.cumsum(size)
    starts = ends - size
    base, spare = divmod(len(full_pay), 4)
    band_sizes = [base + (spare >= 1), base + (spare >= 3), base + (spare >= 2), base]
    band_ends = np.cumsum(band_sizes)
    places = np.clip(
        np.minimum(ends[:, None], band_ends) - np.maximum(starts[:, None], band_ends - band_sizes),
        0,
        None,
    )
    men_per_band = _split_ties(men, size, places).sum(axis=0)
    bands = zip(("Lower", "LowerMiddle", "UpperMiddle", "Top"), men_per_band, band_sizes, strict=True)
    for name, band_men, band_size in bands:
        figures[f"Male{name}Quartile"] = float(band_men * 100 / band_size)
        figures[f"Female{name}Quartile"] = 100 - figures[f"Male{name}Quartile"]
    return figures


def _split_ties(men, size, places):
    """Men per rate and band: all of a rate's men when it lies in one band; shared out by largest
    remainder (lower band first on equal remainders) when it straddles bands."""
    import numpy as np

    quotas = men[:, None] * places
    shares = quotas // size[:, None]
    remainders = quotas % size[:, None]
    for row in np.flatnonzero((places > 0).sum(axis=1) > 1):
        spare = men[row] - shares[row].sum()
        shares[row, np.argsort(-remainders[row], kind="stable")[:spare]] += 1
    return shares


IMPLEMENTATIONS = {"equitykit": equitykit_figures, "pandas": pandas_figures, "ethnicity": ethnicity_figures}


def measure(implementation: str, path: Path) -> None:
    """In a child process: import, then time one implementation and print JSON."""
    compute = IMPLEMENTATIONS[implementation]
    __import__("pandas" if implementation == "pandas" else "equitykit.metrics.staffcsv")  # import time left out
    start = time.perf_counter()
    figures = compute(path)
    seconds = time.perf_counter() - start
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mib": peak_mib, "figures": figures}))


def run(implementation: str, path: Path) -> dict:
    """Measure an implementation in a child process; equitykit's published figures come on stderr."""
    child = subprocess.run(
        [sys.executable, __file__, "--measure", implementation, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return {**json.loads(child.stdout), "published": child.stderr.strip()}


def published(value: float | None) -> str:
    from decimal import ROUND_HALF_UP, Decimal

    return "-" if value is None else str(Decimal(repr(value)).quantize(Decimal("0.1"), ROUND_HALF_UP))


def differences(ours: dict, theirs: dict) -> list[str]:
    """Figures that differ: unrounded by more than 1e-9, or once rounded."""
    return [
        f"{name}: {ours[name]!r} vs {theirs[name]!r}"
        for name in ours
        if (ours[name] is None) != (theirs[name] is None)
        or (ours[name] is not None and abs(ours[name] - theirs[name]) > 1e-9)
        or published(ours[name]) != published(theirs[name])
    ]


def compare(rows: int, directory: Path, with_pandas: bool) -> None:
    path = directory / f"staff-{rows}.csv"
    write_staff_csv(path, rows)
    print(f"\n{rows:,} rows ({path.stat().st_size / 2**20:.1f} MiB)")
    ours = run("equitykit", path)
    print(f"  equitykit  {ours['seconds']:7.3f} s   peak RSS {ours['peak_mib']:7.1f} MiB   (--by sex)")
    by_ethnicity = run("ethnicity", path)
    print(f"  equitykit  {by_ethnicity['seconds']:7.3f} s   peak RSS {by_ethnicity['peak_mib']:7.1f} MiB   "
          f"(--by ethnicity; ratio to --by sex {by_ethnicity['seconds'] / ours['seconds']:.2f})")
    print("  median hourly ethnicity gaps: " + by_ethnicity["published"])
    if not with_pandas:
        return
    theirs = run("pandas", path)
    print(f"  pandas     {theirs['seconds']:7.3f} s   peak RSS {theirs['peak_mib']:7.1f} MiB")
    print(f"  ratio equitykit/pandas: {ours['seconds'] / theirs['seconds']:.2f}")
    mismatches = differences(ours["figures"], theirs["figures"])
    print(
        "  figures: " + ("the same" if not mismatches else "DIFFERENT\n    " + "\n    ".join(mismatches))
    )
    print("  equitykit's published figures: " + ours["published"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[20_000, 1_500_000])
    parser.add_argument("--keep", type=Path, help="write the staff files here and keep them")
    parser.add_argument("--measure", nargs=2, metavar=("IMPLEMENTATION", "PATH"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.measure:
        measure(arguments.measure[0], Path(arguments.measure[1]))
        return
    with_pandas = importlib.util.find_spec("pandas") is not None
    if not with_pandas:
        print("pandas is not installed (pip install pandas): timing equitykit only, no comparison.")
    if arguments.keep:
        arguments.keep.mkdir(parents=True, exist_ok=True)
        for rows in arguments.rows:
            compare(rows, arguments.keep, with_pandas)
        return
    with tempfile.TemporaryDirectory(prefix="paygap-bench-") as directory:
        for rows in arguments.rows:
            compare(rows, Path(directory), with_pandas)


if __name__ == "__main__":
    main()
