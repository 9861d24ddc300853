"""Job status over the API: poll a job started from a page or a script."""

from __future__ import annotations

from datetime import datetime

from django.http import Http404, HttpRequest
from ninja import Router, Schema

from smartcluster.jobs.models import Job
from smartcluster.jobs.selectors import job_visible_get

router = Router(tags=["jobs"])


class JobOut(Schema):
    id: int
    kind: str
    title: str
    status: str
    progress: int
    message: str
    problems: list[dict]
    result: dict
    created_at: datetime
    finished_at: datetime | None


@router.get("/{job_id}", response=JobOut, summary="A job's status, progress and problems")
def job_get(request: HttpRequest, job_id: int) -> Job:
    try:
        return job_visible_get(user=request.user, job_id=job_id)
    except Job.DoesNotExist:
        raise Http404("no such job") from None
