"""Safe YAML 1.2 loading that keeps the line and column of every key and value.

The file is composed into ruamel.yaml nodes (nothing is constructed or executed) and turned
into plain Python values by this module, so that tags, duplicate keys, aliases and depth are
under our control and every value's position is known.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.tag import Tag

from ..problem import Problem

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 200_000
SHARED_TEXT = 32  # text up to this length is interned: one copy however many records repeat it

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Span:
    """Where a key and its value start (1-based lines and columns)."""

    key_line: int
    key_column: int
    line: int
    column: int


@dataclass(slots=True)
class Document:
    """A loaded YAML file: its data and the position of every path in it.

    Positions cost more memory than the data, and most files never need them. A document loaded with
    `positions=False` remembers the folder it is in (`root`, shared by every record) and reads the file
    again, with positions, the first time
    a problem asks where something is; once its model is built, `release` lets the data go the same way.
    """

    file: str
    _data: Any
    _positions: dict[Loc, Span] | None = field(default=None, repr=False)
    root: Path | None = field(default=None, repr=False)  # `file` is read again from root / file

    @property
    def data(self) -> Any:
        """The loaded values: kept from loading, or read again from the file after `release`."""
        if self._data is None:
            self._reread()
        return self._data

    @property
    def positions(self) -> dict[Loc, Span]:
        """Where every key path is: kept from loading, or read again from the file when first asked."""
        if self._positions is None:
            self._reread()
        return self._positions or {}

    def release(self) -> None:
        """Let the data go (a document with a `root` reads it again if asked): its model holds the values."""
        if self.root is not None:
            self._data = None

    def _reread(self) -> None:
        """Read the file again with positions; if it no longer loads, nothing is known (every span is 1:1)."""
        try:
            again = load_document(self.root / self.file, self.file) if self.root is not None else None
        except LoadError:  # changed since it was loaded
            again = None
        self._data = again.data if again is not None else (self._data or {})
        self._positions = again.positions if again is not None else {}

    def span(self, loc: Loc) -> Span:
        """The position of `loc`, or of its nearest ancestor that has one."""
        while loc not in self.positions and loc:
            loc = loc[:-1]
        return self.positions.get(loc, Span(1, 1, 1, 1))

    def value(self, loc: Loc) -> Any:
        """The loaded value at a key path, or None if there is none."""
        return value_at(self.data, loc)


def value_at(data: Any, loc: Loc) -> Any:
    """The value at a key path in loaded data, or None if there is none."""
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


class LoadError(Exception):
    """A file that cannot be read as one YAML mapping; carries the problem to report."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


def load_document(path: Path, file: str, positions: bool = True, root: Path | None = None) -> Document:
    """Read and parse one YAML file; raise `LoadError` with a plain-English problem.

    With `positions=False` the positions are read again from the file only if they are asked for;
    `root` is the folder `file` is relative to (give the same one for every file: one Path, not one each).
    """
    document = parse_document(read_text(path, file), file, positions)
    if not positions:
        document.root = root if root is not None else path.parents[file.count("/")]
    return document


def read_text(path: Path, file: str) -> str:
    """Read a file as UTF-8 text, refusing binary, other encodings and huge files."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            _fail(file, 1, 1, "EK109", f"the file is {size / 1048576:.1f} MB, more than the "
                  f"{MAX_FILE_BYTES // 1048576} MB a record may be; split it or remove what does not belong")
        raw = path.read_bytes()
    except OSError as exc:
        _fail(file, 1, 1, "EK101", f"cannot read the file ({exc.strerror or exc}); check it exists "
              "and that you have permission to read it")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        _fail(file, 1, 1, "EK101", "the file is saved as UTF-16; save it as UTF-8 instead")
    if b"\x00" in raw:
        _fail(file, 1, 1, "EK101", "this is a binary file, not YAML text; records must be plain UTF-8 text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        _fail(file, line, column, "EK101", f"byte 0x{raw[exc.start]:02x} is not valid UTF-8; "
              "save the file as UTF-8 (in Excel or Notepad: Save As, encoding UTF-8)")
    return text.replace("\r\n", "\n")


def parse_document(text: str, file: str, positions: bool = True) -> Document:
    """Parse YAML text that must hold exactly one mapping; `positions=False` records none (see `Document`)."""
    _check_depth(text, file)
    try:
        nodes = _compose_all(text)
    except MarkedYAMLError as exc:
        _syntax_problem(exc, text, file)
    except ReaderError as exc:
        before = text[: exc.position]
        line, column = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
        _fail(file, line, column, "EK110", f"the text holds the control character U+{exc.character:04X}; "
              "records are published, so remove it")
    except YAMLError as exc:
        _fail(file, 1, 1, "EK102", f"YAML syntax error: {str(exc).split(chr(10))[0]}")
    nodes = [node for node in nodes if not _is_empty(node)]
    if not nodes:
        _fail(file, 1, 1, "EK105", "the file is empty; add the record's fields or delete the file")
    if len(nodes) > 1:
        second = nodes[1].start_mark
        _fail(file, second.line + 1, 1, "EK104", "the file holds several YAML documents (separated "
              "by ---); keep one record per file")
    root = nodes[0]
    if not isinstance(root, MappingNode):
        mark = root.start_mark
        _fail(file, mark.line + 1, mark.column + 1, "EK106",
              "the file must be a mapping of keys to values (like `id: OBJ-01`), not a list or a single value")
    builder = _Builder(file, positions)
    try:
        data = builder.build(root, (), 0)
    except _NeedsPositions:  # a problem whose message needs positions: build again with them
        return parse_document(text, file)
    return Document(file, data, builder.positions if positions else None)


_LEADING = re.compile(r"^[ \t?:-]*", re.MULTILINE)
_BRACKETS = re.compile(r"[\[\]{}]")


class _PlainResolver(VersionedResolver):
    """Tags every untagged node with the default str, seq or map tag.

    Untagged scalars are marked `_UNTAGGED` and resolved by `resolve_plain_scalar` (YAML 1.2
    core schema) instead: ruamel's resolver would cost a regex search per value, and its
    results would be thrown away.
    """

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode:
            return _UNTAGGED
        if kind is SequenceNode:
            return self.DEFAULT_SEQUENCE_TAG
        return self.DEFAULT_MAPPING_TAG


try:
    from ruamel.yaml.cyaml import CParser
except ImportError:  # no C extension: ruamel's pure-Python parser
    CParser = None


def _compose_all(text: str) -> list[Node]:
    """Compose every document of `text` into nodes, safely as YAML 1.2 (C parser when available)."""
    if CParser is None:
        return _compose_pure(text)
    composer = _CComposer(text)
    try:
        nodes = []
        while composer.check_node():
            nodes.append(composer.get_node())
        return nodes
    except MarkedYAMLError as exc:
        if exc.problem != _COLON_IN_FLOW:
            raise
    finally:
        composer.dispose()
    return _compose_pure(text)  # YAML 1.2 allows what libyaml refuses: a colon inside [hia:3]


_COLON_IN_FLOW = "found unexpected ':'"
"""What libyaml (ruamel's C parser) says of a plain scalar holding a colon inside [ ] or { }, such as
`tags: [hia:3, wres:2]`. YAML 1.2 allows a colon that is not followed by a space there, and ruamel's
pure-Python parser reads it; files that hold one are read by it (a few times slower), the rest by C."""


def _compose_pure(text: str) -> list[Node]:
    """Compose every document of `text` with ruamel's pure-Python parser."""
    yaml = _composer()
    try:
        return list(yaml.compose_all(text))
    finally:
        yaml.doc_infos.clear()  # one per call otherwise, kept for ever


if CParser is not None:
    class _CComposer(CParser, _PlainResolver):
        """ruamel's C parser and composer with our resolver: what `YAML(typ="safe").compose_all` builds
        for each call, built once (a class a file cost a tenth of the loading time)."""

        def __init__(self, text: str):
            CParser.__init__(self, text)
            _PlainResolver.__init__(self, version=(1, 2), loadumper=self)


@lru_cache(maxsize=1)
def _composer() -> YAML:
    """One safe YAML 1.2 composer (pure Python), reused for every file when the C parser is missing."""
    yaml = YAML(typ="safe", pure=True)
    yaml.version = (1, 2)
    yaml.Resolver = _PlainResolver
    return yaml


def _check_depth(text: str, file: str) -> None:
    """Refuse absurd nesting before the C parser sees it (it recurses, and can crash).

    Conservative bounds: each block level needs a character of indentation or an indicator
    at the start of a line, and each flow level an opening bracket.
    """
    widest = max((len(m.group()) for m in _LEADING.finditer(text)), default=0)
    depth = deepest = 0
    if text.count("[") + text.count("{") > MAX_DEPTH:
        for match in _BRACKETS.finditer(text):
            depth += 1 if match.group() in "[{" else -1
            deepest = max(deepest, depth)
    if widest > 4 * MAX_DEPTH or deepest > MAX_DEPTH:
        _fail(file, 1, 1, "EK109", f"the file nests more than {MAX_DEPTH} levels deep; flatten it")


def _is_empty(node: Node | None) -> bool:
    return node is None or (isinstance(node, ScalarNode) and not node.style and node.value == "")


def _fail(file: str, line: int, column: int, code: str, message: str) -> None:
    raise LoadError(Problem(file, line, column, "", code, "error", message))


_TAB_INDENT = re.compile(r"^[ ]*\t")


def _syntax_problem(exc: MarkedYAMLError, text: str, file: str) -> None:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    column = mark.column + 1 if mark else 1
    lines = text.splitlines()
    for number in range(max(line - 1, 1), min(line, len(lines)) + 1):
        if _TAB_INDENT.match(lines[number - 1]):
            _fail(file, number, lines[number - 1].index("\t") + 1, "EK108",
                  "a tab is used for indentation; YAML needs spaces (replace each tab with two spaces)")
    what = (exc.problem or exc.context or "the text is not valid YAML").split("\n  in ")[0].strip()
    hint = ""
    if "mapping values are not allowed" in what:
        hint = "; a value containing ': ' must be put in quotes"
    elif "could not find expected ':'" in what or "expected <block end>" in what:
        hint = "; check the indentation of this line and the one before it"
    if "recursive" in what:
        code = "EK109"
    else:
        code = "EK102"
    _fail(file, line, column, code, f"YAML syntax error: {what}{hint}")


CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Characters records may not hold (C0 and C1 controls but tab, new line and carriage return)."""
_CORE = "tag:yaml.org,2002:"
_UNTAGGED_NAME = "tag:equitykit,2025:untagged"
_UNTAGGED = Tag(suffix=_UNTAGGED_NAME)
_CORE_SCALAR_TAGS = {_CORE + t for t in ("int", "float", "bool", "null")}
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_OCT = re.compile(r"^0o[0-7]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_SPECIAL_FLOAT = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan")}


def resolve_plain_scalar(value: str) -> Any:
    """Resolve an unquoted scalar by the YAML 1.2 core schema (so `yes` and dates stay text)."""
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        return int(value)
    if _OCT.match(value):
        return int(value[2:], 8)
    if _HEX.match(value):
        return int(value[2:], 16)
    if _FLOAT.match(value):
        return float(value)
    if value.lower() in _SPECIAL_FLOAT:
        return _SPECIAL_FLOAT[value.lower()]
    return value


class _NeedsPositions(Exception):
    """Raised by a builder that records no positions when a problem's message needs them."""


class _Builder:
    """Turns composed nodes into dicts, lists and scalars, recording positions if asked."""

    def __init__(self, file: str, record_positions: bool = True):
        self.file = file
        self.record_positions = record_positions
        self.positions: dict[Loc, Span] = {}
        self.nodes = 0

    def build(self, node: Node, loc: Loc, depth: int, key_node: Node | None = None) -> Any:
        self.nodes += 1
        mark = node.start_mark
        if depth > MAX_DEPTH:
            _fail(self.file, mark.line + 1, mark.column + 1, "EK109",
                  f"the file nests more than {MAX_DEPTH} levels deep; flatten it")
        if self.nodes > MAX_NODES:
            _fail(self.file, mark.line + 1, mark.column + 1, "EK109",
                  f"the file expands to more than {MAX_NODES:,} values (are aliases (*name) "
                  "repeating a large anchor?); write the values out or split the file")
        if self.record_positions and loc not in self.positions:
            key_mark = (key_node or node).start_mark
            self.positions[loc] = Span(key_mark.line + 1, key_mark.column + 1, mark.line + 1, mark.column + 1)
        if isinstance(node, MappingNode):
            return self._mapping(node, loc, depth)
        if isinstance(node, SequenceNode):
            self._check_tag(node, _CORE + "seq")
            return [self.build(item, loc + (i,), depth + 1) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)  # the composer makes only these three kinds of node
        return self._scalar(node)

    def _mapping(self, node: MappingNode, loc: Loc, depth: int) -> dict[str, Any]:
        self._check_tag(node, _CORE + "map")
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            mark = key_node.start_mark
            if not isinstance(key_node, ScalarNode):
                _fail(self.file, mark.line + 1, mark.column + 1, "EK102",
                      "a key must be plain text, not a list or mapping")
            key = key_node.value
            if key in result:
                if not self.record_positions:
                    raise _NeedsPositions
                first = self.positions[loc + (key,)]
                _fail(self.file, mark.line + 1, mark.column + 1, "EK103",
                      f"`{key}` appears twice in this mapping (first on line {first.key_line}); "
                      "keep one and delete the other")
            result[key] = self.build(value_node, loc + (key,), depth + 1, key_node)
        return result

    def _scalar(self, node: ScalarNode) -> Any:
        value = self._value(node)
        # short text repeats across records (statuses, slugs, ids, dates, roles): keep one copy of each
        return sys.intern(value) if type(value) is str and len(value) <= SHARED_TEXT else value

    def _value(self, node: ScalarNode) -> Any:
        tag = node.tag
        if tag == _UNTAGGED_NAME:
            # quoted, literal or folded scalars are always text; plain ones by the core schema
            return self._text(node) if node.style else resolve_plain_scalar(node.value)
        if tag in _CORE_SCALAR_TAGS:
            return resolve_plain_scalar(node.value)
        self._check_tag(node, _CORE + "str")
        return self._text(node)

    def _text(self, node: ScalarNode) -> str:
        """A quoted scalar's text, refusing control characters written as escapes (e.g. "\\e[31m")."""
        found = CONTROL_CHARACTERS.search(node.value)
        if found:
            mark = node.start_mark
            _fail(self.file, mark.line + 1, mark.column + 1, "EK110",
                  f"the text holds the control character U+{ord(found.group()):04X}, written as an "
                  "escape in quotes; records are published, so remove it")
        return node.value

    def _check_tag(self, node: Node, expected: str) -> None:
        if node.tag != expected:
            mark = node.start_mark
            _fail(self.file, mark.line + 1, mark.column + 1, "EK107",
                  f"the tag `{str(node.tag).replace(_CORE, '!!')}` is not allowed; records hold plain "
                  "text, numbers, lists and mappings only (remove the tag)")
