"""Downloads as HTTP responses: the file's content type from its extension and a filename safe in a header.

Example: ``file_response(xlsx_bytes(tables), name=f"maturity-campaign-{campaign.pk}", extension="xlsx")``.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.text import slugify

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "qdc": "application/xml; charset=utf-8",  # REFI-QDA codebook (XML)
}


def file_response(payload: bytes, *, name: str, extension: str) -> HttpResponse:
    """`payload` downloaded as "<name>.<extension>", the name reduced to a slug (no quote, slash or line break
    reaches the header); `extension` is one of `CONTENT_TYPES`."""
    if extension not in CONTENT_TYPES:
        raise ValueError(f"no download type {extension!r}: expected one of {', '.join(CONTENT_TYPES)}")
    response = HttpResponse(payload, content_type=CONTENT_TYPES[extension])
    response["Content-Disposition"] = f'attachment; filename="{slugify(name) or "download"}.{extension}"'
    return response
