"""Worker processes on one PostgreSQL database (`manage.py run_jobs`, as on several machines): each job runs exactly
once however many workers poll, and a job whose worker is killed is run again by another once its lease runs out."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from django.db import connection

from smartcluster.jobs import services
from smartcluster.jobs.models import Job, JobStatus
from smartcluster.jobs.tests import kinds

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
REPO = Path(__file__).resolve().parents[3]
JOBS = 40


@pytest.fixture
def postgresql() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")


@pytest.fixture
def start_worker(postgresql: None, runs_table: None, settings: Any, tmp_path: Path
                 ) -> Iterator[Callable[..., subprocess.Popen]]:
    """Start `run_jobs --forever` workers on the test database; all are stopped at the end of the test."""
    settings.SMARTCLUSTER_JOBS_RUNNER = "queue"
    db = connection.settings_dict
    url = (f"postgres://{quote(db['USER'] or '')}:{quote(db['PASSWORD'] or '')}@{db['HOST'] or 'localhost'}:"
           f"{db['PORT'] or 5432}/{db['NAME']}")
    workers: list[subprocess.Popen] = []

    def start(*, lease: float = 60) -> subprocess.Popen:
        env = {**os.environ, "DATABASE_URL": url, "SMARTCLUSTER_JOBS_LEASE_SECONDS": str(lease)}
        with (tmp_path / f"worker-{len(workers)}.log").open("w") as log:  # the child keeps its own copy open
            workers.append(subprocess.Popen(
                [sys.executable, "-m", "smartcluster.jobs.tests.worker", "--forever", "--interval", "0.1"],
                cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT))
        return workers[-1]

    yield start
    for worker in workers:
        worker.terminate()
    for worker in workers:
        worker.wait(timeout=30)
    for log in sorted(tmp_path.glob("worker-*.log")):  # shown by pytest when the test failed
        print(f"--- {log.name}", log.read_text(), sep="\n")


def _wait_for(condition: Callable[[], bool], what: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting until {what}"
        time.sleep(0.1)


def _start(token: str, seconds: float = 0) -> Job:
    return services.job_start(kind="test.record", title=token, params={"token": token, "seconds": seconds})


def test_two_worker_processes_run_each_of_40_jobs_exactly_once(start_worker: Callable[..., subprocess.Popen]
                                                              ) -> None:
    # Each worker first holds a rendezvous job until the other has one too: both are polling before the 40 start.
    meeting = [services.job_start(kind="test.rendezvous", title="rendezvous", params={"parties": 2})
               for _ in range(2)]
    jobs = [_start(f"job-{i}", seconds=0.05) for i in range(JOBS)]
    workers = [start_worker(), start_worker()]
    _wait_for(lambda: not Job.objects.exclude(status=JobStatus.DONE).exists(), "every job is done")

    runs = Counter((token, phase) for token, phase, _pid in kinds.runs())
    assert all(runs[(job.title, "start")] == runs[(job.title, "end")] == 1 for job in jobs), runs
    assert set(Job.objects.values_list("attempts", flat=True)) == {1}
    assert {pid for token, _phase, pid in kinds.runs() if token.startswith("job-")} == {w.pid for w in workers}
    assert len(meeting) == runs[("rendezvous", "start")]


def test_a_job_whose_worker_is_killed_is_run_again_by_another_worker_and_finishes_once(
        start_worker: Callable[..., subprocess.Popen]) -> None:
    lease = 2.0
    job = _start("slow", seconds=3 * lease)
    workers = {worker.pid: worker for worker in (start_worker(lease=lease), start_worker(lease=lease))}
    _wait_for(lambda: kinds.runs(), "a worker has started the job")
    (_token, _phase, holder), = kinds.runs()
    time.sleep(1.5 * lease)  # longer than a lease: only the holder's renewals keep the other worker off
    assert len(kinds.runs()) == 1

    workers[holder].send_signal(signal.SIGKILL)
    workers[holder].wait(timeout=30)
    _wait_for(lambda: Job.objects.get(pk=job.pk).status == JobStatus.DONE, "the job is done")

    (other,) = set(workers) - {holder}
    assert sorted(kinds.runs()) == sorted([("slow", "start", holder), ("slow", "start", other),
                                           ("slow", "end", other)])
    job.refresh_from_db()
    assert (job.attempts, job.worker.rsplit(":", 1)[1], job.result) == (2, str(other), {"pid": other})
