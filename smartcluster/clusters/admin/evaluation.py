"""Admin of the clusters app: evaluation — criteria sets uploaded as YAML through the same service as the pages
(a published version is read-only: a change is a new version), publish and retire actions; evaluations and their
review trail are read here and changed only through the pages' services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from smartcluster.clusters.models import CriteriaSet, CriteriaStatus, Evaluation, EvaluationReview
from smartcluster.clusters.services import evaluation as services
from smartcluster.site.api import refusal_message


class CriteriaSetAdminForm(forms.ModelForm):
    """A criteria set from its YAML: code, version, title and definition are read from it (errors name the field)."""

    yaml_file = forms.FileField(label=_("Criteria set (YAML file)"), required=False)

    class Meta:
        model = CriteriaSet
        fields = ["organisation", "source_text"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "source_text" in self.fields:  # absent from a published version's read-only page
            self.fields["source_text"].required = False

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        upload = cleaned.get("yaml_file")
        if upload is not None:
            try:
                cleaned["source_text"] = upload.read().decode("utf-8")
            except UnicodeDecodeError as error:
                raise ValidationError({"yaml_file": _("The file is not UTF-8 text.")}) from error
        if not cleaned.get("source_text"):
            raise ValidationError({"source_text": _("Upload a YAML file or paste its text.")})
        try:
            # stored by the pages' service: the same rules (a code is its publisher's, a published version frozen)
            self.saved = services.criteria_set_upload(user=self.user, organisation=cleaned.get("organisation"),
                                                      text=cleaned["source_text"])
        except PermissionDenied as error:
            raise ValidationError(str(error)) from error
        except ValidationError as error:
            raise ValidationError({"source_text": error.messages}) from error
        return cleaned


@admin.register(CriteriaSet)
class CriteriaSetAdmin(admin.ModelAdmin):
    form = CriteriaSetAdminForm
    list_display = ["code", "version", "title", "organisation", "status", "published_at"]
    list_filter = ["status", "code"]
    search_fields = ["code", "title"]
    actions = ["publish", "retire"]

    def get_readonly_fields(self, request: HttpRequest, obj: CriteriaSet | None = None) -> list[str]:
        fixed = ["code", "version", "title", "status", "published_at", "definition"]
        if obj is not None and obj.status != CriteriaStatus.DRAFT:
            return [*fixed, "organisation", "source_text"]  # frozen: a change is a new version
        return fixed

    def get_fields(self, request: HttpRequest, obj: CriteriaSet | None = None) -> list[str]:
        if obj is not None and obj.status != CriteriaStatus.DRAFT:
            return ["code", "version", "title", "organisation", "status", "published_at", "source_text"]
        return ["organisation", "yaml_file", "source_text", "code", "version", "title", "status"]

    def get_form(self, request: HttpRequest, obj: CriteriaSet | None = None, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, **kwargs)
        form.user = request.user
        return form

    def save_model(self, request: HttpRequest, obj: CriteriaSet, form: Any, change: bool) -> None:
        """The form's clean stored it through the service; the admin only takes the stored row."""
        obj.pk = form.saved.pk
        obj.refresh_from_db()

    @admin.action(description=_("Publish the selected drafts"))
    def publish(self, request: HttpRequest, queryset: QuerySet[CriteriaSet]) -> None:
        self._change(request, queryset, services.criteria_set_publish)

    @admin.action(description=_("Retire the selected published versions"))
    def retire(self, request: HttpRequest, queryset: QuerySet[CriteriaSet]) -> None:
        self._change(request, queryset, services.criteria_set_retire)

    def _change(self, request: HttpRequest, queryset: QuerySet[CriteriaSet], change: Any) -> None:
        for criteria in queryset:
            try:
                change(user=request.user, criteria=criteria)
            except PermissionDenied as error:
                messages.error(request, f"{criteria}: {error}")
            except ValidationError as error:
                messages.error(request, f"{criteria}: {refusal_message(error)}")
            else:
                messages.success(request, _("%(criteria)s: done.") % {"criteria": criteria})

    def has_delete_permission(self, request: HttpRequest, obj: CriteriaSet | None = None) -> bool:
        return obj is None or obj.status == CriteriaStatus.DRAFT


class EvaluationReviewInline(admin.TabularInline):
    model = EvaluationReview
    fields = ["created_at", "action", "author", "comment"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Evaluation)
class EvaluationAdmin(admin.ModelAdmin):
    """Read-only: evaluations change through their services (drafts, review, publishing)."""

    list_display = ["profile", "data_year", "criteria", "status", "is_published", "updated_at"]
    list_filter = ["status", "is_published", "data_year", "criteria"]
    search_fields = ["profile__organisation__name"]
    inlines = [EvaluationReviewInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Evaluation | None = None) -> bool:
        return False
