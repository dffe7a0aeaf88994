"""Nothing lost: every command that writes does so atomically (a failed write leaves the old file, or no
file, and no temporary file behind), never overwrites what it was not asked to, and keeps comments and
values it does not own."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import AS_OF, make_root, run

STAFF = "sex,full_pay_relevant,bonus_pay,hourly_pay\nM,yes,0,10\nM,yes,300,14\nF,yes,150,8\nF,yes,0,9\n"


@dataclass(frozen=True)
class Writer:
    """A command that writes `target` (relative to the test's folder) in a records folder at `records`."""

    argv: Callable[[Path], list[object]]
    target: str
    prepare: Callable[[Path], None] = lambda tmp: None


def _staff(tmp: Path) -> None:
    (tmp / "staff.csv").write_text(STAFF)


def _messy_action(tmp: Path) -> None:
    path = tmp / "records" / "actions" / "ACT-001.yaml"
    path.write_text("status:    complete\n" + path.read_text().replace("status: complete\n", ""))


WRITERS: dict[str, Writer] = {
    "fmt": Writer(lambda tmp: ["fmt", tmp / "records"], "records/actions/ACT-001.yaml", _messy_action),
    "new": Writer(lambda tmp: ["new", "action", tmp / "records", "--as-of", AS_OF], "records/actions/ACT-002.yaml"),
    "init": Writer(lambda tmp: ["init", tmp / "fresh", "--name", "Testshire Council", "--sector",
                                "local-authority", "--jurisdiction", "england", "--headcount", "300",
                                "--as-of", AS_OF], "fresh/equitykit.yaml"),
    "paygap-write-create": Writer(lambda tmp: ["paygap", "compute", tmp / "staff.csv", "--snapshot", "2025-03-31",
                                               tmp / "records", "--write"], "records/paygap/2025-03-31.yaml", _staff),
    "paygap-write-update": Writer(lambda tmp: ["paygap", "compute", tmp / "staff.csv", "--snapshot", "2024-03-31",
                                               tmp / "records", "--write"], "records/paygap/2024-03-31.yaml", _staff),
    **{f"report-{fmt}-out-{state}": Writer(
        lambda tmp, fmt=fmt: ["report", "psed", tmp / "records", "--format", fmt, "--as-of", AS_OF,
                              "--out", tmp / f"report.{fmt}"], f"report.{fmt}",
        (lambda tmp, fmt=fmt: (tmp / f"report.{fmt}").write_text("the old report\n")) if state == "existing"
        else (lambda tmp: None)) for fmt in ("md", "html") for state in ("new", "existing")},
    **{f"deadlines-{fmt}-out": Writer(
        lambda tmp, fmt=fmt: ["deadlines", tmp / "records", "--format", fmt, "--as-of", AS_OF,
                              "--out", tmp / f"deadlines.{fmt}"], f"deadlines.{fmt}")
       for fmt in ("text", "json", "ics")},
    "deadlines-explain-out": Writer(
        lambda tmp: ["deadlines", tmp / "records", "--explain", "england-equality-objectives", "--as-of", AS_OF,
                     "--out", tmp / "explain.txt"], "explain.txt"),
    "schema-export": Writer(lambda tmp: ["schema", "export", tmp / "schemas"], "schemas/action.schema.json"),
}


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file() and ".git" not in path.parts}


@pytest.mark.parametrize("writer", WRITERS, ids=str)
def test_a_write_that_fails_leaves_everything_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        writer: str) -> None:
    spec = WRITERS[writer]
    make_root(tmp_path / "records")
    spec.prepare(tmp_path)
    before = _snapshot(tmp_path)

    def failing_replace(source: object, destination: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    result = run(spec.argv(tmp_path))
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert "No space left on device" in result.stderr and result.stderr.startswith("equitykit: ")
    after = _snapshot(tmp_path)
    leftovers = [name for name in after if name.endswith(".tmp")]
    assert not leftovers
    assert {name: data for name, data in after.items() if name in before} == before, "no file was changed"
    assert spec.target not in after or spec.target in before


@pytest.mark.parametrize("writer", WRITERS, ids=str)
def test_a_write_that_succeeds_writes_the_target_and_nothing_else(tmp_path: Path, writer: str) -> None:
    spec = WRITERS[writer]
    make_root(tmp_path / "records")
    spec.prepare(tmp_path)
    result = run(spec.argv(tmp_path))
    assert result.exit_code == 0, (result.stdout, result.stderr)
    after = _snapshot(tmp_path)
    assert spec.target in after and not [name for name in after if name.endswith(".tmp")]
    if writer.endswith("existing"):  # --out names the file: the user asked for it to be replaced
        assert after[spec.target] != b"the old report\n"


# -- never overwrite what was not asked for --------------------------------------------------------------

INIT = ["--name", "Testshire Council", "--sector", "local-authority", "--jurisdiction", "england",
        "--headcount", "300", "--as-of", AS_OF]


@pytest.mark.parametrize("existing", ["equitykit.yaml", "README.md", "schemas/action.schema.json"])
def test_init_never_overwrites(tmp_path: Path, existing: str) -> None:
    folder = tmp_path / "records"
    (folder / existing).parent.mkdir(parents=True, exist_ok=True)
    (folder / existing).write_text("mine\n")
    result = run(["init", folder, *INIT])
    assert result.exit_code == 2 and existing in result.stderr and "nothing was written" in result.stderr
    assert _snapshot(folder) == {existing: b"mine\n"}


@pytest.mark.parametrize("existing", [".pre-commit-config.yaml", ".github/workflows/equitykit.yml"])
def test_init_never_overwrites_the_repositorys_tooling_and_says_what_to_add(tmp_path: Path, existing: str) -> None:
    folder = tmp_path / "records"
    (folder / existing).parent.mkdir(parents=True, exist_ok=True)
    (folder / existing).write_text("mine\n")
    result = run(["init", folder, *INIT])
    assert result.exit_code == 0, result.stderr
    assert (folder / existing).read_bytes() == b"mine\n"
    assert f"{folder / existing} is already there and was left as it was" in result.stderr


def test_init_into_a_folder_with_other_files_keeps_them(tmp_path: Path) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine\n")
    assert run(["init", folder, *INIT]).exit_code == 0
    assert (folder / "notes.txt").read_text() == "mine\n"


def test_init_onto_a_file_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "records").write_text("mine\n")
    result = run(["init", tmp_path / "records", *INIT])
    assert result.exit_code == 2 and (tmp_path / "records").read_text() == "mine\n"


@pytest.mark.parametrize("record_id", ["ACT-001", "act-001"])
def test_new_never_overwrites_an_existing_id(tmp_path: Path, record_id: str) -> None:
    root = make_root(tmp_path / "records")
    before = _snapshot(root)
    result = run(["new", "action", root, "--id", record_id, "--as-of", AS_OF])
    assert result.exit_code == 2 and "already exists" in result.stderr
    assert _snapshot(root) == before


@pytest.mark.parametrize("record_id", ["../escape", "/etc/passwd", "a/b", ".hidden", "x" * 200, ""])
def test_new_refuses_ids_that_are_paths(tmp_path: Path, record_id: str) -> None:
    root = make_root(tmp_path / "records")
    before = _snapshot(tmp_path)
    result = run(["new", "action", root, "--id", record_id, "--as-of", AS_OF])
    assert result.exit_code == 2 and _snapshot(tmp_path) == before


def test_paygap_write_refuses_a_record_that_is_a_link_out_of_the_root(tmp_path: Path) -> None:
    root = make_root(tmp_path / "records")
    outside = tmp_path / "outside.yaml"
    outside.write_text((root / "paygap" / "2024-03-31.yaml").read_text())
    (root / "paygap" / "2024-03-31.yaml").unlink()
    (root / "paygap" / "2024-03-31.yaml").symlink_to(outside)
    _staff(tmp_path)
    before = outside.read_text()
    result = run(["paygap", "compute", tmp_path / "staff.csv", "--snapshot", "2024-03-31", root, "--write"])
    assert result.exit_code == 1 and "outside" in result.stderr
    assert outside.read_text() == before and (root / "paygap" / "2024-03-31.yaml").is_symlink()


# -- keep comments and values: paygap --write over arbitrary comments and keys -----------------------------

_comment_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")), max_size=30)
_key = st.from_regex(r"[a-z][a-z_]{0,10}", fullmatch=True).filter(
    lambda key: key not in {"id", "snapshot", "figures", "counts", "narrative", "link", "published"})
_scalar = st.one_of(st.integers(-10**6, 10**6), st.text(st.characters(codec="utf-8", exclude_categories=(
    "Cc", "Cs", "Zl", "Zp")), max_size=20), st.booleans())


def _yaml_scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(comments=st.lists(_comment_text, min_size=1, max_size=4),
       extras=st.dictionaries(_key, _scalar, max_size=3), narrative=_scalar)
def test_paygap_write_keeps_every_comment_and_other_key(tmp_path_factory: pytest.TempPathFactory,
                                                        comments: list[str], extras: dict[str, object],
                                                        narrative: object) -> None:
    from equitykit.records.loader import parse_document

    tmp = tmp_path_factory.mktemp("paygap")
    root = make_root(tmp / "records")
    _staff(tmp)
    path = root / "paygap" / "2024-03-31.yaml"
    lines = path.read_text().splitlines()
    lines.insert(0, f"# {comments[0]}")  # before the id, between keys, after a key, and after extra keys
    lines.insert(3, f"# {comments[-1]}")
    lines[4] += f"  # {comments[len(comments) // 2]}"
    lines += [f"narrative: {_yaml_scalar(narrative)}"] + [f"{k}: {_yaml_scalar(v)}  # {comments[0]}"
                                                          for k, v in extras.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = parse_document(path.read_text(encoding="utf-8"), "").data
    result = run(["paygap", "compute", tmp / "staff.csv", "--snapshot", "2024-03-31", root, "--write"])
    from equitykit.records.repository import load_records

    invalid = any(p.severity == "error" for p in load_records(root).problems)  # e.g. an unknown extra key
    assert result.exit_code == (1 if invalid else 0), result.stderr
    text = path.read_text(encoding="utf-8")
    for comment in {comments[0], comments[-1], comments[len(comments) // 2]}:
        assert f"# {comment}" in text
    after = parse_document(text, "").data
    assert {k: v for k, v in after.items() if k not in ("figures", "counts")} == \
        {k: v for k, v in before.items() if k not in ("figures", "counts")}
    assert after["figures"] != before["figures"]
