"""Regions an organisation cares about: picked once by an editor, the mapping pages open on them; others may not
change them."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from smartcluster.accounts.models import Membership, MembershipRole
from smartcluster.atlas.models import Focus
from smartcluster.organisations.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client: object) -> object:
    user = get_user_model().objects.create_user("editor", password="pw")
    organisation = Organisation.objects.create(name="Thessaly Region", type=Organisation._meta.get_field(
        "type").choices[0][0])
    Membership.objects.create(user=user, organisation=organisation, role=MembershipRole.PARTNER_EDITOR)
    client.force_login(user)
    return client


def test_an_editor_picks_regions_once_and_the_pages_open_on_them(editor: object, sbs_store: object,
                                                                 loaded_reference: dict) -> None:
    response = editor.post(reverse("atlas:focus"), {"regions": "el61", "peers": "LT00, ES30"})
    assert response.status_code == 302
    focus = Focus.objects.get()
    assert (focus.regions, focus.peers) == (["EL61"], ["LT00", "ES30"])
    landing = editor.get(reverse("atlas:home"))
    assert landing.status_code == 302 and landing["Location"] == reverse("atlas:region", args=["EL61"])
    compare = editor.get(reverse("atlas:compare"), {"year": 2014}).content.decode()
    assert 'value="EL61,LT00,ES30"' in compare and "data-table=\"compare\"" in compare
    profile = editor.get(reverse("atlas:region", args=["EL61"]), {"year": 2014}).content.decode()
    peers = profile.split('data-table="peers_partners"', 1)[1].split("</table>", 1)[0]
    assert all(code in peers for code in ("EL61", "LT00", "ES30"))


def test_unknown_codes_are_refused_by_name_and_nothing_is_saved(editor: object) -> None:
    response = editor.post(reverse("atlas:focus"), {"regions": "EL61", "peers": "XX99, LT00"})
    assert response.status_code == 200 and "Unknown NUTS code(s): XX99" in response.content.decode()
    assert not Focus.objects.exists()


def test_a_viewer_may_not_change_the_regions(client: object) -> None:
    user = get_user_model().objects.create_user("viewer", password="pw")
    organisation = Organisation.objects.create(name="Some Cluster", type=Organisation._meta.get_field(
        "type").choices[0][0])
    Membership.objects.create(user=user, organisation=organisation, role=MembershipRole.VIEWER)
    client.force_login(user)
    assert client.post(reverse("atlas:focus"), {"regions": "EL61", "peers": ""}).status_code == 403
    assert not Focus.objects.exists()


def test_the_category_profile_exports_docx_with_its_tables(client: object, sbs_store: object,
                                                          loaded_reference: dict) -> None:
    from docx import Document

    response = client.get(reverse("atlas:category", args=["13"]), {"year": 2014, "format": "docx"})
    document = Document(io.BytesIO(response.content))
    assert len(document.tables) == 3 and "regions on the map" in document.paragraphs[1].text
