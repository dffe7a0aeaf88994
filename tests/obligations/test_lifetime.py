"""A body's calendar runs from its establishment to its dissolution (issue 11; issue 10 friction 10):
no duty is due before the body existed or after it ceased to exist, and first cycles count from
its establishment; without an `established` date, from the first publication it records."""

from __future__ import annotations

import datetime as dt

from obligation_builders import evaluate, organisation, publication


def test_an_icb_established_in_2022_shows_no_2012_duties_overdue() -> None:
    icb = organisation("england", sector="icb", established="2022-07-01", headcount={"2023-03-31": 900})
    found = evaluate(icb, [], "2023-06-01")
    information = found["england-equality-information"]
    objectives = found["england-equality-objectives"]
    assert (information.due, information.status) == (dt.date(2023, 7, 1), "due")
    assert (objectives.due, objectives.status) == (dt.date(2026, 7, 1), "upcoming")
    assert "4 years after the body's establishment on 2022-07-01" in objectives.note
    assert not any(o.due < dt.date(2022, 7, 1) for o in found.values())


def test_an_icb_without_established_counts_from_1_july_2022() -> None:
    icb = organisation("england", sector="icb", established=None, headcount={"2023-03-31": 900})
    found = evaluate(icb, [], "2023-06-01")
    assert found["england-equality-objectives"].due == dt.date(2026, 7, 1)
    assert min(i for i in found if i.startswith("gpg-")) == "gpg-2023"


def test_first_gender_pay_gap_cycle_counts_from_the_first_snapshot_after_establishment() -> None:
    icb = organisation("england", sector="icb", established="2022-07-01", headcount={"2023-03-31": 900})
    gaps = [i for i in evaluate(icb, [], "2024-06-01") if i.startswith("gpg-")]
    assert gaps == ["gpg-2023", "gpg-2024"]


def test_a_ccg_sees_no_duty_due_on_or_after_its_abolition() -> None:
    ccg = organisation("england", sector="ccg", established="2013-04-01", headcount={"2021-03-31": 163})
    report = publication("PUB-001", "equality-information", "2021-09-01")
    found = evaluate(ccg, [report], "2023-06-01")
    assert all(o.due < dt.date(2022, 7, 1) or o.status == "not-applicable" for o in found.values())
    information = found["england-equality-information"]
    assert information.status == "not-applicable"
    assert "ceased to exist on 2022-07-01" in information.note


def test_a_ccg_sees_wres_but_not_wdes_and_the_basis_says_why() -> None:
    ccg = organisation("england", sector="ccg", established="2013-04-01", headcount={"2019-03-31": 163})
    found = evaluate(ccg, [], "2020-06-01")
    wres = [o for i, o in found.items() if i.startswith("wres-")]
    assert wres and wres[0].basis.endswith("; Clinical commissioning group: NHS England WRES: applied to CCGs "
                                           "from 2015 (CCG improvement and assessment framework)")
    assert not any(i.startswith("wdes-") for i in found)


def test_a_dissolved_date_ends_the_calendar() -> None:
    body = organisation("england", dissolved="2020-01-01", headcount={"2019-03-31": 400})
    found = evaluate(body, [], "2025-06-01")
    assert max(o.due for o in found.values() if o.status != "not-applicable") < dt.date(2020, 1, 1)


def test_without_established_the_calendar_starts_at_the_first_publication() -> None:
    body = organisation("england", established=None, headcount={"2024-03-31": 400})
    first = publication("PUB-001", "equality-information", "2024-05-10")
    found = evaluate(body, [first], "2025-01-01")
    objectives = found["england-equality-objectives"]
    assert objectives.due == dt.date(2028, 5, 10)
    assert "first publication on record, PUB-001 (2024-05-10)" in objectives.note
    assert "add established:" in objectives.note
    assert not any(o.status == "overdue" for o in found.values())
    assert "earlier cycles are not shown: the calendar starts at the first publication on record" in \
        found["gpg-2024"].note


def test_without_established_or_publications_the_regulations_dates_apply() -> None:
    body = organisation("england", established=None)
    assert evaluate(body, [], "2025-06-01")["england-equality-objectives"].due == dt.date(2012, 4, 6)


def test_a_2013_calendar_follows_the_2011_regulations() -> None:
    council = organisation("england", headcount={"2013-03-31": 5000})
    information = evaluate(council, [], "2013-06-01")["england-equality-information"]
    assert (information.due, information.status) == (dt.date(2012, 1, 31), "overdue")
    assert information.basis.startswith("SI 2011/2260 reg 2(2)")
    later = evaluate(council, [], "2017-06-01")["england-equality-information"]
    assert (later.due, later.basis[:10]) == (dt.date(2018, 3, 30), "SI 2017/35")


def test_a_2011_regulations_publication_starts_the_clock() -> None:
    council = organisation("england", headcount={"2013-03-31": 5000})
    paper = publication("PUB-001", "equality-information", "2012-01-20")
    information = evaluate(council, [paper], "2013-01-01")["england-equality-information"]
    assert (information.due, information.status) == (dt.date(2013, 1, 20), "due")
