"""Download responses: content type from the extension, a filename no request value can break out of."""

from __future__ import annotations

import pytest

from smartcluster.reports.responses import file_response


def test_the_content_type_follows_the_extension_and_the_payload_is_sent_as_is() -> None:
    response = file_response(b"region,lq\n", name="categories", extension="csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="categories.csv"'
    assert response.content == b"region,lq\n"
    docx = file_response(b"PK", name="maturity-report-0b7c", extension="docx")
    assert docx["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_a_name_with_quotes_slashes_or_line_breaks_becomes_a_plain_slug() -> None:
    response = file_response(b"", name='category-Paper/"Packaging"\r\nX-Evil: 1-2014', extension="docx")
    assert response["Content-Disposition"] == 'attachment; filename="category-paperpackaging-x-evil-1-2014.docx"'
    assert file_response(b"", name="Θεσσαλία", extension="xlsx")["Content-Disposition"] == (
        'attachment; filename="download.xlsx"')


def test_an_unknown_extension_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="no download type 'exe'"):
        file_response(b"", name="x", extension="exe")
