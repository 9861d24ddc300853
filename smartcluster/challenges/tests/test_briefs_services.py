"""Briefs services: drafts, criteria, publication, the change log of a published brief with the teams notified,
the deadline and criteria locks, cancellation, attachments checked by content, the trusted loader and regional
eligibility."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from smartcluster.challenges import selectors, services
from smartcluster.challenges.choices import ChallengePhase
from smartcluster.challenges.models import Challenge, ChallengeAttachment, ChallengeChange
from smartcluster.challenges.tests.world import (
    ChallengeWorld,
    build_challenge_world,
    challenges_dump,
    make_challenge,
    make_solver,
    make_team,
)
from smartcluster.notifications.models import Notification
from smartcluster.organisations.models import Organisation
from smartcluster.regions.models import Region

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64
CRITERIA = [("Impact", 50, 3, "Who gains"), ("Feasibility", 50)]


@pytest.fixture
def cw() -> ChallengeWorld:
    return build_challenge_world()


def _timeline(opens_in_days: int = 1, deadline_in_days: int = 20) -> dict[str, Any]:
    now = timezone.now()
    return {"opens_at": now + timedelta(days=opens_in_days), "deadline_at": now + timedelta(days=deadline_in_days),
            "evaluation_ends_at": now + timedelta(days=deadline_in_days + 10),
            "results_at": now + timedelta(days=deadline_in_days + 20)}


def _draft(cw: ChallengeWorld, **fields: Any) -> Challenge:
    return services.challenge_create(
        user=cw.users["editor_a"], organiser=cw.world.org_a, title="Green hydrogen storage",
        problem="Storage is costly.", expected_outcome="A pilot tank.", criteria=CRITERIA,
        **{**_timeline(), **fields})


def test_a_created_challenge_is_a_draft_with_its_criteria_in_tie_break_order(cw: ChallengeWorld) -> None:
    challenge = _draft(cw)
    assert selectors.challenge_phase(challenge) == ChallengePhase.DRAFT
    criteria = list(challenge.criteria.values_list("position", "name", "weight", "threshold"))
    assert criteria == [(1, "Impact", Decimal("50"), Decimal("3")), (2, "Feasibility", Decimal("50"), None)]


def test_an_editor_of_another_organisation_may_not_create_for_a(cw: ChallengeWorld) -> None:
    before = challenges_dump()
    with pytest.raises(PermissionDenied):
        services.challenge_create(user=cw.users["editor_b"], organiser=cw.world.org_a, title="X", problem="P",
                                  expected_outcome="O", criteria=CRITERIA, **_timeline())
    assert challenges_dump() == before


def test_on_behalf_of_must_be_a_cluster_organisation(cw: ChallengeWorld) -> None:
    with pytest.raises(ValidationError) as refused:
        _draft(cw, on_behalf_of=cw.world.org_b)
    assert "on_behalf_of" in refused.value.message_dict
    assert _draft(cw, on_behalf_of=cw.world.candidate).on_behalf_of == cw.world.candidate


def test_a_timeline_out_of_order_is_refused_naming_the_field(cw: ChallengeWorld) -> None:
    timeline = _timeline()
    with pytest.raises(ValidationError) as refused:
        _draft(cw, results_at=timeline["deadline_at"] + timedelta(days=1))
    assert "results_at" in refused.value.message_dict


@pytest.mark.parametrize(("criteria", "problem"), [
    ([("Impact", 0)], "above zero"), ([], "at least one"), ([("Impact", 10), ("impact", 10)], "twice"),
    ([("Impact", "ten")], "not a number")])
def test_bad_criteria_are_refused(cw: ChallengeWorld, criteria: list, problem: str) -> None:
    challenge = _draft(cw)
    before = challenges_dump()
    with pytest.raises(ValidationError) as refused:
        services.challenge_criteria_set(user=cw.users["editor_a"], challenge=challenge, criteria=criteria)
    assert problem in " ".join(refused.value.message_dict["criteria"])
    assert challenges_dump() == before


def test_publication_needs_criteria_and_a_deadline_ahead_and_happens_once(cw: ChallengeWorld) -> None:
    editor = cw.users["editor_a"]
    bare = services.challenge_create(user=editor, organiser=cw.world.org_a, title="Bare", problem="P",
                                     expected_outcome="O", **_timeline())
    with pytest.raises(ValidationError, match="criterion"):
        services.challenge_publish(user=editor, challenge=bare)
    late, _ = make_challenge(cw.world.org_a, title="Late", published=False, opens_in_days=-30, deadline_in_days=-1)
    with pytest.raises(ValidationError, match="deadline"):
        services.challenge_publish(user=editor, challenge=late)
    challenge = services.challenge_publish(user=editor, challenge=_draft(cw))
    assert selectors.challenge_phase(challenge) == ChallengePhase.ANNOUNCED
    with pytest.raises(ValidationError, match="already"):
        services.challenge_publish(user=editor, challenge=challenge)


def test_changes_of_a_published_brief_are_logged_and_the_teams_notified(cw: ChallengeWorld) -> None:
    solver = make_solver("solver", "Sensor Works")
    make_team(cw.challenge, solver, Organisation.objects.get(name="Sensor Works"))
    new_deadline = cw.challenge.deadline_at + timedelta(days=5)
    services.challenge_update(user=cw.users["editor_a"], challenge=cw.challenge, title="Predictive maintenance",
                              deadline_at=new_deadline)
    changes = {change.field: change for change in selectors.challenge_change_list(challenge=cw.challenge)}
    assert set(changes) == {"title", "deadline_at"}
    assert changes["title"].before == "Predictive maintenance for small plants"
    assert changes["title"].after == "Predictive maintenance"
    assert changes["title"].changed_by == cw.users["editor_a"]
    notice = Notification.objects.get(user=solver, kind=services.BRIEF_CHANGED)
    assert "Predictive maintenance" in notice.subject


def test_a_draft_is_edited_without_a_log(cw: ChallengeWorld) -> None:
    challenge = _draft(cw)
    services.challenge_update(user=cw.users["editor_a"], challenge=challenge, title="Renamed")
    assert not ChallengeChange.objects.filter(challenge=challenge).exists()


def test_an_open_challenge_deadline_may_not_move_before_now(cw: ChallengeWorld) -> None:
    before = challenges_dump()
    with pytest.raises(ValidationError) as refused:
        services.challenge_update(user=cw.users["editor_a"], challenge=cw.challenge,
                                  deadline_at=timezone.now() - timedelta(hours=1))
    assert "deadline_at" in refused.value.message_dict
    assert challenges_dump() == before


def test_criteria_are_locked_once_a_team_submitted(cw: ChallengeWorld) -> None:
    solver = make_solver("solver", "Sensor Works")
    make_team(cw.challenge, solver, Organisation.objects.get(name="Sensor Works"), submitted=False)
    services.challenge_criteria_set(user=cw.users["editor_a"], challenge=cw.challenge,
                                    criteria=[("Impact", 50), ("Excellence", 50)])
    assert ChallengeChange.objects.filter(challenge=cw.challenge, field="criteria").count() == 1
    other = make_solver("other", "Other Works")
    make_team(cw.challenge, other, Organisation.objects.get(name="Other Works"))
    before = challenges_dump()
    with pytest.raises(ValidationError, match="locked"):
        services.challenge_criteria_set(user=cw.users["editor_a"], challenge=cw.challenge,
                                        criteria=[("Impact", 60), ("Excellence", 40)])
    assert challenges_dump() == before


def test_cancelling_needs_a_reason_and_is_logged_and_told_to_the_teams(cw: ChallengeWorld) -> None:
    solver = make_solver("solver", "Sensor Works")
    make_team(cw.challenge, solver, Organisation.objects.get(name="Sensor Works"), submitted=False)
    with pytest.raises(ValidationError) as refused:
        services.challenge_cancel(user=cw.users["editor_a"], challenge=cw.challenge, reason="  ")
    assert "reason" in refused.value.message_dict
    services.challenge_cancel(user=cw.users["editor_a"], challenge=cw.challenge, reason="Budget withdrawn")
    assert selectors.challenge_phase(cw.challenge) == ChallengePhase.CANCELLED
    assert ChallengeChange.objects.get(challenge=cw.challenge).after == "Budget withdrawn"
    assert Notification.objects.filter(user=solver, kind=services.BRIEF_CHANGED).count() == 1


def test_only_a_draft_may_be_deleted(cw: ChallengeWorld) -> None:
    with pytest.raises(ValidationError, match="cancel"):
        services.challenge_delete(user=cw.users["editor_a"], challenge=cw.challenge)
    draft = _draft(cw)
    services.challenge_delete(user=cw.users["editor_a"], challenge=draft)
    assert not Challenge.objects.filter(pk=draft.pk).exists()


def test_an_attachment_is_stored_with_its_type_read_from_its_content(cw: ChallengeWorld, media: Path) -> None:
    attachment = services.challenge_attachment_add(user=cw.users["editor_a"], challenge=cw.challenge,
                                                   title="Plant data", file=SimpleUploadedFile("data.pdf", PDF))
    assert attachment.content_type == "application/pdf"
    assert (media / attachment.file.name).read_bytes() == PDF


def test_a_disguised_executable_is_refused_with_nothing_stored(cw: ChallengeWorld, media: Path) -> None:
    before = challenges_dump()
    with pytest.raises(ValidationError) as refused:
        services.challenge_attachment_add(user=cw.users["editor_a"], challenge=cw.challenge, title="Terms",
                                          file=SimpleUploadedFile("terms.pdf", ELF))
    assert "terms.pdf" in " ".join(refused.value.message_dict["file"])
    assert challenges_dump() == before
    assert not ChallengeAttachment.objects.exists()
    assert not [path for path in media.rglob("*") if path.is_file()]


def test_the_loader_is_idempotent_and_validates(cw: ChallengeWorld) -> None:
    Region.objects.create(code="ES6", name="Sur", level=1, country="ES", version=2021)
    first = services.challenge_load(organiser=cw.world.org_b, title="Water reuse", problem="P", expected_outcome="O",
                                    criteria=CRITERIA, eligible_regions=["ES6"], **_timeline())
    again = services.challenge_load(organiser=cw.world.org_b, title="Water reuse", problem="P2",
                                    expected_outcome="O", criteria=CRITERIA[:1], eligible_regions=["ES6"],
                                    **_timeline())
    assert first.pk == again.pk and again.is_published
    assert list(again.criteria.values_list("name", flat=True)) == ["Impact"]
    with pytest.raises(ValidationError) as refused:
        services.challenge_load(organiser=cw.world.org_b, title="Bad", problem="P", expected_outcome="O",
                                criteria=CRITERIA, eligible_regions=["XX9"], **_timeline())
    assert "eligible_regions" in refused.value.message_dict


def test_a_region_within_an_eligible_region_is_eligible(cw: ChallengeWorld) -> None:
    assert selectors.challenge_region_eligible(cw.challenge, None)  # none listed: any region
    cw.challenge.eligible_regions.add(Region.objects.create(code="ES6", name="Sur", level=1, country="ES",
                                                            version=2021))
    assert selectors.challenge_region_eligible(cw.challenge, "ES61")
    assert not selectors.challenge_region_eligible(cw.challenge, "ES5")
    assert not selectors.challenge_region_eligible(cw.challenge, None)


def test_the_list_shows_drafts_only_to_the_organisers_editors(cw: ChallengeWorld) -> None:
    draft = _draft(cw)
    for role, sees in {"viewer": False, "editor_b": False, "editor_a": True, "administrator": True}.items():
        listed = selectors.challenge_list(user=cw.users[role])
        assert (draft in listed) is sees, role
        assert cw.challenge in listed
    assert list(selectors.challenge_list(user=cw.users["editor_a"], phase=ChallengePhase.OPEN)) == [cw.challenge]
    assert list(selectors.challenge_list(user=cw.users["editor_a"], phase=ChallengePhase.DRAFT)) == [draft]



def test_the_list_by_region_holds_challenges_open_to_it_and_to_any_region(cw: ChallengeWorld) -> None:
    southern, _ = make_challenge(cw.world.org_a, title="Southern only")
    southern.eligible_regions.add(Region.objects.create(code="ES6", name="Sur", level=1, country="ES", version=2021))
    for code, expected in {"ES61": {cw.challenge, southern}, "PT1": {cw.challenge}}.items():
        assert set(selectors.challenge_list(user=cw.users["viewer"], region=code)) == expected, code
    assert list(selectors.challenge_list(user=cw.users["viewer"], search="southern")) == [southern]
