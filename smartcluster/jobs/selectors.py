"""Reads of jobs: one job for its owner, a user's recent jobs, the jobs of one kind about one record."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from django.db.models import QuerySet

from smartcluster.accounts.permissions import is_administrator
from smartcluster.jobs.models import Job


def job_visible_get(*, user: object, job_id: int) -> Job:
    """A job its starter or an administrator may see (Job.DoesNotExist otherwise)."""
    return job_list(user=user).get(pk=job_id)


def job_list(*, user: object) -> QuerySet[Job]:
    """The jobs a user may see: all for administrators, their own otherwise, newest first."""
    jobs = Job.objects.all()
    if is_administrator(user):
        return jobs
    if not getattr(user, "is_authenticated", False):
        return jobs.none()
    return jobs.filter(created_by=user)


def job_list_of_kind(*, kind: str, params: dict[str, Any], statuses: Collection[str] | None = None) -> QuerySet[Job]:
    """The jobs of one kind whose parameters include `params` (e.g. one event's scheduler runs), newest first,
    optionally only those in `statuses`."""
    jobs = Job.objects.filter(kind=kind, **{f"params__{key}": value for key, value in params.items()})
    return jobs if statuses is None else jobs.filter(status__in=list(statuses))
