"""What the demo shows: sample content a visitor understands, a B2B event and maturity results to look at, and
sample people who are members of their organisations and cannot log in."""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from smartcluster.accounts.models import Membership
from smartcluster.clusters.models import ClusterProfile, Commitment, Evaluation, EvaluationStatus, SkillNeed
from smartcluster.clusters.selectors import cluster_eccp_checks, evaluation_benchmark, funding_overview
from smartcluster.demo import event_content
from smartcluster.demo.loader import demo_load
from smartcluster.demo.models import DemoRecord, DemoState
from smartcluster.events import selectors as events_selectors
from smartcluster.events.models import BrainstormVote, ProjectEvent
from smartcluster.matchmaking.models import Event, Meeting, MeetingStatus, Opportunity
from smartcluster.maturity.models import Assessment, AssessmentStatus, Questionnaire, QuestionnaireStatus
from smartcluster.maturity.selectors import aggregate_view
from smartcluster.organisations.models import Organisation, OrganisationType, Partner, PartnerRole, Project

pytestmark = pytest.mark.django_db
LEFTOVERS_OF_THE_SEED = ("project idea", "project-idea", "to be chosen", "not named", "Source:")


def test_the_demo_partnership_reads_as_sample_content(setup: Callable) -> None:
    setup()
    project = Project.objects.get()
    assert (project.acronym, project.programme, project.semesters) == ("CLUSTERS 4.0", "Interreg Europe", 8)
    partners = Partner.objects.filter(project=project).select_related("organisation__region")
    assert {partner.organisation.region.country for partner in partners} == {"LT", "EL", "ES", "DE", "IE", "HR",
                                                                             "HU"}
    lead = partners.get(role=PartnerRole.LEAD)
    assert lead.organisation.region.country == "LT"
    texts = [f"{o.name} {o.description}" for o in Organisation.objects.all()] + [project.name, project.acronym]
    assert not [text for text in texts for leftover in LEFTOVERS_OF_THE_SEED if leftover in text]
    page = Client().get(reverse("organisations:detail", args=[lead.organisation.pk])).content.decode()
    assert "Lithuanian Regional Innovation Agency" in page
    assert not [leftover for leftover in LEFTOVERS_OF_THE_SEED if leftover in page]


def test_the_demo_event_has_sessions_participants_opportunities_and_meetings(setup: Callable) -> None:
    setup()
    event = Event.objects.get()
    assert event.sessions.count() == 1 and event.slots.count() == 6
    assert event.participants.filter(status="approved").count() == 6
    assert Opportunity.objects.filter(participant__event=event).count() == 6
    statuses = sorted(Meeting.objects.values_list("status", flat=True))
    assert statuses.count(MeetingStatus.ACCEPTED) == 4 and statuses.count(MeetingStatus.PENDING) == 2
    assert Meeting.objects.filter(status=MeetingStatus.ACCEPTED, slot__isnull=False).count() == 4
    response = Client().get(reverse("matchmaking:event_detail", args=[event.pk]))
    assert response.status_code == 200 and "Smart Industry 4.0 B2B meetings" in response.content.decode()


def test_the_demo_assessments_give_thessaly_an_aggregate_above_the_minimum_group(setup: Callable) -> None:
    setup()
    questionnaire = Questionnaire.objects.get(code="dma-sme-v1")
    assessments = Assessment.objects.filter(status=AssessmentStatus.SUBMITTED)
    assert assessments.count() == assessments.filter(region__code="EL61").count() == 6
    # every respondent answered as a member of its own organisation
    assert all(Membership.objects.filter(user=a.user, organisation=a.organisation).exists() for a in assessments)
    table = aggregate_view(questionnaire=questionnaire, by="region").table
    thessaly = table[table["group"] == "EL61"].iloc[0]
    assert not thessaly["suppressed"] and thessaly["n"] == 6 and thessaly["overall_median"] > 0
    assert len({round(a.overall, 3) for a in assessments}) >= 4  # firms at different stages, not one score


def test_the_demo_publishes_the_questionnaire_when_setup_has_not(reference_data: None) -> None:
    demo_load()
    assert Questionnaire.objects.get(code="dma-sme-v1").status == QuestionnaireStatus.PUBLISHED
    assert Assessment.objects.filter(status=AssessmentStatus.SUBMITTED).count() == 6


def test_sample_people_are_members_of_their_organisations_and_cannot_log_in(setup: Callable) -> None:
    setup()
    users = get_user_model().objects.filter(username__startswith="demo-")
    # 11, the seven cluster managers, six partners' officers, Thessaly's second coder and four challenge team leads
    assert users.count() == 29
    assert all(not user.has_usable_password() and not user.email for user in users)
    assert all(user.memberships.filter(organisation=user.person.organisation).exists() for user in users)


def test_a_database_with_the_earlier_demo_keeps_it_marked_and_gets_no_second_partnership(setup: Callable) -> None:
    """The earlier load_demo's partnership, then the migration that marks it, then setup and setup --demo."""
    project = Project.objects.create(name="Innovative approach to clusters in Smart Industry 4.0",
                                     acronym="(to be chosen)", programme="Interreg Europe")
    for name in ("Region of Thessaly", "WSX", "Lithuanian partner (organisation not named in the project idea)"):
        organisation = Organisation.objects.create(name=name, type=OrganisationType.PUBLIC_AUTHORITY,
                                                   description="Source: the project idea.")
        Partner.objects.create(project=project, organisation=organisation)
    DemoState.objects.all().delete()
    migration = importlib.import_module("smartcluster.demo.migrations.0002_mark_earlier_demo")
    migration.mark_earlier_demo(apps, None)
    assert DemoRecord.objects.count() == 7

    setup()
    assert (Project.objects.count(), Partner.objects.count()) == (1, 3)

    setup("--demo")
    assert Project.objects.get().acronym == "CLUSTERS 4.0"
    assert Partner.objects.count() == 7
    assert Organisation.objects.filter(name__in=["WSX Ireland", "Lithuanian Regional Innovation Agency"]).count() == 2
    assert not Organisation.objects.filter(description__contains="Source:").exists()


def test_without_reference_data_the_demo_loads_and_names_the_regions_it_left_blank(db: None) -> None:
    report = demo_load()
    assert Organisation.objects.filter(region__isnull=True).count() == 60  # 24, and 36 of the stakeholders
    assert Assessment.objects.filter(status=AssessmentStatus.SUBMITTED).count() == 6
    assert report.notes == ["NUTS 2021 regions not loaded yet, left blank: DE7, EL61, ES62, HR063, HU, HU22, IE, IE0, "
                            "LT01 (load the reference data, then run `smartcluster setup --demo`)."]
    assert not Evaluation.objects.exists()  # nobody reviews a cluster without its region: added by the next load


def test_the_demo_clusters_are_evaluated_benchmarked_funded_and_committed_to_the_mission(setup: Callable) -> None:
    setup()
    report = DemoRecord.objects.filter(key__endswith=":evaluation").count()
    assert report == 7
    evaluations = Evaluation.objects.filter(status=EvaluationStatus.ACCEPTED, is_published=True)
    assert evaluations.count() == 7 and all(e.result["percent"] is not None for e in evaluations)
    thessaly = ClusterProfile.objects.get(organisation__name="Thessaly Smart Manufacturing Cluster")
    members = next(check for check in cluster_eccp_checks(thessaly) if check.key == "committed_members")
    assert not members.met  # 8 listed members: the demo shows the criterion not met
    assert funding_overview(profile=thessaly, user=None).trend.rising
    benchmark = evaluation_benchmark(evaluation=evaluations.get(profile=thessaly), scope="partnership")
    assert benchmark.shown and benchmark.benchmark.peer_group_size == 6
    assert SkillNeed.objects.filter(profile=thessaly).count() == 3
    assert Commitment.objects.filter(indicator__mission__title__startswith="Skills for Smart Industry").count() == 4


def test_the_demo_project_life_shows_events_warnings_feedback_votes_and_late_communication(setup: Callable) -> None:
    setup()
    assert ProjectEvent.objects.count() == len(event_content.EVENTS)
    webinar = ProjectEvent.objects.get(kind="webinar")
    # hand count of the webinar's answers (before → after): 2→4, 3→4, 2→3, 3→3, 3→4, 2→2, 1→3, 2→4 = 6 increased
    assert events_selectors.feedback_results(event=webinar).increased_capacity == 6
    project = webinar.project
    lead_officer = get_user_model().objects.get(username="demo-lead-lt")
    statuses = {status.partner.organisation.name: status for status in
                events_selectors.check_in_status_list(user=lead_officer, project=project, today=dt.date(2026, 12, 3))}
    assert not statuses["Region of Thessaly"].is_overdue  # met 44 days before
    assert statuses["Business Development Agency of the Region of Murcia"].is_overdue  # 155 days
    assert statuses["WSX Ireland"].is_overdue  # never met
    assert BrainstormVote.objects.count() == 16  # 5 + 3 + 3 + 5, nobody over the budget of 5
    board = events_selectors.communication_board(user=lead_officer, project=project, on=dt.date(2026, 12, 3))
    assert [item.title for item in board.late] == ["Newsletter 2: funding structures of clusters"]
