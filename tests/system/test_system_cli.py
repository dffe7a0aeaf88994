"""`equitykit system status` and `equitykit report system` on the fixture system: every format and exit code."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from equitykit.cli import app

from .conftest import AS_OF, set_members

RUNNER = CliRunner()
HEALTHY = ["../trentside-hospitals", "../moorlands-community", "../cannock-vale-council"]


def run(*args: str):
    return RUNNER.invoke(app, [*args, "--as-of", AS_OF])


def test_status_text_has_a_block_per_member_and_the_pooled_figures(system: Path) -> None:
    result = run("system", "status", str(system))
    assert result.exit_code == 1  # the broken member
    for name in ("NHS Staffordshire and Stoke-on-Trent Integrated Care Board (.)",
                 "Trentside Hospitals NHS Trust (../trentside-hospitals)", "Cannock Vale District Council"):
        assert name in result.stdout
    assert "System WRES at 2025-03-31, pooled from 2 organisation(s): BME share of staff 23.1%" in result.stdout
    assert "../broken-member" in result.stderr and "Traceback" not in result.output


def test_status_broken_member_is_one_clear_row(system: Path) -> None:
    result = run("system", "status", str(system), "--format", "md")
    assert result.exit_code == 1
    rows = [line for line in result.stdout.splitlines() if line.startswith("| ../broken-member")]
    assert len(rows) == 1
    assert "cannot be read" in rows[0] and "../broken-member/equitykit.yaml:4:1: YAML syntax error" in rows[0]
    # its 2024 pay gap duty is unknown (no headcount at 31 March 2024), never overdue; the NHS expectation of
    # ethnicity, disability and sexual orientation pay gaps (no headcount condition) is overdue
    assert ("| Trentside Hospitals NHS Trust | ../trentside-hospitals | none | 7 | 0 | - | "
            "2: 2.00, 3: 2.00, 4: 1.33 (2025-03-31) |") in result.stdout


def test_status_json(system: Path) -> None:
    result = run("system", "status", str(system), "--format", "json")
    data = json.loads(result.stdout)
    assert data["ok"] is False
    assert [m["path"] for m in data["members"]] == [".", *HEALTHY, "../broken-member"]
    broken = data["members"][-1]
    assert broken["readable"] is False and broken["errors"] == 1
    assert data["members"][2]["wres"] == {"snapshot": "2024-03-31", "likelihoods": {"2": 1.33, "3": 3.0, "4": 0.83}}
    assert data["pooled"]["wres"]["staff"] == {"bme": 600, "white": 2000}
    assert data["pooled"]["paygap"]["male"] == 1200


def test_status_missing_member_folder_is_one_row_not_a_crash(system: Path) -> None:
    set_members(system, [*HEALTHY, "../not-checked-out"])
    result = run("system", "status", str(system), "--format", "json")
    assert result.exit_code == 1
    row = json.loads(result.stdout)["members"][-1]
    assert row["unreadable"].startswith("the folder ../not-checked-out does not exist")


def test_status_folder_without_organisation_file(system: Path) -> None:
    (system.parent / "empty").mkdir()
    set_members(system, ["../empty"])
    result = run("system", "status", str(system), "--format", "md")
    assert result.exit_code == 1
    assert "../empty has no equitykit.yaml, so it is not a records folder" in result.stdout


def test_status_exits_0_when_every_member_is_readable_and_fail_on_overdue_gates(system: Path) -> None:
    set_members(system, HEALTHY)
    assert run("system", "status", str(system)).exit_code == 0
    result = run("system", "status", str(system), "--fail-on", "overdue")
    assert result.exit_code == 1  # the fixture members have overdue duties


def test_status_without_members_is_a_usage_error(valid_root: Path) -> None:
    result = run("system", "status", str(valid_root))
    assert result.exit_code == 2
    assert "names no members" in result.stderr


def test_member_path_must_be_relative(system: Path) -> None:
    set_members(system, ["/srv/records/trust"])
    result = RUNNER.invoke(app, ["validate", str(system)])
    assert result.exit_code == 1
    assert "EK206" in result.stdout and "relative to the folder holding equitykit.yaml" in result.stdout


def test_report_system_suppresses_pooled_and_member_cells(system: Path) -> None:
    text = run("report", "system", str(system)).stdout
    # pooled WDES metric 3 rests on 4 Disabled staff; Moorlands' threshold of 10 applies system-wide
    assert ("| Metric 3: Relative likelihood of Disabled staff entering the formal capability process compared "
            "to non-disabled staff | \\[c\\] | 0.5% | \\[c\\] |") in text
    assert "| Trentside Hospitals NHS Trust | 31 March 2025 | 1.20 | \\[c\\] |" in text
    assert "a number of people from 1 to 9" in text


def test_report_system_escapes_member_names(system: Path) -> None:
    council = system.parent / "cannock-vale-council" / "equitykit.yaml"
    council.write_text(council.read_text().replace("Cannock Vale District Council", "<script>x</script> Council"))
    html = run("report", "system", str(system), "--format", "html").stdout
    assert "<script>x" not in html and "&lt;script&gt;x&lt;/script&gt; Council" in html


def test_report_system_without_members_is_a_usage_error(valid_root: Path) -> None:
    result = run("report", "system", str(valid_root))
    assert result.exit_code == 2 and "names no members" in result.stderr


def test_member_with_a_broken_record_shows_where_and_still_counts_its_valid_records(system: Path) -> None:
    objective = system.parent / "trentside-hospitals" / "objectives" / "OBJ-01.yaml"
    objective.write_text(objective.read_text().replace("status: in-progress", "status: started"))
    result = run("system", "status", str(system), "--format", "json")
    assert result.exit_code == 1
    trentside = json.loads(result.stdout)["members"][1]
    assert trentside["readable"] is True and trentside["errors"] == 1
    assert trentside["first_error"].startswith("../trentside-hospitals/objectives/OBJ-01.yaml:8:9: `status` is")
    assert json.loads(result.stdout)["pooled"]["wres"]["included"][1] == "Trentside Hospitals NHS Trust"
    assert "Trentside Hospitals NHS Trust (../trentside-hospitals)" in result.stderr


def test_status_text_to_a_file_is_plain(system: Path, tmp_path: Path) -> None:
    out = tmp_path / "status.txt"
    result = run("system", "status", str(system), "--out", str(out))
    assert result.exit_code == 1 and result.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert "Trentside Hospitals NHS Trust (../trentside-hospitals)\n  Problems: none\n  Overdue: 7" in text
    assert "\x1b[" not in text


def test_report_system_as_a_word_document_suppresses_as_the_markdown_does(system: Path) -> None:
    import io

    import docx

    result = run("report", "system", str(system), "--format", "docx")
    assert result.stdout_bytes[:2] == b"PK"
    document = docx.Document(io.BytesIO(result.stdout_bytes))
    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    assert ["Trentside Hospitals NHS Trust", "31 March 2025", "1.20", "[c]"] in [row[:4] for row in rows]
    assert document.paragraphs[0].style.name == "Title"


def test_status_reads_the_gender_pay_gap_beside_a_members_ethnicity_pay_gaps(system: Path) -> None:
    example = Path(__file__).parents[2] / "examples" / "northfield-trust" / "paygap" / "2024-03-31-ethnicity.yaml"
    (system.parent / "trentside-hospitals" / "paygap" / example.name).write_text(example.read_text())

    result = run("system", "status", str(system), "--format", "md")

    assert result.exit_code == 1, result.output  # the broken member, as without the ethnicity record
    row = next(line for line in result.stdout.splitlines() if line.startswith("| Trentside Hospitals NHS Trust"))
    assert "21.7%, 9.8% (2024-03-31)" in row
