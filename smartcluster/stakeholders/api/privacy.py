"""Privacy API (under /api/stakeholders/): a person's data held by the platform as JSON, and their erasure, for the
person themself, their organisation's editors and administrators (404 for anyone else)."""

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status

from smartcluster.accounts.auth import READ_AUTH
from smartcluster.site.api import answers_refusals
from smartcluster.stakeholders import selectors, services

router = Router(tags=["stakeholders: privacy"])


@router.get("/privacy/people/{person_id}", response=dict[str, Any], auth=READ_AUTH)
def privacy_person_export(request: HttpRequest, person_id: int) -> dict[str, Any]:
    return selectors.person_data_export(person=selectors.privacy_person_get(user=request.user, person_id=person_id))


@router.post("/privacy/people/{person_id}/erase", response={204: None})
@answers_refusals
def privacy_person_erase(request: HttpRequest, person_id: int) -> Status:
    person = selectors.privacy_person_get(user=request.user, person_id=person_id)
    services.person_data_erase(user=request.user, person=person)
    return Status(204, None)
