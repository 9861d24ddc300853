"""Briefs forms: the brief, its criteria (a plain formset), cancellation, attachments and the list's filters.
They parse input; the services decide (and name refused fields)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from smartcluster.challenges.choices import ChallengePhase, ScoreAggregate
from smartcluster.challenges.selectors.briefs import challenge_organiser_choices
from smartcluster.organisations.choices import OrganisationType
from smartcluster.organisations.selectors import organisation_list, project_list
from smartcluster.site.time_zones import TimeZoneField

TIMELINE = ("opens_at", "deadline_at", "evaluation_ends_at", "results_at")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


def _text(label: Any, rows: int = 4, required: bool = True, help_text: Any = "") -> forms.CharField:
    return forms.CharField(label=label, required=required, help_text=help_text,
                           widget=forms.Textarea(attrs={"rows": rows}))


class ChallengeForm(forms.Form):
    """The brief's own fields; the timeline is entered in the challenge's time zone."""

    title = forms.CharField(label=_("Title"), max_length=200)
    on_behalf_of = forms.ModelChoiceField(label=_("On behalf of"), queryset=None, required=False,
                                          help_text=_("A cluster organisation you post the challenge for, if any."))
    project = forms.ModelChoiceField(label=_("Project"), queryset=None, required=False,
                                     help_text=_("The project whose pilot action this challenge is, if any."))
    problem = _text(_("Problem"), rows=6)
    context = _text(_("Context"), required=False)
    expected_outcome = _text(_("Expected outcome"))
    eligibility = _text(_("Who may apply"), rows=3, required=False)
    eligible_regions = forms.CharField(
        label=_("Eligible regions"), required=False, max_length=500,
        help_text=_("NUTS codes separated by commas (e.g. ES61, PT1); a region within one of them counts. Empty: "
                    "any region."))
    time_zone = TimeZoneField(label=_("Time zone"), initial="Europe/Brussels",
                              help_text=_("The timeline is entered and shown in this zone."))
    opens_at = forms.DateTimeField(label=_("Opens"), widget=DateTimeInput())
    deadline_at = forms.DateTimeField(label=_("Submission deadline"), widget=DateTimeInput())
    evaluation_ends_at = forms.DateTimeField(label=_("Evaluation ends"), widget=DateTimeInput())
    results_at = forms.DateTimeField(label=_("Results announced"), widget=DateTimeInput())
    prizes = _text(_("Prizes and follow-up"), rows=3, required=False)
    ip_terms = _text(_("Intellectual property terms"), rows=3, required=False)
    confidentiality = _text(_("Confidentiality terms"), rows=3, required=False)
    score_max = forms.IntegerField(label=_("Top of the score scale"), min_value=1, max_value=100, initial=5,
                                   help_text=_("Jurors score each criterion from 0 to this value (EU practice: 5)."))
    aggregate = forms.ChoiceField(label=_("Jurors' scores combined by"), choices=ScoreAggregate.choices,
                                  initial=ScoreAggregate.MEDIAN)
    scores_per_submission = forms.IntegerField(label=_("Scores per submission"), min_value=1, initial=3)
    calibration_min_scores = forms.IntegerField(label=_("Scores per juror needed for calibration"), min_value=2,
                                                initial=5)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["on_behalf_of"].queryset = organisation_list(user=user, type=OrganisationType.CLUSTER)
        self.fields["project"].queryset = project_list()

    def service_arguments(self, *, changed_only: bool = False) -> dict[str, Any]:
        """The cleaned fields as the services take them (regions as a list of codes); `changed_only`: the fields
        changed from the form's initial values (a timeline shown to the minute is not a change of its seconds)."""
        data = dict(self.cleaned_data)
        if changed_only:
            changed = set(self.changed_data) | ({*TIMELINE} if "time_zone" in self.changed_data else set())
            data = {name: value for name, value in data.items() if name in changed or name == "eligible_regions"}
        data["eligible_regions"] = [code for code in data["eligible_regions"].replace(";", ",").split(",")
                                    if code.strip()]
        return data


class ChallengeCreateForm(ChallengeForm):
    organiser = forms.ModelChoiceField(label=_("Posted by"), queryset=None,
                                       help_text=_("An organisation you edit."))
    field_order = ["organiser", "title"]

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        self.fields["organiser"].queryset = challenge_organiser_choices(user=user)


class CriterionForm(forms.Form):
    """One evaluation criterion; its row's order is the tie-break order."""

    name = forms.CharField(label=_("Criterion"), max_length=120, required=False)
    weight = forms.DecimalField(label=_("Weight"), max_digits=6, decimal_places=2, required=False, min_value=0)
    threshold = forms.DecimalField(label=_("Threshold"), max_digits=6, decimal_places=2, required=False,
                                   min_value=0)
    description = forms.CharField(label=_("What the jury looks for"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}))


CriterionFormSet = forms.formset_factory(CriterionForm, extra=2, max_num=12)


def criteria_data(formset: Any) -> list[tuple[Any, Any, Any, str]]:
    """The filled criterion rows, in order, as the services take them."""
    return [(form.cleaned_data["name"], form.cleaned_data.get("weight"), form.cleaned_data.get("threshold"),
             form.cleaned_data.get("description", "")) for form in formset.forms if form.cleaned_data.get("name")]


class PublishForm(forms.Form):
    """The confirmation of a publication (nothing to fill: the button confirms)."""


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Why is the challenge cancelled?"), widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("The teams read it on the challenge's page."))


class AttachmentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=255)
    file = forms.FileField(label=_("File"),
                           help_text=_("PDF, PNG, JPEG, Office (docx, pptx, xlsx) or OpenDocument."))


class ChallengeFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    phase = forms.ChoiceField(label=_("Phase"), required=False, choices=[("", _("all phases")),
                                                                         *ChallengePhase.choices])
    organiser = forms.ModelChoiceField(label=_("Posted by"), queryset=None, required=False,
                                       empty_label=_("all organisations"))
    region = forms.CharField(label=_("Eligible region (NUTS)"), max_length=10, required=False)

    def __init__(self, *args: Any, organisers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organiser"].queryset = organisers
