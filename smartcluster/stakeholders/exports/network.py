"""Network workbooks (through smartcluster.reports): organisations with their metrics, links with their sources,
regional metrics and the gaps in words."""

from __future__ import annotations

from django.utils.translation import gettext as _

from smartcluster.networks import RegionMetrics
from smartcluster.organisations.choices import OrganisationType
from smartcluster.reports.tables import Table
from smartcluster.reports.workbooks import xlsx_bytes
from smartcluster.stakeholders.choices import LinkSource
from smartcluster.stakeholders.selectors import Network, network_helix_label


def _share(value: float | None) -> float | str:
    return round(value, 4) if value is not None else ""


def organisations_table(network: Network) -> Table:
    """One row per organisation, the brokers first."""
    types = dict(OrganisationType.choices)
    columns = [_("Organisation"), _("Type"), _("Helix"), _("Region"), _("Degree (organisations linked)"),
               _("Betweenness (0–1)")]
    rows = [[row.name, str(types.get(row.type, row.type)), network_helix_label(row.helix), row.region, row.degree,
             round(row.betweenness, 4)] for row in network.organisations]
    return Table(_("Organisations"), columns, rows)


def links_table(network: Network) -> Table:
    sources = dict(LinkSource.choices)
    columns = [_("Organisation"), _("Other organisation"), _("Sources")]
    rows = [[link.first_name, link.second_name, "; ".join(str(sources[source]) for source in link.sources)]
            for link in network.links]
    return Table(_("Links"), columns, rows)


def _helix_pairs(region: RegionMetrics) -> str:
    return "; ".join(f"{network_helix_label(first)} – {network_helix_label(second)}: {count}"
                     for (first, second), count in region.helix_links.items() if first != second)


def regions_table(network: Network) -> Table:
    columns = [_("Region"), _("Organisations"), _("Links inside the region"), _("Density (0–1)"),
               _("Links between helices"), _("Links by pair of helices"), _("SMEs"),
               _("SMEs linked to research or education"), _("Share of SMEs linked to research or education")]
    rows = [[region.region, region.organisations, region.links, _share(region.density), region.cross_helix_links,
             _helix_pairs(region), region.smes, region.smes_linked_to_research, _share(region.sme_research_share)]
            for region in network.regions]
    return Table(_("Regions"), columns, rows)


def network_workbook(network: Network) -> bytes:
    """Organisations, links, regions and gaps, one sheet each."""
    gaps = Table(_("Gaps"), [_("Gap")], [[sentence] for sentence in network.sentences])
    return xlsx_bytes([organisations_table(network), links_table(network), regions_table(network), gaps])
