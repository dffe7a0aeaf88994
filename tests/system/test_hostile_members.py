"""A member folder holding hostile files is one row, never a crash, in every system command and format."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from equitykit.cli import app

from .conftest import AS_OF

HOSTILE = {
    "alias-bomb": "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]\n" for i in range(8)),
    "deep-nesting": "a: " + "[" * 100_000 + "]" * 100_000 + "\n",
    "python-tag": "name: !!python/object/apply:os.system ['echo owned']\n",
    "not-a-mapping": "- just\n- a list\n",
}
COMMANDS = [["system", "status", "--format", fmt] for fmt in ("text", "json", "md")] + [
    ["report", "system", "--format", fmt] for fmt in ("md", "html")]


@pytest.mark.parametrize("where", ["equitykit.yaml", "objectives/OBJ-01.yaml"])
@pytest.mark.parametrize("content", HOSTILE, ids=str)
def test_hostile_member_file(system: Path, where: str, content: str) -> None:
    (system.parent / "trentside-hospitals" / where).write_text(HOSTILE[content], encoding="utf-8")
    for command in COMMANDS:
        result = CliRunner().invoke(app, [*command[:2], str(system), *command[2:], "--as-of", AS_OF])
        assert result.exit_code == 1, (command, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), (command, result.exception)
        assert "Traceback" not in result.output and "owned" not in result.stdout
        assert "../trentside-hospitals" in result.stderr
