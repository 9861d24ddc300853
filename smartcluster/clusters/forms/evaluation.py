"""Forms of the clusters app: evaluation — start a self-evaluation, its figures (built from the criteria set),
a review step, a criteria-set upload and an import of figures."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from smartcluster import evaluation as library
from smartcluster.clusters.models import ClusterProfile, CriteriaSet, CriteriaStatus, ReviewAction
from smartcluster.clusters.services.evaluation import figure_value

# Words for the figures of the default set that no single indicator names (the others take their indicator's title)
FIGURE_LABELS = {
    "members": _("Members at 31 December"),
    "members_previous": _("Members at 31 December of the year before"),
    "members_retained": _("Members of the year before who are still members"),
    "member_types": _("Member types present (SME, large firm, research/education, public, other)"),
    "sme_members": _("SME members"),
    "business_members": _("Business members (SMEs and large firms)"),
    "management_fte": _("Cluster-management staff (FTE)"),
    "public_grants": _("Public grants (EUR)"),
    "revenue": _("Total revenue (EUR)"),
    "core_funding": _("Core funding: multi-year basic funding (EUR)"),
    "annual_cost": _("Annual cost (EUR)"),
    "contracted_next_12_months": _("Funding contracted for the next 12 months (EUR)"),
    "contracted_next_36_months": _("Funding contracted for the next 36 months (EUR)"),
    "members_using_services": _("Members who used at least one service"),
}


def figure_label(criteria: library.CriteriaSet, name: str) -> str:
    """A figure's words: ours for the default set's shared figures, else the title of the indicator reading it."""
    if name in FIGURE_LABELS:
        return str(FIGURE_LABELS[name])
    users = library.criteria_inputs(criteria).get(name, ())
    return criteria.indicator(users[0]).title if users else name.replace("_", " ").capitalize()


def figure_text(value: Any) -> str:
    """A stored figure as the form shows it (whole numbers without ".0")."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class FiguresForm(forms.Form):
    """One field per figure the criteria set reads, grouped by area; values checked by the criteria set."""

    def __init__(self, *args: Any, criteria: library.CriteriaSet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        scales = {indicator.formula.inputs[0]: indicator for indicator in criteria.indicators() if indicator.scale}
        for name in library.criteria_inputs(criteria):
            label = figure_label(criteria, name)
            if name in scales:
                choices = [("", _("— not reported —")), *((option, option) for option in scales[name].scale)]
                self.fields[name] = forms.ChoiceField(label=label, choices=choices, required=False)
            else:
                self.fields[name] = forms.CharField(label=label, required=False, max_length=40,
                                                    widget=forms.TextInput(attrs={"inputmode": "decimal"}))
            evidence = next((indicator.evidence for indicator in criteria.indicators()
                             if name in indicator.formula.inputs and indicator.evidence), "")
            self.fields[name].help_text = evidence

    def figures(self) -> dict[str, Any]:
        """The figures as typed, numbers read as numbers (call after is_valid)."""
        return {name: figure_value(value) for name, value in self.cleaned_data.items()}

    def areas(self) -> list[tuple[str, list[Any]]]:
        """(area title, its bound fields), each figure under the first area that reads it."""
        placed: set[str] = set()
        grouped = []
        for area in self.criteria.areas:
            names = []
            for indicator in area.indicators:
                for name in indicator.formula.inputs:
                    if name not in placed:
                        placed.add(name)
                        names.append(name)
            if names:
                grouped.append((area.title, [self[name] for name in names]))
        return grouped


def figures_initial(stored: Mapping[str, Any], prefill: Mapping[str, Any]) -> dict[str, str]:
    """What the form shows: the figures saved, and where none is saved what the registry holds (never over a
    figure the manager typed)."""
    merged = {**prefill, **{name: value for name, value in stored.items() if value not in (None, "")}}
    return {name: figure_text(value) for name, value in merged.items()}


class EvaluationStartForm(forms.Form):
    profile = forms.ModelChoiceField(label=_("Cluster organisation"), queryset=ClusterProfile.objects.none())
    criteria = forms.ModelChoiceField(label=_("Criteria set"), queryset=CriteriaSet.objects.none())
    data_year = forms.IntegerField(label=_("Data year"), min_value=1900, max_value=2100,
                                   help_text=_("The year the figures describe (members at 31 December, revenue "
                                               "of the year)."))

    def __init__(self, *args: Any, profiles: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["profile"].queryset = profiles
        self.fields["criteria"].queryset = CriteriaSet.objects.filter(status=CriteriaStatus.PUBLISHED)
        self.fields["data_year"].initial = timezone.now().year - 1


class ReviewForm(forms.Form):
    action = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect, choices=[
        (ReviewAction.ACCEPT, _("Accept")), (ReviewAction.ASK_CHANGES, _("Ask for changes"))])
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                              help_text=_("Required when you ask for changes: say what should change."))


class CriteriaUploadForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Published by"), queryset=None, required=False,
                                          help_text=_("Empty: the platform (administrators only)."))
    file = forms.FileField(label=_("Criteria set (YAML file)"), required=False)
    text = forms.CharField(label=_("or paste the YAML"), required=False,
                           widget=forms.Textarea(attrs={"rows": 10, "spellcheck": "false"}))

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload is not None:
            try:
                cleaned["text"] = upload.read().decode("utf-8")
            except UnicodeDecodeError:
                self.add_error("file", _("The file is not UTF-8 text."))
        if not cleaned.get("text") and not self.errors:
            self.add_error("text", _("Choose a YAML file or paste its text."))
        return cleaned


class FiguresImportForm(forms.Form):
    file = forms.FileField(label=_("Figures (XLSX or CSV)"), help_text=_(
        "One row per figure with the columns evaluation, figure and value (as the figures download gives them)."))
