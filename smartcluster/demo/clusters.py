"""Load the demo's cluster organisations (`cluster_content.py`) through the clusters app's services, acting as
each cluster's manager and, for the review of its evaluation, as its region's partner officer.

A cluster whose profile is already there is left as it is (a user may have changed it); what is missing is made.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from smartcluster.clusters import selectors as clusters_selectors
from smartcluster.clusters import services as clusters
from smartcluster.clusters.choices import ReviewAction
from smartcluster.demo import cluster_content as content
from smartcluster.demo.selectors import demo_record_get

if TYPE_CHECKING:
    from smartcluster.demo.loader import Loader

EVIDENCE = "Training attendance lists of the year (sample content)."


def _profile_data(cluster: content.DemoCluster) -> dict[str, Any]:
    return {"legal_form": cluster.legal_form, "founding_year": cluster.founding_year,
            "keeps_member_list": bool(cluster.members), "management_fte": Decimal(str(cluster.management_fte)),
            "has_strategy": cluster.has_strategy, "eccp_profile_url": cluster.eccp_profile_url, "is_published": True}


def _categories(cluster: content.DemoCluster) -> list[tuple[str, str]]:
    return ([("cluster_categories", key) for key in cluster.categories]
            + [("smart_industry_40", key) for key in cluster.smart_industry])


def _funding(cluster: content.DemoCluster, index: int) -> dict[str, Any]:
    """One year's record: revenue and shares; the cost and contracted funding are reported for the last year."""
    data: dict[str, Any] = {"revenue": Decimal(cluster.revenue[index]), "is_published": True,
                            **{source: Decimal(str(share)) for source, share in zip(content.SOURCES,
                                                                                  cluster.shares[index], strict=True)}}
    if content.FUNDING_YEARS[index] == content.EVALUATION_YEAR:
        data.update(core_funding=Decimal(cluster.core_funding), annual_cost=Decimal(cluster.annual_cost),
                    contracted_next_12_months=Decimal(cluster.contracted[0]),
                    contracted_next_36_months=Decimal(cluster.contracted[1]))
    return data


def profile_load(loader: Loader, cluster: content.DemoCluster) -> None:
    """The cluster's profile with its members, services, labels, agreements and funding, made by its manager."""
    key = f"{cluster.key}:profile"
    if demo_record_get(key=key) is not None:
        return
    organisation = loader.organisations[cluster.key]
    if clusters_selectors.cluster_profile_for_organisation(organisation_id=organisation.pk) is not None:
        return  # a user's profile of an organisation of the same name: used as it is
    manager = loader.users[_manager_of(cluster.key)]
    new_tags = loader.technology_tags_new(cluster.technologies)
    profile = clusters.cluster_profile_load(organisation=organisation, data=_profile_data(cluster),
                                            categories=_categories(cluster), technology_tags=cluster.technologies)
    loader._made(key, profile)
    loader.technology_tags_mark(new_tags)
    for member_key, member_type, year in cluster.members:
        clusters.cluster_member_add(user=manager, profile=profile, organisation=loader.organisations[member_key],
                                    data={"member_type": member_type, "year_joined": year, "committed": True,
                                          "uses_services": True})
    if cluster.member_counts:
        clusters.member_counts_save(user=manager, profile=profile, year=content.EVALUATION_YEAR,
                                    counts=cluster.member_counts)
    for kind, served in cluster.services:
        clusters.cluster_service_save(user=manager, profile=profile, data={
            "kind": kind, "year": content.EVALUATION_YEAR, "members_served": served})
    for kind, level, year, expires in cluster.labels:
        clusters.cluster_label_save(user=manager, profile=profile, data={
            "kind": kind, "level": level, "year": year,
            "expires_on": dt.date.fromisoformat(expires) if expires else None})
    for partner, country, year, subject in cluster.agreements:
        clusters.international_agreement_save(user=manager, profile=profile, data={
            "partner_name": partner, "country": country, "year": year, "subject": subject})
    for index, year in enumerate(content.FUNDING_YEARS):
        clusters.funding_record_load(profile=profile, year=year, data=_funding(cluster, index))


def evaluation_load(loader: Loader, cluster: content.DemoCluster) -> None:
    """The cluster's self-evaluation of the evaluation year on the default set: pre-filled from the records,
    completed, submitted by its manager, accepted by its region's officer and published."""
    key = f"{cluster.key}:evaluation"
    profile = clusters_selectors.cluster_profile_for_organisation(organisation_id=loader.organisations[cluster.key].pk)
    if demo_record_get(key=key) is not None or profile is None or profile.organisation.region is None:
        return  # without its region nobody reviews it; the loader's note asks for the reference data first
    manager = loader.users[_manager_of(cluster.key)]
    criteria = clusters.criteria_set_default_ensure()
    evaluation = clusters.evaluation_start(user=manager, profile=profile, criteria=criteria,
                                           data_year=content.EVALUATION_YEAR)
    evaluation = clusters.evaluation_draft_save(user=manager, evaluation=evaluation,
                                                inputs={**evaluation.inputs, **cluster.evaluation})
    clusters.evaluation_submit(user=manager, evaluation=evaluation)
    clusters.evaluation_review(user=loader.users[content.REVIEWER_OF[cluster.key]], evaluation=evaluation,
                               action=ReviewAction.ACCEPT, comment="Figures checked against the annual report.")
    clusters.evaluation_publish(user=manager, evaluation=evaluation)
    loader._made(key, evaluation)


def skills_load(loader: Loader) -> None:
    """Skills needs and the training offers that answer some of them (the rest show as unmatched)."""
    for cluster_key, kind, label, urgency, people in content.SKILL_NEEDS:
        profile = _profile(loader, cluster_key)
        if profile is not None:
            clusters.skill_need_load(profile=profile, label=label, year=content.EVALUATION_YEAR, kind=kind,
                                     urgency=urgency, people=people)
    for cluster_key, provider, provider_key, title, places in content.TRAINING_OFFERS:
        profile = _profile(loader, cluster_key)
        if profile is not None:
            clusters.training_offer_load(profile=profile, title=title, provider=provider, places=places,
                                         provider_organisation=loader.organisations.get(provider_key))


def mission_load(loader: Loader) -> None:
    """The joint cluster mission run by the lead partner, the clusters' commitments and their 2025 progress."""
    mission = clusters.mission_load(
        organisation=loader.organisations[content.MISSION["organisation"]], title=content.MISSION["title"],
        goal=content.MISSION["goal"], target_date=dt.date.fromisoformat(content.MISSION["target_date"]),
        indicators=content.MISSION_INDICATORS)
    if demo_record_get(key=content.MISSION_KEY) is None:
        loader._made(content.MISSION_KEY, mission)
    for cluster_key, number, text, target, year, progress in content.COMMITMENTS:
        profile = _profile(loader, cluster_key)
        if profile is None:
            continue
        commitment = clusters.commitment_load(profile=profile, mission=mission,
                                              indicator_title=content.MISSION_INDICATORS[number][0], text=text,
                                              target=Decimal(target), target_year=year)
        for progress_year, value in progress.items():
            clusters.commitment_progress_load(commitment=commitment, year=progress_year, value=Decimal(value),
                                              evidence_note=EVIDENCE)


def _manager_of(cluster_key: str) -> str:
    return next(person.key for person in content.MANAGERS if person.organisation == cluster_key)


def _profile(loader: Loader, cluster_key: str) -> Any:
    return clusters_selectors.cluster_profile_for_organisation(organisation_id=loader.organisations[cluster_key].pk)
