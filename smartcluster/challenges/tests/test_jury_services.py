"""Jury services: invitations, conflicts (declared and automatic), the assignment run and scoring, with their
refusals (nothing stored) and the demo's trusted writers."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from smartcluster.challenges import selectors, services
from smartcluster.challenges.models import (
    Assignment,
    Challenge,
    Eligibility,
    Juror,
    Score,
    Submission,
    TeamMember,
)
from smartcluster.challenges.tests.jury_world import JuryWorld, build_jury_world
from smartcluster.challenges.tests.world import challenges_dump, make_solver
from smartcluster.notifications.models import Notification
from smartcluster.organisations.tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def jw() -> JuryWorld:
    return build_jury_world()


def _assign(jw: JuryWorld, juror: str, submission: int) -> Assignment:
    return Assignment.objects.create(juror=jw.jurors[juror], submission=jw.submissions[submission])


def _full(jw: JuryWorld, value: str = "4") -> dict[int, str]:
    return {criterion.pk: value for criterion in jw.criteria}


def test_invite_creates_a_pending_juror_and_notifies_them(jw: JuryWorld) -> None:
    guest = make_solver("guest", "Lab Guest")
    juror = services.juror_invite(user=jw.users["editor_a"], challenge=jw.challenge, juror_user=guest)
    assert juror.accepted_at is None and juror.conflicts_declared_at is None
    assert Notification.objects.filter(user=guest, kind=services.JUROR_INVITED).count() == 1
    services.juror_accept(user=guest, juror=juror)
    assert Juror.objects.get(pk=juror.pk).accepted_at is not None


def test_invite_twice_is_refused_naming_the_field(jw: JuryWorld) -> None:
    before = challenges_dump()
    with pytest.raises(ValidationError) as refusal:
        services.juror_invite(user=jw.users["editor_a"], challenge=jw.challenge, juror_user=jw.jurors["j1"].user)
    assert "juror_user" in refusal.value.message_dict
    assert challenges_dump() == before


def test_only_the_invited_user_accepts(jw: JuryWorld) -> None:
    with pytest.raises(PermissionDenied):
        services.juror_accept(user=jw.users["editor_a"], juror=jw.jurors["j1"])


def test_insider_is_conflicted_without_declaring(jw: JuryWorld) -> None:
    assert selectors.juror_conflicted_submission_ids(jw.jurors["insider"]) == {jw.submissions[0].pk}
    assert selectors.juror_conflicted_submission_ids(jw.jurors["j1"]) == set()


def test_juror_of_a_members_organisation_is_conflicted(jw: JuryWorld) -> None:
    member = make_solver("member", "Lab Two")  # j2's organisation
    TeamMember.objects.create(team=jw.submissions[1].team, email=member.email, user=member,
                              invitation_token="m" * 32, accepted_at=timezone.now())
    assert jw.submissions[1].pk in selectors.juror_conflicted_submission_ids(jw.jurors["j2"])


def test_juror_in_a_team_is_conflicted_with_its_submission_without_any_organisation(jw: JuryWorld) -> None:
    outsider = make_user("loner")  # no person record: no organisation to compare
    TeamMember.objects.create(team=jw.submissions[2].team, email="loner@example.org", user=outsider,
                              invitation_token="l" * 32, accepted_at=timezone.now())
    juror = services.juror_load(challenge=jw.challenge, user=outsider)
    assert selectors.juror_conflicted_submission_ids(juror) == {jw.submissions[2].pk}


def test_declared_conflict_is_kept_with_its_reason_and_date(jw: JuryWorld) -> None:
    juror = services.conflict_declare(user=jw.jurors["j1"].user, juror=jw.jurors["j1"],
                                      conflicts=[(jw.submissions[2], "Former employer")])
    assert juror.conflicts_declared_at is not None
    assert selectors.juror_conflicted_submission_ids(juror) == {jw.submissions[2].pk}


def test_conflict_without_reason_is_refused(jw: JuryWorld) -> None:
    before = challenges_dump()
    with pytest.raises(ValidationError) as refusal:
        services.conflict_declare(user=jw.jurors["j1"].user, juror=jw.jurors["j1"],
                                  conflicts=[(jw.submissions[2], "  ")])
    assert f"reason_{jw.submissions[2].pk}" in refusal.value.message_dict
    assert challenges_dump() == before


def test_conflict_cannot_be_removed_once_scores_exist(jw: JuryWorld) -> None:
    j1 = jw.jurors["j1"]
    services.conflict_declare(user=j1.user, juror=j1, conflicts=[(jw.submissions[2], "Client")])
    assignment = _assign(jw, "j1", 1)
    services.score_save(user=j1.user, assignment=assignment, values={jw.criteria[0].pk: "3"})
    before = challenges_dump()
    with pytest.raises(ValidationError, match="cannot be removed"):
        services.conflict_declare(user=j1.user, juror=j1, conflicts=[])
    assert challenges_dump() == before


def test_new_conflict_ends_an_unsent_assignment(jw: JuryWorld) -> None:
    j1 = jw.jurors["j1"]
    _assign(jw, "j1", 1)
    services.conflict_declare(user=j1.user, juror=j1, conflicts=[(jw.submissions[1], "My cousin leads it")])
    assert not Assignment.objects.filter(juror=j1).exists()


def test_assignment_run_gives_each_submission_three_unconflicted_jurors(jw: JuryWorld) -> None:
    run = services.assignment_run(user=jw.users["editor_a"], challenge=jw.challenge)
    pairs = set(Assignment.objects.values_list("submission_id", "juror_id"))
    assert len(run.created) == 9 and len(pairs) == 9
    assert (jw.submissions[0].pk, jw.jurors["insider"].pk) not in pairs
    for submission in jw.submissions:
        assert Assignment.objects.filter(submission=submission).count() == 3
    assert sorted(run.result.loads.values()) == [2, 2, 2, 3]
    assert Notification.objects.filter(kind=services.JUROR_ASSIGNED).count() == 4


def test_assignment_run_keeps_made_assignments(jw: JuryWorld) -> None:
    kept = _assign(jw, "insider", 1)
    services.assignment_run(user=jw.users["editor_a"], challenge=jw.challenge)
    assert Assignment.objects.filter(pk=kept.pk).exists()
    assert Assignment.objects.filter(submission=jw.submissions[1]).count() == 3


def test_assignment_run_refused_before_the_deadline(jw: JuryWorld) -> None:
    Challenge.objects.filter(pk=jw.challenge.pk).update(deadline_at=timezone.now() + timedelta(hours=1))
    jw.challenge.refresh_from_db()
    with pytest.raises(ValidationError, match="deadline"):
        services.assignment_run(user=jw.users["editor_a"], challenge=jw.challenge)
    assert not Assignment.objects.exists()


def test_assignment_run_refused_while_eligibility_is_pending_with_the_count(jw: JuryWorld) -> None:
    Submission.objects.filter(pk=jw.submissions[2].pk).update(eligibility=Eligibility.PENDING)
    with pytest.raises(ValidationError, match="1 submitted submissions still await"):
        services.assignment_run(user=jw.users["editor_a"], challenge=jw.challenge)
    assert not Assignment.objects.exists()


def test_assignment_run_refused_naming_jurors_who_have_not_declared(jw: JuryWorld) -> None:
    Juror.objects.filter(pk=jw.jurors["j2"].pk).update(conflicts_declared_at=None)
    with pytest.raises(ValidationError, match="j2"):
        services.assignment_run(user=jw.users["editor_a"], challenge=jw.challenge)
    assert not Assignment.objects.exists()


def test_assignment_run_refused_with_the_submission_lacking_jurors(jw: JuryWorld) -> None:
    services.conflict_declare(user=jw.jurors["j1"].user, juror=jw.jurors["j1"],
                              conflicts=[(jw.submissions[0], "Adviser to the team")])
    with pytest.raises(ValidationError, match="“Solution 1” has only 2 jurors without a conflict; 3 needed"):
        services.assignment_run(user=jw.users["editor_a"], challenge=jw.challenge)
    assert not Assignment.objects.exists()


def test_assignment_run_is_the_organisers(jw: JuryWorld) -> None:
    with pytest.raises(PermissionDenied):
        services.assignment_run(user=jw.jurors["j1"].user, challenge=jw.challenge)


def test_score_draft_then_send_makes_it_final(jw: JuryWorld) -> None:
    assignment, user = _assign(jw, "j1", 1), jw.jurors["j1"].user
    services.score_save(user=user, assignment=assignment, values={jw.criteria[0].pk: "3.5"},
                        comments={jw.criteria[0].pk: "Convincing pilot"}, comment="Good work")
    score = Score.objects.get(assignment=assignment)
    assert (score.value, score.comment) == (Decimal("3.5"), "Convincing pilot")
    services.score_save(user=user, assignment=assignment, values=_full(jw), send=True)
    assert Assignment.objects.get(pk=assignment.pk).submitted_at is not None
    before = challenges_dump()
    with pytest.raises(ValidationError, match="final"):
        services.score_save(user=user, assignment=assignment, values=_full(jw, "1"))
    assert challenges_dump() == before


@pytest.mark.parametrize("value", ["5.5", "-1", "2.3", "abc", "NaN"])
def test_score_outside_the_scale_is_refused_naming_the_criterion_and_nothing_stored(jw: JuryWorld,
                                                                                       value: str) -> None:
    assignment = _assign(jw, "j1", 1)
    values = _full(jw)
    values[jw.criteria[1].pk] = value
    before = challenges_dump()
    with pytest.raises(ValidationError) as refusal:
        services.score_save(user=jw.jurors["j1"].user, assignment=assignment, values=values, send=True)
    assert "Excellence" in str(refusal.value) and f"score_{jw.criteria[1].pk}" in refusal.value.message_dict
    assert challenges_dump() == before


def test_send_requires_every_criterion(jw: JuryWorld) -> None:
    assignment = _assign(jw, "j1", 1)
    with pytest.raises(ValidationError, match="Implementation"):
        services.score_save(user=jw.jurors["j1"].user, assignment=assignment,
                            values={jw.criteria[0].pk: "4", jw.criteria[1].pk: "4"}, send=True)
    assert not Score.objects.exists() and Assignment.objects.get(pk=assignment.pk).submitted_at is None


def test_only_the_assigned_juror_scores(jw: JuryWorld) -> None:
    assignment = _assign(jw, "j1", 1)
    for user in (jw.jurors["j2"].user, jw.users["editor_a"], jw.users["administrator"]):
        with pytest.raises(PermissionDenied):
            services.score_save(user=user, assignment=assignment, values=_full(jw))
    assert not Score.objects.exists()


def test_conflicted_juror_cannot_score_even_if_assigned(jw: JuryWorld) -> None:
    assignment = _assign(jw, "insider", 0)
    with pytest.raises(PermissionDenied):
        services.score_save(user=jw.jurors["insider"].user, assignment=assignment, values=_full(jw))
    assert not Score.objects.exists()


def test_juror_sees_others_scores_only_after_sending_their_own(jw: JuryWorld) -> None:
    first, second = _assign(jw, "j1", 1), _assign(jw, "j2", 1)
    services.score_save(user=jw.jurors["j1"].user, assignment=first, values=_full(jw, "5"), send=True)
    services.score_save(user=jw.jurors["j2"].user, assignment=second, values={jw.criteria[0].pk: "2"})
    visible = selectors.score_list_visible(jw.jurors["j2"].user, jw.submissions[1])
    assert [score.value for score in visible] == [Decimal("2")] and all(score.is_own for score in visible)
    services.score_save(user=jw.jurors["j2"].user, assignment=second, values=_full(jw, "2"), send=True)
    visible = selectors.score_list_visible(jw.jurors["j2"].user, jw.submissions[1])
    others = [score for score in visible if not score.is_own]
    assert [score.value for score in others] == [Decimal("5")] * 3
    assert {score.juror_label for score in others} == {"Juror 1"}


def test_score_matrix_holds_only_sent_scores(jw: JuryWorld) -> None:
    first, second = _assign(jw, "j1", 1), _assign(jw, "j2", 1)
    services.score_save(user=jw.jurors["j1"].user, assignment=first, values=_full(jw, "4.5"), send=True)
    services.score_save(user=jw.jurors["j2"].user, assignment=second, values=_full(jw, "1"))
    matrix = selectors.score_matrix(jw.challenge)
    assert [(cell.juror_id, cell.value) for cell in matrix] == [(jw.jurors["j1"].pk, Decimal("4.5"))] * 3
    assert [cell.criterion_id for cell in matrix] == [criterion.pk for criterion in jw.criteria]


def test_loaders_are_idempotent_and_validate_alike(jw: JuryWorld) -> None:
    guest = make_solver("guest", "Lab Guest")
    juror = services.juror_load(challenge=jw.challenge, user=guest)
    assert services.juror_load(challenge=jw.challenge, user=guest).pk == juror.pk
    services.conflict_load(juror=juror, submission=jw.submissions[0], reason="Shareholder")
    services.conflict_load(juror=juror, submission=jw.submissions[0], reason="Shareholder")
    with pytest.raises(ValidationError):
        services.assignment_load(juror=juror, submission=jw.submissions[0], scores=_full(jw))
    assignment = services.assignment_load(juror=juror, submission=jw.submissions[1], scores=_full(jw, "3"),
                                          sent=True)
    assert services.assignment_load(juror=juror, submission=jw.submissions[1]).pk == assignment.pk
    assert Score.objects.filter(assignment=assignment).count() == 3 and assignment.submitted_at is not None
    with pytest.raises(ValidationError):
        services.assignment_load(juror=juror, submission=jw.submissions[2], scores={jw.criteria[0].pk: "9"})
    assert not Assignment.objects.filter(juror=juror, submission=jw.submissions[2]).exists()
