"""Where organisations are drawn: linked ones only, the most linked first when limited, the same on every call."""

from __future__ import annotations

from smartcluster.networks import Node, links_merged, network_graph, network_layout


def test_only_linked_organisations_are_placed_and_a_limit_keeps_the_most_linked():
    graph = network_graph([Node(i, str(i), "business") for i in range(1, 6)],
                          links_merged([(1, 2, "x"), (1, 3, "x"), (1, 4, "x")]))
    assert set(network_layout(graph)) == {1, 2, 3, 4}
    assert set(network_layout(graph, limit=2)) == {1, 2}
    assert network_layout(graph) == network_layout(graph)
    assert all(-1 <= x <= 1 and -1 <= y <= 1 for x, y in network_layout(graph).values())
