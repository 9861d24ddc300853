"""The coding tests' world: the organisations app's roles (build_world), an interview of partner A with answers,
a second member of A who codes too, and a dump of every coding row."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core import serializers

from smartcluster.accounts.models import Membership, MembershipRole
from smartcluster.organisations.models import Organisation, OrganisationType, Partner
from smartcluster.organisations.tests.factories import World, build_world, database_dump, make_user
from smartcluster.stakeholders.models import (
    Answer,
    AnswerCoding,
    AppliedCode,
    Codebook,
    GuideQuestion,
    Interview,
    InterviewGuide,
    Theme,
)
from smartcluster.stakeholders.services import guide_default_store

ANSWERS = {
    2: "We automated the production line with sensors and new software, but data skills are scarce.",
    3: "Customers ask for recycled materials and lower emissions; we cut energy use with solar panels.",
    4: "The university is slow, bureaucratic and intellectual property negotiations take months.",
}


@dataclass
class CodingWorld:
    """build_world's users (editor_a and a second coder of A), an interview of A and one of B."""

    world: World
    interview: Interview
    other_interview: Interview
    answers: dict[int, Answer]
    coder_b: Any


def default_guide() -> InterviewGuide:
    """The packaged guide (stored by migration 0002; stored again after a transactional test's flush)."""
    return guide_default_store(Codebook, Theme, InterviewGuide, GuideQuestion)


def interview_of(partner: Partner, texts: dict[int, str]) -> tuple[Interview, dict[int, Answer]]:
    """An interview of a partner with an SME and these answers (by question number)."""
    guide = default_guide()
    number = Interview.objects.filter(partner=partner).count() + 1
    sme = Organisation.objects.create(name=f"SME {number} of {partner.organisation.name}", type=OrganisationType.SME)
    interview = Interview.objects.create(partner=partner, guide=guide, organisation=sme, held_on=dt.date(2026, 3, 2))
    questions = {question.number: question for question in guide.questions.all()}
    answers = {number: Answer.objects.create(interview=interview, question=questions[number], text=text)
               for number, text in texts.items()}
    return interview, answers


def build_coding_world() -> CodingWorld:
    world = build_world()
    coder_b = make_user("coder_b")
    Membership.objects.create(user=coder_b, organisation=world.org_a, role=MembershipRole.VIEWER)
    interview, answers = interview_of(world.partner_a, ANSWERS)
    partner_b = Partner.objects.get(organisation=world.org_b)
    other, _ = interview_of(partner_b, {2: "We use robots and an ERP."})
    return CodingWorld(world, interview, other, answers, coder_b)


def coding_dump() -> str:
    """Every row a coding write could touch, to prove a refusal changed nothing."""
    rows = [serializers.serialize("json", model.objects.order_by("pk"))
            for model in (Codebook, Theme, AnswerCoding, AppliedCode)]
    return "\n".join([database_dump(), *rows])
