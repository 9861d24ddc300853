"""Where to draw each linked organisation: a force-directed layout, the same on every call."""

from __future__ import annotations

import networkx as nx


def network_layout(graph: nx.Graph, *, limit: int | None = None, seed: int = 7) -> dict[int, tuple[float, float]]:
    """Positions in [-1, 1]² of the nodes that have a link (isolated ones are listed, not drawn) — only the `limit`
    most linked when given, so a large network stays legible and quick — after Fruchterman & Reingold (1991) as
    networkx implements it; a fixed seed keeps the picture stable."""
    linked = sorted((node for node in graph.nodes if graph.degree(node)), key=lambda node: (-graph.degree(node), node))
    drawn = graph.subgraph(linked[:limit] if limit else linked)
    if not drawn.number_of_nodes():
        return {}
    positions = nx.spring_layout(drawn, seed=seed)
    return {node: (float(x), float(y)) for node, (x, y) in positions.items()}
