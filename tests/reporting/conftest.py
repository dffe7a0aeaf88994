"""Fixtures for report tests: a records folder with enough in it to exercise every report."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent.parent / "fixtures"
GOLDEN = Path(__file__).parent / "golden"
AS_OF = "2025-06-30"

EXTRA = {
    "actions/ACT-002.yaml": """\
id: ACT-002
title: Publish EIA summaries on the website
work_stream: Equality impact assessments
lead: Head of Equality
objectives: [OBJ-01]
due: 2025-05-31
status: in-progress
milestones:
  - {due: 2025-04-30, activity: Agree the summary template, done: true}
  - {due: 2025-07-15, activity: Publish the first summaries}
  - {due: 2026-02-01, activity: "Refresh all summaries"}
""",
    "actions/ACT-003.yaml": """\
id: ACT-003
title: Quarterly equality team brief
work_stream: Equality impact assessments
lead: Communications Lead
due: 2026-03-31
status: ongoing
milestones:
  - {due: 2025-09-30, activity: Prepare the team brief}
  - {due: 2025-12-15, activity: Prepare the team brief}
""",
    "objectives/OBJ-02.yaml": """\
id: OBJ-02
title: Increase the number of Disabled staff in senior roles
description: |
  Disabled staff are under-represented in bands 8a and above.
  The staff network asked for a target.
characteristics: [disability, carers]
barrier: Few Disabled staff apply for senior roles.
psed_aims: [advance-equality, eliminate-discrimination]
eds_outcomes: [3A, 2D]
lead: Director of People
start: 2024-04-01
end: 2027-03-31
status: not-started
measures:
  - description: Disabled staff in bands 8a and above
    unit: count
    baseline: {value: 3, date: 2024-03-31}
    target: {value: 12, date: 2027-03-31}
    progress:
      - {value: 7, date: 2025-03-31, note: From ESR.}
updates:
  - {date: 2025-04-15, note: Network consulted on the target., status: in-progress}
""",
}


def write_files(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture
def trust_root(tmp_path: Path) -> Path:
    """The small valid folder plus a few records that exercise periods, overdue and measures."""
    root = tmp_path / "trust"
    shutil.copytree(FIXTURES / "valid", root)
    write_files(root, EXTRA)
    return root


def check_golden(name: str, text: str) -> None:
    """Compare with tests/reporting/golden/NAME; rewrite it when EQUITYKIT_UPDATE_GOLDEN=1."""
    path = GOLDEN / name
    if os.environ.get("EQUITYKIT_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"no golden file {path}; run with EQUITYKIT_UPDATE_GOLDEN=1 to create it"
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} differs from its golden file; if the change is intended, rerun with EQUITYKIT_UPDATE_GOLDEN=1")
