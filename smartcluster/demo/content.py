"""The demo partnership as sample content: an Interreg Europe project on clusters in Smart Industry 4.0, its
partners, a few firms of their regions, a B2B matchmaking event and a maturity campaign.

The partners and their tasks follow the project idea (Region of Thessaly, Murcia, NordHessen, WSX Ireland, PORA,
Pannon EGTC and a Lithuanian lead partner); every firm, person and text is invented sample content.
Keys name each item for good: a reload finds what it made before by key, never by name. Choices of the
matchmaking app are written as their stored values (the app is used through its services only).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from smartcluster.organisations.choices import OrganisationType, PartnerRole, SizeClass

NUTS_VERSION = 2021

PROJECT_KEY = "project"
PROJECT = {
    "name": "Innovative approach to clusters in Smart Industry 4.0",
    "acronym": "CLUSTERS 4.0",
    "programme": "Interreg Europe",
    "start_date": dt.date(2025, 3, 1),
    "semesters": 8,
}


@dataclass(frozen=True)
class DemoOrganisation:
    key: str
    name: str
    type: str
    region_code: str  # NUTS 2021
    description: str
    size_class: str = ""
    nace_section: str = ""
    website: str = ""


@dataclass(frozen=True)
class DemoPartner:
    organisation: str  # key of a DemoOrganisation
    role: str
    policy_instrument: str


@dataclass(frozen=True)
class DemoPerson:
    key: str
    name: str
    organisation: str  # key of a DemoOrganisation
    role: str
    email: str


PARTNER_ORGANISATIONS = (
    DemoOrganisation(
        "organisation:lead-lt", "Lithuanian Regional Innovation Agency", OrganisationType.DEVELOPMENT_AGENCY, "LT01",
        "Lead partner of the sample partnership. Coordinates the project, hosts the kick-off meeting in Vilnius "
        "and leads the mapping of Smart Industry 4.0 clusters in the partner regions."),
    DemoOrganisation(
        "organisation:thessaly", "Region of Thessaly", OrganisationType.PUBLIC_AUTHORITY, "EL61",
        "Regional authority in charge of the project's communication (plan, branding, newsletters). Hosts the "
        "second interregional workshop, on policy measures that let clusters address skills imbalances.",
        website="https://www.thessaly.gov.gr/"),
    DemoOrganisation(
        "organisation:murcia", "Business Development Agency of the Region of Murcia",
        OrganisationType.DEVELOPMENT_AGENCY, "ES62",
        "Regional development agency. Hosts the first peer review and study visit, on the funding and cost "
        "structure of clusters and their value in regional and global value chains."),
    DemoOrganisation(
        "organisation:nordhessen", "Regional management NordHessen GmbH", OrganisationType.DEVELOPMENT_AGENCY, "DE7",
        "Regional management company of North Hesse. Hosts the first interregional workshop: Smart Industry 4.0 "
        "clusters as a tool for the entrepreneurial discovery process and the co-creation of S3 strategies."),
    DemoOrganisation(
        "organisation:wsx", "WSX Ireland", OrganisationType.DEVELOPMENT_AGENCY, "IE",
        "Irish partner. Hosts the second peer review and study visit, on how Smart Industry 4.0 clusters can "
        "respond to skills shortages and mismatches."),
    DemoOrganisation(
        "organisation:pora", "PORA Regional development agency of Koprivnica-Križevci County",
        OrganisationType.DEVELOPMENT_AGENCY, "HR063",
        "County development agency. Hosts the third peer review and study trip, on clusters as focal points of "
        "regional and interregional value chains."),
    DemoOrganisation(
        "organisation:pannon", "Pannon EGTC", OrganisationType.PUBLIC_AUTHORITY, "HU",
        "European grouping of territorial cooperation. Hosts the third interregional workshop, on the mission of "
        "Smart Industry 4.0 clusters in the digital ecosystem, and proposes the joint pilot action."),
)

PARTNERS = (
    DemoPartner("organisation:lead-lt", PartnerRole.LEAD,
                "Regional programme for cluster development and Industry 4.0 uptake."),
    DemoPartner("organisation:thessaly", PartnerRole.PARTNER,
                "Regional Programme Thessaly 2021-2027, priority on research, innovation and digitalisation."),
    DemoPartner("organisation:murcia", PartnerRole.PARTNER,
                "Regional smart specialisation strategy (RIS3Mur) and its cluster support scheme."),
    DemoPartner("organisation:nordhessen", PartnerRole.PARTNER,
                "Regional cluster and innovation management of North Hesse."),
    DemoPartner("organisation:wsx", PartnerRole.PARTNER, "Regional enterprise plan and its cluster programme."),
    DemoPartner("organisation:pora", PartnerRole.PARTNER,
                "County development plan, measures for SME competitiveness and clusters."),
    DemoPartner("organisation:pannon", PartnerRole.ADVISORY,
                "Cross-border cooperation strategy of the grouping's member municipalities."),
)

# Six of Thessaly's small manufacturers answer the maturity campaign, so that the region's aggregate shows (groups
# of 5 firms or more, and no subgroup that differs from it by fewer than 5).
FIRMS = (
    DemoOrganisation("organisation:larissa-machining", "Larissa Precision Machining", OrganisationType.SME, "EL61",
                     "CNC machining of parts for agricultural machinery; 35 employees.", SizeClass.SMALL, "C"),
    DemoOrganisation("organisation:volos-packaging", "Volos Metal Packaging", OrganisationType.SME, "EL61",
                     "Cans and closures for the food industry, on lines with sensor-tracked quality.", SizeClass.SMALL,
                     "C"),
    DemoOrganisation("organisation:thessaly-agrirobotics", "Thessaly Agri-Robotics", OrganisationType.SME, "EL61",
                     "Field robots and drones for cotton and wheat growers.", SizeClass.SMALL, "C"),
    DemoOrganisation("organisation:tyrnavos-textiles", "Tyrnavos Textile Mills", OrganisationType.SME, "EL61",
                     "Cotton spinning and technical textiles; moving to energy monitoring.", SizeClass.SMALL, "C"),
    DemoOrganisation("organisation:trikala-twins", "Trikala Digital Twins", OrganisationType.SME, "EL61",
                     "Software for digital twins of production lines.", SizeClass.SMALL, "J"),
    DemoOrganisation("organisation:magnesia-coatings", "Magnesia Green Coatings", OrganisationType.SME, "EL61",
                     "Low-emission metal coatings for the construction industry.", SizeClass.SMALL, "C"),
    DemoOrganisation("organisation:karditsa-food", "Karditsa Food Automation", OrganisationType.SME, "EL61",
                     "Automation of dairy and food-processing lines.", SizeClass.SMALL, "C"),
    DemoOrganisation("organisation:murcia-sensors", "Murcia Agrotech Sensors", OrganisationType.SME, "ES62",
                     "Soil and irrigation sensors with a cloud dashboard.", SizeClass.SMALL, "C"),
    DemoOrganisation("organisation:kassel-mechatronics", "Kassel Mechatronics", OrganisationType.SME, "DE7",
                     "Collaborative robot cells for small-batch assembly.", SizeClass.MEDIUM, "C"),
    DemoOrganisation("organisation:thessaly-competence", "Thessaly Industry 4.0 Competence Centre",
                     OrganisationType.RESEARCH, "EL61",
                     "Applied research and testbeds for SMEs: robotics, IoT and data analytics.", "", "M"),
)

ORGANISATIONS = PARTNER_ORGANISATIONS + FIRMS

PEOPLE = (
    DemoPerson("person:thessaly", "Eleni Papadopoulou", "organisation:thessaly", "Cluster policy officer",
               "e.papadopoulou@example.org"),
    DemoPerson("person:larissa-machining", "Nikos Georgiou", "organisation:larissa-machining", "Managing director",
               "n.georgiou@example.org"),
    DemoPerson("person:volos-packaging", "Maria Konstantinou", "organisation:volos-packaging", "Operations manager",
               "m.konstantinou@example.org"),
    DemoPerson("person:tyrnavos-textiles", "Christos Papageorgiou", "organisation:tyrnavos-textiles",
               "Production manager", "c.papageorgiou@example.org"),
    DemoPerson("person:thessaly-agrirobotics", "Giorgos Dimitriou", "organisation:thessaly-agrirobotics", "Founder",
               "g.dimitriou@example.org"),
    DemoPerson("person:trikala-twins", "Sofia Nikolaou", "organisation:trikala-twins", "Chief technology officer",
               "s.nikolaou@example.org"),
    DemoPerson("person:magnesia-coatings", "Andreas Ioannou", "organisation:magnesia-coatings", "Plant manager",
               "a.ioannou@example.org"),
    DemoPerson("person:karditsa-food", "Katerina Vasileiou", "organisation:karditsa-food", "Managing director",
               "k.vasileiou@example.org"),
    DemoPerson("person:murcia-sensors", "Lucía Martínez", "organisation:murcia-sensors", "Business developer",
               "l.martinez@example.org"),
    DemoPerson("person:kassel-mechatronics", "Jonas Becker", "organisation:kassel-mechatronics", "Sales engineer",
               "j.becker@example.org"),
    DemoPerson("person:thessaly-competence", "Dimitra Alexiou", "organisation:thessaly-competence",
               "Technology transfer officer", "d.alexiou@example.org"),
)


@dataclass(frozen=True)
class DemoParticipant:
    person: str  # key of a DemoPerson (the participant is that person's user, a member of its organisation)
    country: str
    time_zone: str
    description: str
    technologies: tuple[str, ...]
    opportunities: tuple[dict[str, str], ...] = field(default=())


EVENT_KEY = "matchmaking:event"
EVENT_ORGANISER = "person:thessaly"
EVENT = {
    "title": "Smart Industry 4.0 B2B meetings — Larissa",
    "description": "Sample event of the demo partnership: short one-to-one meetings between firms, research "
                   "centres and cluster organisations on digital and green manufacturing, at the second "
                   "interregional workshop in Thessaly.",
    "time_zone": "Europe/Athens",
    "mode": "on_site",  # numbered tables
    "table_count": 4,
    "meeting_minutes": 25,
    "break_minutes": 5,
    "max_meetings_per_participant": 6,
    "requires_acceptance": True,
    "is_published": True,
}
# Days from the one the demo is loaded on (deadlines at DEADLINE_TIME, event time), so that its registration and
# meeting requests are open.
EVENT_REGISTRATION_OPENED = dt.timedelta(days=-7)
EVENT_REGISTRATION_CLOSES = dt.timedelta(days=21)
EVENT_REQUESTS_CLOSE = dt.timedelta(days=25)
EVENT_DAY = dt.timedelta(days=28)
DEADLINE_TIME = dt.time(18, 0)
EVENT_SESSION = (dt.time(10, 0), dt.time(13, 0))  # event time zone

PARTICIPANTS = (
    DemoParticipant("person:larissa-machining", "EL", "Europe/Athens",
                    "Machining SME looking to connect its CNC machines and predict tool wear.",
                    ("Predictive maintenance", "Industrial IoT"),
                    ({"kind": "request", "title": "Retrofit kit for CNC machine monitoring",
                      "description": "Sensors and software to monitor ten older CNC machines.",
                      "keywords": "IoT, predictive maintenance, retrofit"},)),
    DemoParticipant("person:trikala-twins", "EL", "Europe/Athens",
                    "Software firm building digital twins of production lines for SMEs.",
                    ("Digital twins", "Simulation"),
                    ({"kind": "offer", "title": "Digital twin of your production line in 8 weeks",
                      "description": "A pilot twin to test layout changes before investing.",
                      "keywords": "digital twin, simulation, layout"},)),
    DemoParticipant("person:thessaly-agrirobotics", "EL", "Europe/Athens",
                    "Start-up building field robots; looking for component suppliers and pilot farms.",
                    ("Robotics", "Drones"),
                    ({"kind": "partnership", "title": "Partners for a Horizon Europe agri-robotics "
                      "proposal", "description": "A research partner and a sensor maker for a joint proposal.",
                      "keywords": "robotics, agriculture, Horizon Europe"},)),
    DemoParticipant("person:murcia-sensors", "ES", "Europe/Madrid",
                    "Sensor maker from Murcia expanding to Greek growers and machine builders.",
                    ("Industrial IoT", "Sensors"),
                    ({"kind": "offer", "title": "Soil and machine sensors with open data interfaces",
                      "description": "Rugged sensors with an MQTT interface and a cloud dashboard.",
                      "keywords": "sensors, IoT, agriculture"},)),
    DemoParticipant("person:kassel-mechatronics", "DE", "Europe/Berlin",
                    "Builder of collaborative robot cells, looking for distributors in south-east Europe.",
                    ("Collaborative robots", "Robotics"),
                    ({"kind": "offer", "title": "Cobot cell for small-batch assembly",
                      "description": "A ready-to-install cell with training for operators.",
                      "keywords": "cobots, assembly, automation"},)),
    DemoParticipant("person:thessaly-competence", "EL", "Europe/Athens",
                    "Research centre offering testbeds and student projects to SMEs of the region.",
                    ("Data analytics", "Robotics", "Industrial IoT"),
                    ({"kind": "offer", "title": "Testbed days for robotics and IoT",
                      "description": "Try a technology on our lines before buying it.",
                      "keywords": "testbed, robotics, IoT, training"},)),
)

MEETING_MESSAGE = "Could we meet at the B2B session? We would like to hear about your offer."
# (requester, recipient, accepted by the recipient?)
MEETING_REQUESTS = (
    ("person:larissa-machining", "person:murcia-sensors", True),
    ("person:larissa-machining", "person:trikala-twins", True),
    ("person:thessaly-agrirobotics", "person:thessaly-competence", True),
    ("person:kassel-mechatronics", "person:larissa-machining", True),
    ("person:murcia-sensors", "person:thessaly-agrirobotics", False),
    ("person:trikala-twins", "person:kassel-mechatronics", False),
)

CAMPAIGN_KEY = "maturity:campaign"
CAMPAIGN_OWNER = "person:thessaly"
CAMPAIGN = {
    "name": "Digital and green maturity of Thessaly's small manufacturers",
    "description": "Sample campaign of the demo partnership: the region's firms take the self-assessment "
                   "before the second interregional workshop.",
    "invited": 12,
}
CAMPAIGN_OPENED = dt.timedelta(days=-30)

# (respondent, how far along the firm is: 1 just starting … 5 advanced); the respondent answers as a member of
# its own organisation. All alike (region, sector, size band): a firm outside would be told apart by subtracting
# one group from another (complementary suppression), and both groups would be hidden.
ASSESSMENTS = (
    ("person:larissa-machining", 3),
    ("person:volos-packaging", 4),
    ("person:thessaly-agrirobotics", 2),
    ("person:tyrnavos-textiles", 5),
    ("person:magnesia-coatings", 2),
    ("person:karditsa-food", 1),
)
