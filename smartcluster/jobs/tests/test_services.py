"""Jobs: run inline, in a thread or by the worker; progress, results, problems and failures are recorded; a job is
visible to its starter and administrators only; the progress fragment polls until the job ends."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from smartcluster.jobs import services
from smartcluster.jobs.models import Job, JobStatus
from smartcluster.jobs.registry import JobProblems, register

pytestmark = pytest.mark.django_db


@register("test.square")
def _square(params: dict, progress) -> dict:  # noqa: ANN001
    progress(50, "half way")
    return {"square": params["n"] ** 2}


@register("test.bad_input")
def _bad_input(params: dict, progress) -> dict:  # noqa: ANN001
    raise JobProblems("2 problems", [{"line": 3, "column": "value", "message": "'abc' is not a number"},
                                     {"line": 4, "column": "region", "message": "unknown NUTS region code 'XX99'"}])


@register("test.crash")
def _crash(params: dict, progress) -> dict:  # noqa: ANN001
    raise RuntimeError("disk full")


@pytest.fixture
def inline(settings: object) -> None:
    settings.SMARTCLUSTER_JOBS_RUNNER = "inline"


def test_an_inline_job_records_its_result_and_full_progress(inline: None) -> None:
    job = services.job_start(kind="test.square", title="square", params={"n": 7})
    assert (job.status, job.progress, job.result) == (JobStatus.DONE, 100, {"square": 49})
    assert job.started_at is not None and job.finished_at is not None


def test_bad_input_fails_the_job_with_every_problem_listed(inline: None) -> None:
    job = services.job_start(kind="test.bad_input", title="bad", params={})
    assert job.status == JobStatus.FAILED
    assert [p["line"] for p in job.problems] == [3, 4]
    assert "XX99" in job.problems[1]["message"]


def test_a_crash_fails_the_job_with_the_error_kept(inline: None) -> None:
    job = services.job_start(kind="test.crash", title="crash", params={})
    assert job.status == JobStatus.FAILED and job.message == "disk full" and "RuntimeError" in job.error


def test_an_unregistered_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown job kind"):
        services.job_start(kind="os.system", title="x", params={})
    assert not Job.objects.exists()


def test_the_queue_runner_leaves_jobs_for_the_worker(settings: object) -> None:
    settings.SMARTCLUSTER_JOBS_RUNNER = "queue"
    job = services.job_start(kind="test.square", title="square", params={"n": 3})
    assert Job.objects.get(pk=job.pk).status == JobStatus.QUEUED
    assert services.job_run_queued() == 1
    assert Job.objects.get(pk=job.pk).result == {"square": 9}
    assert services.job_run(job_id=job.pk).status == JobStatus.DONE  # a finished job is not run twice


def test_a_job_left_running_by_a_dead_process_is_marked_failed() -> None:
    job = Job.objects.create(kind="test.square", title="t", status=JobStatus.RUNNING,
                             started_at=timezone.now() - timedelta(days=1))
    assert services.job_stale_fail() == 1
    assert Job.objects.get(pk=job.pk).status == JobStatus.FAILED


@pytest.mark.django_db(transaction=True)
def test_a_thread_job_finishes_after_the_request_and_its_page_stops_polling(client: object, settings: object) -> None:
    user = get_user_model().objects.create_user("starter", password="pw")
    settings.SMARTCLUSTER_JOBS_RUNNER = "thread"
    job = services.job_start(kind="test.square", title="square", params={"n": 4}, user=user)
    deadline = time.monotonic() + 10
    while Job.objects.get(pk=job.pk).status != JobStatus.DONE and time.monotonic() < deadline:
        time.sleep(0.05)
    assert Job.objects.get(pk=job.pk).result == {"square": 16}
    client.force_login(user)
    fragment = client.get(reverse("jobs:detail", args=[job.pk]), HTTP_HX_REQUEST="true").content.decode()
    assert "100 %" in fragment and "hx-trigger" not in fragment


def test_a_running_job_page_polls_and_others_cannot_see_it(client: object, settings: object) -> None:
    owner = get_user_model().objects.create_user("owner", password="pw")
    stranger = get_user_model().objects.create_user("stranger", password="pw")
    job = Job.objects.create(kind="test.square", title="square", status=JobStatus.RUNNING, progress=40,
                             created_by=owner)
    client.force_login(owner)
    page = client.get(reverse("jobs:detail", args=[job.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in page and 'value="40"' in page
    client.force_login(stranger)
    assert client.get(reverse("jobs:detail", args=[job.pk])).status_code == 404
