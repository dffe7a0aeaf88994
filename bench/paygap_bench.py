"""Benchmark: `equitykit paygap compute` against pandas, polars and Python's csv module, as whole processes.

Generates synthetic staff CSV files (200,000 and 1,500,000 rows by default) in a temporary directory,
deleted afterwards, then times each command as a user runs it (start-up and imports included; see
``whole_process.py``): `equitykit paygap compute` with every ``--by``, paired with
- pandas and polars computing the six gender pay gap figures the idiomatic way (reading the same four
  columns, the quartiles with the reg 13(2) tie split), whose figures must equal equitykit's to 0.1
  percentage points (and its published ones once rounded);
- a script that only reads the file with Python's csv module.

    python bench/paygap_bench.py                     # 200,000 and 1,500,000 rows, 3 paired runs
    python bench/paygap_bench.py --rows 20000 --runs 5
    python bench/paygap_bench.py --keep DIR          # keep the staff files in DIR

pandas and polars are needed only for the comparison (``pip install pandas polars``). The synthetic
file: 65% women; 95% full-pay relevant; hourly pay log-normal around £17 (men paid about 8% more), to
the penny, blank for half of those not full-pay relevant; 10% paid a bonus, log-normal around £900, to
the penny; an NHS ethnic category code (A to S, about 70% A, B or C and 3% Z, not stated); disability
Y, N or blank; sexual orientation (NHS codes 1 to 4, U); an employee reference and a department.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from whole_process import paired  # noqa: E402  (a sibling script)

DEPARTMENTS = ("Wards", "Theatres", "Estates", "Finance", "Pharmacy", "Radiology", "HR", "IT")
PAY_COLUMNS = ["sex", "full_pay_relevant", "hourly_pay", "bonus_pay"]
ETHNIC_CODES = ("A",) * 60 + ("B",) * 3 + ("C",) * 7 + tuple("DEFGHJKLMNPRS") * 2 + ("Z",) * 4
DISABILITY = ("N",) * 8 + ("Y", "")
ORIENTATION = ("1",) * 16 + ("2", "3", "4", "U")
BY = ("sex", "ethnicity", "disability", "sexual-orientation")
FIGURES = ("DiffMeanHourlyPercent", "DiffMedianHourlyPercent", "DiffMeanBonusPercent", "DiffMedianBonusPercent",
           "MaleBonusPercent", "FemaleBonusPercent")


def write_staff_csv(path: Path, rows: int, seed: int = 2025) -> None:
    """A synthetic staff file with ``rows`` employees (see the module docstring)."""
    chance = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["employee_ref", *PAY_COLUMNS, "ethnicity", "disability", "sexual_orientation",
                         "department"])
        for number in range(rows):
            sex = "female" if chance.random() < 0.65 else "male"
            full_pay = chance.random() < 0.95
            rate = chance.lognormvariate(2.83, 0.45) * (1.08 if sex == "male" else 1.0)
            hourly = f"{rate:.2f}" if full_pay or chance.random() < 0.5 else ""
            bonus = f"{chance.lognormvariate(6.8, 0.7):.2f}" if chance.random() < 0.10 else ""
            writer.writerow([f"E{number:07d}", sex, str(full_pay).lower(), hourly, bonus,
                             chance.choice(ETHNIC_CODES), chance.choice(DISABILITY), chance.choice(ORIENTATION),
                             chance.choice(DEPARTMENTS)])


def pandas_figures(path: Path) -> dict[str, float | None]:
    """The same figures with pandas: the idiomatic way, with the reg 13(2) tie split."""
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
    figures.update(_quartiles(per_rate["male"].to_numpy(), per_rate.sum(axis=1).to_numpy(), len(full_pay)))
    return figures


def _quartiles(men, size, headcount: int) -> dict[str, float]:
    """The quartile shares from the men and everyone on each rate, lowest rate first."""
    import numpy as np

    figures = {}
    ends = np.cumsum(size)
    starts = ends - size
    base, spare = divmod(headcount, 4)
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


def polars_figures(path: Path) -> dict[str, float | None]:
    """The same figures with polars: the idiomatic way, the quartile tie split as pandas' below."""
    import numpy as np
    import polars as pl

    staff = pl.read_csv(path, columns=PAY_COLUMNS).with_columns(pl.col("bonus_pay").fill_null(0))
    full_pay = staff.filter(pl.col("full_pay_relevant"))
    hourly = {row["sex"]: row for row in full_pay.group_by("sex").agg(
        pl.col("hourly_pay").mean().alias("mean"), pl.col("hourly_pay").median().alias("median")).to_dicts()}
    bonus = {row["sex"]: row for row in staff.filter(pl.col("bonus_pay") > 0).group_by("sex").agg(
        pl.col("bonus_pay").mean().alias("mean"), pl.col("bonus_pay").median().alias("median")).to_dicts()}
    paid = {row["sex"]: row["paid"] for row in staff.group_by("sex").agg(
        ((pl.col("bonus_pay") > 0).mean() * 100).alias("paid")).to_dicts()}

    def gap(table: dict, statistic: str) -> float:
        men, women = table["male"][statistic], table["female"][statistic]
        return (men - women) / men * 100

    figures: dict[str, float | None] = {
        "DiffMeanHourlyPercent": gap(hourly, "mean"), "DiffMedianHourlyPercent": gap(hourly, "median"),
        "DiffMeanBonusPercent": gap(bonus, "mean"), "DiffMedianBonusPercent": gap(bonus, "median"),
        "MaleBonusPercent": paid["male"], "FemaleBonusPercent": paid["female"],
    }
    per_rate = (full_pay.group_by("hourly_pay").agg((pl.col("sex") == "male").sum().alias("men"), pl.len())
                .sort("hourly_pay"))
    men, size = per_rate["men"].to_numpy().astype(np.int64), per_rate["len"].to_numpy().astype(np.int64)
    figures.update(_quartiles(men, size, full_pay.height))
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


PEERS = {"pandas": pandas_figures, "polars": polars_figures}


def read_only(path: Path) -> None:
    """Every row of the file read with Python's csv module, and nothing more."""
    with path.open(newline="", encoding="utf-8") as stream:
        for _ in csv.reader(stream):
            pass


def equitykit(path: Path, by: str) -> list[str]:
    return [sys.executable, "-m", "equitykit", "paygap", "compute", str(path), "--snapshot", "2025-03-31",
            "-f", "json", "--by", by]


def peer(name: str, path: Path) -> list[str]:
    return [sys.executable, __file__, "--peer", name, str(path)]


def agree(ours: dict, theirs: dict) -> list[str]:
    """Figures that differ by more than 0.1 percentage points."""
    return [name for name in FIGURES if abs(float(ours[name]) - theirs[name]) > 0.1]


def compare(rows: int, directory: Path, runs: int) -> None:
    path = directory / f"staff-{rows}.csv"
    write_staff_csv(path, rows)
    print(f"\n{rows:,} rows ({path.stat().st_size / 2**20:.1f} MiB)")
    published = json.loads(subprocess.run(equitykit(path, "sex"), capture_output=True, check=True).stdout)
    for name in [name for name in PEERS if importlib.util.find_spec(name)]:
        theirs = json.loads(subprocess.run(peer(name, path), capture_output=True, check=True).stdout)
        differ = agree(published["figures"], theirs)
        print(f"  {name}'s figures: " + ("equal to 0.1 pp" if not differ else "DIFFERENT: " + ", ".join(differ)))
        for by in BY:
            print(f"  --by {by} against {name}: " + paired(equitykit(path, by), peer(name, path), runs).line(
                "equitykit", name))
    print("  --by sex against the csv module alone: " + paired(equitykit(path, "sex"), peer("csv", path), runs).line(
        "equitykit", "csv"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[200_000, 1_500_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="write the staff files here and keep them")
    parser.add_argument("--peer", nargs=2, metavar=("NAME", "PATH"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.peer:
        name, path = arguments.peer
        if name == "csv":
            read_only(Path(path))
        else:
            print(json.dumps(PEERS[name](Path(path))))
        return
    if arguments.keep:
        arguments.keep.mkdir(parents=True, exist_ok=True)
        for rows in arguments.rows:
            compare(rows, arguments.keep, arguments.runs)
        return
    with tempfile.TemporaryDirectory(prefix="paygap-bench-") as directory:
        for rows in arguments.rows:
            compare(rows, Path(directory), arguments.runs)


if __name__ == "__main__":
    main()
