"""Find the records root, read every record file, and validate each against its model."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..problem import Problem
from .common import migrate_keys, renamed_keys
from .errors import validation_problems
from .kinds import ORGANISATION, ORGANISATION_FILE, RECORD_KINDS, Kind
from .loader import Document, LoadError, load_document
from .organisation import Organisation
from .root import RootNotFound, find_root
from .salvage import Salvaged, salvage
from .slim import slim_view

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(slots=True)
class LoadedRecord:
    """One record file: where it is, what it held, and its model if it is valid."""

    kind: Kind
    file: str
    document: Document | None
    model: Any | None
    salvaged: Salvaged | None = None
    """The valid parts of a record that fails its schema, for the rules only (see records.salvage)."""

    @property
    def stem(self) -> str:
        return Path(self.file).stem


@dataclass
class RecordSet:
    """Every record under a root, with the problems met while loading them."""

    root: Path
    organisation: Organisation | None
    records: list[LoadedRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    organisation_file: LoadedRecord | None = None
    as_of: dt.date = field(default_factory=dt.date.today)
    """The day the rules take as today (`--as-of`)."""

    _by_id: dict[str, dict[str, LoadedRecord]] = field(default_factory=dict, init=False, repr=False)
    _memo: dict[Hashable, Any] = field(default_factory=dict, init=False, repr=False)
    loading: bool = False
    """True while the records are being read one by one (see `load_records`' `each`): only the organisation,
    `as_of` and which ids exist (`has`, `ids`) are known, and reading another record's model is refused."""

    def memo(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """`compute()`, worked out once for the whole folder: for a rule that looks at every record of a kind from
        each record, so that it stays linear in the number of records."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def of(self, kind: str) -> list[Any]:
        """The valid records of one kind, in file order."""
        return [r.model for r in self.loaded(kind) if r.model is not None]

    def loaded(self, kind: str) -> list[LoadedRecord]:
        """Every file of one kind, valid or not (the organisation file for `organisation`)."""
        if kind == ORGANISATION.name:
            return [self.organisation_file] if self.organisation_file is not None else []
        self._refuse_while_loading(f"the {kind} records")
        return self._by_kind.get(kind, [])

    def has(self, kind: str, record_id: str) -> bool:
        """Whether a file of the kind has this id."""
        return record_id in self._ids(kind)

    def ids(self, kind: str) -> list[str]:
        """The ids of every file of one kind."""
        return list(self._ids(kind))

    def find(self, kind: str, record_id: str) -> LoadedRecord | None:
        """The file of a kind whose id is `record_id`."""
        self._refuse_while_loading(f"the {kind} {record_id}")
        return self._ids(kind).get(record_id)

    def _refuse_while_loading(self, what: str) -> None:
        """A programming error, not a problem in the records: something read while loading what it can only
        read once every record is loaded (a rule that reads other records must say so: `rule(across=...)`)."""
        if self.loading:
            raise RuntimeError(f"{what} were asked for before every record was loaded")

    @cached_property
    def kpis(self) -> dict[str, tuple[Any, Any]]:
        """Every action's KPI given an id, with the action defining it (`action.kpis_by_id`), read once."""
        from .action import kpis_by_id

        return kpis_by_id(self.of("action"))

    @cached_property
    def _by_kind(self) -> dict[str, list[LoadedRecord]]:
        index: dict[str, list[LoadedRecord]] = {}
        for record in self.records:
            index.setdefault(record.kind.name, []).append(record)
        return index

    def _ids(self, kind: str) -> dict[str, LoadedRecord]:
        """The files of one kind by id (the first of two with one id), indexed when the kind is first asked for."""
        if kind not in self._by_id:
            self._by_id[kind] = {r.stem: r for r in reversed(self._by_kind.get(kind, []))}
        return self._by_id[kind]


def work_tree_top(root: Path) -> Path:
    """The top of the git work tree holding `root` (the nearest folder with `.git`), or `root` itself
    when it is in none: where CI and code scanning expect file paths to start."""
    root = root.resolve()
    for folder in (root, *root.parents):
        if (folder / ".git").exists():
            return folder
    return root


def inside_root(path: Path, root: Path) -> bool:
    """Whether `path`, with every symbolic link followed, is under `root`.

    Every command that reads or writes files of a records folder asks this first: a link that leads
    out of the folder is never followed, so nothing outside it is read, shown or overwritten.
    """
    return path.resolve().is_relative_to(root.resolve())


LINK_OUTSIDE = ("this symbolic link points outside the records folder and was not followed; copy the "
                "file in instead")


def organisation_sector(start: Path) -> str | None:
    """The sector the organisation file above `start` gives, or None when there is none to read."""
    try:
        root = find_root(start)
        document = load_document(root / ORGANISATION_FILE, ORGANISATION_FILE)
    except (RootNotFound, LoadError, OSError):
        return None
    sector = document.data.get("sector")
    return sector if isinstance(sector, str) else None


def load_records(root: Path, as_of: dt.date | None = None, positions: bool = False,
                 track: Callable[[Sequence[LoadedRecord]], Iterable[LoadedRecord]] | None = None,
                 each: Callable[[LoadedRecord, RecordSet], None] | None = None) -> RecordSet:
    """Read and validate the organisation file and every record file under `root` (today: `as_of`).

    Without `positions`, a record file's positions are read again only for a problem, and a valid
    record keeps only its model (see `Document`): much less memory at scale. A command that
    names the line of many valid records (deadlines) asks for positions. `track`, if given, wraps the
    record files to be read (e.g. to move a progress bar as each is read).

    `each`, if given, is called with every file (the organisation file first) as soon as it is read, while
    the set is still `loading`: what it needs of one record can be taken then, and the record made smaller
    (`slim`) before the next is read, so that a folder of any size is never held whole.
    """
    problems: list[Problem] = []
    organisation = LoadedRecord(ORGANISATION, ORGANISATION_FILE, None, None)
    _load(root, root / ORGANISATION_FILE, organisation, problems, positions)
    # every file is listed before any is read, so that which ids exist is known from the start
    listed = [LoadedRecord(kind, path.relative_to(root).as_posix(), None, None)
              for kind in RECORD_KINDS for path in _record_files(root, kind, problems)]
    records = RecordSet(root=root, organisation=organisation.model, records=listed, problems=problems,
                        organisation_file=organisation, as_of=as_of or dt.date.today(), loading=True)
    if each is not None:
        each(organisation, records)
    for record in track(listed) if track else listed:
        _load(root, root / record.file, record, problems, positions)
        if each is not None:
            each(record, records)
    records.loading = False
    return records


def slim(record: LoadedRecord, fields: Sequence[str] | None) -> None:
    """Keep of a valid record's model only the `fields` still to be read (None: all of it), and let its file's
    data and positions go (they are read again from the file if a problem asks where something is)."""
    if record.document is not None:
        record.document.release()
    if record.model is not None and fields is not None:
        record.model = slim_view(record.model, tuple(fields))


def _record_files(root: Path, kind: Kind, problems: list[Problem]) -> list[Path]:
    folder = root / str(kind.folder)
    if not folder.is_dir():
        return []
    if not inside_root(folder, root):
        problems.append(Problem(kind.folder or "", 1, 1, "", "EK101", "error", LINK_OUTSIDE))
        return []
    files = []
    for path in sorted(folder.iterdir()):
        rel = path.relative_to(root).as_posix()
        if path.name.startswith("."):
            continue
        if not inside_root(path, root):
            problems.append(Problem(rel, 1, 1, "", "EK101", "error", LINK_OUTSIDE))
        elif path.is_dir():
            problems.append(Problem(rel, 1, 1, "", "EK208", "warning", f"folders inside {kind.folder}/ "
                                    f"are not read; move its files up into {kind.folder}/"))
        elif path.suffix in YAML_SUFFIXES:
            files.append(path)
        else:
            problems.append(Problem(rel, 1, 1, "", "EK208", "warning", f"only .yaml files are read in "
                                    f"{kind.folder}/; rename the file or move it to evidence/"))
    return files


def _load(root: Path, path: Path, record: LoadedRecord, problems: list[Problem], positions: bool) -> None:
    """Read one file into `record` (listed, not yet read): its document, and its model if it is valid."""
    kind, rel = record.kind, record.file
    if kind is ORGANISATION and not inside_root(path, root):  # record files are checked when listed
        problems.append(Problem(rel, 1, 1, "", "EK101", "error", LINK_OUTSIDE))
        return
    try:
        document = load_document(path, rel, positions, root)
    except LoadError as exc:
        problems.append(exc.problem)
        return
    document = _migrate(document, kind, problems)
    model = validate_document(document, kind.model, problems)
    if kind.folder is not None and isinstance(document.data.get("id"), str):
        _check_id(document, path.stem, problems)
    salvaged = salvage(document.data, kind.model) if model is None and kind.folder is not None else None
    if model is not None and not positions:
        document.release()  # the model holds the values; a problem found later reads the file again
    record.document, record.model, record.salvaged = document, model, salvaged


def _migrate(document: Document, kind: Kind, problems: list[Problem]) -> Document:
    """The document with old key names under their current ones (positions too), a warning at each."""
    data = migrate_keys(document.data, kind.model)
    if data is document.data:
        return document
    renamed = {old: new for old, new in renamed_keys(kind.model).items() if old in document.data and new in data}
    for old, new in renamed.items():
        span = document.span((old,))
        problems.append(Problem(document.file, span.key_line, span.key_column, old, "EK425", "warning",
                                f"`{old}` is now called `{new}`; rename it (`equitykit fmt` does it for you)"))
    positions = {(renamed.get(str(loc[0]), loc[0]), *loc[1:]) if loc else loc: span
                 for loc, span in document.positions.items()}
    return Document(document.file, data, positions)


def validate_document(document: Document, model: type[BaseModel], problems: list[Problem]) -> Any:
    """Validate loaded data against a model; append problems and return the model or None."""
    try:
        return model.model_validate(document.data)
    except ValidationError as exc:
        problems.extend(validation_problems(exc, model, document))
        return None


def _check_id(document: Document, stem: str, problems: list[Problem]) -> None:
    record_id = document.data["id"]
    if record_id != stem:
        span = document.span(("id",))
        problems.append(Problem(document.file, span.line, span.column, "id", "EK207", "error",
                                f"the id `{record_id}` does not match the file name `{stem}`; "
                                f"change it to `{stem}` or rename the file"))
