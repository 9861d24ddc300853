"""Network metrics on a hand-drawn graph of 6 organisations, against degree and betweenness computed by hand.

    1 ─ 2          1, 2: SMEs in EL641/EL642; 3: university in EL643; 4: authority in EL64;
     \\ /           5, 6: SMEs in ES62
      3 ─ 4 ─ 5
          │
          6
"""

from __future__ import annotations

import pytest

from smartcluster.networks import (
    Link,
    Node,
    links_merged,
    network_graph,
    node_metrics,
    region_key,
    region_metrics,
)
from smartcluster.networks.metrics import NodeMetrics, density

NODES = [
    Node(1, "Sme one", "business", "EL641", is_sme=True),
    Node(2, "Sme two", "business", "EL642", is_sme=True),
    Node(3, "University", "academia", "EL643", is_research=True),
    Node(4, "Authority", "government", "EL64"),
    Node(5, "Sme five", "business", "ES620", is_sme=True),
    Node(6, "Sme six", "business", "ES620", is_sme=True),
]
LINKS = links_merged([(1, 2, "declared"), (3, 1, "event"), (2, 3, "event"), (3, 4, "project"), (4, 5, "cluster"),
                      (6, 4, "cluster"), (4, 6, "b2b")])


@pytest.fixture
def graph():
    return network_graph(NODES, LINKS)


def test_degree_counts_distinct_partners_whatever_the_number_of_sources(graph):
    assert {node: metrics.degree for node, metrics in node_metrics(graph).items()} == {
        1: 2, 2: 2, 3: 3, 4: 3, 5: 1, 6: 1}


def test_betweenness_matches_the_hand_count(graph):
    # By hand: 3 lies on the only shortest path of the 2 × 3 pairs {1,2}×{4,5,6} → 6; 4 on {1,2,3}×{5,6} and
    # (5,6) → 7; the others on none. Normalised by (n−1)(n−2)/2 = 10.
    betweenness = {node: metrics.betweenness for node, metrics in node_metrics(graph).items()}
    assert betweenness == pytest.approx({1: 0.0, 2: 0.0, 3: 0.6, 4: 0.7, 5: 0.0, 6: 0.0})


def test_betweenness_splits_over_equal_shortest_paths():
    # A square 1-2-3-4-1: each pair of opposite corners has two shortest paths, one through each other corner.
    square = network_graph([Node(i, str(i), "business") for i in range(1, 5)],
                           links_merged([(1, 2, "x"), (2, 3, "x"), (3, 4, "x"), (4, 1, "x")]))
    assert node_metrics(square)[1].betweenness == pytest.approx(0.5 / 3)


def test_a_pair_named_twice_in_either_order_is_one_link_with_both_sources():
    assert [link for link in LINKS if (link.a, link.b) == (4, 6)] == [Link(4, 6, frozenset({"cluster", "b2b"}))]
    assert len(LINKS) == 6


def test_density_is_twice_the_links_over_the_possible_pairs():
    assert density(4, 4) == pytest.approx(2 / 3)
    assert density(1, 0) is None


def test_region_key_keeps_the_nuts_prefix_of_the_level():
    assert region_key("EL643") == "EL64"
    assert region_key("EL6") == ""
    assert region_key("EL643", level=1) == "EL6"


def test_region_metrics_count_only_the_links_inside_the_region(graph):
    greece, spain = region_metrics(graph)
    assert (greece.region, greece.organisations, greece.links) == ("EL64", 4, 4)
    assert greece.density == pytest.approx(2 / 3)
    assert greece.cross_helix_links == 3
    assert greece.helix_links == {("academia", "business"): 2, ("academia", "government"): 1,
                                  ("business", "business"): 1}
    assert (greece.smes, greece.smes_linked_to_research, greece.sme_research_share) == (2, 2, 1.0)
    assert (spain.region, spain.organisations, spain.links, spain.density) == ("ES62", 2, 0, 0.0)
    assert (spain.smes, spain.smes_linked_to_research, spain.isolated) == (2, 0, 0)


def test_organisations_without_a_region_are_left_out_of_the_regions():
    graph = network_graph([Node(1, "a", "business", ""), Node(2, "b", "business", "DE11")], [])
    assert [region.region for region in region_metrics(graph)] == ["DE11"]


def test_isolated_organisations_count_in_the_normaliser_only(graph):
    # Two more organisations without links: 4's 7 paths now over (8−1)(8−2)/2 = 21 pairs.
    wider = network_graph([*NODES, Node(7, "Alone", "government"), Node(8, "Apart", "academia")], LINKS)
    assert node_metrics(wider)[4].betweenness == pytest.approx(7 / 21)
    assert node_metrics(wider)[7] == NodeMetrics(7, 0, 0.0)


def test_a_sampled_estimate_is_stable_and_close_on_a_larger_graph():
    import networkx as nx

    ladder = nx.ladder_graph(60)
    graph = network_graph([Node(i, str(i), "business") for i in ladder.nodes],
                          links_merged((a, b, "x") for a, b in ladder.edges))
    exact = node_metrics(graph)
    first, again = node_metrics(graph, sources_limit=60), node_metrics(graph, sources_limit=60)
    assert first == again
    assert max(abs(first[node].betweenness - exact[node].betweenness) for node in exact) < 0.05
