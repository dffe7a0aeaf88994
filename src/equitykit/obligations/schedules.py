"""When each fixed-date duty falls due in a given year: one function per kind of cycle."""

from __future__ import annotations

import datetime as dt

from ..i18n import N_, _
from ..records.organisation import Organisation
from .cycles import Cycle
from .dates import ONE_DAY, add_months, add_years, on_month_day, year_label

PAY_GAP_2020_DUE = dt.date(2021, 10, 5)
"""The extended deadline for the 2020 reporting year (GOV.UK gender pay gap service code)."""


def gender_pay_gap(organisation: Organisation, year: int) -> Cycle:
    """Snapshot 31 March `year`; due within 12 months, i.e. 30 March next year (2020: 5 October 2021)."""
    snapshot = dt.date(year, 3, 31)
    due = PAY_GAP_2020_DUE if year == 2020 else add_years(snapshot, 1) - ONE_DAY
    return Cycle(key=str(year), label=_("snapshot {date}").format(date=snapshot), due=due, opens=snapshot,
                 periods=frozenset({year_label(year)}), links=frozenset({f"paygap/{snapshot}"}),
                 snapshot=snapshot, dates=((N_("snapshot date"), snapshot), (N_("due"), due)))


def diversity_pay_gaps(organisation: Organisation, year: int) -> Cycle:
    """As the gender pay gap (snapshot 31 March `year`, due 30 March next year), met by a publication that
    names the year or any of the year's ethnicity, disability or sexual orientation pay gap records."""
    cycle = gender_pay_gap(organisation, year)
    snapshot = dt.date(year, 3, 31)
    links = frozenset(f"paygap/{snapshot}-{name}" for name in ("ethnicity", "disability", "sexual-orientation"))
    due = add_years(snapshot, 1) - ONE_DAY
    return Cycle(key=cycle.key, label=cycle.label, due=due, opens=snapshot, periods=cycle.periods, links=links,
                 snapshot=snapshot, dates=((N_("snapshot date"), snapshot), (N_("due"), due)))


def welsh_annual_report(organisation: Organisation, year: int) -> Cycle:
    """Reporting year 1 April `year` to 31 March next year; report due 31 March the year after."""
    period_end = dt.date(year + 1, 3, 31)
    due = dt.date(year + 2, 3, 31)
    label = year_label(year)
    return Cycle(key=label, label=_("reporting year {year}").format(year=label), due=due, opens=period_end + ONE_DAY,
                 periods=frozenset({label}), snapshot=period_end,
                 dates=((N_("reporting year starts"), dt.date(year, 4, 1)), (N_("reporting year ends"), period_end),
                        (N_("due"), due)))


def scottish_pay(years_apart: int):
    """Due 30 April `year`, one cycle every `years_apart` years (regs 7 and 8 of SSI 2012/162)."""

    def cycle(organisation: Organisation, year: int) -> Cycle:
        due = dt.date(year, 4, 30)
        snapshot = dt.date(year, 3, 31)
        return Cycle(key=str(year), label=_("30 April {year}").format(year=year), due=due,
                     opens=dt.date(year - years_apart, 5, 1),
                     periods=frozenset({str(year), year_label(year - 1)}), snapshot=snapshot,
                     dates=((N_("headcount snapshot"), snapshot), (N_("due"), due)))

    return cycle


def eds(organisation: Organisation, year: int) -> Cycle:
    """The EDS report for the reporting year ending in `year`, due by calendar.eds_publish_by in `year`."""
    publish_by = organisation.calendar.eds_publish_by
    due = on_month_day(year, publish_by)
    label = year_label(year - 1)
    return Cycle(key=label, label=_("reporting year {year}").format(year=label), due=due,
                 opens=on_month_day(year - 1, publish_by) + ONE_DAY,
                 periods=frozenset({label}), links=frozenset({f"eds/{label}"}),
                 dates=((N_("due (calendar.eds_publish_by)"), due),))


DUE_BY_SETTING = {"wres_publish_by": N_("due (calendar.wres_publish_by)"),
                  "wdes_publish_by": N_("due (calendar.wdes_publish_by)")}
"""The label of a WRES or WDES due date, naming the setting it comes from."""


def workforce_standard(publish_by_setting: str):
    """WRES or WDES: data as at calendar.workforce_data_as_at in `year`, published by the setting's date."""

    def cycle(organisation: Organisation, year: int) -> Cycle:
        settings = organisation.calendar
        as_at = on_month_day(year, settings.workforce_data_as_at)
        due = on_month_day(year, getattr(settings, publish_by_setting))
        if due < as_at:
            due = on_month_day(year + 1, getattr(settings, publish_by_setting))
        return Cycle(key=str(year), label=_("data as at {date}").format(date=as_at), due=due, opens=as_at,
                     periods=frozenset({str(year), year_label(year - 1)}),
                     links=frozenset({f"workforce/{as_at}"}), snapshot=as_at,
                     dates=((N_("data as at (calendar.workforce_data_as_at)"), as_at),
                            (DUE_BY_SETTING[publish_by_setting], due)))

    return cycle


def modern_slavery(organisation: Organisation, year: int) -> Cycle:
    """The statement for the financial year ending in `year`, due six months after it ends."""
    start = organisation.financial_year_start
    year_end = on_month_day(year, start) - ONE_DAY
    if year_end.year < year:
        year_end = on_month_day(year + 1, start) - ONE_DAY
    label = str(year) if year_end.month == 12 and year_end.day == 31 else year_label(year - 1)
    due = add_months(year_end, 6)
    return Cycle(key=label, label=_("financial year {year}").format(year=label), due=due, opens=year_end + ONE_DAY,
                 periods=frozenset({label}),
                 dates=((N_("financial year ends"), year_end), (N_("due (six months later)"), due)))
