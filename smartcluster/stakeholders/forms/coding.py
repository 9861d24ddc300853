"""Coding forms: one answer's themes, a codebook file to import, the two coders whose agreement to show."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from smartcluster.stakeholders.models import Codebook


class AnswerCodingForm(forms.Form):
    """The themes a coder applies to one answer (none is a coding too)."""

    themes = forms.MultipleChoiceField(label=_("Themes"), required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, codebook: Codebook, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["themes"].choices = [(theme.code, theme.name) for theme in codebook.themes.all()]


class SuggestionAcceptForm(forms.Form):
    """The suggested theme a coder accepts."""

    theme = forms.SlugField(label=_("Theme"), max_length=60)


class CodebookImportForm(forms.Form):
    """A CSV (code, name, group, description) or REFI-QDA .qdc file, imported as a new version."""

    file = forms.FileField(label=_("Codebook file (.csv or .qdc)"),
                           help_text=_("CSV columns: code, name, group (challenge, need or topic), description."))


class AgreementForm(forms.Form):
    """Which partner's interviews, which codebook and which two coders to compare."""

    partner = forms.TypedChoiceField(label=_("Partner"), coerce=int)
    codebook = forms.ModelChoiceField(label=_("Codebook"), queryset=Codebook.objects.order_by("name", "-version"))
    first = forms.TypedChoiceField(label=_("First coder"), coerce=int)
    second = forms.TypedChoiceField(label=_("Second coder"), coerce=int)

    def __init__(self, *args: Any, partners: list[Any], coders: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["partner"].choices = [(partner.pk, str(partner.organisation)) for partner in partners]
        coder_choices = [(coder.pk, coder.get_full_name() or coder.get_username()) for coder in coders]
        self.fields["first"].choices = self.fields["second"].choices = coder_choices

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("first") is not None and data.get("first") == data.get("second"):
            self.add_error("second", _("Choose two different coders."))
        return data
