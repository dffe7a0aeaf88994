"""Nothing breaks: every command against every broken record file, hostile paths and names, git
revisions that do not exist, and a corpus of staff CSV files for `paygap compute`.

Each case checks the exit code (0 ok, 1 problems in the records or input, 2 usage error or
unreadable input), a clear message, and that no traceback or exception escapes.
"""

from __future__ import annotations

import os
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import AS_OF, commit_all, make_root, run

CORPUS = sorted((Path(__file__).parent.parent / "corpus").glob("*.yaml"))
BROKEN = "objectives/OBJ-01.yaml"
REPORT_KINDS = ("psed", "eds", "wres", "wdes", "paygap", "objectives", "actions", "eias")


def _alias_bomb() -> bytes:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]" for i in range(8)]
    return ("\n".join(lines) + "\n").encode()


HOSTILE: dict[str, Callable[[], bytes]] = {
    "alias-bomb": _alias_bomb,
    "deep-nesting-flow": lambda: b"a: " + b"[" * 100_000 + b"]" * 100_000 + b"\n",
    "deep-nesting-block": lambda: "".join(" " * i + f"k{i}:\n" for i in range(400)).encode(),
    "six-megabytes": lambda: b"id: OBJ-01\n" + b"# padding padding padding padding\n" * 190_000,
    "binary": lambda: bytes(range(256)) * 64,
    "utf-16": lambda: "id: OBJ-01\ntitle: Caf\u00e9\n".encode("utf-16"),
    "latin-1": lambda: "id: OBJ-01\ntitle: Caf\u00e9 in the caf\u00e9\n".encode("latin-1"),
    "tabs": lambda: b"id: OBJ-01\ntitle:\n\tname: x\n",
}
BROKEN_FILES: dict[str, Callable[[], bytes]] = {
    **{path.stem: (lambda path=path: path.read_bytes()) for path in CORPUS},
    **HOSTILE,
}


@dataclass(frozen=True)
class Command:
    """A command run against a records folder, and what it must do when one record is broken."""

    args: tuple[str, ...]
    broken_exit: int
    says: str  # on stderr (or stdout for validate and diff) when a record is broken
    writes: bool = False

    def argv(self, root: Path) -> list[str]:
        head, *rest = self.args
        if head in ("grade", "report", "new"):
            return [head, rest[0], str(root), *rest[1:]]
        if head == "diff":
            return [head, *rest, str(root)]
        return [head, str(root), *rest]


COMMANDS: dict[str, Command] = {
    "validate": Command(("validate",), 1, BROKEN),
    "deadlines": Command(("deadlines", "--as-of", AS_OF), 1, BROKEN),
    "grade-eds": Command(("grade", "eds"), 1, BROKEN),
    "wres": Command(("wres",), 1, BROKEN),
    "wdes": Command(("wdes",), 1, BROKEN),
    **{f"report-{kind}-{fmt}": Command(("report", kind, "--format", fmt, "--as-of", AS_OF), 1, BROKEN)
       for kind in REPORT_KINDS for fmt in ("md", "html")},
    "fmt": Command(("fmt",), 1, BROKEN, writes=True),
    "fmt-check": Command(("fmt", "--check"), 1, BROKEN),
    "new": Command(("new", "action", "--as-of", AS_OF), 0, "actions/ACT-002.yaml", writes=True),
    "diff": Command(("diff", "HEAD"), 1, "OBJ-01"),
}


@pytest.fixture(scope="module")
def broken_bytes() -> dict[str, bytes]:
    return {}


def _content(cache: dict[str, bytes], name: str) -> bytes:
    if name not in cache:
        cache[name] = BROKEN_FILES[name]()
    return cache[name]


@pytest.mark.parametrize("command", COMMANDS, ids=str)
@pytest.mark.parametrize("broken", BROKEN_FILES, ids=str)
def test_every_command_survives_every_broken_record(tmp_path: Path, broken_bytes: dict[str, bytes],
                                                     broken: str, command: str) -> None:
    spec = COMMANDS[command]
    root = make_root(tmp_path / "records")
    if command == "diff":
        commit_all(root)
    content = _content(broken_bytes, broken)
    (root / BROKEN).write_bytes(content)
    result = run(spec.argv(root))
    assert result.exit_code == spec.broken_exit, (result.stdout[-500:], result.stderr[-500:])
    said = result.stdout if command in ("validate", "diff", "new") else result.stderr
    assert spec.says in said, (result.stdout[-500:], result.stderr[-500:])
    if spec.broken_exit == 1 and command not in ("validate", "fmt", "fmt-check"):
        assert BROKEN in result.stderr, "every command that reads records names the file with errors"
    if command not in ("validate", "fmt", "fmt-check", "new", "diff"):
        assert result.stdout.strip(), "the command computes from the valid records all the same"
    assert (root / BROKEN).read_bytes() == content, "a broken file is never rewritten"


@pytest.mark.parametrize("command", COMMANDS, ids=str)
def test_a_valid_file_with_bom_and_crlf_is_read_by_every_command(tmp_path: Path, command: str) -> None:
    spec = COMMANDS[command]
    root = make_root(tmp_path / "records")
    if command == "diff":
        commit_all(root)
    path = root / "actions" / "ACT-001.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    result = run(spec.argv(root))
    # fmt writes LF without a BOM, so --check reports the file; everything else is simply fine
    assert result.exit_code == (1 if command == "fmt-check" else 0), (result.stdout[-500:], result.stderr)
    assert "problems" not in result.stderr


ORGANISATION_SAMPLES = ("EK101-binary-png", "EK102-unclosed-quote", "EK103-duplicate-top-key",
                        "EK105-empty", "EK106-list-root", "EK107-python-object", "alias-bomb", "utf-16")


def _organisation_exit(command: str) -> int:
    """Without a valid organisation file nothing about duties can be worked out: deadlines and reports
    treat it like a missing equitykit.yaml (2, "run equitykit validate"); validate and fmt report the
    file (1); grade and the workforce standards need only their own records (computed, then 1 naming the file)."""
    if command == "deadlines" or command.startswith("report-"):
        return 2
    return COMMANDS[command].broken_exit


@pytest.mark.parametrize("command", [c for c in COMMANDS if c not in ("new", "diff")], ids=str)
@pytest.mark.parametrize("broken", ORGANISATION_SAMPLES, ids=str)
def test_every_command_survives_a_broken_organisation_file(tmp_path: Path, broken_bytes: dict[str, bytes],
                                                           broken: str, command: str) -> None:
    spec = COMMANDS[command]
    root = make_root(tmp_path / "records")
    (root / "equitykit.yaml").write_bytes(_content(broken_bytes, broken))
    result = run(spec.argv(root))
    assert result.exit_code == _organisation_exit(command), (result.stdout[-500:], result.stderr[-500:])
    assert "equitykit.yaml" in result.stdout + result.stderr
    if result.exit_code == 2:
        assert "equitykit validate" in result.stderr


# -- paths: roots that are files, folders that are files, unreadable files, links, names --------------

PATH_COMMANDS = {name: spec for name, spec in COMMANDS.items() if name in (
    "validate", "deadlines", "grade-eds", "wres", "wdes", "report-psed-md", "new", "diff")}


@pytest.mark.parametrize("command", PATH_COMMANDS, ids=str)
def test_a_path_to_a_regular_file_outside_any_root_is_a_usage_error(tmp_path: Path, command: str) -> None:
    stray = tmp_path / "notes.txt"
    stray.write_text("not records\n")
    result = run(PATH_COMMANDS[command].argv(stray))
    assert result.exit_code == 2
    assert "equitykit.yaml" in result.stderr


@pytest.mark.parametrize("command", PATH_COMMANDS, ids=str)
def test_a_path_that_does_not_exist_is_a_usage_error(tmp_path: Path, command: str) -> None:
    result = run(PATH_COMMANDS[command].argv(tmp_path / "nowhere"))
    assert result.exit_code == 2
    # diff takes a second argument that is not an existing path as the HEAD revision, like git
    assert "does not exist" in result.stderr or (command == "diff" and "equitykit.yaml" in result.stderr)


@pytest.mark.parametrize("command", PATH_COMMANDS, ids=str)
def test_an_organisation_file_that_is_a_folder_is_a_usage_error(tmp_path: Path, command: str) -> None:
    folder = tmp_path / "records"
    (folder / "equitykit.yaml").mkdir(parents=True)
    result = run(PATH_COMMANDS[command].argv(folder))
    assert result.exit_code == 2
    assert "equitykit.yaml" in result.stderr and "folder" in result.stderr


def test_fmt_skips_a_named_file_outside_any_root(tmp_path: Path) -> None:
    stray = tmp_path / "stray.yaml"
    stray.write_text("b: 1\na:   2\n")
    result = run(["fmt", stray])
    assert result.exit_code == 0 and stray.read_text() == "b: 1\na:   2\n"


@pytest.mark.parametrize("command", ["validate", "fmt", "fmt-check", "report-actions-md", "deadlines"], ids=str)
def test_an_unreadable_record_is_one_problem(root: Path, monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    """Simulated (tests run as root, who reads anything): reading the file raises PermissionError."""
    target = (root / BROKEN).resolve()
    real_read_bytes, real_open = Path.read_bytes, Path.open

    def read_bytes(self: Path) -> bytes:
        if self.resolve() == target:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    def open_(self: Path, *args, **kwargs):
        if self.resolve() == target:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(Path, "open", open_)
    result = run(COMMANDS[command].argv(root))
    assert result.exit_code == COMMANDS[command].broken_exit
    if command.startswith(("validate", "fmt")):
        assert "Permission denied" in result.stdout + result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file whatever its permissions")
def test_an_unreadable_record_really_unreadable(root: Path) -> None:
    (root / BROKEN).chmod(0)
    result = run(["validate", root])
    assert result.exit_code == 1 and "EK101" in result.stdout


SECRET = "secret: do-not-leak-me\nb:   1\n"


@pytest.fixture
def outside_link(root: Path, tmp_path: Path) -> tuple[Path, Path]:
    """objectives/OBJ-02.yaml is a symbolic link to a file outside the records folder."""
    secret = tmp_path / "outside" / "secret.yaml"
    secret.parent.mkdir()
    secret.write_text(SECRET)
    (root / "objectives" / "OBJ-02.yaml").symlink_to(secret)
    return root, secret


LINK_COMMANDS = ["validate", "deadlines", "grade-eds", "wres", "report-objectives-md", "report-objectives-html",
                 "report-psed-md", "report-psed-html", "fmt", "fmt-check", "diff"]


@pytest.mark.parametrize("command", LINK_COMMANDS, ids=str)
def test_a_link_out_of_the_root_is_never_followed(outside_link: tuple[Path, Path], command: str) -> None:
    root, secret = outside_link
    if command == "diff":
        commit_all(root)
    result = run(COMMANDS[command].argv(root))
    assert "do-not-leak-me" not in result.stdout + result.stderr
    assert secret.read_text() == SECRET
    assert (root / "objectives" / "OBJ-02.yaml").is_symlink(), "the link is left as it is"
    if command == "validate":
        assert result.exit_code == 1 and "EK101" in result.stdout and "outside" in result.stdout


def test_fmt_never_writes_through_a_link_named_on_the_command_line(outside_link: tuple[Path, Path]) -> None:
    root, secret = outside_link
    result = run(["fmt", root / "objectives" / "OBJ-02.yaml"])
    assert result.exit_code == 0
    assert secret.read_text() == SECRET and (root / "objectives" / "OBJ-02.yaml").is_symlink()


def test_a_linked_folder_out_of_the_root_is_never_read(root: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "ACT-009.yaml").write_text("id: ACT-009\ntitle: do-not-leak-me\n")
    (root / "actions" / "ACT-001.yaml").rename(outside / "ACT-001.yaml")
    (root / "actions").rmdir()
    (root / "actions").symlink_to(outside)
    for argv in (["validate", root], ["report", "actions", root, "--as-of", AS_OF], ["fmt", root]):
        result = run(argv)
        assert "do-not-leak-me" not in result.stdout + result.stderr, argv
    assert (outside / "ACT-009.yaml").read_text() == "id: ACT-009\ntitle: do-not-leak-me\n"


@pytest.mark.parametrize("name", ["records with spaces", "caf\u00e9 records", "\U0001f308 records"])
@pytest.mark.parametrize("command", ["validate", "deadlines", "grade-eds", "wres", "wdes", "report-psed-md",
                                     "report-psed-html", "fmt-check", "new", "diff"], ids=str)
def test_folder_names_with_spaces_and_non_ascii(tmp_path: Path, name: str, command: str) -> None:
    root = make_root(tmp_path / name / "equality")
    if command == "diff":
        commit_all(root)
    result = run(COMMANDS[command].argv(root))
    assert result.exit_code == (1 if command == "fmt-check" else 0), result.stderr
    assert "problems" not in result.stderr


@pytest.mark.parametrize("stem", ["ACT 002", "ACT-\u00e9", "ACT-\U0001f308"])
def test_record_names_with_spaces_and_non_ascii_get_a_clear_problem(root: Path, stem: str) -> None:
    text = (root / "actions" / "ACT-001.yaml").read_text().replace("ACT-001", stem)
    (root / "actions" / f"{stem}.yaml").write_text(text, encoding="utf-8")
    result = run(["validate", root, "--format", "json"])
    assert result.exit_code == 1
    assert f"actions/{stem}.yaml" in result.stdout and "EK206" in result.stdout
    for argv in (["report", "actions", root, "--format", "html", "--as-of", AS_OF], ["fmt", "--check", root]):
        assert run(argv).exit_code == 1


@pytest.mark.parametrize("text", ["Caf\u00e9 access \U0001f308 for all", "\u202eRTL override", "Zero\u200bwidth"])
def test_non_ascii_text_in_records_is_kept(root: Path, text: str) -> None:
    path = root / "actions" / "ACT-001.yaml"
    path.write_text(path.read_text().replace("Procure a video BSL interpreting service", text), encoding="utf-8")
    for output_format in ("md", "html"):
        result = run(["report", "actions", root, "--format", output_format, "--as-of", AS_OF])
        assert result.exit_code == 0 and text in result.stdout, result.stderr


# -- diff: revisions and repositories --------------------------------------------------------------------

@pytest.mark.parametrize("revisions", [("no-such-branch",), ("HEAD", "no-such-branch"), ("HEAD~5",),
                                       ("--nonsense",), ("0" * 40,)], ids=lambda r: " ".join(r))
def test_diff_with_a_revision_that_does_not_exist(root: Path, revisions: tuple[str, ...]) -> None:
    commit_all(root)
    result = run(["diff", *revisions, root])
    assert result.exit_code == 2
    assert result.stderr.startswith("equitykit: error:") or "No such option" in result.stderr


def test_diff_outside_a_git_repository(root: Path) -> None:
    result = run(["diff", "HEAD", root])
    assert result.exit_code == 2 and "git" in result.stderr


def test_diff_in_a_repository_without_commits(root: Path) -> None:
    from .conftest import git

    git(root, "init", "-q")
    result = run(["diff", "HEAD", root])
    assert result.exit_code == 2 and "HEAD" in result.stderr


# -- paygap compute: the staff CSV corpus ----------------------------------------------------------------

HEADER = "sex,full_pay_relevant,bonus_pay,hourly_pay\n"
ROWS = "M,yes,0,10.00\nM,yes,300,14.00\nF,yes,150,8.00\nF,yes,0,9.00\n"


@dataclass(frozen=True)
class StaffCase:
    content: bytes
    exit: int
    says: str  # in the message on stderr (exit 1 or 2) or in the JSON (exit 0)
    columns: tuple[str, ...] = ()


def _csv(text: str) -> bytes:
    return text.encode("utf-8")


STAFF_CASES: dict[str, StaffCase] = {
    "valid": StaffCase(_csv(HEADER + ROWS), 0, '"DiffMeanHourlyPercent"'),
    "semicolons": StaffCase(_csv((HEADER + ROWS).replace(",", ";")), 2, "semicolons"),
    "tabs": StaffCase(_csv((HEADER + ROWS).replace(",", "\t")), 2, "tabs"),
    "quoted-numbers": StaffCase(_csv(HEADER + ROWS.replace("10.00", '"1234.56"')), 0, '"DiffMeanHourlyPercent"'),
    "thousands-quoted": StaffCase(_csv(HEADER + ROWS.replace("10.00", '"1,234.56"')), 0, '"DiffMeanHourlyPercent"'),
    "thousands-unquoted": StaffCase(_csv(HEADER + ROWS.replace("M,yes,300,14.00", "M,yes,300,1,234.56")), 1,
                                    "Line 3: This line has 5 values but the header has 4 columns"),
    "pound-signs": StaffCase(_csv(HEADER + ROWS.replace("10.00", "\u00a310.00").replace("300", '"\u00a31,300"')),
                             0, '"DiffMeanHourlyPercent"'),
    "blank-lines": StaffCase(_csv("\n" + HEADER + "\n" + ROWS.replace("\n", "\n\n")), 0, '"DiffMeanHourlyPercent"'),
    "non-numeric": StaffCase(_csv(HEADER + ROWS + "F,yes,0,ten pounds\n"), 1, "Line 6, column hourly_pay"),
    "negative": StaffCase(_csv(HEADER + ROWS + "F,yes,-5,10\n"), 1, "Line 6, column bonus_pay"),
    "infinity": StaffCase(_csv(HEADER + ROWS + "F,yes,0,Infinity\n"), 1, "Line 6, column hourly_pay"),
    "nan": StaffCase(_csv(HEADER + ROWS + "F,yes,0,NaN\n"), 1, "Line 6, column hourly_pay"),
    "unknown-sex": StaffCase(_csv(HEADER + ROWS + "X,yes,0,10\n"), 1, "Line 6, column sex"),
    "bom": StaffCase(b"\xef\xbb\xbf" + _csv(HEADER + ROWS), 0, '"DiffMeanHourlyPercent"'),
    "crlf": StaffCase(_csv((HEADER + ROWS).replace("\n", "\r\n")), 0, '"DiffMeanHourlyPercent"'),
    "bom-crlf": StaffCase(b"\xef\xbb\xbf" + _csv((HEADER + ROWS).replace("\n", "\r\n")), 0,
                          '"DiffMeanHourlyPercent"'),
    "header-only": StaffCase(_csv(HEADER), 2, "no employees"),
    "empty": StaffCase(b"", 2, "empty"),
    "blank-only": StaffCase(b"\n\n  \n", 2, "empty"),
    "utf-16": StaffCase((HEADER + ROWS).encode("utf-16"), 2, "not UTF-8"),
    "latin-1": StaffCase((HEADER + ROWS + "F,yes,0,\u00a310\n").encode("latin-1"), 2, "Line 6"),
    "binary": StaffCase(bytes(range(256)) * 16, 2, "UTF-8"),
    "nul-bytes": StaffCase(_csv(HEADER + "M,yes,0,1\x000\n" + ROWS), 1, "Line 2"),
    "unclosed-quote": StaffCase(_csv(HEADER + ROWS + 'F,yes,0,"10\nF,yes,0,10\n'), 1, "Line 6"),
    "missing-column": StaffCase(_csv(HEADER.replace("bonus_pay", "bonus") + ROWS), 2, "no 'bonus_pay' column"),
    "mapped-to-absent-header": StaffCase(_csv(HEADER + ROWS), 2, "no 'Gender' column", ("sex=Gender",)),
    "mapped-to-present-header": StaffCase(_csv(HEADER.replace("sex", "Gender") + ROWS), 0,
                                          '"DiffMeanHourlyPercent"', ("sex=Gender",)),
    "duplicate-column": StaffCase(_csv("sex,sex,full_pay_relevant,bonus_pay,hourly_pay\n"), 2, "same name"),
    "huge-cell": StaffCase(_csv(HEADER + ROWS + "F,yes,0," + "9" * 200_000 + "\n"), 1, "Line 6"),
}


@pytest.mark.parametrize("case", STAFF_CASES, ids=str)
def test_staff_csv_corpus(tmp_path: Path, case: str) -> None:
    spec = STAFF_CASES[case]
    staff = tmp_path / "hr" / "staff.csv"
    staff.parent.mkdir()
    staff.write_bytes(spec.content)
    columns = [arg for column in spec.columns for arg in ("--columns", column)]
    result = run(["paygap", "compute", staff, "--snapshot", "2025-03-31", "--format", "json", *columns])
    assert result.exit_code == spec.exit, result.stderr
    if spec.exit:
        assert result.stderr.startswith("equitykit: ") and spec.says in result.stderr, result.stderr
        assert result.stdout == ""
    else:
        assert spec.says in result.stdout


def test_a_million_rows_with_one_bad_row_near_the_end(tmp_path: Path) -> None:
    """The message names the exact line; peak memory stays far under 1 GB (no time is asserted)."""
    from equitykit.metrics.staffcsv import StaffFileError, read_staff_csv

    staff = tmp_path / "staff.csv"
    bad_line = 999_990 + 1  # the header is line 1
    with staff.open("w", encoding="utf-8", newline="") as stream:
        stream.write(HEADER)
        for number in range(1_000_000):
            if number == 999_989:
                stream.write("F,yes,0,12.3.4\n")
            else:
                stream.write(f"{'MF'[number % 2]},yes,{number % 7 * 100},{10 + number % 997 / 100:.2f}\n")
    tracemalloc.start()
    try:
        with pytest.raises(StaffFileError) as raised:
            read_staff_csv(staff)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert raised.value.row == bad_line and raised.value.column == "hourly_pay"
    assert peak < 1024 ** 3 / 2, f"peak {peak / 1024 ** 2:.0f} MiB"
    result = run(["paygap", "compute", staff, "--snapshot", "2025-03-31"])
    assert result.exit_code == 1 and f"Line {bad_line}, column hourly_pay" in result.stderr
    assert "'12.3.4' is not a number" in result.stderr  # invalid text is quoted, to be found; valid pay never
