"""Downloads of the clusters app (composed with smartcluster.reports): skills needs × offers as XLSX."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from smartcluster.clusters.selectors.skills import SkillsView
from smartcluster.reports.tables import Table, yes_no
from smartcluster.reports.workbooks import xlsx_bytes

RULES = {"esco": gettext_lazy("same ESCO URI"), "text": gettext_lazy("words of the label")}


def needs_offers_table(view: SkillsView) -> Table:
    """One row per need: its cluster, what, urgency, people, whether and how offers meet it, which."""
    columns = [_("Cluster"), _("Skill or occupation"), _("Kind"), _("ESCO URI"), _("Urgency"), _("People"),
               _("Year"), _("Met by an offer"), _("Matched on"), _("Offers")]
    rows = [[str(row.need.profile), row.need.label, row.need.get_kind_display(), row.need.esco_uri,
             row.need.get_urgency_display(), row.need.people, row.need.year, yes_no(row.matched),
             RULES[row.rule] if row.rule else "", "; ".join(offer.title for offer in row.offers)]
            for row in view.rows]
    return Table(_("Needs × offers"), columns, rows)


def offers_table(view: SkillsView) -> Table:
    columns = [_("Offer"), _("Source"), _("Provider"), _("Cluster"), _("ESCO URI"), _("Places per year"), _("Link")]
    sources = {"training": _("Training offer of a cluster"), "support": _("Support offer of the region")}
    rows = [[offer.title, sources[offer.source], offer.provider, offer.cluster, offer.esco_uri, offer.places,
             offer.url] for offer in view.offers]
    return Table(_("Offers"), columns, rows)


def needs_offers_workbook(view: SkillsView) -> bytes:
    """Needs × offers (unmatched needs first) and the offers read, one sheet each."""
    return xlsx_bytes([needs_offers_table(view), offers_table(view)])
