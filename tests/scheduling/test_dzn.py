"""The MiniZinc instance reader, on the real files read in place and on hand-made text."""

from __future__ import annotations

from pathlib import Path

import pytest

from smartcluster.scheduling.dzn import DznError, instance_problem, parse_dzn, read_dzn, session_slots


@pytest.fixture(scope="module")
def instances(shared_data: Path) -> Path:
    return shared_data / "b2b-meeting-scheduling"


def test_forum_14_is_read_with_its_real_counts(instances: Path) -> None:
    instance = read_dzn(instances / "forum-14.original.dzn")
    assert (instance.n_business, instance.n_meetings, instance.n_tables) == (78, 302, 22)
    assert (instance.n_total_slots, instance.n_morning_slots) == (22, 12)
    assert len(instance.requested) == 302 and instance.requested[0] == (1, 38, 3)
    assert instance.forbidden[:5] == (frozenset(), frozenset({8, 9}), frozenset({16, 17, 18}),
                                      frozenset(range(15, 21)), frozenset({1, 9}))
    assert sum(1 for f in instance.forbidden if f) == 34
    assert instance.n_meetings_business[:3] == (13, 8, 6)


def test_every_real_file_is_consistent_with_its_own_counts(instances: Path) -> None:
    files = sorted(instances.glob("*.dzn"))
    assert len(files) == 20
    for path in files:
        instance = read_dzn(path)
        per_participant = [0] * instance.n_business
        for a, b, _ in instance.requested:
            per_participant[a - 1] += 1
            per_participant[b - 1] += 1
        assert tuple(per_participant) == instance.n_meetings_business, path.name
        # meetingsxBusiness lists meeting index + 1 (plus a 1 in every set): same meetings as `requested`.
        for p, listed in enumerate(instance.meetings_x_business, start=1):
            own = {k + 1 for k, (a, b, _) in enumerate(instance.requested, start=1) if p in (a, b)}
            assert listed - {1} == own, (path.name, p)
        assert not any(instance.fixed) and not any(instance.precedences), path.name


def test_sessions_become_allowed_slots_and_forbidden_slots_unavailability(instances: Path) -> None:
    instance = read_dzn(instances / "forum-13.original.dzn")
    assert session_slots(instance, 1) == frozenset(range(1, 14))
    assert session_slots(instance, 2) == frozenset(range(14, 22))
    assert session_slots(instance, 3) == frozenset(range(1, 22))
    problem = instance_problem(instance)
    first = problem.meetings[0]
    assert (first.id, first.a, first.b, first.allowed_slots) == (1, 1, 2, frozenset(range(1, 14)))
    assert problem.meetings[9].allowed_slots == frozenset(range(14, 22))  # row 10: "6, 26, 2" (afternoon)
    assert problem.unavailable[3] == frozenset({17})
    assert problem.participants == tuple(range(1, 71)) and problem.fairness == 2


HAND_MADE = """
% a comment
nBusiness = 3;
nMeetings = 2;
nTables = 1;
nTotalSlots = 4;
nMorningSlots = 2;
requested = [|1, 2, 3, |2, 3, 1|];
nMeetingsBusiness = [1, 2, 1];
forbidden = [{0}, {0, 4}, {0}];
fixed = [3, 0];
precedences = [{}, {1}];
"""


def test_fixed_meetings_and_precedences_reach_the_problem() -> None:
    instance = parse_dzn(HAND_MADE, name="hand")
    assert instance.fixed == (3, 0) and instance.precedences == (frozenset(), frozenset({1}))
    problem = instance_problem(instance)
    assert problem.meetings[0].allowed_slots == frozenset({3})
    assert problem.meetings[1].allowed_slots == frozenset({1, 2}) and problem.meetings[1].after == (1,)
    assert problem.unavailable == {2: frozenset({4})}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (HAND_MADE.replace("nTables = 1;", ""), "missing field.*nTables"),
        (HAND_MADE.replace("|2, 3, 1|", "|2, 3, 7|"), "row 2 has session 7"),
        (HAND_MADE.replace("|2, 3, 1|", "|2, 9, 1|"), "row 2 names participants 2, 9"),
        (HAND_MADE.replace("nMeetings = 2;", "nMeetings = 5;"), "nMeetings = 5 but 2 requested rows"),
        (HAND_MADE.replace("{0, 4}", "{0, 8}"), "slot 8 outside 1..nTotalSlots = 4"),
    ],
)
def test_malformed_file_is_refused_with_a_message_naming_the_fault(text: str, message: str) -> None:
    with pytest.raises(DznError, match=message):
        parse_dzn(text, name="hand")
