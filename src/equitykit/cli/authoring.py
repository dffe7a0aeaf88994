"""`equitykit init`, `new`, `fmt` and `diff`: scaffold, add, format and review records."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .common import (
    AsOfOption,
    PathArgument,
    exit_if_files_have_errors,
    fail_usage,
    find_root_or_exit,
    parse_as_of,
    write_output,
)


class NewKind(StrEnum):
    objective = "objective"
    action = "action"
    eia = "eia"
    eds = "eds"
    workforce = "workforce"
    publication = "publication"
    engagement = "engagement"
    plan = "plan"
    highlight = "highlight"


class Sector(StrEnum):
    nhs_trust = "nhs-trust"
    nhs_foundation_trust = "nhs-foundation-trust"
    icb = "icb"
    ccg = "ccg"
    local_authority = "local-authority"
    other_public = "other-public"


class Jurisdiction(StrEnum):
    england = "england"
    wales = "wales"
    scotland = "scotland"


class DiffFormat(StrEnum):
    text = "text"
    md = "md"
    json = "json"


def on_terminal() -> bool:
    """Whether a person can answer prompts."""
    return sys.stdin.isatty()


ASKED = " [required: asked for on a terminal if not given]"
"""Marks the options `init` needs: given, or answered at a prompt (without a terminal, a usage error)."""


def _ask(value, option: str, prompt: str, choices=None):
    """The option's value, else a prompt (`init` has checked that a person can answer)."""
    if value is not None:
        return value
    if option == "--headcount":
        while (number := typer.prompt(prompt, type=int)) < 0:
            typer.echo("Please answer a whole number, 0 or more", err=True)
        return number
    if choices is None:
        return typer.prompt(prompt)
    allowed = [choice.value for choice in choices]
    while (answer := typer.prompt(f"{prompt} ({', '.join(allowed)})").strip()) not in allowed:
        typer.echo(f"Please answer one of: {', '.join(allowed)}", err=True)
    return answer


def _require_without_terminal(options: dict[str, object]) -> None:
    """Without a terminal nobody can answer a prompt: a usage error naming every option not given."""
    missing = [option for option, value in options.items() if value is None]
    if missing and not on_terminal():
        names = missing[0] if len(missing) == 1 else f"{', '.join(missing[:-1])} and {missing[-1]}"
        verb = "is" if len(missing) == 1 else "are"
        fail_usage(f"{names} {verb} required when not run on a terminal (there is nobody to ask); "
                   f"give {'it' if len(missing) == 1 else 'them'} on the command line, e.g. "
                   + " ".join(f"{option} {EXAMPLES[option]}" for option in missing))


EXAMPLES = {"--name": "'Northfield NHS Trust'", "--sector": "nhs-trust", "--jurisdiction": "england",
            "--headcount": "4200"}
"""An example value of each option `init` needs, for the usage error that names the missing ones."""


def _established(value: str | None, sector: str) -> dt.date | None:
    """The --established date, else asked on a terminal (the kind of body's first day offered), else None:
    never invented. None leaves `established:` empty, so the body is taken to have existed before the
    duties began (or from the first day its kind of body existed), and `init` says so."""
    from ..records.sectors import SECTORS

    if value is None and on_terminal():
        default = SECTORS[sector].existed_from
        while True:
            answer = typer.prompt(
                "Date the body was established (YYYY-MM-DD; its calendar starts there"
                + ("" if default else "; leave empty if it existed before the equality duties began") + ")",
                default=default.isoformat() if default else "", show_default=default is not None).strip()
            if not answer:
                return None
            try:
                return dt.date.fromisoformat(answer)
            except ValueError:
                typer.echo("Please write the date as YYYY-MM-DD, e.g. 2022-07-01", err=True)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail_usage(f"--established {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2022-07-01")


def _say_what_was_assumed(details) -> None:
    """Tell the person, on stderr, what `init` took the body's start to be when no date was given."""
    from ..records.sectors import SECTORS

    if details.established is not None:
        return
    start = SECTORS[details.sector].existed_from
    since = (f"to have existed from {start.isoformat()}, the day its kind of body was first established"
             if start else "to have existed before the equality duties began")
    sys.stderr.write(
        f"equitykit: note: no --established date, so equitykit.yaml leaves established: empty and the body is "
        f"taken {since}: every duty since then applies. If the body is newer, write its date there "
        "(established: YYYY-MM-DD).\n")


def init(
    directory: Annotated[Path, typer.Argument(help="The folder to create (or an empty one).")],
    name: Annotated[str | None, typer.Option(help=f"Full legal name of the body.{ASKED}")] = None,
    sector: Annotated[Sector | None, typer.Option(help=f"Kind of public body.{ASKED}")] = None,
    jurisdiction: Annotated[Jurisdiction | None, typer.Option(help=f"Which specific duties apply.{ASKED}")] = None,
    headcount: Annotated[int | None, typer.Option(
        min=0, help=f"Employees at the latest 31 March.{ASKED}")] = None,
    established: Annotated[str | None, typer.Option(
        metavar="DATE", help="The date the body was established (YYYY-MM-DD); its calendar starts there. "
        "Default: asked on a terminal; otherwise left empty: the body is taken to have existed before the "
        "duties began (an ICB: from 1 July 2022), and init says so.")] = None,
    name_cy: Annotated[str | None, typer.Option(
        "--name-cy", help="The body's name in Welsh (Cymraeg), for a body that publishes in Welsh: a body in "
        "Wales does by default. Without it, equitykit.yaml has an empty name_cy: to fill in.")] = None,
    as_of: AsOfOption = None,
) -> None:
    """Create a records folder for a body: organisation file, README, schemas, pre-commit and CI."""
    from ..authoring.init import FilesExist, OrganisationDetails, init_folder

    if directory.exists() and not directory.is_dir():
        fail_usage(f"{directory} is a file, not a folder")
    _require_without_terminal({"--name": name, "--sector": sector, "--jurisdiction": jurisdiction,
                               "--headcount": headcount})
    details = OrganisationDetails(
        name=_ask(name, "--name", "Full legal name of the body"),
        sector=Sector(_ask(sector, "--sector", "Sector", list(Sector))).value,
        jurisdiction=Jurisdiction(_ask(jurisdiction, "--jurisdiction", "Jurisdiction", list(Jurisdiction))).value,
        headcount=_ask(headcount, "--headcount", "Employees at the latest 31 March"),
    )
    if not details.name.strip():
        fail_usage("--name must not be empty")
    day = parse_as_of(as_of)
    details = replace(details, established=_established(established, details.sector),
                      name_cy=(name_cy or "").strip() or None)
    try:
        done = init_folder(directory, details, day)
    except FilesExist as exc:
        fail_usage(f"{directory} already has files init would write; nothing was written:\n"
                   + "".join(f"  {name}\n" for name in exc.files).rstrip("\n"))
    except OSError as exc:
        fail_usage(f"cannot write to {directory}: {exc.strerror or exc}")
    for path in done.written:
        typer.echo(path.as_posix())
    for note in done.notes:
        sys.stderr.write(f"equitykit: note: {note}\n")
    _say_what_was_assumed(details)


def new(
    kind: Annotated[NewKind, typer.Argument(help="The kind of record to add.")],
    path: PathArgument = Path("."),
    title: Annotated[str | None, typer.Option(help="The record's title.")] = None,
    record_id: Annotated[str | None, typer.Option("--id", help="The id (default: the next free one).")] = None,
    as_of: AsOfOption = None,
) -> None:
    """Add a record with the next free id, every field present with a comment saying what to write."""
    import re

    from ..authoring.new import TITLED_KINDS, RecordExists, new_record, read_organisation

    if title is not None and kind.value not in TITLED_KINDS:
        fail_usage(f"{kind.value} records have no title; leave out --title")
    if title is not None and not title.strip():
        fail_usage("--title must not be empty")
    if record_id is not None and not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}", record_id):
        fail_usage(f"--id {record_id!r} is not an id: use letters, digits, dots, hyphens and underscores")
    root = find_root_or_exit(path)
    organisation = read_organisation(root)
    if kind is NewKind.eds and organisation is not None and (why := organisation.standard_not_applicable("eds")):
        typer.echo(f"{why} No EDS record was written.")
        raise typer.Exit(0)
    try:
        written = new_record(root, kind.value, parse_as_of(as_of), title, record_id)
    except RecordExists as exc:
        fail_usage(str(exc))
    except OSError as exc:
        fail_usage(f"cannot write the record: {exc.strerror or exc}")
    typer.echo(written.as_posix())


def fmt(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Record files or folders (default: the records folder here).")] = None,
    check: Annotated[bool, typer.Option("--check", help="Change nothing; exit 1 if any file would change.")] = False,
) -> None:
    """Lay out record files canonically, keeping every comment and value."""
    from ..authoring.fmt import format_files
    from ..authoring.selection import record_files
    from ..records.repository import RootNotFound, find_root

    files = []
    for path in paths or [Path(".")]:
        if not path.exists():
            fail_usage(f"{path} does not exist")
        if path.is_dir():
            files.extend(record_files(path, find_root_or_exit(path)))
            continue
        try:  # a named file outside any records folder is not a record: skip it
            files.extend(record_files(path, find_root(path)))
        except RootNotFound:
            continue
    report = format_files(list(dict.fromkeys(files)), write=not check)
    for message in report.left_alone:
        sys.stderr.write(f"{message}\n")
    verb = "would reformat" if check else "reformatted"
    for name in report.changed:
        typer.echo(f"{verb} {name}")
    for message in report.unwritten:
        sys.stderr.write(f"equitykit: error: {message}; the file is as it was\n")
    if report.unwritten:
        raise typer.Exit(2)
    raise typer.Exit(1 if report.left_alone or (check and report.changed) else 0)


def diff(
    base: Annotated[str, typer.Argument(help="The revision to compare from, e.g. main or HEAD~1.")],
    head: Annotated[str | None, typer.Argument(
        help="The revision to compare to (default: the record files as they are now).")] = None,
    path: Annotated[Path | None, typer.Argument(
        help="The records folder, or any path inside it (default: the current folder).")] = None,
    output_format: Annotated[DiffFormat, typer.Option("--format", "-f", help="Output format.")] = DiffFormat.text,
) -> None:
    """What changed in the records between two git revisions, in compliance terms.

    Like git, `diff BASE PATH` compares BASE with the files now when PATH exists and is no revision.
    """
    from ..authoring.diff import diff_revisions
    from ..authoring.diffreport import RENDERERS
    from ..authoring.revisions import GitError, is_revision

    if path is None and head is not None and Path(head).exists() and not is_revision(Path(head), head):
        path, head = Path(head), None
    root = find_root_or_exit(path or Path("."))
    try:
        result = diff_revisions(root, base, head)
    except GitError as exc:
        fail_usage(str(exc))
    write_output(RENDERERS[output_format.value](result))
    exit_if_files_have_errors(result.invalid, None)


def register(app: typer.Typer) -> None:
    """Add the authoring commands to the app."""
    app.command()(init)
    app.command()(new)
    app.command()(fmt)
    app.command()(diff)
