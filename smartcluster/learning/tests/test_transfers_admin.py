"""Transfers admin: list, add and change pages open; the services' pair rules hold there too (not the partner's own
practice, not twice), and a stage dated before the inspiration is refused naming the field."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from smartcluster.learning.models import PracticeTransfer
from smartcluster.learning.services import practice_transfer_load
from smartcluster.learning.tests.transfers_world import DAY, TransferWorld, transfer_dump, transfer_world
from smartcluster.organisations.tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def root() -> tuple[Client, TransferWorld, PracticeTransfer]:
    tw = transfer_world()
    transfer = practice_transfer_load(practice=tw.approved, partner=tw.partner_b, stage="planned", inspired_on=DAY)
    client = Client()
    client.force_login(make_user("root", is_superuser=True, is_staff=True))
    return client, tw, transfer


def test_admin_pages_open(root: tuple) -> None:
    client, _tw, transfer = root
    for name, args in [("changelist", []), ("change", [transfer.pk]), ("add", [])]:
        assert client.get(reverse(f"admin:learning_practicetransfer_{name}", args=args),
                          secure=True).status_code == 200


def _form(tw: TransferWorld, partner: object, **fields: str) -> dict[str, str]:
    return {"practice": str(tw.approved.pk), "partner": str(partner.pk), "stage": "inspired",
            "inspired_on": "2026-03-02", "stage_on": "2026-03-02", "description": "", "evidence": "",
            "evidence_url": "", **fields}


@pytest.mark.parametrize(("case", "message"), [
    ("own", "A partner is not inspired by its own practice."),
    ("twice", "recorded already"),
    ("early", "The stage cannot be reached before the partner was inspired."),
])
def test_the_admin_refuses_what_the_services_refuse(root: tuple, case: str, message: str) -> None:
    client, tw, _transfer = root
    data = {"own": _form(tw, tw.partner_a), "twice": _form(tw, tw.partner_b),
            "early": _form(tw, tw.partner_a, practice=str(tw.submitted.pk), stage_on="2026-03-01")}[case]
    if case == "early":
        data["partner"] = str(tw.partner_b.pk)
    before = transfer_dump()

    answer = client.post(reverse("admin:learning_practicetransfer_add"), data, secure=True)

    assert answer.status_code == 200 and message in answer.content.decode()
    assert transfer_dump() == before
