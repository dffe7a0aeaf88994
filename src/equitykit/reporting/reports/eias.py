"""The register of equality impact assessments: what was assessed, by whom, when, the outcome, the
negative impacts found and how they are mitigated, and when each is reviewed."""

from __future__ import annotations

import datetime as dt

from ...i18n import N_, _
from ...records.eia import Eia
from ...records.repository import RecordSet
from .context import Builder, cell, header, numbered
from .document import Fact, Facts, Paragraph, Report, Section

OUTCOME_WORDS = {
    "proceed": N_("Proceed: no major change needed"),
    "adjust": N_("Adjust the proposal to remove barriers"),
    "justify-and-continue": N_("Continue despite adverse impact, with justification"),
    "stop": N_("Stop and rethink"),
}
IMPACT_WORDS = {"positive": N_("Positive"), "negative": N_("Negative"), "mixed": N_("Mixed"), "neutral": N_("Neutral"),
                "not-relevant": N_("Not relevant"), "not-assessed": N_("Not yet assessed")}
SUBJECT_WORDS = {"policy": N_("Policy"), "service": N_("Service"), "strategy": N_("Strategy"),
                 "procurement": N_("Procurement"), "workforce": N_("Workforce"), "project": N_("Project"),
                 "other": N_("Other")}
NEW_OR_EXISTING_WORDS = {"new": N_("new"), "existing": N_("existing"), "changed": N_("changed")}
AFFECTED_WORDS = {"patients": N_("patients"), "service-users": N_("service users"), "carers": N_("carers"),
                  "staff": N_("staff"), "public": N_("public"), "partners": N_("partners")}


def eias_report(records: RecordSet, as_of: dt.date) -> Report:
    """The EIA register."""
    builder = Builder(records, as_of)
    eias = sorted(records.of("eia"), key=lambda e: (e.started.order, e.id))
    sections = [register_section(builder, eias)] + [eia_section(builder, eia) for eia in eias]
    return builder.finish("eias", _("Equality impact assessments"), sections, summary=_(
        "The equality impact assessments (equality analyses) of {name}: {count} recorded.").format(
            name=builder.name, count=len(eias)))


def review_text(builder: Builder, eia: Eia) -> tuple[str, str | None]:
    if eia.review is None:
        return _("No review date"), None
    if eia.review.latest < builder.as_of:
        return _("{date}, review overdue").format(date=builder.date(eia.review)), "overdue"
    return builder.date(eia.review), None


def outcome_text(eia: Eia) -> str:
    return _(OUTCOME_WORDS[eia.outcome]) if eia.outcome in OUTCOME_WORDS else _("Not decided")


def register_section(builder: Builder, eias: list[Eia]) -> Section:
    rows = []
    for eia in eias:
        review, slug = review_text(builder, eia)
        rows.append((header(numbered(eia.id, builder.text(eia, "title"))), cell(builder.text(eia, "owner")),
                     cell(builder.date(eia.started)), cell(builder.date(eia.completed, _("Not completed"))),
                     cell(builder.date(eia.decision.date) if eia.decision else _("Not recorded")),
                     cell(outcome_text(eia)), cell(str(negative_count(eia))), cell(review, slug)))
    table = builder.table(_("Register of equality impact assessments"), (
        _("Assessment"), _("Owner"), _("Started"), _("Completed"), _("Decision"), _("Outcome"), _("Negative impacts"),
        _("Review")), rows, _("No equality impact assessments recorded."))
    return builder.section(_("Register"), [table])


def negative_count(eia: Eia) -> int:
    return sum(1 for finding in eia.characteristics.values() if finding.impact in ("negative", "mixed"))


def eia_section(builder: Builder, eia: Eia) -> Section:
    review, review_slug = review_text(builder, eia)
    owner = builder.text(eia, "owner")
    facts = [
        Fact(_("What is assessed"), _("{subject} ({new_or_existing})").format(
            subject=_(SUBJECT_WORDS[eia.subject]), new_or_existing=_(NEW_OR_EXISTING_WORDS[eia.new_or_existing]))),
        Fact(_("Owner"), _("{owner}, {department}").format(owner=owner, department=builder.text(eia, "department"))
             if eia.department else owner),
        Fact(_("Aims"), builder.text(eia, "aims")),
        Fact(_("Who is affected"), ", ".join(_(AFFECTED_WORDS[a]) for a in eia.affected)),
        Fact(_("Started"), builder.date(eia.started)),
        Fact(_("Completed"), builder.date(eia.completed, _("Not completed"))),
    ]
    if eia.decision:
        decision = eia.decision
        maker, day = builder.text(decision, "maker"), builder.date(decision.date)
        summary = builder.text(decision, "summary")
        facts.append(Fact(_("Decision"), _("{maker}, {date}: {summary}").format(maker=maker, date=day, summary=summary)
                          if summary else _("{maker}, {date}").format(maker=maker, date=day)))
    facts.append(Fact(_("Outcome"), outcome_text(eia)))
    if eia.sign_off:
        facts.append(Fact(_("Signed off"), _("{maker}, {date}").format(maker=builder.text(eia.sign_off, "role"),
                                                                        date=builder.date(eia.sign_off.date))))
    facts.append(Fact(_("Review"), review, review_slug))
    adverse = [(slug, f) for slug, f in eia.characteristics.items() if f.impact in ("negative", "mixed")]
    impacts = builder.table(_("Negative impacts found by {id} and their mitigation").format(id=eia.id),
                            (_("Characteristic"), _("Impact"), _("Evidence"), _("Mitigation")), (
        (header(builder.characteristic(slug)), cell(_(IMPACT_WORDS[f.impact])),
         cell(builder.text(f, "evidence") or _("Not recorded")),
         cell(builder.text(f, "mitigation") or _("No mitigation recorded"))) for slug, f in adverse),
        _("No negative impact was found."))
    others = builder.table(_("Other findings of {id}").format(id=eia.id),
                           (_("Characteristic"), _("Impact"), _("Evidence or reason")), (
        (header(builder.characteristic(slug)), cell(_(IMPACT_WORDS[f.impact])),
         cell(builder.text(f, "evidence") or builder.text(f, "reason") or _("Not recorded")))
        for slug, f in eia.characteristics.items() if f.impact not in ("negative", "mixed")))
    blocks: list = [Facts(tuple(facts)), impacts, others]
    if eia.actions:
        blocks.append(Paragraph(_("Actions carrying the mitigations: {actions}.").format(
            actions=", ".join(eia.actions))))
    return builder.section(numbered(eia.id, builder.text(eia, "title")), blocks)
