"""Each report kind in each format matches its golden file."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from equitykit.cli import app

from .conftest import AS_OF, check_golden

RECORD_KINDS = ("objectives", "actions", "eias", "eds", "paygap", "psed", "wres", "wdes")


@pytest.mark.parametrize("output_format", ["md", "html"])
@pytest.mark.parametrize("kind", RECORD_KINDS)
def test_report_matches_golden(trust_root: Path, kind: str, output_format: str) -> None:
    result = CliRunner().invoke(app, ["report", kind, str(trust_root), "--format", output_format,
                                      "--as-of", AS_OF])
    assert result.exit_code == 0, result.output
    check_golden(f"{kind}.{output_format}", result.stdout)


EXAMPLE = Path(__file__).parents[2] / "examples" / "northfield-trust"
ALL_KINDS = ("psed", "eds", "wres", "wdes", "paygap", "objectives", "actions", "eias")


def example_is_valid() -> bool:
    if not (EXAMPLE / "equitykit.yaml").is_file():
        return False
    from equitykit.records.repository import load_records

    return not [p for p in load_records(EXAMPLE).problems if p.severity == "error"]


@pytest.mark.skipif(not example_is_valid(), reason="examples/northfield-trust is missing or does not validate")
@pytest.mark.parametrize("output_format", ["md", "html"])
@pytest.mark.parametrize("kind", ALL_KINDS)
def test_example_report_matches_golden(kind: str, output_format: str) -> None:
    result = CliRunner().invoke(app, ["report", kind, str(EXAMPLE), "--format", output_format,
                                      "--as-of", "2025-10-01"])
    assert result.exit_code == 0, result.output
    check_golden(f"northfield/{kind}.{output_format}", result.stdout)


@pytest.mark.skipif(not example_is_valid(), reason="examples/northfield-trust is missing or does not validate")
@pytest.mark.parametrize("output_format", ["md", "html"])
@pytest.mark.parametrize(("name", "arguments"), [
    ("actions-plan", ["actions", "PATH", "--plan", "wres-wdes-2025-26"]),
    ("actions-hia-2", ["actions", "PATH", "--tag", "hia:2"]),
    ("eia-EIA-2025-003", ["eia", "EIA-2025-003", "PATH"]),
])
def test_example_plan_tag_and_assessment_match_golden(name: str, arguments: list[str], output_format: str) -> None:
    """The example trust's WRES and WDES plan (headings without actions, a shared KPI, tags), its actions for
    high impact action 2, and one assessment as its form reads."""
    arguments = [str(EXAMPLE) if argument == "PATH" else argument for argument in arguments]
    result = CliRunner().invoke(app, ["report", *arguments, "--format", output_format, "--as-of", "2025-10-01"])
    assert result.exit_code == 0, result.output
    check_golden(f"northfield/{name}.{output_format}", result.stdout)
