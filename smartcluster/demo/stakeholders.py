"""Load the demo's stakeholders (`stakeholder_content.py`) through the stakeholders app's trusted writers: each
partner's registry with its notes, the interviewees, the six interviews per partner with their answers, the
officer's codings (and Thessaly's second coder), and the declared collaborations.

A record already loaded is left as it is (a user may have changed it), and so is a user's own record of the same
stakeholder; what is missing is made and marked, so that `setup --remove-demo` removes it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from smartcluster.demo import stakeholder_content as content
from smartcluster.demo.content import DemoPerson
from smartcluster.demo.selectors import demo_record_get
from smartcluster.organisations import selectors as organisation_selectors
from smartcluster.organisations import services as organisations
from smartcluster.stakeholders import selectors as stakeholder_selectors
from smartcluster.stakeholders import services as stakeholders

if TYPE_CHECKING:
    from smartcluster.demo.loader import Loader

SECOND_CODER_PARTNER = content.SECOND_CODER.organisation
# Coding this interview, Thessaly's officer accepted the suggestions among the best three that she agreed with
# (stored with the score offered). One interview only: ranking builds a suggester per answer, and the first run of a
# new data directory must stay quick.
SUGGESTIONS_ACCEPTED_IN = "interview:thessaly-larissa-machining"


def _slug(key: str) -> str:
    return key.split(":", 1)[1]


def _officer(loader: Loader, registry: content.DemoRegistry) -> Any:
    return organisation_selectors.person_for_user(user=loader.users[registry.officer])


def interviewee_load(loader: Loader, demo: DemoPerson) -> Any:
    """An interviewee without an account: the demo's earlier record, else a person of that e-mail, else new."""
    record = demo_record_get(key=demo.key)
    if record is None:
        record = organisation_selectors.person_with_email(email=demo.email)
    if record is None:
        record = organisations.person_load(data={
            "name": demo.name, "email": demo.email, "role": demo.role,
            "organisation": loader.organisations[demo.organisation], "consent_to_contact": False,
            "consent_to_list": False})
        loader._made(demo.key, record)
    return record


def _person(loader: Loader, key: str) -> Any:
    """A sample person by key: an interviewee of this module, else one of the other demo modules (with account)."""
    interviewee = next((demo for demo in content.PEOPLE if demo.key == key), None)
    if interviewee is not None:
        return interviewee_load(loader, interviewee)
    return organisation_selectors.person_for_user(user=loader.users[key])


def stakeholder_registry_load(loader: Loader, partner: Any, registry: content.DemoRegistry) -> None:
    """A partner's registry entries and notes; an organisation the partner registered itself is left as it is."""
    officer = _officer(loader, registry)
    for demo in registry.stakeholders:
        key = f"stakeholder:{_slug(registry.partner)}:{_slug(demo.organisation)}"
        record = demo_record_get(key=key)
        if record is None:
            organisation = loader.organisations[demo.organisation]
            if partner.stakeholders.filter(organisation=organisation).exists():
                continue
            record = stakeholders.stakeholder_load(
                partner=partner, organisation=organisation, partner_contact=officer, interest=demo.interest,
                influence=demo.influence, topics=demo.topics,
                person=_person(loader, demo.person) if demo.person else None)
            loader._made(key, record)
        if demo.note and demo_record_get(key=f"{key}:note") is None:
            note = stakeholders.stakeholder_note_load(stakeholder=record, text=demo.note,
                                                      author=loader.users[registry.officer])
            loader._made(f"{key}:note", note)


def _codes(text: str) -> list[str]:
    return text.split()


def _accepted(answer: Any, codes: list[str]) -> dict[str, float]:
    """The coder's codes that the page offers among its best suggestions, with the score it offers them at."""
    return {theme.code: score for theme, score in stakeholder_selectors.answer_suggestion_list(answer=answer)
            if theme.code in codes}


def interview_load(loader: Loader, partner: Any, guide: Any, registry: content.DemoRegistry,
                   demo: content.DemoInterview) -> None:
    """One interview with its answers, coded by the partner's officer (and by Thessaly's second coder)."""
    if demo_record_get(key=demo.key) is not None:
        return
    interview = stakeholders.interview_load(
        partner=partner, guide=guide, organisation=loader.organisations[demo.organisation],
        person=_person(loader, demo.person), interviewer=_officer(loader, registry), held_on=demo.held_on,
        mode=demo.mode, consent_to_record=demo.consent_to_record, consent_to_quote=demo.consent_to_quote,
        answers={number: text for number, (text, _coded) in enumerate(demo.answers, start=1)},
        created_by=loader.users[registry.officer])
    loader._made(demo.key, interview)
    answers = {answer.question.number: answer for answer in interview.answers.select_related("question")}
    for number, (_text, codes) in enumerate(demo.answers, start=1):
        answer, chosen = answers[number], _codes(codes)
        suggestions = _accepted(answer, chosen) if demo.key == SUGGESTIONS_ACCEPTED_IN else {}
        stakeholders.answer_coding_load(answer=answer, coder=loader.users[registry.officer], themes=chosen,
                                        suggestions=suggestions)
        if registry.partner == SECOND_CODER_PARTNER:
            second = content.SECOND_CODINGS.get((demo.key, number), codes)
            stakeholders.answer_coding_load(answer=answer, coder=loader.users[content.SECOND_CODER.key],
                                            themes=_codes(second))


def collaboration_load(loader: Loader, project: Any, collaboration: tuple[str, str, str, str, int, str]) -> None:
    """A collaboration declared by a partner of the project (none when the partner is gone)."""
    declared_by, first, second, kind, since_year, description = collaboration
    key = f"collaboration:{_slug(first)}:{_slug(second)}:{kind}"
    if demo_record_get(key=key) is not None:
        return
    partner = project.partners.filter(organisation=loader.organisations[declared_by]).first()
    if partner is None:
        return
    record = stakeholders.collaboration_load(
        first=loader.organisations[first], second=loader.organisations[second], kind=kind, declared_by=partner,
        since_year=since_year, description=description)
    loader._made(key, record)


def stakeholders_load(loader: Loader, project: Any) -> None:
    """Every partner's registry and interviews, each interview on its own (a refused one is left out with a
    note), then the declared collaborations."""
    loader.person(content.SECOND_CODER)
    guide = stakeholders.guide_default_ensure()
    for registry in content.REGISTRIES:
        partner = project.partners.filter(organisation=loader.organisations[registry.partner]).first()
        if partner is None:
            continue  # an administrator removed the partner: its registry goes with it
        name = partner.organisation.name
        loader._attempt(_("the stakeholder registry of %(partner)s") % {"partner": name},
                        stakeholder_registry_load, loader, partner, registry)
        for demo in registry.interviews:
            loader._attempt(_("the interview of %(partner)s with %(organisation)s") % {
                "partner": name, "organisation": loader.organisations[demo.organisation].name},
                interview_load, loader, partner, guide, registry, demo)
    for collaboration in content.COLLABORATIONS:
        loader._attempt(_("a declared collaboration of %(partner)s") % {
            "partner": loader.organisations[collaboration[0]].name}, collaboration_load, loader, project,
            collaboration)
