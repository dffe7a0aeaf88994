"""The organisation record, `equitykit.yaml`: who the body is and so which duties apply."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from .bilingual import welsh
from .common import Count, IsoDate, Model, Slug, Text
from .sectors import SECTORS, Sector, not_applicable_reason
from .tags import OwnTagFramework

Jurisdiction = Literal["england", "wales", "scotland"]
Language = Literal["en", "cy"]
BilingualLayout = Literal["separate", "side-by-side", "welsh-first"]
MonthDay = Annotated[str, Field(pattern=r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")]
MemberPath = Annotated[str, Field(pattern=r"^[^/\\~:\s][^:]*$")]
"""A member's records folder, relative to the folder holding `equitykit.yaml` (never absolute)."""

NHS_SECTORS = frozenset(sector for sector, profile in SECTORS.items() if profile.standards)


class Headcount(Model):
    """Employee headcount on a snapshot date."""

    date: IsoDate = Field(description="The snapshot date, e.g. 2025-03-31.")
    employees: Count = Field(description="Number of employees on that date.")


class Characteristic(Model):
    """A characteristic the organisation considers beyond the nine protected ones."""

    slug: Slug = Field(description="Identifier used in records, e.g. socio-economic.")
    name: Text = Field(description="Name shown in reports, e.g. Socio-economic disadvantage.")
    name_cy: Text | None = welsh("name")


class Contact(Model):
    """How to ask for a document in another format (Accessible Information Standard)."""

    email: str | None = Field(None, description="Email address for requests.")
    phone: str | None = Field(None, description="Telephone number, including any text relay.")
    address: str | None = Field(None, description="Postal address.")
    address_cy: str | None = welsh("address")
    text: str | None = Field(None, description="Any other wording to show, e.g. formats offered.")
    text_cy: str | None = welsh("text")


class DueDateOverride(Model):
    """A due date set by NHS England or a regulator for one year, replacing the default."""

    duty: Slug = Field(description="The duty, e.g. wres, wdes, eds.")
    year: int = Field(ge=2000, le=2100, description="The year whose due date it replaces.")
    due: IsoDate = Field(description="The due date for that year.")


class Calendar(Model):
    """Dates that NHS England sets each year; defaults follow domain-rules.md."""

    workforce_data_as_at: MonthDay = Field("03-31", description="WRES/WDES data date (MM-DD).")
    wres_publish_by: MonthDay = Field("10-31", description="WRES publication date (MM-DD).")
    wdes_publish_by: MonthDay = Field("10-31", description="WDES publication date (MM-DD).")
    eds_publish_by: MonthDay = Field("02-28", description="EDS 2022 publication date (MM-DD).")
    diversity_pay_gaps: bool | None = Field(
        None, description="Track ethnicity, disability and sexual orientation pay gaps beside the gender pay gap "
                          "(NHS EDI Improvement Plan, high impact action 3): on by default for NHS bodies in "
                          "England; true or false to choose.")
    overrides: list[DueDateOverride] = Field(
        default_factory=list, description="Due dates that differ in a given year."
    )


class Branding(Model):
    """How published reports look; no Python needed to change them."""

    logo: str | None = Field(None, description="Path under evidence/ to a logo image, or a URL.")
    primary_colour: str = Field(
        "#005eb8", pattern=r"^#[0-9a-fA-F]{6}$", description="Main colour as #RRGGBB."
    )


class StaffNetwork(Model):
    """A staff network or support group, e.g. a disability and neurodiversity staff network."""

    name: Text = Field(description="Name of the network, e.g. Ethnic Diverse Group.")
    name_cy: Text | None = welsh("name")
    characteristics: list[Slug] = Field(default_factory=list, description="Characteristics it brings together.")
    sponsor: str | None = Field(None, description="Its executive sponsor, if any.")
    sponsor_cy: str | None = welsh("sponsor")
    url: str | None = Field(None, description="Where staff find out more.")


class EdiRole(Model):
    """A named equality, diversity and inclusion role held by staff, e.g. Menopause Ambassadors."""

    role: Text = Field(description="Name of the role, e.g. Freedom to Speak Up Guardian.")
    role_cy: Text | None = welsh("role")
    held_by: str | None = Field(None, description="Who holds it, e.g. Non-Executive Director.")
    held_by_cy: str | None = welsh("held_by")


def default_languages(jurisdiction: str) -> tuple[Language, ...]:
    """The languages a body publishes in unless it says otherwise: Welsh and English in Wales (Welsh Language
    Standards), Welsh first; English elsewhere."""
    return ("cy", "en") if jurisdiction == "wales" else ("en",)


class Organisation(Model):
    """The body whose equality records these are."""

    name: Text = Field(description="Full legal name of the body.")
    name_cy: Text | None = welsh("name")
    short_name: str | None = Field(None, description="Name used in running text.")
    short_name_cy: str | None = welsh("short_name")
    code: str | None = Field(None, description="ODS or other organisation code.")
    unit: str | None = Field(
        None, description="The part of the body that publishes these records, e.g. Children's Services; "
        "reports read \"Children's Services, <name>\".")
    unit_cy: str | None = welsh("unit")
    sector: Sector = Field(description="Kind of public body; decides which NHS standards apply.")
    established: IsoDate | None = Field(
        None, description="The date the body came into being; no duty falls due before it, and first "
        "cycles count from it (ICBs: 2022-07-01).")
    dissolved: IsoDate | None = Field(
        None, description="The date the body ceased to exist, e.g. 2022-07-01 for a CCG; no duty falls due "
        "on or after it.")
    jurisdiction: Jurisdiction = Field(description="Which specific duties regulations apply.")
    website: str | None = Field(None, description="Where the body publishes its equality information.")
    headcount: list[Headcount] = Field(
        default_factory=list,
        description="Employee headcount at each snapshot date (31 March for the NHS). Leave out a date you "
        "do not know: a duty that depends on it is then shown as unknown, never assumed."
    )
    financial_year_start: MonthDay = Field("04-01", description="First day of the financial year (MM-DD).")
    eds_framework: Literal["eds2022", "eds2"] | None = Field(
        None, description="The EDS framework the body uses now (NHS bodies)."
    )
    governance: str | None = Field(
        None, description="Who oversees equality work, e.g. the board committee that signs off."
    )
    governance_cy: str | None = welsh("governance")
    alternative_formats: Contact = Field(
        description="Contact for documents in large print, easy read, BSL, Braille or other languages."
    )
    suppression_threshold: int = Field(
        5, ge=1, le=100, description="Published counts below this number are suppressed."
    )
    characteristics: list[Characteristic] = Field(
        default_factory=list, description="Characteristics considered beyond the nine protected ones."
    )
    modern_slavery_statement: bool = Field(
        False, description="Opt in to tracking a Modern Slavery Act s54 statement (recording one "
        "in publications/ opts in too)."
    )
    staff_networks: list[StaffNetwork] = Field(
        default_factory=list, description="Staff networks and support groups, shown in the PSED report."
    )
    edi_roles: list[EdiRole] = Field(
        default_factory=list, description="EDI roles staff hold (champions, ambassadors, guardians)."
    )
    tags: list[OwnTagFramework] = Field(
        default_factory=list, title="Tag frameworks",
        description="The body's own frameworks of tags for actions and objectives, e.g. its priority areas "
        "(WRES indicators, WDES metrics and the EDI Improvement Plan's high impact actions are built in as wres:, "
        "wdes: and hia:).")
    calendar: Calendar = Field(default_factory=Calendar, description="Dates set each year by NHS England.")
    branding: Branding = Field(default_factory=Branding, description="Look of published reports.")
    languages: list[Language] | None = Field(
        None, min_length=1, description="The languages the body publishes in: en (English), cy (Welsh). Leave "
        "it out for the usual choice: Welsh and English for a body in Wales (Welsh Language Standards), "
        "English elsewhere.")
    bilingual_layout: BilingualLayout = Field(
        "separate", description="How a report in both languages is laid out: separate (one document per "
        "language), side-by-side (Welsh and English in columns) or welsh-first (one document, Welsh then "
        "English).")
    members: list[MemberPath] = Field(
        default_factory=list,
        description="Records folders of the member organisations of a system (an ICB's trusts and partners), "
        "each relative to this file's folder, e.g. ../north-trust; `equitykit system status` reads them.",
    )

    @property
    def display_name(self) -> str:
        """The name reports use: the publishing unit, then the body (Children's Services, Testshire Council)."""
        return f"{self.unit}, {self.name}" if self.unit else self.name

    @property
    def publishing_languages(self) -> tuple[Language, ...]:
        """The languages the body publishes in, Welsh first where it publishes in Welsh."""
        if self.languages:
            return tuple(dict.fromkeys(sorted(self.languages, key=lambda code: code != "cy")))
        return default_languages(self.jurisdiction)

    @property
    def existed_from(self) -> dt.date | None:
        """The first day the body existed: `established`, else the first day its kind of body existed."""
        return self.established or SECTORS[self.sector].existed_from

    @property
    def existed_until(self) -> dt.date | None:
        """The first day the body no longer existed: `dissolved`, else the day its kind was abolished."""
        return self.dissolved or SECTORS[self.sector].existed_until

    def headcount_on(self, snapshot: dt.date) -> Headcount | None:
        """The latest headcount entry on or before `snapshot`, or None if there is none."""
        earlier = [entry for entry in self.headcount if entry.date <= snapshot]
        return max(earlier, key=lambda entry: entry.date, default=None)

    def standard_not_applicable(self, standard: str) -> str | None:
        """Why an NHS England standard (eds, wres, wdes) does not apply to the body, or None if it does."""
        return not_applicable_reason(self.display_name, self.sector, self.jurisdiction, standard)
