"""Load the demo's indicators (`monitoring_content.py`) through the monitoring app's trusted writers: the verified
Interreg codes and the project's own indicator with each partner's (or the project's) target, the partners'
reports of semesters 1–3 submitted with the values entered by hand, and Thessaly's fourth in draft. The advisory
partner has neither targets nor reports. A project with indicators of its own (none of them the demo's) is left
as it is; else a record already loaded is left as it is (a user may have changed it) and what is missing is made
and marked, so that `setup --remove-demo` removes it."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.utils import timezone
from django.utils.text import slugify

from smartcluster.demo import content as partnership
from smartcluster.demo import monitoring_content as content
from smartcluster.demo.selectors import demo_record_get
from smartcluster.monitoring import selectors as monitoring_selectors
from smartcluster.monitoring import services as monitoring
from smartcluster.organisations.choices import PartnerRole

if TYPE_CHECKING:
    from smartcluster.demo.loader import Loader

SUBMITTED_AT = dt.time(11)  # the reports' hour of submission on their day (the demo's invented dates)


def _slug(key: str) -> str:
    """The demo key's name as a slug ("organisation:thessaly" → "thessaly")."""
    return slugify(key.split(":", 1)[-1])


def _reporting_partners(loader: Loader, project: Any) -> list[tuple[str, Any]]:
    """(slug, partner) of the demo's partners in the project, the advisory partner left out."""
    found = []
    for demo in partnership.PARTNERS:
        organisation = loader.organisations.get(demo.organisation)
        partner = project.partners.filter(organisation=organisation).first() if organisation else None
        if partner is not None and demo.role != PartnerRole.ADVISORY:
            found.append((_slug(demo.organisation), partner))
    return found


def _once(loader: Loader, key: str, load: Any, **fields: Any) -> Any:
    """The record of the demo key, or loaded by its trusted writer and marked."""
    record = demo_record_get(key=key)
    if record is None:
        record = load(**fields)
        loader._made(key, record)
    return record


def _indicator_key(demo: content.DemoIndicator) -> str:
    return f"monitoring:indicator:{slugify(demo.code or demo.name)}"


def _indicator(loader: Loader, project: Any, position: int, demo: content.DemoIndicator,
               partners: list[tuple[str, Any]]) -> None:
    key = _indicator_key(demo)
    indicator = _once(loader, key, monitoring.indicator_load, project=project, code=demo.code, name=demo.name,
                      unit=demo.unit, kind=demo.kind, measure=demo.measure, position=position)
    if demo.project_target is not None:
        _once(loader, f"{key}:target", monitoring.target_load, indicator=indicator, value=demo.project_target)
    if demo.partner_target is not None:
        for slug, partner in partners:
            _once(loader, f"{key}:target:{slug}", monitoring.target_load, indicator=indicator, partner=partner,
                  value=demo.partner_target)


def _submitted_at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, SUBMITTED_AT))


def indicators_load(loader: Loader, project: Any) -> None:
    """The indicators with their targets, each partner's submitted reports and Thessaly's draft; nothing when the
    project has indicators of its own."""
    if monitoring_selectors.indicator_list(project=project).exists() and not any(
            demo_record_get(key=_indicator_key(demo)) for demo in content.INDICATORS):
        return
    partners = _reporting_partners(loader, project)
    for position, demo in enumerate(content.INDICATORS, start=1):
        _indicator(loader, project, position, demo, partners)
    for slug, partner in partners:
        for semester, summary in content.REPORT_SUMMARIES.items():
            _once(loader, f"monitoring:report:{slug}:{semester}", monitoring.progress_report_load, partner=partner,
                  semester=semester, values=content.REPORT_VALUES[semester], summary=summary,
                  submitted_at=_submitted_at(content.REPORT_SUBMITTED_ON[semester]))
    organisation_key, semester, summary = content.DRAFT_REPORT
    draft = dict(partners).get(_slug(organisation_key))
    if draft is not None:
        _once(loader, f"monitoring:report:{_slug(organisation_key)}:{semester}", monitoring.progress_report_load,
              partner=draft, semester=semester, values={}, summary=summary)
