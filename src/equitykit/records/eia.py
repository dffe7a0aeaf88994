"""An equality impact assessment (equality analysis) of a decision, policy or service change."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from .bilingual import welsh
from .common import PROTECTED_CHARACTERISTICS, Aim, CharacteristicSlug, Model, Record, Text
from .dates import PartialDate

Impact = Literal["positive", "negative", "mixed", "neutral", "not-relevant", "not-assessed"]
Affected = Literal["patients", "service-users", "carers", "staff", "public", "partners"]
EiaOutcome = Literal["proceed", "adjust", "justify-and-continue", "stop"]


class ImpactAction(Model):
    """What will be done about a finding, as the row of the form says it: the action, and its lead and due date
    where the form gives them."""

    action: Text = Field(description="What will be done.", examples=["Run a mobile library stop in each village"])
    action_cy: Text | None = welsh("action")
    lead: str | None = Field(None, description="Who leads it (a role, not a person's name), if the form says.",
                             examples=["Libraries Manager"])
    lead_cy: str | None = welsh("lead")
    due: PartialDate | None = Field(None, description="When it is due, if the form says: a day, a month (2025-09) or "
                                                      "a year.", examples=["2025-09-30"])


class CharacteristicImpact(Model):
    """The assessed impact of the proposal on people who share one characteristic: one row of the form."""

    impact: Impact = Field(
        description="positive, negative, mixed, neutral or not-relevant; not-assessed until it is assessed."
    )
    evidence: str | None = Field(None, description="Data, research or engagement behind the finding.")
    evidence_cy: str | None = welsh("evidence")
    data: str | None = Field(None, description="The form's column of data and evidence considered, as written.")
    data_cy: str | None = welsh("data")
    feedback: str | None = Field(None, description="The form's column of what engagement or consultation said.")
    feedback_cy: str | None = welsh("feedback")
    considerations: str | None = Field(
        None, description="Free text for a form with two columns (the characteristic and what was considered).")
    considerations_cy: str | None = welsh("considerations")
    reason: str | None = Field(None, description="Why the characteristic is not relevant, if so.")
    reason_cy: str | None = welsh("reason")
    mitigation: str | None = Field(None, description="How a negative impact is removed or reduced.")
    mitigation_cy: str | None = welsh("mitigation")
    aims: list[Aim] = Field(default_factory=list, description="General duty aims the finding relates to.")
    actions: list[ImpactAction] = Field(
        default_factory=list, description="What will be done, as the form's row says, each with its lead and due "
                                          "date where given.")

    @property
    def recorded(self) -> bool:
        """Whether the row says anything beyond its impact (evidence, data, feedback, considerations, reason)."""
        return any((self.evidence, self.data, self.feedback, self.considerations, self.reason))


class Decision(Model):
    """The decision the assessment informs."""

    date: PartialDate = Field(description="When the decision is (or was) taken: a day, a month or a year.",
                              examples=["2025-03-10"])
    maker: Text = Field(description="Who decides: a board, committee or role.", examples=["Trust Board"])
    maker_cy: Text | None = welsh("maker")
    summary: str | None = Field(None, description="What was decided.",
                                examples=["Approved, with the mitigations in the action plan"])
    summary_cy: str | None = welsh("summary")
    author: str | None = Field(None, description="Who wrote the decision report (a role).",
                               examples=["Head of Libraries and Culture"])
    author_cy: str | None = welsh("author")
    meeting: str | None = Field(None, description="The meeting that takes the decision, if not the maker.",
                                examples=["Cabinet, 8 May 2025"])
    meeting_cy: str | None = welsh("meeting")
    agenda_item: str | None = Field(None, description="The item of the meeting's agenda, as numbered there.",
                                    examples=["7"])
    wards: list[Text] = Field(default_factory=list, description="The wards affected, as the report lists them.",
                              examples=[["All wards"]])
    wards_cy: list[Text] | None = welsh("wards")
    recommendations: list[Text] = Field(default_factory=list,
                                        description="The report's recommendations, in their order.",
                                        examples=[["Approve the six community hubs"]])
    recommendations_cy: list[Text] | None = welsh("recommendations")


class PreviousAction(Model):
    """An action of the previous assessment and what became of it."""

    action: Text = Field(description="The action as the previous assessment gave it.",
                         examples=["Start a mobile library route"])
    action_cy: Text | None = welsh("action")
    outcome: str | None = Field(None, description="What became of it, as the revised assessment reports.",
                                examples=["Done, the mobile library started in June 2024"])
    outcome_cy: str | None = welsh("outcome")


class Previous(Model):
    """The assessment this one revises: its record, or its title when it is not recorded, and what became of
    its actions."""

    eia: str | None = Field(None, description="The id of the previous EIA, when it is recorded here.",
                            examples=["EIA-2022-004"])
    title: str | None = Field(None, description="Its title, when it is not recorded here.",
                              examples=["Library services review 2022"])
    title_cy: str | None = welsh("title")
    actions: list[PreviousAction] = Field(default_factory=list,
                                          description="Its actions and what became of each.")


class SignOff(Model):
    """Who approved the assessment."""

    role: Text = Field(description="Role of the person signing off (not a name).",
                      examples=["Director of Nursing"])
    role_cy: Text | None = welsh("role")
    date: PartialDate = Field(description="Date of sign-off: a day, a month or a year.", examples=["2025-03-03"])


def _nine_as_keys(schema: dict[str, Any]) -> None:
    """List the nine protected characteristics as properties too, so that editors offer them as keys."""
    (impact,) = schema["patternProperties"].values()
    schema["properties"] = {slug: dict(impact) for slug in PROTECTED_CHARACTERISTICS}


class Eia(Record):
    """One equality impact assessment."""

    title: Text = Field(description="The policy, service or decision assessed.")
    title_cy: Text | None = welsh("title")
    subject: Literal["policy", "service", "strategy", "procurement", "workforce", "project", "other"] = (
        Field(description="What kind of thing is assessed.")
    )
    new_or_existing: Literal["new", "existing", "changed"] = Field(description="Is it new or a change?")
    reference: str | None = Field(
        None, description="The body's own reference for the assessment, as on the form (may be left blank there: "
                          "write \"\").", examples=["EIA/CS/2025/07"])
    owner: Text | None = Field(None, description="Author or owner (a role, not a person's name); a warning when "
                                                 "the form does not say.")
    owner_cy: Text | None = welsh("owner")
    department: str | None = Field(None, description="Department or service.")
    department_cy: str | None = welsh("department")
    directorate: str | None = Field(None, description="Directorate, where the form names one beside the service.")
    directorate_cy: str | None = welsh("directorate")
    template: str | None = Field(None, description="The form's template and edition, as printed on it.",
                                 examples=["Equality Impact Assessment form, version 4 (2023)"])
    template_cy: str | None = welsh("template")
    aims: Text = Field(description="The aims and intended outcomes of the proposal.")
    aims_cy: Text | None = welsh("aims")
    affected: list[Affected] = Field(min_length=1, description="Who is affected.")
    started: PartialDate | None = Field(None, description="When the assessment started (a day, a month or a year); a "
                                                          "warning when the form does not say.")
    completed: PartialDate | None = Field(None, description="When it was completed (a day, a month or a year); before "
                                                            "the decision.")
    decision: Decision | None = Field(None, description="The decision it informs.")
    characteristics: dict[CharacteristicSlug, CharacteristicImpact] = Field(
        description="Impact per characteristic: all nine protected ones, plus any declared extras.",
        json_schema_extra=_nine_as_keys,
    )
    engagement: list[str] = Field(default_factory=list, description="Ids of engagement records used.")
    actions: list[str] = Field(default_factory=list, description="Ids of actions that carry mitigations.")
    outcome: EiaOutcome | None = Field(
        None, description="proceed, adjust, justify-and-continue or stop."
    )
    previous: Previous | None = Field(None, description="The assessment this one revises, and what became of its "
                                                        "actions.")
    sign_off: SignOff | None = Field(None, description="Who approved it, and when.")
    review: PartialDate | None = Field(None, description="When it will be reviewed: a day, a month or a year.")
    reviewed: PartialDate | None = Field(
        None, description="When the review due on the review date was carried out (a day, a month or a year; then "
        "set the next review)."
    )
