"""Privacy writes (whole app): a person's erasure on request (GDPR art. 17). Their name and e-mail are removed from
every free text the stakeholders app holds (notes, answers, interview and collaboration fields), then the
organisations app erases the person record; links to them fall away (registry contact, interviewee, interviewer)
while interviews, answers and codes stay, so interview counts and theme totals do not change."""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from smartcluster.organisations.services import may_change_person, person_erase
from smartcluster.stakeholders.models import Interview, StakeholderNote
from smartcluster.stakeholders.selectors.privacy import name_parts, person_mentions, person_terms, text_fields

__all__ = ["ERASED", "person_data_erase", "text_without"]

ERASED = "[…]"  # what stands where a name or e-mail was: the sentence stays readable, the person does not


def text_without(text: str, person: Any) -> str:
    """`text` with the person's e-mail and full name (ignoring case) and the parts of their name (as written,
    capitalised) replaced, whole words only, by the erasure mark."""
    for term in person_terms(person):
        flags = 0 if term in name_parts(person) else re.IGNORECASE
        text = re.sub(rf"(?<!\w){re.escape(term)}(?!\w)", ERASED, text, flags=flags)
    return text


def person_data_erase(*, user: Any, person: Any) -> dict[str, int]:
    """Erase a person: the person themself, their organisation's editors and administrators (else PermissionDenied,
    nothing changed). Returns how many records of each kind had their text cleaned."""
    if not may_change_person(user, person):
        raise PermissionDenied(_("You may not make this change."))
    cleaned: dict[str, int] = {}
    with transaction.atomic():
        for model, records in person_mentions(person).items():
            fields = text_fields(model)
            for record in records:
                values = {field: text_without(getattr(record, field), person) for field in fields}
                model.objects.filter(pk=record.pk).update(**values)  # no signals, no other field touched
            cleaned[model._meta.model_name] = len(records)
        if person.user_id:  # the account's name is theirs too: notes and interviews no longer say who wrote them
            StakeholderNote.objects.filter(author_id=person.user_id).update(author=None)
            Interview.objects.filter(created_by_id=person.user_id).update(created_by=None)
        person_erase(user=user, person=person)
    return cleaned
