"""The gaps a region's metrics reveal, as plain records the platform words (one sentence per gap)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from smartcluster.networks.metrics import RegionMetrics


class GapKind(StrEnum):
    SME_WITHOUT_RESEARCH = "sme_without_research"  # SMEs with no link to research or education
    ISOLATED = "isolated"  # organisations with no link at all
    HELICES_UNLINKED = "helices_unlinked"  # two helices present in the region with no link between them


@dataclass(frozen=True)
class Gap:
    kind: GapKind
    region: str
    count: int  # the organisations concerned (0 for unlinked helices)
    total: int  # out of how many (SMEs, organisations of the region)
    helices: tuple[str, str] | None = None


def _unlinked_helices(region: RegionMetrics) -> list[Gap]:
    present = region.helices
    return [Gap(GapKind.HELICES_UNLINKED, region.region, 0, region.organisations, (first, second))
            for index, first in enumerate(present) for second in present[index + 1:]
            if not region.helix_links.get((first, second))]


def network_gaps(regions: Iterable[RegionMetrics]) -> list[Gap]:
    """Per region: SMEs without a link to research or education, organisations without any link, and pairs of
    helices present in the region with no link between them inside it; in region order."""
    gaps: list[Gap] = []
    for region in regions:
        unlinked_smes = region.smes - region.smes_linked_to_research
        if unlinked_smes:
            gaps.append(Gap(GapKind.SME_WITHOUT_RESEARCH, region.region, unlinked_smes, region.smes))
        if region.isolated:
            gaps.append(Gap(GapKind.ISOLATED, region.region, region.isolated, region.organisations))
        gaps.extend(_unlinked_helices(region))
    return gaps
