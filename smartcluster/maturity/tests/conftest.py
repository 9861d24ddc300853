"""Fixtures of the maturity tests: the default questionnaire, regions, sectors, organisations and users."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from smartcluster.accounts.models import Membership, MembershipRole
from smartcluster.industries.models import Industry, NaceLevel
from smartcluster.maturity import services
from smartcluster.maturity.models import Assessment, Questionnaire
from smartcluster.maturity.packaged import packaged_definition
from smartcluster.organisations.models import Organisation, OrganisationType
from smartcluster.regions.models import Region


@pytest.fixture(autouse=True)
def plain_http_and_static_files(settings: Any) -> None:
    """Tests speak plain HTTP to the test server and serve static files from the finders (no manifest)."""
    settings.SECURE_SSL_REDIRECT = False
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.STORAGES = {**settings.STORAGES,
                         "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}


@pytest.fixture
def questionnaire(db: None) -> Questionnaire:
    return services.questionnaire_load(definition=packaged_definition("dma-sme-v1"), publish=True)


@pytest.fixture
def regions(db: None) -> dict[str, Region]:
    lt = Region.objects.create(code="LT", version=2021, level=0, country="LT", name="Lietuva")
    lt0 = Region.objects.create(code="LT0", version=2021, level=1, country="LT", name="Lietuva", parent=lt)
    return {
        "LT": lt,
        "LT01": Region.objects.create(code="LT01", version=2021, level=2, country="LT", name="Sostinės regionas",
                                      parent=lt0),
        "LT02": Region.objects.create(code="LT02", version=2021, level=2, country="LT",
                                      name="Vidurio ir vakarų Lietuvos regionas", parent=lt0),
    }


@pytest.fixture
def sectors(db: None) -> dict[str, Industry]:
    return {
        "C": Industry.objects.create(code="C", eurostat_code="C", level=NaceLevel.SECTION, section="C",
                                     name="Manufacturing"),
        "J": Industry.objects.create(code="J", eurostat_code="J", level=NaceLevel.SECTION, section="J",
                                     name="Information and communication"),
    }


@pytest.fixture
def cluster(db: None) -> Organisation:
    return Organisation.objects.create(name="Baltic Robotics Cluster", type=OrganisationType.CLUSTER)


def _user_with_role(username: str, organisation: Organisation | None, role: str | None) -> Any:
    user = get_user_model().objects.create_user(username=username, password="pw-for-tests-1")
    if organisation is not None and role is not None:
        Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


@pytest.fixture
def cluster_manager(cluster: Organisation) -> Any:
    return _user_with_role("manager", cluster, MembershipRole.PARTNER_EDITOR)


@pytest.fixture
def other_manager(db: None) -> Any:
    other = Organisation.objects.create(name="Other Cluster", type=OrganisationType.CLUSTER)
    return _user_with_role("other", other, MembershipRole.PARTNER_EDITOR)


@pytest.fixture
def full_answers(questionnaire: Questionnaire) -> Callable[[int], dict[str, Any]]:
    """Answers where every ticks question has the first `k` options ticked (k varies the scores)."""
    definition = questionnaire.parsed()

    def answers(k: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for question in definition.questions():
            if question.form == "ticks":
                result[question.key] = [o.key for o in question.options if not o.negative][:k]
            elif question.form == "ticks_per_row":
                result[question.key] = {row.key: ["invested"] for row in question.rows[:k]}
            else:
                result[question.key] = {row.key: question.options[min(k, len(question.options) - 1)].key
                                        for row in question.rows}
        return result

    return answers


@pytest.fixture
def submitted(questionnaire: Questionnaire, full_answers: Callable[[int], dict[str, Any]], regions: dict,
              sectors: dict) -> Callable[..., Assessment]:
    """Take and submit a whole assessment through the services, as a respondent would."""

    def submit(name: str, *, k: int = 3, size_class: str = "small", sector: str = "C", region: str = "LT01",
               campaign: Any = None, respondent: str = "") -> Assessment:
        respondent_hash = services.respondent_key_hash(respondent or f"key-{name}")
        assessment = services.assessment_start(questionnaire=campaign.questionnaire if campaign else questionnaire,
                                               campaign=campaign, respondent_hash=respondent_hash)
        services.assessment_profile_save(assessment=assessment, user=None, organisation_name=name,
                                         size_class=size_class, nace=sectors[sector], region=regions[region])
        services.assessment_answers_save(assessment=assessment, answers=full_answers(k), step=7)
        return services.assessment_submit(assessment=assessment, questionnaire_code=assessment.questionnaire.code)

    return submit
