"""Published reports speak to the public: groups, staff groups, bands and dates as people write them,
and no slug, key name or configuration advice."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from equitykit.records.repository import load_records
from equitykit.reporting.labels import band_label, dates_in_words, group_label
from equitykit.reporting.reports import REPORT_KINDS, render_report

EXAMPLES = Path(__file__).parents[2] / "examples"
JARGON = ("calendar.", "equitykit.yaml", "_publish_by", "modern_slavery_statement", "band vsm", "Gay lesbian",
          "Non clinical", "Medical dental")


@pytest.mark.parametrize("example", ["northfield-trust", "aran-vale-council"])
@pytest.mark.parametrize("kind", REPORT_KINDS)
def test_published_reports_carry_no_slug_key_or_setting(example: str, kind: str) -> None:
    records = load_records(EXAMPLES / example)
    for output_format in ("md", "html"):
        text = render_report(kind, records, dt.date(2025, 11, 30), output_format)
        found = [word for word in JARGON if word in text]
        assert found == [], (kind, output_format, found)


def test_the_compliance_calendar_names_dates_in_words_and_what_met_each_duty() -> None:
    text = render_report("psed", load_records(EXAMPLES / "northfield-trust"), dt.date(2025, 11, 30), "md")
    calendar = text[text.index("## Compliance calendar"):text.index("## Notes")]
    assert not re.search(r"\d{4}-\d{2}-\d{2}", calendar), calendar
    assert "| Gender pay gap, snapshot 31 March 2024 | 30 March 2025 | Met | Gender pay gap report 2024, published " \
           "14 March 2025 |" in calendar
    assert "Not applicable" not in calendar


@pytest.mark.parametrize(("slug", "words"), [
    ("gay-lesbian", "Gay or lesbian"), ("not-stated", "Not stated"), ("65-plus", "65 and over"),
    ("16-24", "16-24"), ("carers", "Carers"), ("bme", "Black and minority ethnic"),
])
def test_group_labels(slug: str, words: str) -> None:
    assert group_label(slug) == words


@pytest.mark.parametrize(("group", "band", "words"), [
    ("non-clinical", "vsm", "Non-clinical: very senior managers"), ("clinical", "8a", "Clinical: band 8a"),
    ("medical-dental", "non-consultant-career-grade", "Medical and dental: non-consultant career grades"),
])
def test_band_labels(group: str, band: str, words: str) -> None:
    assert band_label(group, band) == words


def test_dates_in_words_leaves_what_is_not_a_date() -> None:
    assert dates_in_words("data as at 2026-03-31, not 2025-13-40") == "data as at 31 March 2026, not 2025-13-40"


def test_a_report_with_statuses_has_a_key_to_their_colours_in_words() -> None:
    text = render_report("actions", load_records(EXAMPLES / "northfield-trust"), dt.date(2025, 11, 30), "md")
    key = text[text.index("## Key to status colours"):text.index("## This document in another format")]
    assert "| Red | Not started; In progress, overdue; Not started, overdue |" in key
    assert "| Amber | In progress |" in key and "| Green | Complete |" in key and "| Blue | Ongoing |" in key
    html = render_report("actions", load_records(EXAMPLES / "northfield-trust"), dt.date(2025, 11, 30), "html")
    assert '<span class="status status-ongoing">Blue</span>' in html


def test_a_report_without_statuses_has_no_key() -> None:
    text = render_report("paygap", load_records(EXAMPLES / "northfield-trust"), dt.date(2025, 11, 30), "md")
    assert "Key to status colours" not in text
