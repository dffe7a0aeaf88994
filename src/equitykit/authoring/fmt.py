"""`equitykit fmt`: one canonical layout for record files that keeps every comment and value.

The file is read with ruamel.yaml's round-trip mode, its keys put in the schema's field order
(unknown keys after the known ones, in their place), collections written in block style with
2-space indentation, and comments re-indented to the line they describe. The result is then
checked: if its data or its comments differ from the original's, the file is left alone.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.tokens import CommentToken

from ..atomic import atomic_write_text
from ..records.common import migrate_keys, renamed_keys
from ..records.fields import field_names_at
from ..records.loader import LoadError, Loc, parse_document, read_text
from .layout import Comment, scan_layout
from .selection import FormatTarget

_KEPT_AS_WRITTEN = tuple(f"tag:yaml.org,2002:{name}" for name in ("timestamp", "float", "int", "bool", "null"))


class _AsWritten(str):
    """A plain number, date, boolean or null kept exactly as written (`1.10`, `1_000`, `~`)."""

    tag: str


def _construct_as_written(constructor: RoundTripConstructor, node: Any) -> _AsWritten:
    value = _AsWritten(node.value)
    value.tag = node.tag
    return value


class _Constructor(RoundTripConstructor):
    pass


class _Representer(RoundTripRepresenter):
    pass


for _tag in _KEPT_AS_WRITTEN:
    _Constructor.add_constructor(_tag, _construct_as_written)
_Representer.add_representer(_AsWritten, lambda representer, data: representer.represent_scalar(data.tag, data))


class UnsafeFormat(Exception):
    """Formatting would have changed a value or lost a comment; the file is left as it is."""


def round_trip_yaml() -> YAML:
    """Round-trip YAML that keeps comments and quotes, and writes dates and numbers as they were read."""
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    yaml.Representer = _Representer
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    return yaml


def format_text(text: str, model: type[BaseModel] | None) -> str:
    """The canonical layout of YAML text; keys ordered by `model` when one is given.

    Raises `UnsafeFormat` rather than return text whose data or comments differ.
    """
    source = text.removeprefix("\ufeff").replace("\r\n", "\n")
    try:
        data = round_trip_yaml().load(source)
    except YAMLError as exc:
        raise UnsafeFormat(f"ruamel.yaml cannot read it for formatting ({type(exc).__name__})") from None
    if not isinstance(data, CommentedMap):
        raise UnsafeFormat("the file is not a mapping")
    trailing = _move_comments_to_next_key(data)
    if model is not None:
        _rename_old_keys(data, model)
    _canonical(data, model, ())
    stream = io.StringIO()
    round_trip_yaml().dump(data, stream)
    try:
        formatted = _tidy(stream.getvalue() + "".join(trailing))
    except YAMLError:  # ruamel.yaml wrote text it cannot read back (a round-trip defect)
        raise UnsafeFormat("formatting would write text that does not read back") from None
    _prove_unchanged(source, formatted, model)
    return formatted


def _rename_old_keys(data: CommentedMap, model: type[BaseModel]) -> None:
    """Give each key of an earlier version its current name, keeping its place and comments."""
    for old, new in renamed_keys(model).items():
        if old in data and new not in data:
            position = list(data).index(old)
            comments = data.ca.items.pop(old, None)
            data.insert(position, new, data.pop(old))
            if comments is not None:
                data.ca.items[new] = comments


def _slots(node: Any, found: list[tuple[Any, Any, int]]) -> None:
    """Append every (collection, key or index, index of the slot after its value) in document order,
    with (collection, None, ...) after a collection's last item."""
    if not isinstance(node, (CommentedMap, CommentedSeq)):
        return
    for key in node if isinstance(node, CommentedMap) else range(len(node)):
        position = len(found)
        found.append((node, key, 0))
        _slots(node[key], found)
        found[position] = (node, key, len(found))
    found.append((node, None, len(found) + 1))


def _move_comments_to_next_key(root: CommentedMap) -> list[str]:
    """Re-attach whole-line comments to the key or item after them, so that they move with it.

    ruamel.yaml hangs the comment lines before a key on whatever precedes them (a value, or the
    end of a collection); once keys are reordered they would describe the wrong key. An end-of-line
    comment on a list item that holds a collection goes before the item (its `- ` will stand on the
    first line of the collection). Returns the comment lines left at the very end of the document.
    """
    slots: list[tuple[Any, Any, int]] = []
    _slots(root, slots)
    pending: dict[int, list[str]] = {}
    for position, (collection, key, after_value) in enumerate(slots):
        if key is None:
            ending = [line for token in collection.ca.end or [] for line in _lines(token.value)]
            pending.setdefault(after_value, []).extend([*pending.pop(position, []), *ending])
            collection.ca.end = []
            continue
        entry = collection.ca.items.setdefault(key, [None, None, None, None])
        before = pending.pop(position, [])
        in_list = isinstance(collection, CommentedSeq)
        token = entry[0 if in_list else 2]
        if isinstance(token, CommentToken):
            first, _, rest = token.value.partition("\n")
            if first and in_list and isinstance(collection[key], (CommentedMap, CommentedSeq)) and collection[key]:
                before.append(first.strip() + "\n")
                first = ""
            entry[0 if in_list else 2] = CommentToken(first + "\n", token.start_mark, None) if first else None
            pending.setdefault(after_value, []).extend(_lines(rest))
        if before:
            entry[1] = [CommentToken(line, CommentMark(0), None) for line in before] + (entry[1] or [])
    return [line for position in sorted(pending) for line in pending[position]]


def _lines(comment: str) -> list[str]:
    return [line + "\n" for line in comment.split("\n")[:-1]] if comment.endswith("\n") else (
        [line + "\n" for line in comment.split("\n")] if comment else [])


def _canonical(node: Any, model: type[BaseModel] | None, loc: Loc) -> None:
    """Order keys by the schema and write non-empty collections in block style, all the way down."""
    if not isinstance(node, (CommentedMap, CommentedSeq)):
        return
    if len(node) and not _short_flow(node):
        node.fa.set_block_style()
    if isinstance(node, CommentedMap):
        if model is not None:
            rank = {name: index for index, name in enumerate(field_names_at(model, loc))}
            for key in sorted(node, key=lambda key: rank.get(key, len(rank))):
                node.move_to_end(key)
        for key, value in node.items():
            _canonical(value, model, loc + (key,))
    else:
        for index, item in enumerate(node):
            _canonical(item, model, loc + (index,))
            _lift_first_key_comments(node, index, item)


SHORT_FLOW = 80
"""A flow collection of plain values (`[race, sex]`, `{white: 244, bme: 58}`) up to this long stays as written."""


def _short_flow(node: CommentedMap | CommentedSeq) -> bool:
    """Whether a collection was written in flow style, holds only plain values and is short."""
    values = list(node.values()) if isinstance(node, CommentedMap) else list(node)
    if not node.fa.flow_style() or any(isinstance(value, (CommentedMap, CommentedSeq)) for value in values):
        return False
    words = [*map(str, node), *map(str, values)] if isinstance(node, CommentedMap) else list(map(str, values))
    return sum(len(word) + 2 for word in words) <= SHORT_FLOW


def _lift_first_key_comments(sequence: CommentedSeq, index: int, item: Any) -> None:
    """Comments before the first key of a mapping in a list go before its `- `, not after it."""
    if not isinstance(item, CommentedMap) or not item:
        return
    entry = item.ca.items.get(next(iter(item)))
    if entry and entry[1]:
        target = sequence.ca.items.setdefault(index, [None, None, None, None])
        target[1] = (target[1] or []) + entry[1]
        entry[1] = None


def _tidy(text: str) -> str:
    """Indent whole-line comments like the line they precede, put two spaces before end-of-line
    comments, and remove trailing spaces, never touching the inside of a multi-line scalar."""
    layout = scan_layout(text)
    lines = text.split("\n")
    comments = {comment.line: comment for comment in layout.comments}
    for number in range(len(lines) - 1, -1, -1):
        comment = comments.get(number)
        if number in layout.scalar_lines:
            continue
        if comment is None:
            lines[number] = lines[number].rstrip(" \t")
        elif comment.full_line:
            lines[number] = " " * _indent_of_next(lines, number, comments) + comment.text
        else:
            lines[number] = lines[number][: comment.column].rstrip(" \t") + "  " + comment.text
    return "\n".join(lines).rstrip("\n") + "\n"


def _indent_of_next(lines: list[str], number: int, comments: dict[int, Comment]) -> int:
    for following in range(number + 1, len(lines)):
        line = lines[following]
        if line.strip() and (following not in comments or not comments[following].full_line):
            return len(line) - len(line.lstrip(" "))
    return 0


def _prove_unchanged(before: str, after: str, model: type[BaseModel] | None) -> None:
    try:
        old = parse_document(before, "").data
        same_data = (old if model is None else migrate_keys(old, model)) == parse_document(after, "").data
    except LoadError:
        same_data = False
    if not same_data:
        raise UnsafeFormat("formatting would change a value")
    if scan_layout(before).comment_texts() != scan_layout(after).comment_texts():
        raise UnsafeFormat("formatting would lose or alter a comment")


@dataclass
class FormatReport:
    """What `fmt` did or would do: files changed, and files left alone with the reason why."""

    changed: list[str] = field(default_factory=list)
    left_alone: list[str] = field(default_factory=list)
    unwritten: list[str] = field(default_factory=list)
    """Files that could not be written (each left as it was), with the reason."""


def format_files(files: list[FormatTarget], write: bool) -> FormatReport:
    """Format each (path, name to show, model) in turn; write changed files atomically if `write`."""
    report = FormatReport()
    for path, name, model in files:
        try:
            parse_document(read_text(path, name), name)  # the loader's own problems, with their lines
            raw = path.read_bytes().decode("utf-8")
            formatted = format_text(raw, model)
        except LoadError as exc:
            problem = exc.problem
            report.left_alone.append(f"{problem.file}:{problem.line}:{problem.column}: {problem.code} "
                                     f"{problem.message}")
            continue
        except UnsafeFormat as exc:
            report.left_alone.append(f"{name}: left as it is because {exc}; please report this file")
            continue
        if formatted != raw:
            if write:
                try:
                    atomic_write_text(path, formatted)
                except OSError as exc:
                    report.unwritten.append(f"cannot write {name}: {exc.strerror or exc}")
                    continue
            report.changed.append(name)
    return report
