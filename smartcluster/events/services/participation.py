"""Writes of the events app: participation (invitations, registrations, attendance, feedback, materials).

Every function raises `PermissionDenied` when the user may not make the change (nothing changed) and
`ValidationError` naming the field when the data is wrong. A participant acts logged in or by the token of their
invitation link; the host's editors (and administrators) invite, take attendance and upload materials.
"""

from __future__ import annotations

import secrets
import zipfile
import zoneinfo
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import DatabaseError, IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from smartcluster import config
from smartcluster.accounts.permissions import can_change, can_view
from smartcluster.events.choices import EventKind, ParticipantGroup, RegistrationStatus
from smartcluster.events.models import FeedbackResponse, Material, ProjectEvent, Registration
from smartcluster.notifications import services as notifications
from smartcluster.organisations import selectors as organisation_selectors
from smartcluster.organisations import services as organisations
from smartcluster.site.validators import nul_characters_refused

__all__ = [
    "INVITATION",
    "attendance_set",
    "feedback_load",
    "feedback_submit",
    "material_content_type",
    "material_delete",
    "material_file_checked",
    "material_upload",
    "participation_token",
    "registration_cancel",
    "registration_invite",
    "registration_load",
    "registration_register",
]

INVITATION = notifications.notification_kind_register("events.invitation", gettext_lazy("Invitation to an event"))
ACTIVE = (RegistrationStatus.INVITED, RegistrationStatus.REGISTERED)
FEEDBACK_SCALES = ("satisfaction", "learning", "capacity_before", "capacity_after")
FEEDBACK_TEXTS = ("most_useful", "to_improve")
WEBINAR_SCALES = ("capacity_before", "capacity_after")


def _require_host(user: Any, event: ProjectEvent) -> None:
    if not can_change(user, event):
        raise PermissionDenied(_("Only the editors of the host partner manage this event's participants."))


def participation_token() -> str:
    """A random token: a registration's link, a stored material's name."""
    return secrets.token_urlsafe(32)  # 43 characters: the field's length


def _entry_path(registration: Registration) -> str:
    return reverse("events:registration_entry", args=[registration.token])


# --- invitations and registrations -------------------------------------------------------------------------------

def registration_load(
    *, event: ProjectEvent, person: Any, status: str = RegistrationStatus.REGISTERED, attended: bool = False,
    group: str = ParticipantGroup.STAKEHOLDER, partner: Any = None, dietary_needs: str = "",
    accessibility_needs: str = "",
) -> Registration:
    """A registration with nobody's rights checked and nobody told: for the platform's own loaders (the demo)."""
    now = timezone.now()
    registration = Registration(
        event=event, person=person, status=status, attended=attended, group=group, partner=partner,
        dietary_needs=dietary_needs, accessibility_needs=accessibility_needs, token=participation_token(), invited_at=now,
        registered_at=now if status == RegistrationStatus.REGISTERED else None)
    registration.full_clean()
    registration.save()
    return registration


def registration_invite(
    *, user: Any, event: ProjectEvent, name: str, email: str, group: str = ParticipantGroup.STAKEHOLDER,
    partner: Any = None, organisation_name: str = "", organisation_type: str = "", site_url: str = "",
) -> Registration:
    """Invite a person (found by e-mail, else created in the organisation named, found or created by the
    organisations app) and send them the link carrying their registration token (inbox and e-mail for a user,
    e-mail otherwise); `site_url` prefixes the link."""
    _require_host(user, event)
    nul_characters_refused({"name": name, "email": email, "organisation_name": organisation_name,
                            "organisation_type": organisation_type})
    if not email.strip():
        raise ValidationError({"email": _("Give the e-mail address the invitation goes to.")})
    if partner is not None and partner.project_id != event.project_id:
        raise ValidationError({"partner": _("Choose a partner of this event's project.")})
    with transaction.atomic():
        person = organisation_selectors.person_with_email(email=email) or organisations.person_get_or_create_by_email(
            name=name, email=email, organisation=_named_organisation(user, organisation_name, organisation_type))
        if Registration.objects.filter(event=event, person=person).exists():
            raise ValidationError({"email": _("%(name)s is already invited to this event.") % {"name": person}})
        registration = Registration(event=event, person=person, group=group, partner=partner, token=participation_token(),
                                    status=RegistrationStatus.INVITED, invited_at=timezone.now())
        registration.full_clean(exclude=["person"])
        registration.save()
        _send_invitation(registration, site_url=site_url)
    return registration


def _named_organisation(user: Any, name: str, type_: str) -> Any:
    """The organisation an invitation names: an existing one (the host's editor vouches for the person being in
    it, not for joining it), else a new, unpublished one of that type."""
    if not name.strip():
        return None
    existing = organisation_selectors.organisation_with_name(name=name.strip())
    return organisations.organisation_get_or_create(
        user=user, name=name, vouched_ids=[existing.pk] if existing else [], type=type_)


def _send_invitation(registration: Registration, *, site_url: str) -> None:
    event, person = registration.event, registration.person
    subject = _("Invitation: %(event)s") % {"event": event.title}
    when = date_format(event.starts_at.astimezone(zoneinfo.ZoneInfo(event.time_zone)), "j F Y H:i")
    body = _("%(host)s invites you to “%(event)s” on %(when)s (%(zone)s). Register, tell us your dietary or "
             "accessibility needs, or decline with your personal link:") % {
        "host": event.host.organisation.name, "event": event.title, "when": when, "zone": event.time_zone}
    url = f"{site_url}{_entry_path(registration)}"
    if person.user_id is not None:
        notifications.notification_send(user=person.user, kind=INVITATION, subject=subject, body=body, url=url,
                                        topic=event.title, topic_key=f"events.projectevent:{event.pk}",
                                        time_zone=event.time_zone)
    else:
        notifications.notification_email_send(email=person.email, kind=INVITATION, subject=subject, body=body,
                                              url=url)


def _partner_of(event: ProjectEvent, person: Any) -> Any:
    """The project partner the person works for, if any (their registration counts for that partner)."""
    if person.organisation_id is None:
        return None
    return event.project.partners.filter(organisation_id=person.organisation_id).first()


def registration_register(
    *, event: ProjectEvent, user: Any = None, registration: Registration | None = None, dietary_needs: str = "",
    accessibility_needs: str = "",
) -> Registration:
    """Register: the holder of an invitation link (`registration`, found by its token) or a logged-in user for an
    event they may read (a new registration of their own person record, or their earlier one)."""
    needs = {"dietary_needs": dietary_needs.strip(), "accessibility_needs": accessibility_needs.strip()}
    nul_characters_refused(needs)
    with transaction.atomic():
        if registration is None:
            registration = _own_registration(event=event, user=user)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.event_id != event.pk:
            raise PermissionDenied(_("This link is for another event."))
        for field, value in needs.items():
            setattr(registration, field, value)
        registration.status = RegistrationStatus.REGISTERED
        registration.registered_at = timezone.now()
        registration.full_clean(exclude=["person", "event"])
        registration.save()
    return registration


def _own_registration(*, event: ProjectEvent, user: Any) -> Registration:
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied(_("Log in, or use the link of your invitation, to register."))
    if not can_view(user, event):
        raise PermissionDenied(_("You may not register for this event."))
    person = organisations.person_create_for_user(user=user)
    partner = _partner_of(event, person)
    registration, _created = Registration.objects.get_or_create(
        event=event, person=person, defaults={
            "token": participation_token(), "partner": partner, "status": RegistrationStatus.REGISTERED,
            "group": ParticipantGroup.PARTNER_STAFF if partner else ParticipantGroup.STAKEHOLDER})
    return registration


def registration_cancel(*, registration: Registration) -> Registration:
    """The participant declines an invitation or cancels a registration (the caller proved it is theirs: logged in
    or by token); someone already recorded as present cannot."""
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.attended:
            raise ValidationError({"status": _("You were recorded as present: ask the host to correct it first.")})
        if registration.status not in ACTIVE:
            raise ValidationError({"status": _("This registration is already %(status)s.") % {
                "status": registration.get_status_display().lower()}})
        registration.status = (RegistrationStatus.DECLINED if registration.status == RegistrationStatus.INVITED
                               else RegistrationStatus.CANCELLED)
        registration.save(update_fields=["status"])
    return registration


def attendance_set(*, user: Any, registration: Registration, attended: bool) -> Registration:
    """The host's editors record who came, only for an invited or registered person (the database refuses it too)."""
    _require_host(user, registration.event)
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if attended and registration.status not in ACTIVE:
            raise ValidationError({"attended": _("%(name)s %(status)s: attendance is recorded only for invited or "
                                                 "registered people.") % {
                "name": registration.person, "status": registration.get_status_display().lower()}})
        registration.attended = attended
        registration.save(update_fields=["attended"])
    return registration


# --- feedback ----------------------------------------------------------------------------------------------------

def _feedback_answers(registration: Registration, answers: Mapping[str, Any]) -> dict[str, Any]:
    """The answers checked: 1–5 scales, capacity before and after for (and only for) webinars."""
    unknown = set(answers) - set(FEEDBACK_SCALES) - set(FEEDBACK_TEXTS)
    if unknown:
        raise ValidationError(_("Unknown fields: %(fields)s.") % {"fields": ", ".join(sorted(unknown))})
    is_webinar = registration.event.kind == EventKind.WEBINAR
    errors: dict[str, str] = {}
    for field in FEEDBACK_SCALES:
        value = answers.get(field)
        needed = field not in WEBINAR_SCALES or is_webinar
        if value in (None, ""):
            if needed:
                errors[field] = _("Choose a value from 1 to 5.")
        elif not needed:
            errors[field] = _("Only asked after a webinar.")
        elif not isinstance(value, int) or not 1 <= value <= 5:
            errors[field] = _("Choose a value from 1 to 5.")
    if errors:
        raise ValidationError(errors)
    nul_characters_refused({field: str(answers.get(field) or "") for field in FEEDBACK_TEXTS})
    return {**{field: answers.get(field) for field in FEEDBACK_SCALES},
            **{field: str(answers.get(field) or "").strip() for field in FEEDBACK_TEXTS}}


def feedback_load(*, registration: Registration, **answers: Any) -> FeedbackResponse:
    """A participant's answers with nobody's rights checked: for the platform's own loaders (the demo)."""
    response = FeedbackResponse(registration=registration, **_feedback_answers(registration, answers))
    response.full_clean()
    response.save()
    return response


def feedback_submit(*, registration: Registration, answers: Mapping[str, Any]) -> FeedbackResponse:
    """The participant's survey (the caller proved the registration is theirs), once, after the event starts, by
    someone who attended or was registered."""
    if not (registration.attended or registration.status == RegistrationStatus.REGISTERED):
        raise PermissionDenied(_("The survey is for the people who registered for or attended the event."))
    if registration.event.starts_at > timezone.now():
        raise ValidationError(_("The survey opens when the event starts."))
    if FeedbackResponse.objects.filter(registration=registration).exists():
        raise ValidationError(_("You have already answered this survey: thank you."))
    try:
        with transaction.atomic():
            return feedback_load(registration=registration, **answers)
    except IntegrityError as error:  # the same person's second answer at the same moment
        raise ValidationError(_("You have already answered this survey: thank you.")) from error


# --- materials ---------------------------------------------------------------------------------------------------

OOXML_TYPES = {  # the main part's folder names the Office Open XML document (ECMA-376 part 2)
    "word/": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "ppt/": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
    "xl/": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
}
ODF_EXTENSIONS = {  # an ODF package's first member `mimetype` names its type (OASIS ODF 1.2 part 3, §3.3)
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.presentation": "odp",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.graphics": "odg",
}
SIGNATURES = (  # magic bytes at the start of the file
    (b"%PDF-", "application/pdf", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
)


def material_content_type(head: bytes, payload: Any) -> tuple[str, str] | None:
    """(content type, extension) read from the file's content, never its name: PDF, PNG, JPEG, Office Open XML or
    ODF; None for anything else (an executable renamed `.pdf` included)."""
    for magic, content_type, extension in SIGNATURES:
        if head.startswith(magic):
            return content_type, extension
    if not head.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(payload) as archive:
            names = archive.namelist()
            if names and names[0] == "mimetype" and archive.getinfo("mimetype").file_size < 100:
                declared = archive.read("mimetype").decode("ascii", "replace").strip()
                return (declared, ODF_EXTENSIONS[declared]) if declared in ODF_EXTENSIONS else None
            if "[Content_Types].xml" in names:
                for folder, found in OOXML_TYPES.items():
                    if any(name.startswith(folder) for name in names):
                        return found
    except (zipfile.BadZipFile, KeyError, OSError):
        return None
    return None


def material_file_checked(file: UploadedFile) -> tuple[str, str]:
    """(content type, extension) of an uploaded file (materials, evidence, attachments), refused naming the file
    when larger than `SMARTCLUSTER_MATERIAL_MAX_BYTES` or not of an accepted type by its content."""
    limit = config.file_limits().material_max_bytes
    if file.size > limit:
        raise ValidationError({"file": _("“%(name)s” is %(size)s bytes; a file may have at most %(limit)s bytes.")
                               % {"name": file.name, "size": file.size, "limit": limit}})
    file.seek(0)
    detected = material_content_type(file.read(16), file)
    file.seek(0)
    if detected is None:
        raise ValidationError({"file": _("“%(name)s” is not a PDF, PNG, JPEG, Office (docx, pptx, xlsx) or "
                                         "OpenDocument file, whatever its name says.") % {"name": file.name}})
    return detected


def material_upload(
    *, user: Any, event: ProjectEvent, kind: str, title: str, file: UploadedFile, is_published: bool = False,
) -> Material:
    """Attach a file to an event (the host's editors): its size within `SMARTCLUSTER_MATERIAL_MAX_BYTES`, its type
    read from its content; stored under MEDIA_ROOT with a name of the platform's choosing."""
    _require_host(user, event)
    nul_characters_refused({"title": title})
    content_type, extension = material_file_checked(file)
    material = Material(event=event, kind=kind, title=title.strip(), content_type=content_type, size=file.size,
                        is_published=is_published, uploaded_by=user)
    material.full_clean(exclude=["file"])
    material.file.save(f"{participation_token()[:16]}.{extension}", file, save=False)
    try:
        material.save()
    except DatabaseError:
        material.file.storage.delete(material.file.name)  # nothing half-written: no file without its record
        raise
    return material


def material_delete(*, user: Any, material: Material) -> None:
    """Remove a material and its file (the host's editors)."""
    _require_host(user, material.event)
    storage, name = material.file.storage, material.file.name
    material.delete()
    transaction.on_commit(lambda: storage.delete(name))
