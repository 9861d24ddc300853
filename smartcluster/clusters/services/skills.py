"""Writes of the clusters app: skills needs and training offers (a cluster manager's, plus trusted `*_load`
writers for the demo loader).

Every function raises `PermissionDenied` when the user may not make the change (nothing changes) and
`ValidationError` naming the field when the data is wrong. No ESCO data ships with the platform: an ESCO URI is
checked for its form only (`http://data.europa.eu/esco/skill/<uuid>` or `…/esco/occupation/<uuid>`).
"""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from smartcluster.accounts.permissions import can_change, can_create_for
from smartcluster.clusters.models import ClusterProfile, OfferProvider, SkillKind, SkillNeed, TrainingOffer
from smartcluster.clusters.selectors.skills import SKILLS_SURVEY_CODE
from smartcluster.maturity.services import campaign_create, questionnaire_packaged_current

__all__ = [
    "esco_uri_clean",
    "skill_need_create",
    "skill_need_delete",
    "skill_need_load",
    "skill_need_update",
    "skills_survey_start",
    "training_offer_create",
    "training_offer_delete",
    "training_offer_load",
    "training_offer_update",
]

SKILL_NEED_FIELDS = ("kind", "label", "esco_uri", "urgency", "people", "year", "notes")
TRAINING_OFFER_FIELDS = ("provider", "provider_organisation", "title", "kind", "esco_uri", "places", "url")
CAMPAIGN_NAME_MAX = 200  # the maturity campaign's name field
YEARS = (1900, 2100)  # the models' year range (a database constraint, named here with the field)
# The ESCO concept URIs (ESCO v1.x, "ESCO data model": concepts are http URIs ending in a UUID).
ESCO_URI = re.compile(r"^http://data\.europa\.eu/esco/(?P<kind>skill|occupation)/"
                      r"(?P<id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$", re.IGNORECASE)


def esco_uri_clean(value: str, *, kind: str, field: str = "esco_uri") -> str:
    """The URI as stored ("" when none; the UUID in lower case), or a `ValidationError` on `field` when it is not
    an ESCO skill or occupation URI, or names a skill for an occupation (or the reverse)."""
    value = (value or "").strip()
    if not value:
        return ""
    match = ESCO_URI.match(value)
    if match is None:
        raise ValidationError({field: _("“%(value)s” is not an ESCO URI: expected "
                                        "http://data.europa.eu/esco/skill/<id> or "
                                        "http://data.europa.eu/esco/occupation/<id> (leave it empty when "
                                        "unknown).") % {"value": value[:200]}})
    if match["kind"].lower() != kind:
        raise ValidationError({field: _("This ESCO URI names an ESCO %(uri_kind)s, but the entry is marked as "
                                        "%(kind)s.") % {"uri_kind": match["kind"].lower(),
                                                          "kind": SkillKind(kind).label}})
    return f"http://data.europa.eu/esco/{match['kind'].lower()}/{match['id'].lower()}"


def _assign(record: Any, data: dict[str, Any], fields: tuple[str, ...]) -> None:
    unknown = set(data) - set(fields)
    if unknown:
        raise ValidationError(_("Unknown fields: %(fields)s.") % {"fields": ", ".join(sorted(unknown))})
    for name, value in data.items():
        setattr(record, name, "" if value is None and name in ("esco_uri", "notes", "url") else value)


def _save(record: SkillNeed | TrainingOffer) -> None:
    """Validate (the ESCO URI's form and kind first, then the model's fields) and save."""
    record.esco_uri = esco_uri_clean(record.esco_uri, kind=record.kind or SkillKind.SKILL)
    year = getattr(record, "year", None)
    if isinstance(year, int) and not YEARS[0] <= year <= YEARS[1]:
        raise ValidationError({"year": _("Give a year between %(first)s and %(last)s.") % {
            "first": YEARS[0], "last": YEARS[1]}})
    record.full_clean()
    record.save()


def _may_create(user: Any, profile: ClusterProfile) -> None:
    if not can_create_for(user, profile.organisation_id):
        raise PermissionDenied(_("Only the managers of %(cluster)s record its skills needs and training offers.")
                               % {"cluster": profile})


def _may_change(user: Any, record: SkillNeed | TrainingOffer) -> None:
    if not can_change(user, record):
        raise PermissionDenied(_("Only the managers of %(cluster)s change its skills needs and training offers.")
                               % {"cluster": record.profile})


@transaction.atomic
def skill_need_create(*, user: Any, profile: ClusterProfile, data: dict[str, Any]) -> SkillNeed:
    """A skills need of the cluster's members (its managers and administrators only)."""
    _may_create(user, profile)
    need = SkillNeed(profile=profile)
    _assign(need, data, SKILL_NEED_FIELDS)
    _save(need)
    return need


@transaction.atomic
def skill_need_update(*, user: Any, need: SkillNeed, data: dict[str, Any]) -> SkillNeed:
    """Change the fields given of a skills need."""
    _may_change(user, need)
    _assign(need, data, SKILL_NEED_FIELDS)
    _save(need)
    return need


def skill_need_delete(*, user: Any, need: SkillNeed) -> None:
    _may_change(user, need)
    need.delete()


def _provider_check(offer: TrainingOffer) -> None:
    # A cluster's own offer is provided by the cluster organisation itself: a different organisation is a mistake.
    if offer.provider == OfferProvider.CLUSTER and offer.provider_organisation_id not in (None, offer.profile.organisation_id):
        raise ValidationError({"provider_organisation": _("An offer of the cluster organisation itself names no "
                                                          "other provider; choose “a member” or “a university”.")})


@transaction.atomic
def training_offer_create(*, user: Any, profile: ClusterProfile, data: dict[str, Any]) -> TrainingOffer:
    """A training offer available to the cluster's members (its managers and administrators only)."""
    _may_create(user, profile)
    offer = TrainingOffer(profile=profile)
    _assign(offer, data, TRAINING_OFFER_FIELDS)
    _provider_check(offer)
    _save(offer)
    return offer


@transaction.atomic
def training_offer_update(*, user: Any, offer: TrainingOffer, data: dict[str, Any]) -> TrainingOffer:
    _may_change(user, offer)
    _assign(offer, data, TRAINING_OFFER_FIELDS)
    _provider_check(offer)
    _save(offer)
    return offer


def training_offer_delete(*, user: Any, offer: TrainingOffer) -> None:
    _may_change(user, offer)
    offer.delete()


@transaction.atomic
def skill_need_load(*, profile: ClusterProfile, label: str, year: int, **fields: Any) -> SkillNeed:
    """Trusted writer (demo loader, imports): the need of this label and year, created or given these fields."""
    need = SkillNeed.objects.filter(profile=profile, label=label, year=year).first() or SkillNeed(
        profile=profile, label=label, year=year)
    _assign(need, fields, SKILL_NEED_FIELDS)
    _save(need)
    return need


@transaction.atomic
def training_offer_load(*, profile: ClusterProfile, title: str, **fields: Any) -> TrainingOffer:
    """Trusted writer (demo loader, imports): the offer of this title, created or given these fields."""
    offer = TrainingOffer.objects.filter(profile=profile, title=title).first() or TrainingOffer(
        profile=profile, title=title)
    _assign(offer, fields, TRAINING_OFFER_FIELDS)
    _provider_check(offer)
    _save(offer)
    return offer


@transaction.atomic
def skills_survey_start(*, user: Any, profile: ClusterProfile, invited: int = 0) -> Any:
    """A campaign of the cluster organisation on the maturity app's skills questionnaire (its managers only; the
    packaged `skills-survey-v1` is published the first time); members answer through the campaign's link."""
    _may_create(user, profile)
    questionnaire = questionnaire_packaged_current(code=SKILLS_SURVEY_CODE)
    if questionnaire is None:
        raise ValidationError(_("No version of the skills survey is published; ask an administrator to publish "
                                "one (Admin → Questionnaire versions)."))
    if invited < 0:
        raise ValidationError({"invited": _("Members invited: give a whole number of 0 or more.")})
    return campaign_create(user=user, organisation=profile.organisation, questionnaire=questionnaire,
                           name=(_("Skills survey of %(cluster)s, %(year)s") % {
                               "cluster": profile, "year": timezone.localdate().year})[:CAMPAIGN_NAME_MAX],
                           opens_at=timezone.now(), invited=invited)
