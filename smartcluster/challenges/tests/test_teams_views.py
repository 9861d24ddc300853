"""Teams pages, posted with CSRF checks on: forming a team, inviting and joining, the draft, sending before the
deadline only, withdrawing after confirmation, files checked by content and downloaded by readers only, and the
organiser's list with region eligibility and the eligibility form."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from smartcluster.challenges import services
from smartcluster.challenges.choices import Eligibility, SubmissionStatus
from smartcluster.challenges.models import Submission, SubmissionAttachment, Team
from smartcluster.challenges.tests.world import TeamWorld, build_team_world, challenges_dump, post, signed_in
from smartcluster.organisations.models import Organisation
from smartcluster.organisations.tests.factories import make_user
from smartcluster.regions.models import Region

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(46) + b"\x80\x00\x00\x00" + bytes(64)
FULL = {"title": "Vibration kit", "summary": "A retrofit kit.", "solution": "Sensors and a model.",
        "expected_impact": "A tenth fewer stops.", "implementation": "Pilot in two plants."}


@pytest.fixture
def tw() -> TeamWorld:
    return build_team_world()


def test_my_teams_lists_the_team_with_its_phase_and_submission_status(tw: TeamWorld) -> None:
    client = Client()
    client.force_login(tw.users["team_member"])

    page = client.get(reverse("challenges:team_mine")).content.decode()

    assert tw.team.name in page and "Open for submissions" in page and "Draft" in page
    assert tw.other_team.name not in page


def test_my_teams_offers_the_open_invitations_sent_to_my_address_only(tw: TeamWorld) -> None:
    invitation = services.team_member_invite(user=tw.users["team_lead"], team=tw.team, email="NINA@example.org")
    nina, eve = Client(), Client()
    nina.force_login(make_user("nina", email="nina@example.org"))
    eve.force_login(make_user("eve", email="eve@example.org"))
    join_url = reverse("challenges:team_join", args=[invitation.invitation_token])

    assert join_url in nina.get(reverse("challenges:team_mine")).content.decode()
    assert join_url not in eve.get(reverse("challenges:team_mine")).content.decode()


def test_a_solver_forms_a_team_through_the_page(tw: TeamWorld) -> None:
    newcomer = make_user("nora", email="nora@example.org")
    url = reverse("challenges:team_create", args=[tw.cw.challenge.pk])
    client = signed_in(newcomer, url)

    response = post(client, url, {"name": "Nora's crew", "organisation_name": "Nora Analytics",
                                  "organisation_type": "sme"})

    team = Team.objects.get(name="Nora's crew")
    assert response.status_code == 302 and response.url == reverse("challenges:team_detail", args=[team.pk])
    assert team.organisation.name == "Nora Analytics" and team.members.get().user == newcomer


def test_a_form_posted_without_its_csrf_token_is_refused_and_changes_nothing(tw: TeamWorld) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(tw.users["team_lead"])
    before = challenges_dump()

    response = client.post(reverse("challenges:team_invite", args=[tw.team.pk]), {"email": "nina@example.org"})

    assert response.status_code == 403 and challenges_dump() == before


def test_the_lead_invites_and_the_invited_address_joins_through_the_link(tw: TeamWorld) -> None:
    team_url = reverse("challenges:team_detail", args=[tw.team.pk])
    lead = signed_in(tw.users["team_lead"], team_url)
    assert post(lead, reverse("challenges:team_invite", args=[tw.team.pk]),
                {"email": "nina@example.org"}).status_code == 302
    token = tw.team.members.get(email="nina@example.org").invitation_token
    join_url = reverse("challenges:team_join", args=[token])

    eve = signed_in(make_user("eve", email="eve@example.org"), join_url)
    refused = post(eve, join_url, {"confirm": "on"})
    nina = signed_in(make_user("nina", email="Nina@example.org"), join_url)
    joined = post(nina, join_url, {"confirm": "on"})

    assert refused.status_code == 200 and "nina@example.org" in refused.content.decode()
    assert joined.status_code == 302 and tw.team.members.get(email="nina@example.org").user.username == "nina"


def test_members_write_the_draft_attach_a_pdf_and_the_lead_sends_it_after_confirmation(tw: TeamWorld) -> None:
    edit_url = reverse("challenges:submission_edit", args=[tw.team.pk])
    member = signed_in(tw.users["team_member"], edit_url)
    assert post(member, edit_url, FULL).status_code == 302
    attach_url = reverse("challenges:submission_attachment_add", args=[tw.team.pk])
    assert post(member, attach_url, {"title": "Data sheet",
                                     "file": SimpleUploadedFile("sheet.pdf", PDF)}).status_code == 302
    submit_url = reverse("challenges:submission_submit", args=[tw.team.pk])
    lead = signed_in(tw.users["team_lead"], submit_url)

    unconfirmed = post(lead, submit_url, {})
    sent = post(lead, submit_url, {"confirm": "on"})

    assert unconfirmed.status_code == 200
    assert sent.status_code == 302 and Submission.objects.get(team=tw.team).status == SubmissionStatus.SUBMITTED
    assert SubmissionAttachment.objects.get().content_type == "application/pdf"


def test_a_late_send_is_refused_on_the_page_naming_the_deadline_and_nothing_changes(tw: TeamWorld) -> None:
    services.submission_update(user=tw.users["team_member"], team=tw.team, **FULL)
    submit_url = reverse("challenges:submission_submit", args=[tw.team.pk])
    lead = signed_in(tw.users["team_lead"], submit_url)
    tw.cw.challenge.deadline_at = timezone.now() - timedelta(minutes=1)
    tw.cw.challenge.save(update_fields=["deadline_at"])
    before = challenges_dump()

    response = post(lead, submit_url, {"confirm": "on"})

    assert response.status_code == 200 and "deadline of this challenge has passed" in response.content.decode()
    assert challenges_dump() == before


def test_an_executable_named_pdf_is_refused_on_the_page_and_nothing_is_stored(tw: TeamWorld, media: Path) -> None:
    services.submission_update(user=tw.users["team_member"], team=tw.team, **FULL)
    attach_url = reverse("challenges:submission_attachment_add", args=[tw.team.pk])
    member = signed_in(tw.users["team_member"], attach_url)
    before = challenges_dump()

    response = post(member, attach_url, {"title": "Data sheet", "file": SimpleUploadedFile("sheet.pdf", EXE)})

    assert response.status_code == 200 and "whatever its name says" in response.content.decode()
    assert challenges_dump() == before and not any(path.is_file() for path in media.rglob("*"))


def test_the_lead_withdraws_after_confirmation(tw: TeamWorld) -> None:
    withdraw_url = reverse("challenges:submission_withdraw", args=[tw.team.pk])
    lead = signed_in(tw.users["team_lead"], withdraw_url)

    assert post(lead, withdraw_url, {"confirm": "on"}).status_code == 302
    assert Submission.objects.get(team=tw.team).status == SubmissionStatus.WITHDRAWN


def test_a_file_is_downloaded_by_the_team_and_the_organiser_and_404_for_another_solver(tw: TeamWorld) -> None:
    services.submission_update(user=tw.users["team_member"], team=tw.team, **FULL)
    attachment = services.submission_attachment_add(user=tw.users["team_member"], team=tw.team, title="Sheet",
                                                    file=SimpleUploadedFile("sheet.pdf", PDF))
    url = reverse("challenges:submission_attachment", args=[attachment.pk])
    answers = {}
    for role in ("team_member", "editor_a", "other_solver", "editor_b"):
        client = Client()
        client.force_login(tw.users[role])
        response = client.get(url)
        answers[role] = (response.status_code, b"".join(response.streaming_content) if response.status_code == 200
                         else b"")

    assert answers["team_member"] == (200, PDF) and answers["editor_a"] == (200, PDF)
    assert answers["other_solver"][0] == 404 and answers["editor_b"][0] == 404
    assert Client().get(url).status_code in (302, 404)


def test_the_organisers_list_shows_region_eligibility_and_records_a_reasoned_ineligibility(tw: TeamWorld) -> None:
    eligible = Region.objects.create(code="EL61", name="Thessalia", level=2, version=2021, country="EL")
    outside = Region.objects.create(code="ES62", name="Región de Murcia", level=2, version=2021, country="ES")
    tw.cw.challenge.eligible_regions.set([eligible])
    Organisation.objects.filter(pk=tw.other_team.organisation_id).update(region=outside)
    list_url = reverse("challenges:submission_list", args=[tw.cw.challenge.pk])
    organiser = signed_in(tw.users["editor_a"], list_url)
    page = organiser.get(list_url).content.decode()
    submission = tw.other_team.submission
    form_url = reverse("challenges:submission_eligibility", args=[submission.pk])
    organiser.get(form_url)

    refused = post(organiser, form_url, {"eligible": "no", "reason": ""})
    recorded = post(organiser, form_url, {"eligible": "no", "reason": "Murcia is outside the eligible regions."})

    assert "region not eligible" in page and "region unknown" in page and "Otto Systems" in page
    assert refused.status_code == 200 and "Say why" in refused.content.decode()
    stored = Submission.objects.get(pk=submission.pk)
    assert recorded.status_code == 302 and (stored.eligibility, stored.eligibility_checked_by) == (
        Eligibility.INELIGIBLE, tw.users["editor_a"])


def test_the_organisers_list_is_404_to_others(tw: TeamWorld) -> None:
    url = reverse("challenges:submission_list", args=[tw.cw.challenge.pk])
    for role in ("team_lead", "editor_b", "viewer"):
        client = Client()
        client.force_login(tw.users[role])
        assert client.get(url).status_code == 404, role
