"""The pre-commit and GitHub Actions configuration of a records folder, where the tools read them: at the
top of the git work tree holding the folder (the folder itself when it is in no repository), pointed at
the folder when it is not the top.

Nothing of the user's is overwritten: the hooks are added to an existing `.pre-commit-config.yaml` as
lines inserted into its `repos:` list (the rest of the file as it was, the result checked to mean the
same plus the hooks), and a workflow that is already there is left alone. Where a file cannot be
changed safely, the note says exactly what to add.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import atomic_write_text
from ..records.repository import work_tree_top

PRE_COMMIT_FILE = ".pre-commit-config.yaml"
WORKFLOWS = ".github/workflows"


@dataclass(frozen=True)
class Placement:
    """Where a records folder sits in its repository, and so where its tooling goes and what it names."""

    top: Path
    records: str
    """The records folder from the top, as git writes paths ("." when it is the top)."""

    @classmethod
    def of(cls, directory: Path) -> Placement:
        top = work_tree_top(directory)
        return cls(top, directory.resolve().relative_to(top).as_posix())

    @property
    def workflow_file(self) -> str:
        """The workflow's path from the top: one per records folder, so several bodies in one repository
        each have their own."""
        if self.records == ".":
            return f"{WORKFLOWS}/equitykit.yml"
        return f"{WORKFLOWS}/equitykit-{re.sub(r'[^A-Za-z0-9._-]+', '-', self.records).strip('-.')}.yml"

    def template_values(self) -> dict[str, object]:
        """What the README, hook and workflow templates need to point at the folder."""
        argument = "" if self.records == "." else f" {shlex.quote(self.records)}"
        return {"records": self.records, "records_argument": argument.strip(), "argument": argument,
                "files": "^" + re.escape(f"{self.records}/") + r".*\.ya?ml$",
                "paths": [f"{self.records}/**", self.workflow_file],
                "pre_commit_file": PRE_COMMIT_FILE, "workflow_file": self.workflow_file}


@dataclass
class ToolingResult:
    """The files written or changed at the top, and what to tell the person (on stderr)."""

    written: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def install_tooling(placement: Placement, pre_commit_text: str, workflow_text: str) -> ToolingResult:
    """Write or merge the hooks and write the workflow at the repository's top, never overwriting."""
    result = ToolingResult()
    _place_hooks(placement, pre_commit_text, result)
    _place_workflow(placement, workflow_text, result)
    return result


def _place_hooks(placement: Placement, ours: str, result: ToolingResult) -> None:
    path = placement.top / PRE_COMMIT_FILE
    if not path.exists():
        atomic_write_text(path, ours)
        result.written.append(path)
        return
    existing = path.read_text(encoding="utf-8")
    try:
        merged = merge_hooks(existing, ours)
    except CannotMerge as exc:
        result.notes.append(
            f"{path} is already there and was left as it was ({exc}). To run the equitykit checks before each "
            f"commit, add this entry to its repos: list:\n{_repo_entry(ours, 2)}")
        return
    if merged is None:
        result.notes.append(f"{path} already runs the equitykit hooks for {placement.records}; left as it was")
        return
    atomic_write_text(path, merged)
    result.written.append(path)
    result.notes.append(f"added the equitykit hooks for {placement.records} to {path} (pre-commit reads it "
                        "only at the repository's top); the rest of it is as it was")


def _place_workflow(placement: Placement, ours: str, result: ToolingResult) -> None:
    path = placement.top / placement.workflow_file
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, ours)
        result.written.append(path)
        return
    if path.read_text(encoding="utf-8") == ours:
        return
    result.notes.append(
        f"{path} is already there and was left as it was. To check these records on GitHub, save this workflow "
        f"under another name in {placement.top / WORKFLOWS}, or add its steps to yours:\n{ours.rstrip()}")


class CannotMerge(Exception):
    """An existing pre-commit configuration that the hooks cannot be added to without rewriting it."""


def _load(text: str):
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).load(text)


def merge_hooks(existing: str, ours: str) -> str | None:
    """`existing` with the repo entry of `ours` inserted as the last item of its `repos:` list, every
    other line as it was; None when it already has every hook of ours. Raises `CannotMerge` when the
    file is not a configuration the entry can be inserted into, or the result would mean anything else."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    entry = _load(ours)["repos"][0]
    try:
        before = _load(existing)
        document = YAML(typ="safe", pure=True).compose(existing)
    except YAMLError as exc:
        raise CannotMerge(f"it is not valid YAML: {str(exc).splitlines()[0]}") from exc
    if not isinstance(before, dict) or not isinstance(document, MappingNode):
        raise CannotMerge("it is not a pre-commit configuration: no repos: list")
    repos = next((value for key, value in document.value if key.value == "repos"), None)
    if not isinstance(repos, SequenceNode) or repos.flow_style or not repos.value:
        raise CannotMerge("its repos: is not a list of repositories written one per line")
    if _has_hooks(before["repos"], entry["hooks"]):
        return None
    lines = existing.splitlines(keepends=True)
    end = repos.end_mark.line if repos.end_mark.column == 0 else repos.end_mark.line + 1
    while end > 0 and lines[end - 1].strip()[:1] in ("", "#"):  # after its last line, not the next key's comments
        end -= 1
    if lines[end - 1:end] and not lines[end - 1].endswith("\n"):
        lines[end - 1] += "\n"
    column = repos.value[-1].start_mark.column - 2
    merged = "".join([*lines[:end], _repo_entry(ours, column), *lines[end:]])
    try:
        after = _load(merged)
    except YAMLError as exc:
        raise CannotMerge("its layout leaves no safe place for the entry") from exc
    if after != {**before, "repos": [*before["repos"], entry]}:
        raise CannotMerge("its layout leaves no safe place for the entry")
    return merged


def _has_hooks(repos: list, hooks: list[dict]) -> bool:
    """Whether every hook of ours (id, command and files) is already in a local repo of `repos`."""
    theirs = {(hook.get("id"), hook.get("entry"), hook.get("files")) for repo in repos if isinstance(repo, dict)
              and repo.get("repo") == "local" for hook in repo.get("hooks") or [] if isinstance(hook, dict)}
    return all((hook["id"], hook["entry"], hook["files"]) in theirs for hook in hooks)


def _repo_entry(ours: str, column: int) -> str:
    """The `- repo: local` item of our configuration with its comments, its dash at `column`."""
    lines = ours.splitlines(keepends=True)
    start = next(index for index, line in enumerate(lines) if line.lstrip().startswith("- repo:"))
    shift = column - (len(lines[start]) - len(lines[start].lstrip()))
    return "".join(" " * shift + line if shift >= 0 else line[-shift:] for line in lines[start:])
