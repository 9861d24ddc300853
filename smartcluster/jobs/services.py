"""Start, run and report background jobs.

Runner (setting `SMARTCLUSTER_JOBS_RUNNER`, default "thread"): "thread" runs the job in a daemon thread of the
web process that started it; "inline" runs it before the request answers (tests, debugging); "queue" leaves it
queued for `manage.py run_jobs` (worker processes, on any number of machines sharing the database). The job row
lives in the database, so a page reload shows its progress.

Exactly one worker holds a job at a time: a claim is one conditional UPDATE that matches only the state the
worker read (on PostgreSQL behind `SELECT … FOR UPDATE SKIP LOCKED`, so workers never queue on one row). The
holder keeps a lease (`SMARTCLUSTER_JOBS_LEASE_SECONDS`, renewed every third of it while the work runs); a job
whose lease ran out lost its worker and is taken again by the next one, up to `SMARTCLUSTER_JOBS_MAX_ATTEMPTS`
takes, then failed with a message saying so. Progress and the outcome are written only while the lease is held,
so a worker that lost its job can never overwrite the run that replaced it.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import traceback
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connection, transaction
from django.db.models import DateTimeField, DurationField, ExpressionWrapper, Q, QuerySet, Value
from django.db.models.functions import Now
from django.utils import timezone
from django.utils.translation import gettext as _

from smartcluster.jobs.models import Job, JobStatus
from smartcluster.jobs.registry import KINDS, JobProblems

logger = logging.getLogger(__name__)
RUNNERS = ("thread", "inline", "queue")
STALE_AFTER = timedelta(hours=6)
CLAIM_CANDIDATES = 10  # without row locks (SQLite), how many of the oldest claimable jobs one claim tries


def job_runner() -> str:
    """The configured runner (see the module docstring)."""
    runner = getattr(settings, "SMARTCLUSTER_JOBS_RUNNER", "thread")
    return runner if runner in RUNNERS else "thread"


def job_lease() -> timedelta:
    """How long a worker holds a job without renewing it (setting `SMARTCLUSTER_JOBS_LEASE_SECONDS`, default 60)."""
    return timedelta(seconds=float(getattr(settings, "SMARTCLUSTER_JOBS_LEASE_SECONDS", 60)))


def job_max_attempts() -> int:
    """How many times a job is taken before a lost worker fails it (`SMARTCLUSTER_JOBS_MAX_ATTEMPTS`, default 3)."""
    return max(1, int(getattr(settings, "SMARTCLUSTER_JOBS_MAX_ATTEMPTS", 3)))


def worker_name() -> str:
    """This process as a worker: host and process id, stored on the jobs it takes."""
    return f"{socket.gethostname()}:{os.getpid()}"


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


def _lease_end(lease: timedelta) -> ExpressionWrapper:
    # The database's clock, not the worker's: workers on several machines compare leases against one clock.
    return ExpressionWrapper(Now() + Value(lease, output_field=DurationField()), output_field=DateTimeField())


def _held(job: Job) -> QuerySet[Job]:
    """The job's row while `job` (as claimed) still holds it: running, and not taken again since."""
    return Job.objects.filter(pk=job.pk, status=JobStatus.RUNNING, attempts=job.attempts)


def job_claim(*, worker: str, job_id: int | None = None, kinds: Collection[str] | None = None) -> Job | None:
    """Take the oldest job this process can run (or job `job_id`; of `kinds` only, if given) for `worker`: a queued
    one, or a running one whose lease expired with attempts left. Returns it running and leased, or None."""
    runnable = [kind for kind in KINDS if kinds is None or kind in kinds]
    candidates = Job.objects.filter(_claimable(), kind__in=runnable).order_by("created_at", "id")
    if job_id is not None:
        candidates = candidates.filter(pk=job_id)
    if connection.features.has_select_for_update_skip_locked:
        with transaction.atomic():
            return _take(candidates.select_for_update(skip_locked=True)[:1], worker=worker)
    # No row locks (SQLite): writers take turns, so each conditional UPDATE below is an atomic compare-and-swap.
    return _take(candidates[:CLAIM_CANDIDATES], worker=worker)


def _claimable() -> Q:
    """Queued, or running with an expired lease and attempts left (its worker died)."""
    return Q(status=JobStatus.QUEUED) | Q(status=JobStatus.RUNNING, lease_expires_at__lt=Now(),
                                          attempts__lt=job_max_attempts())


def _take(candidates: QuerySet[Job], *, worker: str) -> Job | None:
    """The first candidate whose row is still as read once this worker's UPDATE lands (none if all were taken)."""
    for job in candidates:
        attempt = job.attempts + 1
        message = _("started") if attempt == 1 else _(
            "started again (attempt %(attempt)d of %(max)d): the worker running it stopped") % {
            "attempt": attempt, "max": job_max_attempts()}
        # Still as read and still claimable when the UPDATE lands (a late renewal by a living holder wins).
        taken = Job.objects.filter(_claimable(), pk=job.pk, status=job.status, attempts=job.attempts).update(
            status=JobStatus.RUNNING, attempts=attempt, lease_expires_at=_lease_end(job_lease()), worker=worker,
            started_at=timezone.now(), progress=0, message=message)
        if taken:
            job.refresh_from_db()
            return job
    return None


def job_progress(*, job: Job, percent: int, message: str) -> None:
    """Save a running job's progress (0-100) and what it is doing, renewing its lease (if `job` still holds it)."""
    _held(job).update(progress=max(0, min(100, int(percent))), message=message[:500],
                      lease_expires_at=_lease_end(job_lease()))


@contextmanager
def _lease_kept(job: Job) -> Iterator[None]:
    """Renew the job's lease every third of its length from a thread of its own while the work runs."""
    lease, stop = job_lease(), threading.Event()

    def renew() -> None:
        try:
            while not stop.wait(lease.total_seconds() / 3):
                try:
                    _held(job).update(lease_expires_at=_lease_end(lease))
                except DatabaseError:  # one missed renewal leaves two more before the lease runs out
                    logger.warning("job %s: lease not renewed", job.pk, exc_info=True)
        finally:
            connection.close()

    thread = threading.Thread(target=renew, daemon=True, name=f"job-{job.pk}-lease")
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def job_execute(*, job: Job) -> Job:
    """Run a job claimed by this process to its end: done with a result, or failed with the problems or the error
    (recorded only if the claim still holds, so an outcome is written once)."""
    def progress(percent: int, message: str) -> None:
        job_progress(job=job, percent=percent, message=message)

    try:
        with _lease_kept(job):
            result = KINDS[job.kind](job.params, progress)
    except JobProblems as problems:
        _finish(job, JobStatus.FAILED, message=problems.summary, problems=problems.problems)
    except Exception as error:  # any failure must end the job visibly, not leave it "running"
        logger.exception("job %s (%s) failed", job.pk, job.kind)
        _finish(job, JobStatus.FAILED, message=str(error)[:500], error=traceback.format_exc())
    else:
        _finish(job, JobStatus.DONE, message=_("finished"), result=result or {}, progress=100)
    return Job.objects.get(pk=job.pk)


def _finish(job: Job, status: str, **fields: object) -> None:
    if not _held(job).update(status=status, finished_at=timezone.now(), lease_expires_at=None, **fields):
        logger.warning("job %s: attempt %s lost its lease to another worker; its outcome is dropped",
                       job.pk, job.attempts)


def job_run(*, job_id: int) -> Job:
    """Run one job now in this process if it can be taken (the inline and thread runners); returns it as it is."""
    job = job_claim(worker=worker_name(), job_id=job_id)
    return Job.objects.get(pk=job_id) if job is None else job_execute(job=job)


def job_run_queued(*, kinds: Collection[str] | None = None) -> int:
    """One pass of a `run_jobs` worker: fail the dead jobs out of attempts, then take and run jobs (of `kinds` only,
    if given) one at a time, oldest first, until none is left to take; returns how many ran."""
    job_stale_fail()
    worker, count = worker_name(), 0
    while (job := job_claim(worker=worker, kinds=kinds)) is not None:
        job_execute(job=job)
        count += 1
    return count


def job_stale_fail(*, older_than: timedelta = STALE_AFTER) -> int:
    """Mark as failed the running jobs whose worker died and that will not be taken again: those out of attempts,
    and those left without a lease (taken before leases existed) for longer than `older_than`; returns how many."""
    now = timezone.now()
    out_of_attempts = Job.objects.filter(status=JobStatus.RUNNING, lease_expires_at__lt=Now(),
                                         attempts__gte=job_max_attempts()).update(
        status=JobStatus.FAILED, finished_at=now, lease_expires_at=None,
        message=_("the worker running this job stopped %(attempts)d times before it finished; it is not tried "
                  "again: start it again once the cause is fixed") % {"attempts": job_max_attempts()})
    unleased = Job.objects.filter(status=JobStatus.RUNNING, lease_expires_at__isnull=True,
                                  started_at__lt=now - older_than).update(
        status=JobStatus.FAILED, finished_at=now,
        message=_("the process running this job stopped before it finished; start it again"))
    return out_of_attempts + unleased
