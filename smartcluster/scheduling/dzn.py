"""Reader of the MiniZinc data files (`.dzn`) of the B2B meeting scheduling benchmark.

Reference: Bofill, Coll, Garcia, Giráldez-Cru, Pesant, Suy, Villaret, "Constraint solving approaches to the
business-to-business meeting scheduling problem", JAIR 74 (2022) 263–301; files as distributed in
`kieuvantuyen01/Business-Meeting-Scheduling-Problem` (`data_table03_origin/`).

Everything stays numbered as in the file: participants 1..nBusiness, meetings 1..nMeetings (row order of
`requested`), slots 1..nTotalSlots (slots 1..nMorningSlots are the morning session).

Example::

    instance = read_dzn(Path("forum-14.original.dzn"))
    problem = instance_problem(instance, fairness=2)   # a scheduling.SchedulingProblem
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from smartcluster.scheduling.model import Meeting, SchedulingProblem

MORNING, AFTERNOON, EITHER = 1, 2, 3
_ASSIGNMENT = re.compile(r"^\s*(\w+)\s*=\s*(.*?);", re.S | re.M)
_COMMENT = re.compile(r"%[^\n]*")


class DznError(ValueError):
    """A `.dzn` file that lacks a field or holds a value out of range."""


@dataclass(frozen=True)
class DznInstance:
    """One benchmark instance, numbered as in its file (see the module docstring)."""

    name: str
    n_business: int
    n_meetings: int
    n_tables: int
    n_total_slots: int
    n_morning_slots: int
    requested: tuple[tuple[int, int, int], ...]  # (participant, participant, session 1/2/3)
    n_meetings_business: tuple[int, ...]
    forbidden: tuple[frozenset[int], ...]  # per participant; the file's placeholder 0 removed
    fixed: tuple[int, ...]  # per meeting: its slot, or 0 when not fixed
    precedences: tuple[frozenset[int], ...]  # per meeting: meetings that must take place in an earlier slot
    meetings_x_business: tuple[frozenset[int], ...]  # per participant: as in the file (meeting index + 1, and 1)


def _ints(text: str) -> list[int]:
    return [int(token) for token in re.findall(r"-?\d+", text)]


def _sets(text: str) -> list[frozenset[int]]:
    return [frozenset(_ints(body)) for body in re.findall(r"\{([^}]*)\}", text)]


def _rows(text: str, width: int) -> list[tuple[int, ...]]:
    numbers = _ints(text)
    if len(numbers) % width:
        raise DznError(f"a 2-D array expects rows of {width} numbers, got {len(numbers)} numbers")
    return [tuple(numbers[i : i + width]) for i in range(0, len(numbers), width)]


def parse_dzn(text: str, *, name: str = "") -> DznInstance:
    """Parse the text of one `.dzn` file; missing optional arrays (fixed, precedences, forbidden) mean none."""
    fields = dict(_ASSIGNMENT.findall(_COMMENT.sub("", text)))
    missing = [key for key in ("nBusiness", "nMeetings", "nTables", "nTotalSlots", "requested") if key not in fields]
    if missing:
        raise DznError(f"{name or 'dzn'}: missing field(s) {', '.join(missing)}")
    n_business = int(fields["nBusiness"])
    n_meetings = int(fields["nMeetings"])
    n_slots = int(fields["nTotalSlots"])
    requested = [(a, b, s) for a, b, s in _rows(fields["requested"], 3)]
    forbidden = [s - {0} for s in _sets(fields.get("forbidden", ""))]
    # Some files list forbidden sets for the first participants only; the rest have none.
    forbidden += [frozenset()] * (n_business - len(forbidden))
    fixed = _ints(fields.get("fixed", ""))
    fixed = (fixed + [0] * n_meetings)[:n_meetings]
    precedences = _sets(fields.get("precedences", ""))
    precedences = (precedences + [frozenset()] * n_meetings)[:n_meetings]
    instance = DznInstance(
        name=name,
        n_business=n_business,
        n_meetings=n_meetings,
        n_tables=int(fields["nTables"]),
        n_total_slots=n_slots,
        n_morning_slots=int(fields.get("nMorningSlots", n_slots)),
        requested=tuple(requested),
        n_meetings_business=tuple(_ints(fields.get("nMeetingsBusiness", ""))),
        forbidden=tuple(forbidden[:n_business]),
        fixed=tuple(fixed),
        precedences=tuple(precedences),
        meetings_x_business=tuple(_sets(fields.get("meetingsxBusiness", ""))),
    )
    _check(instance)
    return instance


def _check(instance: DznInstance) -> None:
    where = instance.name or "dzn"
    if len(instance.requested) != instance.n_meetings:
        raise DznError(f"{where}: nMeetings = {instance.n_meetings} but {len(instance.requested)} requested rows")
    for row, (a, b, session) in enumerate(instance.requested, start=1):
        if not (1 <= a <= instance.n_business and 1 <= b <= instance.n_business) or a == b:
            raise DznError(f"{where}: requested row {row} names participants {a}, {b} outside 1..nBusiness")
        if session not in (MORNING, AFTERNOON, EITHER):
            raise DznError(f"{where}: requested row {row} has session {session}, expected 1, 2 or 3")
    bad = [s for f in instance.forbidden for s in f if not 1 <= s <= instance.n_total_slots]
    bad += [s for s in instance.fixed if not 0 <= s <= instance.n_total_slots]
    if bad:
        raise DznError(f"{where}: slot {bad[0]} outside 1..nTotalSlots = {instance.n_total_slots}")


def read_dzn(path: Path) -> DznInstance:
    """Read and check one `.dzn` file."""
    return parse_dzn(Path(path).read_text(encoding="utf-8"), name=Path(path).name)


def session_slots(instance: DznInstance, session: int) -> frozenset[int]:
    """Slots of a session: 1 morning (1..nMorningSlots), 2 afternoon (the rest), 3 either."""
    morning = range(1, instance.n_morning_slots + 1)
    afternoon = range(instance.n_morning_slots + 1, instance.n_total_slots + 1)
    return frozenset({MORNING: morning, AFTERNOON: afternoon}.get(session, range(1, instance.n_total_slots + 1)))


def instance_problem(instance: DznInstance, *, fairness: int | None = 2) -> SchedulingProblem:
    """The scheduler's problem for an instance: meeting ids 1..nMeetings, participants 1..nBusiness."""
    meetings = []
    for index, (a, b, session) in enumerate(instance.requested, start=1):
        fixed_slot = instance.fixed[index - 1]
        allowed = frozenset({fixed_slot}) if fixed_slot else session_slots(instance, session)
        meetings.append(
            Meeting(id=index, a=a, b=b, allowed_slots=allowed, after=tuple(sorted(instance.precedences[index - 1])))
        )
    unavailable = {p: s for p, s in enumerate(instance.forbidden, start=1) if s}
    return SchedulingProblem(
        n_slots=instance.n_total_slots,
        n_tables=instance.n_tables,
        meetings=tuple(meetings),
        participants=tuple(range(1, instance.n_business + 1)),
        unavailable=unavailable,
        fairness=fairness,
    )
