"""Job pages: a job's progress (polled by htmx while it runs) and its error report."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from smartcluster.jobs.models import Job
from smartcluster.jobs.selectors import job_list, job_visible_get


@login_required
def job_detail(request: HttpRequest, job_id: int) -> HttpResponse:
    """The job page; htmx requests get only the progress fragment (polled every second until it finishes)."""
    try:
        job = job_visible_get(user=request.user, job_id=job_id)
    except Job.DoesNotExist:
        raise Http404("no such job") from None
    template = "jobs/_progress.html" if request.htmx else "jobs/job_detail.html"
    return render(request, template, {"job": job})


@login_required
def job_index(request: HttpRequest) -> HttpResponse:
    return render(request, "jobs/job_list.html", {"jobs": job_list(user=request.user)[:50]})
