"""Briefs pages: the public list with its filters and phase badges, a challenge's page with the whole brief in its
own time zone and the viewer's buttons, the organiser's forms posted with CSRF enforced (a refusal leaves every
table unchanged), publication and cancellation with confirmation, attachments downloaded only by readers."""

from __future__ import annotations

import io
import zoneinfo
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from docx import Document

from smartcluster.challenges import services
from smartcluster.challenges.models import Challenge, ChallengeChange
from smartcluster.challenges.tests.world import (
    ChallengeWorld,
    build_challenge_world,
    challenges_dump,
    make_challenge,
    post,
    signed_in,
)
from smartcluster.reports.tests.readable import docx_problems

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64


@pytest.fixture
def cw() -> ChallengeWorld:
    return build_challenge_world()


def _brief_data(title: str = "Cold chain tracking", deadline: str = "2099-03-01T17:00", **extra: Any) -> dict:
    criteria = [("Impact", "60", "3"), ("Feasibility", "40", "")]
    data = {"title": title, "problem": "Vaccines spoil.", "expected_outcome": "A tracker.",
            "time_zone": "Europe/Lisbon", "opens_at": "2099-01-01T09:00", "deadline_at": deadline,
            "evaluation_ends_at": "2099-04-01T17:00", "results_at": "2099-05-01T12:00", "score_max": "5",
            "aggregate": "median", "scores_per_submission": "3", "calibration_min_scores": "5",
            "criteria-TOTAL_FORMS": "3", "criteria-INITIAL_FORMS": "0", "criteria-MIN_NUM_FORMS": "0",
            "criteria-MAX_NUM_FORMS": "12"}
    for index, (name, weight, threshold) in enumerate(criteria):
        data.update({f"criteria-{index}-name": name, f"criteria-{index}-weight": weight,
                     f"criteria-{index}-threshold": threshold})
    return {**data, **extra}


def test_the_list_filters_by_phase_and_shows_the_deadline_in_the_challenges_zone(cw: ChallengeWorld) -> None:
    make_challenge(cw.world.org_b, title="Closed one", opens_in_days=-40, deadline_in_days=-5,
                   time_zone="Asia/Tokyo")
    make_challenge(cw.world.org_a, title="Secret draft", published=False)
    url = reverse("challenges:challenge_list")
    page = Client().get(url).content.decode()
    assert cw.challenge.title in page and "Closed one" in page and "Secret draft" not in page
    assert "Asia/Tokyo" in page and "Open for submissions" in page and "Under evaluation" in page
    assert "Closed one" not in Client().get(url, {"phase": "open"}).content.decode()
    assert "Closed one" in Client().get(url, {"organiser": cw.world.org_b.pk}).content.decode()
    assert cw.challenge.title not in Client().get(url, {"q": "Closed"}).content.decode()


def test_the_detail_page_shows_the_brief_criteria_and_the_organisers_buttons(cw: ChallengeWorld) -> None:
    url = reverse("challenges:challenge_detail", args=[cw.challenge.pk])
    public = Client().get(url).content.decode()
    for text in ("Unplanned stops", "Impact", "Excellence", "Europe/Brussels", "Changes since publication"):
        assert text in public
    assert reverse("challenges:challenge_edit", args=[cw.challenge.pk]) not in public
    organiser = Client()
    organiser.force_login(cw.users["editor_a"])
    page = organiser.get(url).content.decode()
    assert reverse("challenges:challenge_edit", args=[cw.challenge.pk]) in page
    assert reverse("challenges:challenge_cancel", args=[cw.challenge.pk]) in page


def test_a_draft_is_not_found_by_others(cw: ChallengeWorld) -> None:
    draft, _ = make_challenge(cw.world.org_a, title="Secret draft", published=False)
    url = reverse("challenges:challenge_detail", args=[draft.pk])
    assert Client().get(url).status_code == 404
    other = Client()
    other.force_login(cw.users["editor_b"])
    assert other.get(url).status_code == 404


def test_an_organiser_posts_a_draft_with_its_timeline_in_its_zone(cw: ChallengeWorld) -> None:
    client = signed_in(cw.users["editor_a"], reverse("challenges:challenge_create"))
    answer = post(client, reverse("challenges:challenge_create"), _brief_data(organiser=cw.world.org_a.pk))
    challenge = Challenge.objects.get(title="Cold chain tracking")
    assert answer.status_code == 302 and not challenge.is_published
    assert challenge.deadline_at.isoformat() == "2099-03-01T17:00:00+00:00"  # Lisbon is UTC+0 in March
    assert list(challenge.criteria.values_list("name", flat=True)) == ["Impact", "Feasibility"]


def test_a_post_without_its_csrf_token_is_refused_and_changes_nothing(cw: ChallengeWorld) -> None:
    client = signed_in(cw.users["editor_a"], reverse("challenges:challenge_create"))
    before = challenges_dump()
    answer = client.post(reverse("challenges:challenge_create"), _brief_data(organiser=cw.world.org_a.pk))
    assert answer.status_code == 403
    assert challenges_dump() == before


def test_a_refused_edit_shows_the_field_and_leaves_the_database_unchanged(cw: ChallengeWorld) -> None:
    url = reverse("challenges:challenge_edit", args=[cw.challenge.pk])
    client = signed_in(cw.users["editor_a"], url)
    before = challenges_dump()
    past = (timezone.now() - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")  # Reykjavik keeps UTC all year
    answer = post(client, url, _brief_data(deadline=past, time_zone="Atlantic/Reykjavik",
                                           opens_at="2000-01-01T00:00"))
    assert answer.status_code == 200
    assert "may not move before now" in answer.content.decode()
    assert challenges_dump() == before


def test_an_edit_of_a_published_brief_appears_in_its_changes(cw: ChallengeWorld) -> None:
    url = reverse("challenges:challenge_edit", args=[cw.challenge.pk])
    client = signed_in(cw.users["editor_a"], url)
    page = client.get(url)
    form = page.context["form"]
    zone = zoneinfo.ZoneInfo(cw.challenge.time_zone)
    shown = {name: value.astimezone(zone).strftime("%Y-%m-%dT%H:%M") if isinstance(value, datetime) else value
             for name, value in form.initial.items() if value is not None}
    assert f'value="{shown["deadline_at"]}"' in page.content.decode()  # shown in the challenge's own zone
    data = {**shown,
            "title": "Maintenance that predicts", "criteria-TOTAL_FORMS": "3", "criteria-INITIAL_FORMS": "3",
            "criteria-MIN_NUM_FORMS": "0", "criteria-MAX_NUM_FORMS": "12"}
    for index, criterion in enumerate(cw.criteria):
        data.update({f"criteria-{index}-name": criterion.name, f"criteria-{index}-weight": str(criterion.weight)})
    data.pop("on_behalf_of", None)
    data.pop("project", None)
    assert post(client, url, data).status_code == 302
    assert list(ChallengeChange.objects.values_list("field", flat=True)) == ["title"]
    page = Client().get(reverse("challenges:challenge_detail", args=[cw.challenge.pk])).content.decode()
    assert "Maintenance that predicts" in page and "Predictive maintenance for small plants" in page


def test_another_organisations_editor_cannot_edit_publish_or_cancel(cw: ChallengeWorld) -> None:
    draft, _ = make_challenge(cw.world.org_a, title="Draft", published=False, opens_in_days=2)
    client = signed_in(cw.users["editor_b"], reverse("challenges:challenge_create"))
    before = challenges_dump()
    assert post(client, reverse("challenges:challenge_edit", args=[cw.challenge.pk]),
                _brief_data()).status_code == 403
    assert post(client, reverse("challenges:challenge_publish", args=[draft.pk]), {}).status_code == 404
    assert post(client, reverse("challenges:challenge_cancel", args=[cw.challenge.pk]),
                {"reason": "mine now"}).status_code == 403
    assert challenges_dump() == before


def test_publish_and_cancel_after_confirmation(cw: ChallengeWorld) -> None:
    draft, _ = make_challenge(cw.world.org_a, title="Draft", published=False, opens_in_days=2)
    client = signed_in(cw.users["editor_a"], reverse("challenges:challenge_publish", args=[draft.pk]))
    assert post(client, reverse("challenges:challenge_publish", args=[draft.pk]), {}).status_code == 302
    draft.refresh_from_db()
    assert draft.is_published
    refused = post(client, reverse("challenges:challenge_cancel", args=[draft.pk]), {"reason": ""})
    assert refused.status_code == 200
    assert post(client, reverse("challenges:challenge_cancel", args=[draft.pk]),
                {"reason": "Sponsor left"}).status_code == 302
    page = Client().get(reverse("challenges:challenge_detail", args=[draft.pk])).content.decode()
    assert "Cancelled" in page and "Sponsor left" in page


def test_a_disguised_executable_upload_is_refused_with_nothing_stored(cw: ChallengeWorld, media: Path) -> None:
    url = reverse("challenges:challenge_attachment_add", args=[cw.challenge.pk])
    client = signed_in(cw.users["editor_a"], url)
    before = challenges_dump()
    answer = client.post(url, {"title": "Terms", "file": SimpleUploadedFile("terms.pdf", ELF),
                               "csrfmiddlewaretoken": client.cookies["csrftoken"].value})
    assert answer.status_code == 200 and "whatever its name says" in answer.content.decode()
    assert challenges_dump() == before
    assert not [path for path in media.rglob("*") if path.is_file()]


def test_an_attachment_downloads_for_readers_of_the_challenge_only(cw: ChallengeWorld) -> None:
    draft, _ = make_challenge(cw.world.org_a, title="Draft", published=False)
    public = services.challenge_attachment_add(user=cw.users["editor_a"], challenge=cw.challenge, title="Data",
                                               file=SimpleUploadedFile("d.pdf", PDF))
    hidden = services.challenge_attachment_add(user=cw.users["editor_a"], challenge=draft, title="Draft data",
                                               file=SimpleUploadedFile("d.pdf", PDF))
    answer = Client().get(reverse("challenges:challenge_attachment", args=[public.pk]))
    assert answer.status_code == 200 and b"".join(answer.streaming_content) == PDF
    assert answer["Content-Type"] == "application/pdf"
    assert Client().get(reverse("challenges:challenge_attachment", args=[hidden.pk])).status_code == 404


def test_a_draft_is_deleted_from_its_page_a_published_challenge_is_not(cw: ChallengeWorld) -> None:
    draft, _ = make_challenge(cw.world.org_a, title="Draft", published=False)
    client = signed_in(cw.users["editor_a"], reverse("challenges:challenge_detail", args=[draft.pk]))
    before = challenges_dump()
    refused = post(client, reverse("challenges:challenge_delete", args=[cw.challenge.pk]), {})
    assert refused.status_code == 302 and challenges_dump() == before
    assert post(client, reverse("challenges:challenge_delete", args=[draft.pk]), {}).status_code == 302
    assert not Challenge.objects.filter(pk=draft.pk).exists()


def test_the_brief_downloads_as_a_readable_word_document(cw: ChallengeWorld) -> None:
    services.challenge_update(user=cw.users["editor_a"], challenge=cw.challenge, prizes="A pilot contract")
    answer = Client().get(reverse("challenges:challenge_docx", args=[cw.challenge.pk]))
    assert answer.status_code == 200 and docx_problems(answer.content, "brief") == []
    text = "\n".join(cell.text for table in Document(io.BytesIO(answer.content)).tables
                     for row in table.rows for cell in row.cells)
    assert "Impact" in text and "Prizes and follow-up" in text and "A pilot contract" in text
    draft, _ = make_challenge(cw.world.org_a, title="Draft", published=False)
    assert Client().get(reverse("challenges:challenge_docx", args=[draft.pk])).status_code == 404


def test_the_list_costs_the_same_queries_for_many_challenges(cw: ChallengeWorld,
                                                             django_assert_max_num_queries: Any) -> None:
    url = reverse("challenges:challenge_list")
    Client().get(url)  # warm caches (site settings, translations)
    with django_assert_max_num_queries(12) as few:
        Client().get(url)
    for number in range(8):
        make_challenge(cw.world.org_b, title=f"Challenge {number}", opens_in_days=number - 4)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert "Challenge 7" in Client().get(url).content.decode()
