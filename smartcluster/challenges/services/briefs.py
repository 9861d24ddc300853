"""Writes of the challenge briefs: create, edit (a published brief's changes logged field by field and the teams
told), criteria, publish, cancel, attachments, delete a draft, and the demo's trusted loader.

Our rules where the issue is silent: the organiser (the editors of `challenge.organiser`, and administrators)
writes; once open the deadline may not move before now; criteria and weights are locked once a submission was
submitted; a published brief may not be deleted, only cancelled with a reason (logged)."""

from __future__ import annotations

import re
import secrets
import zoneinfo
from collections.abc import Iterable, Sequence
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import DatabaseError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from smartcluster.accounts.permissions import can_create_for
from smartcluster.challenges.choices import ChallengePhase
from smartcluster.challenges.models import (
    Challenge,
    ChallengeAttachment,
    ChallengeChange,
    ChallengeCriterion,
    Submission,
    TeamMember,
)
from smartcluster.challenges.selectors.briefs import challenge_can_manage, challenge_phase
from smartcluster.events.services import material_file_checked
from smartcluster.notifications.services import notification_kind_register, notification_send
from smartcluster.organisations.choices import OrganisationType
from smartcluster.regions.selectors import region_find
from smartcluster.site.validators import nul_characters_refused, validate_time_zone

__all__ = [
    "BRIEF_CHANGED",
    "CHALLENGE_FIELDS",
    "challenge_attachment_add",
    "challenge_cancel",
    "challenge_create",
    "challenge_criteria_set",
    "challenge_delete",
    "challenge_load",
    "challenge_publish",
    "challenge_update",
]

BRIEF_CHANGED = notification_kind_register("challenges.brief_changed",
                                           gettext_lazy("A challenge my team answers was changed"))

# The fields of the brief an organiser fills (the flags are the services' own).
CHALLENGE_FIELDS = ("title", "problem", "context", "expected_outcome", "eligibility", "on_behalf_of", "project",
                    "time_zone", "opens_at", "deadline_at", "evaluation_ends_at", "results_at", "prizes",
                    "ip_terms", "confidentiality", "score_max", "aggregate", "scores_per_submission",
                    "calibration_min_scores")
TEXT_FIELDS = ("title", "problem", "context", "expected_outcome", "eligibility", "prizes", "ip_terms",
               "confidentiality")
TIMELINE = ("opens_at", "deadline_at", "evaluation_ends_at", "results_at")

NUTS_CODE = re.compile(r"[A-Z]{2}[A-Z0-9]{0,3}")  # a country's two letters, then up to three levels
Criterion = Sequence[Any]  # (name, weight, threshold, description); threshold and description optional


def _require_manager(user: Any, challenge: Challenge) -> None:
    if not challenge_can_manage(user, challenge):
        raise PermissionDenied(_("Only the organiser's editors (and administrators) may change this challenge."))


def _on_behalf_of_checked(organisation: Any) -> None:
    if organisation is not None and organisation.type != OrganisationType.CLUSTER:
        raise ValidationError({"on_behalf_of": _("“%(name)s” is not a cluster organisation: a challenge is posted "
                                                 "on behalf of a cluster organisation only.")
                               % {"name": organisation.name}})


def _timeline_checked(challenge: Challenge) -> None:
    """The timeline in order (opens < deadline ≤ evaluation ends ≤ results), the field that breaks it named."""
    if None in (challenge.opens_at, challenge.deadline_at, challenge.evaluation_ends_at, challenge.results_at):
        return  # full_clean names the missing one
    if challenge.deadline_at <= challenge.opens_at:
        raise ValidationError({"deadline_at": _("The deadline must come after the opening.")})
    if challenge.evaluation_ends_at < challenge.deadline_at:
        raise ValidationError({"evaluation_ends_at": _("The evaluation cannot end before the deadline.")})
    if challenge.results_at < challenge.evaluation_ends_at:
        raise ValidationError({"results_at": _("Results cannot be announced before the evaluation ends.")})


def _regions_checked(codes: Iterable[str]) -> list[Any]:
    """The NUTS regions of the codes (newest version), refused naming the unknown ones."""
    cleaned = [code.strip().upper() for code in codes if code and code.strip()]
    regions = {code: region_find(code=code) if NUTS_CODE.fullmatch(code) else None for code in cleaned}
    unknown = [code.replace("\x00", "")[:12] for code, region in regions.items() if region is None]
    if unknown:
        raise ValidationError({"eligible_regions": _("Unknown NUTS region: %(codes)s.")
                               % {"codes": ", ".join(unknown)}})
    return list(regions.values())


def _assign_checked(challenge: Challenge, fields: dict[str, Any]) -> None:
    unknown = set(fields) - set(CHALLENGE_FIELDS)
    if unknown:
        raise ValidationError(_("Unknown fields of a challenge: %(fields)s.") % {"fields": ", ".join(sorted(unknown))})
    nul_characters_refused(fields)
    for name, value in fields.items():
        setattr(challenge, name, value.strip() if isinstance(value, str) else value)
    try:
        validate_time_zone(challenge.time_zone)
    except ValidationError as error:
        raise ValidationError({"time_zone": error.messages}) from None
    for name in TIMELINE:  # a time without its offset is read in the challenge's zone (as the form enters it)
        value = getattr(challenge, name)
        if isinstance(value, datetime) and timezone.is_naive(value):
            setattr(challenge, name, timezone.make_aware(value, zoneinfo.ZoneInfo(challenge.time_zone)))
    _on_behalf_of_checked(challenge.on_behalf_of)
    _timeline_checked(challenge)
    _bounds_checked(challenge)
    challenge.full_clean(exclude=["eligible_regions"])


# The model's check constraints on numbers, refused naming the field: (field, lowest, highest).
BOUNDS = (("score_max", 1, 100), ("scores_per_submission", 1, None), ("calibration_min_scores", 2, None))


def _bounds_checked(challenge: Challenge) -> None:
    for name, lowest, highest in BOUNDS:
        value = getattr(challenge, name)
        if isinstance(value, int) and (value < lowest or (highest is not None and value > highest)):
            message = (_("Between %(low)s and %(high)s.") if highest is not None else _("At least %(low)s."))
            raise ValidationError({name: message % {"low": lowest, "high": highest}})


def _number(value: Any, field: str, position: int) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite():
        raise ValidationError({"criteria": _("Criterion %(n)s: the %(field)s “%(value)s” is not a number.")
                               % {"n": position, "field": field, "value": value}})
    return number


def _criteria_checked(challenge: Challenge, criteria: Sequence[Criterion]) -> list[ChallengeCriterion]:
    """Criteria in order (position = tie-break order), weights above zero, names once, at least one."""
    if not criteria:
        raise ValidationError({"criteria": _("A challenge needs at least one evaluation criterion.")})
    rows, names = [], set()
    for position, entry in enumerate(criteria, start=1):
        name, weight, threshold, description = (*entry, None, None)[:4]
        name = str(name or "").strip()
        weight = _number(weight, _("weight"), position)
        threshold = _number(threshold, _("threshold"), position)
        if not name:
            raise ValidationError({"criteria": _("Criterion %(n)s has no name.") % {"n": position}})
        if name.casefold() in names:
            raise ValidationError({"criteria": _("The criterion “%(name)s” is listed twice.") % {"name": name}})
        if weight is None or weight <= 0:
            raise ValidationError({"criteria": _("The weight of “%(name)s” must be above zero.") % {"name": name}})
        if threshold is not None and not 0 <= threshold <= challenge.score_max:
            raise ValidationError({"criteria": _("The threshold of “%(name)s” must lie between 0 and %(max)s.")
                                   % {"name": name, "max": challenge.score_max}})
        names.add(name.casefold())
        criterion = ChallengeCriterion(challenge=challenge, position=position, name=name, weight=weight,
                                       threshold=threshold, description=str(description or "").strip())
        nul_characters_refused({"criteria": name + criterion.description})
        try:
            criterion.full_clean(exclude=["challenge"], validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            raise ValidationError({"criteria": _("Criterion %(n)s: %(problem)s")
                                   % {"n": position, "problem": " ".join(error.messages)}}) from None
        rows.append(criterion)
    return rows


def _criteria_locked(challenge: Challenge) -> bool:
    """Has a team submitted (criteria and weights are then what the teams answered)?"""
    return Submission.objects.filter(team__challenge=challenge).exclude(submitted_at=None).exists()


def _criteria_save(challenge: Challenge, rows: list[ChallengeCriterion]) -> None:
    challenge.criteria.all().delete()
    ChallengeCriterion.objects.bulk_create(rows)


def _criteria_text(criteria: Iterable[ChallengeCriterion]) -> str:
    return "; ".join(f"{c.name} ({c.weight.normalize():f}"
                     + (f", ≥ {c.threshold.normalize():f}" if c.threshold is not None else "") + ")"
                     + (f": {c.description}" if c.description else "") for c in criteria)


def challenge_create(*, user: Any, organiser: Any, criteria: Sequence[Criterion] = (),
                     eligible_regions: Iterable[str] = (), **fields: Any) -> Challenge:
    """A draft brief of `organiser` (its editors, or administrators) with its criteria and eligible regions."""
    if not can_create_for(user, organiser.pk):
        raise PermissionDenied(_("You may post challenges only for an organisation you edit."))
    challenge = Challenge(organiser=organiser, created_by=user)
    _assign_checked(challenge, fields)
    rows = _criteria_checked(challenge, criteria) if criteria else []
    return _stored(challenge, rows, _regions_checked(eligible_regions))


def _stored(challenge: Challenge, rows: list[ChallengeCriterion], regions: list[Any], *,
            publish: bool = False) -> Challenge:
    """Save a brief, its criteria and eligible regions, all checked before: nothing is half-written."""
    with transaction.atomic():
        if publish and not challenge.is_published:
            challenge.is_published, challenge.published_at = True, timezone.now()
        challenge.save()
        challenge.eligible_regions.set(regions)
        for row in rows:
            row.challenge = challenge
        _criteria_save(challenge, rows)
    return challenge


def _value_text(challenge: Challenge, name: str) -> str:
    value = getattr(challenge, name)
    if value is None:
        return ""
    if name in TIMELINE:
        zone = zoneinfo.ZoneInfo(challenge.time_zone)
        return timezone.localtime(value, timezone=zone).strftime(f"%Y-%m-%d %H:%M ({challenge.time_zone})")
    return str(value)


def _teams_notified(challenge: Challenge, fields: list[str]) -> None:
    """Tell the members of every team with a submission that the brief they answer changed."""
    members = TeamMember.objects.filter(team__challenge=challenge, user__isnull=False,
                                        team__submission__isnull=False).select_related("user")
    url = reverse("challenges:challenge_detail", args=[challenge.pk])
    for user in {member.user for member in members}:
        notification_send(user=user, kind=BRIEF_CHANGED,
                          subject=_("The challenge “%(title)s” was changed") % {"title": challenge.title},
                          body=_("Changed: %(fields)s. Read the brief's changes since publication.")
                          % {"fields": ", ".join(fields)}, url=url, topic=challenge.title,
                          topic_key=f"challenge:{challenge.pk}", time_zone=challenge.time_zone)


def _deadline_checked(challenge: Challenge, old_deadline: Any) -> None:
    now = timezone.now()
    is_open = challenge.is_published and challenge.opens_at <= now
    if is_open and challenge.deadline_at != old_deadline and challenge.deadline_at < now:
        raise ValidationError({"deadline_at": _("The challenge is open: its deadline may not move before now.")})


def challenge_update(*, user: Any, challenge: Challenge, criteria: Sequence[Criterion] | None = None,
                     eligible_regions: Iterable[str] | None = None, **fields: Any) -> Challenge:
    """Edit the brief (the organiser). Once published, every changed field is logged (before/after, who, when)
    and the members of every team with a submission are notified."""
    _require_manager(user, challenge)
    if challenge.is_cancelled:
        raise ValidationError(_("A cancelled challenge can no longer be changed."))
    before = Challenge.objects.get(pk=challenge.pk)
    old_regions = sorted(before.eligible_regions.values_list("code", flat=True))
    old_criteria = list(before.criteria.all())
    _assign_checked(challenge, fields)
    _deadline_checked(challenge, before.deadline_at)
    regions = _regions_checked(eligible_regions) if eligible_regions is not None else None
    rows = _criteria_checked(challenge, criteria) if criteria is not None else None
    changes = [(name, _value_text(before, name), _value_text(challenge, name)) for name in CHALLENGE_FIELDS
               if getattr(before, name) != getattr(challenge, name)]
    if regions is not None and sorted(r.code for r in regions) != old_regions:
        changes.append(("eligible_regions", ", ".join(old_regions), ", ".join(sorted(r.code for r in regions))))
    criteria_changed = rows is not None and _criteria_text(rows) != _criteria_text(old_criteria)
    if criteria_changed:
        if _criteria_locked(challenge):
            raise ValidationError({"criteria": _("A team has submitted: the criteria and weights are locked.")})
        changes.append(("criteria", _criteria_text(old_criteria), _criteria_text(rows)))
    with transaction.atomic():
        challenge.save()
        if regions is not None:
            challenge.eligible_regions.set(regions)
        if criteria_changed:
            _criteria_save(challenge, rows)
        if challenge.is_published and changes:
            _changes_logged(challenge, user, changes)
    return challenge


def _changes_logged(challenge: Challenge, user: Any, changes: list[tuple[str, str, str]]) -> None:
    ChallengeChange.objects.bulk_create([
        ChallengeChange(challenge=challenge, field=name, before=old, after=new, changed_by=user)
        for name, old, new in changes])
    _teams_notified(challenge, [_field_label(name) for name, _old, _new in changes])


def _field_label(name: str) -> str:
    if name == "criteria":
        return str(_("evaluation criteria"))
    return str(Challenge._meta.get_field(name).verbose_name)


def challenge_criteria_set(*, user: Any, challenge: Challenge, criteria: Sequence[Criterion]) -> Challenge:
    """Replace the criteria (in tie-break order); logged once published, refused once a team submitted."""
    return challenge_update(user=user, challenge=challenge, criteria=criteria)


def challenge_publish(*, user: Any, challenge: Challenge) -> Challenge:
    """Publish a draft: it needs criteria and a timeline still ahead (its deadline after now)."""
    _require_manager(user, challenge)
    if challenge.is_published:
        raise ValidationError(_("This challenge is already published."))
    if not challenge.criteria.exists():
        raise ValidationError({"criteria": _("Add at least one evaluation criterion before publishing.")})
    if challenge.deadline_at <= timezone.now():
        raise ValidationError({"deadline_at": _("The deadline has passed: move the timeline before publishing.")})
    challenge.is_published, challenge.published_at = True, timezone.now()
    challenge.save(update_fields=["is_published", "published_at", "updated_at"])
    return challenge


def challenge_cancel(*, user: Any, challenge: Challenge, reason: str) -> Challenge:
    """Cancel a published challenge with a reason, logged and told to the teams."""
    _require_manager(user, challenge)
    reason = (reason or "").strip()
    nul_characters_refused({"reason": reason})
    if not reason:
        raise ValidationError({"reason": _("Say why the challenge is cancelled: the teams read it.")})
    if challenge.is_cancelled:
        raise ValidationError(_("This challenge is already cancelled."))
    if not challenge.is_published:
        raise ValidationError(_("A draft is deleted, not cancelled."))
    if challenge_phase(challenge) == ChallengePhase.RESULTS:
        raise ValidationError(_("The results are published: the challenge can no longer be cancelled."))
    with transaction.atomic():
        challenge.is_cancelled = True
        challenge.save(update_fields=["is_cancelled", "updated_at"])
        _changes_logged(challenge, user, [("is_cancelled", "", reason)])
    return challenge


def challenge_attachment_add(*, user: Any, challenge: Challenge, title: str, file: UploadedFile
                             ) -> ChallengeAttachment:
    """A document of the brief: its type read from its content and its size limited (events' material check);
    stored under a name of the platform's choosing, no file without its record."""
    _require_manager(user, challenge)
    nul_characters_refused({"title": title})
    content_type, extension = material_file_checked(file)
    attachment = ChallengeAttachment(challenge=challenge, title=(title or "").strip(), content_type=content_type,
                                     size=file.size, uploaded_by=user)
    attachment.full_clean(exclude=["file"])
    attachment.file.save(f"{secrets.token_hex(8)}.{extension}", file, save=False)
    try:
        attachment.save()
    except DatabaseError:
        attachment.file.storage.delete(attachment.file.name)
        raise
    return attachment


def challenge_delete(*, user: Any, challenge: Challenge) -> None:
    """Delete a draft (a published brief is cancelled instead), its attachments' files with it."""
    _require_manager(user, challenge)
    if challenge.is_published:
        raise ValidationError(_("A published challenge cannot be deleted: cancel it, with a reason."))
    files = [(a.file.storage, a.file.name) for a in challenge.attachments.all()]
    challenge.delete()
    for storage, name in files:
        storage.delete(name)


def challenge_load(*, organiser: Any, title: str, criteria: Sequence[Criterion], published: bool = True,
                   eligible_regions: Iterable[str] = (), created_by: Any = None, **fields: Any) -> Challenge:
    """A challenge stored with nobody's rights (the demo's loader), validated like any; the one of the same
    organiser and title is updated in place (idempotent), its criteria replaced."""
    challenge = Challenge.objects.filter(organiser=organiser, title=title).first() or Challenge(
        organiser=organiser, created_by=created_by)
    _assign_checked(challenge, {"title": title, **fields})
    return _stored(challenge, _criteria_checked(challenge, criteria), _regions_checked(eligible_regions),
                   publish=published)
