"""`equitykit diff`: what changed in the records between two revisions, in the reviewer's terms.

Records added and removed; status changes (with their colours); moved due dates (how far, and why);
EDS gradings and the rating they lead to (or the total as published); EIA outcomes, impacts and
mitigations; Welsh text added, changed or removed (named as such, apart from the English edits). Then
every other field that changed, of every record kind (figures as published among them), before and
after: found by walking the loaded data beside the kind's model, and named with the field's words from
the model (its title, or `records.common.words` of its name), so a field added to a model is covered
without code here.
Records are compared as loaded data, so a record that does not validate is still compared.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, TypeGuard, get_args

from pydantic import BaseModel, ValidationError

from ..metrics.eds import GRADES, eds2_grade, eds2022_rating
from ..records.bilingual import WELSH_SUFFIX
from ..records.common import CHARACTERISTIC_NAMES, STATUS_COLOURS, migrate_keys, words
from ..records.dates import PartialDate, date_words, span_words
from ..records.fields import field_at, field_names_at, plain_type, type_at
from ..records.frameworks import FRAMEWORKS
from ..records.kinds import KINDS_BY_NAME, kind_of_path
from ..records.loader import LoadError, parse_document
from .revisions import repository_top, resolve_revision, revision_files, work_tree_files

WORK_TREE = "working tree"


@dataclass(frozen=True)
class Change:
    """One change a reviewer should see: its category, the record, a sentence, the values, and the key
    path of the field changed (e.g. `measures[0].target.value`; empty for a record added or removed, or a
    figure derived from several fields, such as the EDS overall rating)."""

    category: str
    kind: str
    id: str
    summary: str
    before: Any = None
    after: Any = None
    path: str = ""


@dataclass(frozen=True)
class RecordsDiff:
    """The changes between two revisions of a records folder."""

    base: str
    head: str
    changes: list[Change]
    invalid: tuple[str, ...] = ()
    """Record files at `head` that do not load or validate (compared only as such)."""

    def of(self, category: str) -> list[Change]:
        return [change for change in self.changes if change.category == category]


Snapshot = dict[tuple[str, str], dict | None]
"""Loaded data of every record by (kind, id); None for a file that does not load."""


def diff_revisions(root: Path, base: str, head: str | None) -> RecordsDiff:
    """Compare the records folder `root` at `base` with `head` (or with the work tree if None)."""
    top = repository_top(root)
    before = snapshot(revision_files(top, resolve_revision(top, base), root))
    files = work_tree_files(root) if head is None else revision_files(top, resolve_revision(top, head), root)
    after = snapshot(files)
    invalid = tuple(relative for relative in sorted(files) if (kind := kind_of_path(relative)) is not None
                    and after.get((kind.name, Path(relative).stem)) is None)
    return RecordsDiff(base, head or WORK_TREE, compare(before, after), invalid)


def snapshot(files: dict[str, bytes]) -> Snapshot:
    """The data of each record file, keyed by kind and id; None where the file does not load or
    does not fit its schema (the comparers rely on the schema's shape)."""
    records: Snapshot = {}
    for relative, content in sorted(files.items()):
        kind = kind_of_path(relative)
        if kind is None:  # not a record file (the callers give only record files)
            continue
        key = (kind.name, Path(relative).stem)
        try:
            data = migrate_keys(parse_document(content.decode("utf-8-sig").replace("\r\n", "\n"), relative).data,
                                kind.model)
            kind.model.model_validate(data)
        except (UnicodeDecodeError, LoadError, ValidationError):
            data = None
        records[key] = data
    return records


def compare(before: Snapshot, after: Snapshot) -> list[Change]:
    """Every change from `before` to `after`, records in kind and id order."""
    changes: list[Change] = []
    for key in sorted(before.keys() | after.keys()):
        kind, record_id = key
        if key not in before:
            changes.append(_added(kind, record_id, after[key] or {}))
        elif key not in after:
            changes.append(Change("removed", kind, record_id, f"{KINDS_BY_NAME[kind].title} {record_id} removed",
                                  _title(before[key]), None))
        else:
            old, new = before[key], after[key]
            if old is None or new is None:
                state = "no longer validates" if new is None else "validates again"
                changes.append(Change("changed", kind, record_id, f"{_record_name(kind, record_id)} changed: the file "
                                      f"{state} (see equitykit validate)", old is not None, new is not None))
            elif old != new:
                found = list(COMPARERS.get(kind, _nothing)(record_id, old, new))
                covered = [path for change in found for path in (change.path, *COVERS.get((kind, change.path), ()))
                           if change.path]
                found += [change for change in field_changes(kind, record_id, old, new)
                          if not any(_within(change.path, path) for path in covered)]
                changes.extend([*found, *_welsh_changes(kind, record_id, old, new)])
    return changes


def _within(path: str, outer: str) -> bool:
    """Whether the key path `path` is `outer` or inside it."""
    return path == outer or path.startswith((f"{outer}.", f"{outer}["))


def _without_welsh(value: Any) -> Any:
    """Loaded data without its Welsh texts (the `_cy` siblings), to compare the rest on its own."""
    if isinstance(value, dict):
        return {key: _without_welsh(item) for key, item in value.items() if not _is_welsh_key(key)}
    if isinstance(value, list):
        return [_without_welsh(item) for item in value]
    return value


def _is_welsh_key(key: Any) -> bool:
    """Whether a key names a Welsh text: `title_cy` (no other field of any kind ends in `_cy`)."""
    return isinstance(key, str) and key.endswith(WELSH_SUFFIX) and key != WELSH_SUFFIX


def _welsh_texts(value: Any, prefix: str = "") -> dict[str, Any]:
    """Every Welsh text inside loaded data by the key path of its English field, e.g. {"updates[0].note": ...}."""
    found: dict[str, Any] = {}
    if isinstance(value, dict):
        for key, item in value.items():
            path = f"{prefix}.{key}" if prefix else str(key)
            if _is_welsh_key(key):
                found[path.removesuffix(WELSH_SUFFIX)] = item
            else:
                found.update(_welsh_texts(item, path))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.update(_welsh_texts(item, f"{prefix}[{index}]"))
    return found


def _welsh_changes(kind: str, record_id: str, old: dict, new: dict):
    """Each Welsh text added, changed or removed, named by the English field it translates."""
    before, after = _welsh_texts(old), _welsh_texts(new)
    name = _record_name(kind, record_id)
    for path in dict.fromkeys([*before, *after]):
        was, now = before.get(path), after.get(path)
        if was == now:
            continue
        verb = "added" if was in (None, "", []) else ("removed" if now in (None, "", []) else "changed")
        yield Change("welsh", kind, record_id, f"{name}: Welsh text {verb} for {path} ({path}{WELSH_SUFFIX})",
                     was, now, f"{path}{WELSH_SUFFIX}")


def _title(data: dict | None) -> str | None:
    """What names a record in words: its title, or a highlight's text."""
    title = (data.get("title") or data.get("text")) if isinstance(data, dict) else None
    return title if isinstance(title, str) else None


def _added(kind: str, record_id: str, data: dict) -> Change:
    title = _title(data)
    summary = f"{KINDS_BY_NAME[kind].title} {record_id} added" + (f": {title}" if title else "")
    if kind == "eia":
        summary += f" (outcome: {data.get('outcome') or 'not yet recorded'})"
    return Change("added", kind, record_id, summary, None, title)


def _nothing(record_id: str, old: dict, new: dict):
    return iter(())


def _status(kind: str, record_id: str, old: dict, new: dict):
    before, after = old.get("status"), new.get("status")
    if before != after:
        yield Change("status", kind, record_id, f"{record_id}: {_coloured(before)} → {_coloured(after)}",
                     before, after, "status")


def _coloured(status: Any) -> str:
    colour = STATUS_COLOURS.get(status) if isinstance(status, str) else None
    if status is None:
        return "not stated"
    return f"{status} ({colour})" if colour else str(status)


def _moved(kind: str, record_id: str, old: dict, new: dict, field: str):
    before, after = old.get(field), new.get(field)
    if before == after:
        return
    summary = f"{record_id}: {field} {_due_words(before)} → {_due_words(after)}"
    summary += _shift(_due_date(before), _due_date(after))
    reason = _revision_reason(old, new)
    if reason:
        summary += f"; reason: {reason}"
    yield Change("due", kind, record_id, summary, before, after, field)


def _due_words(due: Any) -> str:
    """A due date as loaded, in words: a date at its precision, `ongoing`, or a period from start to end (a whole
    month or year reads as it)."""
    if isinstance(due, dict):
        try:
            return span_words(PartialDate.parse(due.get("start")), PartialDate.parse(due.get("end")))
        except ValueError:
            return f"{due.get('start')} to {due.get('end')}"
    return "not set" if due is None else _date_words(due)


def _date_words(value: Any) -> str:
    """A date as loaded (2025, 2025-10, 2025-10-01) in words at its precision, as the reports write it (2025,
    October 2025, 1 October 2025); anything else as it is (`ongoing`, or a value that does not validate)."""
    try:
        return date_words(PartialDate.parse(value))
    except ValueError:
        return str(value)


def _is_date(model: type[BaseModel], loc: Loc) -> bool:
    """Whether the model declares the value at `loc` a date of some precision (alone, or among a due date's
    forms)."""
    declared = plain_type(type_at(model, loc))
    return declared is PartialDate or any(plain_type(member) is PartialDate for member in get_args(declared))


def _due_date(due: Any) -> PartialDate | None:
    """The date a due date ends on (a day, a month or a year), or None when it is ongoing or not a date."""
    try:
        return PartialDate.parse(due.get("end") if isinstance(due, dict) else due)
    except ValueError:
        return None


def _shift(before: PartialDate | None, after: PartialDate | None) -> str:
    """How far a due date moved: days between two days; later or earlier between dates of a month or a year that
    do not overlap; nothing when they overlap (the date was made more or less precise)."""
    if before is None or after is None:
        return ""
    if before.is_day and after.is_day:
        days = (after.earliest - before.earliest).days
        return f" ({abs(days)} days {'later' if days > 0 else 'earlier'})"
    if after.earliest > before.latest:
        return " (later)"
    return " (earlier)" if after.latest < before.earliest else ""


def _revision_reason(old: dict, new: dict) -> str | None:
    """The reason of a due date revision added to the history in this change, if one was."""
    before, after = old.get("due_history"), new.get("due_history")
    before = before if isinstance(before, list) else []
    if not isinstance(after, list) or len(after) <= len(before) or not isinstance(after[-1], dict):
        return None
    reason = after[-1].get("reason")
    return reason if isinstance(reason, str) else None


def _action(record_id: str, old: dict, new: dict):
    yield from _status("action", record_id, old, new)
    yield from _moved("action", record_id, old, new, "due")


def _objective(record_id: str, old: dict, new: dict):
    yield from _status("objective", record_id, old, new)
    yield from _moved("objective", record_id, old, new, "end")


def _mapping(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _eia(record_id: str, old: dict, new: dict):
    """The outcome, each characteristic's impact and each mitigation added or changed."""
    before, after = old.get("outcome"), new.get("outcome")
    if before != after:
        yield Change("eia", "eia", record_id,
                     f"{record_id}: outcome {before or 'not yet recorded'} → {after or 'not yet recorded'}",
                     before, after, "outcome")
    old_findings, new_findings = _mapping(old.get("characteristics")), _mapping(new.get("characteristics"))
    for slug in dict.fromkeys([*old_findings, *new_findings]):
        was, now = _mapping(old_findings.get(slug)), _mapping(new_findings.get(slug))
        if was.get("impact") != now.get("impact"):
            yield Change("eia", "eia", record_id, f"{record_id}: {slug} impact {was.get('impact', 'not recorded')} "
                         f"→ {now.get('impact', 'not recorded')}", was.get("impact"), now.get("impact"),
                         f"characteristics.{slug}.impact")
        if was.get("mitigation") != now.get("mitigation") and now.get("mitigation"):
            verb = "changed" if was.get("mitigation") else "added"
            yield Change("eia", "eia", record_id, f"{record_id}: {slug} mitigation {verb}: {now['mitigation']}",
                         was.get("mitigation"), now.get("mitigation"), f"characteristics.{slug}.mitigation")
        elif was.get("mitigation") and not now.get("mitigation"):
            yield Change("eia", "eia", record_id, f"{record_id}: {slug} mitigation removed",
                         was.get("mitigation"), None, f"characteristics.{slug}.mitigation")


def _eds(record_id: str, old: dict, new: dict):
    name = new.get("framework")
    framework = FRAMEWORKS.get(name) if isinstance(name, str) else None
    if framework is None or old.get("framework") != new.get("framework"):
        return
    for code in framework.codes:
        before, after = _grade(framework.name, old, code), _grade(framework.name, new, code)
        if before != after:
            field = "score" if framework.name == "eds2022" else "grade"
            yield Change("eds", "eds", record_id, f"EDS {record_id} outcome {code}: {before} → {after}", before, after,
                         f"outcomes.{code}.{field}")
    if framework.name == "eds2022":
        before, after = _overall(old), _overall(new)
        if before != after:
            yield Change("eds", "eds", record_id, f"EDS {record_id} overall: {before} → {after}", before, after)


def _shown(value: Any) -> str:
    """A value as a change names it: its text, or "none" when there is none."""
    return "none" if value is None else str(value)


def _outcome(data: dict, code: str) -> dict:
    outcomes = data.get("outcomes")
    outcome = outcomes.get(code) if isinstance(outcomes, dict) else None
    return outcome if isinstance(outcome, dict) else {}


def _grade(framework: str, data: dict, code: str) -> str:
    outcome = _outcome(data, code)
    if framework == "eds2022":
        score = outcome.get("score")
        return f"{score} ({GRADES[score]})" if _is_score(score) else "not graded"
    characteristics = outcome.get("characteristics")
    published = outcome.get("grade")
    if not isinstance(characteristics, list) and not outcome.get("all_fare_well"):
        return f"{published} (as published)" if isinstance(published, str) else "not graded"
    return eds2_grade(characteristics or [], outcome.get("all_fare_well") is True)


def _is_score(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 3


def _overall(data: dict) -> str:
    scores = [_outcome(data, code).get("score") for code in FRAMEWORKS["eds2022"].codes]
    graded = [score for score in scores if _is_score(score)]
    if len(graded) != len(scores):
        total = _mapping(data.get("published")).get("total")
        if _is_total(total):
            rating = _mapping(data.get("published")).get("rating") or eds2022_rating(total)
            return f"{total} ({rating}, as published)"
        return "not rated (incomplete)"
    total = sum(graded)
    return f"{total} ({eds2022_rating(total)})"


def _is_total(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 33


def _publication(record_id: str, old: dict, new: dict):
    before, after = old.get("status", "published"), new.get("status", "published")
    if before != after:
        when = ""
        if after == "published":  # the day it came out, and the day it is known to be out by
            when = "".join(f" {word} {_date_words(new[key])}" for key, word in (("published", "on"),
                                                                                 ("published_by", "by"))
                           if new.get(key))
        yield Change("status", "publication", record_id, f"{record_id}: {before} → {after}{when}", before, after,
                     "status")
    yield from _moved("publication", record_id, old, new, "planned")


COMPARERS = {"action": _action, "objective": _objective, "eia": _eia, "eds": _eds, "publication": _publication}
"""Changes of each kind told in compliance terms; every other field that changed is told by `field_changes`."""

COVERS: dict[tuple[str, str], tuple[str, ...]] = {
    ("action", "due"): ("due_history",),
    ("publication", "status"): ("published", "published_by"),
}
"""Fields a change of (kind, path) also tells of: the reason of a revised due date; the day published."""

_NAMES = {"eds": "EDS {id}", "workforce": "Workforce {id}", "paygap": "Pay gap {id}", "organisation": "Organisation"}
_CATEGORIES = {"eia": "eia", "eds": "eds", "workforce": "workforce", "paygap": "paygap"}
_ITEM_NAMES = ("description", "title", "name", "group", "activity", "risk", "date", "revised")
"""Fields that name an item of a list, in the order looked for: `Measure 1 (BME staff in bands 8a and above)`,
`Characteristic 2 (Carers)`; dates in words: `Due history 1 (11 February 2025)`."""
_MISSING: Any = object()


def field_changes(kind: str, record_id: str, old: dict, new: dict) -> Iterator[Change]:
    """Every field of the record whose value changed (Welsh texts apart), before and after, in words."""
    model = KINDS_BY_NAME[kind].model
    name = _record_name(kind, record_id)
    for path, labels, before, after in _walk(model, (), _without_welsh(old), _without_welsh(new)):
        where = " › ".join(labels)
        if path and isinstance(path[-1], int) and (_is_item(before) or _is_item(after)):
            summary = f"{name}: {where} {'added' if before is _MISSING else 'removed'}"
        elif (listed := _list_change(before, after, model, path)) is not None:
            summary = f"{name}: {where}: {listed}"
        elif _is_long_text(before) and _is_long_text(after):
            was, now = _changed_passage(before, after)
            summary = f"{name}: {where}: “{was}” now reads “{now}”"
        else:
            summary = f"{name}: {where}: {_words(before, model, path)} → {_words(after, model, path)}"
            summary += _difference(before, after, model, path)
        category = "measure" if kind == "objective" and path[:1] == ("measures",) else _CATEGORIES.get(kind, "changed")
        yield Change(category, kind, record_id, summary, _plain(before), _plain(after), _key_path(path))


def _record_name(kind: str, record_id: str) -> str:
    """How a change names its record: `EDS 2024-25`, `Organisation`, or the id itself."""
    return _NAMES.get(kind, "{id}").format(id=record_id)


Loc = tuple[str | int, ...]


def _walk(model: type[BaseModel], loc: Loc, old: Any, new: Any,
          labels: tuple[str, ...] = ()) -> Iterator[tuple[Loc, tuple[str, ...], Any, Any]]:
    """(key path, its words, before, after) of each value that differs, looking inside mappings and lists
    of mappings; a value left out and one set to null (or empty) are the same."""
    if _empty(old) and _empty(new) or old == new:
        return
    if isinstance(old, dict) and isinstance(new, dict):
        keys = [*field_names_at(model, loc), *old, *new]
        for key in dict.fromkeys(key for key in keys if key in old or key in new):
            yield from _walk(model, (*loc, key), old.get(key, _MISSING), new.get(key, _MISSING),
                             (*labels, _label(model, (*loc, key))))
        return
    if _items_or_missing(old) and _items_or_missing(new) and (_is_items(old) or _is_items(new)):
        before, after = _items(old), _items(new)
        for index in range(max(len(before), len(after))):
            was = before[index] if index < len(before) else _MISSING
            now = after[index] if index < len(after) else _MISSING
            name = _item_name(model, (*loc, index), now, was)
            item = f"{_singular(labels[-1] if labels else 'Item')} {index + 1}{name}"
            if was is _MISSING or now is _MISSING:
                yield (*loc, index), (*labels[:-1], item), was, now
            else:
                yield from _walk(model, (*loc, index), was, now, (*labels[:-1], item))
        return
    yield loc, labels, old, new


def _empty(value: Any) -> bool:
    return value is _MISSING or value is None or value == [] or value == {}


def _is_item(value: Any) -> bool:
    return isinstance(value, dict)


def _is_items(value: Any) -> bool:
    return isinstance(value, list) and any(isinstance(item, dict) for item in value)


def _items_or_missing(value: Any) -> bool:
    return isinstance(value, list) or value is _MISSING or value is None


def _items(value: Any) -> list:
    return value if isinstance(value, list) else []


def _label(model: type[BaseModel], loc: Loc) -> str:
    """A key in words: its field's title or name in words, a characteristic's name, else the key itself (a
    group, an outcome code or a date)."""
    key = str(loc[-1])
    info = field_at(model, loc)
    if info is not None:
        return info.title or words(key)
    return CHARACTERISTIC_NAMES.get(key, key)


def _singular(label: str) -> str:
    return label[:-1] if label.endswith("s") and not label.endswith("ss") else label


def _item_name(model: type[BaseModel], loc: Loc, *items: Any) -> str:
    """What names an item of a list, in brackets: its description, title, group or date (in words), if it has
    one."""
    for item in items:
        if isinstance(item, dict):
            if isinstance(item.get("staff_group"), str) and item.get("band") is not None:
                return f" ({item['staff_group']}, band {item['band']})"
            for key in _ITEM_NAMES:
                if isinstance(item.get(key), (str, int, float)) and not isinstance(item.get(key), bool):
                    name = _date_words(item[key]) if _is_date(model, (*loc, key)) else str(item[key])
                    return f" ({_short(name)})"
    return ""


def _short(name: str) -> str:
    """A long name to its first words, ending with `…` where words are left out."""
    if len(name) <= LONG_TEXT // 2:
        return name
    kept = ""
    for word in name.split():
        if len(kept) + len(word) > LONG_TEXT // 2:
            break
        kept = f"{kept} {word}" if kept else word
    return f"{kept or name.split()[0]}…"


def _is_count(model: type[BaseModel], loc: Loc) -> bool:
    """Whether the model declares the value at `loc` a whole number (written with thousands separators)."""
    return plain_type(type_at(model, loc)) is int


def _words(value: Any, model: type[BaseModel], loc: Loc) -> str:
    """A value as a reviewer reads it: `not set`, `left blank` (text written "", as a form left it), yes or no,
    4,210, a list joined with commas."""
    if value is _MISSING or value is None:
        return "not set"
    if isinstance(value, str) and not value.strip():
        return "left blank"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int) and _is_count(model, loc):
        return f"{value:,}"
    if isinstance(value, list):
        return ", ".join(_words(item, model, (*loc, index)) for index, item in enumerate(value)) or "none"
    if _is_date(model, loc):
        return _due_words(value)
    if isinstance(value, dict):
        return "; ".join(f"{_label(model, (*loc, key))} {_words(item, model, (*loc, key))}"
                         for key, item in value.items() if not _is_welsh_key(key) and not _empty(item)) or "none"
    return str(value)


def _list_change(before: Any, after: Any, model: type[BaseModel], loc: Loc) -> str | None:
    """What was added to and removed from a list of values (`added race; removed sex`); None when it is not
    a list on both sides, or only its order changed."""
    if not all(isinstance(value, list) or _empty(value) for value in (before, after)):
        return None
    before, after = _items(before), _items(after)  # a list left out is an empty one
    added = [item for item in after if item not in before]
    removed = [item for item in before if item not in after]
    parts = [f"{verb} {_words(items, model, loc)}" for verb, items in (("added", added), ("removed", removed)) if items]
    return "; ".join(parts) or None


LONG_TEXT = 80
"""Texts longer than this are told by the passage that changed, with a few words either side."""
CONTEXT_WORDS = 4


def _is_long_text(value: Any) -> bool:
    return isinstance(value, str) and len(value) > LONG_TEXT


def _changed_passage(before: str, after: str) -> tuple[str, str]:
    """The words that changed in a long text, before and after, with the words around them; `…` where
    words are left out (never inside a word or a number)."""
    old, new = before.split(), after.split()
    blocks = [op for op in SequenceMatcher(None, old, new, autojunk=False).get_opcodes() if op[0] != "equal"]
    first, last = blocks[0], blocks[-1]
    start = max(first[1] - CONTEXT_WORDS, 0)
    old_end, new_end = min(last[2] + CONTEXT_WORDS, len(old)), min(last[4] + CONTEXT_WORDS, len(new))
    new_start = max(first[3] - CONTEXT_WORDS, 0)

    def passage(words: list[str], begin: int, end: int) -> str:
        return ("…" if begin > 0 else "") + " ".join(words[begin:end]) + ("…" if end < len(words) else "")

    return passage(old, start, old_end), passage(new, new_start, new_end)


def _difference(before: Any, after: Any, model: type[BaseModel], loc: Loc) -> str:
    """`(+95)` after a changed count."""
    if (isinstance(before, int) and isinstance(after, int) and not isinstance(before, bool)
            and not isinstance(after, bool) and _is_count(model, loc)):
        return f" ({after - before:+,})"
    return ""


def _plain(value: Any) -> Any:
    return None if value is _MISSING else value


def _key_path(loc: Loc) -> str:
    """A key path as validate writes it: `measures[0].target.value`."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
