"""Per-organisation metrics (degree, betweenness) and per-region metrics (density, links between helices, SMEs
linked to research or education)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import networkx as nx

from smartcluster.networks.graph import Node


@dataclass(frozen=True)
class NodeMetrics:
    id: int
    degree: int  # distinct organisations linked to it
    betweenness: float  # normalised to 0–1: the share of shortest paths between others that pass through it


@dataclass(frozen=True)
class RegionMetrics:
    """A region's organisations and the links among them (links leaving the region are not its own)."""

    region: str
    organisations: int
    links: int
    density: float | None  # None below two organisations
    cross_helix_links: int
    helix_links: dict[tuple[str, str], int] = field(default_factory=dict)  # (helix, helix) sorted → links
    smes: int = 0
    smes_linked_to_research: int = 0  # an SME with at least one link, anywhere, to a research/education body
    isolated: int = 0  # organisations of the region without any link
    helices: tuple[str, ...] = ()  # the helices of its organisations, sorted

    @property
    def sme_research_share(self) -> float | None:
        return self.smes_linked_to_research / self.smes if self.smes else None


def node_metrics(graph: nx.Graph, *, sources_limit: int | None = None, seed: int = 7) -> dict[int, NodeMetrics]:
    """Degree and normalised betweenness of every node of `network_graph`'s graph: exact, or estimated from
    `sources_limit` sampled source organisations when more are linked (Brandes & Pich 2007), same seed same answer.

    Betweenness after Freeman (1977), "A set of measures of centrality based on betweenness", Sociometry 40(1):
    the sum over pairs s≠t≠v of σ_st(v)/σ_st, divided by (n−1)(n−2)/2 in an undirected graph of n nodes.
    """
    # Isolates lie on no path; a copy, not a view: betweenness walks neighbours often and views filter each time.
    linked = graph.subgraph([node for node in graph.nodes if graph.degree(node)]).copy()
    sample = sources_limit if sources_limit and linked.number_of_nodes() > sources_limit else None
    raw = nx.betweenness_centrality(linked, k=sample, normalized=False, seed=seed)
    n = graph.number_of_nodes()
    scale = 2 / ((n - 1) * (n - 2)) if n > 2 else 0.0  # Freeman's normaliser over every organisation shown
    return {node: NodeMetrics(node, graph.degree(node), raw.get(node, 0.0) * scale) for node in graph.nodes}


def density(organisations: int, links: int) -> float | None:
    """Share of the possible links that exist; None below two organisations."""
    # Density of an undirected graph: 2m / (n(n−1)) (Wasserman & Faust 1994, §4.2).
    return 2 * links / (organisations * (organisations - 1)) if organisations > 1 else None


def region_key(code: str, level: int = 2) -> str:
    """The NUTS region of `level` containing a region code: codes nest by prefix (EL6 ⊃ EL64 ⊃ EL643); "" when
    unknown or coarser than the level asked."""
    length = 2 + level
    return code[:length] if len(code) >= length else ""


def _node(graph: nx.Graph, node_id: int) -> Node:
    return graph.nodes[node_id]["node"]


def _linked_to_research(graph: nx.Graph, node_id: int) -> bool:
    return any(_node(graph, other).is_research for other in graph.neighbors(node_id))


def _region_of(graph: nx.Graph, members: list[int], region: str) -> RegionMetrics:
    inside = graph.subgraph(members)
    pairs = Counter(tuple(sorted((_node(graph, a).helix, _node(graph, b).helix))) for a, b in inside.edges)
    smes = [node for node in members if _node(graph, node).is_sme]
    return RegionMetrics(
        region=region, organisations=len(members), links=inside.number_of_edges(),
        density=density(len(members), inside.number_of_edges()),
        cross_helix_links=sum(count for (first, second), count in pairs.items() if first != second),
        helix_links=dict(sorted(pairs.items())), smes=len(smes),
        smes_linked_to_research=sum(_linked_to_research(graph, node) for node in smes),
        isolated=sum(graph.degree(node) == 0 for node in members),
        helices=tuple(sorted({_node(graph, node).helix for node in members})))


def region_metrics(graph: nx.Graph, level: int = 2) -> list[RegionMetrics]:
    """Metrics of every NUTS region of `level` holding organisations of the graph, by region code (organisations
    without a region are left out)."""
    members: dict[str, list[int]] = {}
    for node_id in graph.nodes:
        key = region_key(_node(graph, node_id).region, level)
        if key:
            members.setdefault(key, []).append(node_id)
    return [_region_of(graph, ids, region) for region, ids in sorted(members.items())]
