"""A world for the interviews tests: build_world's partners and users, interviewees of each quota group, the
default guide, and one recorded interview of partner A."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core import serializers

from smartcluster.organisations.models import Organisation, OrganisationType, Partner, Person
from smartcluster.organisations.tests.factories import World, build_world
from smartcluster.stakeholders import selectors, services
from smartcluster.stakeholders.models import Answer, GuideQuestion, Interview, InterviewGuide

HELD_ON = dt.date(2026, 3, 2)


@dataclass
class InterviewWorld:
    world: World
    partner_b: Partner
    sme: Organisation
    university: Organisation
    interviewee: Person
    interviewer: Person
    guide: InterviewGuide
    interview: Interview

    @property
    def users(self) -> dict[str, Any]:
        return self.world.users

    @property
    def tokens(self) -> dict[str, str]:
        return self.world.tokens


def build_interview_world() -> InterviewWorld:
    """Partners A and B of one project; A interviewed an SME once (two answers); B has no interview."""
    world = build_world()
    sme = Organisation.objects.create(name="Solar SME", type=OrganisationType.SME)
    university = Organisation.objects.create(name="Tech University", type=OrganisationType.UNIVERSITY)
    interviewee = Person.objects.create(name="Ivo Ivanov", email="ivo@example.org", organisation=sme)
    interviewer = world.person_a
    guide = selectors.guide_default_get()
    interview = services.interview_load(
        partner=world.partner_a, guide=guide, organisation=sme, person=interviewee, interviewer=interviewer,
        held_on=HELD_ON, mode="online", consent_to_record=True, consent_to_quote=False,
        answers={1: "Energy prices hit us hard.", 4: "Universities answer too slowly."})
    partner_b = Partner.objects.get(project=world.project, organisation=world.org_b)
    return InterviewWorld(world, partner_b, sme, university, interviewee, interviewer, guide, interview)


def interviews_dump() -> str:
    """Every guide, question, interview and answer row (many-to-many included), to prove a refusal changed nothing."""
    querysets = [InterviewGuide.objects.all(), GuideQuestion.objects.all(), Interview.objects.all(),
                 Answer.objects.all(), Organisation.objects.all(), Person.objects.all()]
    return "\n".join(serializers.serialize("json", queryset.order_by("pk")) for queryset in querysets)
