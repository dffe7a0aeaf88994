"""The NHS Equality Delivery System frameworks: domains or goals, and their outcomes."""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import N_


@dataclass(frozen=True)
class Outcome:
    """One outcome of an EDS framework."""

    code: str
    group: str
    text: str


@dataclass(frozen=True)
class Framework:
    """An EDS framework: its name, what it groups outcomes into, and its outcomes in order."""

    name: str
    title: str
    group_label: str
    outcomes: tuple[Outcome, ...]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(outcome.code for outcome in self.outcomes)

    @property
    def groups(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(outcome.group for outcome in self.outcomes))


_D1 = N_("Commissioned or provided services")
_D2 = N_("Workforce health and well-being")
_D3 = N_("Inclusive leadership")
EDS2022 = Framework("eds2022", "EDS 2022", "Domain", (
    Outcome("1A", _D1, N_("Patients (service users) have required levels of access to the service")),
    Outcome("1B", _D1, N_("Individual patients (service users) health needs are met")),
    Outcome("1C", _D1, N_("When patients (service users) use the service, they are free from harm")),
    Outcome("1D", _D1, N_("Patients (service users) report positive experiences of the service")),
    Outcome("2A", _D2, N_("When at work, staff are provided with support to manage obesity, diabetes, "
            "asthma, COPD and mental health conditions")),
    Outcome("2B", _D2, N_("When at work, staff are free from abuse, harassment, bullying and physical "
            "violence from any source")),
    Outcome("2C", _D2, N_("Staff have access to independent support and advice when suffering from stress, "
            "abuse, bullying harassment and physical violence from any source")),
    Outcome("2D", _D2, N_("Staff recommend the organisation as a place to work and receive treatment")),
    Outcome("3A", _D3, N_("Board members, system leaders (Band 9 and VSM) and those with line management "
            "responsibilities routinely demonstrate their understanding of, and commitment to, equality "
            "and health inequalities")),
    Outcome("3B", _D3, N_("Board/Committee papers (including minutes) identify equality and health "
            "inequalities related impacts and risks and how they will be mitigated and managed")),
    Outcome("3C", _D3, N_("Board members and system leaders (Band 9 and VSM) ensure levers are in place to "
            "manage performance and monitor progress with staff and patients")),
))

_G1 = N_("Better health outcomes")
_G2 = N_("Improved patient access and experience")
_G3 = N_("A representative and supported workforce")
_G4 = N_("Inclusive leadership")
EDS2 = Framework("eds2", "EDS2", "Goal", (
    Outcome("1.1", _G1, N_("Services are commissioned, procured, designed and delivered to meet the health "
            "needs of local communities")),
    Outcome("1.2", _G1, N_("Individual people's health needs are assessed and met in appropriate and "
            "effective ways")),
    Outcome("1.3", _G1, N_("Transitions from one service to another, for people on care pathways, are made "
            "smoothly with everyone well-informed")),
    Outcome("1.4", _G1, N_("When people use NHS services their safety is prioritised and they are free from "
            "mistakes, mistreatment and abuse")),
    Outcome("1.5", _G1, N_("Screening, vaccination and other health promotion services reach and benefit "
            "all local communities")),
    Outcome("2.1", _G2, N_("People, carers and communities can readily access hospital, community health or "
            "primary care services and should not be denied access on unreasonable grounds")),
    Outcome("2.2", _G2, N_("People are informed and supported to be as involved as they wish to be in "
            "decisions about their care")),
    Outcome("2.3", _G2, N_("People report positive experiences of the NHS")),
    Outcome("2.4", _G2, N_("People's complaints about services are handled respectfully and efficiently")),
    Outcome("3.1", _G3, N_("Fair NHS recruitment and selection processes lead to a more representative "
            "workforce at all levels")),
    Outcome("3.2", _G3, N_("The NHS is committed to equal pay for work of equal value and expects employers "
            "to use equal pay audits to help fulfil their legal obligations")),
    Outcome("3.3", _G3, N_("Training and development opportunities are taken up and positively evaluated by "
            "all staff")),
    Outcome("3.4", _G3, N_("When at work, staff are free from abuse, harassment, bullying and violence from "
            "any source")),
    Outcome("3.5", _G3, N_("Flexible working options are available to all staff consistent with the needs "
            "of the service and the way people lead their lives")),
    Outcome("3.6", _G3, N_("Staff report positive experiences of their membership of the workforce")),
    Outcome("4.1", _G4, N_("Boards and senior leaders routinely demonstrate their commitment to promoting "
            "equality within and beyond their organisations")),
    Outcome("4.2", _G4, N_("Papers that come before the Board and other major Committees identify "
            "equality-related impacts including risks, and say how these risks are to be managed")),
    Outcome("4.3", _G4, N_("Middle managers and other line managers support their staff to work in "
            "culturally competent ways within a work environment free from discrimination")),
))
FRAMEWORKS: dict[str, Framework] = {EDS2022.name: EDS2022, EDS2.name: EDS2}
ALL_OUTCOME_CODES: frozenset[str] = frozenset(EDS2022.codes + EDS2.codes)
