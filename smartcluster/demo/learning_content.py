"""The demo partnership's interregional learning: eight good practices from the partner regions (approved, one
validated by the Platform's experts, one awaiting approval, one declined, one that did not succeed and is kept for
its lessons), the peer review of Murcia's cluster support scheme with peers from four countries and their
recommendations (one accepted), and the practices' transfers between partners. Every text, date and figure is
invented sample content; places and hosts follow the project idea."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from smartcluster.learning.choices import (
    ParticipantRole,
    PracticeStatus,
    RecommendationResponse,
    TransferStage,
)

PEER_REVIEW_EVENT = "event:peer-review-murcia"  # the peer review event of event_content.py
PEER_REVIEW_KEY = "peer-review:murcia"
HOST_OFFICER = "person:murcia"  # the host's officer, who records the responses


@dataclass(frozen=True)
class DemoPractice:
    key: str
    partner: str  # organisation key of the submitting partner
    title: str
    region_code: str  # NUTS 2021
    latitude: str
    longitude: str
    in_charge: str  # organisation key of the organisation in charge
    status: str
    topics: tuple[tuple[str, str], ...]
    description: str
    resources_needed: str
    timescale: str
    evidence_of_success: str
    potential_for_transfer: str
    difficulties_and_lessons: str
    is_successful: bool = True
    source_event: str = ""  # event key of event_content.py


PROJECT_THEME, SMART_INDUSTRY = "project_theme", "smart_industry_40"

PRACTICES = (
    DemoPractice(
        "practice:thessaly-dih-vouchers", "organisation:thessaly", "Digital innovation hub vouchers for SMEs",
        "EL61", "39.63900", "22.41910", "organisation:thessaly-competence", PracticeStatus.EXPERT_VALIDATED,
        ((PROJECT_THEME, "digitalisation"), (SMART_INDUSTRY, "advanced_manufacturing_users")),
        "Small manufacturers receive a voucher of up to 15,000 EUR to buy a digital readiness check and a first "
        "pilot (sensors, a digital twin of one line, data analytics) from the region's digital innovation hub. "
        "The cluster managers recruit the firms and follow them up.",
        "1.2 million EUR from the regional programme for two calls; two staff at the hub, one at the Region.",
        "2023-2025, two calls of twelve months each.",
        "84 vouchers in two calls; 61 pilots completed; 23 firms invested in a follow-up project within a year "
        "(1.9 million EUR of private investment).",
        "Works wherever a digital innovation hub or competence centre exists; the voucher size and the "
        "cluster's role in recruiting firms are the parts to keep.",
        "The first call's paperwork kept the smallest firms away: a one-page application fixed it in the second "
        "call.", source_event="event:workshop-nordhessen"),
    DemoPractice(
        "practice:murcia-upskilling", "organisation:murcia", "Cluster-led upskilling academy for agrifood technicians",
        "ES62", "37.99220", "-1.13070", "organisation:murcia", PracticeStatus.PROJECT_APPROVED,
        ((PROJECT_THEME, "cluster-internal-development"), (SMART_INDUSTRY, "advanced_manufacturing_users")),
        "The agrifood technology cluster runs a yearly academy where member firms' technicians learn to install "
        "and maintain precision-irrigation and sensor systems, taught by the firms' own engineers.",
        "Member firms lend trainers and equipment; the agency pays a coordinator and the venue (90,000 EUR a year).",
        "Every year since 2022, three months from January.",
        "156 technicians trained in three editions; 78% of the participating firms report fewer call-outs to "
        "suppliers.",
        "Any cluster whose members share a skills gap can run it; the firms' engineers as teachers are the key.",
        "Competitors were wary of teaching each other's staff: the modules stay on shared, non-proprietary "
        "technology.", source_event="event:webinar-funding"),
    DemoPractice(
        "practice:nordhessen-testbeds", "organisation:nordhessen", "Open testbed days at the mechatronics cluster",
        "DE73", "51.31270", "9.47970", "organisation:kassel-mechatronics", PracticeStatus.PROJECT_APPROVED,
        ((PROJECT_THEME, "digitalisation"), (SMART_INDUSTRY, "technology_providers")),
        "Once a month, SMEs that are not yet cluster members try robots, cobots and machine-vision systems on the "
        "cluster's testbeds with an engineer, before they decide to invest.",
        "Two engineers one day a month, the testbeds of three member firms, 40,000 EUR a year for the programme.",
        "Since 2021, monthly.", "212 firm visits; 37 investments followed; 19 visitors joined the cluster.",
        "Transferable to clusters with members who own demonstration equipment; needs an engineer who speaks the "
        "SMEs' language.", "Members feared losing clients to the testbed: visits now end with a list of "
        "suppliers.", source_event="event:workshop-nordhessen"),
    DemoPractice(
        "practice:wsx-green-audits", "organisation:wsx", "Green transition audits delivered through clusters",
        "IE05", "52.33420", "-6.45750", "organisation:wsx", PracticeStatus.PROJECT_APPROVED,
        ((PROJECT_THEME, "sustainability-green-circular"),),
        "Cluster managers trained as energy and resource auditors visit member SMEs and leave each one with a "
        "costed plan of three measures; a regional grant pays half of the first measure.",
        "Training of eight cluster managers (20,000 EUR), grants of 350,000 EUR over two years.",
        "2024-2025.", "118 audits; 74 firms carried out at least one measure; 3,100 tonnes of CO2 a year saved.",
        "Clusters are trusted by their members: any region with an energy agency to train the auditors can do it.",
        "Audits without the grant were rarely acted on: the grant was added after six months."),
    DemoPractice(
        "practice:lead-excellence-vouchers", "organisation:lead-lt", "Cluster excellence voucher programme",
        "LT01", "54.68720", "25.27970", "organisation:lead-lt", PracticeStatus.PROJECT_APPROVED,
        ((PROJECT_THEME, "financing-resources"), (PROJECT_THEME, "cluster-policy")),
        "Cluster organisations receive multi-year framework funding tied to the services they deliver, with "
        "targets agreed with the agency and reviewed yearly.",
        "3 million EUR over four years from the national programme; one officer per ten clusters.",
        "2022-2025.", "Twelve clusters funded; members per cluster up 35%; eight clusters reached the ECEI "
        "bronze label.", "Needs a multi-year budget line; the target-setting method transfers as it is.",
        "Targets first counted members only: the agency added services used and members' satisfaction."),
    DemoPractice(
        "practice:pora-value-chains", "organisation:pora", "Value-chain brokerage for the county's metal sector",
        "HR06", "46.16240", "16.82750", "organisation:pora", PracticeStatus.SUBMITTED,
        ((PROJECT_THEME, "cooperation-internationalisation"),),
        "A broker at the agency maps which local metalworkers can supply the region's large manufacturers and "
        "arranges qualification audits and meetings.",
        "One broker, 30,000 EUR a year for audits.", "Since 2024.",
        "14 new supply contracts in the first year.", "Counties with one or two large manufacturers.",
        "Large firms' purchasing rules take a year to learn."),
    DemoPractice(
        "practice:pannon-mentoring", "organisation:pannon", "Cross-border digital mentoring for micro-firms",
        "HU23", "46.07270", "18.23230", "organisation:pannon", PracticeStatus.DECLINED,
        ((PROJECT_THEME, "digitalisation"),),
        "Volunteer mentors from larger firms meet micro-firms across the border online once a month.",
        "Volunteers' time; an online platform.", "2023.", "Not measured yet.",
        "Unclear.", "Mentors dropped out after three months."),
    DemoPractice(
        "practice:thessaly-textile-data", "organisation:thessaly", "Shared data platform for the textile cluster",
        "EL61", "39.74390", "22.28370", "organisation:thessaly", PracticeStatus.PROJECT_APPROVED,
        ((PROJECT_THEME, "digitalisation"), (SMART_INDUSTRY, "advanced_manufacturing_users")),
        "The textile mills of Tyrnavos were to pool machine data on one platform to compare energy use and "
        "defects across mills.",
        "250,000 EUR for the platform; a data manager for two years.", "2022-2024, stopped after 18 months.",
        "Four of eleven mills connected; the comparison never had enough data to be useful.",
        "The lessons transfer: agree on data ownership and the first use case before building any platform.",
        "Mills would not share defect data with competitors; the platform was built before the rules were "
        "agreed. A small first use case (energy only) would have kept them on board.", is_successful=False),
)


@dataclass(frozen=True)
class DemoParticipant:
    key: str
    organisation: str  # organisation key
    role: str
    country: str


PEER_REVIEW = {
    "policy_challenge": "Murcia's cluster support scheme funds projects year by year: clusters cannot plan their "
                        "services, and the smallest ones spend more on applications than they receive. How can the "
                        "scheme fund clusters for what they deliver, over several years?",
    "policy_instrument": "RIS3Mur cluster support scheme (Regional Programme Murcia 2021-2027, priority 1)",
    "is_published": True,
}

PARTICIPANTS = (
    DemoParticipant("peer-participant:thessaly", "organisation:thessaly", ParticipantRole.PEER, "EL"),
    DemoParticipant("peer-participant:nordhessen", "organisation:nordhessen", ParticipantRole.PEER, "DE"),
    DemoParticipant("peer-participant:pora", "organisation:pora", ParticipantRole.PEER, "HR"),
    DemoParticipant("peer-participant:pannon", "organisation:pannon", ParticipantRole.EXPERT, "HU"),
    DemoParticipant("peer-participant:murcia-sensors", "organisation:murcia-sensors",
                    ParticipantRole.LOCAL_STAKEHOLDER, "ES"),
)


@dataclass(frozen=True)
class DemoRecommendation:
    key: str
    author: str  # participant key
    text: str
    rationale: str
    practices: tuple[str, ...]  # practice keys
    response: str = RecommendationResponse.PENDING
    response_reason: str = ""


RECOMMENDATIONS = (
    DemoRecommendation(
        "recommendation:multi-year-funding", "peer-participant:thessaly",
        "Fund clusters with three-year framework agreements tied to the services they deliver, reviewed yearly.",
        "Year-by-year calls cost the smallest clusters more than they bring; Lithuania's excellence vouchers show "
        "that targets agreed in advance keep the funding accountable.",
        ("practice:lead-excellence-vouchers",), RecommendationResponse.ACCEPTED,
        "The managing authority agreed to pilot three-year agreements in the 2027 call; carried into the action "
        "plan."),
    DemoRecommendation(
        "recommendation:testbed-fees", "peer-participant:nordhessen",
        "Let clusters earn income by opening their members' testbeds to non-member SMEs for a fee.",
        "Service income makes clusters less dependent on grants, and testbed visits recruit new members.",
        ("practice:nordhessen-testbeds",), RecommendationResponse.TO_CONSIDER,
        "Useful, but the agrifood cluster's members own few testbeds: to be discussed with the cluster."),
    DemoRecommendation(
        "recommendation:green-audits", "peer-participant:pora",
        "Add green transition audits by cluster managers to the services the scheme funds.",
        "Members trust their cluster; in Ireland, audits by its managers were acted on more often.",
        ("practice:wsx-green-audits",), RecommendationResponse.NOT_APPLICABLE,
        "The regional energy agency already funds audits for every SME in Murcia."),
    DemoRecommendation(
        "recommendation:shared-back-office", "peer-participant:pannon",
        "Let small clusters share one back office (accounting, applications) paid by the scheme.",
        "Administration takes a third of a small cluster's staff time.", ()),
)


@dataclass(frozen=True)
class DemoTransfer:
    key: str
    practice: str  # practice key
    partner: str  # organisation key of the partner inspired
    stage: str
    inspired_on: dt.date
    stage_on: dt.date
    description: str
    evidence: str = ""


TRANSFERS = (
    DemoTransfer(
        "transfer:murcia-dih-vouchers", "practice:thessaly-dih-vouchers", "organisation:murcia", TransferStage.PLANNED,
        dt.date(2025, 10, 8), dt.date(2026, 4, 20),
        "Murcia's agency drafted a voucher call with the regional digital innovation hub, on Thessaly's model.",
        "Draft call approved by the agency's board on 20 April 2026."),
    DemoTransfer(
        "transfer:pora-testbeds", "practice:nordhessen-testbeds", "organisation:pora", TransferStage.ADAPTED,
        dt.date(2025, 10, 8), dt.date(2026, 6, 1),
        "PORA runs quarterly testbed days at a member firm's welding robots instead of monthly ones.",
        "Three testbed days held; 24 firm visits."),
    DemoTransfer(
        "transfer:lead-green-audits", "practice:wsx-green-audits", "organisation:lead-lt", TransferStage.ADOPTED,
        dt.date(2025, 3, 26), dt.date(2026, 9, 1),
        "The national cluster programme pays cluster managers' auditor training and half of the first measure.",
        "Programme rules amended on 1 September 2026; 30 audits planned for 2027."),
    DemoTransfer(
        "transfer:thessaly-upskilling", "practice:murcia-upskilling", "organisation:thessaly", TransferStage.INSPIRED,
        dt.date(2026, 2, 10), dt.date(2026, 2, 10),
        "Thessaly's textile and machining clusters will discuss an academy with their members."),
    DemoTransfer(
        "transfer:wsx-textile-lessons", "practice:thessaly-textile-data", "organisation:wsx", TransferStage.INSPIRED,
        dt.date(2025, 10, 8), dt.date(2025, 10, 8),
        "WSX agreed data ownership with its members before starting its own cluster data pilot."),
)
