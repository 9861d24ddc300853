"""Privacy reads (whole app): everything the stakeholders app holds on a person, as JSON-ready data (the right of
access, GDPR art. 15), and the people whose data a user may export or erase."""

from __future__ import annotations

import re
from typing import Any

from django.db import models
from django.db.models import Q, QuerySet
from django.http import Http404

from smartcluster.organisations.selectors import person_export, person_for_user, person_list
from smartcluster.organisations.services import may_change_person
from smartcluster.stakeholders.models import Answer, Collaboration, Interview, Stakeholder, StakeholderNote

__all__ = ["FREE_TEXT_MODELS", "MIN_NAME_PART", "name_parts", "person_data_export", "person_mentions", "person_terms",
           "privacy_person_get", "privacy_person_list", "text_fields"]

# The app's records whose free text may name a person (notes, answers, interview and collaboration fields).
FREE_TEXT_MODELS: tuple[type[models.Model], ...] = (StakeholderNote, Answer, Interview, Collaboration)
MIN_NAME_PART = 3  # shorter parts of a name ("Li", "de") would match ordinary words


def text_fields(model: type[models.Model]) -> list[str]:
    """The model's free-text fields (text and character fields without fixed choices)."""
    return [field.name for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField) and not field.choices]


def name_parts(person: Any) -> list[str]:
    """The parts of a person's name that name them alone in a text: capitalised, 3 letters or more ("Petra",
    not "de" nor the "person" of a blanked "Erased person")."""
    return [part for part in re.split(r"[\s,]+", person.name or "")
            if len(part) >= MIN_NAME_PART and part[:1].isupper()]


def person_terms(person: Any) -> list[str]:
    """What names a person in free text: the e-mail, the full name and its parts (`name_parts`), longest first
    (so the full name goes before its parts)."""
    terms = {term.strip() for term in [person.email or "", person.name or "", *name_parts(person)] if term.strip()}
    return sorted(terms, key=len, reverse=True)


def person_mentions(person: Any) -> dict[type[models.Model], QuerySet[Any]]:
    """Per free-text model, the records that mention the person (any term, ignoring case)."""
    terms = person_terms(person)
    found = {}
    for model in FREE_TEXT_MODELS:
        query = Q()
        for field in text_fields(model):
            for term in terms:
                query |= Q(**{f"{field}__icontains": term})
        found[model] = model.objects.filter(query) if terms and query else model.objects.none()
    return found


def _interview(interview: Interview, *, with_answers: bool) -> dict[str, Any]:
    data = {"id": interview.pk, "partner": str(interview.partner), "organisation": interview.organisation.name,
            "held_on": interview.held_on.isoformat(), "mode": interview.mode,
            "consent_to_record": interview.consent_to_record, "consent_to_quote": interview.consent_to_quote}
    if with_answers:
        data["answers"] = [{"question": answer.question.number, "text": answer.text}
                           for answer in interview.answers.select_related("question")]
    return data


def person_data_export(*, person: Any) -> dict[str, Any]:
    """Everything the platform holds on the person: the organisations app's record (`person_export`) and the
    stakeholders app's registry links, interviews given (with the answers) or held, and notes naming them."""
    entries = Stakeholder.objects.filter(Q(person=person) | Q(partner_contact=person)).select_related(
        "partner__project", "partner__organisation", "organisation")
    mentions = person_mentions(person)
    return {
        **person_export(person=person),
        "stakeholders": {
            "registry_entries": [{"id": entry.pk, "partner": str(entry.partner), "organisation":
                                  entry.organisation.name, "as": "contact" if entry.person_id == person.pk
                                  else "partner's contact", "interest": entry.interest,
                                  "influence": entry.influence, "topics": entry.topics} for entry in entries],
            "interviews_given": [_interview(item, with_answers=True)
                                 for item in person.interviews_given.select_related("partner", "organisation")],
            "interviews_held": [_interview(item, with_answers=False)
                                for item in person.interviews_held.select_related("partner", "organisation")],
            "notes_naming_them": [{"id": note.pk, "stakeholder": str(note.stakeholder), "text": note.text}
                                  for note in mentions[StakeholderNote].select_related("stakeholder")],
            "answers_naming_them": [{"id": answer.pk, "interview": answer.interview_id, "text": answer.text}
                                    for answer in mentions[Answer].exclude(interview__person=person)],
        },
    }


def privacy_person_list(*, user: Any, search: str = "") -> list[Any]:
    """The people whose data the user may export or erase: themself, their organisations' people (editors),
    everybody (administrators); narrowed by name or e-mail."""
    if not getattr(user, "is_authenticated", False):
        return []
    people = person_list(user=user)
    if search.strip():
        people = people.filter(Q(name__icontains=search.strip()) | Q(email__icontains=search.strip()))
    own = person_for_user(user=user)
    allowed = [person for person in people.order_by("name")[:200] if may_change_person(user, person)]
    if own is not None and own not in allowed and not search.strip():
        allowed.insert(0, own)
    return allowed


def privacy_person_get(*, user: Any, person_id: int) -> Any:
    """One person whose data the user may export or erase (404 otherwise: others do not learn who is held)."""
    own = person_for_user(user=user) if getattr(user, "is_authenticated", False) else None
    if own is not None and own.pk == person_id:
        return own
    person = person_list(user=user).filter(pk=person_id).first() if getattr(user, "is_authenticated", False) \
        else None
    if person is None or not may_change_person(user, person):
        raise Http404("No such person.")
    return person
