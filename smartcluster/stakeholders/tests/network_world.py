"""The network tests' world: build_world's partners A and B (one project) and cluster C, plus four organisations
of EL64 (three SMEs, a university) linked by each source of the platform, and a dump of the collaborations.

    cluster C ─(membership)─ SME 1 ─(public event)─ University ─(internal event)─ SME 2
    SME 3 ─(declared, by partner A)─ Agency A ─(project)─ Authority B;  SME 1 ─(B2B meeting)─ SME 3
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core import serializers
from django.utils import timezone

from smartcluster.clusters.models import ClusterMember, ClusterProfile
from smartcluster.events.models import ProjectEvent, Registration
from smartcluster.matchmaking.models import Meeting, MeetingStatus, Participant
from smartcluster.matchmaking.tests.conftest import create_event, register
from smartcluster.organisations.models import Organisation, OrganisationType, Person
from smartcluster.organisations.tests.factories import World, build_world, database_dump
from smartcluster.regions.models import Region
from smartcluster.stakeholders.choices import CollaborationKind
from smartcluster.stakeholders.models import Collaboration
from smartcluster.stakeholders.services import collaboration_load


@dataclass
class NetworkWorld:
    world: World
    sme1: Organisation
    sme2: Organisation
    sme3: Organisation
    university: Organisation
    internal_event: ProjectEvent
    declared: Collaboration


def region(code: str) -> Region:
    return Region.objects.get_or_create(code=code, version=2021, defaults={
        "level": len(code) - 2, "country": code[:2], "name": f"Region {code}"})[0]


def _organisation(name: str, kind: str, code: str) -> Organisation:
    return Organisation.objects.create(name=name, type=kind, region=region(code))


def _event(world: World, *, public: bool, attendees: list[Organisation]) -> ProjectEvent:
    starts = timezone.now() - dt.timedelta(days=3)
    event = ProjectEvent.objects.create(
        project=world.project, host=world.partner_a, title="Workshop", venue="Larissa", time_zone="Europe/Athens",
        starts_at=starts, ends_at=starts + dt.timedelta(hours=4), is_published=public)
    for organisation in attendees:
        person = Person.objects.create(name=f"Someone of {organisation.name}", organisation=organisation)
        Registration.objects.create(event=event, person=person, status="registered", attended=True,
                                    token=f"t{event.pk}-{person.pk}")
    return event


def _b2b_meeting(world: World, first: Organisation, second: Organisation) -> None:
    organiser = world.users["editor_a"]
    event = create_event(organiser)
    ann, bea = register(event, "ann", organiser=organiser), register(event, "bea", organiser=organiser)
    Participant.objects.filter(pk=ann.pk).update(organisation=first)
    Participant.objects.filter(pk=bea.pk).update(organisation=second)
    Meeting.objects.create(event=event, requester=ann, recipient=bea, status=MeetingStatus.ACCEPTED)


def build_network_world() -> NetworkWorld:
    world = build_world()
    sme1 = _organisation("Sme One", OrganisationType.SME, "EL641")
    sme2 = _organisation("Sme Two", OrganisationType.SME, "EL642")
    sme3 = _organisation("Sme Three", OrganisationType.SME, "EL643")
    university = _organisation("University of Thessaly", OrganisationType.UNIVERSITY, "EL641")
    profile = ClusterProfile.objects.create(organisation=world.candidate, keeps_member_list=True)
    ClusterMember.objects.create(profile=profile, organisation=sme1, member_type="sme", year_joined=2020)
    ClusterMember.objects.create(profile=profile, organisation=sme2, member_type="sme", year_joined=2018,
                                 year_left=2020)
    _event(world, public=True, attendees=[sme1, university])
    internal = _event(world, public=False, attendees=[sme2, university])
    declared = collaboration_load(first=world.org_a, second=sme3, kind=CollaborationKind.TRAINING,
                                  declared_by=world.partner_a, since_year=2021, description="Interns")
    _b2b_meeting(world, sme1, sme3)
    return NetworkWorld(world, sme1, sme2, sme3, university, internal, declared)


def network_dump() -> str:
    """build_world's rows and every declared collaboration, to prove a refused write changed nothing."""
    return database_dump() + serializers.serialize("json", Collaboration.objects.order_by("pk"))
