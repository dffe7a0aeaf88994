"""A tag written unquoted in a one-line list (`tags: [hia:3, wres:7]`) is read as YAML 1.2 reads it: libyaml (the
C parser) refuses a colon inside [ ], so such a file is read by ruamel's pure-Python parser, and every other file
still by C. Load, validate (with line and column), fmt and diff all see the tags as written."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from editing import edit
from equitykit.cli import app
from equitykit.records import loader
from equitykit.records.loader import LoadError, parse_document
from equitykit.records.repository import load_records

AS_OF = "2025-10-01"
BLOCK = "tags:\n  - hia:2\n  - wres:7\n  - wdes:5\n"
FLOW = "tags: [hia:2, wres:7, wdes:5]  # the EDI Improvement Plan's HIA 2\n"
runner = CliRunner()


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
                   check=True, capture_output=True)




def test_the_c_parser_refuses_it_and_the_pure_parser_reads_it() -> None:
    if loader.CParser is not None:
        with pytest.raises(loader.MarkedYAMLError):
            composer = loader._CComposer("tags: [hia:3, wres:7]\n")
            try:
                while composer.check_node():
                    composer.get_node()
            finally:
                composer.dispose()
    assert parse_document("tags: [hia:3, wres:7, 'wdes:5']\n", "x.yaml").data == {
        "tags": ["hia:3", "wres:7", "wdes:5"]}
    assert parse_document("x: {a: [b:c]}\n", "x.yaml").data == {"x": {"a": ["b:c"]}}


def test_a_file_without_one_is_still_read_by_the_c_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str) -> list:
        raise AssertionError("the pure-Python parser read a file the C parser can read")

    monkeypatch.setattr(loader, "_compose_pure", refuse)
    if loader.CParser is not None:
        assert parse_document("tags: ['hia:3']\n", "x.yaml").data == {"tags": ["hia:3"]}
        with pytest.raises(AssertionError):
            parse_document("tags: [hia:3]\n", "x.yaml")


def test_a_syntax_error_in_such_a_file_keeps_its_line_and_column() -> None:
    with pytest.raises(LoadError) as raised:
        parse_document("id: ACT-001\ntags: [hia:3, wres:7]\ntitle: 'unclosed\n", "x.yaml")
    problem = raised.value.problem
    assert (problem.code, problem.line) == ("EK102", 4) and "YAML syntax error" in problem.message


def test_the_tags_load_and_validate_as_written(trust: Path) -> None:
    edit(trust / "actions" / "ACT-005.yaml", BLOCK, FLOW)
    records = load_records(trust)
    assert next(a for a in records.of("action") if a.id == "ACT-005").tags == ["hia:2", "wres:7", "wdes:5"]
    result = runner.invoke(app, ["validate", str(trust), "--as-of", AS_OF, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert not [p for p in json.loads(result.stdout)["problems"] if p["file"].endswith("ACT-005.yaml")]


def test_an_unknown_tag_in_the_list_is_named_at_its_line_and_column(trust: Path) -> None:
    path = trust / "actions" / "ACT-005.yaml"
    edit(path, BLOCK, "tags: [hia:2, wres:77]\n")
    line = path.read_text(encoding="utf-8").splitlines().index("tags: [hia:2, wres:77]") + 1
    result = runner.invoke(app, ["validate", str(trust), "--as-of", AS_OF, "--format", "json"])
    [problem] = [p for p in json.loads(result.stdout)["problems"] if p["code"] == "EK472"]
    assert (problem["line"], problem["column"], problem["path"]) == (line, 15, "tags[1]")
    assert "did you mean `wres:7`?" in problem["message"]


def test_fmt_leaves_it_as_written_and_keeps_its_comment(trust: Path) -> None:
    path = trust / "actions" / "ACT-005.yaml"
    edit(path, BLOCK, FLOW)
    written = path.read_text(encoding="utf-8")
    check = runner.invoke(app, ["fmt", "--check", str(path)])
    assert check.exit_code == 0, check.output
    edit(path, FLOW, "tags: [hia:2,  wres:7, wdes:5]   # the EDI Improvement Plan's HIA 2\n")
    fixed = runner.invoke(app, ["fmt", str(path)])
    assert fixed.exit_code == 0, fixed.output
    assert path.read_text(encoding="utf-8") == written


def test_diff_shows_a_tag_added_in_the_list_and_nothing_for_the_style(trust: Path) -> None:
    repo = trust.parent
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "block list")
    path = trust / "actions" / "ACT-005.yaml"
    edit(path, BLOCK, FLOW)
    same = runner.invoke(app, ["diff", "HEAD", str(trust), "--format", "json"])
    assert same.exit_code == 0, same.output
    assert json.loads(same.stdout)["changes"] == []
    edit(path, FLOW, "tags: [hia:2, wres:7, wdes:5, hia:3]\n")
    added = runner.invoke(app, ["diff", "HEAD", str(trust), "--format", "json"])
    assert added.exit_code == 0, added.output
    [change] = json.loads(added.stdout)["changes"]
    assert change["path"].startswith("tags") and "hia:3" in json.dumps(change)
