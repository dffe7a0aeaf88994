"""Reference checks: ids unique, references resolve, codes and characteristics exist."""

from __future__ import annotations

from collections.abc import Iterator

from ..problem import Problem
from ..records.common import PROTECTED_CHARACTERISTICS
from ..records.frameworks import ALL_OUTCOME_CODES, FRAMEWORKS
from ..records.kinds import KINDS_BY_FOLDER, KINDS_BY_NAME
from ..records.repository import RecordSet
from ..records.suggest import closest, did_you_mean
from ..records.tags import PLAN_FRAMEWORKS, tag_frameworks, unknown_tag
from .registry import Finding, rule


def duplicate_ids(records: RecordSet) -> Iterator[Problem]:
    """Two files of one kind with the same id (e.g. OBJ-01.yaml and OBJ-01.yml)."""
    seen: dict[tuple[str, str], str] = {}
    for record in records.records:
        key = (record.kind.name, record.stem.lower())
        if key in seen:
            yield Problem(record.file, 1, 1, "id", "EK301", "error",
                          f"the id `{record.stem}` is already used by {seen[key]}; give each record its own id")
        else:
            seen[key] = record.file


def known_characteristics(records: RecordSet) -> set[str] | None:
    """The nine protected characteristics plus those the organisation declares.

    None when the organisation file itself is invalid: its problems are reported instead of
    a cascade of unknown characteristics.
    """
    if records.organisation is None:
        return None
    extra = {c.slug for c in records.organisation.characteristics}
    return set(PROTECTED_CHARACTERISTICS) | extra


def _unknown(slugs, records: RecordSet) -> list[str]:
    known = known_characteristics(records)
    return [] if known is None else [slug for slug in slugs if slug not in known]


def _not_known(slug: str, records: RecordSet) -> str:
    advice = "; use one of the nine slugs or add it under characteristics: in equitykit.yaml"
    return (f"`{slug}` is not a protected characteristic and is not declared in equitykit.yaml"
            f"{did_you_mean(slug, known_characteristics(records) or ()) or advice}")


def _characteristics(slugs, loc, records: RecordSet) -> Iterator[Finding]:
    unknown = _unknown(slugs, records)
    for index, slug in enumerate(slugs):
        if slug in unknown:
            yield (*loc, index), _not_known(slug, records)


def _references(ids, kind: str, loc, records: RecordSet) -> Iterator[Finding]:
    for index, ref in enumerate(ids):
        if not records.has(kind, ref):
            folder = KINDS_BY_NAME[kind].folder
            yield (*loc, index), (f"there is no {kind} `{ref}` (looked for {folder}/{ref}.yaml)"
                                  f"{did_you_mean(ref, records.ids(kind))}")


def _record_links(links, loc, records: RecordSet) -> Iterator[Finding]:
    for index, link in enumerate(links):
        folder, _, record_id = link.partition("/")
        kind = KINDS_BY_FOLDER.get(folder)
        if kind is None:
            yield (*loc, index), (f"`{link}` should be folder/id, e.g. eds/2024-25; folders are "
                                  f"{', '.join(folder for folder in KINDS_BY_FOLDER if folder)}")
        elif not records.has(kind.name, record_id):
            guess = closest(record_id, records.ids(kind.name))
            yield (*loc, index), (f"there is no record {folder}/{record_id}.yaml"
                                  + (f"; did you mean `{folder}/{guess}`?" if guess else ""))


def _outcome_codes(codes, loc, records: RecordSet) -> Iterator[Finding]:
    for index, code in enumerate(codes):
        if code not in ALL_OUTCOME_CODES:
            yield (*loc, index), (f"`{code}` is not an EDS outcome code (EDS 2022: 1A-3C; "
                                  "EDS2: 1.1-4.3)")


@rule("EK302", "action")
def action_references(action, records: RecordSet) -> Iterator[Finding]:
    yield from _references(action.objectives, "objective", ("objectives",), records)


@rule("EK302", "eia")
def eia_references(eia, records: RecordSet) -> Iterator[Finding]:
    yield from _references(eia.actions, "action", ("actions",), records)
    yield from _references(eia.engagement, "engagement", ("engagement",), records)
    if eia.previous is not None and eia.previous.eia is not None:
        if eia.previous.eia == eia.id:
            yield ("previous", "eia"), ("an assessment cannot revise itself; name the earlier assessment's id, or "
                                        "give its title: when it is not recorded here")
        else:
            for _loc, message in _references([eia.previous.eia], "eia", ("previous",), records):
                yield ("previous", "eia"), message + "; give title: instead when it is not recorded here"


@rule("EK302", "publication")
def publication_references(publication, records: RecordSet) -> Iterator[Finding]:
    yield from _record_links(publication.records, ("records",), records)


@rule("EK302", "engagement")
def engagement_references(engagement, records: RecordSet) -> Iterator[Finding]:
    yield from _record_links(engagement.records, ("records",), records)


@rule("EK302", "highlight")
def highlight_references(highlight, records: RecordSet) -> Iterator[Finding]:
    yield from _references(highlight.objectives, "objective", ("objectives",), records)
    yield from _references(highlight.actions, "action", ("actions",), records)


@rule("EK303", "eds")
def eds_outcome_codes(eds, records: RecordSet) -> Iterator[Finding]:
    framework = FRAMEWORKS[eds.framework]
    for code in eds.outcomes:
        if code not in framework.codes:
            yield ("outcomes", code), (f"`{code}` is not an outcome of {framework.title}; its outcomes "
                                       f"are {', '.join(framework.codes)}")


@rule("EK303", "objective")
def objective_outcome_codes(objective, records: RecordSet) -> Iterator[Finding]:
    yield from _outcome_codes(objective.eds_outcomes, ("eds_outcomes",), records)


@rule("EK303", "action")
def action_outcome_codes(action, records: RecordSet) -> Iterator[Finding]:
    yield from _outcome_codes(action.eds_outcomes, ("eds_outcomes",), records)


@rule("EK304", "objective")
def objective_characteristics(objective, records: RecordSet) -> Iterator[Finding]:
    yield from _characteristics(objective.characteristics, ("characteristics",), records)


@rule("EK304", "action")
def action_characteristics(action, records: RecordSet) -> Iterator[Finding]:
    yield from _characteristics(action.characteristics, ("characteristics",), records)


@rule("EK304", "engagement")
def engagement_characteristics(engagement, records: RecordSet) -> Iterator[Finding]:
    yield from _characteristics(engagement.characteristics, ("characteristics",), records)


@rule("EK304", "highlight")
def highlight_characteristics(highlight, records: RecordSet) -> Iterator[Finding]:
    yield from _characteristics(highlight.characteristics, ("characteristics",), records)


@rule("EK304", "eia")
def eia_characteristics(eia, records: RecordSet) -> Iterator[Finding]:
    for slug in _unknown(eia.characteristics, records):
        yield ("characteristics", slug), _not_known(slug, records)


@rule("EK304", "eds")
def eds_characteristics(eds, records: RecordSet) -> Iterator[Finding]:
    for code, outcome in eds.outcomes.items():
        yield from _characteristics(outcome.characteristics or [], ("outcomes", code, "characteristics"),
                                    records)


@rule("EK304", "organisation")
def staff_network_characteristics(organisation, records: RecordSet) -> Iterator[Finding]:
    """A staff network brings together the nine protected characteristics and the body's own, declared in the
    same file."""
    for place, network in enumerate(organisation.staff_networks):
        yield from _characteristics(network.characteristics, ("staff_networks", place, "characteristics"), records)


@rule("EK304", "workforce")
def workforce_characteristics(workforce, records: RecordSet) -> Iterator[Finding]:
    for slug in _unknown(workforce.profile, records):
        yield ("profile", slug), _not_known(slug, records)


def _tags(tags, loc, records: RecordSet) -> Iterator[Finding]:
    frameworks = tag_frameworks(records.organisation)
    for index, tag in enumerate(tags):
        problem = unknown_tag(tag, frameworks)
        if problem:
            yield (*loc, index), problem


@rule("EK472", "action")
def action_tags(action, records: RecordSet) -> Iterator[Finding]:
    yield from _tags(action.tags, ("tags",), records)


@rule("EK472", "objective")
def objective_tags(objective, records: RecordSet) -> Iterator[Finding]:
    yield from _tags(objective.tags, ("tags",), records)


@rule("EK472", "plan")
def plan_framework(plan, records: RecordSet) -> Iterator[Finding]:
    known = [*PLAN_FRAMEWORKS, *tag_frameworks(records.organisation)]
    if plan.framework is not None and plan.framework not in known:
        yield ("framework",), (f"`{plan.framework}` is not a framework equitykit knows: use one of "
                               f"{', '.join(known)}{did_you_mean(plan.framework, known)}")


@rule("EK302", "action", across={"action": ("id", "plan", "measures", "kpis")})
def action_plan_and_shared_kpis(action, records: RecordSet) -> Iterator[Finding]:
    if action.plan is not None:
        yield from ((("plan",), message) for _loc, message in _references([action.plan], "plan", ("plan",), records))
    shared = records.kpis
    for index, measure in enumerate(action.measures):
        if isinstance(measure, str) and measure not in shared:
            yield ("measures", index), (f"no action defines a KPI with the id `{measure}`; give the KPI id: "
                                        f"{measure} where it is defined{did_you_mean(measure, shared)}")


@rule("EK471", "action", across={"action": ("plan", "work_stream"), "plan": ("headings",)})
def action_under_a_heading(action, records: RecordSet) -> Iterator[Finding]:
    found = records.find("plan", action.plan) if action.plan is not None else None
    plan = found.model if found is not None else None
    if plan is None:
        return
    headings = [heading.title for heading in plan.headings]
    if headings and action.work_stream not in headings:
        yield ("work_stream",), (f"`{action.work_stream}` is not a heading of the plan {action.plan}; use one of its "
                                 f"headings{did_you_mean(action.work_stream, headings)}, or add it to the plan's "
                                 "headings")


@rule("EK473", "action", across={"action": ("id", "measures", "kpis")})
def kpi_ids_unique(action, records: RecordSet) -> Iterator[Finding]:
    shared = records.kpis
    for index, measure in enumerate(action.measures):
        if isinstance(measure, str) or measure.id is None:
            continue
        owner, kpi = shared[measure.id]
        if kpi is not measure:
            yield ("measures", index, "id"), (f"the KPI id `{measure.id}` is already given to a measure of "
                                              f"{owner.id}; give this one its own id, or write just `{measure.id}` "
                                              "in the measures to share that one")
