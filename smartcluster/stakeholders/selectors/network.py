"""Network reads: the collaboration network of the organisations a user may read, from the platform's own records
(cluster membership, project partnership, event co-attendance, B2B meetings held, declared collaborations), its
metrics and gaps (`smartcluster.networks`), and the declared collaborations themselves.

Privacy: every source is read through its own app's reader rules, so a link appears only to a user who may read
the record behind it — an internal event's co-attendance only to that project's partners, a B2B meeting only to its
two sides, the event's organisers and administrators, a cluster's member list only where the profile is readable —
and only between organisations the user may read (an unpublished organisation is never named to outsiders).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from smartcluster import networks
from smartcluster.accounts.permissions import editable_queryset, is_administrator
from smartcluster.clusters.selectors import cluster_current_members, cluster_profile_list
from smartcluster.events.selectors import attending_organisations
from smartcluster.matchmaking.selectors import meeting_held_organisation_pairs
from smartcluster.organisations.choices import HELIX_ROLE_BY_TYPE, HelixRole, OrganisationType
from smartcluster.organisations.selectors import organisation_editable_list, organisation_list, partner_list
from smartcluster.stakeholders.choices import LinkSource
from smartcluster.stakeholders.models import Collaboration

__all__ = ["DRAWN_ORGANISATIONS", "EXACT_BETWEENNESS_UP_TO", "NETWORK_LEVELS", "Network", "NetworkLink", "NetworkOrganisation", "collaboration_count_by_year", "collaboration_get",
           "collaboration_list", "collaboration_partner_choices", "network_gap_sentences", "network_get", "network_helix_label", "network_gap_sentence"]

NETWORK_LEVELS = (1, 2, 3)  # NUTS levels the regional metrics can be grouped at
# Beyond these, betweenness is estimated from sampled sources and only the most linked organisations are drawn:
# measured on two loaded cores, 500 linked organisations with 1,500 links take about 2 s (2,000 with 6,000: 9 s),
# and a drawing of more nodes is no longer legible.
EXACT_BETWEENNESS_UP_TO = 200
DRAWN_ORGANISATIONS = 300
RESEARCH_TYPES = {OrganisationType.UNIVERSITY, OrganisationType.RESEARCH}  # "research or education"


# --- declared collaborations --------------------------------------------------------------------------------------


def collaboration_list(*, user: Any, organisation: int | None = None, partner: int | None = None,
                       kind: str = "") -> QuerySet[Collaboration]:
    """Declared collaborations the user may read: both organisations readable by the user, or declared by a
    partner the user edits for (public records otherwise); narrowed by an organisation, the declaring partner or
    the kind."""
    readable = organisation_list(user=user).values("pk")
    queryset = Collaboration.objects.select_related("first", "second", "declared_by__organisation",
                                                    "declared_by__project")
    own = editable_queryset(user, Collaboration.objects.all()).values("pk")
    queryset = queryset.filter((Q(first__in=readable) & Q(second__in=readable)) | Q(pk__in=own))
    if organisation is not None:
        queryset = queryset.filter(Q(first_id=organisation) | Q(second_id=organisation))
    if partner is not None:
        queryset = queryset.filter(declared_by_id=partner)
    if kind:
        queryset = queryset.filter(kind=kind)
    return queryset.order_by("first__name", "second__name", "kind", "pk")


def collaboration_count_by_year(*, region_code: str) -> list[tuple[int, int]]:
    """Declared collaborations begun each year between two organisations of the NUTS region (or regions within it),
    in year order. A link's year is the year it began (`since_year`) when declared, else the year it was recorded.
    Only counts leave this function, never an organisation's name."""
    links = Collaboration.objects.filter(first__region__code__startswith=region_code,
                                         second__region__code__startswith=region_code)
    counts = Counter(link.since_year or timezone.localtime(link.created_at).year
                     for link in links.only("since_year", "created_at"))
    return sorted(counts.items())


def collaboration_get(*, user: Any, pk: int) -> Collaboration:
    """One declared collaboration the user may read (404 otherwise)."""
    return get_object_or_404(collaboration_list(user=user), pk=pk)


def collaboration_partner_choices(*, user: Any) -> QuerySet[Any]:
    """The partners the user may declare collaborations for (those whose organisation the user edits; every
    partner for administrators)."""
    partners = partner_list(user=user)
    if is_administrator(user):
        return partners
    return partners.filter(organisation__in=organisation_editable_list(user=user).values("pk"))


# --- the network --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NetworkOrganisation:
    """An organisation of the network with its metrics."""

    id: int
    name: str
    type: str
    helix: str
    region: str
    degree: int
    betweenness: float

    @property
    def helix_label(self) -> str:
        return network_helix_label(self.helix)


@dataclass(frozen=True)
class NetworkLink:
    """A link between two organisations (`first < second` by id) and the sources recording it."""

    first: int
    second: int
    first_name: str
    second_name: str
    sources: tuple[str, ...]


@dataclass
class Network:
    """The network as a user sees it under the filters: organisations (brokers first), links, regional metrics,
    gaps and their sentences, and where the linked organisations are drawn."""

    organisations: list[NetworkOrganisation]
    links: list[NetworkLink]
    regions: list[networks.RegionMetrics]
    gaps: list[networks.Gap]
    sentences: list[str]
    positions: dict[int, tuple[float, float]] = field(default_factory=dict)

    @property
    def betweenness_estimated(self) -> bool:
        """Was betweenness estimated from sampled sources (more linked organisations than computed exactly)?"""
        return sum(row.degree > 0 for row in self.organisations) > EXACT_BETWEENNESS_UP_TO

    @property
    def brokers(self) -> list[NetworkOrganisation]:
        """The organisations that lie on shortest paths between others, most first."""
        return [organisation for organisation in self.organisations if organisation.betweenness > 0]


def _cluster_pairs(user: Any) -> Iterator[tuple[int, int, str]]:
    """A cluster organisation and each of its current members (profiles the user may read that keep a list)."""
    year = timezone.now().year
    for profile in cluster_profile_list(user=user).filter(keeps_member_list=True):
        for member in cluster_current_members(profile, year).values_list("organisation_id", flat=True):
            yield profile.organisation_id, member, LinkSource.CLUSTER_MEMBERSHIP


def _group_pairs(groups: Iterable[Collection[int]], source: str) -> Iterator[tuple[int, int, str]]:
    """Every pair of organisations within each group (a project's partners, an event's attendees)."""
    for group in groups:
        for first, second in combinations(sorted(set(group)), 2):
            yield first, second, source


def _project_groups(user: Any) -> list[set[int]]:
    projects: dict[int, set[int]] = {}
    for project, organisation in partner_list(user=user).values_list("project_id", "organisation_id"):
        projects.setdefault(project, set()).add(organisation)
    return list(projects.values())


def _link_triples(user: Any, sources: Collection[str]) -> Iterator[tuple[int, int, str]]:
    """(organisation, organisation, source) of every record the user may read, for the sources asked."""
    if LinkSource.CLUSTER_MEMBERSHIP in sources:
        yield from _cluster_pairs(user)
    if LinkSource.PROJECT_PARTNERSHIP in sources:
        yield from _group_pairs(_project_groups(user), LinkSource.PROJECT_PARTNERSHIP)
    if LinkSource.EVENT_CO_ATTENDANCE in sources:
        yield from _group_pairs(attending_organisations(user=user).values(), LinkSource.EVENT_CO_ATTENDANCE)
    if LinkSource.B2B_MEETING in sources:
        yield from ((a, b, LinkSource.B2B_MEETING) for a, b in meeting_held_organisation_pairs(user=user))
    if LinkSource.DECLARED in sources:
        pairs = collaboration_list(user=user).values_list("first_id", "second_id")
        yield from ((a, b, LinkSource.DECLARED) for a, b in pairs)


def _node(organisation: Any) -> networks.Node:
    return networks.Node(
        id=organisation.pk, name=organisation.name, helix=HELIX_ROLE_BY_TYPE.get(organisation.type, ""),
        region=organisation.region.code if organisation.region_id else "",
        is_sme=organisation.type == OrganisationType.SME, is_research=organisation.type in RESEARCH_TYPES)


def network_helix_label(helix: str) -> str:
    """The helix in words ("Unknown" for an organisation without a type of the helix rule)."""
    return str(dict(HelixRole.choices).get(helix, _("Unknown")))


def network_gap_sentence(gap: networks.Gap) -> str:
    """One gap in words, translated with plurals: the one wording of a gap for page, API and export."""
    values = {"count": gap.count, "total": gap.total, "region": gap.region}
    if gap.kind is networks.GapKind.SME_WITHOUT_RESEARCH:
        return ngettext("%(count)d of %(total)d SMEs in %(region)s has no link to research or education.",
                        "%(count)d of %(total)d SMEs in %(region)s have no link to research or education.",
                        gap.count) % values
    if gap.kind is networks.GapKind.ISOLATED:
        return ngettext("%(count)d of %(total)d organisations in %(region)s has no link at all.",
                        "%(count)d of %(total)d organisations in %(region)s have no link at all.",
                        gap.count) % values
    first, second = gap.helices or ("", "")
    return _("In %(region)s, no organisation of “%(first)s” is linked to one of “%(second)s”.") % {
        "region": gap.region, "first": network_helix_label(first), "second": network_helix_label(second)}


def network_gap_sentences(gaps: Iterable[networks.Gap]) -> list[str]:
    """Every gap in words, in the order given (region by region)."""
    return [network_gap_sentence(gap) for gap in gaps]


def _organisations(user: Any, region: str, helix: str) -> list[Any]:
    return list(organisation_list(user=user, region=region.strip() or None, helix_role=helix or None)
                .order_by("name", "pk"))


def _links(graph: Any, names: dict[int, str]) -> list[NetworkLink]:
    pairs = sorted((min(a, b), max(a, b), data["sources"]) for a, b, data in graph.edges(data=True))
    return [NetworkLink(a, b, names[a], names[b], tuple(sorted(sources))) for a, b, sources in pairs]


def network_get(*, user: Any, region: str = "", sources: Collection[str] = (), helix: str = "",
                level: int = 2, layout: bool = True) -> Network:
    """The network of the organisations the user may read, narrowed to a region (NUTS prefix) and a helix, built
    from the sources asked (all when none), with metrics per organisation and per NUTS region of `level`."""
    organisations = _organisations(user, region, helix)
    nodes = [_node(organisation) for organisation in organisations]
    graph = networks.network_graph(nodes, networks.links_merged(
        _link_triples(user, set(sources) or set(LinkSource.values))))
    metrics = networks.node_metrics(graph, sources_limit=EXACT_BETWEENNESS_UP_TO)
    rows = [NetworkOrganisation(node.id, node.name, organisation.type, node.helix, node.region,
                                metrics[node.id].degree, metrics[node.id].betweenness)
            for node, organisation in zip(nodes, organisations, strict=True)]
    rows.sort(key=lambda row: (-row.betweenness, -row.degree, row.name))
    links = _links(graph, {node.id: node.name for node in nodes})
    regions = networks.region_metrics(graph, level=level)
    gaps = networks.network_gaps(regions)
    return Network(rows, links, regions, gaps, network_gap_sentences(gaps),
                   networks.network_layout(graph, limit=DRAWN_ORGANISATIONS) if layout else {})
