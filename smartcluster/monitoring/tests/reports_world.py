"""A monitoring world with a semester's records for the report tests: in semester 2, partner A's deliverable done
with a link, B's still planned (late by now), an event A held, a practice of A the project approved, a monitoring
entry of A's action and A's submitted report; one entry of semester 1 that the semester-2 report must not show."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from smartcluster.events.models import ProjectEvent
from smartcluster.learning import services as learning
from smartcluster.learning.choices import PracticeStatus
from smartcluster.learning.models import PracticeStatusChange
from smartcluster.monitoring.choices import DeliverableStatus, ImplementationStatus, ReportStatus
from smartcluster.monitoring.models import MonitoringEntry, ProgressReport
from smartcluster.monitoring.selectors import semester_dates
from smartcluster.monitoring.tests.world import (
    MonitoringWorld,
    build_monitoring_world,
    make_action,
    make_action_plan,
    make_deliverable,
)

EVIDENCE_URL = "https://example.org/evidence/mapping-report.pdf"


@dataclass
class ReportWorld:
    mw: MonitoringWorld
    done: Any
    late: Any
    event: Any
    practice: Any
    entry: Any
    old_entry: Any


def _in_semester(mw: MonitoringWorld, semester: int, days: int = 20) -> dt.date:
    return semester_dates(mw.project, semester)[0] + dt.timedelta(days=days)


def build_report_world() -> ReportWorld:
    mw = build_monitoring_world()
    day = _in_semester(mw, 2)
    done = make_deliverable(mw, due_semester=2, title="Regional mapping report", status=DeliverableStatus.DONE,
                            done_on=day, evidence_url=EVIDENCE_URL)
    late = make_deliverable(mw, responsible=mw.partner_b, due_semester=2, title="Stakeholder meeting minutes")
    athens = zoneinfo.ZoneInfo("Europe/Athens")
    starts = dt.datetime.combine(day, dt.time(10), tzinfo=athens)
    event = ProjectEvent.objects.create(project=mw.project, kind="workshop", title="Workshop in Lamia",
                                        host=mw.partner_a, starts_at=starts, ends_at=starts + dt.timedelta(hours=3),
                                        time_zone="Europe/Athens")
    practice = learning.good_practice_load(partner=mw.partner_a, title="Vouchers for shop-floor data",
                                           organisation_in_charge=mw.world.org_a, description="Small vouchers.",
                                           status=PracticeStatus.PROJECT_APPROVED)
    approved_at = dt.datetime.combine(day, dt.time(12), tzinfo=timezone.get_current_timezone())
    PracticeStatusChange.objects.filter(practice=practice, to_status=PracticeStatus.PROJECT_APPROVED).update(
        changed_at=approved_at)
    action = make_action(make_action_plan(mw.partner_a))
    entry = MonitoringEntry.objects.create(action=action, semester=2, status=ImplementationStatus.IN_PROGRESS,
                                           what_was_done="First call for vouchers opened.")
    old_entry = MonitoringEntry.objects.create(action=action, semester=1, status=ImplementationStatus.NOT_STARTED,
                                               what_was_done="Budget line agreed.")
    ProgressReport.objects.create(partner=mw.partner_a, semester=2, status=ReportStatus.SUBMITTED,
                                  summary="Mapping finished.", submitted_at=timezone.now())
    return ReportWorld(mw, done, late, event, practice, entry, old_entry)
