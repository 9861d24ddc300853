"""Forms: the profile step, one form per dimension built from the questionnaire's data, campaigns, filters."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from smartcluster.industries.choices import NaceLevel
from smartcluster.industries.selectors import industry_queryset
from smartcluster.maturity.models import Campaign, Questionnaire, QuestionnaireStatus
from smartcluster.maturity.selectors import GROUPINGS, aggregate_filter_errors
from smartcluster.organisations.choices import SizeClass
from smartcluster.organisations.selectors import organisation_queryset
from smartcluster.regions.selectors import region_loaded_versions, region_queryset
from smartcluster.scoring.definition import NOT_APPLICABLE, Dimension, Question

NA_LABEL = _("Not applicable to us")


def sector_choices() -> forms.ModelChoiceField:
    """Sector = a NACE Rev. 2 section (21 plain names): peers are compared within a section."""
    return forms.ModelChoiceField(
        label=_("Sector"), required=False, empty_label=_("— choose your main activity —"),
        queryset=industry_queryset(level=NaceLevel.SECTION),
        help_text=_("The main activity of your organisation (NACE section)."))


def region_choices() -> forms.ModelChoiceField:
    """Region = a NUTS 2 region of the newest NUTS version loaded."""
    newest = (region_loaded_versions(level=2) or [None])[-1]
    field = forms.ModelChoiceField(label=_("Region"), required=False, empty_label=_("— choose your region —"),
                                   queryset=region_queryset(level=2, version=newest),
                                   help_text=_("Where your organisation is based (NUTS 2 region)."))
    field.label_from_instance = lambda region: f"{region.display_name} ({region.code})"
    return field


class ProfileForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=organisation_queryset().none(), required=False,
        empty_label=_("— another organisation (name it below) —"))
    organisation_name = forms.CharField(label=_("Name of your organisation"), max_length=255, required=False)
    size_class = forms.ChoiceField(label=_("Size (number of persons employed)"), choices=SizeClass.choices,
                                   widget=forms.RadioSelect)

    def __init__(self, *args: Any, organisations: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["nace"] = sector_choices()
        self.fields["region"] = region_choices()
        if organisations is not None and organisations.exists():
            self.fields["organisation"].queryset = organisations
        else:
            del self.fields["organisation"]
        self.order_fields(["organisation", "organisation_name", "size_class", "nace", "region"])

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not cleaned.get("organisation") and not (cleaned.get("organisation_name") or "").strip():
            self.add_error("organisation_name", _("Name your organisation."))
        return cleaned


def _row_field(question: Question, label: str) -> forms.Field:
    if question.form == "ticks_per_row":
        return forms.MultipleChoiceField(label=label, required=False, widget=forms.CheckboxSelectMultiple,
                                         choices=[(c.key, c.label) for c in question.columns])
    choices = [(o.key, o.label) for o in question.options] + [(NOT_APPLICABLE, NA_LABEL)]
    return forms.ChoiceField(label=label, required=False, widget=forms.RadioSelect, choices=choices)


def _rows_offer_na(question: Question) -> bool:
    """Whether each row has its own "not applicable" choice (scale rows): then the question needs no second one."""
    return question.form not in ("ticks", "ticks_per_row")


class DimensionForm(forms.Form):
    """The questions of one dimension. Field names: `<question>` (ticks), `<question>__<row>` (rows),
    `<question>__na` (the whole question does not apply; not for scale rows, which each offer it)."""

    def __init__(self, *args: Any, dimension: Dimension, answers: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.dimension = dimension
        for question in dimension.questions:
            answer = answers.get(question.key)
            given = answer if answer != NOT_APPLICABLE else None
            if _rows_offer_na(question):
                if answer == NOT_APPLICABLE:  # scores as every row "not applicable" (scoring.score_scale)
                    given = {row.key: NOT_APPLICABLE for row in question.rows}
            else:
                self.fields[f"{question.key}__na"] = forms.BooleanField(
                    label=NA_LABEL, required=False, initial=answer == NOT_APPLICABLE)
            if question.form == "ticks":
                self.fields[question.key] = forms.MultipleChoiceField(
                    label=question.text, help_text=question.help, required=False,
                    widget=forms.CheckboxSelectMultiple, initial=given or [],
                    choices=[(o.key, o.label) for o in question.options])
                continue
            for row in question.rows:
                field = _row_field(question, row.label)
                field.initial = (given or {}).get(row.key)
                self.fields[f"{question.key}__{row.key}"] = field

    def questions(self) -> list[dict[str, Any]]:
        """Bound fields grouped per question, for the template."""
        groups = []
        for question in self.dimension.questions:
            rows = [self[f"{question.key}__{row.key}"] for row in question.rows]
            na = None if _rows_offer_na(question) else self[f"{question.key}__na"]
            groups.append({"question": question, "na": na,
                           "ticks": self[question.key] if question.form == "ticks" else None, "rows": rows})
        return groups

    def answers(self) -> dict[str, Any]:
        """The step's answers in the stored form (see definition.py)."""
        result: dict[str, Any] = {}
        for question in self.dimension.questions:
            if self.cleaned_data.get(f"{question.key}__na"):
                result[question.key] = NOT_APPLICABLE
            elif question.form == "ticks":
                result[question.key] = list(self.cleaned_data.get(question.key) or [])
            else:
                result[question.key] = {row.key: self.cleaned_data[f"{question.key}__{row.key}"]
                                        for row in question.rows if self.cleaned_data.get(
                                            f"{question.key}__{row.key}")}
        return result


class SubmitForm(forms.Form):
    questionnaire = forms.CharField(widget=forms.HiddenInput)


class CampaignForm(forms.ModelForm):
    class Meta:
        model = Campaign
        fields = ["organisation", "questionnaire", "name", "description", "region", "invited", "opens_at",
                  "closes_at"]
        widgets = {"opens_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
                   "closes_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")}

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["questionnaire"].queryset = Questionnaire.objects.filter(status=QuestionnaireStatus.PUBLISHED)
        self.fields["region"].queryset = region_queryset(max_level=2)
        if self.instance.pk:
            del self.fields["organisation"]
            del self.fields["questionnaire"]


class AggregateFilterForm(forms.Form):
    questionnaire = forms.ModelChoiceField(label=_("Questionnaire version"), queryset=Questionnaire.objects.exclude(
        status=QuestionnaireStatus.DRAFT), required=False, empty_label=None)
    by = forms.ChoiceField(label=_("Break down by"), required=False, choices=[
        ("", _("— no breakdown —")), *zip(GROUPINGS, [_("Size band"), _("Sector"), _("Region")], strict=True)])
    cluster = forms.ModelChoiceField(label=_("Members reached by campaigns of"), required=False,
                                     queryset=organisation_queryset().none(), empty_label=_("— any organisation —"))
    region_code = forms.CharField(label=_("Region (NUTS 0, 1 or 2 code)"), required=False, max_length=10)
    size_class = forms.ChoiceField(label=_("Size band"), required=False,
                                   choices=[("", _("— all —")), *SizeClass.choices])

    def __init__(self, *args: Any, clusters: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["cluster"].queryset = clusters
        self.fields["sector"] = forms.ModelChoiceField(
            label=_("Sector"), required=False, to_field_name="section", empty_label=_("— all —"),
            queryset=industry_queryset(level=NaceLevel.SECTION))
        self.order_fields(["questionnaire", "by", "cluster", "region_code", "sector", "size_class"])

    def clean_region_code(self) -> str:
        code = self.cleaned_data["region_code"].strip().upper()
        error = aggregate_filter_errors(region_code=code).get("region")
        if error:
            raise forms.ValidationError(error)
        return code
