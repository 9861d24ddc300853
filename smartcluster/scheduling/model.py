"""Plain data of the meeting scheduler (problem, schedule) and what both solvers share.

Slots are numbered 1..n_slots straight through all sessions, tables 1..n_tables. Read `smartcluster.scheduling` first.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field

Participant = Hashable
MeetingId = Hashable


@dataclass(frozen=True)
class Meeting:
    """An accepted request between participants `a` and `b` (any hashable ids).

    `allowed_slots` None means every slot; `weight` ≥ 1 is its value when not all fit; `locked_slot` (and
    optionally `locked_table`) pins a confirmed meeting; `after` names meetings that must take place in an
    earlier slot when both are scheduled.
    """

    id: MeetingId
    a: Participant
    b: Participant
    weight: int = 1
    allowed_slots: frozenset[int] | None = None
    locked_slot: int | None = None
    locked_table: int | None = None
    after: tuple[MeetingId, ...] = ()


@dataclass(frozen=True)
class SchedulingProblem:
    """An event to schedule: `n_tables` None means unlimited rooms (online events).

    `participants` adds people without meetings (they count for fairness); `unavailable` maps a participant to
    the slots she cannot attend; `max_meetings` caps everyone, `max_meetings_of` individuals; `fairness` is d,
    the allowed spread of breaks between participants (None: no fairness rule).
    """

    n_slots: int
    n_tables: int | None
    meetings: tuple[Meeting, ...]
    participants: tuple[Participant, ...] = ()
    unavailable: Mapping[Participant, frozenset[int]] = field(default_factory=dict)
    max_meetings: int | None = None
    max_meetings_of: Mapping[Participant, int] = field(default_factory=dict)
    fairness: int | None = 2


@dataclass(frozen=True)
class Placement:
    """Where and when a meeting takes place."""

    slot: int
    table: int


@dataclass
class Schedule:
    """The scheduler's answer; `weight_bound` is a proven upper bound on the scheduled weight.

    `breaks_bound` is a proven lower bound on total breaks among fair schedules of the same weight (exact
    method only, else None); `optimal` means every objective was proven optimal.
    """

    placements: dict[MeetingId, Placement]
    unscheduled: dict[MeetingId, str]
    dropped_locks: dict[MeetingId, str]
    breaks: dict[Participant, int]
    weight: int
    weight_bound: int
    breaks_bound: int | None
    optimal: bool
    method: str
    seconds: float

    @property
    def total_breaks(self) -> int:
        return sum(self.breaks.values())

    @property
    def max_breaks(self) -> int:
        return max(self.breaks.values(), default=0)

    def agenda(self, participant: Participant, problem: SchedulingProblem) -> list[tuple[int, int, MeetingId]]:
        """(slot, table, meeting id) of one participant, by slot."""
        return sorted(
            (p.slot, p.table, m.id)
            for m in problem.meetings
            if participant in (m.a, m.b) and (p := self.placements.get(m.id)) is not None
        )


def breaks_of(slots: Iterable[int]) -> int:
    """Idle breaks of one agenda: runs of idle slots between two consecutive meetings (Bofill et al. 2022)."""
    ordered = sorted(slots)
    return sum(1 for earlier, later in zip(ordered, ordered[1:], strict=False) if later - earlier > 1)


def mask_breaks(mask: int) -> int:
    """Breaks of an agenda given as a bit mask (bit t-1 set = busy in slot t): runs of busy slots minus one."""
    runs = (mask & ~(mask << 1)).bit_count()
    return max(runs - 1, 0)


@dataclass
class Prepared:
    """Index-based view of a checked problem shared by both solvers (meeting i, participant index p)."""

    problem: SchedulingProblem
    participants: list[Participant]
    ends: list[tuple[int, int]]
    allowed: list[tuple[int, ...]]
    reasons: dict[int, str]
    locks: dict[int, int]
    lock_tables: dict[int, int]
    dropped_locks: dict[MeetingId, str]
    cap: list[int]
    before: list[list[int]]  # before[i]: meetings that must take place earlier than i

    @property
    def tables(self) -> int:
        """Meetings per slot: the tables, or everyone paired when rooms are unlimited."""
        n_tables = self.problem.n_tables
        return len(self.participants) // 2 if n_tables is None else n_tables

    def candidates(self) -> list[int]:
        return [i for i in range(len(self.ends)) if i not in self.reasons]


def _check_problem(problem: SchedulingProblem) -> None:
    if problem.n_slots < 1:
        raise ValueError(f"n_slots must be at least 1, got {problem.n_slots}")
    if problem.n_tables is not None and problem.n_tables < 0:
        raise ValueError(f"n_tables must be 0 or more (or None for unlimited), got {problem.n_tables}")
    ids = [m.id for m in problem.meetings]
    if len(set(ids)) != len(ids):
        raise ValueError("meeting ids must be unique")
    known = set(ids)
    for m in problem.meetings:
        if not isinstance(m.weight, int) or m.weight < 1:
            raise ValueError(f"meeting {m.id!r}: weight must be a whole number ≥ 1, got {m.weight!r}")
        slots = set(m.allowed_slots or ()) | ({m.locked_slot} if m.locked_slot is not None else set())
        if any(not 1 <= s <= problem.n_slots for s in slots):
            raise ValueError(f"meeting {m.id!r}: slots must lie in 1..{problem.n_slots}")
        tables = problem.n_tables if problem.n_tables is not None else m.locked_table
        if m.locked_table is not None and (m.locked_slot is None or not 1 <= m.locked_table <= (tables or 0)):
            raise ValueError(f"meeting {m.id!r}: a locked table needs a locked slot and a table in 1..n_tables")
        unknown = [j for j in m.after if j not in known]
        if unknown:
            raise ValueError(f"meeting {m.id!r}: 'after' names unknown meeting(s) {unknown!r}")


def _static_reason(problem: SchedulingProblem, m: Meeting, cap: dict, allowed: tuple[int, ...]) -> str | None:
    if m.a == m.b:
        return "a participant cannot meet herself"
    for side in (m.a, m.b):
        if cap[side] == 0:
            return f"{side} may have no meetings (limit 0)"
    if not allowed:
        return f"no slot where both {m.a} and {m.b} are available within the meeting's allowed slots"
    return None


def prepare(problem: SchedulingProblem) -> Prepared:
    """Check the problem (ValueError naming the fault) and index it; invalid locks are dropped with a reason."""
    _check_problem(problem)
    participants = list(dict.fromkeys([*problem.participants, *(s for m in problem.meetings for s in (m.a, m.b))]))
    index = {p: k for k, p in enumerate(participants)}
    big = len(problem.meetings)
    cap = {p: min(problem.max_meetings_of.get(p, big), problem.max_meetings or big) for p in participants}
    every = set(range(1, problem.n_slots + 1))
    allowed, reasons = [], {}
    for i, m in enumerate(problem.meetings):
        slots = (set(m.allowed_slots) if m.allowed_slots is not None else set(every)) - set(
            problem.unavailable.get(m.a, ())
        ) - set(problem.unavailable.get(m.b, ()))
        allowed.append(tuple(sorted(slots)))
        reason = _static_reason(problem, m, cap, allowed[-1])
        if reason:
            reasons[i] = reason
    by_id = {m.id: i for i, m in enumerate(problem.meetings)}
    prepared = Prepared(
        problem=problem,
        participants=participants,
        ends=[(index[m.a], index[m.b]) for m in problem.meetings],
        allowed=allowed,
        reasons=reasons,
        locks={},
        lock_tables={},
        dropped_locks={},
        cap=[cap[p] for p in participants],
        before=[[by_id[j] for j in m.after] for m in problem.meetings],
    )
    _accept_locks(prepared)
    return prepared


def _lock_conflict(prep: Prepared, i: int, slot: int, used: dict, tables: dict, count: list[int]) -> str | None:
    m = prep.problem.meetings[i]
    if i in prep.reasons:
        return f"the meeting cannot take place at all: {prep.reasons[i]}"
    if slot not in prep.allowed[i]:
        return f"slot {slot} is no longer possible for {m.a} and {m.b}"
    for p in prep.ends[i]:
        if (p, slot) in used:
            return f"{prep.participants[p]} has another locked meeting in slot {slot}"
        if count[p] >= prep.cap[p]:
            return f"{prep.participants[p]} would exceed the maximum number of meetings"
    if sum(1 for s in prep.locks.values() if s == slot) >= prep.tables:
        return f"all tables of slot {slot} are taken by other locked meetings"
    if m.locked_table is not None and m.locked_table in tables.get(slot, {}):
        return f"table {m.locked_table} of slot {slot} is locked for another meeting"
    earlier = [j for j in prep.before[i] if j in prep.locks and prep.locks[j] >= slot]
    if earlier:
        return f"it must come after meeting {prep.problem.meetings[earlier[0]].id!r}, locked at the same time or later"
    return None


def _accept_locks(prep: Prepared) -> None:
    """Keep each lock that is still possible, first come first kept; others are reported and scheduled afresh."""
    used: dict[tuple[int, int], int] = {}
    tables: dict[int, dict[int, int]] = {}
    count = [0] * len(prep.participants)
    for i, m in enumerate(prep.problem.meetings):
        if m.locked_slot is None:
            continue
        reason = _lock_conflict(prep, i, m.locked_slot, used, tables, count)
        if reason:
            prep.dropped_locks[m.id] = reason
            continue
        prep.locks[i] = m.locked_slot
        for p in prep.ends[i]:
            used[(p, m.locked_slot)] = i
            count[p] += 1
        if m.locked_table is not None:
            prep.lock_tables[i] = m.locked_table
            tables.setdefault(m.locked_slot, {})[m.locked_table] = i


def assign_tables(prep: Prepared, slot_of: Mapping[int, int]) -> dict[int, int]:
    """Table per scheduled meeting: locked tables first, then the lowest free numbers, in meeting order."""
    table_of: dict[int, int] = {}
    taken: dict[int, set[int]] = {}
    for i, table in prep.lock_tables.items():
        table_of[i] = table
        taken.setdefault(slot_of[i], set()).add(table)
    for i in sorted(slot_of):
        if i in table_of:
            continue
        used = taken.setdefault(slot_of[i], set())
        table = next(t for t in range(1, len(used) + 2) if t not in used)
        used.add(table)
        table_of[i] = table
    return table_of


@dataclass
class Occupancy:
    """Who is busy when, meetings per participant and per slot, in a finished schedule."""

    busy: set[tuple[int, int]]
    count: list[int]
    load: dict[int, int]

    @classmethod
    def of(cls, prep: Prepared, slot_of: Mapping[int, int]) -> Occupancy:
        occupancy = cls(set(), [0] * len(prep.participants), {})
        for j, slot in slot_of.items():
            for p in prep.ends[j]:
                occupancy.count[p] += 1
                occupancy.busy.add((p, slot))
            occupancy.load[slot] = occupancy.load.get(slot, 0) + 1
        return occupancy


def unscheduled_reason(prep: Prepared, i: int, occupancy: Occupancy) -> str:
    """Why meeting i is left out of a schedule, in words an organiser understands."""
    if i in prep.reasons:
        return prep.reasons[i]
    a, b = prep.ends[i]
    names = prep.participants
    for p in (a, b):
        if occupancy.count[p] >= prep.cap[p]:
            return f"{names[p]} already has the maximum of {prep.cap[p]} meetings"
    a_busy = sum(1 for s in prep.allowed[i] if (a, s) in occupancy.busy)
    b_busy = sum(1 for s in prep.allowed[i] if (b, s) in occupancy.busy)
    full = sum(1 for s in prep.allowed[i] if occupancy.load.get(s, 0) >= prep.tables)
    return (
        f"no free slot: of its {len(prep.allowed[i])} possible slots, {names[a]} is busy in {a_busy}, "
        f"{names[b]} in {b_busy}, and all tables are taken in {full}; fitting it would displace meetings "
        "of equal or higher value"
    )


def schedule_rank(prep: Prepared, slot_of: Mapping[int, int]) -> tuple[int, int, int, int]:
    """The goals in order as one comparable key (larger is better): weight, coverage, −fairness excess, −breaks."""
    agenda: dict[int, list[int]] = {p: [] for p in range(len(prep.participants))}
    for i, slot in slot_of.items():
        for p in prep.ends[i]:
            agenda[p].append(slot)
    breaks = [breaks_of(slots) for slots in agenda.values()] or [0]
    fairness = prep.problem.fairness
    excess = max(max(breaks) - min(breaks) - fairness, 0) if fairness is not None else 0
    weight = sum(prep.problem.meetings[i].weight for i in slot_of)
    return weight, sum(1 for slots in agenda.values() if slots), -excess, -sum(breaks)


def build_schedule(
    prep: Prepared, slot_of: Mapping[int, int], *, weight_bound: int, breaks_bound: int | None,
    optimal: bool, method: str, seconds: float,
) -> Schedule:
    """Assemble the public Schedule from slots by meeting index."""
    meetings = prep.problem.meetings
    tables = assign_tables(prep, slot_of)
    occupancy = Occupancy.of(prep, slot_of)
    agenda: dict[int, list[int]] = {p: [] for p in range(len(prep.participants))}
    for i, slot in slot_of.items():
        for p in prep.ends[i]:
            agenda[p].append(slot)
    return Schedule(
        placements={meetings[i].id: Placement(slot, tables[i]) for i, slot in sorted(slot_of.items())},
        unscheduled={meetings[i].id: unscheduled_reason(prep, i, occupancy) for i in range(len(meetings))
                     if i not in slot_of},
        dropped_locks=dict(prep.dropped_locks),
        breaks={prep.participants[p]: breaks_of(slots) for p, slots in agenda.items()},
        weight=sum(meetings[i].weight for i in slot_of),
        weight_bound=weight_bound,
        breaks_bound=breaks_bound,
        optimal=optimal,
        method=method,
        seconds=seconds,
    )
