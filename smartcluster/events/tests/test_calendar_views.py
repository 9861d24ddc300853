"""Calendar pages: the landing list with filters, the month calendar, event pages and forms (CSRF enforced),
the iCalendar feeds and the stakeholder group pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

import icalendar
import pytest
from django.test import Client
from django.urls import reverse

from smartcluster.events.choices import EventKind
from smartcluster.events.models import ProjectEvent, StakeholderGroup
from smartcluster.events.selectors.calendar import project_event_feed_token
from smartcluster.events.services.calendar import stakeholder_group_load
from smartcluster.events.services.participation import registration_load
from smartcluster.events.tests.calendar_factories import (
    ATHENS,
    calendar_dump,
    calendar_world,
    make_event,
    partner_b,
)
from smartcluster.matchmaking.tests.conftest import create_event
from smartcluster.organisations.models import Organisation, OrganisationType, Person

pytestmark = pytest.mark.django_db


def browser(user: Any = None) -> Client:
    """CSRF enforced, logged in as `user`, holding the CSRF cookie a first form page sets."""
    client = Client(enforce_csrf_checks=True, HTTP_REFERER="https://testserver/")
    if user is not None:
        client.force_login(user)
    client.get(reverse("events:event_list"), secure=True)
    return client


def post(client: Client, url: str, data: dict[str, Any]) -> Any:
    token = client.cookies["csrftoken"].value if "csrftoken" in client.cookies else ""
    return client.post(url, {**data, "csrfmiddlewaretoken": token}, secure=True)


def event_data(world, **extra: Any) -> dict[str, Any]:
    return {"kind": EventKind.PEER_REVIEW, "title": "Peer review in Larissa", "host": world.partner_a.pk,
            "venue": "Larissa", "time_zone": "Europe/Athens", "starts_at": "2025-09-10T09:00",
            "ends_at": "2025-09-10T17:00", "votes_per_participant": "5", "is_published": "on", **extra}


def test_the_landing_list_shows_public_events_to_all_and_internal_ones_to_partners() -> None:
    world = calendar_world()
    make_event(world, title="Final conference", kind=EventKind.FINAL_CONFERENCE)
    make_event(world, title="Steering committee 1", kind=EventKind.STEERING_COMMITTEE, is_published=False)
    anonymous = Client().get(reverse("events:event_list"), secure=True).content.decode()
    assert "Final conference" in anonymous and "Steering committee 1" not in anonymous
    client = Client()
    client.force_login(world.users["editor_b"])
    partner = client.get(reverse("events:event_list"), secure=True).content.decode()
    assert "Steering committee 1" in partner and "internal" in partner


def test_the_list_filters_by_kind_and_semester() -> None:
    world = calendar_world()
    make_event(world, title="Opening of CSI", kind=EventKind.KICK_OFF, starts=dt.datetime(2025, 3, 20, 9))
    make_event(world, title="Webinar one", kind=EventKind.WEBINAR, starts=dt.datetime(2025, 10, 2, 9))
    page = Client().get(reverse("events:event_list"), {"semester": 2}, secure=True).content.decode()
    assert "Webinar one" in page and "Opening of CSI" not in page
    page = Client().get(reverse("events:event_list"), {"kind": EventKind.KICK_OFF}, secure=True).content.decode()
    assert "Opening of CSI" in page and "Webinar one" not in page


def test_an_editor_creates_an_event_in_its_time_zone_through_the_form() -> None:
    world = calendar_world()
    client = browser(world.users["editor_a"])
    response = post(client, reverse("events:event_create"), event_data(world))
    event = ProjectEvent.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("events:event_detail", args=[event.pk])
    assert event.starts_at == dt.datetime(2025, 9, 10, 9, 0, tzinfo=ATHENS)
    detail = client.get(reverse("events:event_detail", args=[event.pk]), secure=True).content.decode()
    assert "09:00" in detail and "Europe/Athens" in detail


def test_the_form_refuses_an_event_ending_before_it_starts_naming_the_field() -> None:
    world = calendar_world()
    client = browser(world.users["editor_a"])
    before = calendar_dump()
    response = post(client, reverse("events:event_create"), event_data(world, ends_at="2025-09-10T08:00"))
    assert response.status_code == 200
    assert response.context["form"].errors["ends_at"] == ["An event must end after it starts."]
    assert calendar_dump() == before


def test_a_post_without_csrf_token_is_refused() -> None:
    world = calendar_world()
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["editor_a"])
    response = client.post(reverse("events:event_create"), event_data(world), secure=True)
    assert response.status_code == 403 and not ProjectEvent.objects.exists()


def test_another_partners_editor_cannot_edit_delete_or_extend_the_agenda() -> None:
    world = calendar_world()
    event = make_event(world)
    client = browser(world.users["editor_b"])
    before = calendar_dump()
    assert post(client, reverse("events:event_edit", args=[event.pk]), event_data(world, title="X")).status_code == 403
    assert post(client, reverse("events:event_delete", args=[event.pk]), {}).status_code == 403
    assert post(client, reverse("events:session_add", args=[event.pk]), {
        "title": "X", "starts_at": "2025-09-10T10:00", "ends_at": "2025-09-10T11:00"}).status_code == 403
    assert calendar_dump() == before


def test_an_internal_event_is_404_for_anonymous_visitors() -> None:
    world = calendar_world()
    event = make_event(world, is_published=False)
    assert Client().get(reverse("events:event_detail", args=[event.pk]), secure=True).status_code == 404


def test_agenda_items_are_added_in_the_events_zone_and_refused_outside_it() -> None:
    world = calendar_world()
    event = make_event(world)
    client = browser(world.users["editor_a"])
    url = reverse("events:session_add", args=[event.pk])
    ok = post(client, url, {"title": "Welcome", "speakers": "Ana Alves", "starts_at": "2025-09-10T09:00",
                            "ends_at": "2025-09-10T09:30"})
    assert ok.status_code == 302
    assert event.sessions.get().starts_at == dt.datetime(2025, 9, 10, 6, 0, tzinfo=dt.UTC)
    before = calendar_dump()
    refused = post(client, url, {"title": "Dinner", "starts_at": "2025-09-10T19:00", "ends_at": "2025-09-10T21:00"})
    assert refused.status_code == 400 and "starts_at" in refused.context["session_form"].errors
    assert calendar_dump() == before


def test_the_month_calendar_shows_events_on_their_local_days_and_moves_by_htmx() -> None:
    world = calendar_world()
    make_event(world, title="Visit to Volos", kind=EventKind.STUDY_VISIT, starts=dt.datetime(2025, 10, 1, 0, 30),
               hours=30)  # 1 and 2 October in Athens, 30 September in UTC
    page = Client().get(reverse("events:event_calendar"), {"month": "2025-10"}, secure=True)
    html = page.content.decode()
    assert "<caption>October 2025</caption>" in html and html.count("Visit to Volos") == 2
    assert 'href="?month=2025-09"' in html and 'href="?month=2025-11"' in html
    partial = Client().get(reverse("events:event_calendar"), {"month": "2025-09"}, secure=True,
                           HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in partial and "Visit to Volos" not in partial and "September 2025" in partial


def _feed_events(content: bytes) -> dict[str, Any]:
    return {str(c["summary"]): c for c in icalendar.Calendar.from_ical(content).walk("VEVENT")}


def test_the_public_feed_lists_public_events_in_their_zone_and_the_personal_feed_adds_internal_ones() -> None:
    world = calendar_world()
    make_event(world, title="Final conference", kind=EventKind.FINAL_CONFERENCE)
    make_event(world, title="Steering committee 1", kind=EventKind.STEERING_COMMITTEE, is_published=False)
    response = Client().get(reverse("events:event_feed"), secure=True)
    assert response["Content-Type"].startswith("text/calendar")
    events = _feed_events(response.content)
    assert list(events) == ["Final conference"]
    assert events["Final conference"].decoded("dtstart") == dt.datetime(2025, 9, 10, 9, 0, tzinfo=ATHENS)
    assert b"BEGIN:VTIMEZONE" in response.content and b"TZID:Europe/Athens" in response.content
    of_project = Client().get(reverse("events:event_feed"), {"project": world.project.pk}, secure=True)
    assert list(_feed_events(of_project.content)) == ["Final conference"]
    other = Client().get(reverse("events:event_feed"), {"project": world.project.pk + 1}, secure=True)
    assert _feed_events(other.content) == {}
    token = project_event_feed_token(user=world.users["editor_b"])
    own = Client().get(reverse("events:event_user_feed", args=[token]), secure=True)
    assert set(_feed_events(own.content)) == {"Final conference", "Steering committee 1"}
    user_id, signature = token.split(".")
    for forged in (f"{world.users['administrator'].pk}.{signature}", f"{user_id}.{signature[::-1]}", user_id):
        assert Client().get(reverse("events:event_user_feed", args=[forged]), secure=True).status_code == 404


def test_stakeholder_group_pages_show_members_on_a_date_and_the_plan() -> None:
    world = calendar_world()
    firm = Organisation.objects.create(name="Firm One", type=OrganisationType.SME)
    gone = Organisation.objects.create(name="Gone University", type=OrganisationType.UNIVERSITY)
    group = stakeholder_group_load(partner=world.partner_a, name="Thessaly RSG", members=[
        {"organisation": firm, "joined_on": dt.date(2025, 3, 1)},
        {"organisation": gone, "joined_on": dt.date(2025, 3, 1), "left_on": dt.date(2025, 6, 30)}])
    make_event(world, title="RSG meeting 1", kind=EventKind.STAKEHOLDER_MEETING, stakeholder_group=group,
               starts=dt.datetime(2025, 4, 1, 10))
    url = reverse("events:stakeholder_group_detail", args=[group.pk])
    page = Client().get(url, {"on": "2025-07-01"}, secure=True).content.decode()
    assert "Firm One" in page and "Gone University" not in page and "By helix: Business 1</p>" in page
    page = Client().get(url, secure=True).content.decode()
    assert "Gone University" in page and "RSG meeting 1" in page
    overview = Client().get(reverse("events:stakeholder_groups"), secure=True).content.decode()
    assert "Thessaly RSG" in overview and ">8<" in overview and ">1<" in overview


def test_a_partners_editor_creates_its_group_and_adds_a_member_through_the_forms() -> None:
    world = calendar_world()
    firm = Organisation.objects.create(name="Firm One", type=OrganisationType.SME)
    intruder = browser(world.users["editor_a"])
    before = calendar_dump()
    assert post(intruder, reverse("events:stakeholder_group_create", args=[partner_b(world).pk]),
                {"name": "Mine now", "meetings_per_semester": "1"}).status_code == 403
    assert calendar_dump() == before
    response = post(intruder, reverse("events:stakeholder_group_create", args=[world.partner_a.pk]),
                    {"name": "Thessaly RSG", "meetings_per_semester": "1"})
    group = StakeholderGroup.objects.get()
    assert response["Location"] == reverse("events:stakeholder_group_detail", args=[group.pk])
    post(intruder, reverse("events:stakeholder_member_add", args=[group.pk]),
         {"organisation": firm.pk, "joined_on": "2025-03-01"})
    assert [m.organisation for m in group.members.all()] == [firm]


def test_the_edit_form_shows_and_saves_times_in_the_events_zone() -> None:
    world = calendar_world()
    event = make_event(world, starts=dt.datetime(2025, 12, 10, 9, 0))  # Athens is UTC+2 in winter
    client = browser(world.users["editor_a"])
    page = client.get(reverse("events:event_edit", args=[event.pk]), secure=True).content.decode()
    assert 'value="2025-12-10T09:00"' in page and 'value="2025-12-10T17:00"' in page
    response = post(client, reverse("events:event_edit", args=[event.pk]), event_data(
        world, starts_at="2025-12-10T10:00", ends_at="2025-12-10T18:00", time_zone="Europe/Lisbon"))
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.starts_at == dt.datetime(2025, 12, 10, 10, 0, tzinfo=dt.UTC)  # Lisbon is UTC+0 in winter


def test_the_event_page_names_host_semester_focus_zone_and_links_the_b2b_event() -> None:
    world = calendar_world()
    b2b = create_event(world.users["editor_a"], title="Online B2B on Industry 4.0")
    event = make_event(world, title="Online B2B event 1", kind=EventKind.OTHER, venue="",
                       online_url="https://meet.example.org/b2b", matchmaking_event=b2b,
                       thematic_focus="Digital transformation", starts=dt.datetime(2029, 3, 5, 10))
    page = Client().get(reverse("events:event_detail", args=[event.pk]), secure=True).content.decode()
    assert reverse("matchmaking:event_detail", args=[b2b.pk]) in page and "Online B2B on Industry 4.0" in page
    assert "Agency A" in page and "Digital transformation" in page and "Europe/Athens" in page
    assert "<dd>9 (after the project)</dd>" in page


def test_the_feedback_survey_is_offered_only_to_people_registered_for_the_event() -> None:
    world = calendar_world()
    event = make_event(world)
    survey = f"href=\"{reverse('events:feedback', args=[event.pk])}\""
    registered = world.users["viewer"]
    person = Person.objects.create(name="Vera Viewer", organisation=world.org_a, user=registered)
    registration_load(event=event, person=person, attended=True)
    assert survey in browser(registered).get(reverse("events:event_detail", args=[event.pk]), secure=True).content.decode()
    for user in (world.users["editor_a"], None):
        page = browser(user).get(reverse("events:event_detail", args=[event.pk]), secure=True).content.decode()
        assert survey not in page


def test_removing_a_missing_agenda_item_or_member_is_404_and_changes_nothing() -> None:
    world = calendar_world()
    editor = browser(world.users["editor_a"])
    before = calendar_dump()
    assert post(editor, reverse("events:session_delete", args=[999999]), {}).status_code == 404
    assert post(editor, reverse("events:stakeholder_member_leave", args=[999999]),
                {"left_on": "2025-03-01"}).status_code == 404
    assert calendar_dump() == before
