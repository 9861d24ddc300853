"""The registry tests' world: the organisations app's roles (build_world) and a dump of every registry row."""

from __future__ import annotations

from django.core import serializers

from smartcluster.organisations.tests.factories import database_dump
from smartcluster.stakeholders.models import Stakeholder, StakeholderNote


def registry_dump() -> str:
    """Every row a registry write could touch (organisations, people, stakeholders, notes), to prove a refusal
    changed nothing."""
    rows = [serializers.serialize("json", model.objects.order_by("pk")) for model in (Stakeholder, StakeholderNote)]
    return "\n".join([database_dump(), *rows])
