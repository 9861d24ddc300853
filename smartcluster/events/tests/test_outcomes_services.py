"""Outcomes services and selectors: minutes, decisions, actions (owner notified, done needs its date), check-in
status at 92/93 days, brainstorm budget and ranking, and the event report."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from smartcluster.events import selectors, services
from smartcluster.events.models import BrainstormIdea, BrainstormVote, FollowUpAction, ProjectLifeSettings
from smartcluster.events.tests.outcomes_world import (
    lead_world,
    make_event,
    outcomes_dump,
    partner_b,
    person_with_user,
    register,
)
from smartcluster.notifications.models import Notification

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 6, 1)


def test_host_editor_numbers_decisions_in_order_and_others_are_refused() -> None:
    world = lead_world()
    event = make_event(world)
    first = services.decision_add(user=world.users["editor_a"], event=event, text="Approve the budget")
    second = services.decision_add(user=world.users["editor_a"], event=event, text="Next meeting in Thessaly")
    assert (first.number, second.number) == (1, 2)
    before = outcomes_dump()
    with pytest.raises(PermissionDenied):
        services.decision_add(user=world.users["editor_b"], event=event, text="Hijack")
    with pytest.raises(ValidationError) as error:
        services.decision_add(user=world.users["editor_a"], event=event, text="Again", number=2)
    assert "number" in error.value.message_dict
    assert outcomes_dump() == before


def test_minutes_written_by_the_host_only() -> None:
    world = lead_world()
    event = make_event(world)
    services.event_minutes_set(user=world.users["editor_a"], event=event, minutes="  All present.  ")
    event.refresh_from_db()
    assert event.minutes == "All present."
    with pytest.raises(PermissionDenied):
        services.event_minutes_set(user=world.users["viewer"], event=event, minutes="x")


def test_action_owner_is_notified_and_done_requires_its_date() -> None:
    world = lead_world()
    event = make_event(world)
    owner = person_with_user("Bea Brown", organisation=world.org_b)
    action = services.action_create(user=world.users["editor_a"], event=event, title="Send the timesheets",
                                    owner=owner, due_on=dt.date(2026, 4, 1))
    notification = Notification.objects.get(user=owner.user)
    assert "Send the timesheets" in notification.subject and notification.kind == services.ACTION_ASSIGNED
    with pytest.raises(ValidationError) as error:
        services.action_status_set(user=owner.user, action=action, status="done")
    assert "done_on" in error.value.message_dict
    assert FollowUpAction.objects.get(pk=action.pk).status == "open"
    services.action_status_set(user=owner.user, action=action, status="done", done_on=dt.date(2026, 3, 30))
    assert FollowUpAction.objects.get(pk=action.pk).done_on == dt.date(2026, 3, 30)
    with pytest.raises(PermissionDenied):
        services.action_status_set(user=world.users["editor_b"], action=action, status="open")


def test_my_open_actions_span_events_and_leave_out_done_ones_and_others() -> None:
    world = lead_world()
    me = person_with_user("Bea Brown")
    other = person_with_user("Carl Cole")
    first, second = make_event(world), make_event(world, kind="workshop")
    mine = services.action_create(user=world.users["editor_a"], event=first, title="A", owner=me, due_on=TODAY)
    services.action_create(user=world.users["editor_a"], event=second, title="B", owner=me, due_on=TODAY)
    services.action_create(user=world.users["editor_a"], event=second, title="C", owner=other, due_on=TODAY)
    services.action_status_set(user=me.user, action=mine, status="done", done_on=TODAY)
    assert [a.title for a in selectors.action_mine_list(user=me.user)] == ["B"]


def test_overview_counts_open_and_late_actions_for_partner_editors_only() -> None:
    world = lead_world()
    event = make_event(world)
    owner = person_with_user("Bea Brown")
    for title, due in (("late", TODAY - dt.timedelta(days=1)), ("due today", TODAY), ("later", TODAY.replace(day=9))):
        services.action_create(user=world.users["editor_a"], event=event, title=title, owner=owner, due_on=due)
    overview = selectors.action_overview(user=world.users["editor_b"], project=world.project, today=TODAY)
    assert (overview.open_count, overview.late_count) == (3, 1)
    with pytest.raises(PermissionDenied):
        selectors.action_overview(user=world.users["viewer"], project=world.project, today=TODAY)


def _check_in(world, days_ago: int) -> None:
    starts = timezone.make_aware(dt.datetime.combine(TODAY - dt.timedelta(days=days_ago), dt.time(23, 30)),
                                 dt.timezone(dt.timedelta(hours=3)))
    make_event(world, kind="check_in", starts=starts, partner_met=partner_b(world), time_zone="Europe/Athens")


@pytest.mark.parametrize(("days_ago", "overdue"), [(92, False), (93, True)])
def test_check_in_warning_after_the_default_interval_of_92_days(days_ago: int, overdue: bool) -> None:
    world = lead_world()
    _check_in(world, days_ago)
    [status] = selectors.check_in_status_list(user=world.users["editor_a"], project=world.project, today=TODAY)
    assert status.days_since == days_ago and status.is_overdue is overdue


def test_check_in_interval_from_the_project_settings_and_never_met_partners_warned() -> None:
    world = lead_world()
    [never] = selectors.check_in_status_list(user=world.users["editor_a"], project=world.project, today=TODAY)
    assert never.last_on is None and never.is_overdue
    ProjectLifeSettings.objects.create(project=world.project, check_in_interval_days=60)
    _check_in(world, 61)
    [status] = selectors.check_in_status_list(user=world.users["editor_a"], project=world.project, today=TODAY)
    assert status.interval_days == 60 and status.is_overdue


def test_only_the_lead_partner_sees_check_in_status_and_a_later_check_in_does_not_count() -> None:
    world = lead_world()
    _check_in(world, -5)
    [status] = selectors.check_in_status_list(user=world.users["editor_a"], project=world.project, today=TODAY)
    assert status.last_on is None
    with pytest.raises(PermissionDenied):
        selectors.check_in_status_list(user=world.users["editor_b"], project=world.project, today=TODAY)


def test_check_in_issues_only_at_check_ins_with_follow_ups() -> None:
    world = lead_world()
    check_in = make_event(world, kind="check_in", partner_met=partner_b(world))
    issue = services.check_in_issue_add(user=world.users["editor_a"], event=check_in, topic="finance",
                                        text="Late payment claim")
    services.action_create(user=world.users["editor_a"], event=check_in, issue=issue, title="Send the claim",
                           owner=world.person_a, due_on=TODAY)
    with pytest.raises(ValidationError):
        services.check_in_issue_add(user=world.users["editor_a"], event=make_event(world), topic="admin", text="x")
    services.check_in_issue_add(user=world.users["editor_a"], event=check_in, topic="admin", text="Closed one")
    closed = check_in.issues.get(text="Closed one")
    services.action_load(event=check_in, issue=closed, title="Done", owner=world.person_a, due_on=TODAY,
                         status="done", done_on=TODAY)
    [listed, _closed] = selectors.check_in_issue_list(user=world.users["editor_a"], event=check_in).order_by("pk")
    assert [a.title for a in listed.follow_ups.all()] == ["Send the claim"]
    [status] = selectors.check_in_status_list(user=world.users["editor_a"], project=world.project, today=TODAY)
    assert [i.text for i in status.issues] == ["Late payment claim"]
    assert not selectors.check_in_issue_list(user=world.users["editor_b"], event=check_in).exists()


def _brainstorm(world, budget: int = 3):
    event = make_event(world, kind="brainstorm", votes_per_participant=budget)
    voter = person_with_user("Vera Vote")
    register(event, voter)
    return event, voter.user


def test_nobody_votes_beyond_the_budget() -> None:
    world = lead_world()
    event, voter = _brainstorm(world, budget=3)
    idea = services.brainstorm_idea_add(user=voter, event=event, text="Shared testbed")
    for _vote in range(3):
        services.brainstorm_vote_cast(user=voter, idea=idea)
    with pytest.raises(ValidationError) as error:
        services.brainstorm_vote_cast(user=voter, idea=idea)
    assert "idea" in error.value.message_dict
    assert BrainstormVote.objects.filter(voter=voter).count() == 3
    services.brainstorm_vote_withdraw(user=voter, idea=idea)
    services.brainstorm_vote_cast(user=voter, idea=idea)
    assert BrainstormVote.objects.filter(voter=voter).count() == 3


def test_declined_people_and_outsiders_neither_post_nor_vote() -> None:
    world = lead_world()
    event, voter = _brainstorm(world)
    idea = services.brainstorm_idea_add(user=world.users["editor_a"], event=event, text="Host's idea")
    declined = person_with_user("Dan Declined")
    register(event, declined, status="declined")
    before = outcomes_dump()
    for user in (declined.user, world.users["editor_b"]):
        with pytest.raises(PermissionDenied):
            services.brainstorm_vote_cast(user=user, idea=idea)
        with pytest.raises(PermissionDenied):
            services.brainstorm_idea_add(user=user, event=event, text="x")
    assert outcomes_dump() == before


def test_result_ranks_by_votes_then_earliest_post_and_themes_by_their_ideas_votes() -> None:
    world = lead_world()
    event, voter = _brainstorm(world, budget=5)
    host = world.users["editor_a"]
    first = services.brainstorm_idea_add(user=voter, event=event, text="First posted")
    second = services.brainstorm_idea_add(user=voter, event=event, text="Second posted")
    third = services.brainstorm_idea_add(user=voter, event=event, text="Third posted")
    BrainstormIdea.objects.filter(pk=second.pk).update(created_at=first.created_at + dt.timedelta(seconds=1))
    BrainstormIdea.objects.filter(pk=third.pk).update(created_at=first.created_at + dt.timedelta(seconds=2))
    for idea in (third, third, second, first):
        services.brainstorm_vote_cast(user=voter, idea=idea)
    energy = services.brainstorm_theme_add(user=host, event=event, title="Energy")
    skills = services.brainstorm_theme_add(user=host, event=event, title="Skills")
    services.brainstorm_idea_theme_set(user=host, idea=first, theme=skills)
    services.brainstorm_idea_theme_set(user=host, idea=second, theme=energy)
    result = selectors.brainstorm_result(event=event)
    assert [(i.rank, i.text, i.votes) for i in result.ideas] == [
        (1, "Third posted", 2), (2, "First posted", 1), (3, "Second posted", 1)]
    assert [t.title for t in result.themes] == ["Skills", "Energy"]  # 1 vote each: Skills has the earliest idea
    assert (result.votes, result.voters) == (4, 1)


def test_event_report_reads_the_records() -> None:
    world = lead_world()
    event = make_event(world)
    came = person_with_user("Ana Came", organisation=world.org_b)
    register(event, came, attended=True, partner=partner_b(world))
    register(event, person_with_user("Bob Absent"))
    services.decision_add(user=world.users["editor_a"], event=event, text="Adopt the plan")
    report = selectors.event_report(event=event)
    assert [r.person.name for r in report.participants] == ["Ana Came"]
    assert report.attendance.by_helix == [("Government", 1)]
    assert [d.text for d in report.decisions] == ["Adopt the plan"]


def test_owners_are_reminded_once_of_actions_due_soon_or_late() -> None:
    world = lead_world()
    event = make_event(world)
    me = person_with_user("Bea Brown")
    for title, due in (("late", TODAY - dt.timedelta(days=5)), ("soon", TODAY + dt.timedelta(days=3)),
                       ("later", TODAY + dt.timedelta(days=4))):
        services.action_load(event=event, title=title, owner=me, due_on=due)
    services.action_load(event=event, title="finished", owner=me, due_on=TODAY, status="done", done_on=TODAY)
    assert services.action_reminders_send(today=TODAY) == 2
    assert services.action_reminders_send(today=TODAY) == 0
    subjects = sorted(Notification.objects.filter(user=me.user, kind=services.ACTION_REMINDER)
                      .values_list("subject", flat=True))
    assert subjects == ["Action due soon: soon", "Late action: late"]
    FollowUpAction.objects.filter(title="late").update(due_on=TODAY + dt.timedelta(days=1))
    assert services.action_reminders_send(today=TODAY) == 1  # a new due date is reminded again


def test_the_reminder_command_reports_what_it_sent() -> None:
    world = lead_world()
    services.action_load(event=make_event(world), title="late", owner=person_with_user("Bea Brown"),
                         due_on=dt.date(2020, 1, 1))
    output = io.StringIO()
    call_command("events_remind_actions", stdout=output)
    assert output.getvalue().strip() == "1 action reminder(s) sent"
