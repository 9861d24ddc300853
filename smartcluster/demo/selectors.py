"""Reads of the demo: which records are demo content, and how many of each kind are left."""

from __future__ import annotations

from collections import Counter

from django.db import models

from smartcluster.demo.models import DemoRecord


def demo_record_get(*, key: str) -> models.Model | None:
    """The record the demo made under `key`, unless it has been deleted since."""
    marker = DemoRecord.objects.filter(key=key).select_related("content_type").first()
    model = marker.content_type.model_class() if marker is not None else None
    return None if model is None else model._default_manager.filter(pk=marker.object_id).first()


def demo_records_count() -> dict[str, int]:
    """Demo records per kind that still exist (for the confirmation page)."""
    counts: Counter[str] = Counter()
    for marker in DemoRecord.objects.select_related("content_type"):
        record = demo_record_get(key=marker.key)
        if record is not None:
            counts[str(record._meta.verbose_name_plural)] += 1
    return dict(sorted(counts.items()))
