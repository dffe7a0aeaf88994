"""The rules table in the docs is generated from the catalogue, and every registered rule is catalogued."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from equitykit.checks.catalogue import CODES, rules_markdown
from equitykit.checks.registry import RULES
from equitykit.checks.validate import validate  # noqa: F401  (registers the rules)
from equitykit.cli import app

DOCS = Path(__file__).parent.parent.parent / "docs" / "rules.md"


def test_docs_table_is_current() -> None:
    assert DOCS.read_text(encoding="utf-8") == rules_markdown(), "run `equitykit rules --format md > docs/rules.md`"


def test_every_rule_has_a_catalogued_code() -> None:
    assert len(RULES) > 20
    assert {rule.code for rule in RULES} <= set(CODES)


def test_rules_command_lists_every_code() -> None:
    result = CliRunner().invoke(app, ["rules"])
    assert result.exit_code == 0
    assert all(code in result.stdout for code in CODES)


def test_rules_command_rejects_an_unknown_format() -> None:
    assert CliRunner().invoke(app, ["rules", "--format", "pdf"]).exit_code == 2
