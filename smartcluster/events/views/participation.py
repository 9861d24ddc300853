"""Pages of the events app: participation — the host's participants page (invitations, needs, attendance
checklist, counts), the participant's page (logged in or by invitation link: register, decline, certificate,
survey), survey results, materials with permission-checked downloads, and the XLSX downloads."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from smartcluster.accounts.permissions import can_change
from smartcluster.events import selectors, services
from smartcluster.events.exports.participation import attendance_workbook, certificate_docx, feedback_workbook
from smartcluster.events.forms.participation import (
    FeedbackForm,
    InvitationForm,
    MaterialForm,
    RegistrationForm,
)
from smartcluster.events.models import ProjectEvent, Registration
from smartcluster.reports.responses import file_response
from smartcluster.site.views import form_refusal


def _hosted_event(request: HttpRequest, pk: int) -> ProjectEvent:
    """An event whose participants the user manages (404 when unreadable, 403 when not the host's editor)."""
    event = selectors.project_event_get(user=request.user, pk=pk)
    if not can_change(request.user, event):
        raise PermissionDenied(_("Only the editors of the host partner manage this event's participants."))
    return event


# --- the host's pages --------------------------------------------------------------------------------------------

@login_required
def participants(request: HttpRequest, pk: int) -> HttpResponse:
    """Invitations and registrations with their needs, the attendance checklist, who came by partner and helix."""
    event = _hosted_event(request, pk)
    form = InvitationForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.registration_invite(
                user=request.user, event=event, name=data["name"], email=data["email"], group=data["group"],
                partner=data["partner"], organisation_name=data["organisation_name"],
                organisation_type=data["organisation_type"], site_url=request.build_absolute_uri("/")[:-1])
        except ValidationError as error:
            form_refusal(form, error)
        else:
            messages.success(request, _("%(name)s is invited.") % {"name": data["name"]})
            return redirect("events:participants", pk=event.pk)
    return render(request, "events/participation/participants.html", {
        "event": event, "form": form, "registrations": selectors.registration_list(user=request.user, event=event),
        "counts": selectors.attendance_counts(event=event)}, status=400 if form.errors else 200)


@require_POST
@login_required
def attendance_toggle(request: HttpRequest, pk: int) -> HttpResponse:
    """Record (or withdraw) one person's attendance; htmx gets the checklist's row back."""
    registration = selectors.registration_get(user=request.user, pk=pk)
    try:
        registration = services.attendance_set(user=request.user, registration=registration,
                                               attended=request.POST.get("attended") == "1")
    except ValidationError as error:
        if request.htmx:
            return render(request, "events/participation/_attendance_row.html",
                          {"registration": registration, "refusal": " ".join(error.messages)}, status=400)
        messages.error(request, " ".join(error.messages))
    if request.htmx:
        return render(request, "events/participation/_attendance_row.html", {"registration": registration})
    return redirect("events:participants", pk=registration.event_id)


@login_required
def attendance_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    event = _hosted_event(request, pk)
    return file_response(attendance_workbook(event=event), name=f"attendance-{event.title}", extension="xlsx")


@login_required
def feedback_results(request: HttpRequest, pk: int) -> HttpResponse:
    """The survey's results per event: means, distribution, open answers, increased capacity for webinars."""
    event = _hosted_event(request, pk)
    return render(request, "events/participation/feedback_results.html",
                  {"event": event, "results": selectors.feedback_results(event=event)})


@login_required
def feedback_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    event = _hosted_event(request, pk)
    return file_response(feedback_workbook(event=event), name=f"feedback-{event.title}", extension="xlsx")


# --- the participant's pages -------------------------------------------------------------------------------------

def _entry_page(request: HttpRequest, event: ProjectEvent, registration: Registration | None,
                token: str = "") -> HttpResponse:
    """Register (with needs) or decline; once there, the certificate and survey links."""
    form = RegistrationForm(request.POST or None, initial={
        "dietary_needs": getattr(registration, "dietary_needs", ""),
        "accessibility_needs": getattr(registration, "accessibility_needs", "")})
    if request.method == "POST":
        try:
            if request.POST.get("action") == "cancel":
                if registration is None:  # nothing to cancel: never read as a registration
                    return redirect(request.path)
                services.registration_cancel(registration=registration)
                messages.success(request, _("Your answer is recorded: you will not attend."))
                return redirect(request.path)
            if form.is_valid():
                services.registration_register(event=event, user=request.user, registration=registration,
                                               **form.cleaned_data)
                messages.success(request, _("You are registered."))
                return redirect(request.path)
        except ValidationError as error:
            form_refusal(form, error)
    return render(request, "events/participation/entry.html", {
        "event": event, "registration": registration, "form": form, "token": token,
        "materials": selectors.material_list(user=request.user, event=event),
        "answered": registration is not None and hasattr(registration, "feedback")},
        status=400 if form.errors else 200)


@login_required
def participation(request: HttpRequest, pk: int) -> HttpResponse:
    """A logged-in user's registration for an event they may read."""
    event = selectors.project_event_get(user=request.user, pk=pk)
    return _entry_page(request, event, selectors.registration_of_user(user=request.user, event=event))


@never_cache
def registration_entry(request: HttpRequest, token: str) -> HttpResponse:
    """The page an invitation link opens (no account needed: the token is the proof)."""
    registration = selectors.registration_for_token(token=token)
    return _entry_page(request, registration.event, registration, token=token)


def _feedback_page(request: HttpRequest, registration: Registration) -> HttpResponse:
    event = registration.event
    form = FeedbackForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        try:
            services.feedback_submit(registration=registration, answers=form.cleaned_data)
        except ValidationError as error:
            form_refusal(form, error)
        else:
            messages.success(request, _("Thank you for your answers."))
            return redirect(_participant_url(registration, request))
    return render(request, "events/participation/feedback.html",
                  {"event": event, "form": form, "back": _participant_url(registration, request)},
                  status=400 if form.errors else 200)


def _participant_url(registration: Registration, request: HttpRequest) -> str:
    if getattr(request.user, "is_authenticated", False) and registration.person.user_id == request.user.pk:
        return reverse("events:participation", args=[registration.event_id])
    return reverse("events:registration_entry", args=[registration.token])


@login_required
def feedback(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.project_event_get(user=request.user, pk=pk)
    registration = selectors.registration_of_user(user=request.user, event=event)
    if registration is None:
        raise PermissionDenied(_("The survey is for the people who registered for or attended the event."))
    return _feedback_page(request, registration)


@never_cache
def feedback_by_token(request: HttpRequest, token: str) -> HttpResponse:
    return _feedback_page(request, selectors.registration_for_token(token=token))


def _certificate(registration: Registration) -> HttpResponse:
    if not registration.attended:
        raise PermissionDenied(_("A certificate is given to people recorded as present."))
    return file_response(certificate_docx(registration=registration),
                         name=f"certificate-{registration.event.title}-{registration.person.name}", extension="docx")


@login_required
def certificate(request: HttpRequest, pk: int) -> HttpResponse:
    """The participant's own certificate, or one the host's editors download for them."""
    return _certificate(selectors.registration_certificate_get(user=request.user, pk=pk))


@never_cache
def certificate_by_token(request: HttpRequest, token: str) -> HttpResponse:
    return _certificate(selectors.registration_for_token(token=token))


# --- materials ---------------------------------------------------------------------------------------------------

def materials(request: HttpRequest, pk: int) -> HttpResponse:
    """The event's materials the visitor may download; the host's editors upload and remove them here."""
    event = selectors.project_event_get(user=request.user, pk=pk)
    may_edit = can_change(request.user, event)
    form = MaterialForm(request.POST or None, request.FILES or None) if may_edit else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied(_("Only the editors of the host partner upload materials."))
        if form.is_valid():
            try:
                services.material_upload(user=request.user, event=event, **form.cleaned_data)
            except ValidationError as error:
                form_refusal(form, error)
            else:
                messages.success(request, _("Material uploaded."))
                return redirect("events:materials", pk=event.pk)
    return render(request, "events/participation/materials.html", {
        "event": event, "form": form, "may_edit": may_edit,
        "materials": selectors.material_list(user=request.user, event=event)},
        status=400 if form is not None and form.errors else 200)


def material_download(request: HttpRequest, pk: int) -> FileResponse:
    """The file, for those who may see it (404 otherwise), as an attachment of the type read at upload."""
    material = selectors.material_get(user=request.user, pk=pk)
    extension = material.file.name.rsplit(".", 1)[-1]
    response = FileResponse(material.file.open("rb"), as_attachment=True, content_type=material.content_type,
                            filename=f"{slugify(material.title) or 'material'}.{extension}")
    response["X-Content-Type-Options"] = "nosniff"
    if not material.is_published:
        response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@login_required
def material_delete(request: HttpRequest, pk: int) -> HttpResponse:
    material = selectors.material_get(user=request.user, pk=pk)
    services.material_delete(user=request.user, material=material)
    messages.success(request, _("Material removed."))
    return redirect("events:materials", pk=material.event_id)


urlpatterns: list[URLPattern] = [
    path("<int:pk>/participants/", participants, name="participants"),
    path("<int:pk>/attendance.xlsx", attendance_xlsx, name="attendance_xlsx"),
    path("<int:pk>/feedback/results/", feedback_results, name="feedback_results"),
    path("<int:pk>/feedback.xlsx", feedback_xlsx, name="feedback_xlsx"),
    path("<int:pk>/participation/", participation, name="participation"),
    path("<int:pk>/feedback/", feedback, name="feedback"),
    path("<int:pk>/materials/", materials, name="materials"),
    path("registrations/<int:pk>/attendance/", attendance_toggle, name="attendance_toggle"),
    path("registrations/<int:pk>/certificate.docx", certificate, name="certificate"),
    path("registration/<str:token>/", registration_entry, name="registration_entry"),
    path("registration/<str:token>/feedback/", feedback_by_token, name="feedback_by_token"),
    path("registration/<str:token>/certificate.docx", certificate_by_token, name="certificate_by_token"),
    path("materials/<int:pk>/download", material_download, name="material_download"),
    path("materials/<int:pk>/delete", material_delete, name="material_delete"),
]
