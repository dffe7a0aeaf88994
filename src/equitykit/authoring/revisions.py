"""Read the record files of a git revision (through git, never the work tree) or of the work tree."""

from __future__ import annotations

import subprocess
from pathlib import Path

from ..records.kinds import KINDS_BY_FOLDER, ORGANISATION_FILE, kind_of_path
from ..records.repository import inside_root


class GitError(Exception):
    """git could not answer: not a repository, an unknown revision, or git is missing."""


def _git(top: Path, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(top), *args], input=stdin, capture_output=True, check=False)
    except OSError as exc:
        raise GitError(f"cannot run git ({exc.strerror or exc}); install git or put it on the PATH") from None
    if done.returncode != 0:
        raise GitError(done.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed")
    return done.stdout


def repository_top(path: Path) -> Path:
    """The top folder of the git repository holding `path`."""
    try:
        return Path(_git(path, "rev-parse", "--show-toplevel").decode().strip())
    except GitError:
        raise GitError(f"{path} is not inside a git repository; diff compares git revisions") from None


def resolve_revision(top: Path, revision: str) -> str:
    """The commit id of `revision`, or a `GitError` naming it."""
    try:
        found = _git(top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")
        return found.decode().strip()
    except GitError:
        raise GitError(f"unknown revision {revision!r}; give a branch, tag or commit that exists "
                       "(in CI, fetch the history with fetch-depth: 0)") from None


def is_revision(path: Path, revision: str) -> bool:
    """Whether `revision` names a commit in the repository holding `path`."""
    try:
        resolve_revision(repository_top(path), revision)
    except GitError:
        return False
    return True


def is_record_file(relative: str) -> bool:
    """Whether a path relative to the records root is a file that holds a record."""
    return kind_of_path(relative) is not None and not relative.rpartition("/")[2].startswith(".")


def revision_files(top: Path, commit: str, root: Path) -> dict[str, bytes]:
    """The record files of the records folder `root` at `commit`, by path relative to `root`."""
    prefix = root.resolve().relative_to(top.resolve()).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    listing = _git(top, "ls-tree", "-r", "-z", commit, *(["--", prefix] if prefix else []))
    paths = {}
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _, name = entry.partition(b"\t")
        relative = name.decode("utf-8", "replace").removeprefix(prefix)
        if meta.split()[1] == b"blob" and is_record_file(relative):
            paths[relative] = name
    if not paths:
        return {}
    batch = b"".join(commit.encode() + b":" + name + b"\n" for name in paths.values())
    output = _git(top, "cat-file", "--batch", stdin=batch)
    files, position = {}, 0
    for relative in paths:
        header_end = output.index(b"\n", position)
        size = int(output[position:header_end].split()[2])
        files[relative] = output[header_end + 1: header_end + 1 + size]
        position = header_end + 1 + size + 1
    return files


def work_tree_files(root: Path) -> dict[str, bytes]:
    """The record files of the records folder as they are on disk now."""
    files = {}
    folders = [root / folder for folder in KINDS_BY_FOLDER if folder is not None]
    candidates = [root / ORGANISATION_FILE,
                  *(path for folder in folders if folder.is_dir() for path in folder.iterdir())]
    for path in candidates:
        relative = path.relative_to(root).as_posix()
        if path.is_file() and is_record_file(relative) and inside_root(path, root):
            files[relative] = path.read_bytes()
    return files
