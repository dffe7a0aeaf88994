"""Aggregated workforce data at a snapshot date: the profile and the WRES and WDES inputs.

Only counts and survey percentages: personal data about individual staff never belongs here.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .bilingual import welsh
from .common import Count, IsoDate, Model, Percent, Record, Slug

StaffGroup = Literal["clinical", "non-clinical", "medical-dental"]
Band = Literal[
    "1", "2", "3", "4", "5", "6", "7", "8a", "8b", "8c", "8d", "9", "vsm",
    "consultant", "non-consultant-career-grade", "trainee", "other",
]  # fmt: skip


class EthnicityCounts(Model):
    """Headcounts by WRES ethnic group: White (NHS codes A-C), BME (D-S), unknown (Z, not stated)."""

    white: Count = Field(description="White staff (NHS ethnic category codes A, B, C).", examples=[244])
    bme: Count = Field(description="Black and minority ethnic staff (codes D to S).", examples=[58])
    unknown: Count = Field(0, description="Ethnicity not stated or unknown (code Z); excluded.", examples=[8])

    @property
    def total(self) -> int:
        """Everyone counted, unknown included."""
        return self.white + self.bme + self.unknown


class DisabilityCounts(Model):
    """Headcounts by WDES disability status."""

    disabled: Count = Field(description="Staff who have declared a disability or long-term condition.",
                           examples=[24])
    non_disabled: Count = Field(description="Staff who have declared no disability.", examples=[246])
    unknown: Count = Field(0, description="Disability status unknown or not declared; excluded.",
                          examples=[40])

    @property
    def total(self) -> int:
        """Everyone counted, unknown included."""
        return self.disabled + self.non_disabled + self.unknown


class EthnicityBand(EthnicityCounts):
    """WRES indicator 1: staff in one pay band of one staff group."""

    staff_group: StaffGroup = Field(description="clinical, non-clinical or medical-dental.")
    band: Band = Field(description="Agenda for Change band 1-9, vsm, or a medical and dental grade.",
                       examples=["5"])


class DisabilityBand(DisabilityCounts):
    """WDES metric 1: staff in one pay band of one staff group."""

    staff_group: StaffGroup = Field(description="clinical, non-clinical or medical-dental.")
    band: Band = Field(description="Agenda for Change band 1-9, vsm, or a medical and dental grade.",
                       examples=["5"])


class EthnicitySurvey(Model):
    """An NHS Staff Survey percentage for White and BME respondents."""

    white: Percent | None = Field(None, description="Percentage of White respondents.", examples=[26.1])
    bme: Percent | None = Field(None, description="Percentage of BME respondents.", examples=[29.4])
    white_responses: Count | None = Field(None, description="Number of White respondents.", examples=[1820])
    bme_responses: Count | None = Field(None, description="Number of BME respondents.", examples=[610])


class DisabilitySurvey(Model):
    """An NHS Staff Survey percentage for Disabled and non-disabled respondents."""

    disabled: Percent | None = Field(None, description="Percentage of Disabled respondents.", examples=[31.2])
    non_disabled: Percent | None = Field(None, description="Percentage of non-disabled respondents.",
                                         examples=[24.8])
    disabled_responses: Count | None = Field(None, description="Number of Disabled respondents.",
                                              examples=[410])
    non_disabled_responses: Count | None = Field(None, description="Number of non-disabled respondents.",
                                                  examples=[2020])


class EthnicityBoard(Model):
    """WRES indicator 9: board membership by ethnicity."""

    voting: EthnicityCounts = Field(description="Voting members of the board.")
    executive: EthnicityCounts = Field(description="Executive members of the board.")


class DisabilityBoard(Model):
    """WDES metric 10: board membership by disability status."""

    voting: DisabilityCounts = Field(description="Voting members of the board.")
    executive: DisabilityCounts = Field(description="Executive members of the board.")


class WresSurvey(Model):
    """WRES indicators 5 to 8 from the NHS Staff Survey."""

    harassment_public: EthnicitySurvey = Field(
        description="5: harassment, bullying or abuse from patients, relatives or the public."
    )
    harassment_staff: EthnicitySurvey = Field(description="6: harassment, bullying or abuse from staff.")
    career_progression: EthnicitySurvey = Field(
        description="7: believe the trust provides equal opportunities for career progression."
    )
    discrimination: EthnicitySurvey = Field(
        description="8: personally experienced discrimination at work from a manager or colleague."
    )


class Wres(Model):
    """Inputs for the nine WRES indicators."""

    bands: list[EthnicityBand] = Field(min_length=1, description="1: staff by band and staff group.")
    shortlisted: EthnicityCounts = Field(description="2: applicants shortlisted in the year.")
    appointed: EthnicityCounts = Field(description="2: shortlisted applicants appointed.")
    disciplinary: EthnicityCounts = Field(description="3: staff entering the formal disciplinary process.")
    training: EthnicityCounts = Field(description="4: staff accessing non-mandatory training and CPD.")
    survey: WresSurvey = Field(description="5-8: NHS Staff Survey results.")
    board: EthnicityBoard = Field(description="9: board membership.")


class WdesSurvey(Model):
    """WDES metrics 4 to 9a from the NHS Staff Survey."""

    harassment_public: DisabilitySurvey = Field(
        description="4a(i): harassment, bullying or abuse from patients, relatives or the public."
    )
    harassment_managers: DisabilitySurvey = Field(description="4a(ii): ... from managers.")
    harassment_colleagues: DisabilitySurvey = Field(description="4a(iii): ... from other colleagues.")
    harassment_reported: DisabilitySurvey = Field(
        description="4b: the last time they experienced it, they or a colleague reported it."
    )
    career_progression: DisabilitySurvey = Field(
        description="5: believe the trust provides equal opportunities for career progression."
    )
    presenteeism: DisabilitySurvey = Field(
        description="6: felt pressure from their manager to come to work when not well enough."
    )
    valued: DisabilitySurvey = Field(
        description="7: satisfied with the extent to which the organisation values their work."
    )
    adjustments: DisabilitySurvey = Field(
        description="8: Disabled staff saying their employer made adequate adjustments."
    )


class EngagementScore(Model):
    """WDES metric 9a: staff engagement score (0-10)."""

    disabled: float | None = Field(None, ge=0, le=10, description="Disabled staff.", examples=[6.6])
    non_disabled: float | None = Field(None, ge=0, le=10, description="Non-disabled staff.", examples=[7.0])
    overall: float | None = Field(None, ge=0, le=10, description="All staff.", examples=[6.9])


class DisabledStaffVoice(Model):
    """WDES metric 9b: action taken to facilitate the voices of Disabled staff."""

    facilitated: bool = Field(description="Has the organisation taken action? true or false.", examples=[True])
    narrative: str | None = Field(None, description="What was done.",
                                  examples=["The Disabled staff network chair sits on the people committee"])
    narrative_cy: str | None = welsh("narrative")


class Wdes(Model):
    """Inputs for the ten WDES metrics."""

    bands: list[DisabilityBand] = Field(min_length=1, description="1: staff by band and staff group.")
    shortlisted: DisabilityCounts = Field(description="2: applicants shortlisted in the year.")
    appointed: DisabilityCounts = Field(description="2: shortlisted applicants appointed.")
    capability: DisabilityCounts = Field(
        description="3: staff entering the formal capability process (on grounds of performance)."
    )
    survey: WdesSurvey = Field(description="4-8: NHS Staff Survey results.")
    engagement: EngagementScore = Field(description="9a: staff engagement score.")
    voice: DisabledStaffVoice = Field(description="9b: facilitating the voices of Disabled staff.")
    board: DisabilityBoard = Field(description="10: board membership.")


class Workforce(Record):
    """Aggregated workforce data at a snapshot date."""

    snapshot: IsoDate = Field(description="The date the counts apply to, usually 31 March.")
    period_start: IsoDate | None = Field(
        None, description="Start of the 12 months that recruitment and process counts cover."
    )
    headcount: Count = Field(description="Total staff headcount on the snapshot date.")
    bank: Count = Field(
        0, description="Bank-only staff: counted in the headcount, left out of the WRES and WDES bands."
    )
    profile: dict[Slug, dict[Slug, Count]] = Field(
        default_factory=dict,
        description="Workforce profile: headcount per group for each characteristic.",
        examples=[{"sex": {"female": 3500, "male": 945}, "disability": {"disabled": 282, "not-disabled": 3610,
                                                                       "not-declared": 553}}],
    )
    wres: Wres | None = Field(None, description="Workforce Race Equality Standard inputs.")
    wdes: Wdes | None = Field(None, description="Workforce Disability Equality Standard inputs.")
