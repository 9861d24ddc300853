"""Jury pages as an attacker would use them: CSRF enforced, conflicted jurors get 404 on the submission's scoring
page and files, no other juror's score before one's own is sent, refusals change nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from smartcluster.challenges import services
from smartcluster.challenges.models import (
    Assignment,
    ConflictOfInterest,
    Juror,
    Score,
    SubmissionAttachment,
    SubmissionStatus,
)
from smartcluster.challenges.tests.jury_world import JuryWorld, build_jury_world
from smartcluster.challenges.tests.world import challenges_dump, make_solver

pytestmark = pytest.mark.django_db


@pytest.fixture
def jw() -> JuryWorld:
    return build_jury_world()


def _client(user: Any) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def _post(client: Client, url: str, data: dict[str, Any], page: str | None = None) -> Any:
    """Post with the CSRF token a page gave (every page has one in its log-out form)."""
    token = client.get(page or reverse("challenges:juror_mine")).context["csrf_token"]
    return client.post(url, {**data, "csrfmiddlewaretoken": str(token)})


def _scores(jw: JuryWorld, value: str) -> dict[str, str]:
    return {f"score_{criterion.pk}": value for criterion in jw.criteria}


def test_my_jury_work_lists_assignments_but_never_a_conflicted_one(jw: JuryWorld) -> None:
    insider = jw.jurors["insider"]
    Assignment.objects.create(juror=insider, submission=jw.submissions[0])  # forced past the rules
    Assignment.objects.create(juror=insider, submission=jw.submissions[1])
    page = _client(insider.user).get(reverse("challenges:juror_mine")).content.decode()
    assert "Solution 2" in page and "Solution 1" not in page


def test_conflicted_juror_gets_404_on_the_scoring_page_and_the_files(jw: JuryWorld) -> None:
    insider = jw.jurors["insider"]
    assignment = Assignment.objects.create(juror=insider, submission=jw.submissions[0])
    attachment = SubmissionAttachment.objects.create(
        submission=jw.submissions[0], title="Plan", file=SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan"),
        content_type="application/pdf", size=13)
    client = _client(insider.user)
    assert client.get(reverse("challenges:assignment_score", args=[assignment.pk])).status_code == 404
    assert client.get(reverse("challenges:submission_attachment", args=[attachment.pk])).status_code == 404
    before = challenges_dump()
    answer = _post(client, reverse("challenges:assignment_score", args=[assignment.pk]),
                   {**_scores(jw, "5"), "send": "1"})
    assert answer.status_code == 404 and challenges_dump() == before


def test_assigned_unconflicted_juror_reads_the_files_a_juror_not_assigned_does_not(jw: JuryWorld) -> None:
    Assignment.objects.create(juror=jw.jurors["j1"], submission=jw.submissions[1])
    attachment = SubmissionAttachment.objects.create(
        submission=jw.submissions[1], title="Plan", file=SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan"),
        content_type="application/pdf", size=13)
    url = reverse("challenges:submission_attachment", args=[attachment.pk])
    answer = _client(jw.jurors["j1"].user).get(url)
    assert answer.status_code == 200 and b"".join(answer.streaming_content) == b"%PDF-1.4 plan"
    assert _client(jw.jurors["j2"].user).get(url).status_code == 404


def test_a_submission_withdrawn_after_assignment_is_no_longer_read_by_its_juror(jw: JuryWorld) -> None:
    assignment = Assignment.objects.create(juror=jw.jurors["j1"], submission=jw.submissions[1])
    attachment = SubmissionAttachment.objects.create(
        submission=jw.submissions[1], title="Plan", file=SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan"),
        content_type="application/pdf", size=13)
    jw.submissions[1].status, jw.submissions[1].withdrawn_at = SubmissionStatus.WITHDRAWN, timezone.now()
    jw.submissions[1].save()
    client = _client(jw.jurors["j1"].user)
    assert client.get(reverse("challenges:submission_attachment", args=[attachment.pk])).status_code == 404
    assert client.get(reverse("challenges:assignment_score", args=[assignment.pk])).status_code == 404
    assert "Solution 2" not in client.get(reverse("challenges:juror_mine")).content.decode()
    assert _client(jw.users["editor_a"]).get(
        reverse("challenges:assignment_score", args=[assignment.pk])).status_code == 200


def test_other_jurors_and_outsiders_get_404_the_organiser_reads(jw: JuryWorld) -> None:
    assignment = Assignment.objects.create(juror=jw.jurors["j1"], submission=jw.submissions[1])
    url = reverse("challenges:assignment_score", args=[assignment.pk])
    for user in (jw.jurors["j2"].user, jw.users["editor_b"], jw.users["viewer"]):
        assert _client(user).get(url).status_code == 404
    assert _client(jw.users["editor_a"]).get(url).status_code == 200
    assert Client().get(url).status_code == 302  # to the log-in page


def test_scoring_page_shows_the_submission_and_no_other_score_before_sending(jw: JuryWorld) -> None:
    first = Assignment.objects.create(juror=jw.jurors["j1"], submission=jw.submissions[1])
    second = Assignment.objects.create(juror=jw.jurors["j2"], submission=jw.submissions[1])
    services.score_save(user=jw.jurors["j1"].user, assignment=first, values={c.pk: "4.5" for c in jw.criteria},
                        comments={jw.criteria[0].pk: "Remarkable sensor design"}, send=True)
    client = _client(jw.jurors["j2"].user)
    url = reverse("challenges:assignment_score", args=[second.pk])
    page = client.get(url).content.decode()
    assert "A retrofit kit with a cloud model." in page and "Impact" in page
    assert "4.5" not in page and "Remarkable sensor design" not in page and "Juror 1" not in page
    answer = _post(client, url, {**_scores(jw, "2"), "send": "1"}, page=url)
    assert answer.status_code == 302
    answer = client.get(url)
    page = answer.content.decode()
    assert "4.5" in page and "Remarkable sensor design" in page and "Juror 1" in page
    assert {score.juror_label for score in answer.context["visible_scores"] if not score.is_own} == {"Juror 1"}


def test_draft_then_send_through_the_page_and_sent_is_final(jw: JuryWorld) -> None:
    assignment = Assignment.objects.create(juror=jw.jurors["j1"], submission=jw.submissions[1])
    client = _client(jw.jurors["j1"].user)
    url = reverse("challenges:assignment_score", args=[assignment.pk])
    answer = _post(client, url, {f"score_{jw.criteria[0].pk}": "3", "comment": "Promising", "save": "1"}, page=url)
    assert answer.status_code == 302 and Score.objects.get(assignment=assignment).value == 3
    assert _post(client, url, {**_scores(jw, "4"), "send": "1"}, page=url).status_code == 302
    assert Assignment.objects.get(pk=assignment.pk).submitted_at is not None
    before = challenges_dump()
    _post(client, url, {**_scores(jw, "1"), "send": "1"}, page=url)
    assert challenges_dump() == before


def test_score_outside_the_scale_is_refused_on_the_page_and_nothing_stored(jw: JuryWorld) -> None:
    assignment = Assignment.objects.create(juror=jw.jurors["j1"], submission=jw.submissions[1])
    client = _client(jw.jurors["j1"].user)
    url = reverse("challenges:assignment_score", args=[assignment.pk])
    before = challenges_dump()
    answer = _post(client, url, {**_scores(jw, "4"), f"score_{jw.criteria[1].pk}": "7", "send": "1"}, page=url)
    assert answer.status_code == 200 and answer.context["form"].errors.get(f"score_{jw.criteria[1].pk}")
    assert challenges_dump() == before


def test_post_without_csrf_token_is_refused_and_changes_nothing(jw: JuryWorld) -> None:
    assignment = Assignment.objects.create(juror=jw.jurors["j1"], submission=jw.submissions[1])
    client = _client(jw.jurors["j1"].user)
    before = challenges_dump()
    answer = client.post(reverse("challenges:assignment_score", args=[assignment.pk]),
                         {**_scores(jw, "4"), "send": "1"})
    assert answer.status_code == 403
    assert client.post(reverse("challenges:assignment_run", args=[jw.challenge.pk])).status_code == 403
    assert challenges_dump() == before


def test_invite_accept_and_declare_through_the_pages(jw: JuryWorld) -> None:
    guest = make_solver("guest", "Lab Guest")
    organiser = _client(jw.users["editor_a"])
    list_url = reverse("challenges:juror_list", args=[jw.challenge.pk])
    answer = _post(organiser, reverse("challenges:juror_invite", args=[jw.challenge.pk]),
                   {"juror_user": "guest@example.org"}, page=list_url)
    assert answer.status_code == 302
    client = _client(guest)
    assert _post(client, reverse("challenges:juror_accept", args=[jw.challenge.pk]), {}).status_code == 302
    url = reverse("challenges:conflict_declare", args=[jw.challenge.pk])
    page = client.get(url).content.decode()
    assert "Solution 1" in page and "Sensorik GmbH" in page and "A retrofit kit" not in page
    target = jw.submissions[2].pk
    answer = _post(client, url, {f"conflict_{target}": "on", f"reason_{target}": "Former client"}, page=url)
    assert answer.status_code == 302
    juror = Juror.objects.get(user=guest)
    assert juror.conflicts_declared_at is not None
    assert ConflictOfInterest.objects.get(juror=juror).reason == "Former client"


def test_conflict_without_reason_is_refused_on_the_page(jw: JuryWorld) -> None:
    client = _client(jw.jurors["j1"].user)
    url = reverse("challenges:conflict_declare", args=[jw.challenge.pk])
    before = challenges_dump()
    answer = _post(client, url, {f"conflict_{jw.submissions[2].pk}": "on"}, page=url)
    assert answer.status_code == 200 and answer.context["form"].errors
    assert challenges_dump() == before


def test_insider_sees_the_automatic_conflict_without_a_tick(jw: JuryWorld) -> None:
    answer = _client(jw.jurors["insider"].user).get(reverse("challenges:conflict_declare", args=[jw.challenge.pk]))
    assert f"conflict_{jw.submissions[0].pk}" not in answer.context["form"].fields
    assert "Conflict: a team of your organisation" in answer.content.decode()


def test_organiser_runs_the_assignment_and_reads_the_audit(jw: JuryWorld) -> None:
    organiser = _client(jw.users["editor_a"])
    list_url = reverse("challenges:juror_list", args=[jw.challenge.pk])
    answer = _post(organiser, reverse("challenges:assignment_run", args=[jw.challenge.pk]), {}, page=list_url)
    assert answer.status_code == 302 and Assignment.objects.count() == 9
    assert not Assignment.objects.filter(juror=jw.jurors["insider"], submission=jw.submissions[0]).exists()
    assignment = Assignment.objects.filter(juror=jw.jurors["j1"]).first()
    services.score_save(user=jw.jurors["j1"].user, assignment=assignment, values={jw.criteria[0].pk: "3"})
    page = organiser.get(reverse("challenges:jury_audit", args=[jw.challenge.pk])).content.decode()
    assert "j1" in page and assignment.submission.title in page and "draft" in page


def test_jury_pages_of_the_organiser_are_404_to_others(jw: JuryWorld) -> None:
    for name in ("juror_list", "jury_audit"):
        url = reverse(f"challenges:{name}", args=[jw.challenge.pk])
        for user in (jw.jurors["j1"].user, jw.users["editor_b"], jw.users["participant"]):
            assert _client(user).get(url).status_code == 404
        assert _client(jw.users["administrator"]).get(url).status_code == 200
    before = challenges_dump()
    answer = _post(_client(jw.jurors["j1"].user), reverse("challenges:assignment_run", args=[jw.challenge.pk]), {})
    assert answer.status_code == 404 and challenges_dump() == before
