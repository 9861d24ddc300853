"""The demo's stakeholders: every partner's registry and six interviews meeting the quota, coded, with a second
coder in Thessaly whose agreement is meaningful; loaded once, put back by --demo, removed with the demo."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth import get_user_model

from smartcluster.demo import stakeholder_content
from smartcluster.demo.models import DemoRecord
from smartcluster.organisations.models import Organisation, Partner, Person
from smartcluster.stakeholders.models import (
    Answer,
    AnswerCoding,
    AppliedCode,
    CodeSource,
    Collaboration,
    Interview,
    Stakeholder,
    StakeholderNote,
)
from smartcluster.stakeholders.selectors import coding_agreement_get, guide_default_get, interview_quota

pytestmark = pytest.mark.django_db
MODELS = (Stakeholder, StakeholderNote, Interview, Answer, AnswerCoding, AppliedCode, Collaboration)


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def test_the_demo_loads_the_stakeholders_once_and_a_reload_adds_nothing(setup: Callable) -> None:
    output = setup().output
    loaded = counts()

    again = setup("--demo").output

    assert counts() == loaded
    assert "Left out" not in output and "Left out" not in again
    interviews = sum(len(registry.interviews) for registry in stakeholder_content.REGISTRIES)
    answers = sum(len(i.answers) for registry in stakeholder_content.REGISTRIES for i in registry.interviews)
    thessaly = sum(len(i.answers) for i in stakeholder_content.THESSALY.interviews)
    assert (loaded["Interview"], loaded["Answer"]) == (interviews, answers) == (42, 308)
    assert loaded["AnswerCoding"] == answers + thessaly  # every answer coded once, Thessaly's twice
    assert loaded["Stakeholder"] == sum(len(r.stakeholders) for r in stakeholder_content.REGISTRIES)
    assert loaded["Collaboration"] == len(stakeholder_content.COLLABORATIONS)


def test_a_deleted_demo_interview_comes_back_with_its_codings(setup: Callable) -> None:
    setup()
    loaded = counts()
    Interview.objects.filter(organisation__name="Koprivnica Metalworks").delete()

    setup("--demo")

    assert counts() == loaded


def test_every_demo_partner_meets_the_interview_quota(setup: Callable) -> None:
    setup()
    partners = Partner.objects.all()
    quota = interview_quota(partners=partners)
    assert len(quota) == 7
    assert all(status.done == status.required == 2 for statuses in quota.values() for status in statuses)
    assert all(status.missing_text == "" for statuses in quota.values() for status in statuses)


def test_thessalys_two_coders_agree_mostly_but_not_fully(setup: Callable) -> None:
    setup()
    thessaly = Partner.objects.get(organisation__name="Region of Thessaly")
    officer = get_user_model().objects.get(username="demo-thessaly")
    analyst = get_user_model().objects.get(username="demo-thessaly-analyst")

    agreement = coding_agreement_get(user=officer, partner=thessaly, codebook=guide_default_get().codebook,
                                     first=officer, second=analyst)

    assert agreement.units == 44  # 4 × 7 answers + 2 × 8
    assert 0 < agreement.overall.kappa < 1
    assert 90 < agreement.overall.percent < 100
    accepted = AppliedCode.objects.filter(source=CodeSource.SUGGESTION)
    assert accepted.exists() and set(accepted.values_list("coding__coder", flat=True)) == {officer.pk}


def test_the_demo_leaves_gaps_no_smes_of_koprivnica_krizevci_linked_to_research(setup: Callable) -> None:
    setup()
    smes = Organisation.objects.filter(region__code="HR063", type="sme")
    research = Organisation.objects.filter(type__in=["university", "research"])
    linked = Collaboration.objects.filter(first__in=smes, second__in=research) | Collaboration.objects.filter(
        first__in=research, second__in=smes)
    assert smes.count() == 2 and not linked.exists()


def test_removing_the_demo_removes_the_stakeholders_records(setup: Callable) -> None:
    setup()
    assert DemoRecord.objects.filter(key__startswith="interview:").count() == 42

    setup("--remove-demo")

    assert set(counts().values()) == {0}
    assert not Person.objects.filter(name="Yannis Stavrou").exists()
    assert not Organisation.objects.filter(name="Volos School of Engineering").exists()
    assert DemoRecord.objects.count() == 0
