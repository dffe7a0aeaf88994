"""The register of equality impact assessments: what was assessed, by whom, when, the outcome, the
negative impacts found and how they are mitigated, and when each is reviewed."""

from __future__ import annotations

import datetime as dt

from ...records.eia import Eia
from ...records.repository import RecordSet
from .context import Builder, cell, header
from .document import Fact, Facts, Paragraph, Report, Section

OUTCOME_WORDS = {
    "proceed": "Proceed: no major change needed",
    "adjust": "Adjust the proposal to remove barriers",
    "justify-and-continue": "Continue despite adverse impact, with justification",
    "stop": "Stop and rethink",
}
IMPACT_WORDS = {"positive": "Positive", "negative": "Negative", "mixed": "Mixed", "neutral": "Neutral",
                "not-relevant": "Not relevant", "not-assessed": "Not yet assessed"}


def eias_report(records: RecordSet, as_of: dt.date) -> Report:
    """The EIA register."""
    builder = Builder(records, as_of)
    eias = sorted(records.of("eia"), key=lambda e: (e.started, e.id))
    sections = [register_section(builder, eias)] + [eia_section(builder, eia) for eia in eias]
    return builder.finish("eias", "Equality impact assessments", sections, summary=(
        f"The equality impact assessments (equality analyses) of {builder.name}: "
        f"{len(eias)} recorded."))


def review_text(builder: Builder, eia: Eia) -> tuple[str, str | None]:
    if eia.review is None:
        return "No review date", None
    if eia.review < builder.as_of:
        return f"{builder.date(eia.review)}, review overdue", "overdue"
    return builder.date(eia.review), None


def register_section(builder: Builder, eias: list[Eia]) -> Section:
    rows = []
    for eia in eias:
        review, slug = review_text(builder, eia)
        rows.append((header(f"{eia.id}: {eia.title}"), cell(eia.owner), cell(builder.date(eia.started)),
                     cell(builder.date(eia.completed, "Not completed")),
                     cell(builder.date(eia.decision.date) if eia.decision else "Not recorded"),
                     cell(OUTCOME_WORDS.get(eia.outcome, "Not decided") if eia.outcome else "Not decided"),
                     cell(str(negative_count(eia))), cell(review, slug)))
    table = builder.table("Register of equality impact assessments", (
        "Assessment", "Owner", "Started", "Completed", "Decision", "Outcome", "Negative impacts",
        "Review"), rows, "No equality impact assessments recorded.")
    return builder.section("Register", [table])


def negative_count(eia: Eia) -> int:
    return sum(1 for finding in eia.characteristics.values() if finding.impact in ("negative", "mixed"))


def eia_section(builder: Builder, eia: Eia) -> Section:
    review, review_slug = review_text(builder, eia)
    facts = [
        Fact("What is assessed", f"{eia.subject.capitalize()} ({eia.new_or_existing})"),
        Fact("Owner", eia.owner + (f", {eia.department}" if eia.department else "")),
        Fact("Aims", eia.aims),
        Fact("Who is affected", ", ".join(a.replace("-", " ") for a in eia.affected)),
        Fact("Started", builder.date(eia.started)),
        Fact("Completed", builder.date(eia.completed, "Not completed")),
    ]
    if eia.decision:
        facts.append(Fact("Decision", f"{eia.decision.maker}, {builder.date(eia.decision.date)}"
                          + (f": {eia.decision.summary}" if eia.decision.summary else "")))
    facts.append(Fact("Outcome", OUTCOME_WORDS.get(eia.outcome, "Not decided") if eia.outcome else "Not decided"))
    if eia.sign_off:
        facts.append(Fact("Signed off", f"{eia.sign_off.role}, {builder.date(eia.sign_off.date)}"))
    facts.append(Fact("Review", review, review_slug))
    adverse = [(slug, f) for slug, f in eia.characteristics.items() if f.impact in ("negative", "mixed")]
    impacts = builder.table(f"Negative impacts found by {eia.id} and their mitigation",
                            ("Characteristic", "Impact", "Evidence", "Mitigation"), (
        (header(builder.characteristic(slug)), cell(IMPACT_WORDS[f.impact]), cell(f.evidence or "Not recorded"),
         cell(f.mitigation or "No mitigation recorded")) for slug, f in adverse),
        "No negative impact was found.")
    others = builder.table(f"Other findings of {eia.id}", ("Characteristic", "Impact", "Evidence or reason"), (
        (header(builder.characteristic(slug)), cell(IMPACT_WORDS[f.impact]),
         cell(f.evidence or f.reason or "Not recorded"))
        for slug, f in eia.characteristics.items() if f.impact not in ("negative", "mixed")))
    blocks: list = [Facts(tuple(facts)), impacts, others]
    if eia.actions:
        blocks.append(Paragraph("Actions carrying the mitigations: " + ", ".join(eia.actions) + "."))
    return builder.section(f"{eia.id}: {eia.title}", blocks)
