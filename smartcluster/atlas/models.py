"""The regions an organisation cares about: its own region(s) and its peers, picked once, opened by every page."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Focus(models.Model):
    """One organisation's home regions and peer regions (NUTS codes of the atlas data)."""

    owner_path = "organisation"

    organisation = models.OneToOneField("organisations.Organisation", on_delete=models.CASCADE,
                                        related_name="atlas_focus", verbose_name=_("organisation"))
    regions = models.JSONField(_("home regions"), default=list)
    peers = models.JSONField(_("peer regions"), default=list)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("region focus")
        verbose_name_plural = _("region focuses")

    def __str__(self) -> str:
        return f"{self.organisation}: {', '.join(self.regions)}"
