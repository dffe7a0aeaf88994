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


class CharacteristicImpact(Model):
    """The assessed impact of the proposal on people who share one characteristic."""

    impact: Impact = Field(
        description="positive, negative, mixed, neutral or not-relevant; not-assessed until it is assessed."
    )
    evidence: str | None = Field(None, description="Data, research or engagement behind the finding.")
    evidence_cy: str | None = welsh("evidence")
    reason: str | None = Field(None, description="Why the characteristic is not relevant, if so.")
    reason_cy: str | None = welsh("reason")
    mitigation: str | None = Field(None, description="How a negative impact is removed or reduced.")
    mitigation_cy: str | None = welsh("mitigation")
    aims: list[Aim] = Field(default_factory=list, description="General duty aims the finding relates to.")


class Decision(Model):
    """The decision the assessment informs."""

    date: PartialDate = Field(description="When the decision is (or was) taken.", examples=["2025-03-10"])
    maker: Text = Field(description="Who decides: a board, committee or role.", examples=["Trust Board"])
    maker_cy: Text | None = welsh("maker")
    summary: str | None = Field(None, description="What was decided.",
                                examples=["Approved, with the mitigations in the action plan"])
    summary_cy: str | None = welsh("summary")


class SignOff(Model):
    """Who approved the assessment."""

    role: Text = Field(description="Role of the person signing off (not a name).",
                      examples=["Director of Nursing"])
    role_cy: Text | None = welsh("role")
    date: PartialDate = Field(description="Date of sign-off.", examples=["2025-03-03"])


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
    owner: Text = Field(description="Author or owner (a role, not a person's name).")
    owner_cy: Text | None = welsh("owner")
    department: str | None = Field(None, description="Directorate or department.")
    department_cy: str | None = welsh("department")
    aims: Text = Field(description="The aims and intended outcomes of the proposal.")
    aims_cy: Text | None = welsh("aims")
    affected: list[Affected] = Field(min_length=1, description="Who is affected.")
    started: PartialDate = Field(description="When the assessment started.")
    completed: PartialDate | None = Field(None, description="When it was completed; before the decision.")
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
    sign_off: SignOff | None = Field(None, description="Who approved it, and when.")
    review: PartialDate | None = Field(None, description="When it will be reviewed.")
    reviewed: PartialDate | None = Field(
        None, description="When the review due on the review date was carried out (then set the next review)."
    )
