"""Registry admin: the lists answer, and a stakeholder saved there is held to the services' rules."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from smartcluster.organisations.models import Person
from smartcluster.organisations.tests.factories import build_world
from smartcluster.stakeholders import services
from smartcluster.stakeholders.admin.registry import StakeholderAdminForm

pytestmark = pytest.mark.django_db


def test_admin_lists_and_pages_answer() -> None:
    world = build_world()
    stakeholder = services.stakeholder_load(partner=world.partner_a, organisation=world.candidate)
    note = services.stakeholder_note_load(stakeholder=stakeholder, text="A note")
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.org", None))
    for url in (reverse("admin:stakeholders_stakeholder_changelist"),
                reverse("admin:stakeholders_stakeholder_change", args=[stakeholder.pk]),
                reverse("admin:stakeholders_stakeholdernote_changelist"),
                reverse("admin:stakeholders_stakeholdernote_change", args=[note.pk])):
        assert client.get(url).status_code == 200, url
    assert "Business" in client.get(reverse("admin:stakeholders_stakeholder_changelist")).content.decode()


def test_admin_form_cleans_topics_and_refuses_a_contact_outside_the_partner() -> None:
    world = build_world()
    outsider = Person.objects.create(name="B", email="b@b.org", organisation=world.org_b)
    data = {"partner": world.partner_a.pk, "organisation": world.candidate.pk, "interest": 3, "influence": 3,
            "topics": '["Skills", " skills ", "Policy"]', "partner_contact": outsider.pk}
    form = StakeholderAdminForm(data)
    assert not form.is_valid() and list(form.errors) == ["partner_contact"]
    form = StakeholderAdminForm({**data, "partner_contact": world.person_a.pk})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["topics"] == ["Skills", "Policy"]
