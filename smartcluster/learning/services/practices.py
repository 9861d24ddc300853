"""Practices writes: permission check, validation, then save.

The status flow (shared/methods/evaluation.md §2, Interreg Europe's two steps) is the one table `TRANSITIONS`:
the project approves or declines a submitted practice (the lead partner's editors, or administrators), then the
Platform's experts validate or decline it (administrators record it). Every change writes a PracticeStatusChange
and sets `is_published` (public exactly when approved or validated). Editing a practice that is no longer
submitted sends it back to the project's approval (logged): what was approved is what is published."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from smartcluster.accounts.permissions import (
    can_change,
    can_create_for,
    editable_organisation_ids,
    is_administrator,
)
from smartcluster.learning.choices import PUBLIC_STATUSES, PracticeStatus, TopicTaxonomy
from smartcluster.learning.models import GoodPractice, PracticeStatusChange, PracticeTopic
from smartcluster.learning.selectors.practices import practice_topic_names
from smartcluster.organisations.services import organisation_get_or_create
from smartcluster.regions.selectors import region_find

__all__ = [
    "TRANSITIONS",
    "good_practice_create",
    "good_practice_edit_recorded",
    "good_practice_topics_checked",
    "good_practice_load",
    "good_practice_may_transition",
    "good_practice_transition",
    "good_practice_transitions_for",
    "good_practice_update",
]

PROJECT_STEP = "project"
EXPERT_STEP = "expert"

# The one table of the status flow: (from, to) → the step that decides it.
TRANSITIONS: dict[tuple[str, str], str] = {
    (PracticeStatus.SUBMITTED, PracticeStatus.PROJECT_APPROVED): PROJECT_STEP,
    (PracticeStatus.SUBMITTED, PracticeStatus.DECLINED): PROJECT_STEP,
    (PracticeStatus.PROJECT_APPROVED, PracticeStatus.EXPERT_VALIDATED): EXPERT_STEP,
    (PracticeStatus.PROJECT_APPROVED, PracticeStatus.DECLINED): EXPERT_STEP,
}

# The fields a partner fills (the rest are the status flow's or the record's own).
PRACTICE_FIELDS = ("title", "description", "resources_needed", "timescale", "evidence_of_success",
                   "potential_for_transfer", "difficulties_and_lessons", "further_information", "is_successful",
                   "source_event", "latitude", "longitude")


def _is_lead_editor(user: Any, practice: GoodPractice) -> bool:
    """Is the user an editor of the lead partner of the practice's project (the project's web admin)?"""
    leads = practice.partner.project.partners.filter(role="lead").values_list("organisation_id", flat=True)
    return bool(set(leads) & editable_organisation_ids(user))


def _may_decide(user: Any, practice: GoodPractice, step: str) -> bool:
    if is_administrator(user):
        return True
    return step == PROJECT_STEP and _is_lead_editor(user, practice)


def good_practice_may_transition(*, user: Any, practice: GoodPractice, to_status: str) -> bool:
    """May this user move the practice to `to_status` now (the table allows it and the user decides that step)?"""
    step = TRANSITIONS.get((practice.status, to_status))
    return step is not None and _may_decide(user, practice, step)


def good_practice_transitions_for(*, user: Any, practice: GoodPractice) -> list[str]:
    """The statuses this user may move the practice to now (the buttons of its page)."""
    return [to for (source, to) in TRANSITIONS if source == practice.status
            and good_practice_may_transition(user=user, practice=practice, to_status=to)]


def _refusal(practice: GoodPractice, to_status: str) -> ValidationError:
    """Why a transition outside the table is refused, in the user's words."""
    if to_status == practice.status:
        return ValidationError({"to_status": _("The practice is already “%(status)s”.")
                                % {"status": practice.get_status_display()}})
    if to_status == PracticeStatus.EXPERT_VALIDATED and practice.status == PracticeStatus.SUBMITTED:
        return ValidationError({"to_status": _(
            "A practice is published and validated only after the project approves it: the project's approval "
            "comes first.")})
    if practice.status == PracticeStatus.DECLINED:
        return ValidationError({"to_status": _("A declined practice stays declined: edit it to submit it again.")})
    return ValidationError({"to_status": _("A practice cannot go from “%(from)s” to “%(to)s”.") % {
        "from": practice.get_status_display(), "to": PracticeStatus(to_status).label}})


def _record(practice: GoodPractice, to_status: str, by: Any, note: str = "") -> None:
    """Set the status and `is_published` together, and write the trail (who, when)."""
    from_status = practice.status
    practice.status = to_status
    practice.is_published = to_status in PUBLIC_STATUSES
    practice.save(update_fields=["status", "is_published", "updated_at"])
    PracticeStatusChange.objects.create(practice=practice, from_status=from_status, to_status=to_status,
                                        changed_by=by, note=note)


def good_practice_transition(*, user: Any, practice: GoodPractice, to_status: str, note: str = "") -> GoodPractice:
    """Move a practice along the status flow: refused with a message outside the table (ValidationError) or for a
    user who does not decide that step (PermissionDenied); nothing changes then."""
    if to_status not in PracticeStatus.values:
        raise ValidationError({"to_status": _("Unknown status “%(status)s”.") % {"status": to_status}})
    step = TRANSITIONS.get((practice.status, to_status))
    if step is None:
        raise _refusal(practice, to_status)
    if not _may_decide(user, practice, step):
        raise PermissionDenied(_("Only the lead partner's editors or administrators approve or decline for the "
                                 "project.") if step == PROJECT_STEP else
                               _("Only administrators record the Platform experts' validation or decline."))
    with transaction.atomic():
        _record(practice, to_status, user, note.strip())
    return practice


def good_practice_topics_checked(topics: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The topics as (taxonomy, code), each known to its taxonomy (ValidationError naming the unknown ones)."""
    topics = list(dict.fromkeys((str(taxonomy), str(code)) for taxonomy, code in topics))
    known = practice_topic_names()
    unknown = [f"{taxonomy}:{code}" for taxonomy, code in topics
               if taxonomy not in TopicTaxonomy.values or (taxonomy, code) not in known]
    if unknown:
        raise ValidationError({"topics": _("Unknown topics: %(topics)s.") % {"topics": ", ".join(unknown)}})
    return topics


def _region(code: str | None) -> Any:
    if not code:
        return None
    region = region_find(code=code)
    if region is None:
        raise ValidationError({"region": _("No NUTS region has the code “%(code)s”.") % {"code": code}})
    return region


def _check(practice: GoodPractice) -> None:
    """Both coordinates or neither; the source event is one of the partner's project; then the model's rules."""
    if (practice.latitude is None) != (practice.longitude is None):
        missing = "longitude" if practice.longitude is None else "latitude"
        raise ValidationError({missing: _("Give both latitude and longitude, or neither.")})
    for name, bound in (("latitude", 90), ("longitude", 180)):
        value = getattr(practice, name)
        if value is None:
            continue
        try:
            inside = -bound <= Decimal(str(value)) <= bound
        except InvalidOperation:
            inside = False
        if not inside:
            raise ValidationError({name: _("“%(value)s” is not a number of degrees between −%(bound)s and "
                                           "%(bound)s.") % {"value": value, "bound": bound}})
    event = practice.source_event
    if event is not None and event.project_id != practice.partner.project_id:
        raise ValidationError({"source_event": _("The source event must be an event of the partner's project.")})
    practice.full_clean()


def _save(practice: GoodPractice, topics: list[tuple[str, str]] | None) -> GoodPractice:
    practice.save()
    if topics is not None:
        practice.topics.all().delete()
        PracticeTopic.objects.bulk_create([PracticeTopic(practice=practice, taxonomy=taxonomy, code=code)
                                           for taxonomy, code in topics])
    return practice


def _assign(practice: GoodPractice, fields: dict[str, Any]) -> None:
    unknown = set(fields) - set(PRACTICE_FIELDS)
    if unknown:
        raise ValidationError(_("Unknown fields: %(fields)s.") % {"fields": ", ".join(sorted(unknown))})
    for name, value in fields.items():
        setattr(practice, name, value)


def _organisation_in_charge(user: Any, chosen: Any, new_name: str, new_type: str) -> Any:
    """The organisation chosen, else the one named (found or created, of `new_type`, through the organisations
    services: naming an organisation is never joining it)."""
    if chosen is not None:
        return chosen
    if not new_name.strip():
        raise ValidationError({"organisation_in_charge": _("Choose the organisation in charge or name a new one.")})
    if not new_type:
        raise ValidationError({"new_organisation_type": _("Give the type of the new organisation in charge.")})
    try:
        return organisation_get_or_create(user=user, name=new_name, type=new_type)
    except ValidationError as error:
        raise ValidationError({"new_organisation": error.messages}) from error


def good_practice_create(*, user: Any, partner: Any, organisation_in_charge: Any = None, new_organisation: str = "",
                         new_organisation_type: str = "", region_code: str = "", topics: Iterable[tuple[str, str]] = (),
                         fields: dict[str, Any]) -> GoodPractice:
    """A practice submitted for a partner by its editors (administrators: any partner); its trail starts at
    "submitted"."""
    if not can_create_for(user, partner.organisation_id):
        raise PermissionDenied(_("Only the partner's editors submit its good practices."))
    practice = GoodPractice(partner=partner, created_by=user, region=_region(region_code))
    _assign(practice, fields)
    checked_topics = good_practice_topics_checked(topics)
    with transaction.atomic():
        practice.organisation_in_charge = _organisation_in_charge(user, organisation_in_charge, new_organisation,
                                                                 new_organisation_type)
        _check(practice)
        _save(practice, checked_topics)
        good_practice_edit_recorded(user=user, practice=practice, created=True)
    return practice


def good_practice_update(*, user: Any, practice: GoodPractice, organisation_in_charge: Any = None,
                         new_organisation: str = "", new_organisation_type: str = "",
                         region_code: str | None = None,
                         topics: Iterable[tuple[str, str]] | None = None, fields: dict[str, Any]) -> GoodPractice:
    """Change a practice (its partner's editors, administrators); an organisation, region or topics not given stay.
    A practice no longer submitted goes back to "submitted" (logged, unpublished until approved again): the
    approval was of the text it had."""
    if not can_change(user, practice):
        raise PermissionDenied(_("Only the partner's editors change its good practices."))
    practice = GoodPractice.objects.get(pk=practice.pk)  # the stored values, not a half-assigned instance
    if region_code is not None:
        practice.region = _region(region_code)
    _assign(practice, fields)
    checked_topics = None if topics is None else good_practice_topics_checked(topics)
    with transaction.atomic():
        if organisation_in_charge is not None or new_organisation.strip():
            practice.organisation_in_charge = _organisation_in_charge(user, organisation_in_charge,
                                                                      new_organisation, new_organisation_type)
        _check(practice)
        _save(practice, checked_topics)
        good_practice_edit_recorded(user=user, practice=practice)
    return practice


def good_practice_edit_recorded(*, user: Any, practice: GoodPractice, created: bool = False) -> None:
    """The trail of a saved edit (also the admin's): a new practice starts at "submitted"; one already decided on
    goes back to "submitted", unpublished until approved again."""
    if created:
        PracticeStatusChange.objects.create(practice=practice, to_status=PracticeStatus.SUBMITTED, changed_by=user)
    elif practice.status != PracticeStatus.SUBMITTED:
        _record(practice, PracticeStatus.SUBMITTED, user, _("Edited after the decision: back to the project's "
                                                            "approval."))


def good_practice_load(*, partner: Any, title: str, organisation_in_charge: Any, description: str,
                       status: str = PracticeStatus.SUBMITTED, topics: Iterable[tuple[str, str]] = (),
                       region: Any = None, latitude: Any = None, longitude: Any = None, source_event: Any = None,
                       **fields: Any) -> GoodPractice:
    """A practice stored with nobody's rights (the demo's loader), validated like any, with the trail of
    transitions up to `status` (declined: declined at the project step), recorded by nobody."""
    if status not in PracticeStatus.values:
        raise ValidationError({"status": _("Unknown status “%(status)s”.") % {"status": status}})
    practice = GoodPractice(partner=partner, organisation_in_charge=organisation_in_charge, region=region)
    _assign(practice, {"title": title, "description": description, "latitude": latitude, "longitude": longitude,
                       "source_event": source_event, **fields})
    checked_topics = good_practice_topics_checked(topics)
    path = {PracticeStatus.SUBMITTED: [], PracticeStatus.PROJECT_APPROVED: [PracticeStatus.PROJECT_APPROVED],
            PracticeStatus.EXPERT_VALIDATED: [PracticeStatus.PROJECT_APPROVED, PracticeStatus.EXPERT_VALIDATED],
            PracticeStatus.DECLINED: [PracticeStatus.DECLINED]}[PracticeStatus(status)]
    with transaction.atomic():
        _check(practice)
        _save(practice, checked_topics)
        PracticeStatusChange.objects.create(practice=practice, to_status=PracticeStatus.SUBMITTED)
        for to_status in path:
            _record(practice, to_status, None)
    return practice
