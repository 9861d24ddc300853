"""Transfers writes: permission check, validation, then save.

The inspired partner's editors (and administrators) record, change and remove its transfers. A partner is not
inspired by its own practice, nor by a declined one, nor by one it may not read. Refusals raise
`PermissionDenied` (nothing changes) or `ValidationError` naming the field. `practice_transfer_load` is the demo's
trusted writer (no rights check, same validation)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from smartcluster.accounts.permissions import can_change, can_create_for, can_view
from smartcluster.learning.choices import PracticeStatus
from smartcluster.learning.models import GoodPractice, PracticeTransfer

__all__ = [
    "practice_transfer_create",
    "practice_transfer_dates_check",
    "practice_transfer_delete",
    "practice_transfer_load",
    "practice_transfer_pair_check",
    "practice_transfer_update",
]

TRANSFER_FIELDS = ("stage", "inspired_on", "stage_on", "description", "evidence", "evidence_url")


def practice_transfer_pair_check(*, practice: GoodPractice, partner: Any,
                                 transfer: PracticeTransfer | None = None) -> None:
    """The pair's rules (also the admin's): not declined, not the partner's own practice, one transfer per pair."""
    if practice.status == PracticeStatus.DECLINED:
        raise ValidationError({"practice": _("A declined practice cannot be transferred.")})
    if practice.partner_id == partner.pk:
        raise ValidationError({"partner": _("A partner is not inspired by its own practice.")})
    others = PracticeTransfer.objects.filter(practice=practice, partner=partner)
    if transfer is not None and transfer.pk is not None:
        others = others.exclude(pk=transfer.pk)
    if others.exists():
        raise ValidationError({"partner": _("This partner's transfer of this practice is recorded already: "
                                            "change that one.")})


def practice_transfer_dates_check(*, inspired_on: Any, stage_on: Any) -> None:
    """The stage is never reached before the inspiration (also the admin's rule)."""
    if isinstance(stage_on, dt.date) and isinstance(inspired_on, dt.date) and stage_on < inspired_on:
        raise ValidationError({"stage_on": _("The stage cannot be reached before the partner was inspired.")})


def _save(transfer: PracticeTransfer, data: dict[str, Any]) -> PracticeTransfer:
    """Assign the known fields, validate them (the stage's date never before the inspiration), then save."""
    unknown = set(data) - set(TRANSFER_FIELDS)
    if unknown:
        raise ValidationError(_("Unknown fields: %(fields)s.") % {"fields": ", ".join(sorted(unknown))})
    for name, value in data.items():
        setattr(transfer, name, value)
    if transfer.stage_on is None:  # a stage without its own date was reached when the partner was inspired
        transfer.stage_on = transfer.inspired_on
    practice_transfer_dates_check(inspired_on=transfer.inspired_on, stage_on=transfer.stage_on)
    transfer.full_clean(validate_unique=False, validate_constraints=False)
    transfer.save()
    return transfer


@transaction.atomic
def practice_transfer_create(*, user: Any, practice: GoodPractice, partner: Any, **data: Any) -> PracticeTransfer:
    """Record that `partner` was inspired by `practice` (its editors or administrators)."""
    if not can_create_for(user, partner.organisation_id):
        raise PermissionDenied(_("Only the inspired partner's editors (and administrators) record its transfers."))
    if not can_view(user, practice):
        raise ValidationError({"practice": _("This practice does not exist or you may not read it.")})
    practice_transfer_pair_check(practice=practice, partner=partner)
    return _save(PracticeTransfer(practice=practice, partner=partner), data)


@transaction.atomic
def practice_transfer_update(*, user: Any, transfer: PracticeTransfer, **data: Any) -> PracticeTransfer:
    """Change a transfer's stage, dates, description or evidence (the inspired partner's editors)."""
    if not can_change(user, transfer):
        raise PermissionDenied(_("Only the inspired partner's editors (and administrators) change its transfers."))
    return _save(PracticeTransfer.objects.select_for_update().get(pk=transfer.pk), data)


def practice_transfer_delete(*, user: Any, transfer: PracticeTransfer) -> None:
    if not can_change(user, transfer):
        raise PermissionDenied(_("Only the inspired partner's editors (and administrators) remove its transfers."))
    transfer.delete()


@transaction.atomic
def practice_transfer_load(*, practice: GoodPractice, partner: Any, stage: str, inspired_on: dt.date,
                           stage_on: dt.date | None = None, description: str = "", evidence: str = "",
                           evidence_url: str = "") -> PracticeTransfer:
    """Trusted writer (demo, imports): create or update the partner's transfer of the practice, validated alike."""
    transfer = PracticeTransfer.objects.filter(practice=practice, partner=partner).first()
    if transfer is None:
        practice_transfer_pair_check(practice=practice, partner=partner)
        transfer = PracticeTransfer(practice=practice, partner=partner)
    return _save(transfer, {"stage": stage, "inspired_on": inspired_on, "stage_on": stage_on or inspired_on,
                            "description": description, "evidence": evidence, "evidence_url": evidence_url})
