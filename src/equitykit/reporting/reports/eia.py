"""One equality impact assessment as a document, laid out the way a body's form reads: the header fields,
the table of characteristics with the form's columns (what the data says, what people told us, the impact,
what will be done), the previous assessment's actions, the decision and the review."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from pydantic import BaseModel

from ...i18n import _
from ...records.eia import Eia
from ...records.repository import RecordSet
from ...records.suggest import did_you_mean
from .context import Builder, ReportUnavailable, cell, header, numbered
from .document import BulletList, Fact, Facts, Paragraph, Report, Section
from .eias import (
    AFFECTED_WORDS,
    IMPACT_WORDS,
    NEW_OR_EXISTING_WORDS,
    SUBJECT_WORDS,
    assessed_summary,
    mitigation_text,
    outcome_text,
    review_text,
)


def eia_report(records: RecordSet, as_of: dt.date, eia_id: str | None = None) -> Report:
    """The assessment `eia_id` as a document of its own."""
    if not eia_id:
        raise ReportUnavailable("name the assessment to report on, e.g. `equitykit report eia EIA-2025-001`")
    eia = next((record for record in records.of("eia") if record.id == eia_id), None)
    if eia is None:
        raise ReportUnavailable(f"there is no valid assessment {eia_id} (looked for eias/{eia_id}.yaml)"
                                f"{did_you_mean(eia_id, records.ids('eia'))}")
    builder = Builder(records, as_of)
    title = builder.text(eia, "title")
    sections = [about_section(builder, eia), characteristics_section(builder, eia)]
    if eia.previous is not None:
        sections.append(previous_section(builder, eia))
    sections += [decision_section(builder, eia), review_section(builder, eia)]
    return builder.finish("eia", numbered(eia.id, title), sections, summary=_(
        "The equality impact assessment of {title}, by {name}.").format(title=title, name=builder.name))


def text_facts(builder: Builder, part: BaseModel, fields: Sequence[tuple[str, str]]) -> list[Fact]:
    """A fact for each of a record part's text `fields` (label, field) that it holds, in the report's language."""
    return [Fact(label, builder.text(part, field)) for label, field in fields if getattr(part, field)]


def not_recorded() -> str:
    return _("Not recorded")


def about_section(builder: Builder, eia: Eia) -> Section:
    """The form's header: reference, who owns it, what is assessed and why, who it affects, its dates."""
    facts = []
    if eia.reference is not None:
        facts.append(Fact(_("Reference"), eia.reference.strip() or _("Left blank on the form")))
    facts += [
        Fact(_("What is assessed"), _("{subject} ({new_or_existing})").format(
            subject=_(SUBJECT_WORDS[eia.subject]), new_or_existing=_(NEW_OR_EXISTING_WORDS[eia.new_or_existing]))),
        Fact(_("Owner"), builder.text(eia, "owner") or not_recorded()),
    ]
    facts += text_facts(builder, eia, ((_("Directorate"), "directorate"), (_("Department or service"), "department")))
    facts += [
        Fact(_("Aims"), builder.text(eia, "aims")),
        Fact(_("Who is affected"), ", ".join(_(AFFECTED_WORDS[a]) for a in eia.affected)),
        Fact(_("Started"), builder.date(eia.started, not_recorded())),
        Fact(_("Completed"), builder.date(eia.completed, _("Not completed"))),
    ]
    if eia.template:
        facts.append(Fact(_("Form"), builder.text(eia, "template")))
    return builder.section(_("About the assessment"), [Facts(tuple(facts))])


def characteristics_section(builder: Builder, eia: Eia) -> Section:
    """The form's table: a row a characteristic, with the columns the form fills (an empty column is left out)."""
    columns = (_("Characteristic"), _("Impact"), _("Data and evidence"), _("What people told us"),
               _("Considerations"), _("Reason not relevant"), _("What we will do"))
    rows: list[Sequence] = []
    for slug, finding in eia.characteristics.items():
        evidence = "\n".join(text for text in (builder.text(finding, "evidence"), builder.text(finding, "data"))
                             if text)
        rows.append((header(builder.characteristic(slug)), cell(_(IMPACT_WORDS[finding.impact])),
                     cell(evidence), cell(builder.text(finding, "feedback")),
                     cell(builder.text(finding, "considerations")), cell(builder.text(finding, "reason")),
                     cell(mitigation_text(builder, finding))))
    empty = {index for index in range(2, len(columns)) if not any(row[index].text for row in rows)}
    table = builder.table(_("Impact on each characteristic"), columns, rows, left_out=empty)
    blocks: list = [Paragraph(assessed_summary(eia)), table]
    if eia.actions:
        blocks += [Paragraph(_("Actions of the action plan that carry the mitigations:")), BulletList(tuple(
            numbered(action.id, builder.text(action, "title")) if action else ref
            for ref, action in ((ref, _action(builder, ref)) for ref in eia.actions)))]
    return builder.section(_("Impact on each characteristic"), blocks)


def _action(builder: Builder, ref: str):
    return next((action for action in builder.records.of("action") if action.id == ref), None)


def previous_section(builder: Builder, eia: Eia) -> Section:
    previous = eia.previous
    assert previous is not None
    earlier = _action_eia(builder, previous.eia)
    if earlier is not None:
        name = numbered(earlier.id, builder.text(earlier, "title"))
    elif previous.title:
        name = builder.text(previous, "title")
    else:
        name = previous.eia or not_recorded()
    rows = [(header(builder.text(item, "action")), cell(builder.text(item, "outcome") or not_recorded()))
            for item in previous.actions]
    return builder.section(_("The previous assessment"), [
        Paragraph(_("This assessment revises {previous}.").format(previous=name)),
        builder.table(_("What became of the previous assessment's actions"), (_("Action"), _("What became of it")),
                      rows, _("The previous assessment's actions are not recorded."))])


def _action_eia(builder: Builder, ref: str | None) -> Eia | None:
    return next((e for e in builder.records.of("eia") if e.id == ref), None) if ref else None


def decision_section(builder: Builder, eia: Eia) -> Section:
    facts = [Fact(_("Outcome"), outcome_text(eia))]
    blocks: list = []
    decision = eia.decision
    if decision is None:
        facts.append(Fact(_("Decision"), not_recorded()))
    else:
        facts += [Fact(_("Decided by"), builder.text(decision, "maker")),
                  Fact(_("Date of the decision"), builder.date(decision.date)),
                  *text_facts(builder, decision, ((_("Meeting"), "meeting"), (_("Author of the report"), "author")))]
        if decision.agenda_item:
            facts.append(Fact(_("Agenda item"), decision.agenda_item))
        facts += text_facts(builder, decision, ((_("Wards affected"), "wards"), (_("What was decided"), "summary")))
        if decision.recommendations:
            blocks += [Paragraph(_("The report's recommendations:")),
                       BulletList(tuple(_recommendations(builder, eia)), ordered=True)]
    if eia.sign_off:
        facts.append(Fact(_("Signed off"), _("{maker}, {date}").format(maker=builder.text(eia.sign_off, "role"),
                                                                        date=builder.date(eia.sign_off.date))))
    return builder.section(_("Decision"), [Facts(tuple(facts)), *blocks])


def _recommendations(builder: Builder, eia: Eia) -> list[str]:
    decision = eia.decision
    assert decision is not None
    welsh = decision.recommendations_cy if builder.language == "cy" else None
    if welsh is not None and len(welsh) == len(decision.recommendations):
        return list(welsh)
    if builder.language == "cy":
        return [builder.english_only(text) for text in decision.recommendations]
    return list(decision.recommendations)


def review_section(builder: Builder, eia: Eia) -> Section:
    review, slug = review_text(builder, eia)
    facts = [Fact(_("Review"), review, slug)]
    if eia.reviewed:
        facts.append(Fact(_("Last reviewed"), builder.date(eia.reviewed)))
    return builder.section(_("Review"), [Facts(tuple(facts))])
