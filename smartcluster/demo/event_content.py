"""The demo partnership's project life: events of every kind around today's semester, a stakeholder group, a
webinar with its survey, check-ins (one recent, one overdue, the rest never held, so the lead partner's warnings
show), a brainstorm with votes, and the communication plan run by the Region of Thessaly with items on time,
published and late. Every date, text and figure is invented sample content; places and hosts follow the project
idea."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

D = dt.datetime


@dataclass(frozen=True)
class DemoEvent:
    key: str
    title: str
    kind: str
    host: str  # organisation key of the host partner
    starts_at: dt.datetime  # naive: in the event's time zone
    ends_at: dt.datetime
    time_zone: str
    thematic_focus: str = ""
    description: str = ""
    venue: str = ""
    online_url: str = ""
    is_published: bool = True
    partner_met: str = ""  # organisation key, for check-ins
    sessions: tuple[tuple[str, dt.datetime, dt.datetime, str], ...] = ()  # title, start, end, speakers
    attendees: tuple[str, ...] = ()  # person keys who registered and came
    invited: tuple[str, ...] = ()  # person keys invited, not registered yet
    decisions: tuple[str, ...] = ()
    actions: tuple[tuple[str, str, dt.date, str], ...] = ()  # title, owner person key, due on, status
    issues: tuple[tuple[str, str], ...] = ()  # topic, text (check-ins)
    feedback: tuple[tuple[int, int, int | None, int | None, str], ...] = field(default=())  # per attendee in order


OFFICERS = ("person:lead-lt", "person:thessaly", "person:murcia", "person:nordhessen", "person:wsx", "person:pora",
            "person:pannon")
THESSALY_FIRMS = ("person:larissa-machining", "person:volos-packaging", "person:tyrnavos-textiles",
                  "person:thessaly-agrirobotics", "person:trikala-twins", "person:magnesia-coatings")

EVENTS = (
    DemoEvent(
        "event:kick-off", "Kick-off meeting in Vilnius", "kick_off", "organisation:lead-lt",
        D(2025, 3, 25, 9, 30), D(2025, 3, 26, 13, 0), "Europe/Vilnius",
        "Project approach, work plan and the cluster mapping method",
        "The partners meet for the first time: project approach, semester plan, budget and the mapping of Smart "
        "Industry 4.0 clusters in the partner regions.", venue="Vilnius, Lithuanian Regional Innovation Agency",
        sessions=(("Welcome and the partnership", D(2025, 3, 25, 9, 30), D(2025, 3, 25, 10, 30), "Rasa Petrauskienė"),
                  ("The work plan, semester by semester", D(2025, 3, 25, 11, 0), D(2025, 3, 25, 13, 0),
                   "Rasa Petrauskienė, Eleni Papadopoulou"),
                  ("Cluster mapping: data and method", D(2025, 3, 26, 9, 30), D(2025, 3, 26, 12, 0), "Markus Schmidt")),
        attendees=OFFICERS,
        decisions=("The steering committee meets once per semester, online unless an event brings the partners "
                   "together.",
                   "Each partner maps its region's Smart Industry 4.0 clusters by the end of semester 1."),
        actions=(("Send each partner the mapping template", "person:nordhessen", dt.date(2025, 4, 15), "done"),),
        feedback=((5, 4, None, None, "Meeting every partner in person."), (4, 4, None, None, ""),
                  (4, 5, None, None, "The mapping session."), (5, 4, None, None, ""), (4, 3, None, None, ""),
                  (4, 4, None, None, ""), (5, 5, None, None, "Clear work plan."))),
    DemoEvent(
        "event:steering-1", "Steering committee 1", "steering_committee", "organisation:lead-lt",
        D(2025, 6, 18, 10, 0), D(2025, 6, 18, 12, 0), "Europe/Vilnius", "Semester 1 progress and the first report",
        online_url="https://meet.example.org/clusters40-sc1", is_published=False, attendees=OFFICERS,
        decisions=("The semester 1 progress report is approved.",
                   "Murcia hosts the first peer review on the funding and cost structure of clusters."),
        actions=(("Circulate the peer review's host questionnaire", "person:murcia", dt.date(2026, 11, 30), "open"),)),
    DemoEvent(
        "event:thessaly-sg-1", "Thessaly stakeholder group: mapping results", "stakeholder_meeting",
        "organisation:thessaly", D(2025, 5, 20, 10, 0), D(2025, 5, 20, 13, 0), "Europe/Athens",
        "The region's Smart Industry 4.0 clusters as the statistics show them", venue="Larissa, Region of Thessaly",
        attendees=THESSALY_FIRMS,
        feedback=((4, 4, None, None, "Seeing our region's stars."), (4, 3, None, None, ""),
                  (5, 4, None, None, ""), (3, 3, None, None, "More time for questions."), (4, 4, None, None, ""),
                  (4, 5, None, None, ""))),
    DemoEvent(
        "event:thessaly-sg-2", "Thessaly stakeholder group: skills needs of the cluster", "stakeholder_meeting",
        "organisation:thessaly", D(2025, 11, 12, 10, 0), D(2025, 11, 12, 13, 0), "Europe/Athens",
        "Skills shortages and the training on offer", venue="Volos, Thessaly Industry 4.0 Competence Centre",
        attendees=THESSALY_FIRMS[:4]),
    DemoEvent(
        "event:workshop-nordhessen", "Interregional workshop and study visit in Kassel", "workshop",
        "organisation:nordhessen", D(2025, 10, 7, 9, 0), D(2025, 10, 8, 16, 0), "Europe/Berlin",
        "Smart Industry 4.0 clusters as a tool for the entrepreneurial discovery process and the co-creation of S3",
        "Two days of exchange and a visit to the mechatronics cluster's testbeds.", venue="Kassel",
        attendees=OFFICERS),
    DemoEvent(
        "event:webinar-funding", "Webinar: funding structures of cluster organisations", "webinar",
        "organisation:murcia", D(2026, 2, 10, 10, 0), D(2026, 2, 10, 11, 30), "Europe/Madrid",
        "Short and long-term funding of clusters; aligning services with members' needs",
        online_url="https://meet.example.org/clusters40-webinar-1", attendees=OFFICERS[:5] + THESSALY_FIRMS[:3],
        feedback=((5, 5, 2, 4, "The cost-structure examples."), (4, 4, 3, 4, ""), (4, 5, 2, 3, ""),
                  (5, 4, 3, 3, ""), (4, 4, 3, 4, "Benchmarks of other regions."), (3, 3, 2, 2, ""),
                  (4, 4, 1, 3, ""), (5, 5, 2, 4, ""))),
    DemoEvent(
        "event:brainstorm-thessaly", "Entrepreneurial discovery brainstorm in Larissa", "brainstorm",
        "organisation:thessaly", D(2026, 3, 18, 10, 0), D(2026, 3, 18, 13, 0), "Europe/Athens",
        "Industry 4.0 opportunities for the region's manufacturers", venue="Larissa", attendees=THESSALY_FIRMS),
    DemoEvent(
        "event:check-in-thessaly", "Check-in with the Region of Thessaly", "check_in", "organisation:lead-lt",
        D(2026, 10, 20, 10, 0), D(2026, 10, 20, 11, 0), "Europe/Vilnius", online_url="https://meet.example.org/ci",
        is_published=False, partner_met="organisation:thessaly", attendees=("person:lead-lt", "person:thessaly"),
        issues=(("finance", "The second progress report's staff costs need time sheets for two staff members."),),
        actions=(("Send the missing time sheets", "person:thessaly", dt.date(2026, 12, 15), "open"),)),
    DemoEvent(
        "event:check-in-murcia", "Check-in with the Business Development Agency of the Region of Murcia", "check_in",
        "organisation:lead-lt", D(2026, 7, 1, 10, 0), D(2026, 7, 1, 11, 0), "Europe/Vilnius",
        online_url="https://meet.example.org/ci", is_published=False, partner_met="organisation:murcia",
        attendees=("person:lead-lt", "person:murcia"),
        issues=(("progress", "The peer review's host questionnaire is late."),)),
    DemoEvent(
        "event:peer-review-murcia", "Peer review and study visit in Murcia", "peer_review", "organisation:murcia",
        D(2027, 1, 20, 9, 0), D(2027, 1, 21, 17, 0), "Europe/Madrid",
        "The funding and cost structure of clusters; their value in regional and global value chains",
        "Peers from the partner regions review Murcia's cluster support scheme.", venue="Murcia",
        sessions=(("Murcia's policy challenge", D(2027, 1, 20, 9, 0), D(2027, 1, 20, 10, 30), "Carmen López"),
                  ("Visit: Murcia Agrifood Technology Cluster", D(2027, 1, 20, 11, 0), D(2027, 1, 20, 16, 0),
                   "Javier Sánchez"),
                  ("Peers' recommendations", D(2027, 1, 21, 9, 0), D(2027, 1, 21, 12, 0), "")),
        invited=OFFICERS),
)

STAKEHOLDER_GROUP = {"partner": "organisation:thessaly", "name": "Thessaly Smart Industry stakeholder group",
                     "members": THESSALY_FIRMS + ("person:thessaly-competence",), "joined_on": dt.date(2025, 4, 1)}

BRAINSTORM_THEMES = ("Data from the shop floor", "Skills")
BRAINSTORM_IDEAS = (  # author person key, text, theme number or None, votes per voter key
    ("person:larissa-machining", "A shared testbed for predictive maintenance on CNC machines", 0,
     {"person:volos-packaging": 2, "person:trikala-twins": 2, "person:larissa-machining": 1}),
    ("person:trikala-twins", "Digital twins of packaging lines offered to the cluster's members", 0,
     {"person:tyrnavos-textiles": 1, "person:trikala-twins": 2}),
    ("person:tyrnavos-textiles", "Energy dashboards for textile mills", None, {"person:magnesia-coatings": 3}),
    ("person:magnesia-coatings", "Apprenticeships in industrial data analytics with the competence centre", 1,
     {"person:larissa-machining": 3, "person:tyrnavos-textiles": 2}),
)

COMMUNICATION = {
    "responsible": "organisation:thessaly",
    "objectives": "Make the project, its results and the clusters' offer known to policy makers, cluster managers "
                  "and SMEs in the partner regions, and bring them to the project's events.",
    "target_groups": (("Policy makers", "Managing authorities and regional development agencies"),
                      ("Cluster managers", "Cluster organisations of the partner regions"),
                      ("SMEs", "Manufacturers and technology providers")),
    "channels": (("Website", "The project's pages on the programme website"), ("Newsletter", "Twice a year"),
                 ("Social media", "LinkedIn and X"), ("Press", "Regional and national press")),
    "kpis": ({"name": "Press releases published", "unit": "releases", "target": 8, "measure": "items_published",
              "item_kind": "press_release"},
             {"name": "People reached", "unit": "people", "target": 20000, "measure": "reach"},
             {"name": "Newsletters sent", "unit": "newsletters", "target": 8, "measure": "items_published",
              "item_kind": "newsletter"}),
}
COMMUNICATION_ITEMS = (  # kind, number, title, due semester, responsible key, status, published on, reach, events
    ("branding", 1, "Project logo and visual identity", 1, "organisation:thessaly", "published", dt.date(2025, 4, 1),
     None, ()),
    ("press_release", 1, "Seven regions start work on Smart Industry 4.0 clusters", 1, "organisation:thessaly",
     "published", dt.date(2025, 3, 27), 1200, ("event:kick-off",)),
    ("newsletter", 1, "Newsletter 1: the partnership and its regions", 1, "organisation:thessaly", "published",
     dt.date(2025, 8, 28), 800, ()),
    ("poster", 1, "Project poster", 2, "organisation:thessaly", "published", dt.date(2025, 10, 1), None,
     ("event:workshop-nordhessen",)),
    ("website_update", 1, "Mapping results of the partner regions", 2, "organisation:nordhessen", "published",
     dt.date(2025, 12, 5), 650, ()),
    ("newsletter", 2, "Newsletter 2: funding structures of clusters", 3, "organisation:thessaly", "in_progress",
     None, None, ("event:webinar-funding",)),
    ("press_release", 2, "Peer review in Murcia", 4, "organisation:murcia", "planned", None, None,
     ("event:peer-review-murcia",)),
    ("video", 1, "Video: the clusters of the partnership", 5, "organisation:thessaly", "planned", None, None, ()),
)
