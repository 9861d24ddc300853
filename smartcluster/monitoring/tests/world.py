"""A monitoring world for the tests of this app: the organisations world of `organisations.tests.factories` (partners
A in Greece, EL64, and B in Spain, ES62) plus a lead partner in Lithuania with its editor, and an outsider; the
project started two semesters and a bit ago, so semester 3 is running. Records are written directly (the services
are what the tests prove)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core import serializers
from django.test import Client
from django.utils import timezone

from smartcluster.accounts.models import Membership, MembershipRole
from smartcluster.accounts.services import api_token_create
from smartcluster.monitoring.models import (
    Action,
    ActionPlan,
    Activity,
    Deliverable,
    DeliverableKind,
    ImpactIndicator,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    MonitoringEntry,
    ProgressReport,
    WorkPlanNote,
    WorkStrand,
)
from smartcluster.organisations.choices import PartnerRole
from smartcluster.organisations.models import Organisation, OrganisationType, Partner
from smartcluster.organisations.tests.factories import (  # noqa: F401 - post, signed_in: re-exported for this app
    World,
    build_world,
    database_dump,
    make_user,
    post,
    signed_in,
)
from smartcluster.regions.models import Region

# The smallest PDF the evidence rule accepts (its content is checked, not its name).
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

# The project started 2 semesters and 40 days ago: semester 3 runs today.
STARTED_DAYS_AGO = 2 * 183 + 40


@dataclass
class MonitoringWorld:
    world: World
    lead: Partner
    partner_a: Partner
    partner_b: Partner

    @property
    def project(self) -> Any:
        return self.world.project

    @property
    def users(self) -> dict[str, Any]:
        """The organisations world's roles plus editor_lead (the lead partner's editor) and outsider (an editor of
        an organisation outside the project)."""
        return self.world.users

    @property
    def tokens(self) -> dict[str, str]:
        return self.world.tokens


def _region(code: str, name: str, country: str) -> Region:
    return Region.objects.get_or_create(code=code, version=2021,
                                        defaults={"name": name, "level": 2, "country": country})[0]


def _editor(world: World, role: str, organisation: Organisation) -> None:
    user = make_user(role)
    Membership.objects.create(user=user, organisation=organisation, role=MembershipRole.PARTNER_EDITOR)
    world.users[role] = user
    world.tokens[role] = api_token_create(user=user, name="tests")[1]


def build_monitoring_world() -> MonitoringWorld:
    """Partners A (EL64) and B (ES62) of the organisations world, a lead partner (LT01) with editor_lead, an
    outsider editor, and the project's start date set so that semester 3 of 8 runs today."""
    world = build_world()
    project = world.project
    project.start_date = timezone.localdate() - dt.timedelta(days=STARTED_DAYS_AGO)
    project.semesters = 8
    project.save()
    lead_org = Organisation.objects.create(name="Kaunas Agency", type=OrganisationType.DEVELOPMENT_AGENCY)
    lead = Partner.objects.create(project=project, organisation=lead_org, role=PartnerRole.LEAD,
                                  policy_instrument="Lithuanian cluster programme 2021–2027")
    lead.regions.add(_region("LT01", "Sostinės regionas", "LT"))
    partner_a = Partner.objects.get(project=project, organisation=world.org_a)
    partner_a.policy_instrument = "Regional Programme Sterea Ellada 2021–2027, priority 1"
    partner_a.save()
    partner_a.regions.add(_region("EL64", "Στερεά Ελλάδα", "EL"))
    partner_b = Partner.objects.get(project=project, organisation=world.org_b)
    partner_b.policy_instrument = "RIS3 Murcia 2021–2027"
    partner_b.save()
    partner_b.regions.add(_region("ES62", "Región de Murcia", "ES"))
    _editor(world, "editor_lead", lead_org)
    _editor(world, "outsider", Organisation.objects.create(name="Outside Ltd", type=OrganisationType.SME))
    return MonitoringWorld(world, lead, partner_a, partner_b)


def make_activity(mw: MonitoringWorld, *, semester: int = 2, strand: str = WorkStrand.EXCHANGE,
                  title: str = "1st interregional workshop", host: Partner | None = None) -> Activity:
    return Activity.objects.create(project=mw.project, semester=semester, strand=strand, title=title, host=host)


def make_deliverable(mw: MonitoringWorld, *, responsible: Partner | None = None, due_semester: int = 3,
                     kind: str = DeliverableKind.REPORT, title: str = "Report on good practices",
                     activity: Activity | None = None, **fields: Any) -> Deliverable:
    return Deliverable.objects.create(project=mw.project, responsible=responsible or mw.partner_a,
                                      due_semester=due_semester, kind=kind, title=title, activity=activity, **fields)


def make_action_plan(partner: Partner, *, title: str = "", **fields: Any) -> ActionPlan:
    return ActionPlan.objects.create(partner=partner, title=title or f"Action plan of {partner.organisation}",
                                     general_information="Lead body: the managing authority.",
                                     policy_context="The instrument funds cluster organisations.", **fields)


def make_action(plan: ActionPlan, *, position: int = 1, title: str = "Cluster vouchers for digital pilots",
                **fields: Any) -> Action:
    today = timezone.localdate()
    values = {"background_kind": "other", "background": "Learnt at the first peer review.",
              "description": "Vouchers of EUR 10,000 for SMEs piloting a digital tool with their cluster.",
              "players": "Managing authority; the region's two cluster organisations",
              "starts_on": today - dt.timedelta(days=200), "ends_on": today + dt.timedelta(days=500), **fields}
    return Action.objects.create(plan=plan, position=position, title=title, **values)


def monitoring_dump() -> str:
    """Every row of this app plus organisations and accounts, to prove a refused write changed nothing."""
    models = [Activity, Deliverable, WorkPlanNote, Indicator, IndicatorTarget, ProgressReport, IndicatorValue,
              ActionPlan, Action, MonitoringEntry, ImpactIndicator]
    rows = [serializers.serialize("json", model.objects.order_by("pk")) for model in models]
    return database_dump() + "\n" + "\n".join(rows)


def make_indicator(mw: MonitoringWorld, *, code: str = "RCO84", name: str = "Pilot actions developed jointly",
                   unit: str = "pilot actions", kind: str = "output", **fields: Any) -> Indicator:
    return Indicator.objects.create(project=mw.project, code=code, name=name, unit=unit, kind=kind, **fields)


def make_progress_report(partner: Partner, *, semester: int = 2, submitted: bool = False,
                         values: dict[Indicator, Any] | None = None) -> ProgressReport:
    """A partner's report of the semester with its values, a draft or submitted now."""
    report = ProgressReport.objects.create(partner=partner, semester=semester,
                                           status="submitted" if submitted else "draft",
                                           submitted_at=timezone.now() if submitted else None)
    for indicator, value in (values or {}).items():
        IndicatorValue.objects.create(report=report, indicator=indicator, value=value)
    return report


def monitoring_api(mw: MonitoringWorld, role: str, method: str, path: str, json: dict | None = None) -> Any:
    """A GET or JSON POST to `/api/monitoring<path>` with the role's real bearer token (none for "anonymous")."""
    headers = {"Authorization": f"Bearer {mw.tokens[role]}"} if role != "anonymous" else {}
    client = Client()
    if method == "get":
        return client.get(f"/api/monitoring{path}", headers=headers)
    return client.post(f"/api/monitoring{path}", json or {}, content_type="application/json", headers=headers)
