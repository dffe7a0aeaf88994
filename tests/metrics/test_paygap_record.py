"""Writing computed pay gap figures to paygap/<snapshot>.yaml (through the shared writer of computed
records): create, update in place, refuse."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from equitykit.authoring.computed import (
    ComputedRecordError,
    WrittenRecord,
    updated_record_text,
    write_computed_record,
)
from equitykit.checks.validate import validate
from equitykit.metrics.paygap import Employee, PayGapResult, pay_gap_figures
from equitykit.metrics.paygap_record import (
    PayGapRecordError,
    employer_size,
    paygap_record,
    published_figures,
    record_counts,
)
from equitykit.records.loader import load_document

D = Decimal
SNAPSHOT = dt.date(2025, 3, 31)


def write_paygap_record(root: Path, snapshot: dt.date, result: PayGapResult) -> WrittenRecord:
    return write_computed_record(root, paygap_record(snapshot, result))


def _result(men: list[tuple[str, str]], women: list[tuple[str, str]]) -> PayGapResult:
    """Figures for full-pay relevant men and women given as (hourly pay, bonus pay)."""
    return pay_gap_figures(
        [Employee("male", True, D(rate), D(bonus)) for rate, bonus in men]
        + [Employee("female", True, D(rate), D(bonus)) for rate, bonus in women]
    )


@pytest.fixture
def result() -> PayGapResult:
    """Men 10, 14, 18, 22 (mean and median 16); women 8, 9, 17, 26 (mean 15, median 13).

    Mean gap 1/16 = 6.25% -> 6.3 (half up); median gap 3/16 = 18.75% -> 18.8.
    Bonuses: men 300, 500 (mean, median 400); women 150, 200 (mean, median 175): 56.25 -> 56.3.
    """
    return _result([("10", "0"), ("14", "300"), ("18", "0"), ("22", "500")],
                   [("8", "150"), ("9", "0"), ("17", "200"), ("26", "0")])


@pytest.mark.parametrize(("headcount", "band"), [
    (0, "Less than 250"), (249, "Less than 250"), (250, "250 to 499"), (499, "250 to 499"),
    (500, "500 to 999"), (999, "500 to 999"), (1000, "1000 to 4999"), (4999, "1000 to 4999"),
    (5000, "5000 to 19,999"), (19_999, "5000 to 19,999"), (20_000, "20,000 or more"),
    (250_000, "20,000 or more"),
])
def test_employer_size_uses_the_gov_uk_bands(headcount: int, band: str):
    assert employer_size(headcount) == band


def test_figures_are_plain_numbers_with_one_decimal_place(result: PayGapResult):
    figures = published_figures(result)
    assert figures["DiffMeanHourlyPercent"] == 6.3
    assert figures["DiffMedianHourlyPercent"] == 18.8
    assert figures["DiffMeanBonusPercent"] == 56.3
    assert all(type(value) is float for value in figures.values())
    assert json.dumps(figures["DiffMeanBonusPercent"]) == "56.3"


def test_a_new_record_has_the_figures_counts_size_and_commented_placeholders(valid_root: Path, result):
    written = write_paygap_record(valid_root, SNAPSHOT, result)

    assert (written.action, written.file) == ("created", "paygap/2025-03-31.yaml")
    text = written.path.read_text()
    assert text.startswith("# yaml-language-server: $schema=../schemas/paygap.schema.json\n")
    data = load_document(written.path, written.file).data
    assert data["id"] == data["snapshot"] == "2025-03-31"
    assert data["figures"] == published_figures(result)
    assert data["counts"] == record_counts(result) == {
        "male_relevant": 4, "female_relevant": 4, "male_full_pay": 4, "female_full_pay": 4,
        "male_bonus": 2, "female_bonus": 2}
    assert data["employer_size"] == "Less than 250"
    for placeholder in ("# link:", "# narrative: >-", "# responsible_person:", "# submitted:"):
        assert placeholder in text
    assert "link" not in data and "narrative" not in data


def test_a_new_record_validates_clean(valid_root: Path, result):
    write_paygap_record(valid_root, SNAPSHOT, result)

    validation = validate(valid_root)
    assert "paygap/2025-03-31.yaml" in validation.files
    assert validation.problems == []


def test_writing_the_same_figures_again_changes_nothing(valid_root: Path, result):
    path = write_paygap_record(valid_root, SNAPSHOT, result).path
    first = path.read_bytes()

    again = write_paygap_record(valid_root, SNAPSHOT, result)

    assert again.action == "unchanged"
    assert path.read_bytes() == first


EXISTING = """\
# yaml-language-server: $schema=../schemas/paygap.schema.json
# Figures for 2025, signed off by the board on 12 March 2026.
id: 2025-03-31
snapshot: 2025-03-31
figures:
  DiffMeanHourlyPercent: 1.0  # checked by payroll
  # The median is the figure we lead with.
  DiffMedianHourlyPercent: 2.0
  DiffMeanBonusPercent: 3.0
  DiffMedianBonusPercent: 4.0
  MaleBonusPercent: 5.0
  FemaleBonusPercent: 6.0
  MaleLowerQuartile: 50.0
  FemaleLowerQuartile: 50.0
  MaleLowerMiddleQuartile: 50.0
  FemaleLowerMiddleQuartile: 50.0
  MaleUpperMiddleQuartile: 50.0
  FemaleUpperMiddleQuartile: 50.0
  MaleTopQuartile: 50.0
  FemaleTopQuartile: 50.0
counts:
  male_relevant: 1  # from the payroll extract
  female_relevant: 1
employer_size: Less than 250
link: https://example.nhs.uk/gpg
submitted: 2026-03-14
narrative: >-
  Women are most of our staff and most of the lowest paid quartile,
  where part-time roles sit.
# Reviewed by the equality lead.
"""


def test_an_update_replaces_only_figures_and_counts_and_keeps_every_comment(valid_root: Path, result):
    path = valid_root / "paygap" / "2025-03-31.yaml"
    path.write_text(EXISTING)

    written = write_paygap_record(valid_root, SNAPSHOT, result)

    assert written.action == "updated"
    text = path.read_text()
    for line in EXISTING.splitlines():
        if line.startswith("#") or ":" not in line or line.split(":")[0] in (
                "id", "snapshot", "employer_size", "link", "submitted", "narrative"):
            assert line in text.splitlines()
    assert "  DiffMeanHourlyPercent: 6.3  # checked by payroll" in text
    assert "  # The median is the figure we lead with.\n  DiffMedianHourlyPercent: 18.8\n" in text
    assert "  male_relevant: 4  # from the payroll extract" in text
    data = load_document(path, written.file).data
    assert data["figures"] == published_figures(result)
    assert data["counts"] == record_counts(result)
    assert data["narrative"] == ("Women are most of our staff and most of the lowest paid quartile, "
                                 "where part-time roles sit.")
    assert (data["link"], data["submitted"]) == ("https://example.nhs.uk/gpg", "2026-03-14")
    assert list(data) == ["id", "snapshot", "figures", "counts", "employer_size", "link", "submitted",
                          "narrative"]
    assert validate(valid_root).problems == []
    assert write_paygap_record(valid_root, SNAPSHOT, result).action == "unchanged"


def test_counts_added_to_a_record_without_them_go_before_the_comment_on_the_next_key(result):
    text = (EXISTING.replace("counts:\n  male_relevant: 1  # from the payroll extract\n  female_relevant: 1\n",
                             "# Size band: checked against ESR.\n"))

    updated = updated_record_text(text, "paygap/2025-03-31.yaml", paygap_record(SNAPSHOT, result))

    assert "  FemaleTopQuartile: 50.0\ncounts:\n" in updated
    assert "  female_bonus: 2\n# Size band: checked against ESR.\nemployer_size: Less than 250\n" in updated


def test_figures_the_record_cannot_hold_are_refused_and_nothing_is_written(valid_root: Path):
    """No full-pay relevant women: the hourly gaps are undefined, and the record requires them."""
    no_women_on_full_pay = pay_gap_figures([
        Employee("male", True, D("12"), D(0)), Employee("male", True, D("14"), D(0)),
        Employee("female", False, None, D(0)),
    ])
    assert no_women_on_full_pay.figures["DiffMeanHourlyPercent"] is None

    with pytest.raises(PayGapRecordError) as raised:
        write_paygap_record(valid_root, SNAPSHOT, no_women_on_full_pay)

    message = str(raised.value)
    assert "paygap/2025-03-31.yaml was not written" in message
    assert "DiffMeanHourlyPercent, DiffMedianHourlyPercent" in message
    assert "no full-pay relevant women" in message
    assert not (valid_root / "paygap" / "2025-03-31.yaml").exists()


def test_a_record_that_does_not_load_is_left_alone(valid_root: Path, result):
    path = valid_root / "paygap" / "2025-03-31.yaml"
    broken = "id: 2025-03-31\nfigures: [unclosed\n"
    path.write_text(broken)

    with pytest.raises(ComputedRecordError, match=r"paygap/2025-03-31.yaml:\d+:\d+: .*equitykit validate"):
        write_paygap_record(valid_root, SNAPSHOT, result)

    assert path.read_text() == broken


def test_an_existing_yml_record_is_updated_rather_than_shadowed(valid_root: Path, result):
    path = valid_root / "paygap" / "2025-03-31.yml"
    path.write_text(EXISTING)

    written = write_paygap_record(valid_root, SNAPSHOT, result)

    assert written.path == path
    assert not (valid_root / "paygap" / "2025-03-31.yaml").exists()
    assert load_document(path, "x").data["figures"]["DiffMeanHourlyPercent"] == 6.3


def test_the_paygap_folder_is_made_when_missing(valid_root: Path, result):
    for file in (valid_root / "paygap").iterdir():
        file.unlink()
    (valid_root / "paygap").rmdir()

    written = write_paygap_record(valid_root, SNAPSHOT, result)

    assert written.path.is_file()
    assert validate(valid_root).problems == []
