"""Generate synthetic staff-level extracts that reproduce Northfield's latest workforce snapshot.

No real person is in them: every row is made up, so that `equitykit workforce compute` on these
files gives exactly the counts in `../northfield-trust/workforce/2025-03-31.yaml`. The values are
written as ESR writes them ("A White - British", "Band 8 - Range A", "Nursing and Midwifery
Registered"), to show the shipped mapping at work. Run it from anywhere:

    python examples/northfield-trust-extracts/generate.py
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import random
from pathlib import Path
from typing import Any

from equitykit.records.ethnicity import ETHNIC_CATEGORIES
from equitykit.records.loader import load_document

HERE = Path(__file__).resolve().parent
SNAPSHOT = dt.date(2025, 3, 31)
RECORD = HERE.parent / "northfield-trust" / "workforce" / f"{SNAPSHOT.isoformat()}.yaml"

STAFF_GROUPS = {
    "clinical": ("Nursing and Midwifery Registered", "Allied Health Professionals", "Additional Clinical Services",
                 "Add Prof Scientific and Technic", "Healthcare Scientists"),
    "non-clinical": ("Administrative and Clerical", "Estates and Ancillary"),
    "medical-dental": ("Medical and Dental",),
}
GRADES = {"consultant": ("Consultant",), "non-consultant-career-grade": ("Specialty Doctor", "Associate Specialist"),
          "trainee": ("Foundation Year 1", "Foundation Year 2", "Specialty Registrar", "Core Training")}
BROAD_CODES = {"white": "ABC", "mixed": "DEFG", "asian": "HJKL", "black": "MNP", "other": "RS"}
UNKNOWN_ETHNICITY = ("Z Not Stated", "", "Unspecified")
DISABILITY = {"disabled": ("Yes",), "non_disabled": ("No",), "unknown": ("Not Declared", "Prefer Not To Answer", "")}
RELIGION = {"christianity": "Christianity", "islam": "Islam", "hinduism": "Hinduism", "sikhism": "Sikhism",
            "judaism": "Judaism", "buddhism": "Buddhism", "other": "Other", "no-religion": "Atheism",
            "not-stated": "I do not wish to disclose my religion/belief"}
ORIENTATION = {"heterosexual": "Heterosexual or Straight", "gay-lesbian": "Gay or Lesbian", "bisexual": "Bisexual",
               "other": "Other sexual orientation not listed", "not-stated": "Not stated (person asked but "
               "declined to provide a response)"}
AGES = {"16-24": (18, 24), "25-34": (25, 34), "35-44": (35, 44), "45-54": (45, 54), "55-64": (55, 64),
        "65-plus": (65, 70)}


def spread(counts: dict[str, int]) -> list[str]:
    """Each group repeated by its count."""
    return [group for group, count in counts.items() for _ in range(count)]


def cycle_labels(group: str, labels: dict[str, tuple[str, ...]], counter: dict[str, itertools.cycle]) -> str:
    cycle = counter.setdefault(group, itertools.cycle(labels[group]))
    return next(cycle)


def ethnic_label(code: str) -> str:
    return f"{code} {ETHNIC_CATEGORIES[code][0]}"


def band_text(band: str) -> str:
    if band == "vsm":
        return "VSM"
    if band.startswith("8"):
        return f"Band 8 - Range {band[1].upper()}"
    return f"Band {band}"


def staff_rows(record: dict[str, Any], rng: random.Random) -> list[dict[str, str]]:
    wres, wdes = record["wres"], record["wdes"]
    people: list[dict[str, str]] = []
    for ethnic, disabled in zip(wres["bands"], wdes["bands"], strict=True):
        assert (ethnic["staff_group"], ethnic["band"]) == (disabled["staff_group"], disabled["band"])
        groups = spread({g: ethnic[g] for g in ("white", "bme", "unknown")})
        statuses = spread({g: disabled[g] for g in ("disabled", "non_disabled", "unknown")})
        assert len(groups) == len(statuses)
        people += [{"group": ethnic["staff_group"], "band": ethnic["band"], "ethnic": e, "disability": d,
                    "bank": ""} for e, d in zip(groups, statuses, strict=True)]
    profile = record["profile"]
    in_bands_ethnic = {g: sum(row[g] for row in wres["bands"]) for g in ("white", "bme", "unknown")}
    in_bands_disability = {g: sum(row[g] for row in wdes["bands"]) for g in ("disabled", "non_disabled", "unknown")}
    race = profile["race"]
    bank_ethnic = {"white": race["white"] - in_bands_ethnic["white"],
                   "bme": sum(race[g] for g in ("mixed", "asian", "black", "other")) - in_bands_ethnic["bme"],
                   "unknown": race["not-stated"] - in_bands_ethnic["unknown"]}
    disability = profile["disability"]
    bank_disability = {"disabled": disability["disabled"] - in_bands_disability["disabled"],
                       "non_disabled": disability["not-disabled"] - in_bands_disability["non_disabled"],
                       "unknown": disability["not-declared"] - in_bands_disability["unknown"]}
    bank_groups, bank_statuses = spread(bank_ethnic), spread(bank_disability)
    assert len(bank_groups) == len(bank_statuses) == record["bank"]
    bank_staff_groups = itertools.cycle(("clinical", "clinical", "non-clinical"))
    bank_bands = itertools.cycle(("2", "3", "5", "6"))
    people += [{"group": next(bank_staff_groups), "band": next(bank_bands), "ethnic": e, "disability": d, "bank": "1"}
               for e, d in zip(bank_groups, bank_statuses, strict=True)]
    assert len(people) == record["headcount"]

    bme_groups = spread({g: race[g] for g in ("mixed", "asian", "black", "other")})
    rng.shuffle(bme_groups)
    cycles: dict[str, itertools.cycle] = {}
    codes = {g: itertools.cycle(BROAD_CODES[g]) for g in BROAD_CODES}
    unknown = itertools.cycle(UNKNOWN_ETHNICITY)
    characteristics = {name: spread(profile[name]) for name in ("sex", "age", "religion-belief", "sexual-orientation")}
    for values in characteristics.values():
        assert len(values) == len(people)
        rng.shuffle(values)
    rows = []
    for index, person in enumerate(people):
        if person["ethnic"] == "white":
            ethnicity = ethnic_label(next(codes["white"]))
        elif person["ethnic"] == "bme":
            ethnicity = ethnic_label(next(codes[bme_groups.pop()]))
        else:
            ethnicity = next(unknown)
        low, high = AGES[characteristics["age"][index]]
        age = rng.randint(low, high)
        born = dt.date(SNAPSHOT.year - age - 1, rng.randint(4, 12), rng.randint(1, 28))  # birthday after 31 March
        group, band = person["group"], person["band"]
        rows.append({
            "Staff Group": cycle_labels(group, STAFF_GROUPS, cycles),
            "Band": cycle_labels(band, GRADES, cycles) if group == "medical-dental" else band_text(band),
            "Ethnicity": ethnicity,
            "Disability": cycle_labels(person["disability"], DISABILITY, cycles),
            "Gender": characteristics["sex"][index].capitalize(),
            "Date of Birth": born.strftime("%d/%m/%Y"),
            "Religious Belief": RELIGION[characteristics["religion-belief"][index]],
            "Sexual Orientation": ORIENTATION[characteristics["sexual-orientation"][index]],
            "Assignment Category": "Bank" if person["bank"] else rng.choice(("Permanent", "Permanent",
                                                                             "Fixed Term Temp")),
        })
    rng.shuffle(rows)
    return rows


def ethnicity_of(group: str, rng: random.Random) -> str:
    if group == "unknown":
        return rng.choice(UNKNOWN_ETHNICITY)
    return ethnic_label(rng.choice(BROAD_CODES["white"] if group == "white" else "DEFGHJKLMNPRS"))


def disability_of(status: str, rng: random.Random) -> str:
    return rng.choice(DISABILITY[status])


def paired(ethnic: dict[str, int], disability: dict[str, int], rng: random.Random) -> list[tuple[str, str]]:
    groups, statuses = spread(ethnic), spread(disability)
    assert len(groups) == len(statuses)
    rng.shuffle(statuses)
    return [(ethnicity_of(g, rng), disability_of(s, rng)) for g, s in zip(groups, statuses, strict=True)]


def minus(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
    return {key: a[key] - b[key] for key in a}


def recruitment_rows(record: dict[str, Any], rng: random.Random) -> list[dict[str, str]]:
    wres, wdes = record["wres"], record["wdes"]
    rows = [{"Ethnicity": e, "Disability": d, "Shortlisted": "Yes", "Appointed": "Yes"}
            for e, d in paired(wres["appointed"], wdes["appointed"], rng)]
    rows += [{"Ethnicity": e, "Disability": d, "Shortlisted": "Yes", "Appointed": "No"}
             for e, d in paired(minus(wres["shortlisted"], wres["appointed"]),
                                minus(wdes["shortlisted"], wdes["appointed"]), rng)]
    rows += [{"Ethnicity": ethnicity_of(rng.choice(("white", "bme", "unknown")), rng),
              "Disability": disability_of(rng.choice(("disabled", "non_disabled", "unknown")), rng),
              "Shortlisted": "No", "Appointed": "No"} for _ in range(2000)]
    rng.shuffle(rows)
    return rows


def casework_rows(record: dict[str, Any], rng: random.Random) -> list[dict[str, str]]:
    rows = [{"Ethnicity": ethnicity_of(g, rng), "Disability": disability_of(rng.choice(("non_disabled", "unknown")), rng),
             "Process": "Disciplinary", "Grounds": ""} for g in spread(record["wres"]["disciplinary"])]
    rows += [{"Ethnicity": ethnicity_of(rng.choice(("white", "bme")), rng), "Disability": disability_of(s, rng),
              "Process": "Capability", "Grounds": "Performance"} for s in spread(record["wdes"]["capability"])]
    rows += [{"Ethnicity": ethnicity_of("white", rng), "Disability": disability_of("disabled", rng),
              "Process": "Capability", "Grounds": "Ill Health"} for _ in range(4)]  # not counted by WDES 3
    rng.shuffle(rows)
    return rows


def training_rows(record: dict[str, Any], rng: random.Random) -> list[dict[str, str]]:
    rows = [{"Ethnicity": ethnicity_of(g, rng)} for g in spread(record["wres"]["training"])]
    rng.shuffle(rows)
    return rows


def board_rows(record: dict[str, Any]) -> list[dict[str, str]]:
    """Voting executives, non-voting executives and voting non-executives adding up to the record's board."""
    wres, wdes = record["wres"]["board"], record["wdes"]["board"]
    voting_executives = 6
    members = []
    executive = list(zip(spread(wres["executive"]), spread(wdes["executive"]), strict=True))
    voting_ethnic = minus(wres["voting"], {g: sum(1 for e, _ in executive[:voting_executives] if e == g)
                                           for g in wres["voting"]})
    voting_disability = minus(wdes["voting"], {g: sum(1 for _, d in executive[:voting_executives] if d == g)
                                               for g in wdes["voting"]})
    for index, (ethnic, status) in enumerate(executive):
        members.append(("Yes" if index < voting_executives else "No", "Yes", ethnic, status))
    members += [("Yes", "No", e, d) for e, d in zip(spread(voting_ethnic), spread(voting_disability), strict=True)]
    labels = {"white": "A White - British", "bme": "H Asian or Asian British - Indian", "unknown": "Z Not Stated"}
    disability = {"disabled": "Yes", "non_disabled": "No", "unknown": "Not Declared"}
    return [{"Voting": voting, "Executive": executive_member, "Ethnicity": labels[e], "Disability": disability[d]}
            for voting, executive_member, e, d in members]


def write(name: str, rows: list[dict[str, str]]) -> None:
    with (HERE / name).open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    record = load_document(RECORD, RECORD.name).data
    rng = random.Random(2025)
    write("staff.csv", staff_rows(record, rng))
    write("recruitment.csv", recruitment_rows(record, rng))
    write("casework.csv", casework_rows(record, rng))
    write("training.csv", training_rows(record, rng))
    write("board.csv", board_rows(record))


if __name__ == "__main__":
    main()
