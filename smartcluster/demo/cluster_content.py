"""The demo partnership's cluster organisations: one per partner region, with members, services, labels, funding
over four years, an accepted self-evaluation of 2025, skills needs and offers, and the joint cluster mission.

Every cluster, figure and text is invented sample content. Thessaly's cluster keeps a member list (eight of the
demo firms, so it shows the ECCP "≥ 15 committed members" criterion not met) and its public dependency rises
three years running (30/35/40/45 %), so the flag shows; the others report members as counts by type. Seven
accepted evaluations give every cluster a benchmark group of six partnership peers (groups under 5 are hidden).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from smartcluster.demo.content import DemoOrganisation, DemoPerson
from smartcluster.organisations.choices import OrganisationType

EVALUATION_YEAR = 2025
FUNDING_YEARS = (2022, 2023, 2024, 2025)
SOURCES = ("regional_grants", "national_grants", "eu_grants", "membership_fees", "paid_services", "project_income",
           "sponsorship_other")


@dataclass(frozen=True)
class DemoCluster:
    key: str  # the cluster organisation's demo key; its profile is "<key>:profile"
    name: str
    region_code: str  # NUTS 2021
    description: str
    website: str
    legal_form: str
    founding_year: int
    management_fte: float
    has_strategy: bool
    categories: tuple[str, ...]  # keys of the cluster_categories taxonomy
    smart_industry: tuple[str, ...]  # keys of the smart_industry_40 taxonomy
    technologies: tuple[str, ...]
    member_counts: dict[str, int]  # by member type, for the latest year (clusters without a list)
    services: tuple[tuple[str, int], ...]  # (service kind, members served in EVALUATION_YEAR)
    revenue: tuple[int, ...]  # EUR per FUNDING_YEARS
    shares: tuple[tuple[float, ...], ...]  # % per SOURCES, per FUNDING_YEARS
    core_funding: int
    annual_cost: int
    contracted: tuple[int, int]  # next 12 and 36 months, EUR, at the end of EVALUATION_YEAR
    evaluation: dict[str, float | str]  # the figures not held by the registry or funding records
    labels: tuple[tuple[str, str, int, str], ...] = ()  # (kind, level, year, expires on ISO date)
    agreements: tuple[tuple[str, str, int, str], ...] = ()  # (partner, country, year, subject)
    eccp_profile_url: str = ""
    members: tuple[tuple[str, str, int], ...] = field(default=())  # (organisation key, member type, year joined)


def _shares(public: float, fees: float, services: float, projects: float) -> tuple[float, ...]:
    """Shares of the seven sources from the public part (split regional 50 / national 30 / EU 20) and the rest;
    sponsorship takes what is left to 100."""
    regional, national, eu = round(public * 0.5, 1), round(public * 0.3, 1), 0.0
    eu = round(public - regional - national, 1)
    other = round(100 - public - fees - services - projects, 1)
    return (regional, national, eu, fees, services, projects, other)


CLUSTERS = (
    DemoCluster(
        "organisation:cluster-thessaly", "Thessaly Smart Manufacturing Cluster", "EL61",
        "Young cluster of the region's manufacturers, its Industry 4.0 competence centre and software firms: "
        "shared testbeds, training in industrial data and a voice in the regional S3 dialogue.",
        "https://cluster-thessaly.example.org", "association", 2021, 1.5, True,
        ("32", "18", "42"), ("advanced_manufacturing_users",), ("Industrial IoT", "Predictive maintenance", "Robotics"),
        {}, (("networking", 8), ("skills", 5), ("digital_transition", 6), ("innovation_projects", 3)),
        (310_000, 335_000, 360_000, 390_000),
        (_shares(30, 30, 25, 10), _shares(35, 28, 22, 10), _shares(40, 25, 20, 10), _shares(45, 22, 20, 8)),
        90_000, 380_000, (240_000, 520_000),
        {"members_previous": 7, "members_retained": 7, "members_using_services": 7, "collaborative_projects": 2,
         "funds_raised": 180_000, "satisfaction": 4.1},
        members=(("organisation:larissa-machining", "sme", 2021), ("organisation:volos-packaging", "sme", 2021),
                 ("organisation:thessaly-agrirobotics", "sme", 2022), ("organisation:tyrnavos-textiles", "sme", 2022),
                 ("organisation:trikala-twins", "sme", 2023), ("organisation:magnesia-coatings", "sme", 2023),
                 ("organisation:karditsa-food", "sme", 2024),
                 ("organisation:thessaly-competence", "research_education", 2021))),
    DemoCluster(
        "organisation:cluster-murcia", "Murcia Agrifood Technology Cluster", "ES62",
        "Agrifood and agritech firms of the Region of Murcia: precision irrigation, food processing automation "
        "and export missions.", "https://agrifoodtech-murcia.example.org", "association", 2009, 3.0, True,
        ("18", "2", "36"), ("technology_providers",), ("Precision agriculture", "Food processing automation"),
        {"sme": 46, "large_firm": 6, "research_education": 5, "public": 2, "other": 3},
        (("networking", 40), ("internationalisation", 22), ("market_intelligence", 30), ("innovation_projects", 12)),
        (820_000, 860_000, 900_000, 940_000),
        (_shares(40, 30, 20, 10), _shares(38, 31, 21, 10), _shares(36, 32, 22, 10), _shares(35, 32, 23, 10)),
        300_000, 900_000, (760_000, 1_900_000),
        {"members_previous": 58, "members_retained": 55, "members_using_services": 44, "collaborative_projects": 7,
         "funds_raised": 1_200_000, "satisfaction": 4.3},
        labels=(("cluster_management", "silver", 2024, "2026-12-31"),),
        agreements=(("Agrotech Cluster Emilia", "IT", 2022, "Joint export missions"),
                    ("Greek Agrifood Network", "EL", 2024, "Exchange of irrigation pilots")),
        eccp_profile_url="https://reporting.clustercollaboration.eu/organisations/murcia-agrifood-demo"),
    DemoCluster(
        "organisation:cluster-nordhessen", "Mechatronics Cluster NordHessen", "DE7",
        "Machine builders, automation suppliers and the University of Kassel: collaborative robots, digital "
        "twins and the skills their workers need.", "https://mechatronik-nordhessen.example.org", "association",
        2005, 4.0, True, ("40", "32", "23"), ("technology_providers", "advanced_manufacturing_users"),
        ("Robotics", "Digital twins", "Industrial IoT"),
        {"sme": 70, "large_firm": 12, "research_education": 6, "public": 3, "other": 4},
        (("innovation_projects", 25), ("skills", 48), ("networking", 60), ("policy_dialogue", 10)),
        (1_300_000, 1_350_000, 1_420_000, 1_480_000),
        (_shares(30, 35, 25, 10), _shares(29, 35, 26, 10), _shares(28, 36, 26, 10), _shares(27, 36, 27, 10)),
        450_000, 1_400_000, (1_250_000, 3_400_000),
        {"members_previous": 91, "members_retained": 88, "members_using_services": 70, "collaborative_projects": 11,
         "funds_raised": 2_400_000, "satisfaction": 4.4},
        labels=(("cluster_management", "gold", 2023, "2027-06-30"), ("national", "not_graded", 2022, "")),
        agreements=(("Mechatronics Cluster Upper Austria", "AT", 2019, "Joint training"),
                    ("Pannon Digital Cluster", "HU", 2025, "Industry 4.0 testbeds")),
        eccp_profile_url="https://reporting.clustercollaboration.eu/organisations/mechatronik-nordhessen-demo"),
    DemoCluster(
        "organisation:cluster-wsx", "Irish Advanced Manufacturing Network", "IE0",
        "Network of manufacturers, technological universities and skills providers addressing skills shortages "
        "in advanced manufacturing.", "https://iamn.example.org", "company", 2014, 2.0, True,
        ("30", "5", "40"), ("advanced_manufacturing_users",), ("Additive manufacturing", "Automation"),
        {"sme": 28, "large_firm": 9, "research_education": 4, "public": 1, "other": 0},
        (("skills", 30), ("networking", 33), ("internationalisation", 8)),
        (520_000, 540_000, 560_000, 600_000),
        (_shares(45, 25, 20, 10), _shares(44, 26, 20, 10), _shares(42, 27, 21, 10), _shares(41, 28, 21, 10)),
        180_000, 580_000, (450_000, 900_000),
        {"members_previous": 40, "members_retained": 38, "members_using_services": 30, "collaborative_projects": 4,
         "funds_raised": 650_000, "satisfaction": 3.9},
        labels=(("cluster_management", "bronze", 2024, "2026-09-30"),),
        agreements=(("Mechatronics Cluster NordHessen", "DE", 2025, "Apprenticeship exchange"),)),
    DemoCluster(
        "organisation:cluster-pora", "Podravina Metal and Wood Cluster", "HR063",
        "Metalworking and furniture firms of Koprivnica-Križevci County moving into regional and interregional "
        "value chains.", "https://podravina-cluster.example.org", "association", 2012, 1.0, False,
        ("32", "51", "21"), (), ("CNC machining", "Energy efficiency"),
        {"sme": 21, "large_firm": 2, "research_education": 1, "public": 1, "other": 0},
        (("networking", 15), ("business_environment", 10), ("green_transition", 6)),
        (140_000, 150_000, 150_000, 160_000),
        (_shares(60, 25, 5, 5), _shares(62, 24, 5, 5), _shares(58, 25, 7, 5), _shares(61, 24, 6, 5)),
        0, 165_000, (90_000, 120_000),
        {"members_previous": 24, "members_retained": 22, "members_using_services": 15, "collaborative_projects": 2,
         "funds_raised": 90_000, "satisfaction": 3.6}),
    DemoCluster(
        "organisation:cluster-lt", "Lithuanian Industry 4.0 Cluster", "LT01",
        "Automation integrators, software firms and manufacturers of the capital region: Industry 4.0 "
        "demonstrations and a digital innovation hub.", "https://industry40-lt.example.org", "association", 2016,
        2.5, True, ("23", "40", "8"), ("technology_providers",), ("Machine vision", "Industrial software"),
        {"sme": 35, "large_firm": 5, "research_education": 4, "public": 2, "other": 1},
        (("digital_transition", 30), ("innovation_projects", 9), ("internationalisation", 12)),
        (600_000, 640_000, 700_000, 720_000),
        (_shares(35, 25, 25, 15), _shares(34, 25, 26, 15), _shares(33, 26, 26, 15), _shares(32, 26, 27, 15)),
        200_000, 700_000, (560_000, 1_300_000),
        {"members_previous": 44, "members_retained": 42, "members_using_services": 33, "collaborative_projects": 6,
         "funds_raised": 900_000, "satisfaction": 4.2},
        labels=(("cluster_management", "bronze", 2025, "2027-12-31"),),
        agreements=(("Baltic Automation Cluster", "LV", 2021, "Joint trade fairs"),),
        eccp_profile_url="https://reporting.clustercollaboration.eu/organisations/industry40-lt-demo"),
    DemoCluster(
        "organisation:cluster-pannon", "Pannon Digital Cluster", "HU22",
        "Digital and automotive-supplier firms along the Austro-Hungarian border: testbeds, skills and "
        "cross-border projects.", "https://pannon-digital.example.org", "association", 2018, 1.5, True,
        ("4", "23", "6"), ("technology_providers",), ("Automotive electronics", "Cloud platforms"),
        {"sme": 18, "large_firm": 3, "research_education": 2, "public": 2, "other": 1},
        (("networking", 20), ("innovation_projects", 6), ("skills", 9)),
        (250_000, 270_000, 285_000, 300_000),
        (_shares(50, 20, 15, 15), _shares(49, 20, 16, 15), _shares(50, 19, 16, 15), _shares(48, 20, 17, 15)),
        60_000, 290_000, (180_000, 300_000),
        {"members_previous": 24, "members_retained": 23, "members_using_services": 18, "collaborative_projects": 3,
         "funds_raised": 300_000, "satisfaction": 3.8},
        agreements=(("Mechatronics Cluster NordHessen", "DE", 2025, "Industry 4.0 testbeds"),)),
)

ORGANISATIONS = tuple(DemoOrganisation(cluster.key, cluster.name, OrganisationType.CLUSTER, cluster.region_code,
                                        cluster.description, website=cluster.website) for cluster in CLUSTERS)

# Each cluster's manager (an editor of the cluster organisation) and each partner's cluster policy officer (an
# editor of the partner, reviewing the evaluations of its region); Thessaly's officer is the demo's own
# person:thessaly. Accounts without a password: nobody signs in as sample people.
MANAGERS = (
    DemoPerson("person:cluster-thessaly", "Ioanna Karagianni", "organisation:cluster-thessaly", "Cluster manager",
               "i.karagianni@example.org"),
    DemoPerson("person:cluster-murcia", "Javier Sánchez", "organisation:cluster-murcia", "Cluster manager",
               "j.sanchez@example.org"),
    DemoPerson("person:cluster-nordhessen", "Katrin Wolf", "organisation:cluster-nordhessen", "Cluster manager",
               "k.wolf@example.org"),
    DemoPerson("person:cluster-wsx", "Aoife Byrne", "organisation:cluster-wsx", "Network manager",
               "a.byrne@example.org"),
    DemoPerson("person:cluster-pora", "Ivana Horvat", "organisation:cluster-pora", "Cluster manager",
               "i.horvat@example.org"),
    DemoPerson("person:cluster-lt", "Tomas Kazlauskas", "organisation:cluster-lt", "Cluster manager",
               "t.kazlauskas@example.org"),
    DemoPerson("person:cluster-pannon", "Réka Nagy", "organisation:cluster-pannon", "Cluster manager",
               "r.nagy@example.org"),
)
OFFICERS = (
    DemoPerson("person:murcia", "Carmen López", "organisation:murcia", "Cluster programme officer",
               "c.lopez@example.org"),
    DemoPerson("person:nordhessen", "Markus Schmidt", "organisation:nordhessen", "Cluster policy officer",
               "m.schmidt@example.org"),
    DemoPerson("person:wsx", "Ciara Walsh", "organisation:wsx", "Enterprise policy officer", "c.walsh@example.org"),
    DemoPerson("person:pora", "Marko Kovač", "organisation:pora", "Project officer", "m.kovac@example.org"),
    DemoPerson("person:lead-lt", "Rasa Petrauskienė", "organisation:lead-lt", "Project coordinator",
               "r.petrauskiene@example.org"),
    DemoPerson("person:pannon", "Zoltán Kiss", "organisation:pannon", "Cooperation officer", "z.kiss@example.org"),
)
REVIEWER_OF = {  # cluster key → the person reviewing its evaluation (an editor of the partner of its region)
    "organisation:cluster-thessaly": "person:thessaly", "organisation:cluster-murcia": "person:murcia",
    "organisation:cluster-nordhessen": "person:nordhessen", "organisation:cluster-wsx": "person:wsx",
    "organisation:cluster-pora": "person:pora", "organisation:cluster-lt": "person:lead-lt",
    "organisation:cluster-pannon": "person:pannon",
}

SKILL_NEEDS = (  # (cluster key, kind, label, urgency, people)
    ("organisation:cluster-thessaly", "skill", "Industrial data analytics", "high", 40),
    ("organisation:cluster-thessaly", "skill", "PLC programming", "medium", 25),
    ("organisation:cluster-thessaly", "occupation", "Robotics technician", "high", 12),
    ("organisation:cluster-nordhessen", "skill", "Programming collaborative robots", "high", 60),
    ("organisation:cluster-nordhessen", "skill", "Industrial data analytics", "medium", 35),
    ("organisation:cluster-murcia", "skill", "Precision irrigation systems", "medium", 30),
)

TRAINING_OFFERS = (  # (cluster key, provider, provider organisation key or "", title, places)
    ("organisation:cluster-thessaly", "university", "organisation:thessaly-competence",
     "Industrial data analytics for production engineers", 30),
    ("organisation:cluster-thessaly", "cluster", "", "PLC programming bootcamp", 15),
    ("organisation:cluster-nordhessen", "member", "organisation:kassel-mechatronics",
     "Programming collaborative robots", 40),
)

MISSION_KEY = "cluster-mission"
MISSION = {
    "organisation": "organisation:lead-lt",
    "title": "Skills for Smart Industry 4.0: the joint cluster mission",
    "goal": "The partnership's clusters re- and upskill the workers of their members for digital and green "
            "production, and bring their SMEs through a digital maturity assessment.",
    "target_date": "2028-12-31",
}
MISSION_INDICATORS = (("Workers of members re- or upskilled", "workers"),
                      ("Member SMEs with a digital maturity assessment", "SMEs"))
COMMITMENTS = (  # (cluster key, indicator number, text, target, target year, progress {year: value})
    ("organisation:cluster-thessaly", 0, "Re- or upskill 200 workers of our members by 2028", 200, 2028,
     {2025: 45}),
    ("organisation:cluster-murcia", 0, "Re- or upskill 150 workers of our members by 2028", 150, 2028, {2025: 30}),
    ("organisation:cluster-nordhessen", 0, "Re- or upskill 300 workers of our members by 2028", 300, 2028,
     {2025: 85}),
    ("organisation:cluster-thessaly", 1, "Every member SME assessed by 2027", 7, 2027, {2025: 6}),
)
