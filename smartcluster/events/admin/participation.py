"""Admin of the events app: participation — registrations (token made on creation, attendance only for invited or
registered people), feedback answers, materials (typed by content, within the size limit, like uploads on the site)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from smartcluster.events.choices import RegistrationStatus
from smartcluster.events.models import FeedbackResponse, Material, Registration
from smartcluster.events.services.participation import material_file_checked, participation_token


class RegistrationForm(forms.ModelForm):
    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        active = (RegistrationStatus.INVITED, RegistrationStatus.REGISTERED)
        if cleaned.get("attended") and cleaned.get("status") not in active:
            self.add_error("attended", _("Attendance is recorded only for invited or registered people."))
        return cleaned


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    form = RegistrationForm
    list_display = ["person", "event", "group", "partner", "status", "attended"]
    list_filter = ["status", "attended", "group", "event__kind"]
    search_fields = ["person__name", "person__email", "event__title"]
    raw_id_fields = ["event", "person", "partner"]
    readonly_fields = ["invited_at", "registered_at"]

    def save_model(self, request: HttpRequest, obj: Registration, form: Any, change: bool) -> None:
        if not obj.token:
            obj.token = participation_token()
        super().save_model(request, obj, form, change)


@admin.register(FeedbackResponse)
class FeedbackResponseAdmin(admin.ModelAdmin):
    list_display = ["registration", "satisfaction", "learning", "capacity_before", "capacity_after", "submitted_at"]
    list_filter = ["registration__event__kind"]
    search_fields = ["registration__event__title", "most_useful", "to_improve"]
    raw_id_fields = ["registration"]


class MaterialForm(forms.ModelForm):
    def clean_file(self) -> Any:
        file = self.cleaned_data["file"]
        if hasattr(file, "content_type"):  # a new upload (an unchanged file was checked when it came)
            try:
                self.detected = material_file_checked(file)
            except forms.ValidationError as error:
                raise forms.ValidationError(error.message_dict["file"]) from error
        return file


@admin.register(Material)
class MaterialAdmin(admin.ModelAdmin):
    form = MaterialForm
    list_display = ["title", "event", "kind", "content_type", "size", "is_published"]
    list_filter = ["kind", "is_published"]
    search_fields = ["title", "event__title"]
    raw_id_fields = ["event"]
    readonly_fields = ["content_type", "size", "uploaded_by"]

    def save_model(self, request: HttpRequest, obj: Material, form: Any, change: bool) -> None:
        detected = getattr(form, "detected", None)
        if detected is not None:
            obj.content_type, extension = detected
            obj.size = obj.file.size
            obj.file.name = f"{participation_token()[:16]}.{extension}"  # our name, never the uploader's
            obj.uploaded_by = obj.uploaded_by or request.user
        super().save_model(request, obj, form, change)

