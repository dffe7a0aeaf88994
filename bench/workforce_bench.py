"""Benchmark: `equitykit workforce compute` on a synthetic staff file with all four other extracts.

Generates, in a temporary directory deleted afterwards, a staff file of ``--rows`` people (20,000 by
default) in ESR's spelling, with 1.5 applicants a person in the recruitment extract, casework entries
for 2% of them, training for 40% and a board of 16; then times the whole command (start-up included; see
``whole_process.py``) paired with a script that reads the same files with Python's csv module alone, in
each output format asked for (text, the default, and JSON). Several sizes give one line each, to show how
the time grows.

    python bench/workforce_bench.py                # 20,000 people, 5 runs
    python bench/workforce_bench.py --rows 200000 --runs 3
    python bench/workforce_bench.py --rows 20000 200000 1000000 --formats json
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from whole_process import compiled, paired  # noqa: E402  (a sibling script)

STAFF_GROUPS = ("Nursing and Midwifery Registered", "Allied Health Professionals", "Additional Clinical Services",
                "Administrative and Clerical", "Estates and Ancillary")
BANDS = ("Band 2", "Band 3", "Band 4", "Band 5", "Band 6", "Band 7", "Band 8 - Range A", "Band 8 - Range B",
         "Band 8 - Range C", "Band 8 - Range D", "Band 9", "VSM")
GRADES = ("Consultant", "Specialty Doctor", "Foundation Year 1", "Specialty Registrar")
ETHNICITIES = ("A White - British", "B White - Irish", "C White - Any other White background",
               "H Asian or Asian British - Indian", "J Asian or Asian British - Pakistani",
               "N Black or Black British - African", "M Black or Black British - Caribbean",
               "D Mixed - White and Black Caribbean", "R Other ethnic groups - Chinese", "Z Not Stated", "")
DISABILITY = ("Yes", "No", "No", "No", "Not Declared", "")
RELIGION = ("Christianity", "Islam", "Hinduism", "Atheism", "I do not wish to disclose my religion/belief")
ORIENTATION = ("Heterosexual or Straight", "Gay or Lesbian", "Bisexual", "Not stated (person asked but "
               "declined to provide a response)")


def write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        writer.writerows(rows)


def write_extracts(folder: Path, people: int, seed: int = 2025) -> list[str]:
    """The five extracts in `folder`; the command-line options that name them."""
    rng = random.Random(seed)
    staff = []
    for number in range(people):
        medical = rng.random() < 0.1
        staff.append([f"E{number:07d}", "Medical and Dental" if medical else rng.choice(STAFF_GROUPS),
                      rng.choice(GRADES) if medical else rng.choice(BANDS), rng.choice(ETHNICITIES),
                      rng.choice(DISABILITY), rng.choice(("Female", "Female", "Female", "Male")),
                      f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1958, 2005)}",
                      rng.choice(RELIGION), rng.choice(ORIENTATION),
                      "Bank" if rng.random() < 0.05 else rng.choice(("Permanent", "Fixed Term Temp"))])
    write(folder / "staff.csv", ["Employee Number", "Staff Group", "Band", "Ethnicity", "Disability", "Sex",
                                 "Date of Birth", "Religion Belief", "Sexual Orientation", "Assignment Category"],
          staff)
    applicants = []
    for _ in range(people * 3 // 2):
        shortlisted = rng.random() < 0.3
        applicants.append([rng.choice(ETHNICITIES), rng.choice(DISABILITY), "Yes" if shortlisted else "No",
                           "Yes" if shortlisted and rng.random() < 0.25 else "No"])
    write(folder / "recruitment.csv", ["Ethnicity", "Disability", "Shortlisted", "Appointed"], applicants)
    cases = [[rng.choice(ETHNICITIES), rng.choice(DISABILITY)] + rng.choice(
        (["Disciplinary", ""], ["Capability", "Performance"], ["Capability", "Ill Health"]))
        for _ in range(people // 50)]
    write(folder / "casework.csv", ["Ethnicity", "Disability", "Process", "Grounds"], cases)
    write(folder / "training.csv", ["Ethnicity"], [[rng.choice(ETHNICITIES)] for _ in range(people * 2 // 5)])
    write(folder / "board.csv", ["Voting", "Executive", "Ethnicity", "Disability"],
          [[rng.choice(("Yes", "No")), rng.choice(("Yes", "No")), rng.choice(ETHNICITIES), rng.choice(DISABILITY)]
           for _ in range(16)])
    return [item for name in ("staff", "recruitment", "casework", "training", "board")
            for item in (f"--{name}", str(folder / f"{name}.csv"))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[20_000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--formats", nargs="+", default=["text", "json"], choices=["text", "json", "yaml"])
    args = parser.parse_args()
    compiled()
    for rows in args.rows:
        folder = Path(tempfile.mkdtemp(prefix="workforce-bench-"))
        try:
            options = write_extracts(folder, rows)
            print(f"{rows:,} people; files in {folder}")
            files = [option for option in options if not option.startswith("--")]
            csv_alone = [sys.executable, "-c", "import csv, sys\nfor name in sys.argv[1:]:\n    with open(name, "
                         "newline='', encoding='utf-8-sig') as f:\n        for _ in csv.reader(f): pass", *files]
            for output_format in args.formats:
                command = [shutil.which("equitykit") or "equitykit", "workforce", "compute", "--snapshot",
                           "2025-03-31", *options, "--format", output_format]
                pair = paired(command, csv_alone, args.runs)
                print(f"{output_format}, against the csv module alone: " + pair.line("equitykit", "csv"))
        finally:
            shutil.rmtree(folder)


if __name__ == "__main__":
    main()
