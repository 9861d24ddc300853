"""Interviews admin: guides with their questions inline (a version used by an interview is read-only), interviews
with their answers inline (checked by the services' rules)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import construct_instance
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from smartcluster.stakeholders.models import Answer, GuideQuestion, Interview, InterviewGuide
from smartcluster.stakeholders.services import interview_check


def _guide_in_use(guide: InterviewGuide | None) -> bool:
    return guide is not None and guide.pk is not None and guide.interviews.exists()


class GuideQuestionForm(forms.ModelForm):
    """A question's themes come from its guide's codebook."""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        guide = self.instance.guide if self.instance.guide_id else None
        foreign = [theme for theme in cleaned.get("themes") or [] if guide and theme.codebook_id != guide.codebook_id]
        if foreign:
            self.add_error("themes", _("These themes are not in the guide's codebook: %(themes)s.")
                           % {"themes": ", ".join(map(str, foreign))})
        return cleaned


class GuideQuestionInline(admin.TabularInline):
    model = GuideQuestion
    form = GuideQuestionForm
    fields = ["number", "text", "themes"]
    extra = 0

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not _guide_in_use(obj) and super().has_change_permission(request, obj)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not _guide_in_use(obj) and super().has_add_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not _guide_in_use(obj) and super().has_delete_permission(request, obj)


@admin.register(InterviewGuide)
class InterviewGuideAdmin(admin.ModelAdmin):
    list_display = ["name", "version", "codebook", "created_at"]
    search_fields = ["name"]
    inlines = [GuideQuestionInline]
    readonly_fields = ["created_at"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        """A version used by an interview never changes (a new version is made from it instead)."""
        return not _guide_in_use(obj) and super().has_change_permission(request, obj)


class AnswerInlineFormSet(forms.BaseInlineFormSet):
    """An answer only to a question of the interview's guide."""

    def clean(self) -> None:
        super().clean()
        for form in self.forms:
            question = form.cleaned_data.get("question") if hasattr(form, "cleaned_data") else None
            if question is not None and question.guide_id != self.instance.guide_id:
                form.add_error("question", _("Answer only questions of the interview's guide."))


class AnswerInline(admin.StackedInline):
    model = Answer
    formset = AnswerInlineFormSet
    fields = ["question", "text"]
    extra = 0


class InterviewAdminForm(forms.ModelForm):
    """The services' rules (date not in the future, interviewer of the partner, interviewee of the organisation)."""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not self.errors:
            try:
                interview_check(construct_instance(self, self.instance))
            except ValidationError as error:
                self.add_error(None, error)
        return cleaned


@admin.register(Interview)
class InterviewAdmin(admin.ModelAdmin):
    form = InterviewAdminForm
    list_display = ["organisation", "partner", "held_on", "mode", "consent_to_record", "consent_to_quote"]
    list_filter = ["partner__project", "mode", "consent_to_quote"]
    search_fields = ["organisation__name", "person__name", "partner__organisation__name"]
    raw_id_fields = ["partner", "organisation", "person", "interviewer", "created_by"]
    date_hierarchy = "held_on"
    inlines = [AnswerInline]
    readonly_fields = ["created_at"]
