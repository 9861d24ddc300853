"""Where to draw each linked organisation: a force-directed layout, the same on every call."""

from __future__ import annotations

import networkx as nx


def network_layout(graph: nx.Graph, seed: int = 7) -> dict[int, tuple[float, float]]:
    """Positions in [-1, 1]² of the nodes that have a link (isolated ones are listed, not drawn), after
    Fruchterman & Reingold (1991) as networkx implements it; a fixed seed keeps the picture stable."""
    linked = graph.subgraph([node for node in graph.nodes if graph.degree(node)])
    if not linked.number_of_nodes():
        return {}
    positions = nx.spring_layout(linked, seed=seed)
    return {node: (float(x), float(y)) for node, (x, y) in positions.items()}
