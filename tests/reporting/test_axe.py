"""Every HTML report of every kind passes axe-core's WCAG 2.2 A and AA rules in headless Chromium.

Needs Debian's `chromium` and npm's `axe-core` (`.ci/run` installs both and sets
EQUITYKIT_REQUIRE_AXE=1, so that in CI a missing browser fails instead of skipping).
axe-core is found at $AXE_CORE_JS or .ci/node/node_modules/axe-core/axe.min.js.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from equitykit.records.repository import load_records
from equitykit.reporting.reports import REPORT_KINDS, build_report, render_document, render_report

REPO = Path(__file__).parent.parent.parent
AXE = Path(os.environ.get("AXE_CORE_JS", REPO / ".ci" / "node" / "node_modules" / "axe-core" / "axe.min.js"))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RUNNER = """<script>%s</script><script>
axe.run(document, {runOnly: {type: 'tag', values: %s}}).then(function (result) {
  var out = document.createElement('pre'); out.id = 'axe-results';
  out.textContent = JSON.stringify(result.violations.map(function (v) {
    return {id: v.id, help: v.help, nodes: v.nodes.map(function (n) { return n.target.join(' '); })};
  }));
  document.body.appendChild(out);
});
</script></body>"""


def _unavailable() -> str | None:
    if CHROMIUM is None:
        return "chromium is not installed (apt-get install chromium)"
    if not AXE.is_file():
        return f"axe-core is not installed at {AXE} (npm install --prefix .ci/node axe-core)"
    return None


if _unavailable() and os.environ.get("EQUITYKIT_REQUIRE_AXE"):
    raise RuntimeError(f"EQUITYKIT_REQUIRE_AXE is set but {_unavailable()}")
pytestmark = pytest.mark.skipif(_unavailable() is not None, reason=_unavailable() or "")


def axe_violations(page: str, scratch: Path) -> list[dict]:
    """Run axe-core on an HTML page in headless Chromium; return its violations."""
    script = RUNNER % (AXE.read_text(encoding="utf-8"), json.dumps(WCAG_TAGS))
    path = scratch / "page.html"
    path.write_text(page.replace("</body>", script, 1), encoding="utf-8")
    completed = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={scratch / 'p'}",
         "--virtual-time-budget=30000", "--dump-dom", path.as_uri()],
        capture_output=True, text=True, timeout=180, check=False)
    found = re.search(r'<pre id="axe-results">(.*?)</pre>', completed.stdout, re.S)
    assert found, f"axe did not report: {completed.stderr[-500:]}"
    return json.loads(html.unescape(found.group(1)))


def test_axe_finds_violations_in_an_inaccessible_page(tmp_path: Path) -> None:
    page = "<html><body><img src='x.png'><a href='#'></a><input type='text'></body></html>"
    ids = {v["id"] for v in axe_violations(page, tmp_path)}
    assert {"html-has-lang", "image-alt", "link-name", "label"} <= ids


@pytest.mark.parametrize("kind", REPORT_KINDS)
@pytest.mark.parametrize(("example", "lang"), [("northfield-trust", "en"), ("aran-vale-council", "en"),
                                              ("aran-vale-council", "cy")])
def test_html_report_passes_axe(kind: str, example: str, lang: str, tmp_path: Path) -> None:
    records = load_records(REPO / "examples" / example)
    page = render_report(kind, records, dt.date(2025, 11, 30), "html", lang=lang)
    assert axe_violations(page, tmp_path) == []


def _eias(example: str) -> list[str]:
    return sorted(path.stem for path in (REPO / "examples" / example / "eias").glob("*.yaml"))


@pytest.mark.parametrize(("example", "eia", "lang"), [
    *(("northfield-trust", eia, "en") for eia in _eias("northfield-trust")),
    *(("aran-vale-council", eia, lang) for eia in _eias("aran-vale-council") for lang in ("cy", "en"))])
def test_one_assessment_passes_axe(example: str, eia: str, lang: str, tmp_path: Path) -> None:
    records = load_records(REPO / "examples" / example)
    page = render_report("eia", records, dt.date(2025, 11, 30), "html", lang=lang, record=eia)
    assert axe_violations(page, tmp_path) == []


def test_a_plan_with_kpis_and_tags_passes_axe(tmp_path: Path) -> None:
    records = load_records(REPO / "examples" / "northfield-trust")
    page = render_document([build_report("actions", records, dt.date(2025, 11, 30), plan="wres-wdes-2025-26")],
                           "html", records.root)
    assert isinstance(page, str) and axe_violations(page, tmp_path) == []


@pytest.mark.parametrize("layout", ["side-by-side", "welsh-first"])
def test_bilingual_html_report_passes_axe(layout: str, tmp_path: Path) -> None:
    records = load_records(REPO / "examples" / "aran-vale-council")
    parts = [build_report("psed", records, dt.date(2025, 11, 30), lang=code) for code in ("cy", "en")]
    page = render_document(parts, "html", records.root, layout=layout)
    assert isinstance(page, str) and axe_violations(page, tmp_path) == []


def test_system_report_passes_axe(tmp_path: Path) -> None:
    from equitykit.system import system_status
    from equitykit.system.report import render_system_report

    status = system_status(REPO / "tests" / "fixtures" / "system" / "staffordshire-icb", dt.date(2025, 11, 30))
    assert axe_violations(render_system_report(status, "html"), tmp_path) == []
