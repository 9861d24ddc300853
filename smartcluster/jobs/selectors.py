"""Reads of jobs: one job for its owner, a user's recent jobs."""

from __future__ import annotations

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
