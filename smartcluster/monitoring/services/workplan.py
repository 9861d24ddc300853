"""Writes of the work plan: the project's plan started from the template of the project idea, activities and
deliverables planned by the lead partner, a deliverable's status and evidence kept by its responsible partner,
records linked so their status is followed, and the template's defects resolved. Refusals change nothing."""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from importlib import resources
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from smartcluster.monitoring.choices import DeliverableStatus, WorkStrand
from smartcluster.monitoring.models import Activity, Deliverable, WorkPlanNote
from smartcluster.monitoring.selectors.access import (
    project_can_plan,
    project_partner_editable,
    semester_checked,
)
from smartcluster.monitoring.selectors.workplan import work_plan_exists
from smartcluster.monitoring.services.evidence import record_with_evidence_saved
from smartcluster.organisations.choices import PartnerRole
from smartcluster.site.validators import nul_characters_refused
from smartcluster.workplans import WorkPlanTemplate, template_from_data

__all__ = ["activity_create", "activity_delete", "activity_update", "deliverable_create", "deliverable_link",
           "deliverable_load", "deliverable_mark_done", "deliverable_status_set", "deliverable_unlink",
           "deliverable_update", "work_plan_note_resolve", "work_plan_template", "workplan_from_template",
           "workplan_template_load"]

_TITLE_MAX = 500
_LINKS = {"projectevent": "event", "communicationitem": "communication_item", "goodpractice": "good_practice"}
_PLAN_FIELDS = ("kind", "number", "title", "responsible", "due_semester", "activity")
_ACTIVITY_FIELDS = ("semester", "strand", "position", "title", "topic", "host", "host_name")


@lru_cache(maxsize=1)
def work_plan_template() -> WorkPlanTemplate:
    """The template derived from the project idea (package data, so a first run needs no ../shared)."""
    text = (resources.files("smartcluster.monitoring") / "data" / "workplan-template.json").read_text("utf-8")
    return template_from_data(json.loads(text))


def _require_plan(user: Any, project: Any) -> None:
    if not project_can_plan(user, project):
        raise PermissionDenied(_("Only the lead partner's editors or administrators plan the work plan."))


def _require_responsible(user: Any, deliverable: Deliverable) -> None:
    if not project_partner_editable(user, deliverable.responsible):
        raise PermissionDenied(_("Only the responsible partner's editors, the lead partner's editors or "
                                 "administrators update this deliverable."))


def _shortened(text: str) -> str:
    """A title within the column: the text as written, cut with an ellipsis when longer (kept whole elsewhere)."""
    return text if len(text) <= _TITLE_MAX else text[:_TITLE_MAX - 1].rstrip() + "…"


def _partner_named(project: Any, name: str) -> Any:
    """The project's partner whose organisation the name designates (one name contains the other), else None."""
    wanted = name.casefold()
    for partner in project.partners.select_related("organisation"):
        organisation = partner.organisation.name.casefold()
        if wanted and (organisation in wanted or wanted in organisation):
            return partner
    return None


def _lead(project: Any) -> Any:
    lead = project.partners.filter(role=PartnerRole.LEAD).first()
    if lead is None:
        raise ValidationError({"project": _("The project has no lead partner to make responsible.")})
    return lead


def _checked_partner(project: Any, partner: Any, field: str) -> None:
    if partner is not None and partner.project_id != project.pk:
        raise ValidationError({field: _("Choose a partner of this project.")})


def _saved(record: Any) -> Any:
    record.full_clean()
    record.save()
    return record


def _strand_topic(semester: Any, strand: str) -> str:
    """The semester's topic is the exchange of experience's ("Topic of the semester 2: …" heads that strand)."""
    return semester.topic if strand == WorkStrand.EXCHANGE else ""


def _template_write(project: Any, template: WorkPlanTemplate) -> None:
    """Activities, deliverables and notes of the template; responsible = host partner, Thessaly for
    communication where a partner is named so, else the lead partner."""
    lead = _lead(project)
    communication = _partner_named(project, "Thessaly") or lead
    activities: dict[tuple[int, str, int], Activity] = {}
    for semester in template.semesters:
        number = semester_checked(project, semester.number, field="due_semester")
        for activity in semester.activities:
            host = _partner_named(project, activity.host) if activity.host else None
            activities[(semester.number, activity.strand, activity.position)] = _saved(Activity(
                project=project, semester=number, strand=WorkStrand(activity.strand), position=activity.position,
                title=_shortened(activity.text), topic=activity.focus or _strand_topic(semester, activity.strand),
                host=host,
                host_name=activity.host[:300]))
    for item in template.deliverables:
        activity = activities[(item.semester, item.strand, item.activity)]
        responsible = activity.host or (communication if item.strand == WorkStrand.COMMUNICATION else lead)
        _saved(Deliverable(project=project, activity=activity, kind=item.kind, number=item.number,
                           title=_shortened(item.title), responsible=responsible,
                           due_semester=semester_checked(project, item.semester, field="due_semester")))
    for defect in template.defects:
        _saved(WorkPlanNote(project=project, semester=defect.semesters[0] if defect.semesters else None,
                            code=defect.code, message=defect.message))


def workplan_from_template(*, user: Any, project: Any, template: WorkPlanTemplate | None = None) -> None:
    """Start the project's work plan from the template (lead partner's editors); refused once it has one."""
    _require_plan(user, project)
    if work_plan_exists(project=project):
        raise ValidationError(_("The project already has a work plan; edit it instead of starting again."))
    with transaction.atomic():
        _template_write(project, template or work_plan_template())


def workplan_template_load(*, project: Any) -> bool:
    """Trusted (demo): the template's work plan for a project that has none; True when it was written."""
    if work_plan_exists(project=project):
        return False
    with transaction.atomic():
        _template_write(project, work_plan_template())
    return True


# --- activities ----------------------------------------------------------------------------------------------


def _activity_checked(activity: Activity) -> Activity:
    nul_characters_refused({name: getattr(activity, name) for name in ("title", "topic", "host_name")})
    semester_checked(activity.project, activity.semester)
    _checked_partner(activity.project, activity.host, "host")
    return _saved(activity)


def activity_create(*, user: Any, project: Any, semester: Any, strand: str, title: str, topic: str = "",
                    host: Any = None, host_name: str = "", position: int = 0) -> Activity:
    """A new activity of the project (lead partner's editors)."""
    _require_plan(user, project)
    return _activity_checked(Activity(project=project, semester=semester, strand=strand, title=title.strip(),
                                      topic=topic.strip(), host=host, host_name=host_name.strip(),
                                      position=position))


def activity_update(*, user: Any, activity: Activity, **fields: Any) -> Activity:
    """Change an activity's semester, strand, title, topic or host (lead partner's editors)."""
    _require_plan(user, activity.project)
    unknown = set(fields) - set(_ACTIVITY_FIELDS)
    if unknown:
        raise ValidationError(_("These fields are not an activity's: %(names)s.") % {"names": ", ".join(unknown)})
    changed = Activity.objects.get(pk=activity.pk)
    for name, value in fields.items():
        setattr(changed, name, value)
    return _activity_checked(changed)


def activity_delete(*, user: Any, activity: Activity) -> None:
    """Remove an activity; its deliverables stay, without their activity (lead partner's editors)."""
    _require_plan(user, activity.project)
    activity.delete()


# --- deliverables --------------------------------------------------------------------------------------------


def _deliverable_checked(deliverable: Deliverable) -> Deliverable:
    nul_characters_refused({"title": deliverable.title, "evidence_note": deliverable.evidence_note})
    semester_checked(deliverable.project, deliverable.due_semester, field="due_semester")
    _checked_partner(deliverable.project, deliverable.responsible, "responsible")
    if deliverable.activity is not None and deliverable.activity.project_id != deliverable.project.pk:
        raise ValidationError({"activity": _("Choose an activity of this project.")})
    return _saved(deliverable)


def deliverable_create(*, user: Any, project: Any, kind: str, title: str, responsible: Any, due_semester: Any,
                       number: int | None = None, activity: Activity | None = None) -> Deliverable:
    """A new deliverable of any partner (lead partner's editors); due within the project's semesters."""
    _require_plan(user, project)
    return _deliverable_checked(Deliverable(project=project, kind=kind, title=title.strip(), responsible=responsible,
                                            due_semester=due_semester, number=number, activity=activity,
                                            updated_by=user))


def deliverable_update(*, user: Any, deliverable: Deliverable, **fields: Any) -> Deliverable:
    """Change what is planned: kind, number, title, responsible partner, due semester, activity (lead)."""
    _require_plan(user, deliverable.project)
    unknown = set(fields) - set(_PLAN_FIELDS)
    if unknown:
        raise ValidationError(_("These fields are not planned here: %(names)s.") % {"names": ", ".join(unknown)})
    changed = Deliverable.objects.get(pk=deliverable.pk)
    for name, value in fields.items():
        setattr(changed, name, value)
    changed.updated_by = user
    return _deliverable_checked(changed)


def deliverable_status_set(*, user: Any, deliverable: Deliverable, status: str, note: str = "") -> Deliverable:
    """Planned, in progress or cancelled (the responsible partner's editors); done goes with its evidence."""
    _require_responsible(user, deliverable)
    if status == DeliverableStatus.DONE:
        raise ValidationError({"status": _("Mark the deliverable done with its evidence (a file or a link).")})
    changed = Deliverable.objects.get(pk=deliverable.pk)
    changed.status, changed.done_on, changed.updated_by = status, None, user
    if note:
        changed.evidence_note = note.strip()
    return _deliverable_checked(changed)


def deliverable_mark_done(*, user: Any, deliverable: Deliverable, done_on: dt.date | None,
                          evidence_file: UploadedFile | None = None, evidence_url: str = "",
                          note: str = "") -> Deliverable:
    """Done on a day, with its evidence: a file (checked by its content), a link, or the record it follows
    (the responsible partner's editors). A refusal stores nothing, no file either."""
    _require_responsible(user, deliverable)
    if done_on is None:
        raise ValidationError({"done_on": _("Give the day the deliverable was done.")})
    if done_on > timezone.localdate():
        raise ValidationError({"done_on": _("A deliverable cannot be done on a day still to come.")})
    linked = deliverable.event_id or deliverable.communication_item_id or deliverable.good_practice_id
    if evidence_file is None and not evidence_url.strip() and not linked:
        raise ValidationError({"evidence_file": _("Give the evidence: upload a file or give a link.")})
    changed = Deliverable.objects.get(pk=deliverable.pk)
    changed.status, changed.done_on, changed.updated_by = DeliverableStatus.DONE, done_on, user
    changed.evidence_url = evidence_url.strip() or changed.evidence_url
    changed.evidence_note = note.strip()
    changed.full_clean(exclude=["evidence_file"])
    return record_with_evidence_saved(changed, evidence_file, lambda: _deliverable_checked(changed))


def _record_project_id(record: Any) -> int | None:
    if record._meta.model_name == "goodpractice":
        return record.partner.project_id
    return record.project_id


def deliverable_link(*, user: Any, deliverable: Deliverable, record: Any) -> Deliverable:
    """Follow an event, a communication item or a good practice of the same project (its status becomes the
    deliverable's); one record at a time (responsible partner's editors)."""
    _require_responsible(user, deliverable)
    field = _LINKS.get(record._meta.model_name)
    if field is None:
        raise ValidationError({"record": _("Link an event, a communication item or a good practice.")})
    if _record_project_id(record) != deliverable.project_id:
        raise ValidationError({field: _("Link a record of the deliverable's own project.")})
    changed = Deliverable.objects.get(pk=deliverable.pk)
    changed.event = changed.communication_item = changed.good_practice = None
    setattr(changed, field, record)
    changed.updated_by = user
    return _deliverable_checked(changed)


def deliverable_unlink(*, user: Any, deliverable: Deliverable) -> Deliverable:
    """Stop following the linked record; a deliverable done by it alone goes back to in progress."""
    _require_responsible(user, deliverable)
    changed = Deliverable.objects.get(pk=deliverable.pk)
    changed.event = changed.communication_item = changed.good_practice = None
    if changed.status == DeliverableStatus.DONE and not (changed.evidence_file or changed.evidence_url):
        changed.status, changed.done_on = DeliverableStatus.IN_PROGRESS, None
    changed.updated_by = user
    return _deliverable_checked(changed)


def deliverable_load(*, project: Any, responsible: Any, kind: str, title: str, due_semester: int,
                     number: int | None = None, activity: Activity | None = None,
                     status: str = DeliverableStatus.PLANNED, done_on: dt.date | None = None,
                     evidence_url: str = "", evidence_note: str = "", event: Any = None,
                     communication_item: Any = None, good_practice: Any = None) -> Deliverable:
    """Trusted (demo): the deliverable of that title and due semester, created or brought to these values."""
    deliverable = Deliverable.objects.filter(project=project, title=title, due_semester=due_semester).first()
    deliverable = deliverable or Deliverable(project=project, title=title, due_semester=due_semester)
    values = {"responsible": responsible, "kind": kind, "number": number, "activity": activity, "status": status,
              "done_on": done_on, "evidence_url": evidence_url, "evidence_note": evidence_note, "event": event,
              "communication_item": communication_item, "good_practice": good_practice}
    for name, value in values.items():
        setattr(deliverable, name, value)
    return _deliverable_checked(deliverable)


# --- the template's notes ------------------------------------------------------------------------------------


def work_plan_note_resolve(*, user: Any, note: WorkPlanNote, resolution: str) -> WorkPlanNote:
    """Say how a defect of the template was resolved (lead partner's editors)."""
    _require_plan(user, note.project)
    nul_characters_refused({"resolution": resolution})
    if not resolution.strip():
        raise ValidationError({"resolution": _("Say how the defect was resolved.")})
    changed = WorkPlanNote.objects.get(pk=note.pk)
    changed.resolution, changed.resolved_by, changed.resolved_at = resolution.strip(), user, timezone.now()
    return _saved(changed)
