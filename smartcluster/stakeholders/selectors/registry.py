"""Registry reads: the partners whose registry the user may read, a partner's stakeholders (filtered), one
stakeholder, its notes (the owning partner only), the stakeholder map's points and the topic suggestions."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from smartcluster.accounts.permissions import can_view, editable_queryset, is_administrator, visible_queryset
from smartcluster.accounts.selectors import membership_organisation_ids
from smartcluster.organisations.choices import HELIX_ROLE_BY_TYPE, HelixRole
from smartcluster.organisations.selectors import partner_list
from smartcluster.stakeholders.models import Stakeholder, StakeholderNote, Theme

__all__ = ["SCALE", "helix_of", "registry_partner_get", "registry_partner_list", "registry_partner_rows",
           "stakeholder_editable", "stakeholder_get", "stakeholder_helix_counts", "stakeholder_list",
           "stakeholder_map_grid", "stakeholder_map_points", "stakeholder_note_editable", "stakeholder_note_list",
           "stakeholder_note_reader", "stakeholder_queryset", "stakeholder_registered_between", "stakeholder_topic_suggestions"]

SCALE = range(1, 6)  # the classic stakeholder map's 1–5 interest and influence
JITTER_RADIUS = 0.2  # a fifth of a step: spread points stay nearer their own cell than any other


def helix_of(organisation_type: str) -> str:
    """The helix of an organisation type (the platform's one rule: organisations.choices.HELIX_ROLE_BY_TYPE)."""
    return HELIX_ROLE_BY_TYPE.get(organisation_type, "")


def registry_partner_list(*, user: Any) -> QuerySet[Any]:
    """The partners whose registry the user may read: every partner of a project one of the user's organisations
    is a partner of (administrators: all)."""
    partners = partner_list(user=user).order_by("project__acronym", "organisation__name")
    if is_administrator(user):
        return partners
    if not getattr(user, "is_authenticated", False):
        return partners.none()
    projects = partners.filter(organisation__in=membership_organisation_ids(user=user)).values("project_id")
    return partners.filter(project_id__in=projects)


def registry_partner_get(*, user: Any, partner_id: int) -> Any:
    """One partner whose registry the user may read (404 otherwise)."""
    return get_object_or_404(registry_partner_list(user=user), pk=partner_id)


def stakeholder_helix_counts(*, partners: QuerySet[Any]) -> dict[int, dict[str, int]]:
    """Per partner id, its stakeholders counted by helix (every helix present, zero when none)."""
    counts: dict[int, Counter[str]] = {}
    rows = Stakeholder.objects.filter(partner__in=partners).values_list("partner_id", "organisation__type")
    for partner_id, organisation_type in rows:
        counts.setdefault(partner_id, Counter())[helix_of(organisation_type)] += 1
    return {partner_id: {role: found[role] for role in HelixRole.values} for partner_id, found in counts.items()}


def registry_partner_rows(*, user: Any) -> list[dict[str, Any]]:
    """The registries the user may read: each partner with its stakeholders by helix (every helix) and in all."""
    partners = registry_partner_list(user=user)
    counts = stakeholder_helix_counts(partners=partners)
    empty = dict.fromkeys(HelixRole.values, 0)
    return [{"partner": partner, "counts": counts.get(partner.pk, empty),
             "total": sum(counts.get(partner.pk, empty).values())} for partner in partners]


def stakeholder_queryset() -> QuerySet[Stakeholder]:
    """Every stakeholder with what its pages show, for the callers that filter by rights themselves."""
    return Stakeholder.objects.select_related("partner__project", "partner__organisation", "organisation",
                                              "organisation__region", "person", "partner_contact")


def stakeholder_registered_between(*, project: Any, first: dt.datetime, after: dt.datetime,
                                   partner: Any = None) -> QuerySet[Stakeholder]:
    """The stakeholders the project's partners (or one partner) entered in their registries from `first` until
    before `after` (by when they were recorded)."""
    stakeholders = Stakeholder.objects.filter(partner__project=project, created_at__gte=first, created_at__lt=after)
    return stakeholders.filter(partner=partner) if partner is not None else stakeholders


def stakeholder_list(*, user: Any, partner: Any | None = None, helix: str | None = None,
                     organisation_type: str | None = None, topic: str | None = None,
                     interest_min: int | None = None, influence_min: int | None = None,
                     search: str | None = None) -> QuerySet[Stakeholder]:
    """The stakeholders the user may read (a partner's, when given), narrowed by helix, organisation type, topic
    (ignoring case) and minimum interest and influence."""
    queryset = visible_queryset(user, stakeholder_queryset())
    if partner is not None:
        queryset = queryset.filter(partner=partner)
    if helix:
        queryset = queryset.filter(organisation__type__in=[kind for kind, role in HELIX_ROLE_BY_TYPE.items()
                                                           if role == helix])
    if organisation_type:
        queryset = queryset.filter(organisation__type=organisation_type)
    if interest_min:
        queryset = queryset.filter(interest__gte=interest_min)
    if influence_min:
        queryset = queryset.filter(influence__gte=influence_min)
    if search:
        queryset = queryset.filter(Q(organisation__name__icontains=search) | Q(person__name__icontains=search))
    if topic:
        # topics is a JSON list: filtered in Python so SQLite and PostgreSQL agree on matching ignoring case
        wanted = topic.strip().casefold()
        ids = [pk for pk, topics in queryset.values_list("pk", "topics")
               if any(str(item).casefold() == wanted for item in topics or [])]
        queryset = queryset.filter(pk__in=ids)
    return queryset


def stakeholder_get(*, user: Any, stakeholder_id: int) -> Stakeholder:
    """One stakeholder the user may read (404 otherwise: outsiders do not learn it exists)."""
    stakeholder = get_object_or_404(stakeholder_queryset(), pk=stakeholder_id)
    if not can_view(user, stakeholder):
        raise Http404
    return stakeholder


def stakeholder_editable(*, user: Any, stakeholder_id: int) -> Stakeholder:
    """One stakeholder the user may change (404 otherwise)."""
    return get_object_or_404(editable_queryset(user, stakeholder_queryset()), pk=stakeholder_id)


def stakeholder_note_list(*, user: Any, stakeholder: Stakeholder) -> QuerySet[StakeholderNote]:
    """A stakeholder's notes the user may read: the owning partner's members and administrators only."""
    notes = StakeholderNote.objects.filter(stakeholder=stakeholder).select_related("author")
    return visible_queryset(user, notes)


def stakeholder_note_reader(*, user: Any, stakeholder: Stakeholder) -> bool:
    """Whether the user reads the stakeholder's notes: a member of its partner, or an administrator."""
    if is_administrator(user):
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    return membership_organisation_ids(user=user).filter(organisation_id=stakeholder.partner.organisation_id).exists()


def stakeholder_note_editable(*, user: Any, note_id: int) -> StakeholderNote:
    """One note the user may change: the owning partner's editors and administrators (404 otherwise)."""
    return get_object_or_404(editable_queryset(user, StakeholderNote.objects.select_related("stakeholder")),
                             pk=note_id)


def stakeholder_map_points(stakeholders: Iterable[Stakeholder]) -> list[dict[str, Any]]:
    """The stakeholder map's points (organisation, helix, interest, influence) with their drawn place: points
    sharing a cell are spread evenly on a small circle around it, so none hides another (the same every time)."""
    points = [{"id": item.pk, "name": item.organisation.name, "helix": helix_of(item.organisation.type),
               "interest": item.interest, "influence": item.influence} for item in stakeholders]
    cells: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for point in points:
        cells.setdefault((point["interest"], point["influence"]), []).append(point)
    for (interest, influence), shared in cells.items():
        for number, point in enumerate(shared):
            angle = 2 * math.pi * number / len(shared)
            radius = JITTER_RADIUS if len(shared) > 1 else 0.0
            point["x"] = round(interest + radius * math.cos(angle), 3)
            point["y"] = round(influence + radius * math.sin(angle), 3)
    return points


def stakeholder_map_grid(stakeholders: Iterable[Stakeholder]) -> list[dict[str, Any]]:
    """The map as a table: one row per influence (5 to 1), one cell per interest (1 to 5) naming its stakeholders."""
    names: dict[tuple[int, int], list[str]] = {}
    for item in stakeholders:
        names.setdefault((item.interest, item.influence), []).append(item.organisation.name)
    return [{"influence": influence, "cells": [names.get((interest, influence), []) for interest in SCALE]}
            for influence in reversed(SCALE)]


def stakeholder_topic_suggestions() -> list[str]:
    """Topic suggestions: the names of the codebooks' themes (each name once, in codebook order)."""
    return list(dict.fromkeys(Theme.objects.order_by("codebook__name", "-codebook__version", "position")
                              .values_list("name", flat=True)))
