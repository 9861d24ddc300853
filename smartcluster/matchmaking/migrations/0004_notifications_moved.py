"""Move every inbox message into the shared notifications app (its kind, label, record key and time zone derived
from the event or meeting it concerns); 0005 then removes matchmaking's own table."""

from contextlib import contextmanager

from django.db import migrations

BATCH = 1000


@contextmanager
def _sent_times_kept(model):
    """The historical model would stamp every moved message "now": keep the time it was sent."""
    field = model._meta.get_field("created_at")
    field.auto_now_add = False
    try:
        yield
    finally:
        field.auto_now_add = True


def _kind(row):
    """What the message concerns: a meeting, or its event's agenda, registrations or a decision on one."""
    if row.meeting_id:
        return "matchmaking.meeting"
    if "/agenda/" in row.url:
        return "matchmaking.agenda_changed"
    if row.url.endswith("/manage/"):
        return "matchmaking.registration_received"
    return "matchmaking.registration_decided" if row.event_id else "matchmaking.notice"


def _moved(row, Target):
    event = row.event
    key = (f"matchmaking.meeting:{row.meeting_id}" if row.meeting_id
           else f"matchmaking.event:{row.event_id}" if row.event_id else "")
    return Target(user_id=row.user_id, kind=_kind(row), subject=row.subject or "-", body=row.body, url=row.url,
                  topic=event.title[:200] if event else "", topic_key=key,
                  time_zone=event.time_zone if event else "", created_at=row.created_at, read_at=row.read_at)


def move_forward(apps, schema_editor):
    Source = apps.get_model("matchmaking", "Notification")
    Target = apps.get_model("notifications", "Notification")
    batch = []
    with _sent_times_kept(Target):
        for row in Source.objects.select_related("event").order_by("pk").iterator(chunk_size=BATCH):
            batch.append(_moved(row, Target))
            if len(batch) == BATCH:
                Target.objects.bulk_create(batch)
                batch = []
        Target.objects.bulk_create(batch)


def move_back(apps, schema_editor):
    """Back into matchmaking's table, linked again to the event or meeting when it still exists."""
    Source = apps.get_model("notifications", "Notification")
    Target = apps.get_model("matchmaking", "Notification")
    Event, Meeting = apps.get_model("matchmaking", "Event"), apps.get_model("matchmaking", "Meeting")
    moved = Source.objects.filter(kind__startswith="matchmaking.")
    with _sent_times_kept(Target):
        for row in moved.order_by("pk").iterator(chunk_size=BATCH):
            model, _colon, pk = row.topic_key.partition(":")
            meeting = Meeting.objects.filter(pk=pk).first() if model == "matchmaking.meeting" and pk.isdigit() else None
            event = (Event.objects.filter(pk=pk).first() if model == "matchmaking.event" and pk.isdigit()
                     else meeting.event if meeting else None)
            Target.objects.create(user_id=row.user_id, event=event, meeting=meeting, subject=row.subject,
                                  body=row.body, url=row.url, created_at=row.created_at, read_at=row.read_at)
    moved.delete()


class Migration(migrations.Migration):

    dependencies = [
        ("matchmaking", "0003_participant_updated_at"),
        ("notifications", "0001_initial"),
    ]

    operations = [migrations.RunPython(move_forward, move_back)]
