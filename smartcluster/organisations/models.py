"""Organisations and people shared by every app; the project and its partners."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from smartcluster.organisations.choices import (  # noqa: F401 - re-exported: `models.X` keeps working in the app
    HELIX_ROLE_BY_TYPE,
    HelixRole,
    OrganisationType,
    PartnerRole,
    SizeClass,
    TagKind,
)


class Tag(models.Model):
    kind = models.CharField(_("kind"), max_length=20, choices=TagKind.choices)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["kind", "name"]
        constraints = [models.UniqueConstraint(Lower("name"), "kind", name="tag_name_kind_unique_ci")]

    def __str__(self) -> str:
        return self.name


class Organisation(models.Model):
    owner_path = ""  # an organisation owns itself (see accounts.permissions)

    name = models.CharField(_("name"), max_length=255)
    type = models.CharField(_("type"), max_length=30, choices=OrganisationType.choices)
    region = models.ForeignKey(
        "regions.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="organisations",
        verbose_name=_("NUTS region"),
    )
    nace = models.ForeignKey(
        "industries.Industry", null=True, blank=True, on_delete=models.PROTECT, related_name="organisations",
        verbose_name=_("main NACE activity"),
    )
    size_class = models.CharField(_("size class"), max_length=10, choices=SizeClass.choices, blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    technology_tags = models.ManyToManyField(
        Tag, blank=True, related_name="technology_organisations", verbose_name=_("technologies"),
        limit_choices_to={"kind": TagKind.TECHNOLOGY},
    )
    sector_tags = models.ManyToManyField(
        Tag, blank=True, related_name="sector_organisations", verbose_name=_("sectors"),
        limit_choices_to={"kind": TagKind.SECTOR},
    )
    is_published = models.BooleanField(_("published"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [models.UniqueConstraint(Lower("name"), name="organisation_name_unique_ci")]

    def __str__(self) -> str:
        return self.name

    @property
    def helix_role(self) -> str:
        return HELIX_ROLE_BY_TYPE[self.type]


class Person(models.Model):
    owner_path = "organisation"

    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="people",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role or job title"), max_length=200, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="person"
    )
    consent_to_contact = models.BooleanField(_("agrees to be contacted"), default=False)
    consent_to_list = models.BooleanField(_("agrees to be listed publicly"), default=False)
    consent_date = models.DateTimeField(_("date of consent"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.name


class Project(models.Model):
    name = models.CharField(_("name"), max_length=300)
    acronym = models.CharField(_("acronym"), max_length=50, unique=True)
    programme = models.CharField(_("programme"), max_length=200, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    semesters = models.PositiveSmallIntegerField(_("number of semesters"), default=8)

    class Meta:
        ordering = ["acronym"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def __str__(self) -> str:
        return self.acronym


class Partner(models.Model):
    owner_path = "organisation"

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="partnerships")
    role = models.CharField(_("role"), max_length=20, choices=PartnerRole.choices, default=PartnerRole.PARTNER)
    regions = models.ManyToManyField("regions.Region", blank=True, related_name="partners", verbose_name=_("regions"))
    policy_instrument = models.TextField(_("policy instrument addressed"), blank=True)

    class Meta:
        ordering = ["project", "organisation__name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [
            models.UniqueConstraint(fields=["project", "organisation"], name="partner_once_per_project"),
            models.UniqueConstraint(
                fields=["project"], condition=models.Q(role="lead"), name="one_lead_partner_per_project"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.project})"
