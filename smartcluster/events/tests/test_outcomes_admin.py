"""Outcomes admin pages open for a superuser; votes are read only there; the demo's trusted loaders write each record
once (loading twice changes nothing) and keep the vote budget."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from smartcluster.events import services
from smartcluster.events.models import BrainstormVote, CheckInIssue, Decision, FollowUpAction
from smartcluster.events.tests.outcomes_world import lead_world, make_event, outcomes_dump, partner_b
from smartcluster.organisations.tests.factories import make_user

pytestmark = pytest.mark.django_db


def _load(world, check_in, brainstorm) -> None:
    decision = services.decision_load(event=check_in, number=1, text="Adopt the reporting calendar")
    issue = services.check_in_issue_load(event=check_in, topic="finance", text="First claim late")
    services.action_load(event=check_in, title="Send the claim", owner=world.person_a, due_on=dt.date(2026, 4, 1),
                         issue=issue)
    theme = services.brainstorm_theme_load(event=brainstorm, title="Skills")
    idea = services.brainstorm_idea_load(event=brainstorm, author=world.users["editor_a"], text="Academy",
                                         theme=theme)
    services.brainstorm_vote_load(idea=idea, voter=world.users["editor_a"], votes=2)
    assert decision.number == 1


def test_loaders_write_once_and_keep_the_budget() -> None:
    world = lead_world()
    check_in = make_event(world, kind="check_in", partner_met=partner_b(world))
    brainstorm = make_event(world, kind="brainstorm", votes_per_participant=2)
    _load(world, check_in, brainstorm)
    loaded = outcomes_dump()
    _load(world, check_in, brainstorm)
    assert outcomes_dump() == loaded
    assert (Decision.objects.count(), CheckInIssue.objects.count(), FollowUpAction.objects.count()) == (1, 1, 1)
    with pytest.raises(ValidationError):
        services.brainstorm_vote_load(idea=brainstorm.ideas.get(), voter=world.users["editor_a"], votes=3)
    assert BrainstormVote.objects.count() == 2


def test_admin_pages_open_and_votes_cannot_be_typed_in() -> None:
    world = lead_world()
    check_in = make_event(world, kind="check_in", partner_met=partner_b(world))
    brainstorm = make_event(world, kind="brainstorm", votes_per_participant=2)
    _load(world, check_in, brainstorm)
    client = Client()
    client.force_login(make_user("root", is_staff=True, is_superuser=True))
    for name in ("decision", "followupaction", "checkinissue", "brainstormtheme", "brainstormidea", "brainstormvote",
                 "projectlifesettings"):
        assert client.get(reverse(f"admin:events_{name}_changelist")).status_code == 200, name
    issue = CheckInIssue.objects.get()
    assert "Send the claim" in client.get(reverse("admin:events_checkinissue_change", args=[issue.pk])).content.decode()
    assert client.get(reverse("admin:events_brainstormvote_add")).status_code == 403
