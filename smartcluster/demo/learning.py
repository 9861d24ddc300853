"""Load the demo's interregional learning (`learning_content.py`) through the learning app's trusted writers: the
good practices with their status trail, the peer review of Murcia's event with its participants and
recommendations (and the host's responses), and the transfers. A record already loaded is left as it is (a user
may have changed it); what is missing is made and marked, so that `setup --remove-demo` removes it."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from smartcluster.demo import content as demo_content
from smartcluster.demo import learning_content as content
from smartcluster.demo.selectors import demo_record_get
from smartcluster.learning import services as learning
from smartcluster.regions.selectors import region_find

if TYPE_CHECKING:
    from smartcluster.demo.loader import Loader


def _partner(loader: Loader, project: Any, organisation_key: str) -> Any:
    return project.partners.get(organisation=loader.organisations[organisation_key])


def practice_load(loader: Loader, project: Any, demo: content.DemoPractice) -> None:
    if demo_record_get(key=demo.key) is not None:
        return
    practice = learning.good_practice_load(
        partner=_partner(loader, project, demo.partner), title=demo.title,
        organisation_in_charge=loader.organisations[demo.in_charge], description=demo.description,
        status=demo.status, topics=demo.topics,
        region=region_find(code=demo.region_code, version=demo_content.NUTS_VERSION),
        latitude=Decimal(demo.latitude), longitude=Decimal(demo.longitude),
        source_event=demo_record_get(key=demo.source_event) if demo.source_event else None,
        resources_needed=demo.resources_needed, timescale=demo.timescale,
        evidence_of_success=demo.evidence_of_success, potential_for_transfer=demo.potential_for_transfer,
        difficulties_and_lessons=demo.difficulties_and_lessons, is_successful=demo.is_successful)
    loader._made(demo.key, practice)


def peer_review_load(loader: Loader) -> None:
    """Murcia's peer review with its peers, expert and local stakeholder, and their recommendations."""
    event = demo_record_get(key=content.PEER_REVIEW_EVENT)
    if event is None or demo_record_get(key=content.PEER_REVIEW_KEY) is not None:
        return
    review = learning.peer_review_load(event=event, **content.PEER_REVIEW)
    loader._made(content.PEER_REVIEW_KEY, review)
    participants = {}
    for demo in content.PARTICIPANTS:
        participants[demo.key] = learning.peer_review_participant_load(
            peer_review=review, organisation=loader.organisations[demo.organisation], role=demo.role,
            country=demo.country)
        loader._made(demo.key, participants[demo.key])
    host_user = loader.users.get(content.HOST_OFFICER)
    for demo in content.RECOMMENDATIONS:
        practices = [practice for key in demo.practices if (practice := demo_record_get(key=key)) is not None]
        recommendation = learning.recommendation_load(
            peer_review=review, author=participants[demo.author], text=demo.text, rationale=demo.rationale,
            practices=practices, response=demo.response, response_reason=demo.response_reason,
            responded_by=host_user)
        loader._made(demo.key, recommendation)


def transfer_load(loader: Loader, project: Any, demo: content.DemoTransfer) -> None:
    practice = demo_record_get(key=demo.practice)
    if practice is None or demo_record_get(key=demo.key) is not None:
        return
    transfer = learning.practice_transfer_load(
        practice=practice, partner=_partner(loader, project, demo.partner), stage=demo.stage,
        inspired_on=demo.inspired_on, stage_on=demo.stage_on, description=demo.description, evidence=demo.evidence)
    loader._made(demo.key, transfer)


def learning_load(loader: Loader, project: Any) -> None:
    """Each piece on its own: one refused by its service is left out with a note, the others load."""
    for demo in content.PRACTICES:
        loader._attempt(demo.title, practice_load, loader, project, demo)
    loader._attempt(_("the peer review in Murcia"), peer_review_load, loader)
    for demo in content.TRANSFERS:
        loader._attempt(_("the transfer %(key)s") % {"key": demo.key}, transfer_load, loader, project, demo)
