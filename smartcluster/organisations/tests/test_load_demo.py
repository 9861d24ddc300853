"""`load_demo`: the seed's partnership, loaded once however often it runs, inventing nothing."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from smartcluster.organisations.models import Organisation, Partner, PartnerRole, Project
from smartcluster.regions.models import Region

pytestmark = pytest.mark.django_db
PROJECT_NAME = "Innovative approach to clusters in Smart Industry 4.0"


def counts() -> tuple[int, int, int, int]:
    return (Project.objects.count(), Organisation.objects.count(), Partner.objects.count(),
            Partner.regions.through.objects.count())


def test_load_demo_twice_gives_the_same_records() -> None:
    call_command("load_demo", stdout=StringIO())
    first = counts()
    call_command("load_demo", stdout=StringIO())
    assert counts() == first == (1, 7, 7, 0)


def test_demo_is_the_seeds_partnership_with_unnamed_things_left_unnamed() -> None:
    output = StringIO()
    call_command("load_demo", stdout=output)
    project = Project.objects.get(name=PROJECT_NAME)
    assert (project.programme, project.semesters, project.start_date) == ("Interreg Europe", 8, None)
    names = set(project.partners.values_list("organisation__name", flat=True))
    assert {"Region of Thessaly", "Business Development Agency of the Region of Murcia",
            "Regional management NordHessen GmbH", "WSX", "Pannon EGTC",
            "PORA Regional development agency of Koprivnica-Križevci County"} < names
    lithuanian = Organisation.objects.get(name__startswith="Lithuanian partner")
    assert "not named" in lithuanian.name
    # The seed names no lead partner: nobody is made one.
    assert set(project.partners.values_list("role", flat=True)) == {PartnerRole.PARTNER}
    assert "does not name the lead partner" in output.getvalue()


def test_regions_are_set_once_their_nuts_rows_exist_and_user_edits_are_kept() -> None:
    call_command("load_demo", stdout=StringIO())
    assert Organisation.objects.get(name="Region of Thessaly").region is None
    Organisation.objects.filter(name="WSX").update(description="Edited by the Irish partner.")
    thessalia = Region.objects.create(code="EL61", version=2021, level=2, country="EL", name="Θεσσαλία",
                                      name_latn="Thessalia")
    Region.objects.create(code="EL61", version=2016, level=2, country="EL", name="Θεσσαλία")

    call_command("load_demo", stdout=StringIO())

    thessaly = Organisation.objects.get(name="Region of Thessaly")
    assert thessaly.region == thessalia
    assert list(Partner.objects.get(organisation=thessaly).regions.all()) == [thessalia]
    assert Organisation.objects.get(name="Business Development Agency of the Region of Murcia").region is None
    assert Organisation.objects.get(name="WSX").description == "Edited by the Irish partner."
