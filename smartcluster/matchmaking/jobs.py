"""The scheduler as a background job: the registered kind, and which scheduler job of an event runs or ran last."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError
from django.db.models import Model
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from smartcluster.jobs.choices import JobStatus
from smartcluster.jobs.registry import JobProblems, register
from smartcluster.jobs.selectors import job_list_of_kind
from smartcluster.matchmaking.models import Event

logger = logging.getLogger(__name__)
SCHEDULE_KIND = "matchmaking.schedule"
DEFAULT_TIME_LIMIT = 60.0
# A scheduler job still "running" this long after its time limit has lost its process (a restarted web worker).
STALE_GRACE = dt.timedelta(minutes=10)


def schedule_time_limit() -> float:
    """The solver's time limit for a run started from the manage page (setting MATCHMAKING_SCHEDULER_TIME_LIMIT)."""
    return float(getattr(settings, "MATCHMAKING_SCHEDULER_TIME_LIMIT", DEFAULT_TIME_LIMIT))


def schedule_job_latest(*, event_id: int) -> Model | None:
    """The event's most recent scheduler job, if any."""
    return job_list_of_kind(kind=SCHEDULE_KIND, params={"event": event_id}).first()


def schedule_jobs_active(*, event_id: int) -> list[Model]:
    """The event's scheduler jobs queued or running (and not yet overdue, i.e. still alive), newest first."""
    now = timezone.now()
    jobs = job_list_of_kind(kind=SCHEDULE_KIND, params={"event": event_id},
                            statuses=[JobStatus.QUEUED, JobStatus.RUNNING])
    return [job for job in jobs
            if job.created_at + dt.timedelta(seconds=float(job.params.get("time_limit", 0))) + STALE_GRACE > now]


def _progress_reporter(progress: Callable[[int, str], None]) -> Callable[[str, dict], None]:
    """Turn the service's steps into the job's percent and message."""
    def report(step: str, counts: dict) -> None:
        messages = {
            "solving": (10, _("solving: placing %(accepted)d accepted meetings into %(slots)d slots "
                              "(at most %(seconds)d s)")),
            "saving": (80, _("saving: %(scheduled)d of %(accepted)d meetings placed")),
            "notifying": (90, _("notifying %(people)d participants whose agenda changed")),
        }
        percent, message = messages[step]
        try:
            progress(percent, message % counts)
        except DatabaseError:
            # A progress note is only news: a job row locked by a reader (SQLite) must not lose a finished solve.
            logger.warning("scheduler job: progress %s%% not saved", percent, exc_info=True)
    return report


@register(SCHEDULE_KIND)
def schedule_run(params: dict, progress: Callable[[int, str], None]) -> dict:
    """Run the event's scheduler for the user who started it; returns the run's summary for the manage page."""
    # services imports this module (the kind and the one-run-at-a-time check), so import it when the job runs.
    from smartcluster.matchmaking import services

    progress(2, _("started"))
    event = Event.objects.get(pk=params["event"])
    user = get_user_model().objects.get(pk=params["user"])
    try:
        run = services.event_schedule(user=user, event=event, time_limit=float(params["time_limit"]),
                                      on_step=_progress_reporter(progress))
    except (ValidationError, PermissionDenied) as refusal:
        messages = refusal.messages if isinstance(refusal, ValidationError) else [str(refusal)]
        raise JobProblems(" ".join(messages), [{"message": message} for message in messages]) from refusal
    progress(100, _("done: %(scheduled)d of %(accepted)d meetings scheduled") % {
        "scheduled": run.scheduled_count, "accepted": run.accepted_count})
    return {"run": run.pk, "accepted": run.accepted_count, "scheduled": run.scheduled_count,
            "unscheduled": run.conflicts, "total_breaks": run.total_breaks, "optimal": run.is_optimal,
            "upper_bound": run.upper_bound, "seconds": run.seconds,
            "link": reverse("matchmaking:event_manage", args=[event.pk]), "link_label": _("Back to the event")}
