"""Load the demo's project life (`event_content.py`) through the events app's trusted loaders: events with
their agenda, registrations and attendance, decisions, actions, check-in issues and survey answers; Thessaly's
stakeholder group, the brainstorm and the communication plan. An event already loaded is left as it is."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from smartcluster.demo import event_content as content
from smartcluster.demo.selectors import demo_record_get
from smartcluster.events import services as events
from smartcluster.events.choices import ParticipantGroup, RegistrationStatus
from smartcluster.organisations import selectors as organisation_selectors

if TYPE_CHECKING:
    from smartcluster.demo.loader import Loader

GROUP_KEY = "stakeholder-group:thessaly"
PLAN_KEY = "communication-plan"


def _partner(loader: Loader, project: Any, organisation_key: str) -> Any:
    return project.partners.get(organisation=loader.organisations[organisation_key])


def _person(loader: Loader, person_key: str) -> Any:
    return organisation_selectors.person_for_user(user=loader.users[person_key])


def _participant_group(loader: Loader, project: Any, person: Any) -> tuple[str, Any]:
    """Partners' staff come with their partner; everybody else as a stakeholder."""
    partner = project.partners.filter(organisation=person.organisation).first()
    return (ParticipantGroup.PARTNER_STAFF, partner) if partner else (ParticipantGroup.STAKEHOLDER, None)


def stakeholder_group_load(loader: Loader, project: Any) -> None:
    group = content.STAKEHOLDER_GROUP
    members = [{"organisation": loader.organisations[_organisation_of(loader, key)], "person": _person(loader, key),
                "joined_on": group["joined_on"]} for key in group["members"]]
    record = events.stakeholder_group_load(partner=_partner(loader, project, group["partner"]), name=group["name"],
                                           members=members)
    if demo_record_get(key=GROUP_KEY) is None:
        loader._made(GROUP_KEY, record)


def event_load(loader: Loader, project: Any, demo: content.DemoEvent) -> None:
    """One event with what happened at it."""
    if demo_record_get(key=demo.key) is not None:
        return
    fields = {"kind": demo.kind, "host": _partner(loader, project, demo.host), "starts_at": demo.starts_at,
              "ends_at": demo.ends_at, "time_zone": demo.time_zone, "thematic_focus": demo.thematic_focus,
              "description": demo.description, "venue": demo.venue, "online_url": demo.online_url,
              "is_published": demo.is_published}
    if demo.partner_met:
        fields["partner_met"] = _partner(loader, project, demo.partner_met)
    if demo.kind == "stakeholder_meeting":
        fields["stakeholder_group"] = demo_record_get(key=GROUP_KEY)
    sessions = [{"title": title, "starts_at": start, "ends_at": end, "speakers": speakers}
                for title, start, end, speakers in demo.sessions]
    event = events.project_event_load(project=project, title=demo.title, sessions=sessions, **fields)
    loader._made(demo.key, event)
    registrations = []
    for key in demo.attendees + demo.invited:
        person = _person(loader, key)
        kind, partner = _participant_group(loader, project, person)
        came = key in demo.attendees
        registrations.append(events.registration_load(
            event=event, person=person, group=kind, partner=partner, attended=came,
            status=RegistrationStatus.REGISTERED if came else RegistrationStatus.INVITED))
    for registration, (satisfaction, learning, before, after, useful) in zip(registrations, demo.feedback,
                                                                          strict=False):
        answers = {"satisfaction": satisfaction, "learning": learning, "most_useful": useful}
        if before is not None:
            answers.update(capacity_before=before, capacity_after=after)
        events.feedback_load(registration=registration, **answers)
    for number, text in enumerate(demo.decisions, start=1):
        events.decision_load(event=event, number=number, text=text)
    issues = [events.check_in_issue_load(event=event, topic=topic, text=text) for topic, text in demo.issues]
    for title, owner, due_on, status in demo.actions:
        events.action_load(event=event, title=title, owner=_person(loader, owner), due_on=due_on, status=status,
                           done_on=due_on if status == "done" else None, issue=issues[0] if issues else None)


def brainstorm_load(loader: Loader, project: Any) -> None:
    """The brainstorm's ideas in their themes and the participants' votes."""
    event = demo_record_get(key="event:brainstorm-thessaly")
    if event is None or event.ideas.exists():
        return
    themes = [events.brainstorm_theme_load(event=event, title=title) for title in content.BRAINSTORM_THEMES]
    for author, text, theme, votes in content.BRAINSTORM_IDEAS:
        idea = events.brainstorm_idea_load(event=event, author=loader.users[author], text=text,
                                           theme=themes[theme] if theme is not None else None)
        for voter, count in votes.items():
            events.brainstorm_vote_load(idea=idea, voter=loader.users[voter], votes=count)


def communication_load(loader: Loader, project: Any) -> None:
    """The plan of the communication partner and its items, tied to the events they report on."""
    if demo_record_get(key=PLAN_KEY) is not None:
        return
    plan = content.COMMUNICATION
    record = events.communication_plan_load(
        project=project, responsible=_partner(loader, project, plan["responsible"]), objectives=plan["objectives"],
        target_groups=plan["target_groups"], channels=plan["channels"], kpis=plan["kpis"])
    loader._made(PLAN_KEY, record)
    for kind, number, title, semester, responsible, status, published_on, reach, reported in \
            content.COMMUNICATION_ITEMS:
        item = events.communication_item_load(
            project=project, kind=kind, number=number, title=title, due_semester=semester,
            responsible=_partner(loader, project, responsible), status=status, published_on=published_on,
            reach=reach, events=[record for key in reported if (record := demo_record_get(key=key)) is not None])
        loader._made(f"communication:{kind}:{number}", item)


def _organisation_of(loader: Loader, person_key: str) -> str:
    person = _person(loader, person_key)
    return next(key for key, organisation in loader.organisations.items() if organisation.pk == person.organisation_id)
