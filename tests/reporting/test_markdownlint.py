"""Every Markdown report of every kind passes markdownlint-cli2 with the repository's configuration,
which turns off line length only.

Needs npm's `markdownlint-cli2` (`.ci/run` installs it and sets EQUITYKIT_REQUIRE_MARKDOWNLINT=1, so
that in CI a missing linter fails instead of skipping). It is found at $MARKDOWNLINT_CLI2 or
.ci/node/node_modules/.bin/markdownlint-cli2.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from equitykit.records.repository import load_records
from equitykit.reporting.reports import REPORT_KINDS, render_report

from .conftest import AS_OF

REPO = Path(__file__).parent.parent.parent
NODE_BIN = REPO / ".ci" / "node" / "node_modules" / ".bin"
LINTER = Path(os.environ.get("MARKDOWNLINT_CLI2", NODE_BIN / "markdownlint-cli2"))
CONFIG = REPO / ".markdownlint-cli2.jsonc"
UNAVAILABLE = None if LINTER.is_file() else f"markdownlint-cli2 is not installed at {LINTER} " \
    "(npm install --prefix .ci/node markdownlint-cli2)"

if UNAVAILABLE and os.environ.get("EQUITYKIT_REQUIRE_MARKDOWNLINT"):
    raise RuntimeError(f"EQUITYKIT_REQUIRE_MARKDOWNLINT is set but {UNAVAILABLE}")
pytestmark = pytest.mark.skipif(UNAVAILABLE is not None, reason=UNAVAILABLE or "")


def lint(folder: Path) -> str:
    """markdownlint-cli2's findings for every .md file in `folder`, with the repository's configuration."""
    shutil.copy(CONFIG, folder / CONFIG.name)
    completed = subprocess.run([str(LINTER), "*.md"], cwd=folder, capture_output=True, text=True, timeout=300)
    findings = [line for line in (completed.stdout + completed.stderr).splitlines() if " error MD" in line]
    assert completed.returncode == 0 or findings, completed.stdout + completed.stderr
    return "\n".join(findings)


def test_every_markdown_report_passes_markdownlint(trust_root: Path, tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    roots = {"trust": (trust_root, dt.date.fromisoformat(AS_OF))}
    for example in ("northfield-trust", "aran-vale-council"):
        roots[example] = (REPO / "examples" / example, dt.date(2025, 10, 1))
    for name, (root, as_of) in roots.items():
        records = load_records(root)
        for kind in REPORT_KINDS:
            (folder / f"{name}-{kind}.md").write_text(render_report(kind, records, as_of, "md"), encoding="utf-8")
        for eia in records.ids("eia"):  # each assessment as its form reads, in every language the body publishes
            for lang in records.organisation.publishing_languages:
                (folder / f"{name}-eia-{eia}-{lang}.md").write_text(
                    render_report("eia", records, as_of, "md", lang=lang, record=eia), encoding="utf-8")
        for plan in records.ids("plan"):
            (folder / f"{name}-plan-{plan}.md").write_text(build_plan(records, as_of, plan), encoding="utf-8")
    assert lint(folder) == ""


def build_plan(records, as_of: dt.date, plan: str) -> str:
    from equitykit.reporting.reports import build_report
    from equitykit.reporting.reports.environment import render

    return render(build_report("actions", records, as_of, plan=plan), "md", records.root)


def test_markdownlint_finds_what_it_should(tmp_path: Path) -> None:
    """The control: emphasis as a heading, inline HTML and a repeated heading are each found."""
    (tmp_path / "bad.md").write_text("# A\n\n**Caption**\n\nx<br>y\n\n## B\n\n## B\n", encoding="utf-8")
    findings = lint(tmp_path)
    assert all(code in findings for code in ("MD036", "MD033", "MD024")), findings
