"""Privacy: a person's data is exported as JSON and erased on request; afterwards no page, export or API answer of
the stakeholders section holds their name or e-mail, while interview counts and theme totals stay unchanged. Only
the person, their organisation's editors and administrators may; anyone else meets 404 and changes nothing."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import URLPattern, reverse

from smartcluster.accounts.models import Membership, MembershipRole
from smartcluster.accounts.services import api_token_create
from smartcluster.organisations.models import Partner, Person
from smartcluster.organisations.tests.factories import World, build_world, make_user
from smartcluster.stakeholders import selectors, services, urls
from smartcluster.stakeholders.api import router as api_router
from smartcluster.stakeholders.choices import CollaborationKind
from smartcluster.stakeholders.models import (
    AppliedCode,
    Collaboration,
    Interview,
    InterviewGuide,
    StakeholderNote,
)
from smartcluster.stakeholders.tests.registry_world import post, registry_dump, signed_in

pytestmark = pytest.mark.django_db
NAME, EMAIL = "Petra Privatova", "petra.privatova@cluster-c.example"
# The routes of the section at the end of this session: the crawl must keep reaching each (new ones are crawled too
# when their parameters are known below).
COVERED = {"registry_index", "registry_list", "registry_export", "stakeholder_detail", "stakeholder_edit",
           "interview_index", "interview_list", "interview_detail", "interview_xlsx", "interview_quota",
           "coding_index", "interview_code", "coding_agreement", "analysis_index",
           "analysis_project", "analysis_quotes", "analysis_synthesis", "analysis_synthesis_docx", "network_index",
           "network_xlsx", "collaboration_index", "collaboration_detail", "privacy_index"}


@dataclass
class Held:
    world: World
    person: Person
    interview: Interview
    held: Interview
    ids: dict[str, int]


def build_held() -> Held:
    """Petra (with an account) of Cluster C: partner A's registry contact, interviewee of partner A (consenting to
    quotes) and interviewer of partner C (Cluster C joins the project); named in a note, in answers and in a
    collaboration's description."""
    world = build_world()
    user = make_user("petra", email=EMAIL)
    person = Person.objects.create(name=NAME, email=EMAIL, organisation=world.candidate, user=user)
    stakeholder = services.stakeholder_load(partner=world.partner_a, organisation=world.candidate, person=person,
                                            interest=5, influence=4, topics=["Skills"])
    note = services.stakeholder_note_load(stakeholder=stakeholder, author=user,
                                          text=f"Petra Privatova ({EMAIL}) prefers calls.")
    guide = InterviewGuide.objects.order_by("pk").first()
    answers = {number: f"Answer {number}: as Petra said, financing and skills matter; write {EMAIL.upper()}."
               for number in range(1, 4)}
    interview = services.interview_load(partner=world.partner_a, guide=guide, organisation=world.candidate,
                                        person=person, interviewer=world.person_a, held_on=dt.date(2025, 3, 1),
                                        mode="in_person", consent_to_record=True, consent_to_quote=True,
                                        answers=answers, created_by=user)
    partner_c = Partner.objects.create(project=world.project, organisation=world.candidate)
    held = services.interview_load(partner=partner_c, guide=guide, organisation=world.org_b, person=None,
                                   interviewer=person, held_on=dt.date(2025, 3, 2), mode="online",
                                   consent_to_record=False, consent_to_quote=True,
                                   answers={1: "Privatova asked good questions about financing."})
    codes = [theme.code for theme in guide.codebook.themes.order_by("position")[:2]]
    for answer in [*interview.answers.all(), *held.answers.all()]:
        services.answer_coding_load(answer=answer, coder=world.users["editor_a"], themes=codes)
    collaboration = services.collaboration_load(first=world.candidate, second=world.org_b, kind=CollaborationKind.values[0],
                                                declared_by=world.partner_a, description=f"Led by {NAME}")
    ids = {"partner_id": world.partner_a.pk, "stakeholder_id": stakeholder.pk, "project_id": world.project.pk,
           "note_id": note.pk, "interview_id": interview.pk, "guide_id": guide.pk,
           "question_id": guide.questions.first().pk, "codebook_id": guide.codebook_id,
           "answer_id": interview.answers.first().pk, "coding_id": interview.answers.first().codings.first().pk,
           "organisation_id": world.candidate.pk, "collaboration_id": collaboration.pk,
           "code": world.candidate.region.code if world.candidate.region else "EL"}
    return Held(world, person, interview, held, ids)


# What <int:pk> designates, by the URL name's start (the section's routes name their record in words).
PK_BY_PREFIX = [("interview_guide_question", "question_id"), ("interview_guide", "guide_id"),
                ("interview", "interview_id"), ("answer", "answer_id"), ("codebook", "codebook_id"),
                ("collaboration", "collaboration_id")]


def _page_urls(ids: dict[str, int]) -> dict[str, str]:
    """Every page of the section whose parameters are known, by URL name."""
    found = {}
    for pattern in urls.urlpatterns:
        assert isinstance(pattern, URLPattern)
        names = list(pattern.pattern.converters)
        kwargs: dict[str, Any] = {}
        for name in names:
            key = name if name != "pk" else next((key for prefix, key in PK_BY_PREFIX
                                                  if pattern.name.startswith(prefix)), "")
            if key in ids:
                kwargs[name] = ids[key]
        if len(kwargs) == len(names) and "person_id" not in names:
            found[pattern.name] = reverse(f"stakeholders:{pattern.name}", kwargs=kwargs)
    return found


def _api_urls(ids: dict[str, int]) -> list[str]:
    """Every GET address of the section's API (its routers, under /api/stakeholders/) whose parameters are known."""
    found = []
    for _prefix, part, *_rest in api_router._routers:
        for path, view in part.path_operations.items():
            names = re.findall(r"{(\w+)}", path)
            gets = any("GET" in operation.methods for operation in view.operations)
            if gets and all(name in ids for name in names):
                found.append("/api/stakeholders" + path.format(**{name: ids[name] for name in names}))
    return found


def _text(response: Any) -> str:
    """What a response shows: its body, and for a workbook or document the text inside its XML parts."""
    content = response.content if not getattr(response, "streaming", False) else b"".join(response.streaming_content)
    if content[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            parts = [archive.read(name).decode("utf-8", "ignore") for name in archive.namelist()
                     if name.endswith(".xml")]
        return re.sub(r"<[^>]+>", "", " ".join(parts))
    return content.decode("utf-8", "ignore")


def _holds_person(text: str) -> list[str]:
    lowered = text.casefold()
    return [term for term in (NAME, EMAIL, "Privatova") if term.casefold() in lowered]


def _crawl(clients: dict[str, Client], ids: dict[str, int]) -> tuple[dict[str, list[str]], set[str]]:
    """Every page, export and API answer read by each client: where the person still shows."""
    shown, reached = {}, set()
    pages = _page_urls(ids)
    for who, client in clients.items():
        for name, url in pages.items():
            response = client.get(url)
            if response.status_code == 200:
                reached.add(name)
            if found := _holds_person(_text(response)):
                shown[f"{who} {url}"] = found
        for url in _api_urls(ids):
            response = client.get(url)
            if found := _holds_person(_text(response)):
                shown[f"{who} {url}"] = found
    return shown, reached


def _totals(held: Held) -> dict[str, Any]:
    """Interview counts and theme totals (the analysis's heat maps and the codes applied)."""
    project, codebook = held.world.project, held.interview.guide.codebook
    maps = selectors.analysis_heat_maps(project=project, codebook=codebook)
    return {"interviews": Interview.objects.count(), "codes": AppliedCode.objects.count(),
            "heat maps": repr(sorted((name, repr(heat)) for name, heat in maps.items())),
            "answers": sorted(Interview.objects.values_list("answers__question__number", flat=True))}


def test_after_erasure_no_page_export_or_api_answer_holds_the_name_or_email_and_totals_stay() -> None:
    held = build_held()
    clients = {}
    for role in ("administrator", "editor_a", "editor_b", "viewer"):
        clients[role] = Client()
        clients[role].force_login(held.world.users[role])
    before_shown, reached = _crawl(clients, held.ids)
    assert before_shown, "the crawl must see the person before the erasure, else it proves nothing"
    assert reached >= COVERED, COVERED - reached
    totals = _totals(held)
    client = signed_in(held.person.user)
    page = client.get(reverse("stakeholders:privacy_person", args=[held.person.pk])).content.decode()
    assert NAME in page
    response = post(client, reverse("stakeholders:privacy_erase", args=[held.person.pk]), {"confirm": "yes"})
    assert response.status_code == 302
    shown, _reached = _crawl(clients, held.ids)
    assert shown == {}
    assert _totals(held) == totals
    assert not Person.objects.filter(email__iexact=EMAIL).exists()
    note = StakeholderNote.objects.get()
    assert note.text == "[…] ([…]) prefers calls." and note.author is None
    assert Collaboration.objects.get().description == "Led by […]"


def test_the_export_holds_everything_the_section_keeps_on_the_person() -> None:
    held = build_held()
    client = Client()
    client.force_login(held.world.users["administrator"])
    response = client.get(reverse("stakeholders:privacy_export", args=[held.person.pk]))
    assert response["Content-Type"].startswith("application/json")
    data = json.loads(response.content)
    assert (data["name"], data["email"], data["organisation"]) == (NAME, EMAIL, "Cluster C")
    section = data["stakeholders"]
    assert [entry["as"] for entry in section["registry_entries"]] == ["contact"]
    assert [len(item["answers"]) for item in section["interviews_given"]] == [3]
    assert [item["id"] for item in section["interviews_held"]] == [held.held.pk]
    assert len(section["notes_naming_them"]) == 1 and len(section["answers_naming_them"]) == 1
    api_data = client.get(f"/api/stakeholders/privacy/people/{held.person.pk}").json()
    assert api_data["stakeholders"]["registry_entries"] == section["registry_entries"]


@pytest.mark.parametrize("role", ["anonymous", "viewer", "editor_b", "editor_a"])
def test_others_meet_404_and_change_nothing(role: str) -> None:
    held = build_held()
    before = registry_dump()
    client = signed_in(held.world.users.get(role))
    for url in (reverse("stakeholders:privacy_person", args=[held.person.pk]),
                reverse("stakeholders:privacy_export", args=[held.person.pk])):
        assert client.get(url).status_code in ((302,) if role == "anonymous" else (404,))
    erase = post(client, reverse("stakeholders:privacy_erase", args=[held.person.pk]), {"confirm": "yes"})
    assert erase.status_code == (302 if role == "anonymous" else 404)
    if role != "anonymous":
        token = held.world.tokens[role]
        read = Client().get(f"/api/stakeholders/privacy/people/{held.person.pk}", HTTP_AUTHORIZATION=f"Bearer {token}")
        assert read.status_code == 404
        answer = Client().post(f"/api/stakeholders/privacy/people/{held.person.pk}/erase",
                               HTTP_AUTHORIZATION=f"Bearer {token}")
        assert answer.status_code == 404
    user = held.world.users.get(role) or AnonymousUser()
    with pytest.raises(PermissionDenied):
        services.person_data_erase(user=user, person=held.person)
    assert registry_dump() == before
    assert Person.objects.get(pk=held.person.pk).name == NAME


def test_an_editor_of_the_persons_organisation_erases_through_the_api_and_the_page_asks_to_confirm() -> None:
    held = build_held()
    editor = make_user("editor_c")
    Membership.objects.create(user=editor, organisation=held.world.candidate, role=MembershipRole.PARTNER_EDITOR)
    client = signed_in(editor)
    assert post(client, reverse("stakeholders:privacy_erase", args=[held.person.pk])).status_code == 302
    assert Person.objects.filter(pk=held.person.pk).exists()  # not confirmed: nothing changed
    token = api_token_create(user=editor, name="tests")[1]
    answer = Client().post(f"/api/stakeholders/privacy/people/{held.person.pk}/erase",
                           HTTP_AUTHORIZATION=f"Bearer {token}")
    assert answer.status_code == 204
    assert not Person.objects.filter(pk=held.person.pk).exists()
    assert Interview.objects.filter(pk=held.interview.pk, person__isnull=True).exists()


def test_text_without_cuts_the_person_out_but_not_ordinary_words() -> None:
    person = Person(name="Petra de Privatova", email="p@x.example")
    assert services.text_without("PETRA DE PRIVATOVA (P@X.example) met petra's team; Petra's idea. "
                                 "Petrarca de facto", person) == ("[…] ([…]) met petra's team; […]'s idea. "
                                                                  "Petrarca de facto")
    blanked = Person(name="Erased person", email="")
    assert services.text_without("A person said", blanked) == "A person said"
