"""Administrators see what is demo content and remove it all with one button (after a confirmation page)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from smartcluster.accounts.permissions import is_administrator
from smartcluster.demo.models import DemoRecord
from smartcluster.demo.selectors import demo_records_count
from smartcluster.demo.services import demo_remove


@admin.register(DemoRecord)
class DemoRecordAdmin(admin.ModelAdmin):
    list_display = ["key", "content_type", "record_shown", "marked_at"]
    list_filter = ["content_type"]
    search_fields = ["key"]

    @admin.display(description=gettext_lazy("record"))
    def record_shown(self, marker: DemoRecord) -> str:
        return str(marker.record) if marker.record is not None else _("(deleted)")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # unmarking one record by hand would make the demo's removal leave it behind

    def get_urls(self) -> list[URLPattern]:
        remove = path("remove/", self.admin_site.admin_view(self.remove_view), name="demo_demorecord_remove")
        return [remove, *super().get_urls()]

    @staticmethod
    def _require_administrator(request: HttpRequest) -> None:
        if not is_administrator(request.user):
            raise PermissionDenied(_("Only administrators may remove the demo."))

    def changelist_view(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        extra = {**(extra_context or {}), "may_remove_demo": is_administrator(request.user)}
        return super().changelist_view(request, extra_context=extra)

    def remove_view(self, request: HttpRequest) -> HttpResponse:
        """GET: what would go; POST: remove every demo record."""
        self._require_administrator(request)
        if request.method == "POST":
            report = demo_remove()
            messages.success(request, _("Demo removed: %(count)d rows deleted.") % {"count": report.total})
            for reason in report.kept:
                messages.warning(request, _("Kept, because other records depend on it: %(reason)s")
                                 % {"reason": reason})
            return redirect(reverse("admin:demo_demorecord_changelist"))
        context = {**self.admin_site.each_context(request), "opts": self.model._meta,
                   "title": _("Remove the demo"), "counts": demo_records_count()}
        return TemplateResponse(request, "admin/demo/demorecord/remove.html", context)
