"""The annual Public Sector Equality Duty report: who the body is, the general duty, governance,
objectives, EDS, workforce, WRES, WDES, pay gap, EIAs, the action plan, engagement, the compliance
calendar and how to get the document in another format."""

from __future__ import annotations

import datetime as dt

from ...obligations.deadlines import deadlines
from ...obligations.model import STATUS_WORDS as DEADLINE_WORDS
from ...records.common import PSED_AIMS
from ...records.eia import Eia
from ...records.repository import RecordSet
from .actions import summary_section
from .context import Builder, cell, header
from .document import BulletList, Fact, Facts, Paragraph, Report
from .eds import eds_sections
from .eias import register_section
from .objectives import plan_section
from .paygap import diversity_sections, paygap_sections
from .standards import WDES, WRES, standard_sections

SECTORS = {"nhs-trust": "NHS trust", "nhs-foundation-trust": "NHS foundation trust",
           "icb": "Integrated care board", "local-authority": "Local authority", "other-public": "Public body"}
DEADLINE_STATUS = {"met": "complete", "overdue": "overdue", "due": "in-progress", "upcoming": "ongoing"}


def psed_report(records: RecordSet, as_of: dt.date) -> Report:
    b = Builder(records, as_of)
    org = b.organisation
    year_start = as_of - dt.timedelta(days=365)
    sections = [
        b.section("About us", [Facts(tuple(f for f in (
            Fact("Organisation", org.name), Fact("Type", SECTORS[org.sector]),
            Fact("Jurisdiction", org.jurisdiction.capitalize()),
            Fact("Employees", latest_headcount(b)),
            Fact("Website", link_or_text(org.website)) if org.website else None) if f))]),
        b.section("The general equality duty", [
            Paragraph("Section 149 of the Equality Act 2010 requires us, in everything we do, to have due "
                      "regard to the need to:"),
            BulletList(tuple(PSED_AIMS.values()), ordered=True)]),
        b.section("Governance", [Paragraph(org.governance or "Governance arrangements have not been recorded.")]),
        b.section("Equality objectives",
                  plan_section(b, sorted(records.of("objective"), key=lambda o: o.id)).blocks),
        b.section("Equality Delivery System", [], eds_sections(b, summary_only=True)),
        b.section("Workforce profile", workforce_profile(b)),
        b.section("Workforce Race Equality Standard", [], standard_sections(b, WRES)),
        b.section("Workforce Disability Equality Standard", [], standard_sections(b, WDES)),
        b.section("Gender pay gap", [], paygap_sections(b)),
        *([b.section("Ethnicity, disability and sexual orientation pay gaps", [], diversity)]
          if (diversity := diversity_sections(b)) else []),
        b.section("Equality impact assessments", [
            Paragraph(f"Assessments completed between {b.date(year_start)} and {b.date(as_of)}."),
            *register_section(b, _completed_between(records.of("eia"), year_start, as_of)).blocks]),
        b.section("Action plan", list(summary_section(b, records.of("action")).blocks)),
        b.section("Engagement", engagement(b, year_start)),
        b.section("Compliance calendar", calendar(b)),
    ]
    return b.finish("psed", "Public Sector Equality Duty annual report", sections, summary=(
        f"How {org.name} meets the Public Sector Equality Duty: information as at {b.date(as_of)}."))


def _completed_between(eias: list[Eia], start: dt.date, end: dt.date) -> list[Eia]:
    """The EIAs completed from `start` to `end`, in the order they were completed."""
    completed = [(eia.completed, eia) for eia in eias if eia.completed and start <= eia.completed <= end]
    return [eia for _, eia in sorted(completed, key=lambda pair: pair[0])]


def link_or_text(url: str):
    from .escaping import link

    return link(url, url)


def latest_headcount(b: Builder) -> str:
    entries = [e for e in b.organisation.headcount if e.date <= b.as_of] or list(b.organisation.headcount)
    entry = max(entries, key=lambda e: e.date)
    return f"{entry.employees:,} on {b.date(entry.date)}"


def workforce_profile(b: Builder) -> list:
    snapshots = [w for w in b.records.of("workforce") if w.snapshot <= b.as_of]
    latest = max(snapshots, key=lambda w: w.snapshot, default=None)
    if latest is None or not latest.profile:
        return [Paragraph("No workforce profile is recorded.")]
    blocks: list = [Paragraph(f"Staff on {b.date(latest.snapshot)}, {b.suppress.count(latest.headcount)} in all.")]
    for slug, groups in latest.profile.items():
        total = sum(groups.values())
        rows = []
        for group, count in groups.items():
            shown = b.suppress.count(count)
            share = "[c]" if shown == "[c]" else (f"{100 * count / total:.1f}%" if total else "not available")
            label = group if group[0].isdigit() else group.replace("-", " ").capitalize()
            rows.append((header(label), cell(shown), cell(share)))
        blocks.append(b.table(f"Workforce by {b.characteristic(slug).lower()}", ("Group", "Staff", "Share"), rows))
    return blocks


def engagement(b: Builder, since: dt.date) -> list:
    items = sorted((e for e in b.records.of("engagement") if since <= e.date <= b.as_of), key=lambda e: e.date)
    rows = [(header(f"{e.title} ({b.date(e.date)})"), cell(", ".join(e.groups)),
             cell(b.suppress.count(e.participants, "Not recorded")),
             cell(e.summary or "Not recorded"), cell(e.outcome or "Not recorded")) for e in items]
    return [b.table("Engagement in the last twelve months", (
        "Activity", "Who took part", "Participants", "What people said", "What we did"), rows,
        "No engagement activity recorded in the last twelve months.")]


def calendar(b: Builder) -> list:
    try:
        result = deadlines(b.records, b.as_of)
    except ValueError as exc:
        return [Paragraph(f"The compliance calendar cannot be worked out: {exc}.")]
    rows = [(header(o.title), cell(b.date(o.due)),
             cell(DEADLINE_WORDS.get(o.status, o.status).capitalize(), DEADLINE_STATUS.get(o.status)),
             cell(o.evidence or o.note or ""), cell(o.basis))
            for o in result.obligations if o.source is None]
    return [b.table("Statutory and contractual publication duties", (
        "Duty", "Due", "Status", "Evidence", "Basis"), rows, "No duties found.")]
