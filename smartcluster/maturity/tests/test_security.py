"""Issue 13, defects 1 and 3, tried as an attacker: pages posted with CSRF enforced, the API, and the database
compared before and after each refusal."""

from __future__ import annotations

import itertools
import re
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from smartcluster.accounts.models import Membership, MembershipRole
from smartcluster.industries.models import Industry, NaceLevel
from smartcluster.maturity import selectors, services
from smartcluster.maturity.models import Assessment, AssessmentStatus, Campaign
from smartcluster.organisations.models import Organisation, OrganisationType, Person
from smartcluster.regions.models import Region
from smartcluster.site.tests.csrf import form_token

pytestmark = pytest.mark.django_db


def _rows() -> dict[str, Any]:
    """What a refusal must leave unchanged."""
    return {"organisations": sorted(Organisation.objects.values_list("pk", "name", "is_published")),
            "assessments": sorted(Assessment.objects.values_list("pk", "organisation_id", "status", "stage")),
            "people": sorted(Person.objects.values_list("pk", "organisation_id", "consent_to_list"))}


@pytest.fixture
def victim(db: None) -> Organisation:
    return Organisation.objects.create(name="Acme Tools", type=OrganisationType.SME, is_published=False)


@pytest.fixture
def victim_editor(victim: Organisation) -> Any:
    user = get_user_model().objects.create_user(username="acme-editor", password="pw-for-tests-1")
    Membership.objects.create(user=user, organisation=victim, role=MembershipRole.PARTNER_EDITOR)
    return user


def _attacker_profile_step(client: Client, regions: dict, sectors: dict, name: str) -> tuple[Assessment, Any]:
    """Start a draft from the home page's form and post the profile step naming `name`, tokens from the forms."""
    home = client.get(reverse("maturity:home")).content.decode()
    started = client.post(reverse("maturity:start"), {"csrfmiddlewaretoken": form_token(home)})
    assert started.status_code == 302
    assessment = Assessment.objects.latest("started_at")
    step = reverse("maturity:step", args=[assessment.public_id, 0])
    page = client.get(step).content.decode()
    response = client.post(step, {"csrfmiddlewaretoken": form_token(page), "organisation_name": name,
                                  "size_class": "small", "nace": sectors["C"].pk, "region": regions["LT01"].pk,
                                  "action": "next"})
    return assessment, response


@pytest.mark.parametrize("published", [False, True])
def test_an_anonymous_respondent_cannot_answer_as_an_existing_organisation(
        published, victim, victim_editor, questionnaire, regions, sectors, full_answers):
    Organisation.objects.filter(pk=victim.pk).update(is_published=published)
    # The victim's own T0, so a stage clash would show its dates if the stranger got that far.
    own = services.assessment_start(questionnaire=questionnaire, user=victim_editor, respondent_hash="editor")
    services.assessment_profile_save(assessment=own, user=victim_editor, organisation=victim, size_class="small",
                                     nace=sectors["C"], region=regions["LT01"])
    services.assessment_answers_save(assessment=own, answers=full_answers(2), step=7)
    own = services.assessment_submit(assessment=own, questionnaire_code=questionnaire.code)
    attacker = Client(enforce_csrf_checks=True)
    assessment, response = _attacker_profile_step(attacker, regions, sectors, "ACME tools")
    before = _rows()
    assert response.status_code == 409
    page = response.content.decode()
    assert "is already registered and you are not one of its members" in page
    assert own.submitted_at.date().isoformat() not in page  # no date of someone else's assessment
    assessment.refresh_from_db()
    assert assessment.organisation_id is None and assessment.step == 0
    # Submitting anyway is refused too, and the victim keeps exactly its own assessment.
    review = reverse("maturity:review", args=[assessment.public_id])
    token = form_token(attacker.get(reverse("maturity:home")).content.decode())
    refused = attacker.post(review, {"csrfmiddlewaretoken": token, "questionnaire": questionnaire.code})
    assert refused.status_code == 409 and "Complete the profile step" in refused.content.decode()
    assert _rows() == before
    assert list(Assessment.objects.filter(organisation=victim).values_list("pk", flat=True)) == [own.pk]
    editor = Client()
    editor.force_login(victim_editor)
    listed = selectors.assessment_list_for_viewer(user=victim_editor, respondent_hash="")
    assert list(listed) == [own]


def test_a_forged_post_without_the_csrf_token_changes_nothing(victim, questionnaire, regions, sectors):
    attacker = Client(enforce_csrf_checks=True)
    before = _rows()
    assert attacker.post(reverse("maturity:start")).status_code == 403
    assert _rows() == before


def test_a_member_of_the_organisation_binds_it_by_name(victim, questionnaire, regions, sectors):
    member = get_user_model().objects.create_user(username="acme-staff", password="pw-for-tests-1")
    Person.objects.create(name="Staff", user=member, organisation=victim)
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    assessment, response = _attacker_profile_step(client, regions, sectors, "acme tools")
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.organisation == victim


def test_an_unknown_name_creates_an_unpublished_organisation_through_the_organisations_service(
        questionnaire, regions, sectors):
    assessment, response = _attacker_profile_step(Client(enforce_csrf_checks=True), regions, sectors, "New Firm")
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.organisation.name == "New Firm" and not assessment.organisation.is_published


def test_the_invitation_link_binds_an_anonymous_respondent_and_a_forged_one_is_refused(
        victim, victim_editor, questionnaire, regions, sectors):
    editor = Client()
    editor.force_login(victim_editor)
    home = editor.get(reverse("maturity:home")).content.decode()
    link = re.search(r"(/maturity/i/[^<\s]+/)", home).group(1)
    invited = Client(enforce_csrf_checks=True)
    page = invited.get(link).content.decode()
    assert "for Acme Tools" in page
    assert invited.post(link, {"csrfmiddlewaretoken": form_token(page)}).status_code == 302
    assessment = Assessment.objects.latest("started_at")
    assert assessment.organisation == victim
    step = reverse("maturity:step", args=[assessment.public_id, 0])
    form = invited.get(step).content.decode()
    saved = invited.post(step, {"csrfmiddlewaretoken": form_token(form), "organisation_name": "Acme Tools",
                                "size_class": "small", "nace": sectors["C"].pk, "region": regions["LT01"].pk})
    assert saved.status_code == 302
    forged = signing.dumps({"organisation": victim.pk}, salt="another salt")
    before = _rows()
    assert invited.get(reverse("maturity:invitation_entry", args=[forged])).status_code == 404
    assert invited.get(reverse("maturity:invitation_entry", args=[link.split("/")[-2] + "x"])).status_code == 404
    assert _rows() == before


def test_an_expired_invitation_is_refused(victim, victim_editor, questionnaire):
    token = services.invitation_token(user=victim_editor, organisation=victim)
    assert selectors.invitation_organisation(token=token) == victim
    later = timezone.now() + timedelta(days=selectors.INVITATION_MAX_AGE_DAYS + 1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("time.time", lambda: later.timestamp())
        assert selectors.invitation_organisation(token=token) is None


def test_only_its_editors_make_an_organisations_invitation(victim, other_manager):
    with pytest.raises(services.PermissionDenied):
        services.invitation_token(user=other_manager, organisation=victim)


def test_a_colleague_refused_for_a_stage_too_soon_learns_no_date(victim, questionnaire, regions, sectors,
                                                                  full_answers):
    def take(respondent: str, user: Any = None) -> Assessment:
        draft = services.assessment_start(questionnaire=questionnaire, respondent_hash=respondent, user=user)
        services.assessment_profile_save(assessment=draft, user=user, organisation_name="Acme Tools",
                                         size_class="small", nace=sectors["C"], region=regions["LT01"])
        services.assessment_answers_save(assessment=draft, answers=full_answers(3), step=7)
        return services.assessment_submit(assessment=draft, questionnaire_code=questionnaire.code)

    member = get_user_model().objects.create_user(username="acme-staff", password="pw-for-tests-1")
    other = get_user_model().objects.create_user(username="acme-other", password="pw-for-tests-1")
    Person.objects.create(name="Staff", user=member, organisation=victim)
    Person.objects.create(name="Other", user=other, organisation=victim)
    first = take("first", member)
    with pytest.raises(services.AssessmentRefused) as refused:
        take("second", other)
    assert "recently" in str(refused.value) and first.submitted_at.date().isoformat() not in str(refused.value)
    with pytest.raises(services.AssessmentRefused, match=first.submitted_at.date().isoformat()):
        take("first", member)  # the one who answered learns when the next stage opens


# --- defect 3: differencing aggregates -------------------------------------------------------------------------


@pytest.fixture
def europe(db: None) -> dict[str, Region]:
    """ES > ES6 > ES62, ES61 and EL > EL6 > EL61 (NUTS 2021)."""
    made: dict[str, Region] = {}
    for code in ("ES", "ES6", "ES61", "ES62", "EL", "EL6", "EL61"):
        made[code] = Region.objects.create(code=code, version=2021, level=len(code) - 2, country=code[:2],
                                           name=code, parent=made.get(code[:-1]))
    return made


def _submit(questionnaire, full_answers, name: str, region: Region, sector: Industry, size: str = "small",
            k: int = 3, campaign: Campaign | None = None) -> Assessment:
    draft = services.assessment_start(questionnaire=questionnaire, respondent_hash=f"key-{name}", campaign=campaign)
    services.assessment_profile_save(assessment=draft, user=None, organisation_name=name, size_class=size,
                                     nace=sector, region=region)
    services.assessment_answers_save(assessment=draft, answers=full_answers(k), step=7)
    return services.assessment_submit(assessment=draft, questionnaire_code=questionnaire.code)


def test_the_issues_query_pair_no_longer_gives_one_firms_scores(
        questionnaire, europe, sectors, full_answers, cluster_manager):
    for number in range(5):
        _submit(questionnaire, full_answers, f"Murcia firm {number}", europe["ES62"], sectors["C"], k=number % 5)
    _submit(questionnaire, full_answers, "Thessaly firm", europe["EL61"], sectors["C"], k=5)
    editor = Client(enforce_csrf_checks=True)
    editor.force_login(cluster_manager)
    api = reverse("api:aggregates")
    before = _rows()
    free_prefix = editor.get(api, {"region": "E"})
    assert free_prefix.status_code == 422 and "not the code of a NUTS 0, 1 or 2 region" in free_prefix.json()["detail"]
    spain = editor.get(api, {"region": "ES"}).json()["groups"][0]
    everyone = editor.get(api).json()["groups"][0]
    # Six firms minus five: the Greek firm. Both answers are now suppressed, whichever is asked first.
    assert spain["suppressed"] and spain["organisations"] is None and spain["scores"] == {}
    assert everyone["suppressed"] and everyone["organisations"] is None
    page = editor.get(reverse("maturity:aggregates"), {"region_code": "E"})
    assert page.status_code == 400 and "not the code of a NUTS 0, 1 or 2 region" in page.content.decode()
    assert _rows() == before


def _members(assessments: list[Assessment], *, campaign: Campaign | None, region: str, sector: str,
             size: str) -> frozenset:
    """An oracle independent of the lattice: the organisations a filter selects (latest result each)."""
    return frozenset(a.organisation_id for a in assessments if (campaign is None or a.campaign_id == campaign.pk)
                     and (a.region.code.startswith(region)) and (not sector or a.nace.section == sector)
                     and (not size or a.size_class == size))


def test_every_nested_pair_of_answers_differs_by_zero_or_at_least_the_minimum(
        questionnaire, cluster, cluster_manager, full_answers, sectors):
    from smartcluster.demo.loader import demo_load
    from smartcluster.demo.tests.conftest import DEMO_REGIONS

    for code, level, country in DEMO_REGIONS:
        Region.objects.create(code=code, version=2021, level=level, country=country, name=code)
    for section in "HM":
        Industry.objects.create(code=section, eurostat_code=section, level=NaceLevel.SECTION, section=section,
                                name=f"Section {section}")
    demo_load()
    # More firms on top of the demo's, so that some groups are large enough to show.
    campaign = services.campaign_create(user=cluster_manager, organisation=cluster, questionnaire=questionnaire,
                                        name="Extra", opens_at=timezone.now() - timedelta(days=1))
    spain, lithuania = Region.objects.get(code="ES62"), Region.objects.get(code="LT01")
    for number in range(20):
        _submit(questionnaire, full_answers, f"Extra firm {number}", spain if number % 2 else lithuania,
                sectors["C" if number % 4 < 2 else "J"], size=("small", "micro")[number % 4 in (0, 3)],
                k=number % 6, campaign=campaign if number % 5 else None)
    assessments = list(Assessment.objects.filter(status=AssessmentStatus.SUBMITTED).select_related(
        "region", "nace"))
    codes = [""] + sorted(Region.objects.filter(level__lte=2).values_list("code", flat=True))
    answers = []
    for scope, region, sector, size in itertools.product(
            [None, *Campaign.objects.all()], codes, ["", "C", "J"], ["", "micro", "small", "medium"]):
        view = selectors.aggregate_view(questionnaire=questionnaire, campaign=scope, region_code=region,
                                        sector=sector, size_class=size)
        total = view.table.iloc[0]
        members = _members(assessments, campaign=scope, region=region, sector=sector, size=size)
        if not total["suppressed"]:
            assert total["n"] == len(members) >= view.min_size
            answers.append(members)
    assert len(answers) >= 4  # the test compares shown groups, not only suppressed ones
    for small, big in itertools.permutations(answers, 2):
        if small < big:
            assert len(big - small) >= selectors.min_group_size(), (sorted(small), sorted(big))
