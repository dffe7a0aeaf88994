"""A workforce snapshot's counts from staff-level extracts: the profile and the WRES and WDES inputs.

People, not FTE: one row per person (or entry, or applicant). Bank-only staff are in the headcount
and the profile, and left out of the band tables (WDES 2023; WRES likewise). Unknown ethnicity
(codes X, Z, 99, blank) and unknown disability are their own columns. Only WDES metric 3 reads the
grounds of a capability entry: performance counts, ill health does not (domain rules §11).

The result is plain data shaped as the ``workforce`` record, holding only what the extracts given
feed: the writer merges it into the record, leaving every other section (the NHS Staff Survey
figures, for one) as it was.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar, get_args

from ..extracts.mapping import PROFILE_GROUPS, VOCABULARIES
from ..extracts.workforce import AGE_BANDS, Applicant, BoardMember, Case, StaffMember, StaffTally
from ..records.bands import Band, StaffGroup
from ..records.ethnicity import BROAD_GROUPS, broad_group, wres_group

if TYPE_CHECKING:
    from ..records.computed import ComputedRecord
    from ..records.kinds import Kind

_T = TypeVar("_T")
ETHNIC_GROUPS = ("white", "bme", "unknown")
DISABILITY_GROUPS = VOCABULARIES["disability"]
_PROFILE_DISABILITY = {"disabled": "disabled", "non_disabled": "not-disabled", "unknown": "not-declared"}
_BAND_ORDER = {(group, band): index for index, (group, band) in enumerate(
    (group, band) for group in get_args(StaffGroup) for band in get_args(Band))}
_WRES_INPUTS = {"shortlisted": "--recruitment", "disciplinary": "--casework", "training": "--training",
                "board": "--board"}
_WDES_INPUTS = {"shortlisted": "--recruitment", "capability": "--casework", "board": "--board"}


def staff_values(staff: StaffTally | Iterable[StaffMember]) -> dict[str, Any]:
    """Headcount, bank, profile and the WRES and WDES band tables from the people at the snapshot."""
    tally = staff if isinstance(staff, StaffTally) else StaffTally.of(staff)
    profile: dict[str, Counter[str]] = {
        "sex": tally.sexes, "age": tally.age_bands, "race": Counter(), "disability": Counter(),
        "religion-belief": _named(tally.religions), "sexual-orientation": _named(tally.sexual_orientations)}
    ethnicity_bands: dict[tuple[str, str], Counter[str]] = {}
    disability_bands: dict[tuple[str, str], Counter[str]] = {}
    bank = 0
    for (staff_group, band, ethnicity, disability, bank_only), count in tally.placings.items():
        profile["race"][broad_group(ethnicity)] += count
        profile["disability"][_PROFILE_DISABILITY[disability]] += count
        if bank_only:
            bank += count
        else:
            ethnicity_bands.setdefault((staff_group, band), Counter())[wres_group(ethnicity)] += count
            disability_bands.setdefault((staff_group, band), Counter())[disability] += count
    orders = {"sex": PROFILE_GROUPS["sex"], "age": AGE_BANDS, "race": BROAD_GROUPS,
              "disability": tuple(_PROFILE_DISABILITY.values()),
              "religion-belief": PROFILE_GROUPS["religion_belief"],
              "sexual-orientation": PROFILE_GROUPS["sexual_orientation"]}
    return {
        "headcount": tally.placings.total(),
        "bank": bank,
        "profile": {name: {group: counts[group] for group in orders[name]}
                    for name, counts in profile.items() if "None" not in counts},
        "wres": {"bands": _band_rows(ethnicity_bands, ETHNIC_GROUPS)},
        "wdes": {"bands": _band_rows(disability_bands, DISABILITY_GROUPS)},
    }


def _named(counts: Counter[str | None]) -> Counter[str]:
    """Counts of an optional column's values, "None" for a file without the column."""
    return Counter({str(value): count for value, count in counts.items()})


def _band_rows(bands: dict[tuple[str, str], Counter[str]], groups: Iterable[str]) -> list[dict[str, Any]]:
    return [{**{group: counts[group] for group in groups}, "staff_group": staff_group, "band": band}
            for (staff_group, band), counts in sorted(bands.items(), key=lambda item: _BAND_ORDER[item[0]])]


def recruitment_values(applicants: Counter[Applicant] | Iterable[Applicant]) -> dict[str, Any]:
    """WRES indicator 2 and WDES metric 2: shortlisted applicants, and those of them appointed."""
    counts = _counted(applicants, lambda a: (wres_group(a.ethnicity), a.disability, a.shortlisted, a.appointed))
    shortlisted = Counter({key: n for key, n in counts.items() if key[2]})
    appointed = Counter({key: n for key, n in counts.items() if key[3]})
    return {
        "wres": {"shortlisted": _by(shortlisted, 0, ETHNIC_GROUPS), "appointed": _by(appointed, 0, ETHNIC_GROUPS)},
        "wdes": {"shortlisted": _by(shortlisted, 1, DISABILITY_GROUPS),
                 "appointed": _by(appointed, 1, DISABILITY_GROUPS)},
    }


def casework_values(cases: Counter[Case] | Iterable[Case]) -> dict[str, Any]:
    """WRES indicator 3 (formal disciplinary entries) and WDES metric 3 (capability on performance)."""
    counts = _counted(cases, lambda c: (wres_group(c.ethnicity), c.disability, c.process, c.grounds))
    disciplinary = Counter({key: n for key, n in counts.items() if key[2] == "disciplinary"})
    capability = Counter({key: n for key, n in counts.items() if key[2:] == ("capability", "performance")})
    return {"wres": {"disciplinary": _by(disciplinary, 0, ETHNIC_GROUPS)},
            "wdes": {"capability": _by(capability, 1, DISABILITY_GROUPS)}}


def training_values(ethnicities: Counter[str] | Iterable[str]) -> dict[str, Any]:
    """WRES indicator 4: staff accessing non-mandatory training and CPD."""
    counts = _counted(ethnicities, lambda code: (wres_group(code),))
    return {"wres": {"training": _by(counts, 0, ETHNIC_GROUPS)}}


def board_values(members: Counter[BoardMember] | Iterable[BoardMember]) -> dict[str, Any]:
    """WRES indicator 9 and WDES metric 10: voting and executive members of the board."""
    counts = _counted(members, lambda m: (wres_group(m.ethnicity), m.disability, m.voting, m.executive))
    voting = Counter({key: n for key, n in counts.items() if key[2]})
    executive = Counter({key: n for key, n in counts.items() if key[3]})
    return {
        "wres": {"board": {"voting": _by(voting, 0, ETHNIC_GROUPS), "executive": _by(executive, 0, ETHNIC_GROUPS)}},
        "wdes": {"board": {"voting": _by(voting, 1, DISABILITY_GROUPS),
                           "executive": _by(executive, 1, DISABILITY_GROUPS)}},
    }


def _counted(items: Counter[_T] | Iterable[_T], key: Callable[[_T], tuple[Any, ...]]) -> Counter[tuple[Any, ...]]:
    """The items (one by one, or already counted) counted by `key`."""
    counts: Counter[tuple[Any, ...]] = Counter()
    for item, count in (items if isinstance(items, Counter) else Counter(items)).items():
        counts[key(item)] += count
    return counts


def _by(counts: Counter[tuple[Any, ...]], position: int, groups: Iterable[str]) -> dict[str, int]:
    """Counts summed by one part of their keys, every group present (0 when none)."""
    summed: Counter[str] = Counter()
    for key, count in counts.items():
        summed[key[position]] += count
    return {group: summed[group] for group in groups}


def combined(*parts: dict[str, Any]) -> dict[str, Any]:
    """The values of several extracts as one record's values (their sections do not overlap)."""
    result: dict[str, Any] = {}
    for part in parts:
        for key, value in part.items():
            result[key] = {**result[key], **value} if isinstance(value, dict) and key in result else value
    return result


def workforce_record(snapshot: dt.date, values: dict[str, Any], *, new: bool) -> ComputedRecord:
    """The computed values as the record ``workforce/<snapshot>.yaml``, bands matched on group and band.

    A `new` record has ``wres`` or ``wdes`` only when every extract feeding it was given (see
    `missing_inputs`); it then has empty NHS Staff Survey sections, and metric 9b to fill in.
    """
    from ..records.computed import ComputedRecord  # the record models, only to write one

    complete = [name for name, inputs in (("wres", _WRES_INPUTS), ("wdes", _WDES_INPUTS))
                if all(key in values.get(name, {}) for key in ("bands", *inputs))]
    if new:
        values = {key: value for key, value in values.items() if key not in ("wres", "wdes") or key in complete}
    return ComputedRecord(_kind(), snapshot.isoformat(), values, _new_record_text(snapshot, complete),
                          {"bands": ("staff_group", "band")})


def _kind() -> Kind:
    """The workforce record kind, looked up only to write a record: reading the extracts needs no models."""
    from ..records.kinds import KINDS_BY_NAME

    return KINDS_BY_NAME["workforce"]


def missing_inputs(values: dict[str, Any]) -> list[str]:
    """The options whose extracts a new record's ``wres`` and ``wdes`` sections still need."""
    return sorted({option for name, inputs in (("wres", _WRES_INPUTS), ("wdes", _WDES_INPUTS))
                   for key, option in {"bands": "--staff", **inputs}.items() if key not in values.get(name, {})})


def _new_record_text(snapshot: dt.date, sections: list[str]) -> str:
    date, start = snapshot.isoformat(), _year_before(snapshot) + dt.timedelta(days=1)
    lines = [
        f"# {_kind().schema_comment()}",
        "#",
        f"# Workforce data at {date}, counted by `equitykit workforce compute` from staff-level extracts",
        "# kept outside this folder. Computing again with --write replaces only the counts, and keeps",
        "# everything else, comments included.",
        f"id: {date}",
        f"snapshot: {date}",
        f"period_start: {start.isoformat()}  # recruitment, casework and training cover the year to the snapshot",
    ]
    if "wres" in sections:
        lines += ["wres:", "  survey:  # indicators 5-8: fill in the NHS Staff Survey percentages; compute leaves them",
                  *(f"    {name}: {{}}" for name in
                                 ("harassment_public", "harassment_staff", "career_progression", "discrimination"))]
    if "wdes" in sections:
        lines += ["wdes:", "  survey:  # metrics 4-8: fill in the NHS Staff Survey percentages; compute leaves them",
                  *(f"    {name}: {{}}" for name in
                                 ("harassment_public", "harassment_managers", "harassment_colleagues",
                                  "harassment_reported", "career_progression", "presenteeism", "valued",
                                  "adjustments")),
                  "  # Metric 9a: the staff engagement scores (0-10) from the survey.",
                  "  engagement: {}",
                  "  # Metric 9b: was action taken to facilitate the voices of Disabled staff (true or false),",
                  "  # and what was done?",
                  "  voice:",
                  "    facilitated: false",
                  "    narrative: To be written"]
    return "\n".join(lines) + "\n"


def _year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)
