"""Kinds of public body: their names, which NHS England standards apply to each and why, and the
dates a kind of body existed between (CCGs gave way to ICBs on 1 July 2022).

Duties of the specific duties regulations follow the jurisdiction; the NHS standards (EDS, WRES,
WDES) follow the kind of body. A body to which a standard does not apply never sees it: no
deadline, report section, column or advice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from ..i18n import N_, _

Sector = Literal["nhs-trust", "nhs-foundation-trust", "icb", "ccg", "local-authority", "other-public"]

STANDARD_NAMES: dict[str, str] = {"eds": N_("Equality Delivery System (EDS)"),
                                  "wres": N_("Workforce Race Equality Standard (WRES)"),
                                  "wdes": N_("Workforce Disability Equality Standard (WDES)")}
JURISDICTION_NAMES: dict[str, str] = {"england": N_("England"), "wales": N_("Wales"), "scotland": N_("Scotland")}
IN_JURISDICTION: dict[str, str] = {"england": N_("in England"), "wales": N_("in Wales"),
                                   "scotland": N_("in Scotland")}

ICS_DAY = dt.date(2022, 7, 1)
"""Health and Care Act 2022: CCGs abolished and ICBs established on 1 July 2022."""


@dataclass(frozen=True)
class SectorProfile:
    """One kind of body: its name in reports, the NHS standards that apply and the source of each,
    and the dates bodies of this kind existed from and until (None: no limit)."""

    name: str
    standards: dict[str, str]
    existed_from: dt.date | None = None
    existed_until: dt.date | None = None
    existence_basis: str = ""


PROVIDER_STANDARDS = {"eds": N_("NHS Standard Contract"), "wres": N_("NHS Standard Contract (from 2015)"),
                      "wdes": N_("NHS Standard Contract (from 2019)")}

SECTORS: dict[str, SectorProfile] = {
    "nhs-trust": SectorProfile(N_("NHS trust"), PROVIDER_STANDARDS),
    "nhs-foundation-trust": SectorProfile(N_("NHS foundation trust"), PROVIDER_STANDARDS),
    "icb": SectorProfile(N_("Integrated care board"), {
        "eds": N_("NHS England: EDS 2022 for commissioners and providers"),
        "wres": N_("NHS England WRES guidance (ICBs)"), "wdes": N_("NHS England WDES guidance (ICBs)")},
        existed_from=ICS_DAY, existence_basis="Health and Care Act 2022: ICBs established 1 July 2022"),
    "ccg": SectorProfile(N_("Clinical commissioning group"), {
        "eds": N_("EDS2 (2013) for commissioners"),
        "wres": N_("NHS England WRES: applied to CCGs from 2015 (CCG improvement and assessment framework)")},
        existed_from=dt.date(2013, 4, 1), existed_until=ICS_DAY,
        existence_basis="Health and Social Care Act 2012 (CCGs from 1 April 2013); Health and Care Act "
                        "2022 (abolished 1 July 2022)"),
    "local-authority": SectorProfile(N_("Local authority"), {}),
    "other-public": SectorProfile(N_("Public body"), {}),
}
"""Every kind of body. The WDES was mandated for NHS trusts and foundation trusts; CCGs were not
required to publish it (UNCONFIRMED: kept out for CCGs)."""


def source(sector: str, standard: str) -> str:
    """Why a standard applies to a kind of body, e.g. "Integrated care board: NHS England WRES guidance (ICBs)"."""
    profile = SECTORS[sector]
    return _("{kind}: {source}").format(kind=_(profile.name), source=_(profile.standards[standard]))


def applies(sector: str, standard: str) -> bool:
    """Whether an NHS England standard applies to a kind of body."""
    return standard in SECTORS[sector].standards


def not_applicable_reason(name: str, sector: str, jurisdiction: str, standard: str) -> str | None:
    """Why an NHS England standard does not apply to a body, in words (e.g. for `grade eds` on a
    council), or None when it applies: England only, and only the kinds of body it names."""
    title = _(STANDARD_NAMES[standard])
    if jurisdiction != "england":
        return _("The {standard} is an NHS England standard; it does not apply to {name}, a body {where}.").format(
            standard=title, name=name, where=_(IN_JURISDICTION[jurisdiction]))
    if applies(sector, standard):
        return None
    kinds = [sector_in_sentence(key) for key in SECTORS if applies(key, standard)]
    return _("The {standard} does not apply to {name}, a {kind}; it applies to {kinds} and {last} bodies in "
             "England.").format(standard=title, name=name, kind=sector_in_sentence(sector),
                                kinds=", ".join(kinds[:-1]), last=kinds[-1])


def sector_in_sentence(sector: str) -> str:
    """A kind of body's name from the one table (`SECTORS`), as within a sentence: "local authority", but
    "NHS trust" (an acronym keeps its capitals)."""
    name = _(SECTORS[sector].name)
    first = name.split(" ", 1)[0]
    return name if len(first) > 1 and first.isupper() else name[:1].lower() + name[1:]
