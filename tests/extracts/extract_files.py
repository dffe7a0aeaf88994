"""Small hand-checked extracts at 2025-03-31, shared by the reader, count and command tests.

Staff (10 people, 2 of them bank-only, who are in the headcount and profile but in no band):
  clinical band 5: A British/Yes, B Irish/No, H Indian/No, Z not stated/Not Declared
                   -> White 2, BME 1, unknown 1; Disabled 1, non-disabled 2, unknown 1
  non-clinical 8a: blank ethnicity/No           -> unknown 1; non-disabled 1
  non-clinical VSM: N African/Yes               -> BME 1; Disabled 1
  medical consultant: C other White/No          -> White 1; non-disabled 1
  medical trainee (Foundation Year 1): 99/Prefer not to say -> unknown 1; unknown 1
  bank: A British/No (band 3), M Caribbean/No (band 2)
  In the bands: White 3, BME 2, unknown 3; Disabled 2, non-disabled 4, unknown 2.
  Profile (all 10): female 6, male 4; ages 30 41 25 52 60 48 45 24 66 19 -> 16-24: 2, 25-34: 2,
  35-44: 1, 45-54: 3, 55-64: 1, 65-plus: 1; race white 4, asian 1, black 2, not-stated 3;
  disability disabled 2, not-disabled 6, not-declared 2.
Recruitment: shortlisted White 4 (1 appointed), BME 2 (1 appointed), unknown 1; one applicant not
  shortlisted. WRES 2 = (1/4) / (1/2) = 0.50. By disability: shortlisted non-disabled 4 (1 appointed),
  Disabled 2 (1 appointed), unknown 1. WDES 2 = (1/4) / (1/2) = 0.50.
Casework: disciplinary White 1, BME 1, unknown 1: WRES 3 = (1/2) / (1/3) = 1.50. Capability on
  performance: Disabled 1, non-disabled 0 (one more on ill health is not counted): WDES 3 has a zero
  denominator (no non-disabled staff entered), so it is undefined.
Training: White 3, BME 1, unknown 1: WRES 4 = (3/3) / (1/2) = 2.00.
Board: voting White 2, BME 1 (Disabled 1, non-disabled 2); executive White 1, unknown 1 (non-disabled
  1, unknown 1). WRES 9 voting: 1/3 = 33.3% against 2/5 = 40.0% of staff of known ethnicity: -6.7.
"""

from __future__ import annotations

from pathlib import Path

STAFF = """\
Band,Staff Group,Ethnicity,Disability,Sex,Age,Assignment Category
Band 5,Nursing and Midwifery Registered,A White - British,Yes,F,30,Permanent
5,Allied Health Professionals,B White - Irish,No,Female,41,Permanent
AfC Band 5,Healthcare Scientists,H,No,M,25,Fixed Term Temp
Band 5,Additional Clinical Services,Z Not Stated,Not Declared,F,52,Permanent
Band 8 - Range A,Administrative and Clerical,,No,M,60,Permanent
VSM,Administrative and Clerical,N Black or Black British - African,Yes,F,48,Permanent
Consultant,Medical and Dental,C White - Any other White background,No,M,45,Permanent
Foundation Year 1,Medical and Dental,99,Prefer not to say,F,24,Permanent
Band 3,Estates and Ancillary,A,No,M,66,Bank
Band 2,Additional Clinical Services,M Black or Black British - Caribbean,No,F,19,Bank
"""
RECRUITMENT = """\
ethnicity,disability,shortlisted,appointed
A,No,yes,yes
A,No,yes,no
A,Yes,yes,no
A,No,yes,no
H,Yes,yes,yes
H,No,yes,no
Z,,yes,no
D,No,no,no
"""
CASEWORK = """\
ethnicity,disability,process,grounds
H,No,Disciplinary,
A,No,Disciplinary,
Z,No,Disciplinary,
A,Yes,Capability,Performance
A,No,Capability,Ill health
"""
TRAINING = """\
ethnicity
A
A
C
H
99
"""
BOARD = """\
voting,executive,ethnicity,disability
yes,yes,A,No
yes,no,A,No
yes,no,H,Yes
no,yes,Z,Not Declared
"""
EXTRACTS = {"staff": STAFF, "recruitment": RECRUITMENT, "casework": CASEWORK, "training": TRAINING,
            "board": BOARD}


def write_extracts(folder: Path) -> dict[str, Path]:
    """The five extracts as files in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, text in EXTRACTS.items():
        paths[name] = folder / f"{name}.csv"
        paths[name].write_text(text, encoding="utf-8")
    return paths
