"""Admin: publish questionnaire versions (from a YAML file), keep support offers per region, read campaigns."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from smartcluster.maturity import services
from smartcluster.maturity.models import Assessment, Campaign, Questionnaire, SupportOffer
from smartcluster.maturity.selectors import questionnaire_change_blocked
from smartcluster.scoring.definition import DefinitionError, definition_from_yaml, questionnaire_from_mapping
from smartcluster.site.admin import HTTPS_URL_FIELDS


class QuestionnaireImportForm(forms.ModelForm):
    definition_file = forms.FileField(label=_("Definition (YAML file)"), required=False,
                                      help_text=_("A questionnaire file like questionnaires/dma-sme-v1.yaml."))

    class Meta:
        model = Questionnaire
        fields = ["definition"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["definition"].required = False

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        upload = cleaned.get("definition_file")
        try:
            if upload is not None:
                cleaned["definition"] = definition_from_yaml(upload.read().decode("utf-8"))
            elif not cleaned.get("definition"):
                raise ValidationError(_("Upload a definition file."))
            code = questionnaire_from_mapping(cleaned["definition"]).code
        except (DefinitionError, UnicodeDecodeError) as error:
            raise ValidationError(_("The definition cannot be used: %(error)s") % {"error": error}) from error
        if questionnaire_change_blocked(code=code, definition=cleaned["definition"]):
            raise ValidationError(_("Version %(code)s has been answered and cannot change; give the new version "
                                    "a new code.") % {"code": code})
        return cleaned


@admin.register(Questionnaire)
class QuestionnaireAdmin(admin.ModelAdmin):
    form = QuestionnaireImportForm
    list_display = ["code", "title", "family", "version", "status", "published_at"]
    list_filter = ["status", "family"]
    actions = ["publish"]

    def get_readonly_fields(self, request: HttpRequest, obj: Questionnaire | None = None) -> list[str]:
        fixed = ["code", "family", "version", "title", "status", "published_at", "checksum"]
        return [*fixed, "definition"] if obj is not None and obj.assessments.exists() else fixed

    def save_model(self, request: HttpRequest, obj: Questionnaire, form: Any, change: bool) -> None:
        saved = services.questionnaire_load(definition=form.cleaned_data["definition"])
        obj.pk = saved.pk
        obj.refresh_from_db()

    @admin.action(description=_("Publish the selected versions (retires older ones of the family)"))
    def publish(self, request: HttpRequest, queryset: QuerySet[Questionnaire]) -> None:
        for questionnaire in queryset:
            services.questionnaire_publish(questionnaire=questionnaire)
        self.message_user(request, _("Published."), messages.SUCCESS)


@admin.register(SupportOffer)
class SupportOfferAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "region", "provider", "dimensions", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "description", "region__code"]
    autocomplete_fields = ["region", "provider"]
    formfield_overrides = HTTPS_URL_FIELDS


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "questionnaire", "opens_at", "closes_at", "invited"]
    readonly_fields = ["token"]
    autocomplete_fields = ["organisation", "region"]


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    """Read-only: scores are frozen at submission."""

    list_display = ["public_id", "organisation", "questionnaire", "stage", "status", "overall", "submitted_at"]
    list_filter = ["status", "questionnaire", "stage"]

    def has_change_permission(self, request: HttpRequest, obj: Assessment | None = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
