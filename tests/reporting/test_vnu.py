"""Every HTML report passes the W3C Nu Html Checker (vnu) with no error and no warning.

Needs a Java runtime and npm's `vnu-jar`, the checker's own release (`.ci/run` installs both and sets
EQUITYKIT_REQUIRE_VNU=1, so that in CI a missing checker fails instead of skipping). The jar is found
at $VNU_JAR or .ci/node/node_modules/vnu-jar/build/dist/vnu.jar.

The checker starts once (one JVM) for every file: each report kind of both examples, the system
report, the golden HTML files and each seed body's reports, a report with a logo and a brand colour,
and a broken page that proves it finds what it should.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from equitykit.records.repository import load_records
from equitykit.reporting.reports import REPORT_KINDS, render_report

REPO = Path(__file__).parent.parent.parent
VNU = Path(os.environ.get("VNU_JAR", REPO / ".ci" / "node" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"))
JAVA = shutil.which("java")
AS_OF = dt.date(2025, 11, 30)
BROKEN = ("<!DOCTYPE html>\n<html lang=en><head><title>x</title><style>p {colr: red}</style></head>\n"
          "<body><p><div>a</p><img src=x.png><section><p>b</p></section></body></html>\n")
"""A page with a misnested element, an image without alt text, a misspelt CSS property (errors) and a
section without a heading (a warning)."""


def _unavailable() -> str | None:
    if JAVA is None:
        return "Java is not installed (apt-get install default-jre-headless)"
    if not VNU.is_file():
        return f"the Nu Html Checker is not installed at {VNU} (npm install --prefix .ci/node vnu-jar)"
    return None


if _unavailable() and os.environ.get("EQUITYKIT_REQUIRE_VNU"):
    raise RuntimeError(f"EQUITYKIT_REQUIRE_VNU is set but {_unavailable()}")
pytestmark = pytest.mark.skipif(_unavailable() is not None, reason=_unavailable() or "")


def branded(folder: Path) -> Path:
    """The small valid records folder with a logo and a brand colour (the header's other branch)."""
    root = folder / "branded"
    shutil.copytree(REPO / "tests" / "fixtures" / "valid", root)
    (root / "evidence").mkdir(exist_ok=True)
    (root / "evidence" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    with (root / "equitykit.yaml").open("a", encoding="utf-8") as organisation:
        organisation.write('branding:\n  logo: evidence/logo.png\n  primary_colour: "#005EB8"\n')
    return root


def html_reports(folder: Path) -> list[Path]:
    """Write every HTML report the checker covers into `folder`; the paths written."""
    from equitykit.system import system_status
    from equitykit.system.report import render_system_report

    pages = {"branded-psed.html": render_report("psed", load_records(branded(folder)), AS_OF, "html")}
    bodies = {f"example-{p.name}": p for p in (REPO / "examples").iterdir() if (p / "equitykit.yaml").is_file()}
    bodies |= {f"seed-{p.name}": p for p in (REPO / "tests" / "seeds").iterdir() if (p / "equitykit.yaml").is_file()}
    for name, root in sorted(bodies.items()):
        records = load_records(root)
        pages |= {f"{name}-{kind}.html": render_report(kind, records, AS_OF, "html") for kind in REPORT_KINDS}
        pages |= {f"{name}-eia-{eia}-{lang}.html": render_report("eia", records, AS_OF, "html", lang=lang, record=eia)
                  for eia in records.ids("eia") for lang in records.organisation.publishing_languages}
    status = system_status(REPO / "tests" / "fixtures" / "system" / "staffordshire-icb", AS_OF)
    pages["system.html"] = render_system_report(status, "html")
    golden = REPO / "tests" / "reporting" / "golden"
    pages |= {f"golden-{p.relative_to(golden).as_posix().replace('/', '-')}": p.read_text(encoding="utf-8")
              for p in sorted(golden.rglob("*.html"))}
    for name, page in pages.items():
        (folder / name).write_text(page, encoding="utf-8")
    return [folder / name for name in pages]


@pytest.fixture(scope="module")
def findings(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """The checker's errors and warnings for each file, by file name, from one run over all of them."""
    folder = tmp_path_factory.mktemp("vnu")
    files = [*html_reports(folder), folder / "broken.html"]
    files[-1].write_text(BROKEN, encoding="utf-8")
    completed = subprocess.run([str(JAVA), "-jar", str(VNU), "--format", "json", "--exit-zero-always",
                                *map(str, files)], capture_output=True, text=True, timeout=600, check=False)
    messages = json.loads(completed.stderr)["messages"]
    found: dict[str, list[str]] = {path.name: [] for path in files}
    for message in messages:
        # every error and every warning fails; only plain information (no subType) is let through
        if message["type"] == "info" and message.get("subType") != "warning":
            continue
        name = Path(message.get("url", "?")).name
        found.setdefault(name, []).append(
            f"{message.get('lastLine', '?')}:{message.get('lastColumn', '?')}: {message['type']} "
            f"{message.get('subType', '')} {message['message']}")
    return found


def test_vnu_finds_errors_in_a_broken_page(findings: dict[str, list[str]]) -> None:
    text = "\n".join(findings["broken.html"])
    for found in ("error  No “p” element in scope", "error  An “img” element must have an “alt”",
                  "error  CSS: “colr”", "info warning Section lacks heading"):
        assert found in text, text


def test_every_html_report_passes_vnu(findings: dict[str, list[str]]) -> None:
    reports = {name: found for name, found in findings.items() if name != "broken.html"}
    kinds = len(REPORT_KINDS)
    assert sum(name.startswith("example-") and "-eia-" not in name for name in reports) == 2 * kinds
    assert sum(name.startswith("example-") and "-eia-" in name for name in reports) == 6 + 2 * 2  # en; cy and en
    assert sum(name.startswith("seed-") for name in reports) == 4 * kinds
    assert {"system.html", "branded-psed.html"} <= set(reports)
    assert any(name.startswith("golden-northfield-") for name in reports)
    assert {name: found for name, found in reports.items() if found} == {}
