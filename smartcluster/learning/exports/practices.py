"""Practices workbooks (through smartcluster.reports): one row per practice in the Interreg Europe field order,
so partners can paste them into the programme's forms."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.http import HttpResponse
from django.utils.translation import gettext as _

from smartcluster.learning.models import GoodPractice
from smartcluster.learning.selectors import practice_topic_names
from smartcluster.reports.responses import file_response
from smartcluster.reports.tables import Table, yes_no
from smartcluster.reports.workbooks import xlsx_bytes


def practice_columns() -> list[str]:
    """The column headings: the Interreg Europe good-practice fields in their order, then ours."""
    return [_("Title"), _("Location"), _("Organisation in charge"), _("Detailed description"),
            _("Resources needed"), _("Timescale"), _("Evidence of success"), _("Potential for learning or transfer"),
            _("Difficulties encountered and lessons learnt"), _("Further information"), _("Topics"), _("Status"),
            _("Successful"), _("Submitted by")]


def _location(practice: GoodPractice) -> str:
    parts = [f"{practice.region.code} {practice.region.display_name}" if practice.region else ""]
    if practice.latitude is not None:
        parts.append(f"{practice.latitude}, {practice.longitude}")
    return " — ".join(part for part in parts if part)


def practice_row(practice: GoodPractice, names: dict[tuple[str, str], str]) -> list[Any]:
    """One practice's cells, in the columns' order."""
    topics = "; ".join(f"{topic.get_taxonomy_display()}: {names.get((topic.taxonomy, topic.code), topic.code)}"
                       for topic in practice.topics.all())
    return [practice.title, _location(practice), practice.organisation_in_charge.name, practice.description,
            practice.resources_needed, practice.timescale, practice.evidence_of_success,
            practice.potential_for_transfer, practice.difficulties_and_lessons, practice.further_information,
            topics, practice.get_status_display(), yes_no(practice.is_successful), practice.partner.organisation.name]


def practice_download(practices: Iterable[GoodPractice]) -> HttpResponse:
    """The practices as an XLSX workbook of one sheet."""
    names = practice_topic_names()
    table = Table(str(_("Good practices")), practice_columns(), [practice_row(p, names) for p in practices])
    return file_response(xlsx_bytes([table]), name="good-practices", extension="xlsx")
