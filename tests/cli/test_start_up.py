"""What the commands that read large extracts import: `workforce compute` and `paygap compute` start without the
record models, the report package, the obligations, ruamel (but for YAML output), Babel, Jinja or the Word
libraries, and rich only for text output. Each command runs in a fresh interpreter, through the console entry
point, and says which modules it imported: a guard that needs no timing on a shared machine."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("equitykit.records.kinds", "equitykit.records.repository", "equitykit.reporting.reports",
         "equitykit.obligations", "ruamel", "babel", "jinja2", "docx", "PIL", "rich")
"""Modules (with their submodules) that these commands have no need of."""
NEEDED = {"text": {"rich"}, "yaml": {"ruamel"}, "json": set()}
"""What each output format does need of them."""
PROBE = """
import sys
from equitykit.cli import main

sys.argv = ["equitykit", *sys.argv[1:]]
try:
    main()
finally:
    print("\\nimported:", *sorted(sys.modules))
"""


@pytest.fixture(scope="module")
def extracts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("extracts")
    (folder / "staff.csv").write_text("Band,Staff Group,Ethnicity,Disability,Sex,Age,Assignment Category\n"
                                      "Band 5,Nursing and Midwifery Registered,A,Yes,F,30,Permanent\n"
                                      "Band 6,Administrative and Clerical,H,No,M,41,Bank\n", encoding="utf-8")
    (folder / "recruitment.csv").write_text("Ethnicity,Disability,Shortlisted,Appointed\nA,No,Yes,No\nH,Yes,Yes,Yes\n",
                                            encoding="utf-8")
    (folder / "training.csv").write_text("Ethnicity\nA\nH\n", encoding="utf-8")
    (folder / "pay.csv").write_text("sex,disability,full_pay_relevant,bonus_pay,hourly_pay\nM,Yes,yes,0,10.25\n"
                                    "F,No,yes,100,11.50\n", encoding="utf-8")
    return folder


def commands(folder: Path) -> dict[str, list[str]]:
    return {
        "workforce": ["workforce", "compute", "--snapshot", "2025-03-31", "--staff", str(folder / "staff.csv"),
                      "--recruitment", str(folder / "recruitment.csv"), "--training", str(folder / "training.csv")],
        "paygap": ["paygap", "compute", str(folder / "pay.csv"), "--snapshot", "2025-03-31"],
        "paygap-by": ["paygap", "compute", str(folder / "pay.csv"), "--snapshot", "2025-03-31", "--by",
                      "disability"],
    }


@pytest.mark.parametrize(("command", "output_format"), [
    ("workforce", "text"), ("workforce", "json"), ("workforce", "yaml"),
    ("paygap", "text"), ("paygap", "json"), ("paygap-by", "json"),
])
def test_a_computing_command_imports_only_what_it_needs(extracts: Path, command: str, output_format: str) -> None:
    result = subprocess.run([sys.executable, "-c", PROBE, *commands(extracts)[command], "--format", output_format],
                            capture_output=True, text=True, check=False, cwd=extracts)
    assert result.returncode == 0, result.stderr
    output, _, imported = result.stdout.rpartition("\nimported: ")
    assert output.strip(), "the command printed its figures"
    modules = set(imported.split())
    assert "polars" in modules, "the extract was counted in native code"
    assert [heavy for heavy in HEAVY if heavy not in NEEDED[output_format] and loaded(heavy, modules)] == []


def loaded(name: str, modules: set[str]) -> bool:
    """Whether the module `name`, or any of its submodules, was imported."""
    return name in modules or any(module.startswith(f"{name}.") for module in modules)
