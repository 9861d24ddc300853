"""Network writes: permission check, validation, then save.

Declared collaborations are the partners' own statements of who works with whom; every function raises
`PermissionDenied` when the user may not make the change (nothing changed) and `ValidationError` naming the field
when the data is wrong.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from smartcluster.accounts.permissions import can_change, can_create_for
from smartcluster.stakeholders.models import Collaboration

__all__ = ["COLLABORATION_FIELDS", "collaboration_create", "collaboration_delete", "collaboration_load",
           "collaboration_pair", "collaboration_update"]

COLLABORATION_FIELDS = ("first", "second", "kind", "since_year", "description")
FIRST_YEAR, LAST_YEAR = 1900, 2100  # the model's plausibility constraint, named here to word its refusal


def collaboration_pair(first: Any, second: Any) -> tuple[Any, Any]:
    """The two organisations of a collaboration in id order (the one rule for storing a pair: `first < second`);
    the same organisation twice is refused naming `second`."""
    if first is None or second is None:
        missing = "first" if first is None else "second"
        raise ValidationError({missing: _("Choose an organisation.")})
    if first.pk == second.pk:
        raise ValidationError({"second": _("A collaboration links two different organisations.")})
    return (first, second) if first.pk < second.pk else (second, first)


def _assign(collaboration: Collaboration, data: Mapping[str, Any]) -> None:
    unknown = set(data) - set(COLLABORATION_FIELDS)
    if unknown:
        raise ValidationError(_("Unknown fields: %(fields)s.") % {"fields": ", ".join(sorted(unknown))})
    values = {"first": collaboration.first if collaboration.first_id else None,
              "second": collaboration.second if collaboration.second_id else None, **data}
    values["first"], values["second"] = collaboration_pair(values["first"], values["second"])
    values["description"] = values.get("description") or collaboration.description or ""
    for name, value in values.items():
        setattr(collaboration, name, value)
    year = collaboration.since_year
    if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError({"since_year": _("Give a year between %(first)s and %(last)s.")
                               % {"first": FIRST_YEAR, "last": LAST_YEAR}})


def _saved(collaboration: Collaboration) -> Collaboration:
    """Checked (fields and constraints, the field named) and saved."""
    collaboration.full_clean()
    try:
        with transaction.atomic():
            collaboration.save()
    except IntegrityError as error:  # the same pair and kind declared at the same moment by someone else
        raise ValidationError({"kind": _("This collaboration was just declared by someone else.")}) from error
    return collaboration


def collaboration_load(*, first: Any, second: Any, kind: str, declared_by: Any, since_year: int | None = None,
                       description: str = "") -> Collaboration:
    """A declared collaboration between two organisations (in any order), checked like the pages' but with
    nobody's rights: for the platform's own loaders (the demo)."""
    collaboration = Collaboration(declared_by=declared_by)
    _assign(collaboration, {"first": first, "second": second, "kind": kind, "since_year": since_year,
                            "description": description})
    return _saved(collaboration)


def collaboration_create(*, user: Any, declared_by: Any, data: Mapping[str, Any]) -> Collaboration:
    """A collaboration declared by a partner (its editors and administrators): `data` holds the two
    organisations (any order), kind, since year and description."""
    if declared_by is None:
        raise ValidationError({"declared_by": _("Choose the partner declaring the collaboration.")})
    if not can_create_for(user, declared_by.organisation_id):
        raise PermissionDenied(_("You may not make this change."))
    collaboration = Collaboration(declared_by=declared_by)
    _assign(collaboration, data)
    return _saved(collaboration)


def collaboration_update(*, user: Any, collaboration: Collaboration, data: Mapping[str, Any]) -> Collaboration:
    """Change a declared collaboration (the declaring partner's editors and administrators)."""
    if not can_change(user, collaboration):
        raise PermissionDenied(_("You may not make this change."))
    collaboration = Collaboration.objects.get(pk=collaboration.pk)  # never save fields changed outside this call
    _assign(collaboration, data)
    return _saved(collaboration)


def collaboration_delete(*, user: Any, collaboration: Collaboration) -> None:
    """Withdraw a declared collaboration (the declaring partner's editors and administrators)."""
    if not can_change(user, collaboration):
        raise PermissionDenied(_("You may not make this change."))
    collaboration.delete()
