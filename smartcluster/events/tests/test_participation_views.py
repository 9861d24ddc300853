"""Participation pages, posted like a browser with CSRF enforced: the host invites and takes attendance (htmx
rows), participants register and answer the survey by their link or logged in, certificates only for people who
attended, XLSX downloads read back; refusals leave the database unchanged."""

from __future__ import annotations

import io

import pytest
from django.core import mail
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from smartcluster.events import services
from smartcluster.events.choices import EventKind, RegistrationStatus
from smartcluster.events.models import FeedbackResponse, Registration
from smartcluster.events.tests.participation_factories import (
    browser,
    build_world,
    make_event,
    make_person,
    participation_dump,
    register,
    send,
)
from smartcluster.organisations.choices import OrganisationType
from smartcluster.organisations.tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_the_host_invites_through_the_page_and_a_post_without_csrf_token_changes_nothing(
        django_capture_on_commit_callbacks) -> None:
    world = build_world()
    event = make_event(world)
    url = reverse("events:participants", args=[event.pk])
    client = browser(world.users["editor_a"])
    data = {"name": "Eleni", "email": "eleni@example.org", "group": "external", "organisation_name": "Uni T",
            "organisation_type": OrganisationType.UNIVERSITY}
    before = participation_dump()
    assert send(client, url, data, token=False).status_code == 403
    assert participation_dump() == before
    with django_capture_on_commit_callbacks(execute=True):
        assert send(client, url, data).status_code == 302
    registration = Registration.objects.get(person__email="eleni@example.org")
    assert reverse("events:registration_entry", args=[registration.token]) in mail.outbox[0].body
    page = client.get(url, secure=True).content.decode()
    assert "Eleni" in page and reverse("events:attendance_toggle", args=[registration.pk]) in page


def test_the_participants_page_is_the_hosts_only() -> None:
    world = build_world()
    event = make_event(world)
    url = reverse("events:participants", args=[event.pk])
    assert browser(world.users["editor_b"]).get(url, secure=True).status_code == 403
    assert browser(world.users["viewer"]).get(url, secure=True).status_code == 403
    assert browser().get(url, secure=True).status_code == 302  # to the login page
    before = participation_dump()
    assert send(browser(world.users["editor_b"]), url, {"name": "X", "email": "x@example.org",
                                                       "group": "external"}).status_code == 403
    assert participation_dump() == before


def test_attendance_is_toggled_by_htmx_and_refused_for_someone_who_declined() -> None:
    world = build_world()
    event = make_event(world)
    present = register(event, make_person("Petra"))
    declined = register(event, make_person("Dora"), status=RegistrationStatus.DECLINED)
    client = browser(world.users["editor_a"])
    response = send(client, reverse("events:attendance_toggle", args=[present.pk]), {"attended": "1"},
                    HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "✓" in response.content.decode()
    assert Registration.objects.get(pk=present.pk).attended
    before = participation_dump()
    refused = send(client, reverse("events:attendance_toggle", args=[declined.pk]), {"attended": "1"},
                   HTTP_HX_REQUEST="true")
    assert refused.status_code == 400 and "only for invited or registered" in refused.content.decode()
    assert participation_dump() == before
    assert send(browser(world.users["editor_b"]), reverse("events:attendance_toggle", args=[present.pk]),
                {"attended": "0"}).status_code == 404  # another partner does not even see the registration
    assert Registration.objects.get(pk=present.pk).attended


def test_an_invitee_registers_by_link_answers_the_survey_once_and_downloads_the_certificate() -> None:
    world = build_world()
    event = make_event(world, kind=EventKind.WEBINAR)
    invited = register(event, make_person("Nina"), status=RegistrationStatus.INVITED)
    client = browser()
    entry = reverse("events:registration_entry", args=[invited.token])
    page = client.get(entry, secure=True)
    # the token never leaves the site in a Referer, and the page still posts with its Origin (CSRF)
    assert page.status_code == 200 and "Decline" in page.content.decode()
    assert '<meta name="referrer" content="same-origin">' in page.content.decode()
    assert send(client, entry, {"action": "register", "dietary_needs": "halal"}).status_code == 302
    assert Registration.objects.get(pk=invited.pk).dietary_needs == "halal"
    certificate = reverse("events:certificate_by_token", args=[invited.token])
    assert client.get(certificate, secure=True).status_code == 403  # not recorded as present yet
    services.attendance_set(user=world.users["editor_a"], registration=invited, attended=True)
    document = Document(io.BytesIO(client.get(certificate, secure=True).content))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "Nina" in text and event.title in text and "Agency A" in text
    survey = reverse("events:feedback_by_token", args=[invited.token])
    assert "capacity on the topic before" in client.get(survey, secure=True).content.decode()
    answers = {"satisfaction": "5", "learning": "4", "capacity_before": "2", "capacity_after": "4",
               "most_useful": "Examples"}
    assert send(client, survey, answers).status_code == 302
    again = send(client, survey, {**answers, "satisfaction": "1"})
    assert again.status_code == 400 and FeedbackResponse.objects.get().satisfaction == 5
    assert client.get(reverse("events:registration_entry", args=["not-a-token"]), secure=True).status_code == 404


def test_a_logged_in_user_registers_declines_and_reads_only_their_own_certificate() -> None:
    world = build_world()
    event = make_event(world)
    outsider = make_user("outsider")
    client = browser(outsider)
    page = reverse("events:participation", args=[event.pk])
    assert send(client, page, {"action": "cancel"}).status_code == 302 and not Registration.objects.exists()
    assert send(client, page, {"action": "register", "accessibility_needs": "step-free"}).status_code == 302
    mine = Registration.objects.get(person__user=outsider)
    assert mine.accessibility_needs == "step-free"
    assert send(client, page, {"action": "cancel"}).status_code == 302
    assert Registration.objects.get(pk=mine.pk).status == RegistrationStatus.CANCELLED
    other = register(event, make_person("Olga"), attended=True)
    for reader in (client, browser(world.users["viewer"]), browser(world.users["editor_b"])):
        assert reader.get(reverse("events:certificate", args=[other.pk]), secure=True).status_code == 404
    host_browser = browser(world.users["editor_a"])
    assert host_browser.get(reverse("events:certificate", args=[999999]), secure=True).status_code == 404
    host = host_browser.get(reverse("events:certificate", args=[other.pk]), secure=True)
    assert host.status_code == 200 and host["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml")


def test_the_host_reads_feedback_results_and_downloads_both_workbooks() -> None:
    world = build_world()
    event = make_event(world, kind=EventKind.WEBINAR)
    for number, (before, after) in enumerate([(1, 3), (3, 3), (2, 4)]):
        registration = register(event, make_person(f"P{number}", organisation_type=OrganisationType.SME),
                                partner=world.partner_a, attended=True)
        services.feedback_submit(registration=registration, answers={
            "satisfaction": 4, "learning": 4, "capacity_before": before, "capacity_after": after,
            "to_improve": f"Idea {number}"})
    client = browser(world.users["editor_a"])
    page = client.get(reverse("events:feedback_results", args=[event.pk]), secure=True).content.decode()
    assert "Idea 2" in page and "increased capacity" in page
    feedback = load_workbook(io.BytesIO(client.get(reverse("events:feedback_xlsx", args=[event.pk]),
                                                   secure=True).content))
    summary = {row[0]: row[1] for row in feedback["Summary"].iter_rows(values_only=True)}
    assert summary["Participants reporting increased capacity"] == 2 and summary["Responses"] == 3
    attendance = load_workbook(io.BytesIO(client.get(reverse("events:attendance_xlsx", args=[event.pk]),
                                                     secure=True).content))
    assert [row for row in attendance["Attended by helix"].iter_rows(values_only=True)][1] == ("Business", 3)
    assert browser(world.users["editor_b"]).get(reverse("events:feedback_xlsx", args=[event.pk]),
                                                secure=True).status_code == 403
