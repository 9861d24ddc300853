"""Outcomes pages posted like a browser (CSRF enforced): the host records minutes, decisions and actions, others are
refused with nothing changed; my actions; check-in warnings; brainstorm result downloads; the event report (page
and DOCX) follows the records."""

from __future__ import annotations

import datetime as dt
import io
import struct
import zlib
from typing import Any

import docx
import openpyxl
import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from smartcluster.events import services
from smartcluster.events.models import FollowUpAction, Material
from smartcluster.events.tests.outcomes_world import (
    lead_world,
    make_event,
    outcomes_dump,
    partner_b,
    person_with_user,
    register,
)
from smartcluster.events.tests.participation_factories import browser, send

pytestmark = pytest.mark.django_db


def docx_text(payload: bytes) -> str:
    """Every paragraph and table cell of a DOCX, one per line."""
    document = docx.Document(io.BytesIO(payload))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([paragraph.text for paragraph in document.paragraphs] + cells)


def tiny_png() -> bytes:
    """A 1×1 white PNG (PNG specification: signature, IHDR, IDAT, IEND chunks)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff"))
            + chunk(b"IEND", b""))


def test_host_records_minutes_decision_and_action_through_the_pages() -> None:
    world = lead_world()
    event = make_event(world)
    owner = person_with_user("Bea Brown", organisation=world.org_b)
    host = browser(world.users["editor_a"])
    assert send(host, reverse("events:minutes_set", args=[event.pk]), {"minutes": "Quorum reached."}).status_code == 302
    send(host, reverse("events:decision_add", args=[event.pk]), {"text": "Approve the work plan"})
    send(host, reverse("events:action_add", args=[event.pk]),
         {"title": "Circulate the plan", "owner": owner.pk, "due_on": "2026-04-01"})
    page = host.get(reverse("events:outcomes", args=[event.pk]), secure=True).content.decode()
    assert "Quorum reached." in page and "Approve the work plan" in page and "Circulate the plan" in page
    assert FollowUpAction.objects.get().owner == owner
    send(host, reverse("events:decision_delete", args=[event.decisions.get().pk]))
    assert not event.decisions.exists()


def test_another_partners_editor_and_a_post_without_token_change_nothing() -> None:
    world = lead_world()
    event = make_event(world)
    decision = services.decision_add(user=world.users["editor_a"], event=event, text="Kept")
    before = outcomes_dump()
    intruder = browser(world.users["editor_b"])
    assert send(intruder, reverse("events:decision_add", args=[event.pk]), {"text": "Hijack"}).status_code == 403
    assert send(intruder, reverse("events:minutes_set", args=[event.pk]), {"minutes": "x"}).status_code == 403
    assert send(intruder, reverse("events:decision_delete", args=[decision.pk])).status_code == 403
    host = browser(world.users["editor_a"])
    assert send(host, reverse("events:decision_add", args=[event.pk]), {"text": "No token"},
                token=False).status_code == 403
    assert outcomes_dump() == before


def test_owner_marks_an_action_done_from_my_actions_and_a_missing_date_is_named() -> None:
    world = lead_world()
    event = make_event(world)
    me = person_with_user("Bea Brown")
    action = services.action_create(user=world.users["editor_a"], event=event, title="Send the claim", owner=me,
                                    due_on=dt.date(2026, 4, 1))
    client = browser(me.user)
    page = client.get(reverse("events:actions_mine"), secure=True).content.decode()
    assert "Send the claim" in page
    url = reverse("events:action_status", args=[action.pk])
    send(client, url, {"status": "done", "done_on": "", "back": "mine"})
    assert FollowUpAction.objects.get(pk=action.pk).status == "open"
    followed = client.get(reverse("events:actions_mine"), secure=True).content.decode()
    assert "Give the date the action was done." in followed
    send(client, url, {"status": "done", "done_on": "2026-03-31", "back": "mine"})
    assert FollowUpAction.objects.get(pk=action.pk).done_on == dt.date(2026, 3, 31)
    assert "Send the claim" not in client.get(reverse("events:actions_mine"), secure=True).content.decode()


def test_check_in_page_warns_about_partners_not_met_and_lists_open_issues() -> None:
    world = lead_world()
    check_in = make_event(world, kind="check_in", partner_met=partner_b(world),
                          starts=timezone.now() - dt.timedelta(days=120))
    send(browser(world.users["editor_a"]), reverse("events:issue_add", args=[check_in.pk]),
         {"topic": "finance", "text": "Audit certificate missing"})
    page = browser(world.users["editor_a"]).get(reverse("events:check_in_status", args=[world.project.pk]),
                                                 secure=True)
    text = page.content.decode()
    assert "Authority B" in text and "more than 92 days" in text and "Audit certificate missing" in text
    assert browser(world.users["editor_b"]).get(reverse("events:check_in_status", args=[world.project.pk]),
                                                secure=True).status_code == 403


def test_brainstorm_vote_on_the_page_and_result_downloads_rank_the_ideas() -> None:
    world = lead_world()
    event = make_event(world, kind="brainstorm", votes_per_participant=1)
    voter = person_with_user("Vera Vote")
    register(event, voter)
    client = browser(voter.user)
    send(client, reverse("events:idea_add", args=[event.pk]), {"text": "Shared testbed"})
    send(client, reverse("events:idea_add", args=[event.pk]), {"text": "Skills academy"})
    skills = event.ideas.get(text="Skills academy")
    send(client, reverse("events:vote", args=[skills.pk]))
    send(client, reverse("events:vote", args=[skills.pk]))  # over the budget of 1: refused
    assert skills.votes.count() == 1
    xlsx = client.get(reverse("events:brainstorm_result_download", args=[event.pk, "xlsx"]), secure=True)
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).worksheets[0]
    assert [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["Skills academy", "Shared testbed"]
    docx_answer = client.get(reverse("events:brainstorm_result_download", args=[event.pk, "docx"]), secure=True)
    assert "Skills academy" in docx_text(docx_answer.content)
    assert client.get(reverse("events:brainstorm_result_download", args=[event.pk, "pdf"]),
                      secure=True).status_code == 404


def test_event_report_docx_changes_when_a_record_changes(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path
    world = lead_world()
    event = make_event(world)
    came = person_with_user("Ana Came", organisation=world.org_b)
    register(event, came, attended=True, partner=partner_b(world))
    photo = Material(event=event, kind="photo", title="Group photo", content_type="image/png", size=70)
    photo.file.save("group.png", ContentFile(tiny_png()), save=True)
    action = services.action_create(user=world.users["editor_a"], event=event, title="Circulate the plan",
                                    owner=came, due_on=dt.date(2026, 4, 1))
    host = browser(world.users["editor_a"])
    url = reverse("events:report_docx", args=[event.pk])
    first = host.get(url, secure=True).content
    text = docx_text(first)
    assert "Ana Came" in text and "Authority B" in text and "Circulate the plan" in text and "Open" in text
    assert len(docx.Document(io.BytesIO(first)).inline_shapes) == 1  # the photo
    assert "Adopt the budget" not in text
    services.decision_add(user=world.users["editor_a"], event=event, text="Adopt the budget")
    services.action_status_set(user=world.users["editor_a"], action=action, status="done", done_on=dt.date(2026, 4, 2))
    changed = docx_text(host.get(url, secure=True).content)
    assert "Adopt the budget" in changed and "Done" in changed and changed != text


def test_the_report_is_for_the_host_only_and_internal_events_stay_hidden() -> None:
    world = lead_world()
    event = make_event(world)
    assert browser(world.users["editor_b"]).get(reverse("events:report", args=[event.pk]),
                                                secure=True).status_code == 403
    assert browser().get(reverse("events:report", args=[event.pk]), secure=True).status_code == 404
    page = browser(world.users["editor_a"]).get(reverse("events:report", args=[event.pk]), secure=True)
    assert page.status_code == 200 and "window.print()" in page.content.decode()


def test_host_groups_ideas_into_themes_and_a_participant_cannot() -> None:
    world = lead_world()
    event = make_event(world, kind="brainstorm", is_published=True)
    voter = person_with_user("Vera Vote")
    register(event, voter)
    idea = services.brainstorm_idea_add(user=voter.user, event=event, text="Shared testbed")
    host = browser(world.users["editor_a"])
    send(host, reverse("events:theme_add", args=[event.pk]), {"title": "Infrastructure"})
    theme = event.themes.get()
    before = outcomes_dump()
    participant = browser(voter.user)
    assert send(participant, reverse("events:idea_theme", args=[idea.pk]), {"theme": theme.pk}).status_code == 403
    assert send(participant, reverse("events:theme_add", args=[event.pk]), {"title": "Mine"}).status_code == 403
    assert outcomes_dump() == before
    send(host, reverse("events:idea_theme", args=[idea.pk]), {"theme": theme.pk})
    result = browser().get(reverse("events:brainstorm_result", args=[event.pk]), secure=True).content.decode()
    assert "Infrastructure" in result and "Shared testbed" in result


def test_readers_see_decisions_without_forms_and_internal_outcomes_stay_hidden() -> None:
    world = lead_world()
    public = make_event(world, is_published=True)
    services.decision_add(user=world.users["editor_a"], event=public, text="Adopt the plan")
    page = browser().get(reverse("events:outcomes", args=[public.pk]), secure=True).content.decode()
    assert "Adopt the plan" in page and reverse("events:decision_add", args=[public.pk]) not in page
    internal = make_event(world, kind="check_in", partner_met=partner_b(world))
    services.check_in_issue_add(user=world.users["editor_a"], event=internal, topic="finance", text="Claim late")
    assert browser().get(reverse("events:outcomes", args=[internal.pk]), secure=True).status_code == 404
    partner_page = browser(world.users["editor_b"]).get(reverse("events:outcomes", args=[internal.pk]), secure=True)
    assert partner_page.status_code == 200 and "Claim late" not in partner_page.content.decode()
