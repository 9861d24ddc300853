"""The impact pages: a partner editor names a figure and reads its series (years before the start marked, the means
before and after); bad input is named next to its field and nothing is saved; the action's panel links the page."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from smartcluster.monitoring.models import ImpactIndicator
from smartcluster.monitoring.tests.world import (
    build_monitoring_world,
    make_action,
    make_action_plan,
    monitoring_dump,
    post,
    signed_in,
)
from smartcluster.organisations.models import Organisation, OrganisationType
from smartcluster.regions.models import Region
from smartcluster.stakeholders.models import Collaboration

pytestmark = pytest.mark.django_db


@pytest.fixture
def mw() -> Any:
    return build_monitoring_world()


@pytest.fixture
def action(mw: Any) -> Any:
    """An action of partner A (EL64) that started on 1 March 2023."""
    return make_action(make_action_plan(mw.partner_a), starts_on=dt.date(2023, 3, 1), ends_on=dt.date(2027, 6, 30))


def _links(mw: Any) -> None:
    """Collaborations begun in 2021 (2) and 2023 (1) between firms of EL64."""
    el64 = Region.objects.get(code="EL64")
    firms = [Organisation.objects.create(name=f"Firm {index}", type=OrganisationType.SME, region=el64)
             for index in range(3)]
    for (first, second), year in [((0, 1), 2021), ((0, 2), 2021), ((1, 2), 2023)]:
        Collaboration.objects.create(first=firms[first], second=firms[second], kind="training", since_year=year,
                                     declared_by=mw.partner_a)


def test_a_partner_editor_names_a_figure_and_reads_its_series(mw: Any, action: Any) -> None:
    _links(mw)
    page = reverse("monitoring:impact_action", args=[action.pk])
    client = signed_in(mw.users["editor_a"], reverse("monitoring:action_detail", args=[action.pk]))
    assert page in client.get(reverse("monitoring:action_detail", args=[action.pk])).content.decode()
    added = post(client, page, {"source": "collaboration", "region_code": "el64", "note": "Firms work together",
                                "measure": "lq"})  # a mapping figure left in the form is not kept
    assert added.status_code == 302
    indicator = ImpactIndicator.objects.get(action=action)
    assert (indicator.region_code, indicator.measure, indicator.note) == ("EL64", "", "Firms work together")
    html = client.get(page).content.decode()
    assert "2021</th><td class=\"num\">2.000</td><td>before the action</td>" in html
    assert "2023 (action starts)</th><td class=\"num\">1.000</td><td>since the action started</td>" in html
    assert "mean before 2.0, mean since 1.0" in html and "vendor/plotly.min.js" in html
    detail = client.get(reverse("monitoring:impact_detail", args=[indicator.pk])).content.decode()
    assert "impact-chart-" in detail and "Firms work together" in detail


@pytest.mark.parametrize(("data", "field", "words"), [
    ({"source": "maturity", "region_code": "XX99"}, "region_code", "XX99 is not a NUTS region."),
    ({"source": "mapping", "region_code": "EL64"}, "measure", "Choose the mapping figure to follow"),
    ({"source": "cluster_evaluation", "region_code": "EL64"}, "cluster", "Choose the cluster organisation"),
])
def test_bad_input_is_named_next_to_its_field_and_nothing_is_saved(mw: Any, action: Any, data: dict[str, str],
                                                                   field: str, words: str) -> None:
    page = reverse("monitoring:impact_action", args=[action.pk])
    client = signed_in(mw.users["editor_lead"], page)
    before = monitoring_dump()
    answer = post(client, page, data)
    assert answer.status_code == 200
    html = answer.content.decode()
    assert f'id="id_{field}-error"' in html
    assert words in html.split(f'id="id_{field}-error"')[1].split("</div>")[0]
    assert monitoring_dump() == before


def test_readers_see_no_form_and_no_remove_button(mw: Any, action: Any) -> None:
    indicator = ImpactIndicator.objects.create(action=action, source="maturity", region_code="EL64")
    client = signed_in(mw.users["viewer"], reverse("monitoring:impact_action", args=[action.pk]))
    html = client.get(reverse("monitoring:impact_action", args=[action.pk])).content.decode()
    assert "No SME of this region has submitted a maturity assessment yet." in html
    assert 'name="source"' not in html and reverse("monitoring:impact_remove", args=[indicator.pk]) not in html
