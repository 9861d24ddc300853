"""A project idea's text read as a work plan: semesters ("Semester N", also misspelt), their four strands with the
activities as written, the semester's topic, the hosts named, the deliverables recognised in the activities, and
the text's numbering defects (a number given twice, one never given, a misspelt heading), listed, never fixed."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

STRANDS = ("exchange", "communication", "management", "pilot")

# "Semester 1", "Semester 4:", "Semestar 6:" — a semester heading starts a line and holds nothing else.
_SEMESTER = re.compile(r"^\s*(Semest[ae]r)\s+(\d+)\s*:?\s*$", re.IGNORECASE)
# "1.) Exchange of the experience:", "Exchange of the experience:", "2.) Communcation and dissemination:"
_STRAND = re.compile(r"^\s*(?:\d\.\)\s*)?(?P<name>exchange of (?:the )?experience|comm\w*cation and dissemination|"
                     r"management|pilot action)\s*:(?P<rest>.*)$", re.IGNORECASE)
_STRAND_SPELLING = {"exchange": re.compile(r"exchange of (the )?experience", re.IGNORECASE),
                    "communication": re.compile(r"communication and dissemination", re.IGNORECASE),
                    "management": re.compile(r"management", re.IGNORECASE),
                    "pilot": re.compile(r"pilot action", re.IGNORECASE)}
_TOPIC = re.compile(r"^\s*(?:\d\.\)\s*)?(?:topic of the semester\s*\d*|topic)\s*:\s*(?P<topic>.+)$", re.IGNORECASE)
_BULLET = re.compile(r"^\s*·\s*")
_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")  # an anchor left by the word processor's export, not text
_HOST = re.compile(r"hosted by (?:the )?(?P<host>.+?)(?:\s*[,–-]\s*Thematic\b|\s*[,;.]?\s*$)", re.IGNORECASE)
_FOCUS = re.compile(r"Thematic focus on [^:]*:\s*(?P<focus>.+)$", re.IGNORECASE)
_ORDINAL = re.compile(r"^(?:Organi[sz]ation (?:of |a )?)?(?P<n>\d+)(?P<suffix>st|nd|rd|th)\b", re.IGNORECASE)
_NUMBER = r"\s*(?:number|no\.?|nr\.?)?\s*(?P<n>\d+)?"


@dataclass(frozen=True)
class Activity:
    """One activity of a strand as written, with its host and thematic focus where the text names them."""

    semester: int
    strand: str
    position: int
    text: str
    host: str = ""
    focus: str = ""


@dataclass(frozen=True)
class Deliverable:
    """A deliverable recognised in an activity: its series (press_release, stakeholder_meeting, …), the platform's
    deliverable kind, its number in the series where written, and the activity it comes from."""

    semester: int
    strand: str
    series: str
    kind: str
    number: int | None
    title: str
    activity: int  # position of the activity within its strand
    host: str = ""
    action: str = ""  # "developed" or "published" for videos, else empty


@dataclass(frozen=True)
class Defect:
    """A defect of the text left for the project to resolve: what kind, the semesters it concerns, the words."""

    code: str
    semesters: tuple[int, ...]
    message: str


@dataclass
class Strand:
    key: str
    heading: str
    intro: str = ""
    activities: list[Activity] = field(default_factory=list)


@dataclass
class Semester:
    number: int
    heading: str
    topic: str = ""
    strands: dict[str, Strand] = field(default_factory=dict)

    @property
    def activities(self) -> list[Activity]:
        return [activity for key in STRANDS if key in self.strands for activity in self.strands[key].activities]


@dataclass
class WorkPlanTemplate:
    semesters: list[Semester]
    deliverables: list[Deliverable]
    defects: list[Defect]

    def count(self, series: str) -> int:
        """How many deliverables of a series the text names."""
        return sum(1 for deliverable in self.deliverables if deliverable.series == series)


# Series recognised in an activity's text: (series, platform kind, pattern). The first match wins; interregional
# events and workshops count only where the activity IS one (the communication strand's "visualisation of the 1st
# interregional workshop" is support, not another workshop).
_SERIES: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    ("peer_review_event", "event", re.compile(r"^\d+\w*\s+interregional event \(peer review event\)", re.I)),
    ("interregional_workshop", "event", re.compile(r"^\d+\w*\s+interregional workshop", re.I)),
    ("online_b2b", "event", re.compile(r"interregional online b2b matchmaking event", re.I)),
    ("webinar", "event", re.compile(r"\bwebinar\b", re.I)),
    ("kick_off", "meeting", re.compile(r"kick-off meeting", re.I)),
    ("final_conference", "event", re.compile(r"final conference", re.I)),
    ("stakeholder_meeting", "meeting", re.compile(r"stakeholders?(?: groups?)? meeting", re.I)),
    ("steering_committee", "meeting", re.compile(r"steering com+it+e+", re.I)),
    ("good_practice_report", "report", re.compile(r"report on good practices", re.I)),
    ("press_release", "press_release", re.compile(r"press release" + _NUMBER, re.I)),
    ("newsletter", "newsletter", re.compile(r"newsletter" + _NUMBER, re.I)),
    ("video", "video", re.compile(r"video" + _NUMBER, re.I)),
    ("website_update", "website_update", re.compile(r"website", re.I)),
    ("poster", "poster", re.compile(r"\bposter\b", re.I)),
    ("pilot_action", "pilot_action", re.compile(r"pilot action", re.I)),
)
_ORDINAL_SERIES = {"peer_review_event", "interregional_workshop", "online_b2b", "stakeholder_meeting",
                   "steering_committee"}
_SUFFIX = {1: "st", 2: "nd", 3: "rd"}


def _strand_key(name: str) -> str:
    lowered = name.lower()
    if lowered.startswith("exchange"):
        return "exchange"
    if lowered.startswith("comm"):
        return "communication"
    return "management" if lowered.startswith("management") else "pilot"


def _clean(line: str) -> str:
    return " ".join(_BOOKMARK.sub("", _BULLET.sub("", line)).split())


def _activity(semester: int, strand: str, position: int, text: str) -> Activity:
    host = _HOST.search(text)
    focus = _FOCUS.search(text)
    return Activity(semester, strand, position, text, host.group("host").strip() if host else "",
                    focus.group("focus").strip() if focus else "")


def _read_line(semester: Semester, current: Strand | None, line: str) -> Strand | None:
    """Add one line to the semester: a strand heading, the topic, an intro or an activity; the strand read next."""
    heading = _STRAND.match(line)
    if heading:
        current = Strand(_strand_key(heading.group("name")), heading.group("name").strip())
        semester.strands[current.key] = current
        line = heading.group("rest")
    topic = _TOPIC.match(line)
    if topic:
        semester.topic = _clean(topic.group("topic"))
        return current
    text = _clean(line)
    if not text or current is None or text.lower() == "activities:":
        return current
    if text.endswith(":") and not _BULLET.match(line):
        current.intro = text  # "Region of Thessaly (Greece) will be in charge for communication:"
    else:
        current.activities.append(_activity(semester.number, current.key, len(current.activities) + 1, text))
    return current


def semesters_read(text: str) -> list[Semester]:
    """The semesters of the text in their order; what comes before the first semester heading is the idea's
    presentation and is left out."""
    semesters: list[Semester] = []
    current: Strand | None = None
    for line in text.splitlines():
        heading = _SEMESTER.match(line)
        if heading:
            semesters.append(Semester(int(heading.group(2)), line.strip().rstrip(":").strip()))
            current = None
        elif semesters:
            current = _read_line(semesters[-1], current, line)
    return semesters


def _deliverable(activity: Activity) -> Deliverable | None:
    for series, kind, pattern in _SERIES:
        found = pattern.search(activity.text)
        if not found:
            continue
        number: int | None = None
        if series in _ORDINAL_SERIES:
            ordinal = re.search(r"(\d+)(?:st|nd|rd|th)\b", activity.text)
            number = int(ordinal.group(1)) if ordinal else None
        elif "n" in pattern.groupindex and found.group("n"):
            number = int(found.group("n"))
        action = ("published" if "publish" in activity.text.lower() else "developed") if series == "video" else ""
        return Deliverable(activity.semester, activity.strand, series, kind, number, activity.text,
                           activity.position, activity.host, action)
    return None


def deliverables_read(semesters: Iterable[Semester]) -> list[Deliverable]:
    """The deliverables recognised in the activities (at most one per activity; one pilot action a semester)."""
    found: list[Deliverable] = []
    for semester in semesters:
        for activity in semester.activities:
            deliverable = _deliverable(activity)
            if deliverable is None:
                continue
            if deliverable.series == "pilot_action" and any(
                    d.series == "pilot_action" and d.semester == semester.number for d in found):
                continue
            found.append(deliverable)
    return found


def _label(series: str, action: str = "") -> str:
    words = series.replace("_", " ").replace("b2b", "B2B event")
    return f"{words} ({action})" if action else words


def _numbering_defects(deliverables: list[Deliverable]) -> list[Defect]:
    """Per series (videos per action), a number written for two deliverables and a number skipped."""
    numbered: dict[tuple[str, str], dict[int, list[Deliverable]]] = defaultdict(lambda: defaultdict(list))
    for deliverable in deliverables:
        if deliverable.number is not None:
            numbered[(deliverable.series, deliverable.action)][deliverable.number].append(deliverable)
    defects: list[Defect] = []
    for (series, action), by_number in numbered.items():
        for number in range(1, max(by_number) + 1):
            given = by_number.get(number, [])
            if len(given) > 1:
                semesters = tuple(d.semester for d in given)
                texts = "; ".join(f"S{d.semester}: “{d.title}”" for d in given)
                defects.append(Defect("number_twice", semesters,
                                      f"{_label(series, action)} no. {number} is given twice ({texts})."))
            elif not given:
                before = max(d.semester for n, ds in by_number.items() if n < number for d in ds) if number > 1 else 0
                after = min(d.semester for n, ds in by_number.items() if n > number for d in ds)
                semesters = tuple(range(max(before, 1), after + 1))
                defects.append(Defect("number_missing", semesters,
                                      f"{_label(series, action)} no. {number} is never named "
                                      f"(between semester {before or 1} and semester {after})."))
    return defects


def _wording_defects(semesters: list[Semester], deliverables: list[Deliverable]) -> list[Defect]:
    """Misspelt semester and strand headings, misspelt ordinals ("2st") and blanks left to fill ("by____")."""
    defects = [Defect("heading_misspelt", (s.number,), f"“{s.heading}” is written for Semester {s.number}.")
               for s in semesters if not s.heading.lower().startswith("semester")]
    defects += [Defect("heading_misspelt", (s.number,), f"“{strand.heading}” is written for the strand "
                                                        f"{key} of semester {s.number}.")
                for s in semesters for key, strand in s.strands.items()
                if not _STRAND_SPELLING[key].fullmatch(strand.heading)]
    for deliverable in deliverables:
        ordinal = re.search(r"(\d+)(st|nd|rd|th)\b", deliverable.title)
        if deliverable.series in _ORDINAL_SERIES and ordinal:
            number, suffix = int(ordinal.group(1)), ordinal.group(2).lower()
            if suffix != _SUFFIX.get(number if number % 100 not in (11, 12, 13) else 0, "th"):
                defects.append(Defect("ordinal_misspelt", (deliverable.semester,),
                                      f"“{ordinal.group(0)}” in semester {deliverable.semester}: "
                                      f"“{deliverable.title[:120]}”."))
    defects += [Defect("blank_left", (a.semester,), f"A blank is left to fill in semester {a.semester}: "
                                                    f"“{a.text[:160]}”.")
                for s in semesters for a in s.activities if "___" in a.text]
    return defects


def template_read(text: str) -> WorkPlanTemplate:
    """The work plan the text describes, with its defects: numbering ones first, then wording ones."""
    semesters = semesters_read(text)
    deliverables = deliverables_read(semesters)
    return WorkPlanTemplate(semesters, deliverables,
                            _numbering_defects(deliverables) + _wording_defects(semesters, deliverables))


def template_data(template: WorkPlanTemplate) -> dict:
    """The template as JSON-ready data (the packaged copy the platform starts from)."""
    return asdict(template)


def template_from_data(data: dict) -> WorkPlanTemplate:
    """The template back from `template_data`'s output."""
    semesters = [Semester(s["number"], s["heading"], s["topic"], {
        key: Strand(key, strand["heading"], strand["intro"], [Activity(**a) for a in strand["activities"]])
        for key, strand in s["strands"].items()}) for s in data["semesters"]]
    return WorkPlanTemplate(semesters, [Deliverable(**d) for d in data["deliverables"]],
                            [Defect(d["code"], tuple(d["semesters"]), d["message"]) for d in data["defects"]])
