"""Evidence files of the monitoring records (deliverables, action-plan entries): one rule for all of them."""

from __future__ import annotations

import secrets
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from smartcluster.events.services import material_file_checked

__all__ = ["evidence_file_saved"]


def evidence_file_saved(record: Any, file: UploadedFile) -> None:
    """Store the file as the record's `evidence_file` under a random name, once its content is checked (the
    events' rule); a refusal names `evidence_file`. The record itself is saved by the caller."""
    try:
        _content_type, extension = material_file_checked(file)
    except ValidationError as error:
        raise ValidationError({"evidence_file": error.message_dict["file"]}) from error
    record.evidence_file.save(f"{secrets.token_hex(8)}.{extension}", file, save=False)
