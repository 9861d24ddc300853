"""Fast scheduling for big events: greedy placement, ejection repair, break-reducing moves, and a proven bound.

The greedy places locked meetings, then meetings that give someone her first meeting, then the rest (heavier
first, then those of participants with few requests), each into the free slot that adds the fewest breaks.
Repair moves one or two blocking meetings elsewhere to fit a left-out meeting; then single-meeting moves cut
breaks. The bound is the maximum-weight b-matching (each participant at most min(limit, her usable slots)
meetings, at most slots × tables in all), solved as a MIP by HiGHS: no schedule can exceed it.
"""

from __future__ import annotations

import math
import time

import numpy as np
from scipy.sparse import csr_array

from smartcluster.scheduling.model import Prepared, mask_breaks


def _bits(mask: int) -> list[int]:
    """Slots (1-based) of the set bits of a mask."""
    slots = []
    while mask:
        low = mask & -mask
        slots.append(low.bit_length())
        mask ^= low
    return slots


class PlacementState:
    """A partial schedule with the bookkeeping that makes feasibility checks bit operations."""

    def __init__(self, prep: Prepared) -> None:
        self.prep = prep
        n_participants = len(prep.participants)
        self.slot_of: dict[int, int] = {}
        self.busy = [0] * n_participants
        self.count = [0] * n_participants
        self.occupant: list[dict[int, int]] = [{} for _ in range(n_participants)]
        self.load = [0] * (prep.problem.n_slots + 1)
        self.members: list[set[int]] = [set() for _ in range(prep.problem.n_slots + 1)]
        self.full = 0
        self.allowed_mask = [sum(1 << (s - 1) for s in slots) for slots in prep.allowed]
        self.later: list[list[int]] = [[] for _ in prep.ends]
        for i, earlier in enumerate(prep.before):
            for j in earlier:
                self.later[j].append(i)
        self.fairness = prep.problem.fairness

    def place(self, i: int, slot: int) -> None:
        self.slot_of[i] = slot
        for p in self.prep.ends[i]:
            self.busy[p] |= 1 << (slot - 1)
            self.count[p] += 1
            self.occupant[p][slot] = i
        self.load[slot] += 1
        self.members[slot].add(i)
        if self.load[slot] >= self.prep.tables:
            self.full |= 1 << (slot - 1)

    def remove(self, i: int) -> int:
        slot = self.slot_of.pop(i)
        for p in self.prep.ends[i]:
            self.busy[p] &= ~(1 << (slot - 1))
            self.count[p] -= 1
            del self.occupant[p][slot]
        self.load[slot] -= 1
        self.members[slot].discard(i)
        self.full &= ~(1 << (slot - 1))
        return slot

    def window(self, i: int) -> int:
        """Mask of slots allowed by precedences with meetings already placed."""
        low = max((self.slot_of[j] for j in self.prep.before[i] if j in self.slot_of), default=0)
        high = min((self.slot_of[k] for k in self.later[i] if k in self.slot_of), default=self.prep.problem.n_slots + 1)
        return ((1 << (high - 1)) - 1) & ~((1 << low) - 1) if high > low else 0

    def free_slots(self, i: int) -> int:
        """Mask of slots where meeting i fits now (limits included)."""
        a, b = self.prep.ends[i]
        if self.count[a] >= self.prep.cap[a] or self.count[b] >= self.prep.cap[b]:
            return 0
        return self.allowed_mask[i] & ~self.busy[a] & ~self.busy[b] & ~self.full & self.window(i)

    def cost(self, i: int, slot: int) -> tuple[int, int]:
        """(breaks above the fairness limit d, breaks added) for the two sides if i went to slot."""
        bit, over, added = 1 << (slot - 1), 0, 0
        for p in self.prep.ends[i]:
            before, after = mask_breaks(self.busy[p]), mask_breaks(self.busy[p] | bit)
            added += after - before
            if self.fairness is not None:
                over += max(after - self.fairness, 0)
        return over, added

    def best_slot(self, i: int, mask: int, *, compact: bool, current: int = 0) -> int | None:
        slots = _bits(mask)
        if not slots:
            return None
        if not compact:
            return slots[0]
        return min(slots, key=lambda s: (*self.cost(i, s), s != current, s))


def _priority(prep: Prepared, order: list[int]) -> list[int]:
    degree = [0] * len(prep.participants)
    for i in order:
        for p in prep.ends[i]:
            degree[p] += 1
    weights = [m.weight for m in prep.problem.meetings]
    depth = _precedence_depth(prep)
    return sorted(order, key=lambda i: (depth[i], -weights[i], min(degree[p] for p in prep.ends[i]), i))


def _precedence_depth(prep: Prepared) -> list[int]:
    """Longest chain of meetings that must come earlier, so that predecessors are placed first."""
    depth: dict[int, int] = {}

    def of(i: int, seen: frozenset[int]) -> int:
        if i not in depth:
            depth[i] = 1 + max((of(j, seen | {i}) for j in prep.before[i] if j not in seen), default=-1)
        return depth[i]

    return [of(i, frozenset()) for i in range(len(prep.ends))]


def greedy_state(prep: Prepared, *, first_come: bool = False) -> PlacementState:
    """Locks, then meetings in priority order (or, for the first-come baseline, input order at the earliest slot)."""
    state = PlacementState(prep)
    for i, slot in prep.locks.items():
        state.place(i, slot)
    rest = [i for i in prep.candidates() if i not in prep.locks]
    if first_come:
        passes = [rest]
    else:
        rest = _priority(prep, rest)
        passes = [rest, rest]
    for number, order in enumerate(passes):
        for i in order:
            if i in state.slot_of:
                continue
            a, b = prep.ends[i]
            if number == 0 and not first_come and state.count[a] and state.count[b]:
                continue  # first pass: only meetings that give someone her first meeting
            slot = state.best_slot(i, state.free_slots(i), compact=not first_come)
            if slot is not None:
                state.place(i, slot)
    return state


def _relocate(state: PlacementState, k: int, avoid: int) -> bool:
    """Move meeting k to another free slot (never `avoid`); False, unchanged, when impossible."""
    if k in state.prep.locks:
        return False
    origin = state.remove(k)
    mask = state.free_slots(k) & ~(1 << (avoid - 1)) & ~(1 << (origin - 1))
    slot = state.best_slot(k, mask, compact=True)
    state.place(k, origin if slot is None else slot)
    return slot is not None


def _try_insert(state: PlacementState, i: int) -> bool:
    """Fit meeting i by moving at most one blocker per side (and one meeting to free a table)."""
    a, b = state.prep.ends[i]
    if state.count[a] >= state.prep.cap[a] or state.count[b] >= state.prep.cap[b]:
        return False
    for slot in _bits(state.allowed_mask[i] & state.window(i)):
        moved: list[tuple[int, int]] = []
        blockers = {state.occupant[p].get(slot) for p in (a, b)} - {None}
        ok = True
        for k in blockers:
            origin = state.slot_of[k]
            if not _relocate(state, k, slot):
                ok = False
                break
            moved.append((k, origin))
        if ok and state.load[slot] >= state.prep.tables:
            ok = _free_a_table(state, slot, moved)
        if ok and state.free_slots(i) & (1 << (slot - 1)):
            state.place(i, slot)
            return True
        for k, origin in reversed(moved):
            state.remove(k)
            state.place(k, origin)
    return False


def _free_a_table(state: PlacementState, slot: int, moved: list[tuple[int, int]]) -> bool:
    """Move one meeting out of a full slot into a slot with a free table; record the move."""
    everywhere = (1 << state.prep.problem.n_slots) - 1
    if not everywhere & ~state.full:
        return False  # every table of every slot is taken: nothing can make room
    for k in list(state.members[slot]):
        if _relocate(state, k, slot):
            moved.append((k, slot))
            return True
    return False


def repair(state: PlacementState, deadline: float) -> None:
    """Insert left-out meetings by ejection moves until none fits or time is up."""
    if state.full == (1 << state.prep.problem.n_slots) - 1:
        return  # every table of every slot is taken
    left = [i for i in _priority(state.prep, state.prep.candidates()) if i not in state.slot_of]
    progress = True
    while progress and time.monotonic() < deadline:
        progress = False
        for i in left:
            if i not in state.slot_of and time.monotonic() < deadline and _try_insert(state, i):
                progress = True
        left = [i for i in left if i not in state.slot_of]


def reduce_breaks(state: PlacementState, deadline: float) -> None:
    """Move single meetings to slots that cut their two sides' breaks, until no move helps or time is up."""
    improved = True
    while improved and time.monotonic() < deadline:
        improved = False
        for i in list(state.slot_of):
            if i in state.prep.locks or time.monotonic() >= deadline:
                continue
            origin = state.slot_of[i]
            before = _pair_cost(state, i)
            state.remove(i)
            slot = state.best_slot(i, state.free_slots(i), compact=True, current=origin)
            state.place(i, slot)
            if slot != origin and _pair_cost(state, i) < before:
                improved = True
            elif slot != origin:
                state.remove(i)
                state.place(i, origin)


def _pair_cost(state: PlacementState, i: int) -> tuple[int, int]:
    breaks = [mask_breaks(state.busy[p]) for p in state.prep.ends[i]]
    fairness = state.fairness
    return (sum(max(b - fairness, 0) for b in breaks) if fairness is not None else 0, sum(breaks))


def weight_bound(prep: Prepared) -> int:
    """Proven upper bound on the scheduled weight: the LP relaxation of a maximum-weight b-matching.

    Each participant has at most min(limit, her usable slots) meetings and all meetings fit into
    slots × tables; any schedule satisfies both, so the LP optimum (rounded down) bounds every schedule.
    """
    candidates = prep.candidates()
    if not candidates:
        return 0
    usable: list[set[int]] = [set() for _ in prep.participants]
    rows, cols = [], []
    for col, i in enumerate(candidates):
        for p in prep.ends[i]:
            usable[p].update(prep.allowed[i])
            rows.append(p)
            cols.append(col)
    n_participants = len(prep.participants)
    rows += [n_participants] * len(candidates)
    cols += list(range(len(candidates)))
    matrix = csr_array((np.ones(len(rows)), (rows, cols)), shape=(n_participants + 1, len(candidates)))
    upper = [min(prep.cap[p], len(usable[p])) for p in range(n_participants)]
    upper.append(prep.problem.n_slots * prep.tables)
    weights = np.array([prep.problem.meetings[i].weight for i in candidates], dtype=float)
    from scipy.optimize import linprog  # here: importing scipy.optimize costs web processes a quarter second

    result = linprog(-weights, A_ub=matrix, b_ub=np.array(upper, dtype=float), bounds=(0, 1), method="highs")
    best = -result.fun if result.status == 0 else float(weights.sum())
    return min(math.floor(best + 1e-6), int(weights.sum()))


def solve_large(prep: Prepared, *, time_limit: float) -> dict[int, int]:
    """Slots by meeting index from greedy + repair + break moves, within time_limit seconds."""
    start = time.monotonic()
    state = greedy_state(prep)
    repair(state, start + time_limit * 0.6)
    reduce_breaks(state, start + time_limit)
    return dict(state.slot_of)
