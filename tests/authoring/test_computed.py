"""The shared writer of computed records: merging into an existing record by the model's order,
matching list items on their keys, and refusing a result that would not validate."""

from __future__ import annotations

import pytest

from equitykit.authoring.computed import ComputedRecordError, merged, updated_record_text
from equitykit.records.computed import ComputedRecord
from equitykit.records.kinds import KINDS_BY_NAME

WORKFORCE = KINDS_BY_NAME["workforce"]
FILE = "workforce/2025-03-31.yaml"
COUNTS = {"white": 1, "bme": 0, "unknown": 0}
EXISTING = """\
id: 2025-03-31
snapshot: 2025-03-31
headcount: 20
wres:
  bands:
    # clinical
    - {white: 5, bme: 1, unknown: 0, staff_group: clinical, band: "5"}
    # the only 8a
    - {white: 2, bme: 1, unknown: 0, staff_group: clinical, band: 8a}
  shortlisted: {white: 4, bme: 2, unknown: 0}
  appointed: {white: 1, bme: 1, unknown: 0}
  disciplinary: {white: 1, bme: 0, unknown: 0}
  survey:
    harassment_public: {white: 20.5}  # 2024 survey
    harassment_staff: {}
    career_progression: {}
    discrimination: {}
  board:
    voting: {white: 1, bme: 0}
    executive: {white: 1, bme: 0}
"""
KEYS = {"bands": ("staff_group", "band")}


def _record(values: dict) -> ComputedRecord:
    return ComputedRecord(WORKFORCE, "2025-03-31", values, "", KEYS)


def _band(band: str, white: int) -> dict:
    return {"white": white, "bme": 0, "unknown": 0, "staff_group": "clinical", "band": band}


def test_list_items_are_matched_on_their_keys_new_ones_go_in_order_and_gone_ones_get_zeros():
    values = {"wres": {"bands": [_band("4", 3), _band("5", 6)], "training": COUNTS}}

    updated = updated_record_text(EXISTING, FILE, _record(values))

    assert "# clinical" in updated and "# the only 8a" in updated
    assert "  harassment_public: {white: 20.5}  # 2024 survey" in updated
    assert "- {white: 6, bme: 0, unknown: 0, staff_group: clinical, band: \"5\"}" in updated
    assert "- {white: 0, bme: 0, unknown: 0, staff_group: clinical, band: 8a}" in updated
    assert updated.index("band: '4'") < updated.index('band: "5"')
    assert updated.index("disciplinary:") < updated.index("training:") < updated.index("survey:")


def test_merged_plain_data_follows_the_same_rules():
    before = {"bands": [{"a": 1, "k": "x"}, {"a": 2, "k": "y"}], "other": {"kept": 1, "b": 0}}
    after = merged(before, {"bands": [{"a": 5, "k": "y"}, {"a": 7, "k": "z"}], "other": {"b": 3}}, {"bands": ("k",)})
    assert after == {"bands": [{"a": 0, "k": "x"}, {"a": 5, "k": "y"}, {"a": 7, "k": "z"}],
                     "other": {"kept": 1, "b": 3}}


def test_values_that_would_leave_the_record_invalid_are_refused():
    text = "id: 2025-03-31\nsnapshot: 2025-03-31\nheadcount: 1\n"
    with pytest.raises(ComputedRecordError, match=r"would not be a valid record \(wres.shortlisted: field required"):
        updated_record_text(text, FILE, _record({"wres": {"bands": [_band("5", 1)]}}))


def test_a_problem_the_record_already_had_elsewhere_does_not_stop_the_update():
    text = EXISTING.replace("headcount: 20", "headcount: twenty")
    updated = updated_record_text(text, FILE, _record({"wres": {"training": COUNTS}}))
    assert "headcount: twenty" in updated and "training:" in updated
