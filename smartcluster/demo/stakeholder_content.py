"""The demo partnership's stakeholders: each partner's registry, its six interviews on the default guide (2 SMEs,
2 universities or research organisations, 2 government or cluster organisations), their codings into the default
codebook, a second coder on Thessaly's interviews, notes, and a few declared collaborations.

Every organisation, person, answer and figure here is invented sample content. The collaborations leave gaps on
purpose: the SMEs of Koprivnica-Križevci (HR063) have no link to research or education, and one of Pannon's has
none. Answers are (text, the first coder's theme codes separated by spaces); the cluster-management question (8)
is asked of cluster organisations and authorities only.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from smartcluster.demo.content import DemoOrganisation, DemoPerson
from smartcluster.organisations.choices import OrganisationType as T
from smartcluster.organisations.choices import SizeClass
from smartcluster.stakeholders.choices import CollaborationKind as K

D = dt.date


@dataclass(frozen=True)
class DemoStakeholder:
    organisation: str  # organisation key (content, cluster_content or ORGANISATIONS below)
    interest: int  # 1–5
    influence: int  # 1–5
    topics: tuple[str, ...]
    person: str = ""  # person key of the contact at the stakeholder
    note: str = ""  # the partner's own note (read by that partner only)


@dataclass(frozen=True)
class DemoInterview:
    key: str
    organisation: str  # organisation key
    person: str  # person key of the interviewee
    held_on: dt.date
    mode: str
    consent_to_record: bool
    consent_to_quote: bool
    answers: tuple[tuple[str, str], ...]  # per question from 1: (text, theme codes separated by spaces)


@dataclass(frozen=True)
class DemoRegistry:
    partner: str  # organisation key of the partner
    officer: str  # person key: the partner's contact, interviewer and coder
    stakeholders: tuple[DemoStakeholder, ...]
    interviews: tuple[DemoInterview, ...]


def _org(key: str, name: str, kind: str, region: str, description: str) -> DemoOrganisation:
    """A stakeholder organisation; firms are small manufacturers or software houses, research sits in NACE M."""
    size, nace = {T.SME: (SizeClass.SMALL, "C"), T.RESEARCH: ("", "M")}.get(kind, ("", ""))
    return DemoOrganisation(f"organisation:{key}", name, kind, region, description, size, nace)


def _person(key: str, name: str, organisation: str, role: str) -> DemoPerson:
    """An interviewee with an address of the example domain ("Rūta Vaitkutė" → ruta.vaitkute@example.org)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    email = ".".join(plain.lower().replace("'", "").split()) + "@example.org"
    return DemoPerson(f"person:{key}", name, f"organisation:{organisation}", role, email)


ORGANISATIONS = (
    # Thessaly (EL61)
    _org("volos-engineering", "Volos School of Engineering", T.UNIVERSITY, "EL61",
         "Engineering faculty teaching manufacturing, automation and industrial data; student projects with firms."),
    _org("larissa-development", "Larissa Municipal Development Office", T.PUBLIC_AUTHORITY, "EL61",
         "The municipality's office for the industrial zone, permits and local training programmes."),
    _org("thessaly-green-network", "Thessaly Green Transition Network", T.NGO, "EL61",
         "Citizens' and environmental groups campaigning for clean energy in the region's industrial zones."),
    # Murcia (ES62)
    _org("cartagena-food-robotics", "Cartagena Food Robotics", T.SME, "ES62",
         "Packing and sorting lines with machine vision for food plants."),
    _org("murcia-agrifood-research", "Murcia Agrifood Research Centre", T.RESEARCH, "ES62",
         "Applied research on irrigation, water reuse and crop protection, with experimental farms."),
    _org("cartagena-engineering", "Cartagena School of Industrial Engineering", T.UNIVERSITY, "ES62",
         "Engineering school teaching automation, robotics, data science and energy engineering."),
    _org("murcia-employment", "Murcia Regional Employment and Training Service", T.PUBLIC_AUTHORITY, "ES62",
         "The region's public employment service and its vocational training catalogue."),
    _org("murcia-irrigation-federation", "Murcia Irrigation Communities Federation", T.NGO, "ES62",
         "Federation of the irrigation communities that share the region's water."),
    # NordHessen (DE7)
    _org("fulda-sensors", "Fulda Sensor Systems", T.SME, "DE7",
         "Condition-monitoring and energy sensors for machine builders."),
    _org("kassel-automation-institute", "Kassel Institute for Production Automation", T.RESEARCH, "DE7",
         "Applied research institute with a learning factory for robots, digital twins and data platforms."),
    _org("nordhessen-uas", "NordHessen University of Applied Sciences", T.UNIVERSITY, "DE7",
         "Cooperative degree programmes in automation and mechatronics, half of the time in firms."),
    _org("kassel-economic-development", "City of Kassel Economic Development", T.PUBLIC_AUTHORITY, "DE7",
         "The city's office for business location, start-ups and its climate programme for firms."),
    _org("nordhessen-trades-chamber", "NordHessen Chamber of Skilled Trades", T.INTERMEDIARY, "DE7",
         "Chamber of the region's craft firms: apprenticeships, master courses and advice."),
    # WSX Ireland (IE0)
    _org("shannon-additive", "Shannon Additive Parts", T.SME, "IE0",
         "Printed metal and polymer spare parts on demand for manufacturers."),
    _org("limerick-automation", "Limerick Automation Services", T.SME, "IE0",
         "Automation integrator for medical-device and food plants."),
    _org("midwest-manufacturing-institute", "Midwest Advanced Manufacturing Institute", T.RESEARCH, "IE0",
         "Research centre for automation, additive manufacturing and quality data, with a demonstrator line."),
    _org("west-technological-college", "West Technological College", T.UNIVERSITY, "IE0",
         "Apprenticeships and degrees in mechatronics and automation; problem-solving clinics for SMEs."),
    _org("western-enterprise-board", "Western Enterprise Board", T.PUBLIC_AUTHORITY, "IE0",
         "Grants, vouchers and advice for small firms of the western counties."),
    _org("medtech-components", "Medtech Components Ireland", T.LARGE_COMPANY, "IE0",
         "Large maker of medical-device components, customer of many of the region's small suppliers."),
    # Koprivnica-Križevci (HR063)
    _org("koprivnica-metalworks", "Koprivnica Metalworks", T.SME, "HR063",
         "Welded and machined steel parts for Austrian and Slovenian machine builders."),
    _org("krizevci-furniture", "Križevci Oak Furniture", T.SME, "HR063",
         "Solid oak furniture designed in-house and sold through a German retailer."),
    _org("podravina-college", "Podravina Technical College", T.UNIVERSITY, "HR063",
         "College of mechanical engineering, computing and wood technology."),
    _org("koprivnica-testing-lab", "Koprivnica Materials Testing Laboratory", T.RESEARCH, "HR063",
         "Accredited laboratory testing construction materials, wood products and emissions."),
    _org("koprivnica-enterprise-office", "Koprivnica City Enterprise Office", T.PUBLIC_AUTHORITY, "HR063",
         "The city's office for business grants, housing grants for young workers and twin-town contacts."),
    _org("podravina-crafts", "Podravina Crafts Association", T.INTERMEDIARY, "HR063",
         "Association of the county's craft and small manufacturing firms."),
    # Lithuania (LT01)
    _org("vilnius-machine-vision", "Vilnius Machine Vision", T.SME, "LT01",
         "Machine-vision inspection systems for manufacturers."),
    _org("baltic-robotics", "Baltic Robotics Integration", T.SME, "LT01",
         "Robot cells for food and furniture plants."),
    _org("vilnius-informatics-institute", "Vilnius Institute of Industrial Informatics", T.RESEARCH, "LT01",
         "Research on industrial AI, quality inspection and energy-aware production scheduling."),
    _org("vilnius-technical-college", "Vilnius Technical College", T.UNIVERSITY, "LT01",
         "College of mechatronics, energy and IT, with evening courses for workers."),
    _org("vilnius-business-office", "Vilnius City Business Office", T.PUBLIC_AUTHORITY, "LT01",
         "The city's business promotion office: technology hub, events and energy consultations."),
    _org("vilnius-manufacturers-forum", "Vilnius Manufacturers' Forum", T.INTERMEDIARY, "LT01",
         "Association of the capital region's manufacturing firms."),
    # Pannon (HU22)
    _org("gyor-automotive-electronics", "Győr Automotive Electronics", T.SME, "HU22",
         "Electronic parts and test equipment for car makers."),
    _org("sopron-cloud", "Sopron Cloud Solutions", T.SME, "HU22",
         "Cloud platforms and dashboards for machine data."),
    _org("gyor-vehicle-institute", "Győr Institute of Vehicle Engineering", T.RESEARCH, "HU22",
         "Research and test benches for vehicle electronics, software and batteries."),
    _org("west-pannon-uas", "West Pannon University of Applied Sciences", T.UNIVERSITY, "HU22",
         "Engineering and IT degrees with dual training in firms."),
    _org("sopron-enterprise-office", "Sopron Enterprise Development Office", T.PUBLIC_AUTHORITY, "HU22",
         "The city's office for local grants, training and cross-border business."),
)

# Interviewees who are not sample people of the other demo modules yet; they have no account.
PEOPLE = (
    _person("volos-engineering", "Yannis Stavrou", "volos-engineering", "Professor of manufacturing engineering"),
    _person("larissa-development", "Kostas Melas", "larissa-development", "Head of the development office"),
    _person("cartagena-food-robotics", "Pablo Ruiz", "cartagena-food-robotics", "Managing director"),
    _person("murcia-agrifood-research", "Elena Navarro", "murcia-agrifood-research", "Head of technology transfer"),
    _person("cartagena-engineering", "Antonio Gil", "cartagena-engineering", "Vice-dean for industry relations"),
    _person("murcia-employment", "Isabel Moreno", "murcia-employment", "Head of training programmes"),
    _person("fulda-sensors", "Sabine Krüger", "fulda-sensors", "Managing director"),
    _person("kassel-automation-institute", "Thomas Weber", "kassel-automation-institute", "Head of the robotics group"),
    _person("nordhessen-uas", "Claudia Hoffmann", "nordhessen-uas", "Professor of automation"),
    _person("kassel-economic-development", "Stefan Richter", "kassel-economic-development",
            "Economic development officer"),
    _person("shannon-additive", "Declan O'Brien", "shannon-additive", "Founder"),
    _person("limerick-automation", "Niamh Kelly", "limerick-automation", "Operations director"),
    _person("midwest-manufacturing-institute", "Sean Murphy", "midwest-manufacturing-institute",
            "Director of industry partnerships"),
    _person("west-technological-college", "Orla Ryan", "west-technological-college", "Head of engineering"),
    _person("western-enterprise-board", "Brian Doyle", "western-enterprise-board", "Head of enterprise"),
    _person("koprivnica-metalworks", "Ivan Babić", "koprivnica-metalworks", "Owner"),
    _person("krizevci-furniture", "Ana Jurić", "krizevci-furniture", "Managing director"),
    _person("podravina-college", "Petra Novak", "podravina-college", "Vice-dean"),
    _person("koprivnica-testing-lab", "Tomislav Marić", "koprivnica-testing-lab", "Laboratory head"),
    _person("koprivnica-enterprise-office", "Davor Kralj", "koprivnica-enterprise-office",
            "Head of the enterprise office"),
    _person("vilnius-machine-vision", "Mantas Jonaitis", "vilnius-machine-vision", "Chief executive"),
    _person("baltic-robotics", "Greta Kazlauskaitė", "baltic-robotics", "Sales manager"),
    _person("vilnius-informatics-institute", "Rūta Vaitkutė", "vilnius-informatics-institute",
            "Head of industrial AI"),
    _person("vilnius-technical-college", "Andrius Petrauskas", "vilnius-technical-college",
            "Head of industry relations"),
    _person("vilnius-business-office", "Jurgita Balčiūnienė", "vilnius-business-office", "Director"),
    _person("gyor-automotive-electronics", "Péter Horváth", "gyor-automotive-electronics", "Managing director"),
    _person("sopron-cloud", "Eszter Tóth", "sopron-cloud", "Founder"),
    _person("gyor-vehicle-institute", "Gábor Szabó", "gyor-vehicle-institute", "Research director"),
    _person("west-pannon-uas", "Katalin Varga", "west-pannon-uas", "Head of the engineering faculty"),
    _person("sopron-enterprise-office", "László Farkas", "sopron-enterprise-office", "Head of economic development"),
)

# Thessaly's second coder: a member of the Region of Thessaly who codes the same interviews independently.
SECOND_CODER = DemoPerson("person:thessaly-analyst", "Anna Theodorou", "organisation:thessaly", "Research analyst",
                          "a.theodorou@example.org")


def _s(organisation: str, interest: int, influence: int, topics: str, person: str = "",
       note: str = "") -> DemoStakeholder:
    return DemoStakeholder(f"organisation:{organisation}", interest, influence, tuple(topics.split("; ")),
                           f"person:{person}" if person else "", note)


def _i(key: str, organisation: str, person: str, held_on: dt.date, mode: str, record: bool, quote: bool,
       *answers: tuple[str, str]) -> DemoInterview:
    return DemoInterview(f"interview:{key}", f"organisation:{organisation}", f"person:{person}", held_on, mode,
                         record, quote, answers)


THESSALY = DemoRegistry("organisation:thessaly", "person:thessaly", (
    _s("larissa-machining", 4, 2, "Predictive maintenance; Skills", "larissa-machining",
       "Interested in a joint retrofit project; ask again after the B2B meetings."),
    _s("volos-packaging", 3, 2, "Quality data; Energy costs", "volos-packaging"),
    _s("magnesia-coatings", 4, 2, "Green coatings; Certification", "magnesia-coatings"),
    _s("trikala-twins", 5, 2, "Digital twins", "trikala-twins"),
    _s("karditsa-food", 3, 1, "Food automation", "karditsa-food"),
    _s("thessaly-competence", 5, 4, "Testbeds; Industrial data", "thessaly-competence"),
    _s("volos-engineering", 4, 4, "Skills; Student projects", "volos-engineering",
       "The legal office is slow: send contract drafts two months ahead."),
    _s("cluster-thessaly", 5, 4, "Cluster services; S3", "cluster-thessaly"),
    _s("larissa-development", 3, 5, "Industrial zone; Training", "larissa-development"),
    _s("thessaly-green-network", 4, 2, "Clean energy; Industrial zone"),
), (
    _i("thessaly-larissa-machining", "larissa-machining", "larissa-machining", D(2025, 10, 14), "in_person", True,
       True,
       ("Orders from the agricultural machinery makers stopped for four months in 2020 and steel prices doubled "
        "after that. We kept all 35 people thanks to the furlough scheme, but our cash reserve is gone and the bank "
        "asks for guarantees we cannot give.", "recovery-resilience-growth financing-resources"),
       ("Our ten CNC machines are between 8 and 20 years old and none of them reports its state. We want to "
        "retrofit sensors to predict tool wear, but nobody here could read the data once we collect it.",
        "digitalisation"),
       ("Two of our customers now ask for the carbon footprint of the parts we deliver. We have not measured "
        "anything yet; we only know that our electricity bill rose by 40 percent.",
        "sustainability-green-circular green-business"),
       ("We did a small test on cutting parameters with the Volos engineering school, and it worked because a "
        "student sat in our workshop for three months. Usually the professors answer in weeks, and we need answers "
        "in days.", "barriers-university-sme learning-collaboration"),
       ("We used the innovation voucher of the regional programme once; the competence centre told us about it. "
        "We learned of the digital transformation grant only after the call had closed.",
        "support-known support-unknown cluster-policy"),
       ("The cluster gave us contacts with Trikala Digital Twins and a place at the B2B meetings. What we miss is "
        "someone who helps us write a proposal and find the money, not another networking evening.",
        "perception-of-clusters new-services"),
       ("We export parts to Bulgaria through one customer, nothing on our own. A trade mission with other "
        "machining firms and help with German certification would open more doors.",
        "cooperation-internationalisation internationalisation-of-cluster")),
    _i("thessaly-magnesia-coatings", "magnesia-coatings", "magnesia-coatings", D(2025, 10, 21), "in_person", True,
       False,
       ("Construction stopped during the lockdowns and half our customers paid months late. Growth came back in "
        "2022 with renovation projects, but energy costs ate the margin.", "recovery-resilience-growth"),
       ("The coating lines have a PLC and we log temperatures, but the data stays on a laptop in the plant. A "
        "dashboard for the curing ovens is on our list for next year.", "digitalisation"),
       ("Low-emission coatings are our whole business: customers in public works now need the environmental "
        "product declaration to win tenders. The certification cost us 18,000 euros and eight months.",
        "green-business sustainability-green-circular"),
       ("We have never worked with a university. We do not know whom to call there, and we fear they would publish "
        "our recipes.", "barriers-university-sme support-unknown"),
       ("We know the regional energy-saving call because our accountant follows it. I did not know that the "
        "competence centre tests materials for firms until the cluster meeting last month.",
        "support-known support-unknown"),
       ("We joined the cluster in 2023 mainly for visibility with the bigger manufacturers. It is useful, but the "
        "fee is hard to justify when most events are about digital topics and not about green ones.",
        "perception-of-clusters business-models"),
       ("We sell to Cyprus and would like to enter the Balkan market for green public buildings. A partner cluster "
        "there that knows the tender rules would help us most.",
        "cooperation-internationalisation internationalisation-of-cluster")),
    _i("thessaly-competence-centre", "thessaly-competence", "thessaly-competence", D(2025, 11, 4), "in_person",
       True, True,
       ("Our projects with firms froze in 2020, and we survived on two EU research grants. Since 2023 demand from "
        "SMEs has grown again, mainly for testbed days and short studies.",
        "recovery-resilience-growth financing-resources"),
       ("We run a robotics line and an IoT testbed that SMEs can book. Most firms we see are at the very start: "
        "they have machines but no data, and no staff to analyse it.", "digitalisation"),
       ("More and more requests are about energy monitoring and scrap reduction on the line. We are adding an "
        "energy measurement kit to the testbed so that firms see the savings before they invest.",
        "sustainability-green-circular green-business"),
       ("The hardest part is time: an SME wants a result in a month, while our researchers plan in years and are "
        "rated on papers. Short paid studies with a student on site work best, and we are drafting a standard "
        "contract so that intellectual property is not negotiated from scratch.",
        "barriers-university-sme learning-collaboration"),
       ("Firms know the innovation vouchers, but few know they can spend them at our centre. We present our offer "
        "through the cluster, which reaches more SMEs than our own newsletter.",
        "support-known support-unknown stakeholders-ecosystems"),
       ("The cluster is our best channel to SMEs and brought us seven of them in two years. It could do more as a "
        "broker of joint projects, for example by collecting the needs of several firms into one study.",
        "perception-of-clusters new-services clusters-tools-of-change"),
       ("We work with institutes in Germany and Spain in Horizon Europe projects. Our SMEs rarely join them: an "
        "interregional matchmaking of firms and labs would help.",
        "cooperation-internationalisation learning-collaboration")),
    _i("thessaly-volos-engineering", "volos-engineering", "volos-engineering", D(2025, 11, 12), "online", True,
       True,
       ("Teaching moved online for more than a year and our lab work with firms stopped completely. Student "
        "internships have only just returned to the numbers before 2020.", "recovery-resilience-growth"),
       ("We teach industrial data and automation, but the firms that take our students still work mostly with "
        "paper and spreadsheets. Graduates leave for Athens or abroad, where the jobs are digital.",
        "digitalisation"),
       ("We started a module on life-cycle assessment because firms ask our graduates for it. Research on circular "
        "materials is strong here, but it rarely reaches the local plants.",
        "sustainability-green-circular green-business"),
       ("Our incentives reward publications, not contracts with small firms, and the university's legal office "
        "takes months for a simple agreement. The projects that worked had one company engineer and one professor "
        "who knew each other personally.",
        "barriers-university-sme learning-collaboration stakeholders-ecosystems"),
       ("We know the regional research programme well; we write its proposals. Firms keep telling us they did not "
        "know we can do small measurements for them.", "support-known support-unknown"),
       ("The cluster helps us find firms for student projects, and it trained 30 production engineers with us this "
        "year. It should become the place where firms post their problems for students and researchers.",
        "perception-of-clusters new-services"),
       ("We have Erasmus partners across Europe, but that is about students, not firms. Joint summer schools with "
        "firms of the partner regions would be a start.", "cooperation-internationalisation")),
    _i("thessaly-cluster", "cluster-thessaly", "cluster-thessaly", D(2025, 11, 18), "in_person", True, True,
       ("The cluster was founded in 2021, right after the crisis, because firms saw they had to cooperate to "
        "survive the supply shortages. Our members have grown since, but our own income depends on public funds.",
        "recovery-resilience-growth financing-resources cluster-internal-development"),
       ("Most members are at the start of Industry 4.0, which is why six of them took the maturity assessment. We "
        "now link them to the testbeds of the competence centre.", "digitalisation new-services"),
       ("Green topics come from customers, not from our members themselves. We want to add an energy-efficiency "
        "service, but we have no expert on the team yet.", "sustainability-green-circular new-services"),
       ("We broker contacts between firms and the competence centre, and the engineering school trains engineers "
        "for us. The barrier is less money than time and trust: firms fear losing a week of production.",
        "barriers-university-sme stakeholders-ecosystems"),
       ("We know the regional programme and the vouchers well and pass them on to members. National calls often "
        "reach us too late to prepare a project with members.", "support-known cluster-policy"),
       ("Members value the B2B meetings and the training, but only half of them use more than one service a year. "
        "We must show value beyond networking, for example paid support for joint proposals.",
        "perception-of-clusters business-models new-services"),
       ("We met the Murcia and NordHessen clusters through this project and plan a joint study visit. Without "
        "travel money our members will not go abroad on their own.",
        "cooperation-internationalisation internationalisation-of-cluster"),
       ("We have 1.5 staff, a board of member firms and a strategy until 2027. Public money has risen to 45 "
        "percent of our income, which is too much; we need paid services and a clearer brand so that firms know "
        "what we do.", "internal-management financing-resources branding-management")),
    _i("thessaly-larissa-development", "larissa-development", "larissa-development", D(2025, 12, 2), "phone", False,
       False,
       ("The municipality's small firms lost most in the lockdowns, and retail never fully recovered. Industry in "
        "the industrial zone has grown since 2022, but it cannot find workers.", "recovery-resilience-growth"),
       ("We offer free training in digital skills for SME staff, but places stay empty. Firms say they cannot "
        "release people during working hours.", "digitalisation support-known"),
       ("The industrial zone needs a shared solar installation and a waste-exchange scheme. We are preparing a "
        "proposal, but the firms have to commit first.", "sustainability-green-circular"),
       ("We do no research ourselves. We could host meetings between the zone's firms and the engineering school, "
        "but nobody has asked us.", "stakeholders-ecosystems"),
       ("Firms come to us for permits, not for innovation support, and rarely know the regional programme. We "
        "should point them to the cluster and the competence centre.", "support-unknown cluster-policy"),
       ("The cluster is useful because it speaks for many firms at once. For us it is the partner for the "
        "industrial zone's upgrade.", "perception-of-clusters clusters-tools-of-change"),
       ("Our twin-city agreements are cultural, not economic. We would support an economic mission if the cluster "
        "led it.", "cooperation-internationalisation"),
       ("The municipality does not fund the cluster directly, only specific events. A small yearly contribution "
        "tied to services for the zone's firms is under discussion.", "financing-resources cluster-policy")),
))

# The second coder mostly agrees with the first: the units she coded otherwise (interview key, question number).
SECOND_CODINGS = {
    ("interview:thessaly-larissa-machining", 4): "barriers-university-sme",
    ("interview:thessaly-magnesia-coatings", 6): "perception-of-clusters financing-resources",
    ("interview:thessaly-competence-centre", 5): "support-known support-unknown",
    ("interview:thessaly-volos-engineering", 1): "recovery-resilience-growth digitalisation",
    ("interview:thessaly-cluster", 8): "internal-management financing-resources branding-management "
                                       "cluster-internal-development",
    ("interview:thessaly-larissa-development", 2): "digitalisation",
}

MURCIA = DemoRegistry("organisation:murcia", "person:murcia", (
    _s("murcia-sensors", 5, 2, "Irrigation sensors; Export", "murcia-sensors"),
    _s("cartagena-food-robotics", 3, 2, "Food automation", "cartagena-food-robotics",
       "Not a cluster member yet: invite to the next members' breakfast."),
    _s("murcia-agrifood-research", 4, 4, "Water reuse; Field trials", "murcia-agrifood-research"),
    _s("cartagena-engineering", 4, 3, "Skills; Industrial doctorates", "cartagena-engineering"),
    _s("cluster-murcia", 5, 4, "Export missions; Cluster services", "cluster-murcia"),
    _s("murcia-employment", 3, 4, "Training catalogue", "murcia-employment"),
    _s("murcia-irrigation-federation", 4, 3, "Water; Drought"),
), (
    _i("murcia-sensors", "murcia-sensors", "murcia-sensors", D(2025, 10, 8), "online", True, True,
       ("Sales of our irrigation sensors fell in 2020 because farmers postponed investment, and then chips were "
        "missing for a year. We redesigned two boards around parts we could get, and turnover is now 30 percent "
        "above 2019.", "recovery-resilience-growth"),
       ("We are digital by nature: our sensors send data to a cloud dashboard. What holds us back is that many "
        "growers still do not trust the data and want a technician to visit.", "digitalisation"),
       ("Saving water is our main selling point, and the drought made it urgent. Growers now ask us for reports on "
        "their water footprint that they can show to supermarkets.", "sustainability-green-circular green-business"),
       ("We test our sensors on the experimental farm of the agrifood research centre. It works because they have "
        "field plots we could never afford, but the paperwork took six months.",
        "barriers-university-sme learning-collaboration"),
       ("We used the regional R&D loans and the agency's export advice. We found out about the national digital "
        "kit only from another firm at a cluster breakfast.", "support-known support-unknown cluster-policy"),
       ("The cluster is very good at export missions and market studies; it found us our first distributor in "
        "Portugal. It could help more with certification, which is a nightmare for a small firm.",
        "perception-of-clusters new-services"),
       ("We sell in Portugal and Morocco and met Greek growers at the B2B meetings in Larissa. For Greece we need a "
        "local installer, and the cluster network is the fastest way to find one.",
        "cooperation-internationalisation internationalisation-of-cluster")),
    _i("murcia-cartagena-food-robotics", "cartagena-food-robotics", "cartagena-food-robotics", D(2025, 10, 22),
       "in_person", True, False,
       ("The food plants we build lines for kept running during the pandemic, so we did not suffer much. The "
        "problem came later, when delivery times for motors went up to nine months.", "recovery-resilience-growth"),
       ("We automate packing and sorting lines and add vision systems. Our own company still plans projects on "
        "spreadsheets; we need an ERP but fear the disruption.", "digitalisation"),
       ("Customers want lines that use less energy and less plastic film. We redesigned a packing module around "
        "recyclable trays.", "sustainability-green-circular green-business"),
       ("We take interns from the engineering school every year, and that works well. Real research projects are "
        "harder: the school wants to publish, and we want to keep the design to ourselves.",
        "barriers-university-sme learning-collaboration"),
       ("We know the national research loans and use them. The regional support for training our own technicians "
        "we did not know about until this interview.", "support-known support-unknown"),
       ("We are not members of the cluster; we thought it was for farmers and food producers. If it connects us "
        "with food plants that want to automate, we would join.", "perception-of-clusters"),
       ("Half our lines go to France and Italy through a distributor. We want to sell directly, and a joint stand "
        "at a food technology fair would help.", "cooperation-internationalisation")),
    _i("murcia-agrifood-research", "murcia-agrifood-research", "murcia-agrifood-research", D(2025, 11, 5),
       "in_person", True, True,
       ("Our field trials continued during the lockdowns because crops do not wait. Funding for applied projects "
        "with firms dropped for two years and only recovered in 2024.",
        "recovery-resilience-growth financing-resources"),
       ("Our trials produce large amounts of sensor and drone data, but firms rarely have anyone to use it. We are "
        "building open datasets so that small firms can train their own models.", "digitalisation"),
       ("Water reuse, salinity and biological pest control are our research priorities. Firms come to us when a "
        "supermarket or a regulation forces them to change.", "sustainability-green-circular green-business"),
       ("Small firms cannot pay for a full research project, and our rules make small contracts slow. We now offer "
        "fixed-price trial packages that can be signed in two weeks.", "barriers-university-sme new-services"),
       ("The regional agency advertises our packages, and the cluster brings firms to our open days. Many growers "
        "still believe research centres only work with big companies.",
        "support-known support-unknown stakeholders-ecosystems"),
       ("The cluster is our bridge to industry and sits with us in the regional smart specialisation committee. It "
        "could run a shared testing service with us for its members.",
        "perception-of-clusters clusters-tools-of-change new-services"),
       ("We work with Italian and Greek institutes on irrigation and would like SMEs to come along. Horizon Europe "
        "is too heavy for most of them; smaller interregional projects suit them better.",
        "cooperation-internationalisation")),
    _i("murcia-cartagena-engineering", "cartagena-engineering", "cartagena-engineering", D(2025, 11, 19),
       "online", True, True,
       ("Student numbers held up, but industry placements fell by half in 2020 and 2021. We recovered them by "
        "adding remote projects with firms.", "recovery-resilience-growth"),
       ("We teach automation, robotics and data science, and firms hire every graduate. The bottleneck is the "
        "firms' own staff, who need short courses we are not organised to give.", "digitalisation new-services"),
       ("Energy engineering is our fastest-growing master's degree. Local firms mostly ask us for energy audits, "
        "which our students do as final projects.", "sustainability-green-circular"),
       ("Our professors are judged on publications and have no time for small contracts. What works is the "
        "industrial doctorate: a firm pays part of a PhD and gets three years of work on its problem.",
        "barriers-university-sme learning-collaboration"),
       ("We know the regional and national research programmes. The cluster's training fund was new to us until "
        "the cluster asked us to teach in it.", "support-known support-unknown"),
       ("The cluster gives us a direct line to 60 firms, which no faculty could build alone. It should also speak "
        "for the firms' skills needs when we revise our study programmes.",
        "perception-of-clusters stakeholders-ecosystems"),
       ("We have exchange agreements with Greek and Italian universities. Joint student projects for firms of the "
        "partner regions would be new and cheap.", "cooperation-internationalisation learning-collaboration")),
    _i("murcia-cluster", "cluster-murcia", "cluster-murcia", D(2025, 12, 3), "in_person", True, True,
       ("Our members kept feeding Europe during the pandemic, but export logistics collapsed for months. We set up "
        "a shared freight desk then, and members still use it.", "recovery-resilience-growth new-services"),
       ("Precision agriculture is where our members compete, yet many packing houses are barely digital. We run a "
        "digital diagnosis for members with the regional agency.", "digitalisation support-known"),
       ("Water and energy decide the future of agriculture in Murcia. We push members towards water reuse and "
        "solar pumping, and we recognise good practices.", "sustainability-green-circular green-business"),
       ("The research centre and the engineering school are both members, and we organise open days. The barrier "
        "is language: researchers talk about methods, firms talk about problems.",
        "barriers-university-sme stakeholders-ecosystems"),
       ("We know the regional and national cluster schemes well, since they fund part of our work. Members miss "
        "many EU calls because nobody reads them in time.", "support-known cluster-policy"),
       ("Members see us as the door to export markets, which is our strength. We are weaker on innovation "
        "projects, and we want to change that.", "perception-of-clusters clusters-tools-of-change"),
       ("We have agreements with an Italian agrotech cluster and the Greek agrifood network. We run three export "
        "missions a year and want a joint innovation project with a partner cluster.",
        "internationalisation-of-cluster cooperation-internationalisation"),
       ("Three staff, a board of twelve members and a silver management label. Income is fairly balanced, but "
        "public money is still 35 percent; we want more paid services and a stronger brand abroad.",
        "internal-management financing-resources branding-management")),
    _i("murcia-employment", "murcia-employment", "murcia-employment", D(2025, 12, 10), "phone", False, False,
       ("Unemployment rose sharply in 2020, mainly in services. Agriculture and food kept hiring, but on temporary "
        "contracts.", "recovery-resilience-growth"),
       ("Employers ask for technicians who can run automated lines and sensors. Our training catalogue still has "
        "more office courses than industrial ones.", "digitalisation"),
       ("We started courses on solar installation and water management, and they fill quickly. Firms rarely ask "
        "for green skills by name; they ask for electricians.", "sustainability-green-circular"),
       ("We do not work with the universities on research, only on internships. A common list of technical skills "
        "would help all of us.", "stakeholders-ecosystems"),
       ("Firms know our subsidised contracts but not our free tailored courses. We have to advertise through the "
        "cluster rather than our website.", "support-known support-unknown"),
       ("The cluster knows which skills its members lack, which we never hear directly. It should sit with us "
        "when we plan next year's courses.", "perception-of-clusters stakeholders-ecosystems"),
       ("We have no international work of our own except European Social Fund projects. Learning how other "
        "regions train technicians would interest us.", "learning-collaboration"),
       ("We fund training delivered through the cluster, not the cluster itself. Its visibility among small firms "
        "is its main asset for us.", "financing-resources branding-management")),
))

NORDHESSEN = DemoRegistry("organisation:nordhessen", "person:nordhessen", (
    _s("kassel-mechatronics", 5, 3, "Cobots; Distributors", "kassel-mechatronics"),
    _s("fulda-sensors", 4, 2, "Energy monitoring; Data services", "fulda-sensors"),
    _s("kassel-automation-institute", 4, 4, "Learning factory; Joint projects", "kassel-automation-institute"),
    _s("nordhessen-uas", 4, 3, "Cooperative degrees; Industrial data", "nordhessen-uas"),
    _s("cluster-nordhessen", 5, 5, "Working groups; Skills", "cluster-nordhessen"),
    _s("kassel-economic-development", 3, 5, "Climate programme; Business location", "kassel-economic-development",
       "Co-funds the cluster office: send the yearly results report by March."),
    _s("nordhessen-trades-chamber", 2, 4, "Apprenticeships"),
), (
    _i("nordhessen-kassel-mechatronics", "kassel-mechatronics", "kassel-mechatronics", D(2025, 9, 30), "in_person",
       True, True,
       ("Our customers froze investment for a year, then everybody wanted robot cells at once because they could "
        "not find workers. The order book is full; our problem now is hiring technicians.",
        "recovery-resilience-growth"),
       ("We build cobot cells, so our products are digital. Inside the company, service reports are still on paper "
        "and we lose knowledge whenever a technician leaves.", "digitalisation"),
       ("Customers ask how much energy a cell uses per part. We measure it now and show it in every offer.",
        "sustainability-green-circular green-business"),
       ("We run a joint project with the production automation institute on gripping flexible parts. It works "
        "because the institute has someone who used to work in industry and speaks our language.",
        "learning-collaboration barriers-university-sme"),
       ("We use the federal innovation programme for SMEs. The state's digital voucher we discovered only through "
        "the cluster newsletter.", "support-known support-unknown cluster-policy"),
       ("The cluster is the best place to meet customers and to train their operators with us. It gets too many "
        "requests to speak on everything; it should pick fewer topics and go deeper.",
        "perception-of-clusters new-services"),
       ("We are looking for distributors in south-east Europe and met firms in Larissa through the project. A "
        "partner cluster there that knows the machine shops would save us years.",
        "cooperation-internationalisation internationalisation-of-cluster")),
    _i("nordhessen-fulda-sensors", "fulda-sensors", "fulda-sensors", D(2025, 10, 15), "online", True, False,
       ("The chip shortage hit us harder than the lockdowns: for a year we could deliver only half our orders. We "
        "now keep stock of critical parts, which ties up cash.", "recovery-resilience-growth financing-resources"),
       ("We make condition-monitoring sensors and are moving from selling hardware to selling data services. We "
        "lack software developers and cannot pay what large firms pay.", "digitalisation business-models"),
       ("Energy monitoring has been our fastest-growing product line since the energy crisis. Green is good "
        "business for us now.", "green-business sustainability-green-circular"),
       ("We tried a project with the university of applied sciences, but the student left after three months and "
        "the results were lost. Now we have a research contract with a professor, which is slower but reliable.",
        "barriers-university-sme learning-collaboration"),
       ("We know the state's innovation loans and the chamber's advice. We did not know the cluster runs a skills "
        "programme until a competitor mentioned it.", "support-known support-unknown"),
       ("We joined the cluster last year for contacts with machine builders. It is somewhat dominated by the large "
        "members; small firms need meetings of their own.", "perception-of-clusters cluster-internal-development"),
       ("We sell in Austria and Switzerland through German-speaking contacts. Further markets need partners who "
        "install and service the sensors locally.", "cooperation-internationalisation")),
    _i("nordhessen-automation-institute", "kassel-automation-institute", "kassel-automation-institute",
       D(2025, 10, 29), "in_person", True, True,
       ("Our industrial projects slowed in 2020, but public research money kept us going. Since the energy crisis "
        "firms come with more urgent and more practical questions.", "recovery-resilience-growth"),
       ("We run a learning factory where firms try robots, digital twins and data platforms before buying. Small "
        "firms come once, but few come back for a project.", "digitalisation new-services"),
       ("We research energy-flexible production: machines that run when power is cheap and green. Firms are "
        "interested but want proven results first.", "sustainability-green-circular"),
       ("Negotiating intellectual property takes longer than the research itself. We have a template now, and the "
        "cluster helps firms understand it.", "barriers-university-sme stakeholders-ecosystems"),
       ("SMEs know us through the cluster and the chamber. They rarely know that the federal programme pays most "
        "of a joint project with us.", "support-unknown support-known cluster-policy"),
       ("The cluster brings us the firms and helps them put their questions. It could organise more projects "
        "shared by several firms, which makes research affordable for each.",
        "perception-of-clusters clusters-tools-of-change"),
       ("We have partners in Austria and Hungary for testbeds. Linking our learning factory with the testbeds of "
        "the partner regions would be an easy step.", "cooperation-internationalisation learning-collaboration")),
    _i("nordhessen-uas", "nordhessen-uas", "nordhessen-uas", D(2025, 11, 11), "online", True, True,
       ("Online teaching worked for lectures but not for the labs, and students lost practical skills. The "
        "cooperative programmes with firms helped us recover.", "recovery-resilience-growth"),
       ("Our cooperative students spend half their time in firms, so we see what the firms lack: people who "
        "connect machines to data. We have started a certificate course in industrial data.",
        "digitalisation new-services"),
       ("Sustainability is now part of every engineering programme. Firms still ask for automation first; green "
        "comes second.", "sustainability-green-circular"),
       ("We are closer to firms than the university, but our professors teach 18 hours a week and have little "
        "time for research. Assistants paid by projects make contracts possible.",
        "barriers-university-sme financing-resources"),
       ("Firms know us for our students, not for research. The state's transfer programme is hardly known among "
        "small firms.", "support-unknown cluster-policy"),
       ("The cluster is our main partner for the certificate course and finds trainees among its members. It is "
        "well run and visible.", "perception-of-clusters branding-management"),
       ("We have exchange programmes with Austria and Ireland. An apprenticeship exchange with the Irish network "
        "has just started.", "cooperation-internationalisation")),
    _i("nordhessen-cluster", "cluster-nordhessen", "cluster-nordhessen", D(2025, 11, 25), "in_person", True, True,
       ("Our members recovered fast because automation is in demand. The danger now is the skills gap: members "
        "turn down orders for lack of technicians.", "recovery-resilience-growth"),
       ("Half our members provide technology, the other half use it. We pair them in pilot projects and run a "
        "working group on digital twins.", "digitalisation new-services"),
       ("The energy crisis made energy efficiency the top topic of 2023. We now add the carbon footprint of "
        "production to our training.", "sustainability-green-circular"),
       ("We bring the institute and the university into our working groups. The barrier is rarely money; small "
        "firms do not have one person with time for a project.", "barriers-university-sme stakeholders-ecosystems"),
       ("We know the state and federal schemes very well and advise members on them. The newest European calls "
        "are our blind spot.", "support-known cluster-policy"),
       ("Members rate us 4.4 out of 5, mainly for networking and training. Our next step is to show our role in "
        "the region's twin transition, not only as an event organiser.",
        "perception-of-clusters clusters-tools-of-change"),
       ("We have agreements with Upper Austria, the Irish network and the Pannon cluster. International work is "
        "funded project by project, which makes it fragile.",
        "internationalisation-of-cluster financing-resources"),
       ("Four staff, a gold management label and a strategy reviewed every year. We want fewer public grants, "
        "more paid services, and a clearer message of what members gain.",
        "internal-management business-models branding-management")),
    _i("nordhessen-kassel-economic-development", "kassel-economic-development", "kassel-economic-development",
       D(2025, 12, 4), "phone", True, False,
       ("The city's industry came through the crisis better than retail and tourism. Our worry now is the supply "
        "of skilled workers and space for expansion.", "recovery-resilience-growth"),
       ("We run a digital hub for start-ups, but manufacturing SMEs rarely come. We want to bring them in through "
        "the cluster.", "digitalisation stakeholders-ecosystems"),
       ("The city aims to be climate-neutral by 2030, and firms in the industrial areas will have to follow. Our "
        "energy advice programme is free for SMEs.", "sustainability-green-circular support-known"),
       ("We fund joint events of the university and firms. The firms tell us they do not know whom to ask at the "
        "university.", "barriers-university-sme support-unknown"),
       ("We know the regional and federal programmes and map them for firms. Still, many firms say support is too "
        "complicated to find.", "support-known support-unknown"),
       ("The cluster is our most important partner for industrial policy. It helps us understand what firms need "
        "before we spend money.", "perception-of-clusters cluster-policy"),
       ("We support the cluster's missions abroad with small grants. Our twin city in Hungary could be an entry "
        "point for firms.", "cooperation-internationalisation"),
       ("The city pays part of the cluster's office costs. We expect a report of its results every year, which it "
        "delivers well.", "financing-resources internal-management")),
))

WSX = DemoRegistry("organisation:wsx", "person:wsx", (
    _s("shannon-additive", 5, 2, "Additive manufacturing; Recycled powder", "shannon-additive"),
    _s("limerick-automation", 3, 2, "Apprentices; Automation", "limerick-automation"),
    _s("midwest-manufacturing-institute", 4, 4, "Feasibility studies; Pilot lines",
       "midwest-manufacturing-institute"),
    _s("west-technological-college", 4, 3, "Apprenticeships; Clinics", "west-technological-college"),
    _s("cluster-wsx", 5, 4, "Skills programmes", "cluster-wsx"),
    _s("western-enterprise-board", 3, 5, "Grants; Vouchers", "western-enterprise-board"),
    _s("medtech-components", 2, 4, "Supplier requirements", note="Asks suppliers for sustainability reports: "
       "a possible sponsor of the shared reporting template."),
), (
    _i("wsx-shannon-additive", "shannon-additive", "shannon-additive", D(2025, 10, 6), "online", True, True,
       ("We started in 2019 and the pandemic nearly closed us, but printing spare parts during the supply "
        "shortages saved us. We have doubled since, from 6 to 12 people.", "recovery-resilience-growth"),
       ("Additive manufacturing is digital from the start, so tools are not our challenge. Finding engineers who "
        "can design for printing is.", "digitalisation"),
       ("Printing parts on demand avoids stock and scrap, and customers like that story. We are testing recycled "
        "powder to go further.", "sustainability-green-circular green-business"),
       ("We have a research contract with the manufacturing institute on material testing. The first contract "
        "took four months to sign; the second took two weeks.", "barriers-university-sme learning-collaboration"),
       ("We use the local enterprise office and the innovation vouchers. The national skills programme for our "
        "staff we only heard of at a network meeting.", "support-known support-unknown"),
       ("The network is where we met our two largest customers. It could help small firms bid together for larger "
        "contracts.", "perception-of-clusters new-services"),
       ("We sell to the UK and want to enter Germany. Going to a German cluster's event with the network would "
        "give us credibility.", "cooperation-internationalisation internationalisation-of-cluster")),
    _i("wsx-limerick-automation", "limerick-automation", "limerick-automation", D(2025, 10, 20), "in_person", True,
       False,
       ("Our customers in medical devices kept running, so demand stayed up. Staff turnover is our real crisis: "
        "the multinationals hire our technicians.", "recovery-resilience-growth"),
       ("We automate plants for others but still plan our own work on whiteboards. We want a proper project "
        "management system this year.", "digitalisation"),
       ("Pharma and medical customers demand energy data and sustainability reports from their suppliers. We spend "
        "more time filling in questionnaires than improving anything.",
        "green-business sustainability-green-circular"),
       ("We have never done research with the technological college. We take apprentices from them, but research "
        "feels slow and expensive.", "barriers-university-sme"),
       ("We know the enterprise board's grants. We had never heard of the college's free problem-solving clinics "
        "before this interview.", "support-known support-unknown"),
       ("The network is useful for training apprentices together. We would pay for a shared recruitment "
        "campaign.", "perception-of-clusters new-services business-models"),
       ("We work for the Irish plants of foreign groups, which sometimes send us abroad. We have no export plan of "
        "our own.", "cooperation-internationalisation")),
    _i("wsx-manufacturing-institute", "midwest-manufacturing-institute", "midwest-manufacturing-institute",
       D(2025, 11, 3), "online", True, True,
       ("Research funding held up, but industry projects paused for a year. We grew after 2022 thanks to the "
        "national manufacturing programme.", "recovery-resilience-growth financing-resources"),
       ("We work on automation, additive manufacturing and quality data. Our demonstrator line is used mostly by "
        "multinationals; SMEs find it intimidating.", "digitalisation barriers-university-sme"),
       ("Our newest projects are on recycled metal powders and on the energy use of printing. SMEs join when a "
        "customer asks for it.", "sustainability-green-circular green-business"),
       ("The main barrier is that SMEs see research as a cost, not an investment. Short funded feasibility studies "
        "change that view.", "barriers-university-sme learning-collaboration"),
       ("Firms know the vouchers, but few know they can combine them with our funded feasibility studies. We rely "
        "on the network to spread the word.", "support-known support-unknown stakeholders-ecosystems"),
       ("The network is an honest broker between firms and us. It should run more themed clinics where several "
        "SMEs bring their problems at once.", "perception-of-clusters new-services"),
       ("We are in European pilot-line projects with German and Dutch institutes. Bringing Irish SMEs into them is "
        "our next goal.", "cooperation-internationalisation")),
    _i("wsx-technological-college", "west-technological-college", "west-technological-college", D(2025, 11, 17),
       "in_person", True, True,
       ("Apprenticeship numbers fell in 2020 and recovered slowly. Industry now wants more apprentices than we can "
        "teach.", "recovery-resilience-growth"),
       ("We teach mechatronics and automation apprentices. Small firms lack mentors who can supervise them on "
        "modern equipment.", "digitalisation"),
       ("We added a module on sustainable manufacturing to every apprenticeship. Firms welcome it, but few have "
        "changed their practices yet.", "sustainability-green-circular"),
       ("Lecturers have heavy teaching loads, so research with firms happens in their spare time. The "
        "problem-solving clinics are our low-cost way to help SMEs.", "barriers-university-sme new-services"),
       ("Firms know us for apprentices; they do not know our clinics or our equipment for hire. We are working on "
        "this with the network.", "support-unknown"),
       ("The network trains apprentices with us and places them in member firms. It should plan skills needs "
        "three years ahead with us.", "perception-of-clusters stakeholders-ecosystems"),
       ("An apprenticeship exchange with NordHessen starts this year. Learning from the German dual system is "
        "exactly what we need.", "cooperation-internationalisation learning-collaboration")),
    _i("wsx-network", "cluster-wsx", "cluster-wsx", D(2025, 12, 1), "in_person", True, True,
       ("Members kept working during the pandemic but lost staff to larger firms. Our skills programmes were the "
        "answer, and membership grew from 30 to 40.", "recovery-resilience-growth cluster-internal-development"),
       ("Our members range from one-person design firms to the plants of multinationals. The small ones need "
        "basic automation first, not artificial intelligence.", "digitalisation"),
       ("Multinational customers pass sustainability demands down to our small members. We started a shared "
        "reporting template to save them work.", "green-business new-services"),
       ("We broker between members, the institute and the college. Trust is the barrier; after a first small "
        "project things move faster.", "barriers-university-sme stakeholders-ecosystems"),
       ("We know the national and regional schemes. The European cluster calls are new to us, and this project "
        "opened our eyes to them.", "support-known cluster-policy learning-collaboration"),
       ("Members see us mostly as a skills provider. We want to be seen as the voice of advanced manufacturing in "
        "the region.", "perception-of-clusters branding-management"),
       ("We have an agreement with NordHessen on apprenticeships. We need travel funding to involve members in "
        "international activities.", "internationalisation-of-cluster financing-resources"),
       ("Two staff and a volunteer board. Public funds are 41 percent of our income; membership fees and paid "
        "training must grow before the current grant ends.",
        "internal-management financing-resources business-models")),
    _i("wsx-enterprise-board", "western-enterprise-board", "western-enterprise-board", D(2025, 12, 9), "online",
       True, False,
       ("Our grants kept many small firms alive in 2020. Now our focus is productivity, since wages have risen "
        "faster than output.", "recovery-resilience-growth"),
       ("Our digital grants are popular with retail but less so with manufacturers. We want to design a voucher "
        "for manufacturing.", "digitalisation cluster-policy"),
       ("Our green-for-business programme gives firms a free sustainability review. Manufacturers take it up when "
        "their customers require it.", "sustainability-green-circular support-known"),
       ("We connect firms to the institute through the innovation vouchers. Too many firms stop after one "
        "voucher.", "barriers-university-sme"),
       ("Firms know our grants, but many do not know the national programmes we can refer them to. We are "
        "improving our referral guide.", "support-known support-unknown"),
       ("The network reaches firms we do not reach. We would like to see its results measured better.",
        "perception-of-clusters internal-management"),
       ("We support trade missions with the national export agency. Small manufacturers rarely apply.",
        "cooperation-internationalisation"),
       ("We co-fund the network's skills programme. Its brand is strong among manufacturers, less so among policy "
        "makers.", "financing-resources branding-management")),
))

PORA = DemoRegistry("organisation:pora", "person:pora", (
    _s("koprivnica-metalworks", 4, 2, "Welders; Export", "koprivnica-metalworks"),
    _s("krizevci-furniture", 4, 1, "Oak certification", "krizevci-furniture"),
    _s("podravina-college", 3, 3, "Wood technology; Labs", "podravina-college",
       "Not a cluster member: introduce to the cluster manager."),
    _s("koprivnica-testing-lab", 3, 2, "Testing; Emissions", "koprivnica-testing-lab"),
    _s("cluster-pora", 5, 3, "Fairs; Energy audits", "cluster-pora"),
    _s("koprivnica-enterprise-office", 3, 5, "Grants; Young workers", "koprivnica-enterprise-office"),
    _s("podravina-crafts", 3, 2, "Crafts; Training"),
), (
    _i("pora-koprivnica-metalworks", "koprivnica-metalworks", "koprivnica-metalworks", D(2025, 10, 9), "in_person",
       True, True,
       ("Our orders from Austria stopped for three months in 2020, and steel prices went up afterwards. We "
        "recovered, but we cannot find welders.", "recovery-resilience-growth"),
       ("We bought two new CNC machines with EU funds, but they are not connected to anything. We do not know "
        "where to start with data.", "digitalisation"),
       ("Our Austrian customer now asks about our energy use and the recycled content of our steel. We have no "
        "answers yet.", "sustainability-green-circular green-business"),
       ("We have never worked with a college or an institute. I do not think they are interested in a small "
        "metalworking firm.", "barriers-university-sme"),
       ("We know the EU funds through the county agency, which helped us apply. We do not know of any support "
        "from colleges or research.", "support-known support-unknown"),
       ("The cluster organises joint stands at fairs, which is good. It should help us find workers and train "
        "them.", "perception-of-clusters new-services"),
       ("We export 60 percent of our output to Austria and Slovenia as subcontractors. We want products of our "
        "own, but we need partners for that.", "cooperation-internationalisation")),
    _i("pora-krizevci-furniture", "krizevci-furniture", "krizevci-furniture", D(2025, 10, 23), "phone", False,
       False,
       ("Furniture sales went up during the lockdowns, then fell sharply with inflation. We have had to cut a "
        "shift.", "recovery-resilience-growth"),
       ("Our designs are drawn in CAD, but production planning is on paper. We would need help to choose "
        "software.", "digitalisation"),
       ("We use local oak and want to certify it as sustainable, which buyers in Germany like. The certification "
        "process is unclear to us.", "green-business sustainability-green-circular"),
       ("We have never worked with research. The college is 20 kilometres away, but we have no contact there.",
        "barriers-university-sme support-unknown"),
       ("We know the county agency and the national grants for equipment. Nobody told us about support for design "
        "or certification.", "support-known support-unknown"),
       ("The cluster is small and its manager works alone. It cannot do much beyond fairs.",
        "perception-of-clusters cluster-internal-development"),
       ("We sell through a German retailer. We would like to go to Scandinavia but do not know how.",
        "cooperation-internationalisation")),
    _i("pora-podravina-college", "podravina-college", "podravina-college", D(2025, 11, 6), "in_person", True, True,
       ("Enrolment fell during the pandemic and has not fully recovered, as young people move to Zagreb. We need "
        "closer ties with local employers to keep our students.", "recovery-resilience-growth"),
       ("We teach mechanical engineering and computing, but our labs are old. We cannot show students or firms "
        "modern automation.", "digitalisation financing-resources"),
       ("Our wood technology department researches waste wood and biomass. Local firms have not used it yet.",
        "sustainability-green-circular"),
       ("Local SMEs rarely contact us, and we have no office for industry projects. Our staff would work with "
        "firms if someone organised it.", "barriers-university-sme stakeholders-ecosystems"),
       ("We know the national research grants, but they rarely fit small applied projects. We did not know the "
        "county agency runs SME programmes we could join.", "support-known support-unknown"),
       ("We are not members of the cluster. It would be a natural partner; we simply never met.",
        "perception-of-clusters stakeholders-ecosystems"),
       ("We have Erasmus partners in Hungary and Slovenia. Joint projects with firms across the border would "
        "interest us.", "cooperation-internationalisation")),
    _i("pora-testing-lab", "koprivnica-testing-lab", "koprivnica-testing-lab", D(2025, 11, 20), "online", True,
       False,
       ("We test materials for construction and wood, and the work dropped in 2020. Since then public "
        "construction projects have kept us busy.", "recovery-resilience-growth"),
       ("Our test reports are still written by hand. We want a digital laboratory system and online ordering.",
        "digitalisation"),
       ("More and more tests concern emissions from wood products and recycled materials. It is a growing "
        "market.", "sustainability-green-circular green-business"),
       ("Small firms see us as a cost they pay when a customer demands a certificate. Developing a product "
        "together almost never happens.", "barriers-university-sme"),
       ("We know the national research programmes and the EU structural funds. Firms do not know we can help them "
        "before a product is finished.", "support-unknown support-known"),
       ("We know the cluster from fairs only. A joint testing offer for its members would make sense.",
        "perception-of-clusters new-services"),
       ("We are accredited for European standards, so foreign firms sometimes use us. We have no partners in other "
        "regions.", "cooperation-internationalisation")),
    _i("pora-cluster", "cluster-pora", "cluster-pora", D(2025, 12, 2), "in_person", True, True,
       ("Members survived the crisis but lost staff to Austria and Germany. Growth is limited by workers, not by "
        "orders.", "recovery-resilience-growth"),
       ("Most members are subcontractors with basic machines. Digitalisation starts with simple things such as "
        "production planning.", "digitalisation"),
       ("Energy efficiency is our green service: six members had an energy audit last year. The wood firms ask "
        "about certification.", "sustainability-green-circular new-services"),
       ("We have no link to the college or the testing laboratory yet. I would like to start, but I am the only "
        "member of staff.", "barriers-university-sme cluster-internal-development stakeholders-ecosystems"),
       ("We know the county and national programmes for SMEs. EU programmes for clusters are too complex for us to "
        "apply to alone.", "support-known cluster-policy"),
       ("Members value the fairs and our joint voice towards the county. We should offer more, but we lack "
        "people.", "perception-of-clusters internal-management"),
       ("We have no international agreement yet; this project is our first step. A partner cluster in metal or "
        "wood would help.", "internationalisation-of-cluster learning-collaboration"),
       ("One manager, no strategy document and 61 percent public money. We need a strategy, a second person and a "
        "brand members recognise.",
        "internal-management financing-resources branding-management cluster-internal-development")),
    _i("pora-enterprise-office", "koprivnica-enterprise-office", "koprivnica-enterprise-office", D(2025, 12, 11),
       "phone", False, False,
       ("The city's firms recovered, but the emigration of young workers is a bigger threat than any crisis. We "
        "offer housing grants to keep them.", "recovery-resilience-growth"),
       ("We co-fund digital equipment for small firms. Most buy machines; few buy software or training.",
        "digitalisation support-known"),
       ("The city's green agenda covers public buildings first. Firms are not part of it yet.",
        "sustainability-green-circular"),
       ("We would like the college to work with local firms but have no instrument for it. A small voucher scheme "
        "is one idea.", "barriers-university-sme cluster-policy"),
       ("Firms know our grants well. They know little about national innovation support.",
        "support-known support-unknown"),
       ("The cluster matters, but it is too weak to be a real partner. We might fund a second member of staff if "
        "the results are clear.", "perception-of-clusters financing-resources"),
       ("We have twin towns in Hungary and Slovenia. Business contacts through them are rare.",
        "cooperation-internationalisation"),
       ("The city gives the cluster a small yearly grant for fairs. We want a plan with measurable results before "
        "we give more.", "financing-resources cluster-policy internal-management")),
))

LITHUANIA = DemoRegistry("organisation:lead-lt", "person:lead-lt", (
    _s("vilnius-machine-vision", 5, 2, "Machine vision; Export", "vilnius-machine-vision"),
    _s("baltic-robotics", 4, 2, "Robot cells", "baltic-robotics"),
    _s("vilnius-informatics-institute", 4, 4, "Industrial AI; Computing facility", "vilnius-informatics-institute"),
    _s("vilnius-technical-college", 4, 3, "Mechatronics lab; Evening courses", "vilnius-technical-college"),
    _s("cluster-lt", 5, 4, "Digital innovation hub", "cluster-lt"),
    _s("vilnius-business-office", 2, 5, "City programmes; Events", "vilnius-business-office"),
    _s("vilnius-manufacturers-forum", 3, 3, "Manufacturing policy"),
), (
    _i("lt-machine-vision", "vilnius-machine-vision", "vilnius-machine-vision", D(2025, 10, 1), "online", True,
       True,
       ("The pandemic was good for us: factories wanted automated inspection because people could not come to "
        "work. Growth slowed in 2023 when customers cut investment.", "recovery-resilience-growth"),
       ("We sell machine-vision systems, so digitalisation is our living. Our challenge is customers without the "
        "data infrastructure to use our results.", "digitalisation"),
       ("Our systems reduce scrap, which customers now count as a green benefit. We have started reporting the "
        "waste avoided in each project.", "green-business sustainability-green-circular"),
       ("We work with the industrial informatics institute on algorithms. Salaries there are low, so their best "
        "people end up joining firms like ours.", "learning-collaboration barriers-university-sme"),
       ("We use the national innovation agency's grants. The services of the cluster's digital innovation hub "
        "were unknown to us until last year.", "support-known support-unknown"),
       ("The cluster helped us meet our first export customer. We want more members who use technology, not only "
        "other suppliers.", "perception-of-clusters stakeholders-ecosystems"),
       ("We sell in Latvia, Poland and Scandinavia. The next step is Germany, where we need reference customers.",
        "cooperation-internationalisation")),
    _i("lt-baltic-robotics", "baltic-robotics", "baltic-robotics", D(2025, 10, 16), "in_person", True, False,
       ("Supply chains for robots and parts broke in 2021 and 2022. We now keep more stock and have two suppliers "
        "for each part.", "recovery-resilience-growth"),
       ("We integrate robots in food and furniture plants. Many customers are not ready: they have nobody to "
        "maintain the robots.", "digitalisation"),
       ("Customers ask for energy-saving automation because electricity prices rose. We offer energy monitoring "
        "with every cell.", "sustainability-green-circular green-business"),
       ("We tried a welding cell with the technical college, but the paperwork and slow decisions ended it. We "
        "now train students ourselves.", "barriers-university-sme"),
       ("We know the EU funds for equipment that our customers use. We had never heard of the innovation "
        "vouchers.", "support-known support-unknown"),
       ("We are cluster members for the demonstrations at the digital innovation hub. They bring us customers.",
        "perception-of-clusters"),
       ("We work with a Finnish robot maker. Our projects in Latvia and Estonia come through them.",
        "cooperation-internationalisation")),
    _i("lt-informatics-institute", "vilnius-informatics-institute", "vilnius-informatics-institute",
       D(2025, 11, 7), "online", True, True,
       ("Research funding continued, but industrial contracts halved in 2020. They have grown again since 2022.",
        "recovery-resilience-growth"),
       ("We work on AI for quality inspection and predictive maintenance. Firms lack data of good quality, which "
        "slows every project.", "digitalisation"),
       ("We model energy use in factories to schedule production when power is cheap. Few firms have the meters "
        "to do it.", "sustainability-green-circular"),
       ("Researchers are rewarded for papers, firms want results. Joint PhDs and secondments work best.",
        "barriers-university-sme learning-collaboration"),
       ("Firms know the national agency's grants but not our shared computing facility. We advertise it through "
        "the cluster.", "support-known support-unknown stakeholders-ecosystems"),
       ("The cluster is our door to firms and runs the digital innovation hub with us. It could collect the common "
        "problems of its members for research.", "perception-of-clusters clusters-tools-of-change"),
       ("We are in European networks on AI. Our local firms rarely join European projects.",
        "cooperation-internationalisation")),
    _i("lt-technical-college", "vilnius-technical-college", "vilnius-technical-college", D(2025, 11, 21),
       "in_person", True, True,
       ("Student numbers fell slightly while the demand for graduates in automation grew. We added evening "
        "courses for workers.", "recovery-resilience-growth new-services"),
       ("We have a new mechatronics lab with robots from the cluster's members. Our teachers need training to keep "
        "up.", "digitalisation"),
       ("Green topics are part of our energy programmes, less of mechatronics. We want to change that.",
        "sustainability-green-circular"),
       ("A welding cell project with a firm failed because our procurement rules were too slow. We need simpler "
        "rules for small projects.", "barriers-university-sme"),
       ("We know the EU structural funds for equipment. We learned of the cluster's training fund only this year.",
        "support-known support-unknown"),
       ("The cluster's firms give us equipment and internships. We train their workers in return.",
        "perception-of-clusters learning-collaboration"),
       ("We have Erasmus partners in Finland and Germany. Exchanges of teachers with firms abroad would help.",
        "cooperation-internationalisation")),
    _i("lt-cluster", "cluster-lt", "cluster-lt", D(2025, 12, 5), "in_person", True, True,
       ("Members grew through the pandemic because automation was in demand. The energy crisis of 2022 was harder "
        "on our manufacturing members.", "recovery-resilience-growth"),
       ("We run a digital innovation hub with demonstrations. Members want more hands-on pilots in their own "
        "plants.", "digitalisation new-services"),
       ("We added green manufacturing to the hub's topics. Members ask for help with their customers' "
        "sustainability demands.", "sustainability-green-circular green-business"),
       ("We connect firms with the institute and the college. Slow procurement at public institutions is the main "
        "barrier.", "barriers-university-sme stakeholders-ecosystems"),
       ("We know the national cluster programme and the agency's schemes. We now follow the European calls for "
        "clusters systematically.", "support-known cluster-policy"),
       ("Members value the demonstrations and the export fairs. Some see the cluster as too close to the "
        "technology suppliers.", "perception-of-clusters"),
       ("We have an agreement with a Latvian automation cluster and attend joint fairs. We want a project with a "
        "partner cluster in the EU.", "internationalisation-of-cluster cooperation-internationalisation"),
       ("2.5 staff, a bronze label and a strategy until 2028. Public funding is 32 percent; we want to sell more "
        "of the hub's services.", "internal-management financing-resources business-models")),
    _i("lt-business-office", "vilnius-business-office", "vilnius-business-office", D(2025, 12, 12), "online",
       False, False,
       ("Vilnius firms recovered quickly after 2020, especially in IT. Manufacturing grew less.",
        "recovery-resilience-growth"),
       ("We promote the city as a technology hub. Manufacturing firms are less visible in our programmes.",
        "digitalisation branding-management"),
       ("The city's climate plan asks firms to cut emissions. We offer free energy consultations.",
        "sustainability-green-circular support-known"),
       ("We fund events between universities and start-ups. Established SMEs rarely join.",
        "stakeholders-ecosystems"),
       ("Firms know the national agency well. They know less about the city's own programmes.",
        "support-known support-unknown"),
       ("The cluster is a good partner for industrial events. We would like it to reach more SMEs outside IT.",
        "perception-of-clusters"),
       ("We run trade missions with the national agency. Industrial SMEs join less often than IT firms.",
        "cooperation-internationalisation"),
       ("We co-fund the cluster's events. We see it as a credible voice of industry.",
        "financing-resources branding-management")),
))

PANNON = DemoRegistry("organisation:pannon", "person:pannon", (
    _s("gyor-automotive-electronics", 4, 2, "Supplier approval; Test equipment", "gyor-automotive-electronics"),
    _s("sopron-cloud", 4, 1, "Machine data platforms", "sopron-cloud"),
    _s("gyor-vehicle-institute", 4, 4, "Test benches; Batteries", "gyor-vehicle-institute"),
    _s("west-pannon-uas", 3, 3, "Dual training", "west-pannon-uas"),
    _s("cluster-pannon", 5, 4, "Testbeds; Cross-border projects", "cluster-pannon"),
    _s("sopron-enterprise-office", 3, 4, "Local grants; Cross-border workers", "sopron-enterprise-office"),
), (
    _i("pannon-automotive-electronics", "gyor-automotive-electronics", "gyor-automotive-electronics",
       D(2025, 10, 2), "in_person", True, True,
       ("Car makers stopped production for weeks in 2020, and chips were missing in 2021. We survived by making "
        "test equipment instead of parts.", "recovery-resilience-growth"),
       ("We use automated testing, but our production data is scattered across the machines. We need a data "
        "platform.", "digitalisation"),
       ("Car makers now require carbon reporting from all suppliers. For us it is a cost, not yet a benefit.",
        "sustainability-green-circular green-business"),
       ("We work with the vehicle engineering institute on test methods. It works because their researchers visit "
        "our plant every week.", "learning-collaboration"),
       ("We know the national investment grants. We learned of the cluster's training programme from a "
        "supplier.", "support-known support-unknown"),
       ("The cluster connects us with Austrian partners and universities. It should help small suppliers get "
        "approved by the car makers.", "perception-of-clusters new-services"),
       ("We deliver to Austria and Germany. Cross-border projects of the EGTC help us find partners.",
        "cooperation-internationalisation")),
    _i("pannon-cloud", "sopron-cloud", "sopron-cloud", D(2025, 10, 17), "online", True, False,
       ("Demand for cloud services rose during the pandemic. We grew from 5 to 15 people.",
        "recovery-resilience-growth"),
       ("We build cloud platforms for machine data. Our customers' factories often have no network on the shop "
        "floor.", "digitalisation"),
       ("Customers ask us to show energy use on their dashboards. It has become our selling point.",
        "green-business"),
       ("We have no contact with universities. We hire graduates, but research projects seem too slow.",
        "barriers-university-sme"),
       ("We know the national start-up programme. We do not know of support for cross-border projects.",
        "support-known support-unknown"),
       ("We joined the cluster for customers. So far it has given us two leads.", "perception-of-clusters"),
       ("We have Austrian customers through personal contacts. The language barrier is smaller than the barrier "
        "of trust.", "cooperation-internationalisation")),
    _i("pannon-vehicle-institute", "gyor-vehicle-institute", "gyor-vehicle-institute", D(2025, 11, 10),
       "in_person", True, True,
       ("Research funding continued, and industrial contracts returned in 2022. Electric vehicles now bring new "
        "topics.", "recovery-resilience-growth"),
       ("We work on testing vehicle electronics and software. SMEs need test benches they cannot buy.",
        "digitalisation new-services"),
       ("Battery recycling and lightweight materials are our green topics. Suppliers join when car makers demand "
        "it.", "sustainability-green-circular green-business"),
       ("Our long projects suit car makers, not small suppliers. We now offer short test campaigns at fixed "
        "prices.", "barriers-university-sme new-services"),
       ("Firms know the national grants, not our test services. The cluster spreads our offer.",
        "support-unknown stakeholders-ecosystems"),
       ("The cluster is our main link to small suppliers. It is well connected across the border.",
        "perception-of-clusters"),
       ("We work with Austrian and German institutes. Sharing testbeds across borders with the NordHessen cluster "
        "is being prepared.", "cooperation-internationalisation learning-collaboration")),
    _i("pannon-university", "west-pannon-uas", "west-pannon-uas", D(2025, 11, 24), "online", True, True,
       ("Teaching recovered, but many students now work while they study. Dual training with firms has grown.",
        "recovery-resilience-growth"),
       ("We train automation engineers and IT specialists. Firms want both skills in one person.",
        "digitalisation"),
       ("We started a course on sustainable production. Interest among firms is still low.",
        "sustainability-green-circular"),
       ("Professors have little time for small contracts. Dual students are the best bridge to firms.",
        "barriers-university-sme learning-collaboration"),
       ("We know the national higher education programmes. The EGTC's cross-border funds were unknown to us.",
        "support-known support-unknown"),
       ("The cluster trains with us and places dual students. We would like it to share its members' skills "
        "needs.", "perception-of-clusters stakeholders-ecosystems"),
       ("We have partner universities in Austria. Joint courses for cross-border firms are planned.",
        "cooperation-internationalisation")),
    _i("pannon-cluster", "cluster-pannon", "cluster-pannon", D(2025, 12, 8), "in_person", True, True,
       ("Automotive suppliers suffered most in 2020 and 2021. Members are recovering, but electric vehicles change "
        "everything.", "recovery-resilience-growth"),
       ("We run testbeds with the institute. Members need basic digital skills before advanced topics.",
        "digitalisation"),
       ("Car makers pass carbon demands on to their suppliers. We help members calculate their footprint.",
        "green-business new-services"),
       ("We link members to the institute and the university. The barrier is time, on both sides.",
        "barriers-university-sme stakeholders-ecosystems"),
       ("We know the national cluster accreditation and the EGTC funds. EU calls are hard to follow.",
        "support-known cluster-policy"),
       ("Members value leads and cross-border contacts. They expect more help with the car makers' approval.",
        "perception-of-clusters new-services"),
       ("We have an agreement with NordHessen on testbeds. Cross-border work with Austria is our strength.",
        "internationalisation-of-cluster cooperation-internationalisation"),
       ("1.5 staff and a strategy until 2027. Public funding is 48 percent; we want more paid services and a "
        "clearer brand.", "internal-management financing-resources branding-management")),
    _i("pannon-enterprise-office", "sopron-enterprise-office", "sopron-enterprise-office", D(2025, 12, 15),
       "phone", False, False,
       ("Sopron's economy depends on Austrian jobs. Firms here struggle to keep workers who commute across the "
        "border.", "recovery-resilience-growth"),
       ("We co-fund digital training with the chamber. Uptake is low among small firms.", "digitalisation"),
       ("The city's green plan focuses on transport. Industry is not covered yet.", "sustainability-green-circular"),
       ("We are not involved in research. We would support a cross-border lab if firms wanted one.",
        "stakeholders-ecosystems"),
       ("Firms know our local grants. They know little of the EGTC's programmes.", "support-known support-unknown"),
       ("The cluster is a good partner for events. We know less about what it does for its members.",
        "perception-of-clusters branding-management"),
       ("Cross-border cooperation is part of daily life here. Firms need help with Austrian rules.",
        "cooperation-internationalisation"),
       ("The city supports the cluster's events. We have no long-term funding agreement.",
        "financing-resources")),
))

REGISTRIES = (LITHUANIA, THESSALY, MURCIA, NORDHESSEN, WSX, PORA, PANNON)

# (declaring partner, first organisation, second organisation, kind, since year, description). Koprivnica-Križevci
# declares no link between its SMEs and research or education, and Sopron Cloud Solutions has none: the gaps.
COLLABORATIONS = (
    ("organisation:thessaly", "organisation:volos-engineering", "organisation:larissa-machining",
     K.RESEARCH_CONTRACT, 2024, "Cutting-parameter study with a student in the workshop."),
    ("organisation:thessaly", "organisation:thessaly-competence", "organisation:thessaly-agrirobotics",
     K.RESEARCH_CONTRACT, 2023, "Field tests of robot navigation on the competence centre's testbed."),
    ("organisation:thessaly", "organisation:cluster-thessaly", "organisation:volos-engineering", K.TRAINING, 2022,
     "Industrial data analytics course for the members' production engineers."),
    ("organisation:murcia", "organisation:murcia-agrifood-research", "organisation:murcia-sensors",
     K.RESEARCH_CONTRACT, 2024, "Sensor trials on the experimental farm."),
    ("organisation:murcia", "organisation:cluster-murcia", "organisation:cartagena-engineering", K.TRAINING, 2023,
     "Courses of the cluster's training fund taught by the school."),
    ("organisation:nordhessen", "organisation:kassel-automation-institute", "organisation:kassel-mechatronics",
     K.JOINT_PROJECT, 2025, "Gripping flexible parts with collaborative robots."),
    ("organisation:nordhessen", "organisation:nordhessen-uas", "organisation:fulda-sensors", K.RESEARCH_CONTRACT,
     2025, "Signal processing for condition monitoring."),
    ("organisation:nordhessen", "organisation:cluster-nordhessen", "organisation:nordhessen-uas", K.TRAINING, 2024,
     "Certificate course in industrial data."),
    ("organisation:wsx", "organisation:midwest-manufacturing-institute", "organisation:shannon-additive",
     K.RESEARCH_CONTRACT, 2024, "Testing of recycled metal powders."),
    ("organisation:wsx", "organisation:cluster-wsx", "organisation:west-technological-college", K.TRAINING, 2021,
     "Shared apprenticeship programme."),
    ("organisation:wsx", "organisation:west-technological-college", "organisation:limerick-automation",
     K.TRAINING, 2022, "Apprentices placed with the firm."),
    ("organisation:lead-lt", "organisation:vilnius-informatics-institute", "organisation:vilnius-machine-vision",
     K.RESEARCH_CONTRACT, 2023, "Inspection algorithms for reflective parts."),
    ("organisation:lead-lt", "organisation:cluster-lt", "organisation:vilnius-technical-college", K.TRAINING, 2024,
     "Evening courses for members' workers in the mechatronics lab."),
    ("organisation:pora", "organisation:cluster-pora", "organisation:koprivnica-enterprise-office", K.OTHER, 2020,
     "Yearly grant for the cluster's stands at fairs."),
    ("organisation:pannon", "organisation:gyor-vehicle-institute", "organisation:gyor-automotive-electronics",
     K.RESEARCH_CONTRACT, 2024, "Test methods for power electronics."),
    ("organisation:pannon", "organisation:cluster-pannon", "organisation:west-pannon-uas", K.TRAINING, 2023,
     "Dual students placed with member firms."),
)
