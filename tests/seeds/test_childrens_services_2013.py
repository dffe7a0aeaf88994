"""Seed 003: Children's Services Equalities Action Plan No 3 (1 April 2013 to 31 March 2014), a council
directorate's plan of work streams, lead officers and two-monthly periods."""

from __future__ import annotations

import datetime as dt
import re

from .placement import (
    SEEDS,
    SOURCES,
    Element,
    Part,
    misplaced,
    rendered,
    validate_problems,
)

FOLDER = SEEDS / "childrens-services-2013"
SOURCE = (SOURCES / "003-childrens-services-2013.txt").read_text(encoding="utf-8")
AS_OF = dt.date(2013, 4, 1)
PLAN = "Action plan 1 April 2013 to 31 March 2014"
EIA = "Equality Impact Assessments"
ELEARNING = "E & D E-Learning programme"
ENGAGEMENT = "E & D Staff Engagement Programme"
BRIEFS = "Equality Team Briefs"
PROVIDERS = "Equality Awareness Commissioned Providers"
OBJECTIVES = "Equality Objectives (Specific Duties)"
INTERPRETERS = "Interpreters and Translations"
WEBSITE = "Website"
SURGERIES = "Equality Impact Assessment Training and Equality Surgeries"
STREAMS = [EIA, ELEARNING, ENGAGEMENT, BRIEFS, PROVIDERS, OBJECTIVES, INTERPRETERS, WEBSITE, SURGERIES]
"""The work streams in the plan's own order (sections 7d and 10 of the document)."""
REMIND = "Issue quarterly reminder communication to all staff to complete training."
QUARTERLY = ("Produce quarterly report on Trent numbers of staff completing e-learning training and other forms "
             "of equality training.")
TEAM_BRIEF = "Prepare Equality team brief – gather issues and build into EIAs and training."


def actions(section: str, *texts: str) -> list[Element]:
    return [Element(text, "actions", section, text) for text in texts]


def plan(section: str, *texts: str) -> list[Element]:
    return [Element(text, "actions:action-plan-no-3", section, text) for text in texts]


ELEMENTS: list[Element] = [
    Element("the directorate", "actions", "", "Children’s Services"),
    Element("the plan's period", "actions", "", "1 April 2013 to 31 March 2014"),
    *(Element(f"period {label}", "actions", EIA, label) for label in (
        "Apr to May 2013", "Jun to Jul 2013", "Aug to Sep 2013", "Oct to Nov 2013", "Dec 2013 to Jan 2014",
        "Feb to Mar 2014")),
    # Without --plan the action plan is its actions: section 7d's work stream has none.
    *(Element(f"work stream {stream}", "actions", PLAN, stream) for stream in STREAMS if stream != SURGERIES),
    *actions(EIA, "Amy Holliman", "Andrew Mullan", "Deb Paniagua", "Peter George", "Amanda Gill", "Andy Smart",
             "Jane Williamson", "Bev Redfern",
             "Complete CS Directorate Plan EIA 2013. Publish summary on website.",
             "Complete Improvement Plan EIA. Publish summary on website.", "Commissioning Strategy EIA.",
             "Generic Budget Cuts EIA.", "WorkforceDevelopment; Functional School Re-organisation EIA",
             "Refresh EIAs Focus Families; Complaints; GTR/School Inclusion; Publish summaries on website",
             "EIA’s as required.", "Update EIA schedule as required.",
             "Ensure EIA training is available for EIA authors throughout the year. Provide on-going 1:1 support "
             "as required.",
             "Publish all EIAs on website as completed.", "Refresh on-going as required within EIA.",
             "Remind all EIA authors of corporate timescales, offer support if required and ask if actions raised "
             "within EIAs are on target.",
             "Refresh of EIAs on-going as required.", "Update all EIAs in line with corporate timescales.",
             "Start refresh of CS Directorate Plan EIA for 2014/15, embedding equality into service and team plans "
             "for 2014/15.",
             "Publish all refreshed EIAs on website.",
             "Complete CS Directorate Plan EIA 2014/15. Publish summary on website."),
    *actions(ELEARNING, "All staff", REMIND, QUARTERLY, "On-going"),
    *actions(ENGAGEMENT, "Allyson Carty", "Maria Holmes", "Complete staff engagement programme, include IIP.",
             "Develop 12 month communication plan to raise awareness of equality including regular updates on "
             "issues to roll out over year.",
             "Review training, build issues into EIAs, develop and agree equality training plan for 2013/14.",
             "Evaluate impact of training."),
    *actions(BRIEFS, "Allyson Carty", TEAM_BRIEF, "Prepare Equality Team brief – gather issues and build into "
             "EIAs and training."),
    *actions(PROVIDERS, "Allyson Carty", "Work as required with commissioning and contracts teams.",
             "Agree approach to be taken in 2013/14 for Equalities Award for Children’s Centres.",
             "Support evaluation of tenders."),
    *actions(OBJECTIVES, "Bev Redfern", "Alan Lindsey", "Gillian Martin", "Allyson Carty", "Bev Morgan",
             "Others TBC", "Consultation", "Embed Equality Objectives within service and delivery plans.",
             "Publish first annual report. Share with Corporate and publish on website.",
             "Develop action plans for all objectives and review throughout 2013/14.",
             "Develop 2013/14 plan for consultation.",
             "Work with corporate and Children’s Services to complete Equality Needs Analysis.",
             "Develop reports for website.", "Consultation"),
    *actions(INTERPRETERS, "Allyson Carty", "Review service usage during 2011/12 and develop annual report.",
             "Work with corporate to review service – refresh Guidance for 2013/14 taking into account budget "
             "reduction and any corporate changes to service."),
    *actions(WEBSITE, "Allyson Carty", "Regularly update as required"),
    # The plan as a record of its own (issue 24): its title, period and introduction, its work streams in order.
    Element("the plan's title", "actions:action-plan-no-3", "", "Children’s Services Equalities Action Plan No 3"),
    Element("the plan's period", "actions:action-plan-no-3", "", "1 April 2013 to 31 March 2014"),
    Element("the plan's introduction", "actions:action-plan-no-3", "",
            "This Action Plan is the third one developed by Children’s Services, for implementation from 1 April "
            "2013 until 31 March 2014."),
    *(Element(f"heading {stream}", "actions:action-plan-no-3", "Actions by heading", stream) for stream in STREAMS),
    Element("the plan's version words", "actions:action-plan-no-3", "",
            "NB. This is a working document and will be updated as required"),
    # What sections 5 and 7 to 9 say of each work stream, under its heading; 7d's heading has no actions.
    *plan(EIA, "We have agreed to focus on some key Equality Impact Assessments during 2013."),
    *plan(ELEARNING, "The equality e-learning programme is available for all staff. During 2013/14 staff will be "
          "encouraged to complete this."),
    *plan(ENGAGEMENT, "The Children’s Services ‘train the trainer’ programme is expected to be completed by May 2013, "
          "when a further training programme will be developed."),
    *plan(BRIEFS, "Equality to appear at quarterly intervals in team briefs"),
    *plan(PROVIDERS, "An Equality Impact Assessment of the Commissioning Process was completed and is currently being "
          "refreshed.", "Post tender equality evaluation is carried out to ensure commissioned services are compliant "
          "with the Equality Act 2010."),
    *plan(OBJECTIVES, "Consultation during 2013 will include work with OutReach Cumbria and NSPCC.",
          "A consultation report will be published annually in April."),
    *plan(SURGERIES, "EIA training and Equality surgeries will be delivered corporately and dates will be promoted "
          "to staff.", "One to one support for staff will also be available from within Children’s Services."),
    Element("the 2012 training objective", "objectives", "Equality objective plan",
            "75% of staff will have had some form of equality training by March 2013"),
    Element("its target, without a baseline", "objectives",
            "OBJ-01: 75% of staff will have had some form of equality training by March 2013",
            "75.0% (March 2013)"),
    Element("no baseline in the document", "objectives",
            "OBJ-01: 75% of staff will have had some form of equality training by March 2013", "Not set"),
    Element("the target not reached", "objectives",
            "OBJ-01: 75% of staff will have had some form of equality training by March 2013",
            "Due to other priorities this target has not been reached yet"),
    Element("objectives agreed March 2012, for 4 years", "objectives",
            "OBJ-02: The achievement gap between CLA and non-CLA would be monitored",
            "Equality objectives were agreed in March 2012 and embedded into service planning. The objectives run "
            "for 4 years. Annual progress reporting on the objectives will take place in April."),
    Element("children looked after", "objectives", "Equality objective plan", "Children looked after (CLA)"),
    Element("racially aggravated crimes", "objectives", "Equality objective plan",
            "A measure around racially aggravated crimes by young people would also be considered for 2013/14"),
]


def test_the_plan_validates_with_no_errors() -> None:
    problems = validate_problems(FOLDER)
    assert [p for p in problems if p["severity"] == "error"] == []
    # What the document lacks shows as warnings: a target without a baseline (EK407), no status stated (EK450),
    # objectives without a lead, aims or measures (EK451), work streams without a due date (EK453).
    assert {p["code"] for p in problems} == {"EK407", "EK450", "EK451", "EK453"}


def test_every_element_appears_where_it_belongs_in_md_and_html() -> None:
    assert misplaced(FOLDER, ELEMENTS, AS_OF) == []


def test_work_streams_keep_the_plans_order() -> None:
    markdown, page = rendered(FOLDER, "actions:action-plan-no-3", AS_OF)
    for text in (markdown, page):
        positions = [text.index(f">{stream.replace('&', '&amp;')}</h3>") if text is page else
                     text.index(f"### {stream}\n") for stream in STREAMS]
        assert positions == sorted(positions)
    assert STREAMS != sorted(STREAMS)


def test_several_leads_of_one_work_stream_are_all_named_in_the_lead_column() -> None:
    markdown, _ = rendered(FOLDER, "actions", AS_OF)
    row = next(line for line in markdown.splitlines() if line.startswith("| ACT-06"))
    assert re.search(r"\| Bev Redfern; Alan Lindsey; Gillian Martin; Allyson Carty; Bev Morgan; Others TBC \|", row)


PARTS: list[Part] = [
    # The document's elements, how they fitted the records before issue 22's re-encoding and how they fit now.
    Part("the plan's title", "fully", "fully"),
    Part("the plan's period", "fully", "fully"),
    Part("the introduction (section 1)", "fully", "fully"),
    Part("the directorate as the publishing unit", "fully", "fully"),
    Part("the work streams in the plan's order", "fully", "fully"),
    Part("children looked after, the body's own characteristic", "fully", "fully"),
    Part("the activities in their two-month columns", "partly", "fully"),
    Part("no status stated for any work stream", "partly", "fully"),
    Part("what sections 5 and 7 to 9 say of each work stream", "partly", "fully"),
    Part("section 7d, a work stream with no row in the table", "partly", "fully"),
    Part("the version words (a draft, a working document)", "not", "fully"),
    Part("the council's name", "partly", "partly", "the document never names its council; a name is required"),
    Part("the lead officers of each work stream", "partly", "partly",
         "the text lost which lead has which activity: the leads are listed for the whole work stream"),
    Part("a due date for each work stream", "partly", "fully"),
    Part("the equality objectives agreed in March 2012 for 4 years", "partly", "partly",
         "the document does not list them: only what it says of them, as text of OBJ-02"),
    Part("the training objective: 75% of staff by March 2013", "partly", "fully"),
    Part("the training target not reached yet", "partly", "partly",
         "progress without a figure or a date: held as the objective's description"),
    Part("the CLA achievement gap to be monitored", "partly", "partly",
         "a measure with no unit or figures: held as an objective, its end computed from '4 years'"),
    Part("a measure of racially aggravated crimes to be considered", "partly", "partly",
         "a measure under consideration, not an objective: held as one, with no measure"),
    Part("DLT's November 2012 meeting", "partly", "partly", "no record of a meeting: text of OBJ-02"),
    Part("the consultation with OutReach Cumbria and NSPCC, and its annual report", "partly", "partly",
         "planned engagement: an engagement record is for what took place, so it is the heading's text"),
    Part("equality and diversity training is mandatory for all staff", "partly", "partly",
         "a policy statement: text of OBJ-01"),
    Part("sections 2 to 4: the Equality Act, the general and specific duties", "not", "not",
         "the law's words, not the body's: the reports state the law themselves"),
]
FILLED = {
    "The council (not named in the document)": "the document does not name its council",
    "Children looked after (CLA)": "the document writes CLA; spelled out for readers",
    "Staff who have had some form of equality training": "the measure described in the objective's words",
    "2016-03": "computed: objectives agreed in March 2012 that run for 4 years",
}

BEFORE = {"fully": 6, "partly": 15, "not": 2}
AFTER = {"fully": 13, "partly": 9, "not": 1}
"""How many elements fit fully, partly and not, before issue 22's re-encoding and after it."""
