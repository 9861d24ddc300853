"""Peer reviews forms. They parse input; the services decide (and name refused fields)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from smartcluster.events.selectors import project_event_host_choices
from smartcluster.learning.choices import ParticipantRole, RecommendationResponse
from smartcluster.learning.selectors.peer_reviews import (
    peer_review_event_choices,
    recommendation_author_choices,
    recommendation_practice_choices,
)
from smartcluster.organisations.choices import OrganisationType
from smartcluster.organisations.selectors import organisation_list
from smartcluster.site.time_zones import TimeZoneField

CHALLENGE_HELP = _("The policy challenge the host sets out to its peers.")


class PeerReviewForm(forms.Form):
    """The review's own fields (an existing event is chosen only when creating)."""

    policy_challenge = forms.CharField(label=_("Policy challenge"), widget=forms.Textarea(attrs={"rows": 5}),
                                       help_text=CHALLENGE_HELP)
    policy_instrument = forms.CharField(label=_("Policy instrument addressed"), max_length=300, required=False)
    is_published = forms.BooleanField(label=_("Public"), required=False,
                                      help_text=_("Unticked: internal, read by the project's partners only."))


class PeerReviewCreateForm(PeerReviewForm):
    event = forms.ModelChoiceField(label=_("Peer review event"), queryset=None,
                                   help_text=_("An event of kind “peer review” your partner hosts."))
    field_order = ["event"]

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = peer_review_event_choices(user=user)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class PeerReviewWithEventForm(PeerReviewForm):
    """A new project event of kind peer review and its review, in one step."""

    host = forms.ModelChoiceField(label=_("Host partner"), queryset=None)
    title = forms.CharField(label=_("Title"), max_length=255)
    venue = forms.CharField(label=_("Place"), max_length=300, required=False)
    online_url = forms.URLField(label=_("Online link"), required=False, assume_scheme="https")
    time_zone = TimeZoneField(label=_("Time zone"), initial="Europe/Brussels",
                              help_text=_("Start and end are entered in this zone."))
    starts_at = forms.DateTimeField(label=_("Starts"), widget=DateTimeInput())
    ends_at = forms.DateTimeField(label=_("Ends"), widget=DateTimeInput())
    field_order = ["host", "title", "venue", "online_url", "time_zone", "starts_at", "ends_at"]

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["host"].queryset = project_event_host_choices(user=user)


class ParticipantForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=ParticipantRole.choices)
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None, required=False,
                                          help_text=_("A registered organisation; or name a new one below."))
    organisation_name = forms.CharField(label=_("Or the organisation's name"), max_length=255, required=False)
    organisation_type = forms.ChoiceField(label=_("Its type (a new organisation)"), required=False,
                                          choices=[("", "—"), *OrganisationType.choices])
    country = forms.CharField(label=_("Country"), max_length=2, required=False,
                              help_text=_("Two letters as in NUTS (EL for Greece); empty: the country of the "
                                          "organisation's region."))
    person_name = forms.CharField(label=_("Person's name"), max_length=255, required=False)
    person_email = forms.EmailField(label=_("Person's e-mail"), required=False)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisation_list(user=user).order_by("name")


class RecommendationForm(forms.Form):
    author = forms.ModelChoiceField(label=_("Recommended by"), queryset=None)
    text = forms.CharField(label=_("Recommendation"), widget=forms.Textarea(attrs={"rows": 4}))
    rationale = forms.CharField(label=_("Rationale"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    practices = forms.ModelMultipleChoiceField(label=_("Good practices drawn on"), queryset=None, required=False,
                                               widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, user: Any, peer_review: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["author"].queryset = recommendation_author_choices(user=user, peer_review=peer_review)
        self.fields["practices"].queryset = recommendation_practice_choices(user=user)


class ResponseForm(forms.Form):
    # A blank first choice, so that no answer is preselected for a recommendation still awaiting one.
    response = forms.ChoiceField(label=_("Response"), choices=[("", "—"), *(
        choice for choice in RecommendationResponse.choices if choice[0] != RecommendationResponse.PENDING)])
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, prefix_pk: int | None = None, **kwargs: Any) -> None:
        # Each recommendation's form has its own ids on the review's page.
        super().__init__(*args, prefix=f"r{prefix_pk}" if prefix_pk else None, **kwargs)
