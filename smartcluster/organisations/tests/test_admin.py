"""Django admin: every model of organisations and accounts has working list, add and change pages."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from smartcluster.accounts.models import ApiToken, Membership
from smartcluster.organisations.models import Organisation, Partner, Person, Project, Tag
from smartcluster.organisations.tests.factories import build_world, make_user

MODELS = [Organisation, Person, Project, Partner, Tag, Membership, ApiToken]


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_every_model_is_registered_in_the_admin(model: type) -> None:
    assert admin.site.is_registered(model)


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_admin_pages_open_for_a_superuser(model: type) -> None:
    build_world()
    Tag.objects.create(kind="technology", name="Robotics")
    client = Client()
    client.force_login(make_user("root", is_superuser=True, is_staff=True))
    opts = model._meta
    record = model.objects.first()
    assert client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"), secure=True).status_code == 200
    assert client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk]),
                      secure=True).status_code == 200
    expected_add = 403 if model is ApiToken else 200  # tokens are made by their owners, who see the key once
    assert client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"), secure=True).status_code == expected_add
