"""Reads of the events app: calendar (semesters, project events, stakeholder groups)."""

from __future__ import annotations

import calendar as std_calendar
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from smartcluster.organisations.models import Project

__all__ = ["months_after", "project_semester", "semester_starts_on"]

SEMESTER_MONTHS = 6


def months_after(day: date, months: int) -> date:
    """The same day `months` later; a day the target month lacks becomes its last day (31 Aug + 6 → 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, std_calendar.monthrange(year, month)[1]))


def semester_starts_on(*, project: Project, semester: int) -> date | None:
    """First day of semester `semester` (1-based), always counted from the start date (never chained)."""
    if project.start_date is None or semester < 1:
        return None
    return months_after(project.start_date, SEMESTER_MONTHS * (semester - 1))


def project_semester(*, project: Project, on: date) -> int | None:
    """The semester `on` falls in: n covers [start + 6(n−1) months, start + 6n months); None before the start.

    After the project's last semester the number is returned anyway (pages mark it "after the project").
    Month ends are clamped (see `months_after`), so a project starting 31 August has its second semester
    start on 28/29 February and its third on 31 August again.
    """
    start = project.start_date
    if start is None or on < start:
        return None
    months = (on.year - start.year) * 12 + on.month - start.month
    semester = months // SEMESTER_MONTHS + 1
    # The month count can overshoot by one semester when `on` is before the (clamped) day of its month.
    if on < months_after(start, SEMESTER_MONTHS * (semester - 1)):
        semester -= 1
    return semester
