"""Which records are demo content, and what this database has decided about the demo.

One marker table for every app's demo rows (a generic relation) instead of an `is_demo` column on each model: the
other apps' tables stay as they are, and removing the demo is one query over one table.
"""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class DemoRecord(models.Model):
    """One record the demo created; `key` names it in the demo content, so a reload finds it again."""

    key = models.CharField(_("demo item"), max_length=120, unique=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    marked_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("demo record")
        verbose_name_plural = _("demo records")
        indexes = [models.Index(fields=["content_type", "object_id"], name="demo_record_target")]

    def __str__(self) -> str:
        return self.key


class DemoState(models.Model):
    """The single row that says the first setup of this database has decided about the demo (loaded or not)."""

    SINGLETON = 1

    id = models.PositiveSmallIntegerField(primary_key=True, default=SINGLETON, editable=False)
    declined_at = models.DateTimeField(_("first setup without the demo"), null=True, blank=True)
    loaded_at = models.DateTimeField(_("last loaded"), null=True, blank=True)
    removed_at = models.DateTimeField(_("last removed"), null=True, blank=True)

    class Meta:
        verbose_name = _("demo state")
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="demo_state_single_row")]

    def __str__(self) -> str:
        return str(_("Demo state"))
