"""The scheduler as a background job: started from the manage page, progress shown, result recorded, one run per
event at a time, and only the event's organisers (or administrators) start it or see it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import OperationalError
from django.test import Client
from django.urls import reverse

from smartcluster.accounts.models import Membership
from smartcluster.jobs.models import Job, JobStatus
from smartcluster.jobs.services import job_run_queued
from smartcluster.matchmaking import services
from smartcluster.matchmaking.jobs import SCHEDULE_KIND, schedule_run, schedule_time_limit
from smartcluster.matchmaking.models import Event, Meeting, Participant, ScheduleRun
from smartcluster.matchmaking.tests.conftest import create_event, make_user

pytestmark = pytest.mark.django_db


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _accepted(a: Participant, b: Participant) -> Meeting:
    meeting = services.meeting_request(user=a.user, requester=a, recipient=b)
    return services.meeting_accept(user=b.user, meeting=meeting)


def _messages(response: Any) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_run_button_starts_a_job_that_places_the_meetings_and_records_the_result(
        event: Event, organiser_user: Any, participant_factory: Any, settings: Any) -> None:
    settings.SMARTCLUSTER_JOBS_RUNNER = "inline"
    settings.MATCHMAKING_SCHEDULER_TIME_LIMIT = 7.5
    a, b, c = participant_factory("amos"), participant_factory("bela"), participant_factory("cora")
    meetings = [_accepted(a, b), _accepted(a, c), _accepted(b, c)]
    client = client_for(organiser_user)

    response = client.post(reverse("matchmaking:event_schedule", args=[event.pk]), follow=True)

    job = Job.objects.get(kind=SCHEDULE_KIND)
    run = ScheduleRun.objects.get(event=event)
    assert job.status == JobStatus.DONE and job.created_by == organiser_user
    assert job.params == {"event": event.pk, "user": organiser_user.pk, "time_limit": 7.5}
    assert job.result["run"] == run.pk
    assert (job.result["accepted"], job.result["scheduled"], job.result["unscheduled"]) == (3, 3, [])
    assert job.result["optimal"] is True and job.result["total_breaks"] == run.total_breaks
    placed = Meeting.objects.filter(pk__in=[m.pk for m in meetings])
    assert all(m.slot_id is not None and m.video_url for m in placed)
    slots_of = {p.pk: [m.slot_id for m in placed if p.pk in (m.requester_id, m.recipient_id)] for p in (a, b, c)}
    assert all(len(set(slots)) == len(slots) == 2 for slots in slots_of.values())  # nobody double-booked
    page = response.content.decode()
    assert "3 of 3 accepted meetings scheduled" in page and "Proven optimal." in page
    assert 'id="scheduler-job"' not in page and "hx-trigger" not in page


def test_the_job_reports_started_solving_saving_and_done_with_counts(
        event: Event, organiser_user: Any, participant_factory: Any) -> None:
    a, b = participant_factory("amos"), participant_factory("bela")
    _accepted(a, b)
    steps: list[tuple[int, str]] = []

    result = schedule_run({"event": event.pk, "user": organiser_user.pk, "time_limit": 5},
                          lambda percent, message: steps.append((percent, message)))

    assert [percent for percent, _message in steps] == [2, 10, 80, 90, 100]
    assert steps[0][1] == "started"
    assert steps[1][1].startswith("solving: placing 1 accepted meetings into 4 slots")
    assert steps[2][1] == "saving: 1 of 1 meetings placed"
    assert steps[3][1] == "notifying 2 participants whose agenda changed"
    assert steps[4][1] == "done: 1 of 1 meetings scheduled"
    assert result["scheduled"] == 1 and result["link"] == reverse("matchmaking:event_manage", args=[event.pk])


def test_a_second_start_while_one_is_queued_or_running_is_refused_with_a_message(
        event: Event, organiser_user: Any, participant_factory: Any, settings: Any) -> None:
    settings.SMARTCLUSTER_JOBS_RUNNER = "queue"  # the first job waits for the worker: it is still to run
    _accepted(participant_factory("amos"), participant_factory("bela"))
    client = client_for(organiser_user)
    url = reverse("matchmaking:event_schedule", args=[event.pk])

    client.post(url)
    manage = client.get(reverse("matchmaking:event_manage", args=[event.pk])).content.decode()
    second = client.post(url)

    assert Job.objects.filter(kind=SCHEDULE_KIND).count() == 1
    assert "The scheduler is already running for this event; wait until it finishes." in _messages(second)
    assert 'id="scheduler-job"' in manage and 'hx-trigger="every 1s"' in manage and 'id="run-scheduler" disabled' in manage
    Job.objects.filter(kind=SCHEDULE_KIND).update(status=JobStatus.RUNNING)
    with pytest.raises(ValidationError):
        services.event_schedule_start(user=organiser_user, event=event)
    assert not ScheduleRun.objects.filter(event=event).exists()


def test_a_start_is_allowed_again_once_the_running_job_is_overdue_or_in_another_event(
        event: Event, organiser_user: Any, participant_factory: Any, settings: Any) -> None:
    settings.SMARTCLUSTER_JOBS_RUNNER = "queue"
    other = create_event(organiser_user, title="Other event")
    stuck = services.event_schedule_start(user=organiser_user, event=event, time_limit=60)
    services.event_schedule_start(user=organiser_user, event=other)  # another event is not blocked
    # A job still "running" long after its time limit lost its process (a restarted web worker).
    Job.objects.filter(pk=stuck.pk).update(status=JobStatus.RUNNING,
                                           created_at=stuck.created_at - dt.timedelta(minutes=15))
    manage = client_for(organiser_user).get(reverse("matchmaking:event_manage", args=[event.pk])).content.decode()
    assert "hx-trigger" not in manage and 'id="run-scheduler" disabled' not in manage
    assert services.event_schedule_start(user=organiser_user, event=event).pk != stuck.pk


def test_polling_shows_progress_then_reloads_the_page_when_the_job_has_finished(
        event: Event, organiser_user: Any, participant_factory: Any, settings: Any) -> None:
    settings.SMARTCLUSTER_JOBS_RUNNER = "queue"
    _accepted(participant_factory("amos"), participant_factory("bela"))
    client = client_for(organiser_user)
    client.post(reverse("matchmaking:event_schedule", args=[event.pk]))
    Job.objects.filter(kind=SCHEDULE_KIND).update(status=JobStatus.RUNNING, progress=10, message="solving: …")
    status_url = reverse("matchmaking:event_schedule_status", args=[event.pk])

    running = client.get(status_url, HTTP_HX_REQUEST="true")
    Job.objects.filter(kind=SCHEDULE_KIND).update(status=JobStatus.QUEUED)
    assert job_run_queued() == 1
    finished = client.get(status_url, HTTP_HX_REQUEST="true")

    assert 'value="10"' in running.content.decode() and "solving: …" in running.content.decode()
    assert finished.headers["HX-Refresh"] == "true"
    assert "1 of 1 accepted meetings scheduled" in client.get(status_url).content.decode()


def test_a_run_refused_inside_the_job_is_shown_on_the_manage_page_and_moves_nothing(
        event: Event, organiser_user: Any, participant_factory: Any, settings: Any) -> None:
    settings.SMARTCLUSTER_JOBS_RUNNER = "queue"
    meeting = _accepted(participant_factory("amos"), participant_factory("bela"))
    services.event_schedule_start(user=organiser_user, event=event)
    Membership.objects.filter(user=organiser_user).delete()  # the starter lost the right before the run

    job_run_queued()

    job = Job.objects.get(kind=SCHEDULE_KIND)
    assert job.status == JobStatus.FAILED and job.problems == [{"message": "Only the event's organisers may do this."}]
    assert Meeting.objects.get(pk=meeting.pk).slot is None and not ScheduleRun.objects.exists()
    admin = make_user("admin")
    admin.is_superuser = True
    admin.save()
    page = client_for(admin).get(reverse("matchmaking:event_manage", args=[event.pk])).content.decode()
    assert 'id="scheduler-failed"' in page and "Only the event&#x27;s organisers may do this." in page


def test_an_event_without_slots_is_refused_before_any_job_starts(organiser_user: Any) -> None:
    event = create_event(organiser_user)
    event.sessions.all().delete()
    event.slots.all().delete()
    with pytest.raises(ValidationError, match="no time slots"):
        services.event_schedule_start(user=organiser_user, event=event)
    assert not Job.objects.exists()


def test_non_organisers_get_403_and_no_job_starts_or_shows(
        event: Event, organiser_user: Any, other_organiser: Any, participant_factory: Any, settings: Any) -> None:
    settings.SMARTCLUSTER_JOBS_RUNNER = "queue"
    participant = participant_factory("amos")
    services.event_schedule_start(user=organiser_user, event=event)
    for user in (other_organiser, participant.user):
        client = client_for(user)
        assert client.post(reverse("matchmaking:event_schedule", args=[event.pk])).status_code == 403
        assert client.get(reverse("matchmaking:event_schedule_status", args=[event.pk])).status_code == 403
        job = Job.objects.get(kind=SCHEDULE_KIND)
        assert client.get(reverse("jobs:detail", args=[job.pk])).status_code == 404
        with pytest.raises(PermissionDenied):
            services.event_schedule_start(user=user, event=event)
    assert Job.objects.filter(kind=SCHEDULE_KIND).count() == 1


def test_the_time_limit_setting_has_a_default_of_a_minute(settings: Any) -> None:
    if hasattr(settings, "MATCHMAKING_SCHEDULER_TIME_LIMIT"):
        del settings.MATCHMAKING_SCHEDULER_TIME_LIMIT
    assert schedule_time_limit() == 60.0
    settings.MATCHMAKING_SCHEDULER_TIME_LIMIT = "90"
    assert schedule_time_limit() == 90.0


def test_a_fellow_organiser_sees_the_running_job_on_the_manage_page(
        event: Event, organiser_user: Any, settings: Any) -> None:
    settings.SMARTCLUSTER_JOBS_RUNNER = "queue"
    colleague = make_user("colleague")
    Membership.objects.create(user=colleague, organisation=Membership.objects.get(user=organiser_user).organisation,
                              role=Membership.objects.get(user=organiser_user).role)
    services.event_schedule_start(user=organiser_user, event=event)

    fragment = client_for(colleague).get(reverse("matchmaking:event_schedule_status", args=[event.pk]),
                                         HTTP_HX_REQUEST="true").content.decode()

    assert 'id="scheduler-job"' in fragment and "hx-trigger" in fragment


def test_a_progress_note_that_cannot_be_saved_does_not_lose_the_run(
        event: Event, organiser_user: Any, participant_factory: Any) -> None:
    _accepted(participant_factory("amos"), participant_factory("bela"))

    def locked_while_saving(percent: int, message: str) -> None:
        if message.startswith("saving"):
            raise OperationalError("database table is locked: jobs_job")

    result = schedule_run({"event": event.pk, "user": organiser_user.pk, "time_limit": 5}, locked_while_saving)

    assert result["scheduled"] == 1 and Meeting.objects.filter(slot__isnull=False).count() == 1
