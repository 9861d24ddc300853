"""Claiming jobs, on whichever database the suite runs (SQLite by default, PostgreSQL in CI's second pass): a job is
taken by one claimer at a time, a job whose lease ran out is taken again with its attempt counted up to the
limit, and a claimer that lost its job can no longer write its progress or outcome."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from smartcluster.jobs import services
from smartcluster.jobs.models import Job, JobStatus
from smartcluster.jobs.registry import register

pytestmark = pytest.mark.django_db
REPO = Path(__file__).resolve().parents[3]


@register("test.claim_during_run")
def _claim_during_run(params: dict, progress: Any) -> dict:  # noqa: ANN401
    """Work for `seconds` while another worker tries to take this very job every tenth of a second."""
    thefts = 0
    deadline = time.monotonic() + params["seconds"]
    while time.monotonic() < deadline:
        time.sleep(0.1)
        thefts += services.job_claim(worker="thief", job_id=params["job"]) is not None
    return {"thefts": thefts}


def _queued(token: str = "t", kind: str = "test.record") -> Job:
    return Job.objects.create(kind=kind, title=token, params={"token": token})


def _lease_ran_out(job: Job) -> None:
    Job.objects.filter(pk=job.pk).update(lease_expires_at=timezone.now() - timedelta(seconds=1))


def test_a_queued_job_is_taken_by_one_claimer_only() -> None:
    job = _queued()
    taken = services.job_claim(worker="a", job_id=job.pk)
    assert (taken.status, taken.attempts, taken.worker) == (JobStatus.RUNNING, 1, "a")
    assert taken.lease_expires_at > timezone.now()
    assert services.job_claim(worker="b", job_id=job.pk) is None
    assert services.job_claim(worker="b") is None


def test_claims_take_the_oldest_job_first_and_leave_kinds_this_process_cannot_run() -> None:
    Job.objects.create(kind="another.version.only", title="unknown here", params={})
    first, second = _queued("first"), _queued("second")
    assert [services.job_claim(worker="a").pk, services.job_claim(worker="a").pk] == [first.pk, second.pk]
    assert services.job_claim(worker="a") is None
    assert Job.objects.get(kind="another.version.only").status == JobStatus.QUEUED


def test_a_job_whose_lease_ran_out_is_taken_again_with_its_attempt_counted() -> None:
    job = _queued()
    services.job_claim(worker="a", job_id=job.pk)
    _lease_ran_out(job)
    again = services.job_claim(worker="b")
    assert (again.pk, again.attempts, again.worker, again.status) == (job.pk, 2, "b", JobStatus.RUNNING)
    assert "attempt 2 of 3" in again.message


def test_a_job_out_of_attempts_is_failed_with_a_message_saying_so_and_not_taken(settings: Any) -> None:
    settings.SMARTCLUSTER_JOBS_MAX_ATTEMPTS = 2
    job = _queued()
    for worker in ("a", "b"):
        services.job_claim(worker=worker, job_id=job.pk)
        _lease_ran_out(job)
    assert services.job_claim(worker="c") is None
    assert services.job_stale_fail() == 1
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and "stopped 2 times" in job.message and job.attempts == 2


def test_a_worker_that_lost_its_job_cannot_overwrite_the_run_that_replaced_it(runs_table: None) -> None:
    job = _queued("replaced")
    stale = services.job_claim(worker="a", job_id=job.pk)
    _lease_ran_out(job)
    fresh = services.job_claim(worker="b", job_id=job.pk)

    services.job_progress(job=stale, percent=90, message="stale news")
    after_stale = services.job_execute(job=stale)  # the old holder wakes up and runs to its end
    assert (after_stale.status, after_stale.progress, after_stale.result) == (JobStatus.RUNNING, 0, {})
    finished = services.job_execute(job=fresh)
    assert (finished.status, finished.attempts, finished.worker) == (JobStatus.DONE, 2, "b")
    assert services.job_execute(job=stale).status == JobStatus.DONE  # a finished job stays as it finished
    assert Job.objects.get(pk=job.pk).finished_at == finished.finished_at


def test_a_holder_renewing_its_lease_before_a_retaking_claim_lands_keeps_its_job() -> None:
    job = services.job_claim(worker="a", job_id=_queued().pk)
    _lease_ran_out(job)
    read_by_b = list(Job.objects.filter(pk=job.pk))  # b sees the lease run out ...
    services.job_progress(job=job, percent=10, message="still here")  # ... then a renews it
    assert services._take(read_by_b, worker="b") is None
    assert Job.objects.get(pk=job.pk).worker == "a"


def test_progress_renews_the_lease_of_the_holder() -> None:
    job = services.job_claim(worker="a", job_id=_queued().pk)
    _lease_ran_out(job)
    services.job_progress(job=job, percent=40, message="reading")
    job.refresh_from_db()
    assert job.lease_expires_at > timezone.now() and job.progress == 40


@pytest.mark.django_db(transaction=True)
def test_a_job_running_longer_than_its_lease_is_kept_by_its_living_worker(settings: Any) -> None:
    settings.SMARTCLUSTER_JOBS_LEASE_SECONDS = 0.5
    job = _queued(kind="test.claim_during_run")
    Job.objects.filter(pk=job.pk).update(params={"seconds": 2.0, "job": job.pk})  # four leases long
    finished = services.job_run(job_id=job.pk)
    assert (finished.status, finished.attempts, finished.result) == (JobStatus.DONE, 1, {"thefts": 0})


@pytest.mark.django_db(transaction=True)
def test_parallel_claimers_take_each_job_exactly_once() -> None:
    jobs = [_queued(f"job-{i}") for i in range(30)]

    def claim_all(worker: str) -> list[int]:
        taken = []
        try:
            while (job := services.job_claim(worker=worker)) is not None:
                taken.append(job.pk)
        finally:
            connection.close()
        return taken

    with ThreadPoolExecutor(max_workers=4) as pool:
        taken = [pk for claims in pool.map(claim_all, ["a", "b", "c", "d"]) for pk in claims]
    assert Counter(taken) == Counter(job.pk for job in jobs)
    assert set(Job.objects.values_list("attempts", flat=True)) == {1}


def test_a_worker_process_knows_every_apps_job_kinds() -> None:
    script = ("import django; django.setup(); from smartcluster.jobs.registry import KINDS, kinds_discover; "
              "kinds_discover(); print(' '.join(sorted(KINDS)))")
    output = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True,
                            env={**os.environ, "DJANGO_SETTINGS_MODULE": "smartcluster.site.settings"}).stdout
    assert {"atlas.import_file", "atlas.import_eurostat", "matchmaking.schedule"} <= set(output.split())


def test_a_worker_limited_to_some_kinds_leaves_the_others_queued() -> None:
    record, rendezvous = _queued(), _queued(kind="test.rendezvous")
    assert services.job_claim(worker="a", kinds=["test.rendezvous"]).pk == rendezvous.pk
    assert services.job_claim(worker="a", kinds=["test.rendezvous"]) is None
    assert Job.objects.get(pk=record.pk).status == JobStatus.QUEUED


def test_run_jobs_refuses_an_unknown_kind_naming_the_known_ones() -> None:
    with pytest.raises(CommandError, match="unknown job kind.*atlas.imprt_file.*known: .*atlas.import_file"):
        call_command("run_jobs", kinds="atlas.imprt_file")
