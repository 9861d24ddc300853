"""Background jobs: long work started from a page (an import), its progress, and its outcome or error report."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from smartcluster.jobs.choices import JobStatus


class Job(models.Model):
    """One run of a registered job kind with its parameters; `problems` lists bad-input findings (line, column, what)."""

    kind = models.CharField(_("kind"), max_length=100)
    title = models.CharField(_("title"), max_length=255)
    params = models.JSONField(_("parameters"), default=dict)
    status = models.CharField(_("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    message = models.CharField(_("message"), max_length=500, blank=True)
    error = models.TextField(_("error"), blank=True)
    problems = models.JSONField(_("problems"), default=list, blank=True)
    result = models.JSONField(_("result"), default=dict, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="jobs")
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    # A worker holds a running job until `lease_expires_at` and renews it while alive; an expired lease means the
    # worker died, and the next worker takes the job again (`attempts` counts the takes; see jobs/services.py).
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    lease_expires_at = models.DateTimeField(_("lease expires at"), null=True, blank=True)
    worker = models.CharField(_("worker"), max_length=255, blank=True, help_text=_("host:process that ran it last"))
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("job")
        verbose_name_plural = _("jobs")

    def __str__(self) -> str:
        return f"{self.title} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)
