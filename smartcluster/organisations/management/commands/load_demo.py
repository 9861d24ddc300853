"""`manage.py load_demo`: the seed's own partnership as example data; safe to repeat, never overwrites edits."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from smartcluster.organisations.models import Organisation, OrganisationType, Partner, PartnerRole, Project
from smartcluster.regions.models import Region

SEED = "the project idea (shared/seed/project-idea.txt)"
PROJECT = {
    "name": "Innovative approach to clusters in Smart Industry 4.0",
    # The seed lists choosing the acronym among the first semester's tasks: there is none yet.
    "acronym": "(to be chosen)",
    "programme": "Interreg Europe",
    "semesters": 8,
}
# The seed only calls for "policy responsible authorities"; where it names no organisation type, that is the type.
POLICY_AUTHORITY_NOTE = "Type from the seed's call for policy responsible authorities only."
NUTS_VERSION = 2021


@dataclass(frozen=True)
class DemoPartner:
    name: str
    type: str
    region_code: str  # NUTS 2021: the most precise region the seed makes certain
    description: str


PARTNERS = [
    DemoPartner("Region of Thessaly", OrganisationType.PUBLIC_AUTHORITY, "EL61",
                "Greek partner, in charge of communication; hosts the 2nd interregional workshop."),
    DemoPartner("Business Development Agency of the Region of Murcia", OrganisationType.DEVELOPMENT_AGENCY, "ES62",
                "Spanish partner; hosts the 1st interregional event (peer review) and study visit."),
    DemoPartner("Regional management NordHessen GmbH", OrganisationType.DEVELOPMENT_AGENCY, "DE7",
                "German partner; hosts the 1st interregional workshop. North Hesse is no NUTS region of its "
                "own, so the region recorded is Hessen."),
    DemoPartner("WSX", OrganisationType.PUBLIC_AUTHORITY, "IE",
                "Irish partner; hosts the 2nd interregional event (peer review). The seed gives only the "
                f"abbreviation and the country. {POLICY_AUTHORITY_NOTE}"),
    DemoPartner("PORA Regional development agency of Koprivnica-Križevci County",
                OrganisationType.DEVELOPMENT_AGENCY, "HR063",
                "Croatian partner; hosts the 3rd interregional event (peer review) and study trip."),
    DemoPartner("Pannon EGTC", OrganisationType.PUBLIC_AUTHORITY, "HU",
                "Hungarian partner (a European grouping of territorial cooperation); hosts the 3rd "
                "interregional workshop and proposed the joint pilot action."),
    DemoPartner("Lithuanian partner (organisation not named in the project idea)", OrganisationType.PUBLIC_AUTHORITY,
                "LT", f"The seed places the kick-off meeting in Lithuania but names no organisation. "
                f"{POLICY_AUTHORITY_NOTE}"),
]
LEAD_NOTE = "The seed does not name the lead partner, so every partner's role is “partner”."


class Command(BaseCommand):
    help = "Load the seed's partnership (project, partner organisations, their regions) as demo data."

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            project = self._project()
            created = [partner for partner in PARTNERS if self._partner(project, partner)]
        self.stdout.write(
            f"Demo partnership “{project.name}”: {len(PARTNERS)} partners ({len(created)} new). {LEAD_NOTE}"
        )
        missing = [p.region_code for p in PARTNERS if not self._region(p.region_code)]
        if missing:
            self.stdout.write(f"NUTS {NUTS_VERSION} regions not loaded yet, left blank: {', '.join(missing)} "
                              "(run load_reference, then load_demo again).")

    def _project(self) -> Project:
        project = Project.objects.filter(name=PROJECT["name"]).first()
        if project is None:
            project = Project(**PROJECT)
            project.full_clean()
            project.save()
        return project

    @staticmethod
    def _region(code: str) -> Region | None:
        return Region.objects.filter(code=code, version=NUTS_VERSION).first()

    def _partner(self, project: Project, demo: DemoPartner) -> bool:
        """Create what is missing; fill a blank region once it is loaded; keep everything users changed."""
        region = self._region(demo.region_code)
        organisation = Organisation.objects.filter(name__iexact=demo.name).first()
        if organisation is None:
            organisation = Organisation(name=demo.name, type=demo.type, region=region,
                                        description=f"{demo.description} Source: {SEED}.")
            organisation.full_clean()
            organisation.save()
        elif organisation.region is None and region is not None:
            organisation.region = region
            organisation.save(update_fields=["region"])
        partner, created = Partner.objects.get_or_create(
            project=project, organisation=organisation, defaults={"role": PartnerRole.PARTNER}
        )
        if region is not None and not partner.regions.exists():
            partner.regions.add(region)
        return created
