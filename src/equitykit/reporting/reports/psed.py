"""The annual Public Sector Equality Duty report: who the body is, the general duty, governance,
objectives, EDS, workforce, WRES, WDES, pay gap, EIAs, the action plan, engagement, the compliance
calendar and how to get the document in another format."""

from __future__ import annotations

import datetime as dt

from ...i18n import N_, _, decimal
from ...obligations.deadlines import deadlines
from ...obligations.model import Obligation, public_basis, status_words
from ...records.common import PROTECTED_CHARACTERISTICS, PSED_AIMS
from ...records.dates import at_precision
from ...records.eia import Eia
from ...records.organisation import Organisation
from ...records.publication import DUTY_NAMES, PUBLICATION_STATUS_WORDS, Publication
from ...records.repository import RecordSet
from ...records.sectors import JURISDICTION_NAMES, SECTORS
from ...records.years import ReportingYear
from ..labels import dates_in_words, group_label
from .actions import summary_section
from .context import Builder, cell, header, reporting_year
from .document import BulletList, Fact, Facts, Paragraph, Report
from .eds import eds_sections
from .eias import register_section
from .highlights import progress_section
from .objectives import plan_section
from .paygap import diversity_sections, paygap_sections
from .standards import WDES, WRES, standard_sections
from .suppression import SUPPRESSED

DEADLINE_STATUS = {"met": "complete", "met-late": "in-progress", "overdue": "overdue", "due": "in-progress",
                   "upcoming": "ongoing", "unknown": "not-started"}
"""The colour of each deadline status, as a record status's; a duty met at a time not known has none, and neither
that nor one met late is red."""


def psed_report(records: RecordSet, as_of: dt.date, year: str | None = None) -> Report:
    """The annual report on a reporting year: `year` (e.g. 2025-26), or the last one ended before `as_of`."""
    b = Builder(records, as_of)
    org = b.organisation
    covered = reporting_year(org.financial_year_start, as_of, year)
    span = b.span(covered.start, covered.end)
    sections = [
        b.section(_("About us"), [Facts(tuple(f for f in (
            Fact(_("Organisation"), b.name), Fact(_("Type"), _(SECTORS[org.sector].name)),
            Fact(_("Jurisdiction"), _(JURISDICTION_NAMES[org.jurisdiction])),
            Fact(_("Established"), b.date(org.established)) if org.established else None,
            Fact(_("Dissolved"), b.date(org.dissolved)) if org.dissolved else None,
            Fact(_("Employees"), latest_headcount(b)),
            Fact(_("Website"), link_or_text(org.website)) if org.website else None) if f)),
            *people(b, org)]),
        b.section(_("The general equality duty"), [
            Paragraph(_("Section 149 of the Equality Act 2010 requires us, in everything we do, to have due "
                        "regard to the need to:")),
            BulletList(tuple(_(aim) for aim in PSED_AIMS.values()), ordered=True), *characteristics(b, org)]),
        b.section(_("Governance"), [Paragraph(b.text(org, "governance")
                                              or _("Governance arrangements have not been recorded."))]),
        b.section(_("Progress this year"), progress) if (progress := progress_section(b, covered)) else None,
        b.section(_(b.terms.plural),
                  plan_section(b, sorted(records.of("objective"), key=lambda o: o.id)).blocks),
        b.section(_("Equality Delivery System"), [], eds_sections(b, summary_only=True, year=covered))
        if b.follows("eds") else None,
        b.section(_("Workforce profile"), workforce_profile(b)),
        b.section(_("Workforce Race Equality Standard"), [], standard_sections(b, WRES))
        if b.follows("wres") else None,
        b.section(_("Workforce Disability Equality Standard"), [], standard_sections(b, WDES))
        if b.follows("wdes") else None,
        b.section(_("Gender pay gap"), [], gender) if (gender := paygap_sections(b)) else None,
        *([b.section(_("Ethnicity, disability and sexual orientation pay gaps"), [], diversity)]
          if (diversity := diversity_sections(b)) else []),
        b.section(_("Equality impact assessments"), [
            Paragraph(_("Assessments completed in the reporting year, {span}.").format(span=span)),
            *register_section(b, _completed_between(records.of("eia"), covered.start, covered.end)).blocks]),
        b.section(_("Action plan"), list(summary_section(b, records.of("action")).blocks)),
        b.section(_("Engagement"), engagement(b, covered)),
        b.section(_("What we publish"), publications(b)),
        b.section(_("Compliance calendar"), calendar(b)),
    ]
    return b.finish("psed", _(b.terms.psed_title).format(year=covered.label), [s for s in sections if s],
                    summary=_(b.terms.psed_summary).format(name=b.name, year=covered.label, span=span,
                                                           date=b.date(as_of)))


PUBLICATION_STATUS = {"planned": (N_("Planned"), "not-started"), "draft": (N_("Draft, in hand"), "in-progress"),
                      "published": (N_("Published"), "complete")}
SYSTEM_WIDE = N_("{title} (system-wide, for the integrated care system)")


def people(b: Builder, org: Organisation) -> list:
    """The staff networks and EDI roles, where the body records them."""
    blocks: list = []
    if org.staff_networks:
        blocks.append(b.table(_("Staff networks"), (_("Network"), _("Characteristics"), _("Executive sponsor")), (
            (header(b.text(n, "name")), cell(b.characteristics(n.characteristics)),
             cell(b.text(n, "sponsor") or _("Not recorded"))) for n in org.staff_networks)))
    if org.edi_roles:
        blocks.append(b.table(_("Equality, diversity and inclusion roles"), (_("Role"), _("Held by")), (
            (header(b.text(r, "role")), cell(b.text(r, "held_by") or _("Staff across teams and pay bands")))
            for r in org.edi_roles)))
    return blocks


def characteristics(b: Builder, org: Organisation) -> list:
    """The nine protected characteristics the duty covers, and beside them the characteristics the body also
    considers (declared in equitykit.yaml: care experience, socio-economic disadvantage, the Welsh language)."""
    blocks: list = [Paragraph(_("The duty covers the nine protected characteristics of the Equality Act 2010:")),
                    BulletList(tuple(b.characteristic(slug) for slug in PROTECTED_CHARACTERISTICS))]
    if org.characteristics:
        blocks += [Paragraph(_("Beside them, we also consider:")),
                   BulletList(tuple(b.characteristic(c.slug) for c in org.characteristics))]
    return blocks


def publications(b: Builder) -> list:
    """Every publication on record up to the report date, with planned and draft ones in hand."""
    items: list[Publication] = sorted(
        (p for p in b.records.of("publication") if p.status != "published" or p.known_date is None
         or p.known_date.earliest <= b.as_of),
        key=lambda p: (_when(p, b.as_of), p.id))
    rows = []
    for p in items:
        words, status = PUBLICATION_STATUS[p.status]
        when = b.date(p.published) if p.published else (
            _("Published by {date}").format(date=b.date(p.published_by)) if p.published_by else
            _("expected {date}").format(date=b.date(p.planned)) if p.planned else
            _("Not recorded") if p.status == "published" else _("Not set"))
        title = b.text(p, "title")
        rows.append((header(_(SYSTEM_WIDE).format(title=title) if p.scope == "system" else title),
                     cell(_(DUTY_NAMES[p.duty])), cell(_(words), status), cell(when)))
    return [b.table(_("Publications"), (_("Document"), _("Duty"), _("Status"), _("Date")), rows,
                    _("No publications recorded."))]


def _when(publication: Publication, as_of: dt.date) -> tuple[dt.date, dt.date]:
    """When a publication came out or is expected, to sort by (one with neither date: on the report date)."""
    day = publication.known_date or publication.planned
    return (as_of, as_of) if day is None else day.order


def _completed_between(eias: list[Eia], start: dt.date, end: dt.date) -> list[Eia]:
    """The EIAs completed from `start` to `end` (a date of a month or a year: any part of it), in the order
    they were completed."""
    completed = [(eia.completed, eia) for eia in eias if eia.completed and eia.completed.overlaps(start, end)]
    return [eia for _, eia in sorted(completed, key=lambda pair: pair[0].order)]


def link_or_text(url: str):
    from .escaping import link

    return link(url, url)


def latest_headcount(b: Builder) -> str:
    entries = [e for e in b.organisation.headcount if e.counts_on(b.as_of)] or list(b.organisation.headcount)
    entry = max(entries, key=lambda e: e.date.order, default=None)
    if entry is None:
        return _("Not recorded")
    # "as at March 2021" as published: "163 in March 2021"
    return at_precision(entry.date, _("{count} on {date}"), _("{count} in {month}"), _("{count} in {year}"),
                        count=decimal(entry.employees))


def workforce_profile(b: Builder) -> list:
    snapshots = [w for w in b.records.of("workforce") if w.snapshot <= b.as_of]
    latest = max(snapshots, key=lambda w: w.snapshot, default=None)
    if latest is None or not latest.profile:
        return [Paragraph(_("No workforce profile is recorded."))]
    blocks: list = [Paragraph(_("Staff on {date}, {count} in all.").format(
        date=b.date(latest.snapshot), count=b.suppress.count(latest.headcount)))]
    for slug, groups in latest.profile.items():
        total = sum(groups.values())
        published = b.suppress.partition(groups)
        rows = []
        for group, count in groups.items():
            shown = published[group]
            share = SUPPRESSED if shown == SUPPRESSED else (
                f"{100 * count / total:.1f}%" if total else _("not available"))
            label = group_label(group)
            rows.append((header(label), cell(shown), cell(share)))
        blocks.append(b.table(_("Workforce by {characteristic}").format(characteristic=b.characteristic(slug).lower()),
                              (_("Group"), _("Staff"), _("Share")), rows))
    return blocks


def engagement(b: Builder, year: ReportingYear) -> list:
    items = sorted((e for e in b.records.of("engagement")
                    if e.date.earliest <= year.end and (e.end or e.date).latest >= year.start),
                   key=lambda e: e.date.order)
    rows = [(header(_("{title} ({date})").format(title=b.text(e, "title"),
                                                 date=b.span(e.date, e.end) if e.end else b.date(e.date))),
             cell(b.text(e, "groups")), cell(b.suppress.count(e.participants, _("Not recorded"))),
             cell(b.text(e, "summary") or _("Not recorded")), cell(b.text(e, "outcome") or _("Not recorded")))
            for e in items]
    return [b.table(_("Engagement in the reporting year {year}").format(year=year.label), (
        _("Activity"), _("Who took part"), _("Participants"), _("What people said"), _("What we did")), rows,
        _("No engagement activity recorded in the reporting year {year}.").format(year=year.label))]


def calendar(b: Builder) -> list:
    try:
        result = deadlines(b.records, b.as_of)
    except ValueError as exc:
        return [Paragraph(_("The compliance calendar cannot be worked out: {reason}.").format(reason=exc))]
    publications = {p.id: p for p in b.records.of("publication")}
    rows = []
    for o in result.obligations:
        if o.source is not None or o.status == "not-applicable":
            continue
        rows.append((header(dates_in_words(o.title)), cell(b.date(o.due)),
                     cell(capitalised(status_words(o.status)), DEADLINE_STATUS.get(o.status)),
                     cell(calendar_note(b, o, publications)), cell(public_basis(o.basis))))
    return [b.table(_("Statutory and contractual publication duties"), (
        _("Duty"), _("Due"), _("Status"), _("Notes"), _("Basis")), rows, _("No duties found."))]


def calendar_note(b: Builder, obligation: Obligation, publications: dict[str, Publication]) -> str:
    """What the public reads beside a duty: the publication that met it, one in hand, or why it is not
    known whether the duty applies."""
    if obligation.status == "unknown":
        return _("Not known whether the duty applies: the number of employees on the snapshot date is not recorded.")
    met_by, in_hand = publications.get(obligation.evidence or ""), publications.get(obligation.in_hand or "")
    if met_by is not None:
        title = b.text(met_by, "title").rstrip(".")
        if met_by.published is None and met_by.published_by is not None:
            return _("{title}, published by {date}").format(title=title, date=b.date(met_by.published_by))
        if met_by.published is None:
            return _("{title}, published (date not recorded)").format(title=title)
        return _("{title}, published {date}").format(title=title, date=b.date(met_by.published))
    if in_hand is not None:
        title, status = b.text(in_hand, "title").rstrip("."), _(PUBLICATION_STATUS_WORDS[in_hand.status])
        if in_hand.planned:
            return _("{title}: {status}, in hand, expected {date}").format(title=title, status=status,
                                                                          date=b.date(in_hand.planned))
        return _("{title}: {status}, in hand").format(title=title, status=status)
    return ""


def capitalised(text: str) -> str:
    """Text with a capital first letter (the rest as it is)."""
    return text[:1].upper() + text[1:]

