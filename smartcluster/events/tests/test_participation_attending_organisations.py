"""The organisations that attended each event, for the collaboration network: only events the reader may read."""

from __future__ import annotations

import pytest

from smartcluster.events.selectors import attending_organisations
from smartcluster.events.tests.participation_factories import build_world, make_event, make_person, register
from smartcluster.organisations.choices import OrganisationType

pytestmark = pytest.mark.django_db


def test_attendance_is_counted_per_organisation_and_absences_are_not():
    world = build_world()
    event = make_event(world)
    came = make_person("Came Here", organisation_type=OrganisationType.SME)
    colleague = make_person("Colleague", organisation_type=OrganisationType.UNIVERSITY)
    absent = make_person("Stayed Home", organisation_type=OrganisationType.RESEARCH)
    register(event, came, attended=True)
    register(event, colleague, attended=True)
    register(event, absent)
    assert attending_organisations(user=world.users["viewer"]) == {
        event.pk: {came.organisation_id, colleague.organisation_id}}


def test_an_internal_events_attendance_is_read_only_by_the_projects_partners():
    world = build_world()
    internal = make_event(world, is_published=False)
    register(internal, make_person("Insider", organisation_type=OrganisationType.SME), attended=True)
    outsider = world.users["viewer"].__class__.objects.create_user(username="outsider")
    assert attending_organisations(user=outsider) == {}
    assert list(attending_organisations(user=world.users["editor_b"])) == [internal.pk]
