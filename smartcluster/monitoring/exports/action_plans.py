"""An action plan as DOCX (through `smartcluster.reports`) in the Interreg structure: Part I general information,
Part II policy context, Part III one section per action with its monitoring by semester."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from smartcluster.monitoring.choices import BackgroundKind, ImplementationStatus
from smartcluster.monitoring.selectors.action_plans import action_status
from smartcluster.reports.documents import WordDocument
from smartcluster.reports.tables import Table


def _background(action: Any) -> str:
    drawn_on = action.good_practice or action.recommendation or action.brainstorm
    kind = str(BackgroundKind(action.background_kind).label)
    return " — ".join(str(part) for part in (kind, drawn_on, action.background) if part)


def _action_written(document: WordDocument, action: Any) -> None:
    document.heading(_("Action %(number)s: %(title)s") % {"number": action.position, "title": action.title}, level=2)
    facts = [[_("Background"), _background(action)], [_("Description"), action.description],
             [_("Players involved"), action.players],
             [_("Timeframe"), f"{action.starts_on:%Y-%m-%d} – {action.ends_on:%Y-%m-%d}"],
             [_("Costs (EUR)"), action.costs], [_("Funding sources"), action.funding],
             [_("Status"), ImplementationStatus(action_status(action)).label]]
    document.table(Table("", [_("Item"), _("Content")], facts))
    entries = [[entry.semester, ImplementationStatus(entry.status).label, entry.what_was_done, entry.explanation,
                entry.evidence_url] for entry in action.entries.all()]
    if entries:
        document.table(Table("", [_("Semester"), _("Status"), _("What was done"), _("Explanation"),
                                  _("Evidence link")], entries))


def action_plan_docx(plan: Any) -> bytes:
    """The plan's parts in order, each action of Part III with its monitoring entries."""
    document = WordDocument(plan.title)
    document.heading(_("Part I: general information"))
    partners = ", ".join(str(partner.organisation) for partner in plan.developed_with.all()) or "—"
    document.table(Table("", [_("Item"), _("Content")], [
        [_("Partner"), str(plan.partner.organisation)], [_("Policy instrument"), plan.partner.policy_instrument],
        [_("Developed with"), partners], [_("Status"), plan.get_status_display()],
        [_("Adopted on"), plan.adopted_on], [_("Adopted by"), plan.adopted_by]]))
    document.paragraph(plan.general_information)
    document.heading(_("Part II: policy context"))
    document.paragraph(plan.policy_context)
    document.heading(_("Part III: actions"))
    for action in plan.actions.all():
        _action_written(document, action)
    return document.to_bytes()
