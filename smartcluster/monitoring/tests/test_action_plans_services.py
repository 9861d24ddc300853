"""Action plans through the services: one plan per partner on its policy instrument; an action without players, a
monitoring entry for a future semester, "not implemented" without explanation and an executable disguised as a PDF
are refused naming the field, with nothing saved; the background link follows its kind; the status is derived."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from smartcluster.events.models import ProjectEvent
from smartcluster.learning import services as learning_services
from smartcluster.learning.models import GoodPractice
from smartcluster.monitoring import selectors, services
from smartcluster.monitoring.choices import ActionPlanStatus, ImplementationStatus
from smartcluster.monitoring.models import ActionPlan
from smartcluster.monitoring.tests.world import (
    build_monitoring_world,
    make_action,
    make_action_plan,
    monitoring_dump,
)

pytestmark = pytest.mark.django_db
ACTION = {"title": "Vouchers", "background_kind": "other", "description": "Vouchers for SMEs.",
          "players": "Managing authority", "starts_on": dt.date(2026, 1, 1), "ends_on": dt.date(2027, 6, 30),
          "costs": 100000, "funding": "ERDF"}


def _refused(field: str, call: Any) -> str:
    before = monitoring_dump()
    with pytest.raises(ValidationError) as refusal:
        call()
    assert monitoring_dump() == before
    assert field in refusal.value.message_dict
    return " ".join(refusal.value.message_dict[field])


def test_a_plan_is_made_on_the_partners_policy_instrument_once() -> None:
    mw = build_monitoring_world()
    editor = mw.users["editor_a"]
    plan = services.action_plan_create(user=editor, partner=mw.partner_a, developed_with=[mw.partner_b])
    assert "Sterea Ellada" in plan.title and list(plan.developed_with.all()) == [mw.partner_b]
    assert "already" in _refused("partner", lambda: services.action_plan_create(user=editor, partner=mw.partner_a))


def test_a_partner_without_policy_instrument_is_told_where_to_set_it() -> None:
    mw = build_monitoring_world()
    mw.partner_b.policy_instrument = ""
    mw.partner_b.save()
    message = _refused("partner", lambda: services.action_plan_create(user=mw.users["editor_b"],
                                                                      partner=mw.partner_b))
    assert "policy instrument" in message and "partner" in message


def test_a_plan_is_developed_with_partners_of_the_same_project_only() -> None:
    mw = build_monitoring_world()
    plan = make_action_plan(mw.partner_a)
    _refused("developed_with", lambda: services.action_plan_update(user=mw.users["editor_a"], plan=plan,
                                                                   developed_with=[mw.partner_a]))


def test_an_action_without_players_is_refused_naming_players() -> None:
    mw = build_monitoring_world()
    plan = make_action_plan(mw.partner_a)
    message = _refused("players", lambda: services.action_create(user=mw.users["editor_a"], plan=plan,
                                                                 **{**ACTION, "players": "  "}))
    assert "players" in message


def test_an_action_ending_before_it_starts_or_with_negative_costs_is_refused() -> None:
    mw = build_monitoring_world()
    plan = make_action_plan(mw.partner_a)
    editor = mw.users["editor_a"]
    _refused("ends_on", lambda: services.action_create(user=editor, plan=plan,
                                                       **{**ACTION, "ends_on": dt.date(2025, 1, 1)}))
    _refused("costs", lambda: services.action_create(user=editor, plan=plan, **{**ACTION, "costs": -1}))


def test_the_background_link_follows_its_kind() -> None:
    mw = build_monitoring_world()
    plan = make_action_plan(mw.partner_a)
    editor = mw.users["editor_a"]
    practice = GoodPractice.objects.create(partner=mw.partner_b, title="Murcia vouchers",
                                           organisation_in_charge=mw.world.org_b, description="How it works.")
    _refused("good_practice", lambda: services.action_create(user=editor, plan=plan,
                                                             **{**ACTION, "background_kind": "good_practice"}))
    action = services.action_create(user=editor, plan=plan, **{**ACTION, "background_kind": "good_practice",
                                                               "good_practice": practice})
    assert action.good_practice == practice and action.position == 1
    starts = timezone.now() - dt.timedelta(days=30)
    workshop = ProjectEvent.objects.create(project=mw.project, kind="workshop", title="Workshop", host=mw.partner_a,
                                           starts_at=starts, ends_at=starts + dt.timedelta(hours=2))
    _refused("brainstorm", lambda: services.action_update(user=editor, action=action, background_kind="brainstorm",
                                                          brainstorm=workshop))
    workshop.kind = "brainstorm"
    workshop.save()
    changed = services.action_update(user=editor, action=action, background_kind="brainstorm", brainstorm=workshop)
    assert changed.brainstorm == workshop and changed.good_practice is None


def test_a_monitoring_entry_for_a_future_semester_is_refused_naming_semester() -> None:
    mw = build_monitoring_world()
    action = make_action(make_action_plan(mw.partner_a))
    message = _refused("semester", lambda: services.monitoring_entry_record(
        user=mw.users["editor_a"], action=action, semester=4, status=ImplementationStatus.IN_PROGRESS))
    assert "4" in message
    _refused("semester", lambda: services.monitoring_entry_record(
        user=mw.users["editor_a"], action=action, semester=9, status=ImplementationStatus.IN_PROGRESS))


def test_not_implemented_without_explanation_is_refused_naming_explanation() -> None:
    mw = build_monitoring_world()
    action = make_action(make_action_plan(mw.partner_a))
    _refused("explanation", lambda: services.monitoring_entry_record(
        user=mw.users["editor_a"], action=action, semester=3, status=ImplementationStatus.NOT_IMPLEMENTED))


def test_an_executable_disguised_as_pdf_is_refused_as_evidence() -> None:
    mw = build_monitoring_world()
    action = make_action(make_action_plan(mw.partner_a))
    disguised = SimpleUploadedFile("minutes.pdf", b"MZ\x90\x00" + b"\x00" * 200, content_type="application/pdf")
    message = _refused("evidence_file", lambda: services.monitoring_entry_record(
        user=mw.users["editor_a"], action=action, semester=3, status=ImplementationStatus.IN_PROGRESS,
        evidence_file=disguised))
    assert "minutes.pdf" in message


def test_the_actions_status_is_its_latest_entrys() -> None:
    mw = build_monitoring_world()
    action = make_action(make_action_plan(mw.partner_a))
    assert selectors.action_status(action) == ImplementationStatus.NOT_STARTED
    editor = mw.users["editor_a"]
    services.monitoring_entry_record(user=editor, action=action, semester=2, status=ImplementationStatus.IN_PROGRESS,
                                     what_was_done="Call drafted.", evidence_url="https://example.org/call")
    services.monitoring_entry_record(user=editor, action=action, semester=3, status=ImplementationStatus.DELAYED,
                                     explanation="Budget approval late.")
    assert selectors.action_status(action) == ImplementationStatus.DELAYED
    assert [entry.semester for entry in selectors.monitoring_entry_list(project=mw.project, partner=mw.partner_a)] \
        == [2, 3]
    assert selectors.monitoring_entry_list(project=mw.project, semester=2).get().evidence_url \
        == "https://example.org/call"


def test_adoption_needs_its_day_and_adopter() -> None:
    mw = build_monitoring_world()
    plan = make_action_plan(mw.partner_a)
    editor = mw.users["editor_a"]
    _refused("adopted_by", lambda: services.action_plan_adopt(user=editor, plan=plan, adopted_on=dt.date(2026, 5, 1),
                                                              adopted_by=""))
    adopted = services.action_plan_adopt(user=editor, plan=plan, adopted_on=dt.date(2026, 5, 1),
                                         adopted_by="Regional council", implementation_started_on=dt.date(2026, 6, 1))
    assert adopted.status == ActionPlanStatus.ADOPTED


def test_the_loaders_are_idempotent_and_date_past_entries() -> None:
    mw = build_monitoring_world()
    for _ in range(2):
        plan = services.action_plan_load(partner=mw.partner_a, title="Sterea Ellada plan", is_published=True,
                                         developed_with=[mw.partner_b])
        action = services.action_load(plan=plan, position=1, **ACTION)
        recorded = timezone.now() - dt.timedelta(days=200)
        entry = services.monitoring_entry_load(action=action, semester=2, status="in_progress",
                                               what_was_done="Call drafted.", recorded_at=recorded)
    assert ActionPlan.objects.count() == 1 and plan.actions.count() == 1
    entry.refresh_from_db()
    assert entry.recorded_at == recorded
    with pytest.raises(ValidationError):
        services.monitoring_entry_load(action=action, semester=5, status="in_progress")


def test_an_action_draws_only_on_a_recommendation_its_partner_accepted_as_host() -> None:
    mw = build_monitoring_world()
    plan = make_action_plan(mw.partner_a)
    starts = timezone.now() - dt.timedelta(days=60)
    event = ProjectEvent.objects.create(project=mw.project, kind="peer_review", title="Peer review in Lamia",
                                        host=mw.partner_a, starts_at=starts, ends_at=starts + dt.timedelta(days=1))
    review = learning_services.peer_review_load(event=event, policy_challenge="Digital skills.")
    peer = learning_services.peer_review_participant_load(peer_review=review, organisation=mw.world.org_b,
                                                          role="peer", country="ES")
    open_one = learning_services.recommendation_load(peer_review=review, author=peer, text="Train managers.")
    accepted = learning_services.recommendation_load(peer_review=review, author=peer, text="Fund vouchers.",
                                                     response="accepted", response_reason="Fits the programme.")
    fields = {**ACTION, "background_kind": "recommendation"}
    editor = mw.users["editor_a"]
    _refused("recommendation", lambda: services.action_create(user=editor, plan=plan, recommendation=open_one,
                                                              **fields))
    assert services.action_create(user=editor, plan=plan, recommendation=accepted, **fields).recommendation \
        == accepted
    assert list(selectors.background_choices(user=editor, plan=plan)["recommendation"]) == [accepted]
