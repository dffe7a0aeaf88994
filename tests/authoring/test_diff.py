"""`equitykit diff`: a scripted history in a temporary git repository, summarised for review."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from editing import edit
from equitykit.authoring.diff import diff_revisions
from equitykit.cli import app

from .conftest import assert_golden, git

runner = CliRunner()
EDS_CODES = ("1A", "1B", "1C", "1D", "2A", "2B", "2C", "2D", "3A", "3B", "3C")


def action(record_id: str, status: str, due: str, completed: str | None = None) -> str:
    done = f"completed: {completed}\n" if completed else ""
    return (f"id: {record_id}\ntitle: Action {record_id}\nwork_stream: Recruitment\nlead: Head of HR\n"
            f"due: {due}\n{done}status: {status}\n")


def eds(scores: dict[str, int]) -> str:
    outcomes = "".join(f"  {code}: {{score: {scores.get(code, 2)}}}\n" for code in EDS_CODES)
    return f"id: 2024-25\nframework: eds2022\nperiod_start: 2024-04-01\nperiod_end: 2025-03-31\noutcomes:\n{outcomes}"


def workforce(headcount: int, female: int) -> str:
    return (f"id: 2025-03-31\nsnapshot: 2025-03-31\nheadcount: {headcount}\n"
            f"profile:\n  sex: {{female: {female}, male: 1010}}\n")


def eia(record_id: str, outcome: str | None) -> str:
    characteristics = "".join(f"  {slug}: {{impact: not-relevant, reason: No effect}}\n" for slug in (
        "age", "disability", "gender-reassignment", "marriage-civil-partnership", "pregnancy-maternity", "race",
        "religion-belief", "sex", "sexual-orientation"))
    return (f"id: {record_id}\ntitle: Review of {record_id}\nsubject: policy\nnew_or_existing: changed\n"
            f"owner: Head of Policy\naims: Fairer rostering\naffected: [staff]\nstarted: 2025-01-06\n"
            + (f"outcome: {outcome}\n" if outcome else "") + f"characteristics:\n{characteristics}")


def write(root: Path, files: dict[str, str | None]) -> None:
    for name, text in files.items():
        path = root / name
        if text is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)


@pytest.fixture
def history(root: Path) -> Path:
    """A records folder inside a repository (in records/), with two commits tagged v1 and v2."""
    repo = root.parent
    git(repo, "init", "-q", "-b", "main")
    write(root, {
        "actions/ACT-001.yaml": action("ACT-001", "in-progress", "2025-06-30"),
        "actions/ACT-002.yaml": action("ACT-002", "not-started", "2025-09-30"),
        "actions/ACT-009.yaml": action("ACT-009", "ongoing", "2026-03-31"),
        "eds/2024-25.yaml": eds({"1A": 1, "2B": 0}),
        "workforce/2025-03-31.yaml": workforce(4210, 3200),
        "eias/EIA-2025-001.yaml": eia("EIA-2025-001", None),
        "publications/PUB-001.yaml": "id: PUB-001\ntitle: Annual report\nduty: annual-report\npublished: 2025-01-31\n",
    })
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "records as at May")
    git(repo, "tag", "v1")
    write(root, {
        "actions/ACT-001.yaml": action("ACT-001", "complete", "2025-06-30", completed="2025-06-20"),
        "actions/ACT-002.yaml": action("ACT-002", "not-started", "2025-12-31"),
        "actions/ACT-009.yaml": None,
        "actions/ACT-010.yaml": action("ACT-010", "not-started", "2026-01-31"),
        "eds/2024-25.yaml": eds({"1A": 3}),
        "workforce/2025-03-31.yaml": workforce(4305, 3295),
        "eias/EIA-2025-001.yaml": eia("EIA-2025-001", "adjust"),
        "eias/EIA-2025-002.yaml": eia("EIA-2025-002", "proceed"),
        "publications/PUB-001.yaml": "id: PUB-001\ntitle: Annual report\nduty: annual-report\npublished: "
                                     "2025-01-31\nurl: https://example.org/equality\n",
    })
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "records as at June")
    git(repo, "tag", "v2")
    return root


def test_diff_summarises_the_history_for_a_pull_request(history: Path) -> None:
    result = runner.invoke(app, ["diff", "v1", "v2", str(history), "--format", "md"])
    assert result.exit_code == 0, result.output
    assert_golden("diff-v1-v2.md", result.stdout)


def test_diff_text_and_json(history: Path) -> None:
    text = runner.invoke(app, ["diff", "v1", "v2", str(history)])
    assert text.exit_code == 0
    assert_golden("diff-v1-v2.txt", text.stdout)
    data = json.loads(runner.invoke(app, ["diff", "v1", "v2", str(history), "--format", "json"]).stdout)
    assert (data["base"], data["head"]) == ("v1", "v2")
    status = [c for c in data["changes"] if c["category"] == "status"]
    assert status == [{"category": "status", "kind": "action", "id": "ACT-001",
                       "summary": "ACT-001: in-progress (amber) → complete (green)",
                       "before": "in-progress", "after": "complete", "path": "status"}]


def test_diff_with_the_work_tree_never_touches_it(history: Path) -> None:
    write(history, {"actions/ACT-002.yaml": action("ACT-002", "in-progress", "2025-12-31")})
    before = (history / "actions" / "ACT-002.yaml").read_text()
    changes = diff_revisions(history, "v2", None).changes
    assert [c.summary for c in changes] == ["ACT-002: not-started (red) → in-progress (amber)"]
    assert (history / "actions" / "ACT-002.yaml").read_text() == before
    result = runner.invoke(app, ["diff", "v2", str(history)])  # BASE PATH, as git allows
    assert result.exit_code == 0 and "in-progress (amber)" in result.stdout
    assert "No records changed." in runner.invoke(app, ["diff", "v2", "v2", str(history)]).stdout


def test_a_record_that_does_not_load_is_still_compared(history: Path) -> None:
    write(history, {"actions/ACT-002.yaml": "id: ACT-002\ntitle: [broken\n"})
    changes = diff_revisions(history, "v2", None).changes
    assert [(c.category, c.id, c.summary) for c in changes] == [
        ("changed", "ACT-002", "ACT-002 changed: the file no longer validates (see equitykit validate)")]


@pytest.mark.parametrize("text", [
    "id: [ACT-002]\ntitle: {a: 1}\nstatus: [1, 2]\ndue: {x: 1}\ncompleted: 7\n",
    "id: ACT-002\ntitle: T\nwork_stream: W\nlead: L\ndue: 2025-02-30\nstatus: complete\n",
])
def test_a_record_of_the_wrong_shape_is_reported_not_crashed_on(history: Path, text: str) -> None:
    write(history, {"actions/ACT-002.yaml": text})
    result = runner.invoke(app, ["diff", "v2", str(history), "--format", "json"])
    assert result.exit_code == 1, result.output  # the rule of every command that reads records
    assert "ACT-002 changed: the file no longer validates" in result.stdout
    assert "actions/ACT-002.yaml" in result.stderr


def test_unknown_revision_is_a_usage_error(history: Path) -> None:
    result = runner.invoke(app, ["diff", "no-such-branch", "v2", str(history)])
    assert result.exit_code == 2
    assert "unknown revision 'no-such-branch'" in result.stderr


def test_outside_a_git_repository_is_a_usage_error(root: Path) -> None:
    result = runner.invoke(app, ["diff", "HEAD", "HEAD", str(root)])
    assert result.exit_code == 2
    assert "not inside a git repository" in result.stderr


@pytest.mark.parametrize("fmt", ["text", "md", "json"])
def test_diff_names_a_draft_publication_being_published_and_the_body_established(history: Path, fmt: str) -> None:
    write(history, {"publications/PUB-002.yaml": "id: PUB-002\ntitle: Pay gap\nduty: gender-pay-gap\n"
                                                 "status: draft\nplanned: 2026-03-01\n"})
    git(history.parent, "add", "-A")
    git(history.parent, "commit", "-q", "-m", "draft")
    organisation = history / "equitykit.yaml"
    organisation.write_text(organisation.read_text().replace("established:", "established: 2001-04-01", 1))
    write(history, {"publications/PUB-002.yaml": "id: PUB-002\ntitle: Pay gap\nduty: gender-pay-gap\n"
                                                 "status: published\npublished: 2026-02-20\n"})
    result = runner.invoke(app, ["diff", "HEAD", str(history), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert "PUB-002: draft → published on 20 February 2026" in result.stdout
    assert "Organisation: Established: not set → 2001-04-01" in result.stdout


def test_diff_names_the_organisation_and_its_listed_items(history: Path) -> None:
    organisation = history / "equitykit.yaml"
    edit(organisation, "\ncharacteristics: []\n", "\ncharacteristics:\n  - slug: carers\n    name: Carers\n")
    edit(organisation, "\ntags: []\n", "\ntags:\n  - framework: priority\n    name: Priority area\n"
                                       "    tags:\n      - code: '1'\n        title: Inclusive recruitment\n")
    git(history.parent, "commit", "-q", "-am", "organisation")
    edit(organisation, "name: Carers", "name: Unpaid carers\n    name_cy: Gofalwyr di-dâl")
    edit(organisation, "'1'\n        title: Inclusive", "'1'\n        title: Fair")
    result = runner.invoke(app, ["diff", "HEAD", str(history)])
    assert result.exit_code == 0, result.output
    assert "Organisation: Characteristic 1 (Unpaid carers) › Name: Carers → Unpaid carers" in result.stdout
    assert ("Organisation: Tag framework 1 (Priority area) › Tag 1 (Fair recruitment) › Title: Inclusive "
            "recruitment → Fair recruitment") in result.stdout
    assert "Organisation: Welsh text added for characteristics[0].name (characteristics[0].name_cy)" in result.stdout


def test_renaming_lead_officer_to_lead_is_no_change(history: Path) -> None:
    old = action("ACT-002", "not-started", "2025-12-31").replace("lead:", "lead_officer:")
    write(history, {"actions/ACT-002.yaml": old})
    git(history.parent, "commit", "-q", "-am", "old key name")
    runner.invoke(app, ["fmt", str(history / "actions" / "ACT-002.yaml")])
    assert "lead: Head of HR" in (history / "actions" / "ACT-002.yaml").read_text()
    result = runner.invoke(app, ["diff", "HEAD", str(history), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["changes"] == []


OBJECTIVE = """\
id: OBJ-01
title: Fair recruitment
characteristics: [race]
psed_aims: [advance-equality]
lead: Director of People
start: 2024-04-01
end: 2027-03-31
status: in-progress
measures:
  - description: BME staff in bands 8a and above
    unit: percent
    baseline: {value: 9, date: 2024-03-31}
    target: {value: TARGET, date: 2027-03-31}
"""


def test_diff_says_what_changed_in_an_eia_and_in_a_measure(history: Path) -> None:
    write(history, {"objectives/OBJ-01.yaml": OBJECTIVE.replace("TARGET", "15")})
    git(history.parent, "add", "-A")
    git(history.parent, "commit", "-q", "-m", "objective")
    negative = eia("EIA-2025-001", "adjust").replace(
        "  race: {impact: not-relevant, reason: No effect}",
        "  race: {impact: negative, evidence: Fewer BME staff on nights, mitigation: Rota panel includes BME staff}")
    write(history, {"eias/EIA-2025-001.yaml": negative.replace("outcome: adjust", "outcome: justify-and-continue"),
                    "objectives/OBJ-01.yaml": OBJECTIVE.replace("TARGET", "18")})
    expected = [
        "EIA-2025-001: outcome adjust → justify-and-continue",
        "EIA-2025-001: race impact not-relevant → negative",
        "EIA-2025-001: race mitigation added: Rota panel includes BME staff",
        "EIA-2025-001: Characteristics › Race › Evidence: not set → Fewer BME staff on nights",
        "EIA-2025-001: Characteristics › Race › Reason: No effect → not set",
        "OBJ-01: Measure 1 (BME staff in bands 8a and above) › Target › Value: 15 → 18",
    ]
    text = runner.invoke(app, ["diff", "HEAD", str(history)])
    assert text.exit_code == 0, text.output
    for line in expected:
        assert line in text.stdout
    assert "Objective measures:" in text.stdout
    md = runner.invoke(app, ["diff", "HEAD", str(history), "--format", "md"]).stdout
    assert "race impact not-relevant → negative" in md and "Target › Value: 15 → 18" in md
    changes = json.loads(runner.invoke(app, ["diff", "HEAD", str(history), "--format", "json"]).stdout)["changes"]
    assert [c["summary"] for c in changes if c["category"] in ("eia", "measure")] == expected
    assert {(c["before"], c["after"]) for c in changes} >= {("not-relevant", "negative"), (15, 18)}


def test_diff_names_a_welsh_text_change_as_such(history: Path) -> None:
    write(history, {"objectives/OBJ-01.yaml": OBJECTIVE.replace("TARGET", "15")})
    git(history.parent, "add", "-A")
    git(history.parent, "commit", "-q", "-m", "objective")
    welsh = (OBJECTIVE.replace("TARGET", "15")
             .replace("title: Fair recruitment\n", "title: Fair recruitment\ntitle_cy: Recriwtio teg\n")
             .replace("    unit: percent\n",
                      "    description_cy: Staff BME ym mandiau 8a ac uwch\n    unit: percent\n"))
    write(history, {"objectives/OBJ-01.yaml": welsh,
                    "actions/ACT-002.yaml": action("ACT-002", "not-started", "2025-12-31") + "title_cy: Cam\n"})
    changes = json.loads(runner.invoke(app, ["diff", "HEAD", str(history), "--format", "json"]).stdout)["changes"]
    assert [(c["category"], c["summary"], c["after"]) for c in changes] == [
        ("welsh", "ACT-002: Welsh text added for title (title_cy)", "Cam"),
        ("welsh", "OBJ-01: Welsh text added for title (title_cy)", "Recriwtio teg"),
        ("welsh", "OBJ-01: Welsh text added for measures[0].description (measures[0].description_cy)",
         "Staff BME ym mandiau 8a ac uwch"),
    ]  # not an "other change", nor a change to the measure
    git(history.parent, "commit", "-q", "-am", "Welsh")
    write(history, {"objectives/OBJ-01.yaml": welsh.replace("Recriwtio teg", "Recriwtio tecach")
                    .replace("status: in-progress", "status: complete")})
    text = runner.invoke(app, ["diff", "HEAD", str(history)]).stdout
    assert "Welsh text:\n  OBJ-01: Welsh text changed for title (title_cy)" in text
    assert "OBJ-01: in-progress (amber) → complete (green)" in text


def test_diff_names_the_new_fields_of_plans_actions_and_eias(history: Path) -> None:
    """Issue 24's fields round trip through diff: a plan added; an action's plan, tags and KPIs; an EIA's
    reference, directorate, decision meeting and wards, previous assessment and a row's data, feedback and
    actions, each before and after."""
    plan = "id: wres-2025\ntitle: WRES action plan\nheadings:\n  - title: Recruitment\n  - title: Bullying\n"
    tagged = action("ACT-002", "not-started", "2025-12-31") + (
        "plan: wres-2025\ntags:\n  - hia:2\n  - wres:2\nmeasures:\n  - id: shortlisting\n"
        "    description: Relative likelihood of appointment\n    unit: ratio\n    owner: AB\n"
        "    baseline: {value: 1.6, date: 2025-03-31}\n")
    revised = eia("EIA-2025-001", "adjust").replace("owner: Head of Policy\n", (
        "owner: Head of Policy\nreference: ''\ndirectorate: People\n")).replace(
        "  race: {impact: not-relevant, reason: No effect}",
        "  race:\n    impact: negative\n    data: Night rota 12% BME\n    feedback: Staff network raised rotas\n"
        "    actions:\n      - action: Review the rota rules\n        lead: Head of Rostering\n        due: 2025-12-31")
    revised += ("decision:\n  date: 2025-07-01\n  maker: Board\n  meeting: Board, 1 July 2025\n  wards: [All wards]\n"
                "previous:\n  title: Rostering review 2021\n  actions:\n    - action: New rota\n      outcome: Done\n")
    write(history, {"plans/wres-2025.yaml": plan, "actions/ACT-002.yaml": tagged, "eias/EIA-2025-001.yaml": revised})
    text = runner.invoke(app, ["diff", "HEAD", str(history)])
    assert text.exit_code == 0, text.output
    for line in ("Action plan wres-2025 added: WRES action plan", "ACT-002: Plan: not set → wres-2025",
                 "ACT-002: Tags: added hia:2, wres:2", "ACT-002: Measure 1 (Relative likelihood of appointment) added",
                 "EIA-2025-001: Characteristics › Race › Data: not set → Night rota 12% BME",
                 "EIA-2025-001: Characteristics › Race › Feedback: not set → Staff network raised rotas",
                 "EIA-2025-001: Characteristics › Race › Action 1 added",
                 "EIA-2025-001: Directorate: not set → People", "EIA-2025-001: Reference: not set",
                 "EIA-2025-001: Decision: not set → Date 1 July 2025; Maker Board; Meeting Board, 1 July 2025; Wards "
                 "All wards",
                 "EIA-2025-001: Previous: not set → Title Rostering review 2021; Actions Action New rota; "
                 "Outcome Done"):
        assert line in text.stdout, text.stdout


def test_diff_names_figures_as_published_added_and_changed(history: Path) -> None:
    repo = history.parent
    write(history, {
        "workforce/2023-03-31.yaml": "id: 2023-03-31\nsnapshot: 2023-03-31\npublished:\n  wres:\n"
                                     "    2: {value: 1.86 times as likely}\n    5: {bme: 31.5%, white: 27.6%}\n",
        "eds/2022-23.yaml": "id: 2022-23\nframework: eds2022\nperiod_start: 2022-04-01\nperiod_end: 2023-03-31\n"
                            "published: {total: 11, domains: {1: {score: 5}}}\n",
    })
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "history as published")
    git(repo, "tag", "v3")
    write(history, {
        "workforce/2023-03-31.yaml": "id: 2023-03-31\nsnapshot: 2023-03-31\npublished:\n  wres:\n"
                                     "    2: {value: 1.84 times as likely, note: corrected}\n    5: {bme: 31.5%}\n"
                                     "  wdes:\n    3: {value: 1.5%}\n",
        "eds/2022-23.yaml": "id: 2022-23\nframework: eds2022\nperiod_start: 2022-04-01\nperiod_end: 2023-03-31\n"
                            "published: {total: 12, rating: Developing, domains: {1: {score: 5}, 2: {score: 4}}}\n",
    })
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "history corrected")
    summaries = [change.summary for change in diff_revisions(history, "v3", "HEAD").changes]
    # The figures as published are told by the walk over every field, in the model's words.
    for line in ("Workforce 2023-03-31: Published › WRES › 2 › Value: 1.86 times as likely → 1.84 times as likely",
                 "Workforce 2023-03-31: Published › WRES › 2 › Note: not set → corrected",
                 "Workforce 2023-03-31: Published › WRES › 5 › White: 27.6% → not set",
                 "Workforce 2023-03-31: Published › WDES: not set → 3 Value 1.5%",
                 "EDS 2022-23 overall: 11 (Developing, as published) → 12 (Developing, as published)",
                 "EDS 2022-23: Published › Total: 11 → 12 (+1)",
                 "EDS 2022-23: Published › Rating: not set → Developing",
                 "EDS 2022-23: Published › Domains › 2: not set → Score 4"):
        assert line in summaries, summaries
