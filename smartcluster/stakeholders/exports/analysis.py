"""Analysis documents (through smartcluster.reports): the cross-partner synthesis report as DOCX, for the
interregional events (counts and pseudonymised quotes with consent only, whoever downloads it)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from smartcluster.reports.charts import figure_pngs
from smartcluster.reports.documents import WordDocument
from smartcluster.reports.tables import Table
from smartcluster.stakeholders.selectors.analysis import analysis_rule

CHART_WIDTH_CM = 16


def synthesis_docx(*, project: Any, codebook: Any, synthesis: dict[str, Any]) -> bytes:
    """The synthesis: per theme group, the themes ranked by interviews with their spread across partners and
    helices, the heat map as an image where the server can draw it, and the selected quotes."""
    document = WordDocument(_("Cross-partner synthesis: %(project)s") % {"project": project.acronym})
    document.paragraph(_("%(interviews)s interviews of %(partners)s partners, coded with %(codebook)s.") % {
        "interviews": synthesis["interviews"], "partners": len(synthesis["partners"]), "codebook": codebook})
    document.paragraph(analysis_rule())
    images = figure_pngs([synthesis["maps"]["helix"].figure()])
    if images:
        document.image(images[0], width_cm=CHART_WIDTH_CM)
    else:
        document.paragraph(_("The heat map was left out: the server could not draw it. The tables hold the same "
                             "numbers."))
    helices = [label for _key, label in synthesis["helices"]]
    partners = [label for _key, label in synthesis["partners"]]
    for _group, label, themes in synthesis["groups"]:
        document.table(Table(label, [_("Theme"), _("Interviews"), _("Answers"),
                                     _("Partners (of %(count)s)") % {"count": len(partners)}, *helices],
                             [[line.theme.name, line.interviews, line.answers, line.partners, *line.by_helix]
                              for line in themes]))
        document.table(Table(_("%(group)s: interviews per partner") % {"group": label}, [_("Theme"), *partners],
                             [[line.theme.name, *line.by_partner] for line in themes]))
        quoted = [line for line in themes if line.quotes]
        if quoted:
            document.heading(_("%(group)s: quotes") % {"group": label}, level=2)
        for line in quoted:
            document.paragraph(line.theme.name)
            for quote in line.quotes:
                document.bullet(f"“{quote.text}” — {quote.attribution}")
    return document.to_bytes()
