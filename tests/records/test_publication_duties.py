"""Every duty a publication may meet has a name for the reports' list of publications."""

from __future__ import annotations

from typing import get_args

from equitykit.records.publication import DUTY_NAMES, Duty


def test_every_duty_has_a_name_in_the_reports():
    assert set(get_args(Duty)) == set(DUTY_NAMES)
