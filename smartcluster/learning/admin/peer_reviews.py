"""Peer reviews admin: reviews with their participants inline, and recommendations with the host's response (who
and when are set on saving a changed response)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from smartcluster.events.choices import EventKind
from smartcluster.learning.choices import RecommendationResponse
from smartcluster.learning.models import PeerReview, PeerReviewParticipant, Recommendation


class PeerReviewParticipantInline(admin.TabularInline):
    model = PeerReviewParticipant
    fields = ["role", "organisation", "person", "country"]
    raw_id_fields = ["organisation", "person"]
    extra = 0


class PeerReviewForm(forms.ModelForm):
    """Only events of kind peer review (the services' rule, refused on the event's field)."""

    def clean_event(self) -> Any:
        event = self.cleaned_data["event"]
        if event is not None and event.kind != EventKind.PEER_REVIEW:
            raise forms.ValidationError(_("Choose a project event of kind “peer review”."))
        return event


@admin.register(PeerReview)
class PeerReviewAdmin(admin.ModelAdmin):
    form = PeerReviewForm
    list_display = ["event", "policy_instrument", "is_published", "created_at"]
    list_filter = ["event__project", "is_published"]
    search_fields = ["event__title", "policy_challenge", "policy_instrument", "event__host__organisation__name"]
    raw_id_fields = ["event"]
    readonly_fields = ["created_at"]
    inlines = [PeerReviewParticipantInline]


class RecommendationForm(forms.ModelForm):
    """A response other than pending needs its reason (the database refuses it too)."""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("response", RecommendationResponse.PENDING) != RecommendationResponse.PENDING \
                and not (cleaned.get("response_reason") or "").strip():
            self.add_error("response_reason", _("Give the reason for the response."))
        return cleaned


@admin.register(Recommendation)
class RecommendationAdmin(admin.ModelAdmin):
    form = RecommendationForm
    list_display = ["__str__", "peer_review", "author", "response", "responded_at"]
    list_filter = ["response", "peer_review__event__project"]
    search_fields = ["text", "rationale", "response_reason", "author__organisation__name"]
    raw_id_fields = ["peer_review", "author"]
    filter_horizontal = ["practices"]
    readonly_fields = ["responded_by", "responded_at", "created_at"]

    def save_model(self, request: HttpRequest, obj: Recommendation, form: Any, change: bool) -> None:
        """A changed response is recorded as given by the administrator, now; pending clears who and when."""
        if "response" in form.changed_data or "response_reason" in form.changed_data or obj.responded_at is None:
            pending = obj.response == RecommendationResponse.PENDING
            obj.responded_by = None if pending else request.user
            obj.responded_at = None if pending else timezone.now()
            if pending:
                obj.response_reason = ""
        super().save_model(request, obj, form, change)
