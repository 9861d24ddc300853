"""NACE Rev. 2: sections, divisions, groups and classes with names and parents."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from smartcluster.industries.choices import NaceLevel


class Industry(models.Model):
    """One NACE Rev. 2 item. `code` is the official notation (`C`, `10`, `10.1`, `10.11`); `eurostat_code` is how
    Eurostat datasets write it (`C`, `C10`, `C101`, `C1011`)."""

    code = models.CharField(_("NACE code"), max_length=8, unique=True)
    eurostat_code = models.CharField(_("Eurostat code"), max_length=8, unique=True)
    level = models.PositiveSmallIntegerField(_("level"), choices=NaceLevel.choices)
    section = models.CharField(_("section"), max_length=1, db_index=True)
    name = models.CharField(_("name"), max_length=400)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children", verbose_name=_("parent")
    )
    includes = models.TextField(_("includes"), blank=True)
    excludes = models.TextField(_("excludes"), blank=True)

    class Meta:
        ordering = ["eurostat_code"]
        verbose_name = _("industry")
        verbose_name_plural = _("industries")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"
