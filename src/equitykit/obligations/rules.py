"""The statutory and NHS duties as data: one rule per duty, with its legal basis and schedule.

Each rule names the jurisdictions it belongs to and, for NHS England standards, the standard
(bodies outside either never see it); it may exclude a body outright (`excluded`, e.g. modern
slavery not tracked: one not-applicable row), and may depend on a condition at each cycle's
snapshot date (`condition`, e.g. a headcount threshold).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from ..i18n import N_, _
from ..records.organisation import NHS_SECTORS, Jurisdiction, Organisation
from ..records.publication import Publication
from ..records.sectors import applies, source
from . import schedules
from .cycles import Earlier, Fixed, Rolling
from .headcount import threshold
from .model import Applicability

Excluded = Callable[[Organisation, list[Publication]], str | None]
"""Why a rule does not apply to the body, given its publications of the duty, or None."""
Condition = Callable[[Organisation, dt.date], Applicability]

GREAT_BRITAIN: frozenset[Jurisdiction] = frozenset({"england", "wales", "scotland"})


@dataclass(frozen=True)
class Rule:
    """One duty: what it is, where it comes from, and when it falls due."""

    id: str
    duty: str
    title: str
    basis: str
    description: str
    jurisdictions: frozenset[Jurisdiction]
    schedule: Fixed | Rolling
    excluded: Excluded | None = None
    condition: Condition | None = None
    standard: str | None = None
    audience: Callable[[Organisation], bool] | None = None
    also_met_by: tuple[str, ...] = ()
    """Other duties whose publications meet this one too (a report that usually covers both)."""

    @property
    def publication_duties(self) -> tuple[str, ...]:
        """The `duty:` values of the publications that meet this rule: its own, then `also_met_by`."""
        return (self.duty, *self.also_met_by)

    def seen_by(self, organisation: Organisation) -> bool:
        """Whether the body sees this rule at all: its jurisdiction, the NHS standard's bodies, and the
        rule's own audience."""
        return organisation.jurisdiction in self.jurisdictions and (
            self.standard is None or applies(organisation.sector, self.standard)) and (
            self.audience is None or self.audience(organisation))

    def basis_for(self, organisation: Organisation) -> str:
        """The legal or contractual basis, with why an NHS standard applies to this kind of body."""
        basis = _(self.basis)
        return basis if self.standard is None else f"{basis}; {source(organisation.sector, self.standard)}"


def _employee_information(organisation: Organisation, day: dt.date) -> Applicability:
    size = threshold(organisation, day, 150, _("employee information (reg 4(4))"))
    if size.applies is None:
        return Applicability(True, size.reason, size.hint)
    required = _("employee information required") if size.applies else _("employee information not required")
    return Applicability(True, f"{required}: {size.reason}")


def _not_opted_in(organisation: Organisation, publications: list[Publication]) -> str | None:
    """Tracked when the body opts in, or records a statement (planned, draft or published)."""
    if organisation.modern_slavery_statement or publications:
        return None
    return _("not tracked: set modern_slavery_statement: true in equitykit.yaml, or record a statement, to opt in")


def _diversity_pay_gaps_audience(organisation: Organisation) -> bool:
    """NHS bodies (as NHS England expects), and any other body that sets calendar.diversity_pay_gaps: true."""
    return organisation.sector in NHS_SECTORS or organisation.calendar.diversity_pay_gaps is True


def _diversity_pay_gaps_not_tracked(organisation: Organisation, publications: list[Publication]) -> str | None:
    """An NHS body may switch the expectation off with calendar.diversity_pay_gaps: false."""
    if organisation.calendar.diversity_pay_gaps is False:
        return _("not tracked: calendar.diversity_pay_gaps is false in equitykit.yaml")
    return None


def _employees(minimum: int, what: str) -> Condition:
    def condition(organisation: Organisation, snapshot: dt.date) -> Applicability:
        return threshold(organisation, snapshot, minimum, _(what))

    return condition


RULES: tuple[Rule, ...] = (
    Rule("england-equality-information", "equality-information", N_("Equality information"),
         N_("SI 2017/353 reg 4(2); employee information reg 4(3)(a), not below 150 employees reg 4(4)"),
         N_("Publish information showing compliance with the general duty at intervals of not more than "
         "one year from the last publication (first by 30 March 2018)."),
         frozenset({"england"}), Rolling(1, dt.date(2018, 3, 30), N_("SI 2017/353 reg 4(2)"), earlier=Earlier(
             dt.date(2017, 3, 31), dt.date(2012, 1, 31), N_("SI 2011/2260 reg 2(2), in force until 31 March 2017"))),
         condition=_employee_information),
    Rule("england-equality-objectives", "equality-objectives", N_("Equality objectives"),
         N_("SI 2017/353 reg 5 (first objectives: SI 2011/2260 reg 3)"),
         N_("Prepare and publish one or more specific and measurable equality objectives at intervals "
         "of not more than four years from the last publication (first by 6 April 2012)."),
         frozenset({"england"}), Rolling(4, dt.date(2012, 4, 6), N_("SI 2011/2260 reg 3"))),
    Rule("wales-annual-report", "annual-report", N_("Annual equality report"),
         N_("SI 2011/1064 (W.155) reg 16(1)"),
         N_("Publish a report for each reporting year (1 April to 31 March) by 31 March of the "
         "following year."),
         frozenset({"wales"}), Fixed("annual-report", 2011, 1, schedules.welsh_annual_report)),
    Rule("wales-equality-objectives", "equality-objectives", N_("Equality objectives (review)"),
         N_("SI 2011/1064 (W.155) reg 3"),
         N_("Publish equality objectives and review them at least every four years from the last "
         "publication (first date 2 April 2012 is unconfirmed)."),
         frozenset({"wales"}), Rolling(4, dt.date(2012, 4, 2), N_("SI 2011/1064 reg 3"))),
    Rule("wales-strategic-equality-plan", "strategic-equality-plan", N_("Strategic equality plan (review)"),
         N_("SI 2011/1064 (W.155) regs 14-15"),
         N_("Publish a strategic equality plan and review it with the objectives at least every four "
         "years from the last publication (first date 2 April 2012 is unconfirmed)."),
         frozenset({"wales"}), Rolling(4, dt.date(2012, 4, 2), N_("SI 2011/1064 regs 14-15"))),
    Rule("scotland-mainstreaming-report", "mainstreaming-report", N_("Mainstreaming report"),
         N_("SSI 2012/162 reg 3"),
         N_("Publish a report on progress in making the general duty integral to the exercise of "
         "functions at intervals of not more than two years from the last publication (first by "
         "30 April 2013)."),
         frozenset({"scotland"}), Rolling(2, dt.date(2013, 4, 30), N_("SSI 2012/162 reg 3"))),
    Rule("scotland-equality-outcomes", "equality-outcomes", N_("Equality outcomes"),
         N_("SSI 2012/162 reg 4(1)"),
         N_("Publish a set of equality outcomes at intervals of not more than four years from the last "
         "publication (first by 30 April 2013)."),
         frozenset({"scotland"}), Rolling(4, dt.date(2013, 4, 30), N_("SSI 2012/162 reg 4(1)"))),
    Rule("scotland-outcomes-progress", "equality-outcomes-progress", N_("Progress on equality outcomes"),
         N_("SSI 2012/162 reg 4(4)"),
         N_("Publish a report on the progress made to achieve the equality outcomes at intervals of not more than "
         "two years from the last publication (first by 30 April 2015); usually one report with the mainstreaming "
         "report, which meets it too."),
         frozenset({"scotland"}), Rolling(2, dt.date(2015, 4, 30), N_("SSI 2012/162 reg 4(4)(a)")),
         also_met_by=("mainstreaming-report",)),
    Rule("scotland-pay-gap", "scottish-pay-gap", N_("Gender pay gap (Scotland)"),
         N_("SSI 2012/162 reg 7; 20 or more employees (SSI 2016/159)"),
         N_("Publish the percentage difference between men's and women's average hourly pay "
         "(excluding overtime) by 30 April every second year: 2013, 2015, 2017 and so on."),
         frozenset({"scotland"}), Fixed("scottish-pay-gap", 2013, 2, schedules.scottish_pay(2)),
         condition=_employees(20, N_("the Scottish gender pay gap"))),
    Rule("scotland-equal-pay-statement", "equal-pay-statement", N_("Equal pay statement"),
         N_("SSI 2012/162 reg 8; 20 or more employees (SSI 2016/159)"),
         N_("Publish a statement on equal pay (sex, disability, race) and occupational segregation by "
         "30 April every fourth year: 2013, 2017, 2021, 2025 and so on."),
         frozenset({"scotland"}), Fixed("equal-pay-statement", 2013, 4, schedules.scottish_pay(4)),
         condition=_employees(20, N_("the equal pay statement"))),
    Rule("gpg", "gender-pay-gap", N_("Gender pay gap"),
         N_("SI 2017/353 reg 3 and Schedule 1; 250 or more employees on the 31 March snapshot date"),
         N_("Publish the six gender pay gap figures on the body's website and GOV.UK within 12 months "
         "of the 31 March snapshot date, i.e. by 30 March (2020 reporting year: 5 October 2021)."),
         frozenset({"england"}), Fixed("gender-pay-gap", 2017, 1, schedules.gender_pay_gap),
         condition=_employees(250, N_("the gender pay gap"))),
    Rule("diversity-pay-gaps", "diversity-pay-gaps", N_("Ethnicity, disability and sexual orientation pay gaps"),
         N_("NHS EDI Improvement Plan (NHS England, June 2023), high impact action 3: an NHS England "
         "expectation, not a statutory duty; switched by calendar.diversity_pay_gaps"),
         N_("Publish the ethnicity and disability pay gaps (other characteristics from 2026) beside the gender "
         "pay gap, with the plan to close them: snapshot 31 March, by 30 March the following year."),
         frozenset({"england"}), Fixed("diversity-pay-gaps", 2024, 1, schedules.diversity_pay_gaps),
         excluded=_diversity_pay_gaps_not_tracked, audience=_diversity_pay_gaps_audience),
    Rule("eds", "eds", N_("Equality Delivery System (EDS) report"),
         N_("NHS EDS 2022 (NHS Standard Contract); publish by calendar.eds_publish_by (default 28 February)"),
         N_("Publish the year's EDS grading and summary report on the organisation's website."),
         frozenset({"england"}), Fixed("eds", 2023, 1, schedules.eds), standard="eds"),
    Rule("wres", "wres", N_("Workforce Race Equality Standard (WRES)"),
         N_("NHS WRES (NHS Standard Contract); data as at calendar.workforce_data_as_at, "
         "publish by calendar.wres_publish_by (defaults 31 March and 31 October)"),
         N_("Publish the WRES indicators and the action plan for the year's data."),
         frozenset({"england"}), Fixed("wres", 2015, 1, schedules.workforce_standard("wres_publish_by")),
         standard="wres"),
    Rule("wdes", "wdes", N_("Workforce Disability Equality Standard (WDES)"),
         N_("NHS WDES (NHS Standard Contract); data as at calendar.workforce_data_as_at, "
         "publish by calendar.wdes_publish_by (defaults 31 March and 31 October)"),
         N_("Publish the WDES metrics and the action plan for the year's data."),
         frozenset({"england"}), Fixed("wdes", 2019, 1, schedules.workforce_standard("wdes_publish_by")),
         standard="wdes"),
    Rule("modern-slavery", "modern-slavery", N_("Modern slavery statement"),
         N_("Modern Slavery Act 2015 s54 (guidance: within six months of the financial year end)"),
         N_("Publish a slavery and human trafficking statement, approved by the board, for each "
         "financial year; tracked only when the organisation opts in."),
         GREAT_BRITAIN, Fixed("modern-slavery", 2016, 1, schedules.modern_slavery),
         excluded=_not_opted_in),
)


PAY_GAP_DUTIES = ("gender-pay-gap", "scottish-pay-gap")
"""The duties to publish a gender pay gap: England's (SI 2017/353) and Scotland's (SSI 2012/162 reg 7)."""


def duty_on(organisation: Organisation, duties: tuple[str, ...], day: dt.date) -> Applicability | None:
    """Whether the first of `duties` the body has (by jurisdiction, kind of body) applies to it on `day`, and
    why (its condition, e.g. a headcount threshold); None when the body has none of them at all, e.g. the
    gender pay gap for a body in Wales."""
    rule = next((rule for rule in RULES if rule.duty in duties and rule.seen_by(organisation)), None)
    if rule is None:
        return None
    return rule.condition(organisation, day) if rule.condition else Applicability(True)
