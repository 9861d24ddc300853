"""API tokens: the key is shown once and stored hashed; only its owner revokes it; memberships by administrators."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from smartcluster.accounts import services
from smartcluster.accounts.models import ApiToken, Membership, MembershipRole, hash_token
from smartcluster.organisations.models import Organisation
from smartcluster.organisations.tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_token_is_stored_hashed_and_authenticates_the_api() -> None:
    user = make_user("analyst")
    token, raw = services.api_token_create(user=user, name="notebook")
    assert token.key_hash == hash_token(raw) and raw not in token.key_hash
    response = Client().get("/api/organisations/people/", headers={"Authorization": f"Bearer {raw}"}, secure=True)
    assert response.status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_token_page_shows_a_new_key_once_and_revokes_it() -> None:
    user = make_user("analyst")
    client = Client()
    client.force_login(user)
    created = client.post(reverse("accounts:tokens"), {"name": "laptop"}, secure=True)
    token = ApiToken.objects.get(user=user)
    raw = created.context["raw_key"]
    assert token.key_hash == hash_token(raw)
    assert raw in created.content.decode()
    assert raw not in client.get(reverse("accounts:tokens"), secure=True).content.decode()

    revoked = client.post(reverse("accounts:token_revoke", args=[token.pk]), secure=True)
    assert revoked.status_code == 302
    assert not ApiToken.objects.exists()


def test_someone_elses_token_cannot_be_revoked() -> None:
    owner, intruder = make_user("owner"), make_user("intruder")
    token, _raw = services.api_token_create(user=owner, name="owner's")
    client = Client()
    client.force_login(intruder)
    assert client.post(reverse("accounts:token_revoke", args=[token.pk]), secure=True).status_code == 404
    with pytest.raises(PermissionDenied):
        services.api_token_revoke(user=intruder, token=token)
    assert ApiToken.objects.filter(pk=token.pk).exists()


def test_only_administrators_give_memberships_and_only_once() -> None:
    organisation = Organisation.objects.create(name="Agency A", type="development_agency")
    editor, newcomer = make_user("editor"), make_user("newcomer")
    Membership.objects.create(user=editor, organisation=organisation, role=MembershipRole.PARTNER_EDITOR)
    with pytest.raises(PermissionDenied):
        services.membership_create(user=editor, member=newcomer, organisation=organisation,
                                   role=MembershipRole.ADMINISTRATOR)
    admin = make_user("admin", is_superuser=True)
    services.membership_create(user=admin, member=newcomer, organisation=organisation, role=MembershipRole.VIEWER)
    with pytest.raises(ValidationError, match="newcomer is already a member of Agency A"):
        services.membership_create(user=admin, member=newcomer, organisation=organisation,
                                   role=MembershipRole.PARTNER_EDITOR)
    assert Membership.objects.get(user=newcomer).role == MembershipRole.VIEWER
