"""Peer reviews workbooks (through smartcluster.reports): a review's recommendations with the host's responses,
and its participants by role and country."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from smartcluster.learning.models import PeerReviewParticipant, Recommendation
from smartcluster.reports.tables import Table
from smartcluster.reports.workbooks import xlsx_bytes


def _responder(recommendation: Recommendation) -> str:
    user = recommendation.responded_by
    return (user.get_full_name() or user.get_username()) if user is not None else ""


def recommendation_table(recommendations: Iterable[Recommendation]) -> Table:
    """One row per recommendation: author, text, rationale, practices drawn on, and the host's response."""
    rows = [[r.author.organisation.name, r.author.get_role_display(), r.author.country, r.text, r.rationale,
             "; ".join(practice.title for practice in r.practices.all()), r.get_response_display(),
             r.response_reason, _responder(r), r.responded_at] for r in recommendations]
    return Table(_("Recommendations"), [
        _("Recommended by"), _("Role"), _("Country"), _("Recommendation"), _("Rationale"),
        _("Good practices drawn on"), _("Host's response"), _("Reason"), _("Responded by"), _("Responded on")], rows)


def participant_table(participants: Iterable[PeerReviewParticipant]) -> Table:
    """The participants (people only as `person_shown`, the ones the reader may see)."""
    rows = [[p.get_role_display(), p.organisation.name, p.person_shown.name if p.person_shown else "", p.country]
            for p in participants]
    return Table(_("Participants"), [_("Role"), _("Organisation"), _("Person"), _("Country")], rows)


def peer_review_recommendations_xlsx(*, recommendations: Iterable[Recommendation],
                                     participants: Iterable[PeerReviewParticipant]) -> bytes:
    """The workbook of a peer review: its recommendations and responses, then its participants."""
    return xlsx_bytes([recommendation_table(recommendations), participant_table(participants)])
