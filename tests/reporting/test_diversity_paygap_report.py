"""Ethnicity, disability and sexual orientation pay gaps in the paygap and PSED reports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from equitykit.checks.validate import validate
from equitykit.records.repository import load_records
from equitykit.reporting.reports import render_report

AS_OF = dt.date(2025, 6, 30)
DISABILITY = """\
id: 2025-03-31-disability
characteristic: disability
snapshot: 2025-03-31
reference: not-disabled
disclosure: {disclosed: 880, total: 1000, percent: 88.0}
comparisons:
  - group: disabled
    headcount: 120
    figures: {mean_hourly_gap: 12.7, median_hourly_gap: -3.2, mean_bonus_gap: null, median_bonus_gap: null,
              group_bonus_percent: 0.0, reference_bonus_percent: 0.0}
    reason: No one in the reference group was paid a bonus, so the bonus gaps are undefined.
quartiles:
  lower: {not-disabled: 70.0, disabled: 15.0, not-disclosed: 15.0}
  lower_middle: {not-disabled: 75.0, disabled: 13.0, not-disclosed: 12.0}
  upper_middle: {not-disabled: 78.0, disabled: 11.0, not-disclosed: 11.0}
  upper: {not-disabled: 80.0, disabled: 9.0, not-disclosed: 11.0}
narrative: We are working with our disabled staff network on the gap.
"""
SEXUAL_ORIENTATION = """\
id: 2025-03-31-sexual-orientation
characteristic: sexual-orientation
snapshot: 2025-03-31
reference: heterosexual
disclosure: {disclosed: 700, total: 1000, percent: 70.0}
comparisons:
  - group: lgb-plus
    headcount: 3
    figures: {mean_hourly_gap: 4.0, median_hourly_gap: 2.0, mean_bonus_gap: null, median_bonus_gap: null,
              group_bonus_percent: 0.0, reference_bonus_percent: 0.0}
    reason: null
quartiles:
  lower: {heterosexual: 70.0, lgb-plus: 0.0, not-disclosed: 30.0}
  lower_middle: {heterosexual: 70.0, lgb-plus: 0.0, not-disclosed: 30.0}
  upper_middle: {heterosexual: 69.0, lgb-plus: 1.0, not-disclosed: 30.0}
  upper: {heterosexual: 68.0, lgb-plus: 2.0, not-disclosed: 30.0}
"""


@pytest.fixture
def root(valid_root: Path) -> Path:
    (valid_root / "paygap" / "2025-03-31-disability.yaml").write_text(DISABILITY)
    (valid_root / "paygap" / "2025-03-31-sexual-orientation.yaml").write_text(SEXUAL_ORIENTATION)
    assert validate(valid_root).problems == []
    return valid_root


@pytest.mark.parametrize("output_format", ["md", "html"])
def test_paygap_report_shows_each_characteristic_with_reference_disclosure_and_direction(root: Path,
                                                                                          output_format: str):
    text = render_report("paygap", load_records(root), AS_OF, output_format)

    assert "Disability pay gaps" in text and "Sexual orientation pay gaps" in text
    assert "compared with not disabled staff, the reference group" in text
    assert "880 of 1,000 staff (88.0%) told us whether they are disabled" in text
    assert "Disabled staff&#39;s median hourly pay is 3.2% higher" in text or (
        "Disabled staff's median hourly pay is 3.2% higher" in text)
    assert "12.7%" in text
    assert "We are working with our disabled staff network on the gap." in text
    assert "Mean gender pay gap in hourly pay" in text  # the gender pay gap is still there, first


def test_a_group_below_the_threshold_is_suppressed_in_the_report(root: Path):
    text = render_report("paygap", load_records(root), AS_OF, "md")
    orientation = text[text.index("## Sexual orientation pay gaps"):]

    assert "| Gay, lesbian, bisexual or other (LGB+) | \\[c\\] | \\[c\\] | \\[c\\] |" in orientation
    assert "Not published: too few staff in the group" in orientation
    assert "4.0%" not in orientation
    assert "| Lower quartile (lowest paid) | 70.0% | \\[c\\] | 30.0% |" in orientation


def test_a_hidden_quartile_share_cannot_be_worked_out_from_100_percent(root: Path):
    text = render_report("paygap", load_records(root), AS_OF, "md")
    orientation = text[text.index("## Sexual orientation pay gaps"):]

    # LGB+ staff are 1.0% of the band: 100% less the heterosexual share and a shown not disclosed share would
    # give it back, so the next smallest share is hidden with it
    assert "| Upper middle quartile | 69.0% | \\[c\\] | \\[c\\] |" in orientation
    assert "the next smallest numbers are hidden too" in text


def test_psed_report_has_the_diversity_pay_gaps_beside_the_gender_pay_gap(root: Path):
    text = render_report("psed", load_records(root), AS_OF, "md")

    assert "## Ethnicity, disability and sexual orientation pay gaps" in text
    assert text.index("## Gender pay gap") < text.index("### Disability pay gaps")


def test_without_diversity_records_the_reports_are_as_before(valid_root: Path):
    text = render_report("psed", load_records(valid_root), AS_OF, "md")

    assert "## Ethnicity, disability and sexual orientation pay gaps" not in text


@pytest.mark.parametrize(("lang", "with_diversity", "without"), [
    ("en", "# Pay gap report", "# Gender pay gap report"),
    ("cy", "# Adroddiad ar y bylchau cyflog", "# Adroddiad ar y bwlch cyflog rhwng y rhywiau"),
])
def test_the_pay_gap_report_is_titled_for_what_it_carries(root: Path, lang: str,
                                                          with_diversity: str, without: str):
    carries = render_report("paygap", load_records(root), AS_OF, "md", lang=lang)
    assert carries.startswith(f"{with_diversity}\n")
    for path in root.glob("paygap/*-*-*-*.yaml"):  # the ethnicity, disability and sexual orientation records
        path.unlink()
    only_gender = render_report("paygap", load_records(root), AS_OF, "md", lang=lang)
    assert only_gender.startswith(f"{without}\n")
