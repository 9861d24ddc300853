"""Load the demo's monitoring (`monitoring_content.py`) through the monitoring app's trusted writers: the work plan
from the template with the statuses of semesters 1–3 (deliverables following the demo's events, communication
items and a good practice; the others done with a link, the late ones still in progress) and one template note
resolved; the action plans of Thessaly and Murcia with their actions and monitoring entries. A part already loaded
is left as it is (a user may have changed it); what is missing is made and marked, so that `setup --remove-demo`
removes it."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.utils.text import slugify
from django.utils.translation import gettext as _

from smartcluster.demo import monitoring_content as content
from smartcluster.demo.monitoring_impact import impact_load
from smartcluster.demo.monitoring_indicators import indicators_load
from smartcluster.demo.selectors import demo_record_get
from smartcluster.monitoring import selectors as monitoring_selectors
from smartcluster.monitoring import services as monitoring
from smartcluster.monitoring.choices import DeliverableStatus

if TYPE_CHECKING:
    from smartcluster.demo.loader import Loader

def _partner(loader: Loader, project: Any, organisation_key: str) -> Any:
    return project.partners.get(organisation=loader.organisations[organisation_key])


def _linked(deliverable: Any) -> dict[str, Any]:
    """The demo record a template deliverable follows, as the writer's keyword (empty: none)."""
    title = deliverable.title.lower()
    for semester, kind, words, key in content.LINKS:
        if (deliverable.due_semester, deliverable.kind) == (semester, kind) and words in title:
            record = demo_record_get(key=key)
            field = {"event": "event", "communication": "communication_item", "practice": "good_practice"}[
                key.split(":", 1)[0]]
            return {field: record} if record is not None else {}
    return {}


def _progress(project: Any, deliverable: Any) -> dict[str, Any]:
    """What the partners recorded for a deliverable of a past semester: its record, or still in progress (late),
    or done a fortnight before the semester's end with a link to its document."""
    linked = _linked(deliverable)
    if linked:
        return linked
    if (deliverable.due_semester, deliverable.kind) in content.LATE:
        return {"status": DeliverableStatus.IN_PROGRESS}
    last = monitoring_selectors.semester_dates(project, deliverable.due_semester)[1]
    slug = slugify(deliverable.title)[:60].strip("-")
    return {"status": DeliverableStatus.DONE, "done_on": last - dt.timedelta(days=14),
            "evidence_url": f"{content.EVIDENCE_BASE}/s{deliverable.due_semester}-{slug}"}


def _deliverable_progress(project: Any, deliverable: Any) -> Any:
    """The deliverable brought to what the partners recorded (the work plan's trusted writer)."""
    kept = {"responsible": deliverable.responsible, "kind": deliverable.kind, "number": deliverable.number,
            "activity": deliverable.activity}
    return monitoring.deliverable_load(project=project, title=deliverable.title,
                                       due_semester=deliverable.due_semester, **kept,
                                       **_progress(project, deliverable))


def workplan_load(loader: Loader, project: Any) -> None:
    """The template's work plan, unless the project has one already (the demo's or a user's), with the statuses of
    the past semesters and one note resolved by the lead partner's coordinator."""
    if not monitoring.workplan_template_load(project=project):
        return
    for activity in monitoring_selectors.activity_list(project=project):
        loader._made(f"monitoring:activity:{activity.pk}", activity)
    for deliverable in monitoring_selectors.deliverable_list(project=project):
        if deliverable.due_semester <= content.LAST_DONE_SEMESTER:
            deliverable = _deliverable_progress(project, deliverable)
        loader._made(f"monitoring:deliverable:{deliverable.pk}", deliverable)
    words, resolution = content.NOTE_RESOLVED
    for note in monitoring_selectors.work_plan_note_list(project=project):
        if words in note.message and content.NOTE_RESOLVER in loader.users:
            note = monitoring.work_plan_note_resolve(user=loader.users[content.NOTE_RESOLVER], note=note,
                                                     resolution=resolution)
        loader._made(f"monitoring:note:{note.pk}", note)


def _background(demo: content.DemoAction) -> dict[str, Any]:
    record = demo_record_get(key=demo.background_key)
    field = {"good_practice": "good_practice", "recommendation": "recommendation",
             "brainstorm": "brainstorm"}.get(demo.background_kind)
    return {field: record} if field and record is not None else {}


def action_plan_load(loader: Loader, project: Any, demo: content.DemoActionPlan) -> None:
    """A partner's plan with its actions and their monitoring entries."""
    if demo_record_get(key=demo.key) is not None:
        return
    plan = monitoring.action_plan_load(
        partner=_partner(loader, project, demo.partner), title=demo.title,
        general_information=demo.general_information, policy_context=demo.policy_context, status=demo.status,
        developed_with=[_partner(loader, project, key) for key in demo.developed_with])
    loader._made(demo.key, plan)
    for position, action_demo in enumerate(demo.actions, start=1):
        action = monitoring.action_load(
            plan=plan, position=position, title=action_demo.title, background_kind=action_demo.background_kind,
            background=action_demo.background, description=action_demo.description, players=action_demo.players,
            starts_on=action_demo.starts_on, ends_on=action_demo.ends_on, costs=action_demo.costs,
            funding=action_demo.funding, **_background(action_demo))
        key = f"{demo.key}:action:{position}"
        loader._made(key, action)
        for entry_demo in action_demo.entries:
            entry = monitoring.monitoring_entry_load(
                action=action, semester=entry_demo.semester, status=entry_demo.status,
                what_was_done=entry_demo.what_was_done, explanation=entry_demo.explanation,
                evidence_url=entry_demo.evidence_url)
            loader._made(f"{key}:entry:{entry_demo.semester}", entry)


def monitoring_load(loader: Loader, project: Any) -> None:
    """Each part on its own: one refused by its service is left out with a note, the others load."""
    loader._attempt(_("the work plan"), workplan_load, loader, project)
    for demo in content.ACTION_PLANS:
        loader._attempt(demo.title, action_plan_load, loader, project, demo)
    loader._attempt(_("the indicators"), indicators_load, loader, project)
    impact_load(loader)
