"""`equitykit diff`: what changed in the records between two revisions, in the reviewer's terms.

Records added and removed; status changes; moved due dates; EDS gradings and the rating they
lead to, and EDS results as published; workforce headcounts, and WRES and WDES figures as published;
objective measures field by field; new or changed EIAs (outcome, each
characteristic's impact, mitigations added); Welsh text added, changed or removed (named as such, apart
from the English edits); other edited records.
Records are compared as loaded data, so a record that does not validate is still compared.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeGuard

from pydantic import ValidationError

from ..metrics.eds import GRADES, eds2_grade, eds2022_rating
from ..records.bilingual import WELSH_SUFFIX
from ..records.common import STATUS_COLOURS, migrate_keys
from ..records.dates import PartialDate
from ..records.frameworks import FRAMEWORKS
from ..records.kinds import KINDS_BY_NAME, kind_of_path
from ..records.loader import LoadError, parse_document
from .revisions import repository_top, resolve_revision, revision_files, work_tree_files

WORK_TREE = "working tree"


@dataclass(frozen=True)
class Change:
    """One change a reviewer should see: its category, the record, a sentence, and the values."""

    category: str
    kind: str
    id: str
    summary: str
    before: Any = None
    after: Any = None


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
                changes.append(Change("changed", kind, record_id, f"{record_id} changed: the file {state} "
                                      "(see equitykit validate)", old is not None, new is not None))
            elif old != new:
                found = list(COMPARERS.get(kind, _nothing)(record_id, old, new))
                english_old, english_new = _without_welsh(old), _without_welsh(new)
                if not found and english_old != english_new:
                    found = [_edited(kind, record_id, english_old, english_new)]
                changes.extend([*found, *_welsh_changes(kind, record_id, old, new)])
    return changes


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
    for path in dict.fromkeys([*before, *after]):
        was, now = before.get(path), after.get(path)
        if was == now:
            continue
        verb = "added" if was in (None, "", []) else ("removed" if now in (None, "", []) else "changed")
        yield Change("welsh", kind, record_id, f"{record_id}: Welsh text {verb} for {path} ({path}{WELSH_SUFFIX})",
                     was, now)


def _title(data: dict | None) -> str | None:
    title = data.get("title") if isinstance(data, dict) else None
    return title if isinstance(title, str) else None


def _added(kind: str, record_id: str, data: dict) -> Change:
    title = _title(data)
    summary = f"{KINDS_BY_NAME[kind].title} {record_id} added" + (f": {title}" if title else "")
    if kind == "eia":
        summary += f" (outcome: {data.get('outcome') or 'not yet recorded'})"
    return Change("added", kind, record_id, summary, None, title)


def _edited(kind: str, record_id: str, old: dict, new: dict) -> Change:
    keys = [key for key in dict.fromkeys([*old, *new]) if old.get(key) != new.get(key)]
    return Change("changed", kind, record_id, f"{record_id}: {', '.join(keys)} changed", None, keys)


def _nothing(record_id: str, old: dict, new: dict):
    return iter(())


def _status(kind: str, record_id: str, old: dict, new: dict):
    before, after = old.get("status"), new.get("status")
    if before != after:
        yield Change("status", kind, record_id, f"{record_id}: {_coloured(before)} → {_coloured(after)}",
                     before, after)


def _coloured(status: Any) -> str:
    colour = STATUS_COLOURS.get(status) if isinstance(status, str) else None
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
    yield Change("due", kind, record_id, summary, before, after)


def _due_words(due: Any) -> str:
    """A due date as loaded: a day, `ongoing`, or a period written as start to end."""
    if isinstance(due, dict):
        return f"{due.get('start')} to {due.get('end')}"
    return str(due)


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
    yield from _measures(record_id, _list(_without_welsh(old.get("measures"))),
                         _list(_without_welsh(new.get("measures"))))


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _mapping(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _leaves(value: Any, prefix: str = "") -> dict[str, Any]:
    """Every scalar inside `value` by its key path, e.g. {"target.value": 12, "progress[0].date": ...}."""
    if isinstance(value, dict):
        return {path: leaf for key, item in value.items()
                for path, leaf in _leaves(item, f"{prefix}.{key}" if prefix else str(key)).items()}
    if isinstance(value, list):
        return {path: leaf for index, item in enumerate(value)
                for path, leaf in _leaves(item, f"{prefix}[{index}]").items()}
    return {prefix: value}


def _measures(record_id: str, old: list, new: list):
    """Each measure added, removed or changed: which measure, which field, before and after."""
    for index in range(max(len(old), len(new))):
        before = _mapping(old[index]) if index < len(old) else None
        after = _mapping(new[index]) if index < len(new) else None
        name = f"{record_id} measure {index + 1}"
        description = (after or before or {}).get("description")
        if isinstance(description, str):
            name += f" ({description})"
        if before is None or after is None:
            yield Change("measure", "objective", record_id, f"{name} {'added' if before is None else 'removed'}",
                         before, after)
            continue
        old_leaves, new_leaves = _leaves(before), _leaves(after)
        for path in dict.fromkeys([*old_leaves, *new_leaves]):
            was, now = old_leaves.get(path, "not set"), new_leaves.get(path, "not set")
            if was != now:
                yield Change("measure", "objective", record_id, f"{name}: {path} {was} → {now}", was, now)


def _eia(record_id: str, old: dict, new: dict):
    """The outcome, each characteristic's impact and each mitigation added or changed."""
    before, after = old.get("outcome"), new.get("outcome")
    if before != after:
        yield Change("eia", "eia", record_id,
                     f"{record_id}: outcome {before or 'not yet recorded'} → {after or 'not yet recorded'}",
                     before, after)
    old_findings, new_findings = _mapping(old.get("characteristics")), _mapping(new.get("characteristics"))
    for slug in dict.fromkeys([*old_findings, *new_findings]):
        was, now = _mapping(old_findings.get(slug)), _mapping(new_findings.get(slug))
        if was.get("impact") != now.get("impact"):
            yield Change("eia", "eia", record_id, f"{record_id}: {slug} impact {was.get('impact', 'not recorded')} "
                         f"→ {now.get('impact', 'not recorded')}", was.get("impact"), now.get("impact"))
        if was.get("mitigation") != now.get("mitigation") and now.get("mitigation"):
            verb = "changed" if was.get("mitigation") else "added"
            yield Change("eia", "eia", record_id, f"{record_id}: {slug} mitigation {verb}: {now['mitigation']}",
                         was.get("mitigation"), now.get("mitigation"))
        elif was.get("mitigation") and not now.get("mitigation"):
            yield Change("eia", "eia", record_id, f"{record_id}: {slug} mitigation removed",
                         was.get("mitigation"), None)


def _eds(record_id: str, old: dict, new: dict):
    name = new.get("framework")
    framework = FRAMEWORKS.get(name) if isinstance(name, str) else None
    if framework is None or old.get("framework") != new.get("framework"):
        return
    for code in framework.codes:
        before, after = _grade(framework.name, old, code), _grade(framework.name, new, code)
        if before != after:
            yield Change("eds", "eds", record_id, f"EDS {record_id} outcome {code}: {before} → {after}", before, after)
    if framework.name == "eds2022":
        before, after = _overall(old), _overall(new)
        if before != after:
            yield Change("eds", "eds", record_id, f"EDS {record_id} overall: {before} → {after}", before, after)
    old_result, new_result = _mapping(old.get("published")), _mapping(new.get("published"))
    for key in ("total", "rating"):
        was, now = old_result.get(key), new_result.get(key)
        if was != now:
            yield Change("eds", "eds", record_id, f"EDS {record_id} {key} as published: {_shown(was)} → "
                         f"{_shown(now)}", was, now)
    old_domains, new_domains = _mapping(old_result.get("domains")), _mapping(new_result.get("domains"))
    for number in dict.fromkeys([*old_domains, *new_domains]):
        for key in ("score", "rating"):
            was, now = _mapping(old_domains.get(number)).get(key), _mapping(new_domains.get(number)).get(key)
            if was != now:
                yield Change("eds", "eds", record_id, f"EDS {record_id} domain {number} {key} as published: "
                             f"{_shown(was)} → {_shown(now)}", was, now)


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


def _workforce(record_id: str, old: dict, new: dict):
    if old.get("headcount") != new.get("headcount"):
        yield _figure(record_id, "headcount", old.get("headcount"), new.get("headcount"))
    old_results, new_results = _mapping(old.get("published")), _mapping(new.get("published"))
    for standard in ("wres", "wdes"):
        yield from _published_figures(record_id, standard, _mapping(old_results.get(standard)),
                                      _mapping(new_results.get(standard)))
    old_profile, new_profile = old.get("profile") or {}, new.get("profile") or {}
    if isinstance(old_profile, dict) and isinstance(new_profile, dict):
        for slug in dict.fromkeys([*old_profile, *new_profile]):
            groups_before, groups_after = old_profile.get(slug) or {}, new_profile.get(slug) or {}
            if not (isinstance(groups_before, dict) and isinstance(groups_after, dict)):
                continue
            for group in dict.fromkeys([*groups_before, *groups_after]):
                if groups_before.get(group) != groups_after.get(group):
                    yield _figure(record_id, f"{slug} {group}", groups_before.get(group), groups_after.get(group))


def _published_figures(record_id: str, standard: str, old: dict, new: dict):
    """Each WRES or WDES figure as published that was added, changed or removed, as printed."""
    for number in dict.fromkeys([*old, *new]):
        was, now = _mapping(old.get(number)), _mapping(new.get(number))
        for part in dict.fromkeys([*was, *now]):
            if part in ("note", "note_cy") or was.get(part) == now.get(part):
                continue
            name = f"{standard.upper()} {number}" + ("" if part == "value" else f" {part.replace('_', ' ')}")
            yield _figure(record_id, f"{name} as published", _shown(was.get(part)), _shown(now.get(part)))


def _figure(record_id: str, name: str, before: Any, after: Any) -> Change:
    if isinstance(before, int) and isinstance(after, int):
        summary = f"Workforce {record_id}: {name} {before:,} → {after:,} ({after - before:+,})"
    else:
        summary = f"Workforce {record_id}: {name} {before} → {after}"
    return Change("workforce", "workforce", record_id, summary, before, after)


def _publication(record_id: str, old: dict, new: dict):
    before, after = old.get("status", "published"), new.get("status", "published")
    if before != after:
        when = f" on {new.get('published')}" if after == "published" and new.get("published") else ""
        yield Change("status", "publication", record_id, f"{record_id}: {before} → {after}{when}", before, after)
    yield from _moved("publication", record_id, old, new, "planned")


ORGANISATION_KEYS = ("sector", "unit", "established", "dissolved")
"""Organisation settings that change which duties apply or how the body is named."""


def _organisation(record_id: str, old: dict, new: dict):
    for key in ORGANISATION_KEYS:
        before, after = old.get(key), new.get(key)
        if before != after:
            yield Change("changed", "organisation", record_id,
                         f"organisation: {key} {before or 'not set'} → {after or 'not set'}", before, after)


COMPARERS = {"action": _action, "objective": _objective, "eia": _eia, "eds": _eds, "workforce": _workforce,
             "publication": _publication, "organisation": _organisation}
