"""Semester derivation at its boundaries (semester n covers [start + 6(n−1) months, start + 6n months))."""

from __future__ import annotations

from datetime import date

import pytest

from smartcluster.events.selectors.calendar import months_after, project_semester, semester_starts_on
from smartcluster.organisations.models import Project


def project(start: date | None, semesters: int = 8) -> Project:
    return Project(name="P", acronym="P", start_date=start, semesters=semesters)


@pytest.mark.parametrize(("on", "expected"), [
    (date(2023, 2, 28), None),           # the day before the start
    (date(2023, 3, 1), 1),               # the start day
    (date(2023, 8, 31), 1),              # the day before the 6-month boundary
    (date(2023, 9, 1), 2),               # on the boundary
    (date(2023, 9, 2), 2),               # the day after
    (date(2027, 2, 28), 8),              # the last day of the last semester
    (date(2027, 3, 1), 9),               # after the project: numbered anyway
])
def test_semester_changes_exactly_on_the_six_month_boundary(on: date, expected: int | None) -> None:
    assert project_semester(project=project(date(2023, 3, 1)), on=on) == expected


@pytest.mark.parametrize(("on", "expected"), [
    (date(2024, 2, 28), 1),              # 31 Aug + 6 months is 29 Feb 2024 (leap year): the day before
    (date(2024, 2, 29), 2),
    (date(2024, 3, 1), 2),
    (date(2024, 8, 30), 2),              # the third semester starts on 31 August again (counted from the start)
    (date(2024, 8, 31), 3),
    (date(2025, 2, 27), 3),              # 2025 is not a leap year: the fourth starts on 28 February
    (date(2025, 2, 28), 4),
])
def test_a_month_end_start_clamps_to_the_last_day_of_shorter_months(on: date, expected: int) -> None:
    assert project_semester(project=project(date(2023, 8, 31)), on=on) == expected


def test_no_semester_without_a_start_date() -> None:
    assert project_semester(project=project(None), on=date(2024, 1, 1)) is None


def test_semester_start_is_the_first_day_of_its_semester() -> None:
    p = project(date(2023, 8, 31))
    for n in range(1, 10):
        start = semester_starts_on(project=p, semester=n)
        assert project_semester(project=p, on=start) == n
        assert project_semester(project=p, on=date.fromordinal(start.toordinal() - 1)) == (n - 1 or None)


def test_months_after_keeps_the_day_when_the_month_has_it() -> None:
    assert months_after(date(2023, 1, 15), 13) == date(2024, 2, 15)
    assert months_after(date(2023, 10, 31), 4) == date(2024, 2, 29)
