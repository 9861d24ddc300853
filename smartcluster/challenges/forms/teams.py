"""Forms of the teams pages: form a team, invite a member, the submission's structured fields, a file, and the
organiser's eligibility check. The services validate again; the forms only shape the input."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from smartcluster.accounts.selectors import membership_organisation_ids
from smartcluster.challenges.models import Submission
from smartcluster.challenges.services.teams import SUBMISSION_FIELDS
from smartcluster.matchmaking.selectors import participant_profiles_of
from smartcluster.organisations.choices import OrganisationType
from smartcluster.organisations.selectors import organisation_queryset, person_for_user


def user_organisations(user: Any) -> Any:
    """The organisations the user belongs to (their person record's and their memberships')."""
    person = person_for_user(user=user)
    ids = {row["organisation_id"] for row in membership_organisation_ids(user=user)}
    if person is not None and person.organisation_id is not None:
        ids.add(person.organisation_id)
    return organisation_queryset(ids=ids)


class TeamForm(forms.Form):
    name = forms.CharField(label=_("Team name"), max_length=150)
    organisation = forms.ModelChoiceField(
        label=_("Applying organisation"), queryset=None, required=False,
        help_text=_("An organisation you belong to; or name another one below."))
    organisation_name = forms.CharField(
        label=_("Or the name of your organisation"), max_length=255, required=False,
        help_text=_("Found by its name if you belong to it, else registered as a new, unlisted organisation."))
    organisation_type = forms.ChoiceField(label=_("Its type"), required=False,
                                          choices=[("", "—"), *OrganisationType.choices])
    matchmaking_profile = forms.ModelChoiceField(
        label=_("Start from my matchmaking profile"), queryset=None, required=False,
        help_text=_("Your organisation is taken from the profile unless you choose or name another."))

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = user_organisations(user)
        profiles = participant_profiles_of(user=user)
        self.fields["matchmaking_profile"].queryset = profiles
        self.fields["matchmaking_profile"].label_from_instance = (
            lambda profile: f"{profile.event.title} — {profile.organisation.name}")
        if not profiles.exists():
            del self.fields["matchmaking_profile"]


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the person to invite"))


class SubmissionForm(forms.Form):
    """The submission's structured fields, labelled as the model labels them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields.update(forms.fields_for_model(Submission, fields=SUBMISSION_FIELDS))
        for name in SUBMISSION_FIELDS[2:]:
            self.fields[name].required = False  # a draft may be incomplete; sending it needs every field


class AttachmentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=255)
    file = forms.FileField(label=_("File"), help_text=_("PDF, PNG, JPEG, Office or OpenDocument; its content is "
                                                       "checked, whatever its name says."))


class ConfirmForm(forms.Form):
    confirm = forms.BooleanField(label=_("I confirm"))


class EligibilityForm(forms.Form):
    eligible = forms.TypedChoiceField(label=_("Eligibility"), coerce=lambda value: value == "yes",
                                      choices=[("yes", _("Eligible")), ("no", _("Not eligible"))],
                                      widget=forms.RadioSelect)
    reason = forms.CharField(label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                             help_text=_("Required when not eligible; the team reads it."))
