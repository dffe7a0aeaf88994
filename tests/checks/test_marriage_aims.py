"""EK405 (domain-rules 1.3, corrected): marriage and civil partnership needs aim (a); listed with all
nine characteristics and aims (a) and (b) the record is lawful, and reports say it is aim (a) only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from equitykit.cli import app

runner = CliRunner()
ALL_NINE = ("[age, disability, gender-reassignment, marriage-civil-partnership, pregnancy-maternity, race, "
            "religion-belief, sex, sexual-orientation]")


def _objective(root: Path, aims: str) -> None:
    path = root / "objectives" / "OBJ-01.yaml"
    text = path.read_text(encoding="utf-8").replace("characteristics: [disability]", f"characteristics: {ALL_NINE}")
    path.write_text(text.replace("psed_aims: [advance-equality]", f"psed_aims: {aims}"), encoding="utf-8")


def _codes(root: Path) -> list[str]:
    result = runner.invoke(app, ["validate", str(root), "--format", "json"])
    return [p["code"] for p in json.loads(result.stdout)["problems"]]


def test_all_nine_characteristics_with_aims_a_and_b_are_lawful(valid_root: Path) -> None:
    _objective(valid_root, "[eliminate-discrimination, advance-equality]")
    assert "EK405" not in _codes(valid_root)


def test_marriage_without_aim_a_is_refused(valid_root: Path) -> None:
    _objective(valid_root, "[advance-equality, foster-good-relations]")
    assert "EK405" in _codes(valid_root)


def test_action_without_aims_listing_marriage_is_lawful(valid_root: Path) -> None:
    path = valid_root / "actions" / "ACT-001.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "characteristics: [marriage-civil-partnership]\n",
                    encoding="utf-8")
    assert "EK405" not in _codes(valid_root)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_reports_say_marriage_is_aim_a_only(valid_root: Path, fmt: str) -> None:
    _objective(valid_root, "[eliminate-discrimination, advance-equality]")
    result = runner.invoke(app, ["report", "objectives", str(valid_root), "--format", fmt, "--as-of", "2025-06-01"])
    assert result.exit_code == 0, result.output
    assert result.stdout.count("marriage and civil partnership: aim (a) only") == 2


def test_reports_do_not_qualify_marriage_under_aim_a_alone(valid_root: Path) -> None:
    _objective(valid_root, "[eliminate-discrimination]")
    result = runner.invoke(app, ["report", "objectives", str(valid_root), "--as-of", "2025-06-01"])
    assert "aim (a) only" not in result.stdout
