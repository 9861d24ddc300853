"""Evidence files of the monitoring records (deliverables, action-plan entries): one rule for all of them."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import DatabaseError

from smartcluster.events.services import material_file_checked

__all__ = ["evidence_file_saved", "record_with_evidence_saved"]

Saved = TypeVar("Saved")


def evidence_file_saved(record: Any, file: UploadedFile) -> None:
    """Store the file as the record's `evidence_file` under a random name, once its content is checked (the
    events' rule); a refusal names `evidence_file`. The record itself is saved by the caller."""
    try:
        _content_type, extension = material_file_checked(file)
    except ValidationError as error:
        raise ValidationError({"evidence_file": error.message_dict["file"]}) from error
    record.evidence_file.save(f"{secrets.token_hex(8)}.{extension}", file, save=False)


def record_with_evidence_saved(record: Any, file: UploadedFile | None, save: Callable[[], Saved]) -> Saved:
    """Store the file (when one is given), then `save()` the record: a failed save leaves no file behind, and a new
    file replaces the record's old one on disk."""
    replaced = record.evidence_file.name if file is not None else ""
    if file is not None:
        evidence_file_saved(record, file)
    try:
        saved = save()
    except (ValidationError, DatabaseError):
        if file is not None:
            record.evidence_file.storage.delete(record.evidence_file.name)  # no file without its record
        raise
    if replaced and replaced != record.evidence_file.name:
        record.evidence_file.storage.delete(replaced)  # the new document replaces the old one
    return saved
