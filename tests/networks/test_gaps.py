"""The gaps named per region, on hand-made regions."""

from __future__ import annotations

from smartcluster.networks import (
    Gap,
    GapKind,
    Node,
    links_merged,
    network_gaps,
    network_graph,
    region_metrics,
)


def _gaps(nodes, pairs):
    return network_gaps(region_metrics(network_graph(nodes, links_merged(pairs))))


def test_smes_of_a_region_without_a_link_to_research_are_counted():
    # EL64: 4 SMEs, one university, one authority; SME 1 linked to the university, SME 2 only to SME 3, SME 4 alone.
    nodes = [Node(i, f"SME {i}", "business", "EL641", is_sme=True) for i in range(1, 5)] + [
        Node(5, "University", "academia", "EL642", is_research=True), Node(6, "Authority", "government", "EL64")]
    gaps = _gaps(nodes, [(1, 5, "event"), (2, 3, "declared"), (5, 6, "project"), (1, 6, "project")])
    assert gaps == [
        Gap(GapKind.SME_WITHOUT_RESEARCH, "EL64", 3, 4),
        Gap(GapKind.ISOLATED, "EL64", 1, 6),
    ]


def test_a_link_to_research_outside_the_region_closes_the_sme_gap():
    nodes = [Node(1, "SME", "business", "EL641", is_sme=True), Node(2, "Lab", "academia", "DE11", is_research=True)]
    assert [gap.kind for gap in _gaps(nodes, [(1, 2, "b2b")])] == []


def test_two_helices_of_a_region_without_a_link_between_them_are_named():
    nodes = [Node(1, "Firm", "business", "HR03"), Node(2, "University", "academia", "HR03", is_research=True),
             Node(3, "Ministry", "government", "HR03")]
    gaps = _gaps(nodes, [(1, 2, "event"), (2, 3, "project")])
    assert gaps == [Gap(GapKind.HELICES_UNLINKED, "HR03", 0, 3, ("business", "government"))]
