"""Benchmark: reading the GOV.UK gender pay gap download files for `paygap import` and `paygap peers`,
against pandas reading the same files, each as a whole process (start-up and imports included).

Generates six national files (2017-18 to 2022-23 by default) of about 8,400 employers each, about 50,000
rows and 17 MB in all, in the service's own layout: CamelCase headers, addresses and several SIC codes in
quoted cells, sizes such as "5000 to 19,999", `yyyy/MM/dd HH:mm:ss` dates (the first two files in the older
`dd/MM/yyyy HH:mm:ss` style), empty bonus gaps and quartiles where an employer gave none. Then it times, as
separate processes, several runs each, alternating:

- `equitykit paygap import FILE... --employer-id N --format json` (one employer's six years);
- `equitykit paygap peers FILE... --employer-id N --snapshot DATE --format json` (every employer at a snapshot);
- `python -c "import pandas; pandas.read_csv(FILE) for each FILE"` (pandas reading the six files).

and prints each one's median wall time and the ratios equitykit / pandas (under 1: equitykit is faster).

    python bench/govuk_paygap_bench.py              # generate, time 5 runs of each, delete the files
    python bench/govuk_paygap_bench.py --runs 9
    python bench/govuk_paygap_bench.py --keep DIR   # keep the files in DIR, e.g. to time with /usr/bin/time -v

pandas is needed only here (``pip install pandas``); it is not a dependency of equitykit.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COLUMNS = (
    "EmployerName", "EmployerId", "Address", "PostCode", "CompanyNumber", "SicCodes", "DiffMeanHourlyPercent",
    "DiffMedianHourlyPercent", "DiffMeanBonusPercent", "DiffMedianBonusPercent", "MaleBonusPercent",
    "FemaleBonusPercent", "MaleLowerQuartile", "FemaleLowerQuartile", "MaleLowerMiddleQuartile",
    "FemaleLowerMiddleQuartile", "MaleUpperMiddleQuartile", "FemaleUpperMiddleQuartile", "MaleTopQuartile",
    "FemaleTopQuartile", "CompanyLinkToGPGInfo", "ResponsiblePerson", "EmployerSize", "CurrentName",
    "SubmittedAfterTheDeadline", "DueDate", "DateSubmitted",
)
SIZES = ("250 to 499", "500 to 999", "1000 to 4999", "5000 to 19,999", "20,000 or more")
SIC = ("86101", "86102", "86900", "84110", "85200", "47110", "62020", "64191", "70100", "82990", "56101", "1")
WORDS = ("North", "Vale", "Holdings", "Services", "Group", "Healthcare", "Retail", "Logistics", "Solutions",
         "Care", "Community", "Partners", "Engineering", "Foods", "Trust", "Council", "Academy", "Systems")
STREETS = ("High Street", "Station Road", "Church Lane", "Park Avenue", "Mill Road", "London Road")
TOWNS = ("Northfield", "Aran Vale", "Moorlands", "Trentside", "Cannock", "Testshire", "Westbury")
FIRST_YEAR, YEARS, EMPLOYERS = 2017, 6, 8400
BODY = 4021


def _share(chance: random.Random) -> tuple[str, str]:
    male = round(chance.uniform(5, 95), 1)
    return f"{male:.1f}", f"{100 - male:.1f}"


def employer_row(chance: random.Random, employer_id: int, year: int) -> list[str]:
    """One employer's submission for the reporting year starting `year` (snapshot in `year`)."""
    public = employer_id % 7 == 0 or employer_id == BODY
    due = dt.datetime(2021, 10, 6) if year == 2020 else (
        dt.datetime(year + 1, 3, 31) if public else dt.datetime(year + 1, 4, 5))
    submitted = due - dt.timedelta(days=chance.randint(-20, 200), seconds=chance.randint(0, 86399))
    old = year < FIRST_YEAR + 2
    stamp = "%d/%m/%Y %H:%M:%S" if old else "%Y/%m/%d %H:%M:%S"
    name = " ".join(chance.sample(WORDS, 3)) + (" NHS Trust" if public else " Limited")
    codes = ["1"] if public and employer_id % 2 else chance.sample(SIC[:-1], chance.randint(1, 3))
    no_bonus = chance.random() < 0.3
    bonus = ["", ""] if no_bonus else [f"{chance.uniform(-30, 80):.1f}", f"{chance.uniform(-30, 80):.1f}"]
    quartiles = [cell for _ in range(4) for cell in _share(chance)]
    return [
        name, str(employer_id),
        f"{chance.randint(1, 300)} {chance.choice(STREETS)},\n{chance.choice(TOWNS)}",
        f"NF{chance.randint(1, 99)} {chance.randint(1, 9)}AA", "" if public else f"{chance.randint(0, 99999999):08d}",
        ",\n".join(codes), f"{chance.uniform(-10, 40):.1f}", f"{chance.uniform(-10, 40):.1f}", *bonus,
        "0.0" if no_bonus else f"{chance.uniform(0, 100):.1f}", "0.0" if no_bonus else f"{chance.uniform(0, 100):.1f}",
        *quartiles, f"https://www.{name.split()[0].lower()}-{employer_id}.example.co.uk/about-us/gender-pay-gap-report",
        f"{chance.choice(('Jo', 'Sam', 'Alex', 'Priya', 'Dafydd'))} {chance.choice(('Smith', 'Jones', 'Evans'))} "
        "(Chief Executive Officer)", chance.choice(SIZES), name.upper(),
        "True" if submitted > due else "False", due.strftime(stamp), submitted.strftime(stamp),
    ]


def write_files(folder: Path, seed: int = 2026) -> list[Path]:
    """Six download files, one a reporting year, of about EMPLOYERS employers each."""
    chance = random.Random(seed)
    paths = []
    for year in range(FIRST_YEAR, FIRST_YEAR + YEARS):
        path = folder / f"UK Gender Pay Gap Data - {year} to {year + 1}.csv"
        with path.open("w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream, lineterminator="\r\n")
            writer.writerow(COLUMNS)
            for employer_id in range(1, EMPLOYERS + 1 + 60 * (year - FIRST_YEAR)):
                writer.writerow(employer_row(chance, employer_id, year))
        paths.append(path)
    return paths


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{command[:3]} failed ({result.returncode}): {result.stderr.decode()[-500:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="counted runs of each command (after one warm-up)")
    parser.add_argument("--keep", type=Path, help="write the files here and keep them")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="govuk-paygap-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        files = [str(path) for path in write_files(folder)]
        rows = sum(Path(path).read_bytes().count(b"\r\n") - 1 for path in files)
        size = sum(Path(path).stat().st_size for path in files) / 1e6
        print(f"{len(files)} files, {rows:,} rows, {size:.1f} MB in {folder}")
        equitykit = [sys.executable, "-m", "equitykit"]
        commands = {
            "import": [*equitykit, "paygap", "import", *files, "--employer-id", str(BODY), "--format", "json"],
            "peers": [*equitykit, "paygap", "peers", *files, "--employer-id", str(BODY), "--snapshot",
                      "2022-03-31", "--format", "json"],
            "pandas": [sys.executable, "-c", "import sys, pandas\nfor f in sys.argv[1:]: pandas.read_csv(f)", *files],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for run in range(args.runs + 1):
            for name, command in commands.items():
                elapsed = timed(command)
                if run:  # the first round warms the caches
                    times[name].append(elapsed)
        medians = {name: statistics.median(values) for name, values in times.items()}
        for name, median in medians.items():
            print(f"{name:7} median {median:.3f} s (min {min(times[name]):.3f}, max {max(times[name]):.3f})")
        for name in ("import", "peers"):
            print(f"{name} / pandas: {medians[name] / medians['pandas']:.2f}")
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
