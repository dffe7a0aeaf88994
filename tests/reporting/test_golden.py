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
