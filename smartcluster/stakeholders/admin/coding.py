"""Coding admin: codebooks with their themes inline, and coders' codings with their codes inline (a code's theme
must be of the interview's codebook; a score only for an accepted suggestion, the model's constraint)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from smartcluster.stakeholders.models import AnswerCoding, AppliedCode, Codebook, Theme


class ThemeInline(admin.TabularInline):
    model = Theme
    fields = ["position", "code", "name", "group", "description"]
    extra = 0


@admin.register(Codebook)
class CodebookAdmin(admin.ModelAdmin):
    list_display = ["name", "version", "created_at"]
    search_fields = ["name", "themes__code", "themes__name"]
    readonly_fields = ["created_at"]
    inlines = [ThemeInline]


class AppliedCodeFormSet(forms.BaseInlineFormSet):
    """Codes of a coding: themes of the codebook of the interview's guide only."""

    def clean(self) -> None:
        super().clean()
        answer = getattr(self.instance, "answer", None) if self.instance.answer_id else None
        if answer is None:
            return
        codebook_id = answer.interview.guide.codebook_id
        for form in self.forms:
            theme = form.cleaned_data.get("theme") if hasattr(form, "cleaned_data") else None
            if theme is not None and not form.cleaned_data.get("DELETE") and theme.codebook_id != codebook_id:
                form.add_error("theme", _("Choose a theme of the interview's codebook (%(codebook)s).")
                               % {"codebook": answer.interview.guide.codebook})


class AppliedCodeInline(admin.TabularInline):
    model = AppliedCode
    formset = AppliedCodeFormSet
    fields = ["theme", "source", "suggestion_score"]
    extra = 0


@admin.register(AnswerCoding)
class AnswerCodingAdmin(admin.ModelAdmin):
    list_display = ["answer", "interview", "coder", "code_count", "coded_at"]
    list_filter = ["answer__interview__partner"]
    search_fields = ["coder__username", "answer__interview__organisation__name"]
    raw_id_fields = ["answer", "coder"]
    readonly_fields = ["coded_at"]
    list_select_related = ["answer__interview__organisation", "coder"]
    inlines = [AppliedCodeInline]

    def get_queryset(self, request: Any) -> Any:
        return super().get_queryset(request).prefetch_related("codes")

    @admin.display(description=_("interview"))
    def interview(self, coding: AnswerCoding) -> str:
        return str(coding.answer.interview)

    @admin.display(description=_("codes"))
    def code_count(self, coding: AnswerCoding) -> int:
        return len(coding.codes.all())
