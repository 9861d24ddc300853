"""NUTS regions of every version the platform's statistics carry, with simplified boundaries for maps."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from smartcluster.regions.choices import NutsVersion


class Region(models.Model):
    """One NUTS code in one NUTS version: the same code in two versions is two rows (boundaries may differ)."""

    code = models.CharField(_("NUTS code"), max_length=10, db_index=True)
    version = models.PositiveSmallIntegerField(_("NUTS version"), choices=NutsVersion.choices)
    level = models.PositiveSmallIntegerField(_("level"))
    country = models.CharField(_("country code"), max_length=2, db_index=True)
    name = models.CharField(_("name"), max_length=255)
    name_latn = models.CharField(_("name in Latin script"), max_length=255, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children", verbose_name=_("parent")
    )
    boundary = models.JSONField(_("boundary (GeoJSON geometry)"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=255, blank=True)

    class Meta:
        ordering = ["code", "-version"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="region_code_version_unique"),
            models.CheckConstraint(condition=models.Q(level__lte=3), name="region_level_0_to_3"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.display_name} ({self.version})"

    @property
    def display_name(self) -> str:
        return self.name_latn or self.name
