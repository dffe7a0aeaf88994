"""No report is wider than the window: at 1,280 px the side-by-side bilingual report keeps both languages in view
(its columns shrink, charts scale down and wide tables become cards within the column), and at a phone's width
every report fits; measured in headless Chromium as the document's scrollWidth against the window's width."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest

from equitykit.records.repository import load_records
from equitykit.reporting.reports import build_report, render_document

from .test_axe import CHROMIUM, _unavailable

REPO = Path(__file__).parent.parent.parent
MEASURE = """<script>window.addEventListener('load', function () {
  var out = document.createElement('pre'); out.id = 'measured';
  out.textContent = document.documentElement.scrollWidth + ' ' + window.innerWidth;
  document.body.appendChild(out);
});</script></body>"""

pytestmark = pytest.mark.skipif(_unavailable() is not None, reason=_unavailable() or "")


def widths(page: str, window: int, scratch: Path) -> tuple[int, int]:
    """The document's scrollWidth and the window's innerWidth of `page` in a window `window` px wide."""
    path = scratch / "page.html"
    path.write_text(page.replace("</body>", MEASURE, 1), encoding="utf-8")
    assert CHROMIUM is not None
    completed = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={scratch / 'p'}",
         f"--window-size={window},2000", "--virtual-time-budget=10000", "--dump-dom", path.as_uri()],
        capture_output=True, text=True, timeout=180, check=False)
    found = re.search(r'<pre id="measured">(\d+) (\d+)</pre>', completed.stdout)
    assert found, f"the page was not measured: {completed.stderr[-500:]}"
    return int(found[1]), int(found[2])


@pytest.mark.parametrize("kind", ["psed", "objectives"])
@pytest.mark.parametrize("window", [1280, 375])
def test_side_by_side_bilingual_report_is_no_wider_than_the_window(kind: str, window: int, tmp_path: Path) -> None:
    records = load_records(REPO / "examples" / "aran-vale-council")
    parts = [build_report(kind, records, dt.date(2025, 11, 30), lang=code) for code in ("cy", "en")]
    page = render_document(parts, "html", records.root, layout="side-by-side")
    assert isinstance(page, str)
    scroll, inner = widths(page, window, tmp_path)
    assert scroll <= inner, f"{kind} is {scroll} px wide in a window {inner} px wide"
