"""Collaboration networks without Django: links merged from several sources, per-organisation metrics (degree,
betweenness: the brokers), per-region metrics (density, links between helices, SMEs linked to research) and the
gaps they reveal. Takes plain values and returns plain values, for a notebook as for the platform."""

from smartcluster.networks.gaps import Gap, GapKind, network_gaps
from smartcluster.networks.graph import Link, Node, links_merged, network_graph
from smartcluster.networks.layout import network_layout
from smartcluster.networks.metrics import NodeMetrics, RegionMetrics, node_metrics, region_key, region_metrics

__all__ = ["Gap", "GapKind", "Link", "Node", "NodeMetrics", "RegionMetrics", "links_merged", "network_gaps",
           "network_graph", "network_layout", "node_metrics", "region_key", "region_metrics"]
