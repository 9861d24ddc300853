"""`migrate` from a database of before the notifications app keeps every inbox message: matchmaking's rows move
into the shared table with their times, read state, and a kind and record key derived from what they concern."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from smartcluster.accounts.models import Membership, MembershipRole
from smartcluster.matchmaking import services as matchmaking
from smartcluster.matchmaking.tests.conftest import create_event, make_user, register
from smartcluster.notifications.models import Notification
from smartcluster.organisations.models import Organisation

BEFORE = [("matchmaking", "0003_participant_updated_at"), ("notifications", "0001_initial")]
AFTER = [("matchmaking", "0005_delete_notification")]


def _migrate(targets: list[tuple[str, str]]) -> Any:
    """Migrate to `targets`; the apps (historical models) of that state."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


@pytest.fixture
def back_to_latest(transactional_db: None) -> Iterator[None]:
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_migrating_forward_moves_every_matchmaking_notification(back_to_latest: None) -> None:
    organiser = make_user("organiser")
    Membership.objects.create(user=organiser, organisation=Organisation.objects.create(name="Cluster", type="cluster"),
                              role=MembershipRole.PARTNER_EDITOR)
    event = create_event(organiser, title="Baltic B2B", time_zone="Europe/Vilnius")
    a, b = register(event, "asta"), register(event, "nikos")
    meeting = matchmaking.meeting_request(user=a.user, requester=a, recipient=b)
    sent_by_services = Notification.objects.count()

    old = _migrate(BEFORE).get_model("matchmaking", "Notification")
    # Migrating back returns the services' messages to matchmaking's table, linked to their meeting again.
    assert old.objects.count() == sent_by_services and not Notification.objects.exists()
    assert old.objects.get(meeting_id=meeting.pk).user_id == b.user_id
    old.objects.all().delete()  # the history below is what the test follows forward
    sent = timezone.now() - dt.timedelta(days=30)
    rows = [
        old(user_id=b.user_id, event_id=event.pk, meeting_id=meeting.pk, subject="Meeting request from Asta",
            body="Sensors?", url=f"/matchmaking/meetings/{meeting.pk}/", read_at=sent + dt.timedelta(hours=1)),
        old(user_id=organiser.pk, event_id=event.pk, subject="New registration", url=f"/matchmaking/{event.pk}/manage/"),
        old(user_id=a.user_id, event_id=event.pk, subject="Your agenda changed", url=f"/matchmaking/{event.pk}/agenda/"),
        old(user_id=a.user_id, event_id=event.pk, subject="Approved", url=f"/matchmaking/{event.pk}/"),
    ]
    for row in rows:
        row.save()
    old.objects.update(created_at=sent)  # auto_now_add stamped them now

    _migrate(AFTER)

    moved = {row.subject: row for row in Notification.objects.all()}
    assert len(moved) == 4
    request = moved["Meeting request from Asta"]
    assert (request.user_id, request.kind, request.topic_key) == (b.user_id, "matchmaking.meeting",
                                                                   f"matchmaking.meeting:{meeting.pk}")
    assert (request.body, request.topic, request.time_zone) == ("Sensors?", "Baltic B2B", "Europe/Vilnius")
    assert request.created_at == sent and request.read_at == sent + dt.timedelta(hours=1)
    assert {subject: row.kind for subject, row in moved.items() if row.topic_key == f"matchmaking.event:{event.pk}"} == {
        "New registration": "matchmaking.registration_received", "Your agenda changed": "matchmaking.agenda_changed",
        "Approved": "matchmaking.registration_decided"}
    assert all(row.read_at is None for subject, row in moved.items() if subject != request.subject)
    assert "matchmaking_notification" not in connection.introspection.table_names()
