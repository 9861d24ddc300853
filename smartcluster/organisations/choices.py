"""The enumerations of the organisations app, public to every app (`models.py` re-imports them)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationType(models.TextChoices):
    SME = "sme", _("SME")
    LARGE_COMPANY = "large_company", _("Large company")
    UNIVERSITY = "university", _("University")
    RESEARCH = "research", _("Research organisation")
    PUBLIC_AUTHORITY = "public_authority", _("Public authority")
    DEVELOPMENT_AGENCY = "development_agency", _("Regional development agency")
    CLUSTER = "cluster", _("Cluster organisation")
    INTERMEDIARY = "intermediary", _("Intermediary")
    NGO = "ngo", _("NGO")


class HelixRole(models.TextChoices):
    BUSINESS = "business", _("Business")
    ACADEMIA = "academia", _("Academia and research")
    GOVERNMENT = "government", _("Government")
    CIVIL_SOCIETY = "civil_society", _("Civil society")


# Quadruple helix (Etzkowitz & Leydesdorff 2000; Carayannis & Campbell 2009): cluster organisations and
# intermediaries are member-driven business-support bodies, so they sit with business.
HELIX_ROLE_BY_TYPE: dict[str, str] = {
    OrganisationType.SME: HelixRole.BUSINESS,
    OrganisationType.LARGE_COMPANY: HelixRole.BUSINESS,
    OrganisationType.CLUSTER: HelixRole.BUSINESS,
    OrganisationType.INTERMEDIARY: HelixRole.BUSINESS,
    OrganisationType.UNIVERSITY: HelixRole.ACADEMIA,
    OrganisationType.RESEARCH: HelixRole.ACADEMIA,
    OrganisationType.PUBLIC_AUTHORITY: HelixRole.GOVERNMENT,
    OrganisationType.DEVELOPMENT_AGENCY: HelixRole.GOVERNMENT,
    OrganisationType.NGO: HelixRole.CIVIL_SOCIETY,
}


class SizeClass(models.TextChoices):
    MICRO = "micro", _("Micro (1–9 persons)")
    SMALL = "small", _("Small (10–49)")
    MEDIUM = "medium", _("Medium (50–249)")
    LARGE = "large", _("Large (250+)")


class TagKind(models.TextChoices):
    TECHNOLOGY = "technology", _("Technology")
    SECTOR = "sector", _("Sector")


class PartnerRole(models.TextChoices):
    LEAD = "lead", _("Lead partner")
    PARTNER = "partner", _("Partner")
    ADVISORY = "advisory", _("Advisory partner")
