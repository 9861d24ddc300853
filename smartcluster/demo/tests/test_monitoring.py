"""The demo's monitoring in semester 4 of CLUSTERS 4.0: the template's work plan with semesters 1–3 done and
evidenced (some deliverables following the demo's records), late deliverables, a resolved note; loaded once, its
texts free of the seed's leftovers."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from smartcluster.demo.tests.test_content import LEFTOVERS_OF_THE_SEED
from smartcluster.monitoring import selectors
from smartcluster.monitoring.choices import DeliverableStatus, ImplementationStatus
from smartcluster.monitoring.models import (
    Action,
    ActionPlan,
    Activity,
    Deliverable,
    MonitoringEntry,
    WorkPlanNote,
)
from smartcluster.organisations.models import Project

pytestmark = pytest.mark.django_db
MODELS = (Activity, Deliverable, WorkPlanNote, ActionPlan, Action, MonitoringEntry)


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def test_the_demo_loads_the_monitoring_once_and_a_reload_adds_nothing(setup: Callable) -> None:
    output = setup().output
    loaded = counts()

    again = setup("--demo").output

    assert counts() == loaded
    assert "Left out" not in output and "Left out" not in again
    assert all(loaded.values()), loaded


def test_the_demo_is_in_semester_4_with_the_past_semesters_done_and_two_late(setup: Callable) -> None:
    setup()
    project = Project.objects.get()
    assert selectors.semester_current(project, timezone.localdate()) == 4  # the demo's today: December 2026
    past = selectors.deliverable_list(project=project).filter(due_semester__lte=3)
    statuses = {d.pk: selectors.deliverable_status(d) for d in past}
    done = [d for d in past if statuses[d.pk] == DeliverableStatus.DONE]
    assert all(d.evidence_url or d.evidence_file or d.event_id or d.communication_item_id or d.good_practice_id
               for d in done)
    assert past.filter(event__isnull=False).exists() and past.filter(communication_item__isnull=False).exists()
    assert past.filter(good_practice__isnull=False).exists()
    assert len(selectors.deliverable_late_list(project=project)) == 2
    for deliverable in done:
        first, last = selectors.semester_dates(project, deliverable.due_semester)
        assert deliverable.done_on is None or first <= deliverable.done_on <= last
    notes = selectors.work_plan_note_list(project=project)
    assert notes.filter(resolved_at__isnull=False).count() == 1 and notes.filter(resolved_at__isnull=True).exists()


def test_the_demo_monitoring_texts_carry_no_leftover_of_the_seed(setup: Callable) -> None:
    setup()
    texts = [f"{a.title} {a.topic} {a.host_name}" for a in Activity.objects.all()]
    texts += [f"{d.title} {d.evidence_note}" for d in Deliverable.objects.all()]
    assert not [text for text in texts for leftover in LEFTOVERS_OF_THE_SEED if leftover in text]


def test_the_demo_action_plans_draw_on_the_demos_records_and_their_entries_fit_the_semesters(setup: Callable) -> None:
    setup()
    project = Project.objects.get()
    current = selectors.semester_current(project, timezone.localdate())
    entries = MonitoringEntry.objects.select_related("action")
    assert entries.exists() and all(entry.semester <= current for entry in entries)  # never a semester to come
    assert entries.filter(status=ImplementationStatus.DELAYED).exclude(explanation="").exists()
    for entry in entries:  # an entry's semester ends after its action started
        assert selectors.semester_dates(project, entry.semester)[1] >= entry.action.starts_on
    assert {plan.partner.organisation.region.code for plan in ActionPlan.objects.all()} == {"EL61", "ES62"}
    assert Action.objects.filter(recommendation__isnull=False).exists()
    assert Action.objects.filter(good_practice__isnull=False).exists()
    assert Action.objects.filter(brainstorm__isnull=False).exists()
    texts = [f"{p.title} {p.general_information} {p.policy_context}" for p in ActionPlan.objects.all()]
    texts += [f"{a.title} {a.background} {a.description}" for a in Action.objects.all()]
    assert not [text for text in texts for leftover in LEFTOVERS_OF_THE_SEED if leftover in text]


def test_the_demo_semester_report_shows_the_demos_work_and_entries(setup: Callable) -> None:
    setup()
    project = Project.objects.get()
    lead = project.partners.get(role="lead")
    client = Client()
    client.force_login(lead.organisation.memberships.first().user)
    page = client.get(reverse("monitoring:progress_report_detail", args=[project.pk, 3])).content.decode()
    assert "Call text agreed with the managing authority" in page and "Newsletter no. 3" in page
