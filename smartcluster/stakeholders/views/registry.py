"""Registry pages: the partners' registries (counts by helix), a partner's list with its stakeholder map, a
stakeholder with its notes, create/edit/delete, the XLSX import (preview, then save) and export."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path

from smartcluster.organisations.choices import HelixRole
from smartcluster.stakeholders import selectors


def registry_index(request: HttpRequest) -> HttpResponse:
    """The partners whose registry the reader may read, with their stakeholders counted by helix."""
    partners = selectors.registry_partner_list(user=request.user)
    counts = selectors.stakeholder_helix_counts(partners=partners)
    empty = dict.fromkeys(HelixRole.values, 0)
    rows = [{"partner": partner, "counts": [counts.get(partner.pk, empty)[role] for role in HelixRole.values],
             "total": sum(counts.get(partner.pk, empty).values())} for partner in partners]
    return render(request, "stakeholders/registry/index.html", {"rows": rows, "helices": HelixRole.choices})


urlpatterns: list[URLPattern] = [path("registry/", registry_index, name="registry_index")]
