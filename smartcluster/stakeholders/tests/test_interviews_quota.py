"""The quota rule (one selector for page, API and export) on a hand-made example."""

from __future__ import annotations

import datetime as dt

import pytest

from smartcluster.organisations.models import Organisation
from smartcluster.stakeholders import selectors, services
from smartcluster.stakeholders.tests.interviews_factories import build_interview_world

pytestmark = pytest.mark.django_db


def test_the_quota_counts_distinct_organisations_per_group_and_names_what_is_missing() -> None:
    setup = build_interview_world()  # partner A already interviewed "Solar SME" once
    kinds = {"Wind SME": "sme", "Tech University": None, "Materials Institute": "research",
             "Green Cluster": "cluster", "Big Steel": "large_company", "Climate NGO": "ngo"}
    for name, kind in kinds.items():
        organisation = (Organisation.objects.get(name=name) if kind is None
                        else Organisation.objects.create(name=name, type=kind))
        services.interview_load(partner=setup.world.partner_a, guide=setup.guide, organisation=organisation,
                                person=None, interviewer=None, held_on=dt.date(2026, 2, 1), mode="online",
                                consent_to_record=False, consent_to_quote=False, answers={1: "Text."})
    # a second interview with the same SME does not add to the quota
    services.interview_load(partner=setup.world.partner_a, guide=setup.guide, organisation=setup.sme, person=None,
                            interviewer=None, held_on=dt.date(2026, 2, 2), mode="online", consent_to_record=False,
                            consent_to_quote=False, answers={1: "Again."})
    quota = selectors.interview_quota(partners=[setup.world.partner_a, setup.partner_b])
    # Hand count: SMEs {Solar, Wind} = 2/2; universities {Tech University, Materials Institute} = 2/2;
    # government or cluster {Green Cluster} = 1/2; Big Steel and Climate NGO are in no group.
    assert [(s.done, s.required, s.missing_text) for s in quota[setup.world.partner_a.pk]] == [
        (2, 2, ""), (2, 2, ""), (1, 2, "1 more government or cluster organisation")]
    assert [(s.done, s.missing_text) for s in quota[setup.partner_b.pk]] == [
        (0, "2 more SMEs"), (0, "2 more universities"), (0, "2 more government or cluster organisations")]
