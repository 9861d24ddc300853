"""Start, run and report background jobs.

Runner (setting `SMARTCLUSTER_JOBS_RUNNER`, default "thread"): "thread" runs the job in a daemon thread of the
web process that started it; "inline" runs it before the request answers (tests, debugging); "queue" leaves it
queued for `manage.py run_jobs` (a separate worker process). The job row lives in the database, so a page reload
shows its progress; a job whose process died while running is marked failed by `job_stale_fail`.
"""

from __future__ import annotations

import logging
import threading
import traceback
from datetime import timedelta

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone
from django.utils.translation import gettext as _

from smartcluster.jobs.models import Job, JobStatus
from smartcluster.jobs.registry import KINDS, JobProblems

logger = logging.getLogger(__name__)
RUNNERS = ("thread", "inline", "queue")
STALE_AFTER = timedelta(hours=6)


def job_runner() -> str:
    """The configured runner (see the module docstring)."""
    runner = getattr(settings, "SMARTCLUSTER_JOBS_RUNNER", "thread")
    return runner if runner in RUNNERS else "thread"


def job_start(*, kind: str, title: str, params: dict, user: object | None = None) -> Job:
    """Record a job of a registered kind and start it with the configured runner."""
    if kind not in KINDS:
        raise ValueError(f"unknown job kind {kind!r}; registered: {', '.join(sorted(KINDS))}")
    job = Job.objects.create(kind=kind, title=title, params=params,
                             created_by=user if getattr(user, "is_authenticated", False) else None)
    runner = job_runner()
    if runner == "inline":
        job_run(job_id=job.pk)
        job.refresh_from_db()
    elif runner == "thread":
        threading.Thread(target=_run_in_thread, args=(job.pk,), daemon=True, name=f"job-{job.pk}").start()
    return job


def _run_in_thread(job_id: int) -> None:
    # A thread has its own database connection: open it fresh and close it when done.
    close_old_connections()
    try:
        job_run(job_id=job_id)
    finally:
        connection.close()


def job_progress(*, job_id: int, percent: int, message: str) -> None:
    """Save a running job's progress (0-100) and what it is doing."""
    Job.objects.filter(pk=job_id).update(progress=max(0, min(100, int(percent))), message=message[:500])


def job_run(*, job_id: int) -> Job:
    """Run one queued job to its end: done with a result, or failed with the problems or the error."""
    claimed = Job.objects.filter(pk=job_id, status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING, started_at=timezone.now(), message=_("started"))
    job = Job.objects.get(pk=job_id)
    if not claimed:
        return job
    function = KINDS[job.kind]
    try:
        result = function(job.params, lambda percent, message: job_progress(job_id=job_id, percent=percent,
                                                                             message=message))
    except JobProblems as problems:
        _finish(job_id, JobStatus.FAILED, message=problems.summary, problems=problems.problems)
    except Exception as error:  # any failure must end the job visibly, not leave it "running"
        logger.exception("job %s (%s) failed", job_id, job.kind)
        _finish(job_id, JobStatus.FAILED, message=str(error)[:500], error=traceback.format_exc())
    else:
        _finish(job_id, JobStatus.DONE, message=_("finished"), result=result or {}, progress=100)
    return Job.objects.get(pk=job_id)


def _finish(job_id: int, status: str, **fields: object) -> None:
    Job.objects.filter(pk=job_id).update(status=status, finished_at=timezone.now(), **fields)


def job_run_queued() -> int:
    """Run every queued job, oldest first (the `run_jobs` worker); returns how many ran."""
    count = 0
    for job_id in Job.objects.filter(status=JobStatus.QUEUED).order_by("created_at", "id").values_list("pk",
                                                                                                       flat=True):
        job_run(job_id=job_id)
        count += 1
    return count


def job_stale_fail(*, older_than: timedelta = STALE_AFTER) -> int:
    """Mark jobs still 'running' after `older_than` as failed (their process died); returns how many."""
    cutoff = timezone.now() - older_than
    return Job.objects.filter(status=JobStatus.RUNNING, started_at__lt=cutoff).update(
        status=JobStatus.FAILED, finished_at=timezone.now(),
        message=_("the process running this job stopped before it finished; start it again"))
