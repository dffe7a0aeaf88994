"""validate's SARIF passes Microsoft's SARIF Multitool with its GitHub and SARIF rules, with no error or
warning, on a folder with problems (one in a file named with `,` and `%`), run from three folders.

Needs npm's `@microsoft/sarif-multitool` (`.ci/run` installs it and sets EQUITYKIT_REQUIRE_SARIF_MULTITOOL=1,
so that in CI a missing tool fails instead of skipping). The tool is found at $SARIF_MULTITOOL or under
.ci/node/node_modules/@microsoft/.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from .test_ci_outputs import WHERE, run_validate, top  # noqa: F401  (the fixture)

REPO = Path(__file__).parent.parent.parent


def _multitool() -> Path | None:
    if os.environ.get("SARIF_MULTITOOL"):
        return Path(os.environ["SARIF_MULTITOOL"])
    found = sorted((REPO / ".ci" / "node" / "node_modules" / "@microsoft").glob("sarif-multitool-*/Sarif.Multitool*"))
    return found[0] if found else None


MULTITOOL = _multitool()
if MULTITOOL is None and os.environ.get("EQUITYKIT_REQUIRE_SARIF_MULTITOOL"):
    raise RuntimeError("EQUITYKIT_REQUIRE_SARIF_MULTITOOL is set but the SARIF Multitool is not installed "
                       "(npm install --prefix .ci/node @microsoft/sarif-multitool)")
pytestmark = pytest.mark.skipif(MULTITOOL is None, reason="@microsoft/sarif-multitool is not installed")


@pytest.mark.parametrize("where", WHERE)
def test_sarif_passes_the_multitool_github_rules(top: Path, where: str, tmp_path: Path,  # noqa: F811
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "equitykit.sarif"
    log.write_text(run_validate(top, where, monkeypatch, "--format", "sarif").stdout, encoding="utf-8")
    report = tmp_path / "multitool.sarif"
    done = subprocess.run([str(MULTITOOL), "validate", "--rule-kind", "Gh;Sarif", "--level", "Error;Warning",
                           "--log", "ForceOverwrite", "--output", str(report), str(log)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    findings = [(r["ruleId"], r["message"]) for run in json.loads(report.read_text(encoding="utf-8-sig"))["runs"]
                for r in run.get("results", []) if r.get("level", "warning") in {"error", "warning"}]
    assert findings == [], done.stdout
    assert " error " not in done.stdout and " warning " not in done.stdout
