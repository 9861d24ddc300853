"""Registry workbooks (through smartcluster.reports): a partner's registry as the import reads it, so a downloaded
list imports again unchanged."""

from __future__ import annotations

from collections.abc import Iterable

from smartcluster.organisations.choices import HelixRole
from smartcluster.reports.tables import Table
from smartcluster.reports.workbooks import xlsx_bytes
from smartcluster.stakeholders.models import Stakeholder
from smartcluster.stakeholders.selectors import helix_of
from smartcluster.stakeholders.services import IMPORT_COLUMNS, IMPORT_SHEET

# Beside the import's columns (fixed English words, read back by the import in any language) the workbook adds
# what the registry derives, in the same fixed words.
EXTRA_COLUMNS = ("helix", "partner's contact")


def registry_table(stakeholders: Iterable[Stakeholder]) -> Table:
    """The stakeholders as one sheet: the import's columns, then helix and the partner's contact person."""
    helices = dict(HelixRole.choices)
    rows = [[item.organisation.name, item.organisation.type, item.organisation.website,
             item.organisation.region.code if item.organisation.region else "",
             item.person.name if item.person else "", item.person.email if item.person else "",
             item.interest, item.influence, "; ".join(item.topics),
             helices.get(helix_of(item.organisation.type), ""),
             item.partner_contact.name if item.partner_contact else ""] for item in stakeholders]
    return Table(IMPORT_SHEET, [*IMPORT_COLUMNS, *EXTRA_COLUMNS], rows)


def registry_xlsx(stakeholders: Iterable[Stakeholder]) -> bytes:
    """A partner's registry as an XLSX workbook."""
    return xlsx_bytes([registry_table(stakeholders)])
