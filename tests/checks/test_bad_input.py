"""The bad-input corpus: every file gets one clear problem with the right code and exit code 1,
never a traceback, a hang or a memory blow-up."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from equitykit.cli import app
from equitykit.records import loader

CORPUS = sorted((Path(__file__).parent.parent / "corpus").glob("*.yaml"))
runner = CliRunner()


def validate_json(root: Path) -> tuple[int, dict]:
    result = runner.invoke(app, ["validate", str(root), "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.stdout)


def test_corpus_has_at_least_thirty_files() -> None:
    assert len(CORPUS) >= 30


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_corpus_file_gets_one_clear_problem(valid_root: Path, path: Path) -> None:
    expected_code = path.name.split("-")[0]
    (valid_root / "objectives" / "OBJ-01.yaml").write_bytes(path.read_bytes())
    exit_code, report = validate_json(valid_root)
    assert exit_code == 1
    problems = [p for p in report["problems"] if p["file"] == "objectives/OBJ-01.yaml"]
    assert [p["code"] for p in problems] == [expected_code], problems
    problem = problems[0]
    assert problem["line"] >= 1 and problem["column"] >= 1
    assert len(problem["message"]) > 20


@pytest.mark.parametrize("name, make, code", [
    ("alias bomb", lambda: "a: &a [x,x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]\n" for i in range(8)), "EK109"),
    ("very deep flow nesting", lambda: "a: " + "[" * 200_000 + "]" * 200_000 + "\n", "EK109"),
    ("very deep compact sequences", lambda: "- " * 100_000 + "x\n", "EK109"),
    ("very deep block nesting", lambda: "".join(" " * i + f"k{i}:\n" for i in range(400)), "EK109"),
    ("file over the size limit", lambda: "id: OBJ-01\n" + "# padding\n" * 600_000, "EK109"),
])
def test_hostile_file_is_refused_quickly(valid_root: Path, name: str, make, code: str) -> None:
    (valid_root / "objectives" / "OBJ-01.yaml").write_text(make(), encoding="utf-8")
    exit_code, report = validate_json(valid_root)
    assert exit_code == 1
    assert [p["code"] for p in report["problems"] if p["file"] == "objectives/OBJ-01.yaml"] == [code]


def test_bom_and_crlf_are_accepted(valid_root: Path) -> None:
    path = valid_root / "actions" / "ACT-001.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    exit_code, report = validate_json(valid_root)
    assert (exit_code, report["problems"]) == (0, [])


def test_invalid_utf8_points_at_the_byte(valid_root: Path) -> None:
    (valid_root / "objectives" / "OBJ-01.yaml").write_bytes(b"id: OBJ-01\ntitle: caf\xe9\n")
    _, report = validate_json(valid_root)
    problem = report["problems"][0]
    assert (problem["code"], problem["line"], problem["column"]) == ("EK101", 2, 11)


def test_missing_root_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 2
    assert "equitykit.yaml" in result.stderr


def test_path_that_does_not_exist_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_root_given_as_a_file_inside_it(valid_root: Path) -> None:
    result = runner.invoke(app, ["validate", str(valid_root / "actions" / "ACT-001.yaml")])
    assert result.exit_code == 0


def test_unknown_format_is_a_usage_error(valid_root: Path) -> None:
    assert runner.invoke(app, ["validate", str(valid_root), "--format", "xml"]).exit_code == 2


def test_broken_organisation_file_is_reported(valid_root: Path) -> None:
    (valid_root / "equitykit.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    exit_code, report = validate_json(valid_root)
    assert exit_code == 1
    assert report["problems"][0]["file"] == "equitykit.yaml"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_symlink_outside_root_is_not_followed(valid_root: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("id: OBJ-02\n", encoding="utf-8")
    (valid_root / "objectives" / "OBJ-02.yaml").symlink_to(secret)
    _, report = validate_json(valid_root)
    assert [(p["file"], p["code"]) for p in report["problems"]] == [("objectives/OBJ-02.yaml", "EK101")]


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root reads anything")
def test_unreadable_file(valid_root: Path) -> None:
    path = valid_root / "objectives" / "OBJ-01.yaml"
    path.chmod(0)
    _, report = validate_json(valid_root)
    assert report["problems"][0]["code"] == "EK101"


def test_names_with_spaces_and_non_ascii(valid_root: Path) -> None:
    path = valid_root / "engagement" / "ENG café 2.yaml"
    path.write_text((valid_root / "engagement" / "ENG-001.yaml").read_text().replace("ENG-001", "ENG café 2"))
    exit_code, report = validate_json(valid_root)
    assert exit_code == 1
    assert report["problems"][0]["file"] == "engagement/ENG café 2.yaml"
    assert report["problems"][0]["code"] == "EK206"


def test_limit_messages_name_the_limits(valid_root: Path) -> None:
    path = valid_root / "objectives" / "OBJ-01.yaml"
    path.write_text("id: OBJ-01\n" + "#" * loader.MAX_FILE_BYTES, encoding="utf-8")
    message = validate_json(valid_root)[1]["problems"][0]["message"]
    assert f"the {loader.MAX_FILE_BYTES // 1048576} MB a record may be" in message
    path.write_text("a: " + "[" * (loader.MAX_DEPTH + 1) + "]" * (loader.MAX_DEPTH + 1) + "\n", encoding="utf-8")
    assert f"more than {loader.MAX_DEPTH} levels deep" in validate_json(valid_root)[1]["problems"][0]["message"]
    path.write_text("a: " + "[" * loader.MAX_DEPTH + "]" * loader.MAX_DEPTH + "\n", encoding="utf-8")
    assert validate_json(valid_root)[1]["problems"][0]["code"] != "EK109"  # at the limit: read, then refused by schema


def test_a_terminal_escape_in_a_bad_file_is_not_echoed(valid_root: Path) -> None:
    (valid_root / "objectives" / "OBJ-01.yaml").write_bytes(b"id: OBJ-01\ntitle: red \x1b[31m \x1b]0;pwned\x07\n")
    result = runner.invoke(app, ["validate", str(valid_root)])
    assert result.exit_code == 1 and "EK110" in result.stdout
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "title: red \ufffd[31m" in result.stdout
