"""Welsh text in the records: for a body that publishes in Welsh, a warning at each shown text without its
Welsh version; a Welsh text without its English, or a Welsh list of another length, is a warning too."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from equitykit.cli import app

runner = CliRunner()


def problems(root: Path, *args: str) -> list[dict]:
    result = runner.invoke(app, ["validate", str(root), "--format", "json", "--as-of", "2025-11-01", *args])
    assert result.exit_code == 0, result.output  # warnings only: CI passes unless --strict
    return json.loads(result.stdout)["problems"]


def welsh_body(root: Path, languages: str = "") -> None:
    path = root / "equitykit.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("jurisdiction: england", "jurisdiction: wales" + (
        f"\nlanguages: {languages}" if languages else "")), encoding="utf-8")


def edit(root: Path, file: str, old: str, new: str) -> None:
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_body_publishing_only_in_english_gets_no_translation_warning(valid_root: Path) -> None:
    assert [p for p in problems(valid_root) if p["code"].startswith("EK46")] == []


def test_each_shown_text_without_welsh_is_a_warning_at_its_key(valid_root: Path) -> None:
    welsh_body(valid_root)
    edit(valid_root, "actions/ACT-001.yaml", "title: Procure a video BSL interpreting service\n",
         "title: Procure a video BSL interpreting service\ntitle_cy: Caffael gwasanaeth dehongli BSL fideo\n")
    found = [p for p in problems(valid_root) if p["code"] == "EK465"]
    action = [(p["line"], p["column"], p["path"]) for p in found if p["file"] == "actions/ACT-001.yaml"]
    assert action == [(4, 1, "work_stream"), (5, 1, "lead")]  # the title has its Welsh
    first = next(p for p in found if p["file"] == "actions/ACT-001.yaml")
    assert first["severity"] == "warning"
    assert first["message"] == (
        "`work_stream` has no Welsh text; this body publishes in Welsh (Welsh Language Standards), so add "
        "`work_stream_cy:` beside it with the Welsh for \"Patient access\"")
    files = {p["file"] for p in found}
    assert {"equitykit.yaml", "objectives/OBJ-01.yaml", "engagement/ENG-001.yaml", "eias/EIA-2025-001.yaml",
            "publications/PUB-001.yaml"} <= files
    assert {p["path"] for p in found if p["file"] == "engagement/ENG-001.yaml"} == {"title", "groups"}


def test_a_body_that_chose_english_only_in_wales_gets_none(valid_root: Path) -> None:
    welsh_body(valid_root, "[en]")
    assert [p for p in problems(valid_root) if p["code"] == "EK465"] == []


def test_welsh_without_english_and_uneven_lists_are_warnings(valid_root: Path) -> None:
    edit(valid_root, "actions/ACT-001.yaml", "status: complete",
         "description_cy: Gwasanaeth ar gael bob awr\nstatus: complete")
    edit(valid_root, "engagement/ENG-001.yaml", "groups: [Deaf community forum]",
         "groups: [Deaf community forum]\ngroups_cy: [Fforwm y gymuned Fyddar, Rhieni]")
    found = [(p["file"], p["line"], p["code"], p["path"]) for p in problems(valid_root)]
    assert ("actions/ACT-001.yaml", 8, "EK466", "description_cy") in found
    assert ("engagement/ENG-001.yaml", 6, "EK467", "groups_cy") in found
    messages = " ".join(p["message"] for p in problems(valid_root))
    assert "`groups_cy` has 2 entries but `groups` has 1; give one Welsh entry for each English one" in messages


def test_a_welsh_only_body_may_write_welsh_without_english(valid_root: Path) -> None:
    welsh_body(valid_root, "[cy]")
    edit(valid_root, "actions/ACT-001.yaml", "status: complete", "description_cy: Manylion\nstatus: complete")
    assert [p for p in problems(valid_root) if p["code"] == "EK466"] == []


def test_text_output_says_once_how_to_get_the_worklist(valid_root: Path) -> None:
    welsh_body(valid_root)
    result = runner.invoke(app, ["validate", str(valid_root), "--as-of", "2025-11-01"])
    assert result.exit_code == 0
    count = sum(1 for p in problems(valid_root) if p["code"] == "EK465")
    assert f"EK465 ({count}): `equitykit translations` lists every text without its Welsh version" in result.stdout
    flat = " ".join(result.stdout.split())  # one line per file for many, each place named; one alone in full
    assert ("2:1 warning EK465 3 of these: text without its Welsh version, for a body that publishes in Welsh: "
            "title (2:1), lead (6:1), measures[0].description (11:5)") in flat
    assert ("2:1 warning EK465 `title` has no Welsh text; this body publishes in Welsh (Welsh Language Standards), "
            "so add `title_cy:` beside it with the Welsh for \"EDS 2022 report 2024-25\" │ title: EDS 2022") in flat
    assert runner.invoke(app, ["validate", str(valid_root), "--strict", "--as-of", "2025-11-01"]).exit_code == 1
