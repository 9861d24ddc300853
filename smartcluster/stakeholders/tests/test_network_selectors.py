"""The network from each of the platform's records, only as far as the reader may read them, and its gaps."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation

from smartcluster.networks import Gap, GapKind
from smartcluster.stakeholders.choices import LinkSource
from smartcluster.stakeholders.selectors import network_gap_sentences, network_get
from smartcluster.stakeholders.services import collaboration_load
from smartcluster.stakeholders.tests.network_world import build_network_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def net():
    return build_network_world()


def _links(network, *, source=None):
    names = {(link.first_name, link.second_name) if link.first_name < link.second_name
             else (link.second_name, link.first_name): link.sources for link in network.links}
    return {pair for pair, sources in names.items() if source is None or source in sources}


def test_cluster_membership_links_the_cluster_to_its_current_members_only(net):
    network = network_get(user=net.world.users["administrator"], sources=[LinkSource.CLUSTER_MEMBERSHIP])
    assert _links(network) == {("Cluster C", "Sme One")}


def test_partners_of_one_project_are_linked(net):
    network = network_get(user=AnonymousUser(), sources=[LinkSource.PROJECT_PARTNERSHIP])
    assert _links(network) == {("Agency A", "Authority B")}


def test_a_public_events_co_attendance_links_for_everyone(net):
    network = network_get(user=AnonymousUser(), sources=[LinkSource.EVENT_CO_ATTENDANCE])
    assert _links(network) == {("Sme One", "University of Thessaly")}


def test_an_internal_events_co_attendance_is_seen_only_by_the_projects_partners(net):
    partner = network_get(user=net.world.users["editor_b"], sources=[LinkSource.EVENT_CO_ATTENDANCE])
    assert ("Sme Two", "University of Thessaly") in _links(partner)
    for outsider in (AnonymousUser(), net.world.users["viewer"].__class__.objects.create_user("outsider")):
        assert ("Sme Two", "University of Thessaly") not in _links(network_get(user=outsider))


def test_a_b2b_meeting_links_for_its_organisers_and_not_for_others(net):
    organiser = network_get(user=net.world.users["editor_a"], sources=[LinkSource.B2B_MEETING])
    assert _links(organiser) == {("Sme One", "Sme Three")}
    assert _links(network_get(user=net.world.users["editor_b"], sources=[LinkSource.B2B_MEETING])) == set()


def test_a_declared_collaboration_links_for_everyone(net):
    network = network_get(user=AnonymousUser(), sources=[LinkSource.DECLARED])
    assert _links(network) == {("Agency A", "Sme Three")}


def test_a_link_recorded_by_two_sources_is_one_link_with_both(net):
    administrator = net.world.users["administrator"]
    collaboration_load(first=net.sme1, second=net.university, kind="joint_project", declared_by=net.world.partner_a)
    link = next(link for link in network_get(user=administrator).links
                if {link.first, link.second} == {net.sme1.pk, net.university.pk})
    assert link.sources == (LinkSource.DECLARED, LinkSource.EVENT_CO_ATTENDANCE)
    assert link.first < link.second


def test_an_unpublished_organisation_is_never_named_to_outsiders(net):
    net.sme3.is_published = False
    net.sme3.save()
    network = network_get(user=AnonymousUser())
    assert "Sme Three" not in {row.name for row in network.organisations}
    assert all("Sme Three" not in (link.first_name, link.second_name) for link in network.links)


def test_filters_narrow_to_a_region_and_a_helix(net):
    administrator = net.world.users["administrator"]
    greek = network_get(user=administrator, region="el64")
    assert {row.name for row in greek.organisations} == {"Sme One", "Sme Two", "Sme Three", "University of Thessaly"}
    academia = network_get(user=administrator, helix="academia")
    assert [row.name for row in academia.organisations] == ["University of Thessaly"]


def test_brokers_come_first(net):
    network = network_get(user=net.world.users["administrator"])
    # Sme One joins the cluster, the university (and Sme Two behind it) and Sme Three (and the partners behind it).
    assert network.organisations[0].name == "Sme One"
    assert network.brokers[0].betweenness > network.brokers[-1].betweenness >= 0


def test_the_regions_gaps_are_named_in_words(net):
    translation.activate("en")
    network = network_get(user=AnonymousUser(), region="EL64")
    assert "2 of 3 SMEs in EL64 have no link to research or education." in network.sentences


def test_gap_sentences_use_the_singular_and_the_plural():
    translation.activate("en")
    assert network_gap_sentences([Gap(GapKind.SME_WITHOUT_RESEARCH, "EL64", 1, 11),
                                  Gap(GapKind.ISOLATED, "ES62", 3, 20),
                                  Gap(GapKind.HELICES_UNLINKED, "HR03", 0, 4, ("business", "government"))]) == [
        "1 of 11 SMEs in EL64 has no link to research or education.",
        "3 of 20 organisations in ES62 have no link at all.",
        "In HR03, no organisation of “Business” is linked to one of “Government”."]
