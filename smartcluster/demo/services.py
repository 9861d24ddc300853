"""Writes of the demo: mark records as demo, decide about the demo at the first setup, remove every demo record.

Loading the content itself is `smartcluster.demo.loader`; it marks what it creates here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import models, router, transaction
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.utils import timezone

from smartcluster.demo.models import DemoRecord, DemoState
from smartcluster.demo.selectors import demo_record_get


def demo_mark(*, key: str, record: models.Model) -> None:
    """Mark `record` as the demo's item `key` (a re-created item takes over its key)."""
    DemoRecord.objects.update_or_create(
        key=key, defaults={"content_type": ContentType.objects.get_for_model(record), "object_id": record.pk})


def _state() -> DemoState:
    return DemoState.objects.select_for_update().get_or_create(pk=DemoState.SINGLETON)[0]


def demo_state_loaded() -> None:
    """Remember that the demo was loaded (the first setup loads it only while nothing was decided)."""
    state = _state()
    state.loaded_at = timezone.now()
    state.save(update_fields=["loaded_at"])


def demo_first_setup(*, empty: bool) -> bool:
    """True when the demo is to be loaded now: at the first setup of this database only (a load records itself, in
    its own transaction, so a failed one is tried again). A first setup with `empty` declines it for good (an
    administrator loads it on purpose with --demo)."""
    if DemoState.objects.exists():
        return False
    if empty:
        DemoState.objects.get_or_create(pk=DemoState.SINGLETON, defaults={"declined_at": timezone.now()})
    return not empty


# --- removal ------------------------------------------------------------------------------------------------------

@dataclass
class RemovalReport:
    removed: Counter[str] = field(default_factory=Counter)  # model label → rows deleted (demo and their parts)
    kept: list[str] = field(default_factory=list)  # demo records left in place, with the reason

    @property
    def total(self) -> int:
        return sum(self.removed.values())


class _Demo:
    """The set of demo records, to tell a demo record and its parts from records users made."""

    def __init__(self, markers: Iterable[DemoRecord]) -> None:
        self.keys = {(marker.content_type_id, marker.object_id) for marker in markers}
        self.models = {marker.content_type.model_class() for marker in markers} - {None}

    def holds(self, record: models.Model) -> bool:
        return (ContentType.objects.get_for_model(record).pk, record.pk) in self.keys

    def _points_at(self, record: models.Model, relation: models.Field) -> bool | None:
        """Whether this relation leads to a demo record (None: to nothing, or to a kind the demo never marks)."""
        target = relation.related_model
        value = getattr(record, relation.attname)
        if value is None or target not in self.models:
            return None
        return (ContentType.objects.get_for_model(target).pk, value) in self.keys

    def owns(self, record: models.Model, *, but: models.Field | None = None) -> bool:
        """A record that is not demo belongs to the demo when it hangs only on demo records (a session of a demo
        event, a demo user's notification); a many-to-many link belongs to the record that declares the field."""
        if self.holds(record):
            return True
        if type(record) in self.models:
            return False  # a kind the demo marks, unmarked: a user's own record
        meta = record._meta
        relations = [f for f in meta.concrete_fields if f.is_relation and f is not but]
        if meta.auto_created:
            relations = [f for f in relations if f.related_model is meta.auto_created][:1]
        answers = [self._points_at(record, relation) for relation in relations]
        return False not in answers and (but is None or True in answers)

    def strangers(self, collector: Collector) -> list[models.Model]:
        """Records that are not the demo's and that deleting the collected ones would delete or change."""
        found = [record for records in collector.data.values() for record in records if not self.owns(record)]
        found += [record for queryset in collector.fast_deletes for record in queryset if not self.owns(record)]
        for (changed, _value), batches in collector.field_updates.items():
            found += [record for batch in batches for record in batch if not self.owns(record, but=changed)]
        return found


def _describe(record: models.Model) -> str:
    return f"{record._meta.verbose_name} “{record}”"


def _try_remove(record: models.Model, demo: _Demo, report: RemovalReport) -> str | None:
    """Delete one demo record with what hangs on it; the reason it stays otherwise."""
    collector = Collector(using=router.db_for_write(type(record)))
    try:
        collector.collect([record])
    except (ProtectedError, RestrictedError) as error:
        blockers = getattr(error, "protected_objects", None) or getattr(error, "restricted_objects", ())
        return "; ".join(sorted({_describe(blocker) for blocker in blockers}))
    strangers = demo.strangers(collector)
    if strangers:
        return "; ".join(sorted({_describe(stranger) for stranger in strangers})[:5])
    _count, per_model = collector.delete()
    report.removed.update({label: count for label, count in per_model.items() if count})
    return None


def demo_remove() -> RemovalReport:
    """Delete every demo record and the parts that hang only on them (sessions, slots, notifications…); records
    users made are never deleted or changed: a demo record they depend on stays, and the report says why."""
    report = RemovalReport()
    with transaction.atomic():
        markers = list(DemoRecord.objects.select_related("content_type").order_by("-pk"))
        demo = _Demo(markers)
        pending = [(marker, demo_record_get(key=marker.key)) for marker in markers]
        pending = [(marker, record) for marker, record in pending if record is not None]
        reasons: dict[str, str] = {}
        # Latest first; a record still needed by a demo record not removed yet is tried again on the next pass.
        while pending:
            waiting = []
            for marker, record in pending:
                reason = _try_remove(record, demo, report)
                if reason is not None:
                    waiting.append((marker, record))
                    reasons[marker.key] = f"{_describe(record)}: {reason}"
            if len(waiting) == len(pending):
                break
            pending = waiting
        report.kept = [reasons[marker.key] for marker, _record in pending]
        kept_keys = {marker.key for marker, _record in pending}
        DemoRecord.objects.exclude(key__in=kept_keys).delete()
        state = _state()
        state.removed_at = timezone.now()
        state.save(update_fields=["removed_at"])
    return report

