"""Downloads of the clusters app (composed with smartcluster.reports): registry. The workbook has the import's
sheets and columns (`services.REGISTRY_SHEETS`), so a download edited and uploaded again imports."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd
from django.http import HttpResponse

from smartcluster.clusters.models import ClusterProfile
from smartcluster.clusters.services import REGISTRY_SHEETS
from smartcluster.reports.responses import file_response
from smartcluster.reports.tables import Table
from smartcluster.reports.workbooks import csv_bytes, xlsx_bytes


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _profile_cells(profile: ClusterProfile) -> dict[str, Any]:
    return {"cluster": profile.organisation.name, "legal_form": profile.legal_form,
            "founding_year": profile.founding_year, "keeps_member_list": _yes(profile.keeps_member_list),
            "management_fte": profile.management_fte, "has_strategy": _yes(profile.has_strategy),
            "eccp_profile_url": profile.eccp_profile_url, "is_published": _yes(profile.is_published),
            "categories": "; ".join(f"{c.taxonomy}:{c.category}" for c in profile.categories.all()),
            "technology_tags": ", ".join(t.name for t in profile.organisation.technology_tags.all()),
            "regions_served": ", ".join(r.code for r in profile.regions_served.all())}


def registry_rows(profiles: Iterable[ClusterProfile]) -> dict[str, list[dict[str, Any]]]:
    """The rows of each registry sheet for these profiles, cells by field."""
    sheets: dict[str, list[dict[str, Any]]] = {name: [] for name in REGISTRY_SHEETS}
    for profile in profiles:
        name = profile.organisation.name
        sheets["Profiles"].append(_profile_cells(profile))
        sheets["Members"] += [{"cluster": name, "member": m.organisation.name, "member_type": m.member_type,
                               "year_joined": m.year_joined, "year_left": m.year_left,
                               "committed": _yes(m.committed), "uses_services": _yes(m.uses_services)}
                              for m in profile.members.select_related("organisation")]
        sheets["Services"] += [{"cluster": name, "kind": s.kind, "year": s.year, "members_served": s.members_served,
                                "description": s.description} for s in profile.services.all()]
        sheets["Labels"] += [{"cluster": name, "kind": label.kind, "level": label.level, "year": label.year,
                              "name": label.name, "expires_on": label.expires_on,
                              "certificate_url": label.certificate_url} for label in profile.labels.all()]
    return sheets


def registry_download(profiles: Iterable[ClusterProfile], *, fmt: str, sheet: str = "Profiles") -> HttpResponse:
    """The registry as an XLSX workbook of four sheets, or one sheet (`sheet`) as CSV."""
    rows = registry_rows(profiles)
    if fmt == "csv":
        columns = REGISTRY_SHEETS[sheet]
        frame = pd.DataFrame(rows[sheet], columns=list(columns)).rename(columns=columns)
        return file_response(csv_bytes(frame), name=f"cluster-registry-{sheet.lower()}", extension="csv")
    tables = [Table(name, list(columns.values()), [[row[field] for field in columns] for row in rows[name]])
              for name, columns in REGISTRY_SHEETS.items()]
    return file_response(xlsx_bytes(tables), name="cluster-registry", extension="xlsx")
