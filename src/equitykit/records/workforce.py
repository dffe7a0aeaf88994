"""Aggregated workforce data at a snapshot date: the profile and the WRES and WDES inputs.

Only counts and survey percentages: personal data about individual staff never belongs here.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from .bands import Band, StaffGroup
from .bilingual import welsh
from .common import Count, IsoDate, Model, Percent, Record, Slug
from .published import Printed, numbers_as_text


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


class PublishedIndicator(Model):
    """An indicator or metric as the body published it, without the counts behind it: each figure as
    printed, the comparators printed beside the headline figure, and the staff survey's year."""

    value: Printed | None = Field(
        None, description="The headline figure as printed: the relative likelihood of 2, 3 and 4 (WRES) or 2 and "
        "3 (WDES), or the overall share of indicator or metric 1.", examples=["1.84 times as likely"])
    national: Printed | None = Field(None, description="The national figure printed beside the headline figure.",
                                     examples=["1.54"])
    previous_year: Printed | None = Field(
        None, description="Last year's figure as printed beside the headline figure.", examples=["1.61"])
    survey_year: int | None = Field(
        None, ge=2000, le=2100, description="Staff survey indicators: the year of the NHS Staff Survey the "
        "figures come from.", examples=[2021])
    voting: Printed | None = Field(None, description="Board indicator: voting members' difference as printed.",
                                   examples=["-3.2"])
    executive: Printed | None = Field(None, description="Board indicator: executive members' difference as "
                                      "printed.", examples=["-7.7"])
    note: str | None = Field(None, description="Anything the publication says about the figure, or where it "
                             "was printed.", examples=["Printed as 1.5% in the summary table; it is a ratio."])
    note_cy: str | None = welsh("note")


class PublishedWres(PublishedIndicator):
    """A WRES indicator as published."""

    bme: Printed | None = Field(None, description="Staff survey indicators: BME staff's percentage as printed.",
                                examples=["30.1%"])
    white: Printed | None = Field(None, description="Staff survey indicators: White staff's percentage as "
                                  "printed.", examples=["27.0%"])


class PublishedWdes(PublishedIndicator):
    """A WDES metric as published."""

    disabled: Printed | None = Field(None, description="Staff survey metrics and 9a: Disabled staff's figure as "
                                     "printed.", examples=["31.2%"])
    non_disabled: Printed | None = Field(None, description="Staff survey metrics and 9a: non-disabled staff's "
                                         "figure as printed.", examples=["24.8%"])
    overall: Printed | None = Field(None, description="Metric 9a: all staff's engagement score as printed.",
                                    examples=["6.9"])


WresNumber = Literal["1", "2", "3", "4", "5", "6", "7", "8", "9"]
WdesNumber = Literal["1", "2", "3", "4a(i)", "4a(ii)", "4a(iii)", "4b", "5", "6", "7", "8", "9a", "10"]


class PublishedResults(Model):
    """WRES indicators and WDES metrics as the body published them, by number, for a year whose counts it
    does not hold (or to compare with the figures computed from the counts)."""

    wres: dict[WresNumber, PublishedWres] = Field(
        default_factory=dict, description="WRES indicators as published, by number (1 to 9).",
        examples=[{"2": {"value": "1.84 times as likely", "national": "1.54"}}])
    wdes: dict[WdesNumber, PublishedWdes] = Field(
        default_factory=dict, description="WDES metrics as published, by number (1 to 10, 4a(i), 9a).",
        examples=[{"3": {"value": "1.5%"}}])

    _numbers_as_text = field_validator("wres", "wdes", mode="before")(numbers_as_text)


class Workforce(Record):
    """Aggregated workforce data at a snapshot date."""

    snapshot: IsoDate = Field(description="The date the counts apply to, usually 31 March.")
    period_start: IsoDate | None = Field(
        None, description="Start of the 12 months that recruitment and process counts cover."
    )
    headcount: Count | None = Field(
        None, description="Total staff headcount on the snapshot date (left out when the source gives none).")
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
    published: PublishedResults | None = Field(
        None, description="WRES and WDES results as the body published them, for a year without the counts "
        "behind them; beside counts, validate warns where the two disagree.")
