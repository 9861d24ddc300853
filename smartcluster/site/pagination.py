"""The API's one pagination (settings.NINJA_PAGINATION_CLASS): numbered pages, and a page past the end is a 404."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination


class CheckedPageNumberPagination(PageNumberPagination):
    """Django Ninja's numbered pages, counted before the page is read: a page beyond the last answers 404 with the
    number of pages, and the database never sees an OFFSET it cannot hold (SQLite fails on one past 2**63)."""

    def paginate_queryset(self, queryset: QuerySet, pagination: PageNumberPagination.Input, request: HttpRequest,
                          **params: Any) -> Any:
        page_size = self._get_page_size(pagination.page_size)
        count = self._items_count(queryset)
        offset = (pagination.page - 1) * page_size
        if pagination.page > 1 and offset >= count:
            pages = max(1, -(-count // page_size))
            raise HttpError(404, _("Page %(page)s does not exist: the last page is %(pages)s (%(count)s items, "
                                   "%(size)s a page).") % {"page": pagination.page, "count": count, "pages": pages,
                                                           "size": page_size})
        return {self.items_attribute: queryset[offset:offset + page_size], "count": count}
