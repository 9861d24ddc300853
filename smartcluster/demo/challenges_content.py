"""The demo partnership's open innovation challenges, the project idea's joint pilot action ("an Open Innovation
Challenge … where entrepreneurs, researchers, and specialist teams compete … to solve a defined problem in the
industry"): NordHessen's development agency posts, for its mechatronics cluster, a challenge on predictive
maintenance for small plants whose results are published (ten teams of the partner regions, five jurors, one with a
declared conflict and one whose organisation has a team, three sent scores per eligible submission, a lenient and a
harsh juror so that the calibrated ranking differs from the raw one, awards and feedback); Murcia's agency has a
challenge open now with two draft answers; PORA drafts a third brief. Every text, score and figure is invented
sample content."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from smartcluster.challenges.choices import AwardPlace, Eligibility, SubmissionStatus
from smartcluster.demo.content import DemoPerson


@dataclass(frozen=True)
class DemoChallenge:
    key: str
    organiser: str  # organisation key (a partner's development agency)
    on_behalf_of: str  # organisation key of a cluster organisation
    created_by: str  # person key: an editor of the organiser
    title: str
    problem: str
    context: str
    expected_outcome: str
    eligibility: str
    eligible_regions: tuple[str, ...]  # NUTS 2021 codes
    time_zone: str
    timeline: tuple[dt.timedelta, dt.timedelta, dt.timedelta, dt.timedelta]  # opens, deadline, evaluation, results
    prizes: str
    ip_terms: str
    confidentiality: str
    criteria: tuple[tuple[str, str, str | None, str], ...]  # (name, weight, threshold, description), tie-break order
    published: bool = True
    calibration_min_scores: int = 5


@dataclass(frozen=True)
class DemoTeam:
    key: str
    challenge: str
    name: str
    organisation: str  # organisation key of the applying organisation
    lead: str  # person key (a demo account)
    title: str
    summary: str
    solution: str
    expected_impact: str = ""
    implementation: str = ""
    status: str = SubmissionStatus.SUBMITTED
    eligibility: str = Eligibility.ELIGIBLE
    eligibility_reason: str = ""
    invited: tuple[str, ...] = ()  # e-mail addresses of members invited, not yet accepted


@dataclass(frozen=True)
class DemoJuror:
    key: str
    challenge: str
    person: str  # person key: the juror's account and organisation


@dataclass(frozen=True)
class DemoAssignment:
    juror: str  # juror key
    team: str  # team key
    scores: tuple[str, str, str]  # per criterion, in the criteria's order
    comment: str  # the overall comment the team reads


NOW_OPEN_DAYS = 21  # the open challenge's deadline, days after the demo's "today"

PREDICTIVE = "challenge:predictive-maintenance"
ENERGY = "challenge:energy-monitoring"
CIRCULAR = "challenge:circular-offcuts"

CRITERIA = (
    ("Impact", "40", "3", "Downtime and cost avoided in the pilot plants; how many SMEs of the region could use it."),
    ("Excellence", "35", None, "Soundness of the sensing and the model; how early and how reliably it warns."),
    ("Implementation", "25", None, "Team, cost of the kit for a small plant, plan for a three-month pilot."),
)

CHALLENGES = (
    DemoChallenge(
        PREDICTIVE, "organisation:nordhessen", "organisation:cluster-nordhessen", "person:nordhessen",
        "Predictive maintenance for small machine parks",
        "The cluster's small machine builders and their customers lose up to a tenth of their output to "
        "unplanned stops of ageing machines that have no sensors, and cannot afford the condition-monitoring "
        "systems large plants buy.",
        "Open innovation challenge of the CLUSTERS 4.0 partnership's joint pilot action: entrepreneurs, researchers "
        "and specialist teams of the partner regions compete to solve a problem the Mechatronics Cluster NordHessen "
        "defined with its members. Three member plants host the pilots.",
        "A retrofit sensor kit under 5,000 EUR per machine and a model that warns of a failure at least a week "
        "ahead, demonstrated on one line of a member plant.",
        "Firms, research organisations and teams of the partner regions; a team applies through one organisation.",
        ("EL61", "ES62", "DE7", "IE0", "HR063", "LT01", "HU22"), "Europe/Berlin",
        (dt.timedelta(days=-150), dt.timedelta(days=-90), dt.timedelta(days=-60), dt.timedelta(days=-45)),
        "Winner: a paid three-month pilot (30,000 EUR) in a member plant; second and third: 10,000 and 5,000 EUR "
        "and mentoring by the cluster's engineers.",
        "Each team keeps the intellectual property of its solution; the host plant may use the pilot's results "
        "free of charge.",
        "Jurors and the organiser keep the submissions confidential; only titles, teams and places are published.",
        CRITERIA),
    DemoChallenge(
        ENERGY, "organisation:murcia", "organisation:cluster-murcia", "person:murcia",
        "Energy and water monitoring for agrifood SMEs",
        "Small food processors of the Murcia cluster pay rising energy and water bills without knowing which line "
        "or machine uses what.",
        "Second challenge of the joint pilot action, defined with the Murcia Agrifood Technology Cluster.",
        "Low-cost metering of energy and water per line, with a dashboard that names the three cheapest savings.",
        "Firms and research organisations of the partner regions.", ("ES62", "EL61", "DE7", "LT01"),
        "Europe/Madrid",
        (dt.timedelta(days=-14), dt.timedelta(days=NOW_OPEN_DAYS), dt.timedelta(days=NOW_OPEN_DAYS + 30),
         dt.timedelta(days=NOW_OPEN_DAYS + 45)),
        "A pilot in two member plants (20,000 EUR).", "Each team keeps its intellectual property.",
        "Submissions are read by the organiser and the assigned jurors only.",
        (("Savings", "50", "3", "Energy and water saved per euro spent."),
         ("Ease of use", "30", None, "Installed and read by the plant's own staff."),
         ("Team", "20", None, "Capacity to run the pilot."))),
    DemoChallenge(
        CIRCULAR, "organisation:pora", "organisation:cluster-pora", "person:pora",
        "Circular uses for metal and oak offcuts",
        "The county's metalworkers and furniture makers throw away tonnes of steel and oak offcuts every month.",
        "", "Products or processes that turn the offcuts into income, tested with two member firms.",
        "", (), "Europe/Zagreb",
        (dt.timedelta(days=30), dt.timedelta(days=90), dt.timedelta(days=120), dt.timedelta(days=130)),
        "", "", "",
        (("Circularity", "50", None, ""), ("Market", "30", None, ""), ("Feasibility", "20", None, "")),
        published=False),
)

# Team leads of organisations the other demo modules give no account: new sample people (an account each).
LEADS = (
    DemoPerson("person:challenge-competence", "Petros Lazarou", "organisation:thessaly-competence",
               "Research engineer, predictive maintenance", "p.lazarou@example.org"),
    DemoPerson("person:challenge-fulda", "Lena Vogel", "organisation:fulda-sensors", "Product manager",
               "l.vogel@example.org"),
    DemoPerson("person:challenge-vilnius", "Eglė Petraitytė", "organisation:vilnius-machine-vision", "Chief engineer",
               "e.petraityte@example.org"),
    DemoPerson("person:challenge-koprivnica", "Luka Novak", "organisation:koprivnica-metalworks",
               "Maintenance manager", "l.novak@example.org"),
)

TEAMS = (
    DemoTeam("team:pm-twinguard", PREDICTIVE, "TwinGuard", "organisation:trikala-twins", "person:trikala-twins",
             "TwinGuard: a digital twin that hears bearings fail",
             "Clip-on vibration and current sensors feed a digital twin of each machine; the twin compares the "
             "machine with its healthy self and warns ten days ahead on average.",
             "Kit of four sensors and an edge box (3,800 EUR per machine); models trained on the host plant's own "
             "first month of data; alerts in the maintenance team's chat.",
             expected_impact="Two fewer unplanned stops a month per line in the pilot plant; the kit pays back "
                             "within a year.",
             implementation="Trikala Digital Twins' data scientists with a maintenance technician of the host "
                            "plant; three months.",
             invited=("k.mavridis@example.org",)),
    DemoTeam("team:pm-vibesense", PREDICTIVE, "Fulda VibeSense", "organisation:fulda-sensors",
             "person:challenge-fulda", "VibeSense retrofit kit for machines without a controller",
             "Battery-powered vibration and temperature sensors with a wear model per machine family.",
             "Magnet-mounted sensors, a gateway and a cloud model; 2,900 EUR per machine.",
             expected_impact="A week's warning of bearing and gearbox failures on machines without a controller.",
             implementation="Two engineers of Fulda Sensor Systems; sensors installed in a day, model tuned in the "
                            "first month."),
    DemoTeam("team:pm-cobot-care", PREDICTIVE, "Kassel Cobot Care", "organisation:kassel-mechatronics",
             "person:kassel-mechatronics", "Cobot Care: the robot that checks the machines",
             "A collaborative robot tours the shop floor at night with an acoustic camera and a thermal sensor.",
             "One robot serves twenty machines; rented to small plants by the month.",
             expected_impact="Night-time inspections of twenty machines without stopping production.",
             implementation="Kassel Mechatronics' cobot team; the robot is programmed for the host plant in two "
                            "weeks."),
    DemoTeam("team:pm-competence", PREDICTIVE, "CC4.0 Maintenance Lab", "organisation:thessaly-competence",
             "person:challenge-competence", "Open predictive-maintenance toolkit for SMEs",
             "Open-source models and a training course so that a plant's own technicians run the monitoring.",
             "Sensors bought off the shelf; the competence centre's testbed trains the technicians.",
             expected_impact="Technicians of small plants able to run predictive maintenance themselves.",
             implementation="Three researchers of the competence centre; a two-day course and a month of coaching."),
    DemoTeam("team:pm-pumpwatch", PREDICTIVE, "Murcia PumpWatch", "organisation:murcia-sensors",
             "person:murcia-sensors", "PumpWatch: pump and motor health from the power line",
             "Current sensors on the supply of each motor detect wear without touching the machine.",
             "Installed in the electrical cabinet in an hour; 1,500 EUR per motor.",
             expected_impact="Failures of pumps and motors announced before they stop a line.",
             implementation="Murcia Agrotech Sensors' field engineers; one day of installation per plant."),
    DemoTeam("team:pm-visionwear", PREDICTIVE, "VisionWear", "organisation:vilnius-machine-vision",
             "person:challenge-vilnius", "VisionWear: cameras that see tools wear",
             "Machine-vision cameras measure tool and belt wear on every cycle.",
             "A camera per machine and a shared model; 4,500 EUR per machine.",
             expected_impact="Tool changes when needed rather than by the calendar; fewer scrapped parts.",
             implementation="Vilnius Machine Vision's engineers; cameras fitted in a week, model trained in a "
                            "month."),
    DemoTeam("team:pm-spindle", PREDICTIVE, "Larissa Spindle Health", "organisation:larissa-machining",
             "person:larissa-machining", "Spindle health from the CNC controller's own data",
             "Reads the spindle load the CNC controllers already record and flags drifts.",
             "Software only, for controllers of the last fifteen years.",
             expected_impact="Spindle failures foreseen on machines already in use.",
             implementation="Larissa Precision Machining's own engineers with a software contractor."),
    DemoTeam("team:pm-podravina", PREDICTIVE, "Podravina Predict", "organisation:koprivnica-metalworks",
             "person:challenge-koprivnica", "Maintenance logbook with failure forecasts",
             "A tablet logbook for technicians whose entries feed a simple failure forecast.",
             "Tablets and an app; forecasts improve as the logbook fills.",
             expected_impact="A record of every repair and a first forecast of the next ones.",
             implementation="Koprivnica Metalworks' maintenance team; tablets handed out in a week."),
    DemoTeam("team:pm-agribot", PREDICTIVE, "AgriBot Uptime", "organisation:thessaly-agrirobotics",
             "person:thessaly-agrirobotics", "Field-robot diagnostics adapted to workshop machines",
             "The diagnostics of the team's field robots, moved to the workshop's drives and gearboxes.",
             "Sensors of the field robots, a new model for indoor machines.",
             expected_impact="Fewer gearbox failures in workshops, using proven field diagnostics.",
             implementation="Thessaly Agri-Robotics' two engineers; the model adapted in two months."),
    DemoTeam("team:pm-line-listener", PREDICTIVE, "Volos Line Listener", "organisation:volos-packaging",
             "person:volos-packaging", "A study of maintenance needs in packaging lines",
             "A six-month study of the stops of our can lines, to define what to monitor later.",
             "Interviews and stop records; no kit in this phase.",
             expected_impact="A list of what to monitor on can lines.",
             implementation="Volos Metal Packaging's operations manager and a consultant; six months.",
             eligibility=Eligibility.INELIGIBLE,
             eligibility_reason="The brief asks for a solution demonstrated on a line; this is a study."),
    DemoTeam("team:em-irrigation", ENERGY, "Murcia FlowMeter", "organisation:murcia-sensors", "person:murcia-sensors",
             "Clamp-on meters for water and energy per line",
             "The irrigation sensors of Murcia Agrotech, moved into food plants.",
             "To be completed.", status=SubmissionStatus.DRAFT, eligibility=Eligibility.PENDING),
    DemoTeam("team:em-karditsa", ENERGY, "Karditsa Dairy Savers", "organisation:karditsa-food", "person:karditsa-food",
             "Energy dashboard for dairy lines",
             "The automation of our dairy lines already measures most of what a dashboard needs.",
             "", status=SubmissionStatus.DRAFT, eligibility=Eligibility.PENDING),
)

JURORS = (
    DemoJuror("juror:pm-alexiou", PREDICTIVE, "person:thessaly-competence"),  # her centre has a team: conflict
    DemoJuror("juror:pm-byrne", PREDICTIVE, "person:cluster-wsx"),  # declares a conflict with Kassel Mechatronics
    DemoJuror("juror:pm-nagy", PREDICTIVE, "person:cluster-pannon"),  # scores high
    DemoJuror("juror:pm-sanchez", PREDICTIVE, "person:cluster-murcia"),  # scores low
    DemoJuror("juror:pm-kazlauskas", PREDICTIVE, "person:cluster-lt"),
)
JUROR_LOGIN = "person:cluster-wsx"  # the README names this juror's account (demo-cluster-wsx)

CONFLICTS = (
    ("juror:pm-byrne", "team:pm-cobot-care",
     "Kassel Mechatronics is a partner firm of our apprenticeship exchange with NordHessen; I advise it."),
)

_GOOD, _FAIR, _WEAK = ("A convincing pilot plan with figures from a real plant.",
                       "Sound idea; the plan for the pilot needs more detail.",
                       "The warning horizon is not shown; the kit's cost is unclear.")

# Three sent scores per eligible submission (Impact, Excellence, Implementation, 0–5). Nagy scores about one point
# above the others and Sánchez one below: the median of three hides part of it, the additive model removes it.
ASSIGNMENTS = (
    DemoAssignment("juror:pm-alexiou", "team:pm-twinguard", ("4.5", "4.5", "4"), _GOOD),
    DemoAssignment("juror:pm-nagy", "team:pm-twinguard", ("5", "5", "5"), _GOOD),
    DemoAssignment("juror:pm-kazlauskas", "team:pm-twinguard", ("4.5", "4", "4"), _GOOD),
    DemoAssignment("juror:pm-byrne", "team:pm-vibesense", ("4", "4", "4"), _GOOD),
    DemoAssignment("juror:pm-sanchez", "team:pm-vibesense", ("3", "2.5", "2.5"), _FAIR),
    DemoAssignment("juror:pm-kazlauskas", "team:pm-vibesense", ("4", "3.5", "4"), _GOOD),
    DemoAssignment("juror:pm-alexiou", "team:pm-cobot-care", ("4", "3.5", "3.5"), _FAIR),
    DemoAssignment("juror:pm-nagy", "team:pm-cobot-care", ("5", "4.5", "4.5"), _GOOD),
    DemoAssignment("juror:pm-sanchez", "team:pm-cobot-care", ("3", "2.5", "2.5"), _FAIR),
    DemoAssignment("juror:pm-byrne", "team:pm-competence", ("4", "3.5", "3"), _FAIR),
    DemoAssignment("juror:pm-nagy", "team:pm-competence", ("4.5", "4.5", "4.5"), _GOOD),
    DemoAssignment("juror:pm-kazlauskas", "team:pm-competence", ("4", "3.5", "3"), _FAIR),
    DemoAssignment("juror:pm-alexiou", "team:pm-pumpwatch", ("4", "3", "3"), _FAIR),
    DemoAssignment("juror:pm-sanchez", "team:pm-pumpwatch", ("2.5", "2", "2"), _WEAK),
    DemoAssignment("juror:pm-kazlauskas", "team:pm-pumpwatch", ("3.5", "3", "3"), _FAIR),
    DemoAssignment("juror:pm-byrne", "team:pm-visionwear", ("4", "4", "3.5"), _GOOD),
    DemoAssignment("juror:pm-nagy", "team:pm-visionwear", ("5", "4.5", "4.5"), _GOOD),
    DemoAssignment("juror:pm-sanchez", "team:pm-visionwear", ("2.5", "2.5", "2.5"), _WEAK),
    DemoAssignment("juror:pm-alexiou", "team:pm-spindle", ("3", "3", "3"), _FAIR),
    DemoAssignment("juror:pm-byrne", "team:pm-spindle", ("3.5", "3", "3"), _FAIR),
    DemoAssignment("juror:pm-kazlauskas", "team:pm-spindle", ("3.5", "2.5", "2.5"), _FAIR),
    DemoAssignment("juror:pm-alexiou", "team:pm-podravina", ("3", "2.5", "2.5"), _WEAK),
    DemoAssignment("juror:pm-nagy", "team:pm-podravina", ("3.5", "4", "3.5"), _FAIR),
    DemoAssignment("juror:pm-sanchez", "team:pm-podravina", ("2", "1.5", "1.5"), _WEAK),
    DemoAssignment("juror:pm-byrne", "team:pm-agribot", ("3", "3", "2.5"), _WEAK),
    DemoAssignment("juror:pm-sanchez", "team:pm-agribot", ("1.5", "1", "1.5"), _WEAK),
    DemoAssignment("juror:pm-kazlauskas", "team:pm-agribot", ("2.5", "2.5", "2"), _WEAK),
)

# The places the organiser confirmed, from the calibrated ranking (the raw one puts VisionWear second).
AWARDS = (
    ("team:pm-twinguard", AwardPlace.WINNER, "Paid three-month pilot (30,000 EUR)"),
    ("team:pm-vibesense", AwardPlace.SECOND, "10,000 EUR and mentoring"),
    ("team:pm-cobot-care", AwardPlace.THIRD, "5,000 EUR and mentoring"),
)
