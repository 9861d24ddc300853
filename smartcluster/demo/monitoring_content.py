"""The demo partnership's monitoring in its fourth semester (the project started on 1 March 2025; semesters of six
months): the work plan from the template with semesters 1–3 done and evidenced (some deliverables following the
demo's events, communication items and good practices), two left late; the verified Interreg indicators and one of
the project's own with targets per partner; the partners' reports of semesters 1–3 submitted and Thessaly's fourth
in draft; the action plans of Thessaly and Murcia with actions drawing on a brainstorm, good practices and the
accepted peer-review recommendation, their monitoring entries and the figures each action should move. Every text,
date and figure is invented sample content."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from smartcluster.monitoring.choices import (
    ActionPlanStatus,
    BackgroundKind,
    ImpactSource,
    ImplementationStatus,
    IndicatorCode,
    IndicatorKind,
    IndicatorMeasure,
    MappingMeasure,
)

LAST_DONE_SEMESTER = 3  # the demo's "today" (December 2026) is in semester 4
EVIDENCE_BASE = "https://clusters40.example.org/deliverables"
# Template deliverables that follow a demo record: (semester, kind, words of its title) → the record's demo key. The
# peer review the text puts in semester 2 is the demo's in January 2027: the deliverable follows it, late.
LINKS = (
    (1, "meeting", "kick-off", "event:kick-off"),
    (1, "meeting", "stakeholder", "event:thessaly-sg-1"),
    (2, "meeting", "stakeholder", "event:thessaly-sg-2"),
    (2, "event", "workshop", "event:workshop-nordhessen"),
    (2, "event", "peer review", "event:peer-review-murcia"),
    (2, "meeting", "steering", "event:steering-1"),
    (1, "press_release", "", "communication:press_release:1"),
    (1, "newsletter", "", "communication:newsletter:1"),
    (1, "poster", "", "communication:poster:1"),
    (2, "website_update", "", "communication:website_update:1"),
    (2, "report", "good practices", "practice:nordhessen-testbeds"),
)
# Template deliverables still in progress although their semester has ended: (semester, kind).
LATE = ((3, "newsletter"),)
# The template note resolved, by words of its message, and how; by the lead partner's coordinator.
NOTE_RESOLVER = "person:lead-lt"
NOTE_RESOLVED = ("press release no. 1", "Press release no. 1 is the one of semester 1; the text's second no. 1, "
                                         "in semester 2, is press release no. 2.")


@dataclass(frozen=True)
class DemoIndicator:
    code: str  # an IndicatorCode, or "" for the project's own
    name: str
    unit: str
    kind: str
    measure: str
    partner_target: Decimal | None  # each partner's target (the advisory partner has none)
    project_target: Decimal | None = None


INDICATORS = (
    DemoIndicator(IndicatorCode.RCO83, "Strategies and action plans jointly developed", "action plans",
                  IndicatorKind.OUTPUT, IndicatorMeasure.ACTION_PLANS_DEVELOPED, Decimal(1)),
    DemoIndicator(IndicatorCode.RCO84, "Pilot actions developed jointly and implemented in projects",
                  "pilot actions", IndicatorKind.OUTPUT, IndicatorMeasure.MANUAL, None, Decimal(1)),
    DemoIndicator(IndicatorCode.RCO87, "Organisations cooperating across borders", "organisations",
                  IndicatorKind.OUTPUT, IndicatorMeasure.MANUAL, Decimal(3)),
    DemoIndicator(IndicatorCode.RCO116, "Jointly developed solutions", "solutions", IndicatorKind.OUTPUT,
                  IndicatorMeasure.MANUAL, None, Decimal(2)),
    DemoIndicator(IndicatorCode.RCR79, "Joint strategies and action plans taken up by organisations",
                  "action plans", IndicatorKind.RESULT, IndicatorMeasure.ACTION_PLANS_ADOPTED, Decimal(1)),
    DemoIndicator(IndicatorCode.RCR84, "Organisations cooperating across borders after project completion",
                  "organisations", IndicatorKind.RESULT, IndicatorMeasure.MANUAL, Decimal(2)),
    DemoIndicator(IndicatorCode.RCR104, "Solutions taken up or up-scaled by organisations", "solutions",
                  IndicatorKind.RESULT, IndicatorMeasure.MANUAL, None, Decimal(1)),
    DemoIndicator("", "Good practices approved by the project", "good practices", IndicatorKind.OUTPUT,
                  IndicatorMeasure.PRACTICES_APPROVED, Decimal(1)),
)

# Each partner's reports: semester → (summary, {indicator code: value entered by hand}); submitted on the date given
# (None: still a draft).
REPORT_SUMMARIES = {
    1: "Mapping of the region's Smart Industry 4.0 clusters and the first stakeholder meeting.",
    2: "Funding structures of the region's clusters analysed; the first workshop and steering committee attended.",
    3: "Skills needs of the clusters collected; the action plan's first measures drafted.",
}
REPORT_SUBMITTED_ON = {1: dt.date(2025, 9, 20), 2: dt.date(2026, 3, 20), 3: dt.date(2026, 9, 25)}
REPORT_VALUES = {1: {IndicatorCode.RCO87: Decimal(1)}, 2: {IndicatorCode.RCO87: Decimal(1)}, 3: {}}
DRAFT_REPORT = ("organisation:thessaly", 4, "Draft: the stakeholder group reviews the action plan's vouchers.")


@dataclass(frozen=True)
class DemoImpact:
    source: str
    region_code: str
    note: str
    dataset: str = ""
    category: str = ""
    measure: str = ""


@dataclass(frozen=True)
class DemoEntry:
    semester: int
    status: str
    what_was_done: str
    explanation: str = ""
    evidence_url: str = ""


@dataclass(frozen=True)
class DemoAction:
    title: str
    background_kind: str
    background_key: str  # demo key of the practice, recommendation or brainstorm event
    background: str
    description: str
    players: str
    starts_on: dt.date
    ends_on: dt.date
    costs: Decimal | None
    funding: str
    entries: tuple[DemoEntry, ...] = ()
    impacts: tuple[DemoImpact, ...] = ()


@dataclass(frozen=True)
class DemoActionPlan:
    key: str
    partner: str  # organisation key
    title: str
    general_information: str
    policy_context: str
    status: str
    developed_with: tuple[str, ...]  # organisation keys of the partners it was developed with
    actions: tuple[DemoAction, ...]


ACTION_PLANS = (
    DemoActionPlan(
        "action-plan:thessaly", "organisation:thessaly", "Smart Industry 4.0 clusters in Thessaly",
        "Partner organisation: Region of Thessaly. Country: Greece. NUTS 2 region: Thessaly. Contact: the cluster "
        "policy officer of the Directorate of Development Planning.",
        "Regional Programme Thessaly 2021-2027, priority on research, innovation and digitalisation. The programme "
        "funds innovation vouchers but none reaches SMEs through their cluster; the region's food and textile "
        "clusters ask for support to use shop-floor data.",
        ActionPlanStatus.SUBMITTED, ("organisation:murcia", "organisation:nordhessen"),
        (
            DemoAction(
                "Shop-floor data vouchers through the clusters", BackgroundKind.BRAINSTORM,
                "event:brainstorm-thessaly",
                "The entrepreneurial discovery brainstorm in Larissa put shop-floor data first among the firms' ideas.",
                "Vouchers of EUR 8,000 for SMEs of the food and textile clusters to connect their machines and read "
                "their data with a technology provider the cluster organisation selects.",
                "Managing authority of the Regional Programme; the region's food and textile cluster organisations; "
                "the University of Thessaly", dt.date(2026, 4, 1), dt.date(2027, 12, 31), Decimal(480000),
                "Regional Programme Thessaly 2021-2027",
                entries=(DemoEntry(3, ImplementationStatus.IN_PROGRESS,
                                   "Call text agreed with the managing authority; two cluster organisations chose "
                                   "their technology providers.",
                                   evidence_url="https://clusters40.example.org/evidence/thessaly-call-draft"),
                         DemoEntry(4, ImplementationStatus.IN_PROGRESS,
                                   "The stakeholder group reviewed the call; it opens in January.")),
                impacts=(DemoImpact(ImpactSource.MATURITY, "EL61",
                                    "The digital maturity of the region's SMEs assessed in the campaign."),)),
            DemoAction(
                "Digital innovation hub vouchers open to cluster members", BackgroundKind.GOOD_PRACTICE,
                "practice:thessaly-dih-vouchers",
                "The region's own practice, approved by the project, reaches few members of the clusters.",
                "The digital innovation hub's vouchers get a quota for cluster members and a simpler application.",
                "Managing authority of the Regional Programme; the digital innovation hub",
                dt.date(2026, 3, 1), dt.date(2027, 6, 30), Decimal(150000), "Regional Programme Thessaly 2021-2027",
                entries=(DemoEntry(3, ImplementationStatus.DELAYED, "The quota was drafted.",
                                   explanation="The managing authority moved the programme's amendment to the "
                                               "next monitoring committee, in November."),)),
        )),
    DemoActionPlan(
        "action-plan:murcia", "organisation:murcia", "Clusters for agrifood skills in the Region of Murcia",
        "Partner organisation: Business Development Agency of the Region of Murcia. Country: Spain. NUTS 2 region: "
        "Región de Murcia.",
        "Regional smart specialisation strategy (RIS3Mur) and its cluster support scheme, which funds cluster "
        "organisations one year at a time.",
        ActionPlanStatus.DRAFT, ("organisation:thessaly",),
        (
            DemoAction(
                "Multi-year funding agreements for cluster organisations", BackgroundKind.RECOMMENDATION,
                "recommendation:multi-year-funding",
                "The peers recommended multi-year funding so clusters can plan their services; the agency accepted.",
                "The cluster support scheme signs three-year agreements with cluster organisations that meet the "
                "scheme's quality criteria, with a yearly review.",
                "Business Development Agency of the Region of Murcia; the region's cluster organisations",
                dt.date(2027, 1, 1), dt.date(2028, 12, 31), Decimal(900000), "RIS3Mur cluster support scheme"),
            DemoAction(
                "Cluster-led upskilling academy for agrifood technicians", BackgroundKind.GOOD_PRACTICE,
                "practice:murcia-upskilling",
                "The region's practice, approved by the project, trains technicians where firms lack them.",
                "The academy adds two courses on sensors and data for irrigation and food processing lines.",
                "Business Development Agency; Murcia's agrifood technology cluster; two vocational schools",
                dt.date(2026, 3, 1), dt.date(2027, 9, 30), Decimal(120000), "Regional employment and training funds",
                entries=(DemoEntry(3, ImplementationStatus.IN_PROGRESS,
                                   "The first course ran with 18 technicians of 9 firms.",
                                   evidence_url="https://clusters40.example.org/evidence/murcia-academy-course-1"),),
                impacts=(DemoImpact(ImpactSource.MAPPING, "ES62",
                                    "The region's specialisation in food processing (location quotient).",
                                    dataset="sbs_r_nuts06_r2", category="18", measure=MappingMeasure.LQ),)),
        )),
)
