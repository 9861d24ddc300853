"""The network itself: organisations as nodes, one undirected link per pair carrying every source it came from."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx


@dataclass(frozen=True)
class Node:
    """An organisation: its helix (business, academia …), NUTS region code ("" when unknown), and whether it is
    an SME or a research/education body (the two ends of the SME gap)."""

    id: int
    name: str
    helix: str
    region: str = ""
    is_sme: bool = False
    is_research: bool = False


@dataclass(frozen=True)
class Link:
    """An undirected link between two organisations (`a < b`) and the sources that record it."""

    a: int
    b: int
    sources: frozenset[str]


def links_merged(pairs: Iterable[tuple[int, int, str]]) -> list[Link]:
    """One link per unordered pair from (organisation, organisation, source) triples, its sources gathered;
    a pair of an organisation with itself is no link. Sorted by pair.

    >>> links_merged([(2, 1, "declared"), (1, 2, "event"), (3, 3, "event")])
    [Link(a=1, b=2, sources=frozenset({'declared', 'event'}))]
    """
    sources: dict[tuple[int, int], set[str]] = defaultdict(set)
    for first, second, source in pairs:
        if first != second:
            sources[(min(first, second), max(first, second))].add(source)
    return [Link(a, b, frozenset(found)) for (a, b), found in sorted(sources.items())]


def network_graph(nodes: Iterable[Node], links: Iterable[Link]) -> nx.Graph:
    """An undirected graph of every node (isolated ones too) and the links whose two ends are among the nodes."""
    graph = nx.Graph()
    for node in nodes:
        graph.add_node(node.id, node=node)
    graph.add_edges_from((link.a, link.b, {"sources": link.sources}) for link in links
                         if link.a in graph and link.b in graph)
    return graph
