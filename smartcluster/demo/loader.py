"""Load the demo content (`content.py`): create what is missing, put back what was changed, mark everything.

Organisations, people and the project are written here (reference records, as an administrator would); the B2B
event and the maturity assessments go through the matchmaking and maturity services, acting as the demo's own
users, each a member of its organisation. Records users made are used as they are, never changed nor marked.
"""

from __future__ import annotations

import datetime as dt
import io
import zoneinfo
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from smartcluster.accounts.services import membership_load
from smartcluster.demo import challenges as challenge_loader
from smartcluster.demo import cluster_content, content, event_content, stakeholder_content
from smartcluster.demo import clusters as cluster_loader
from smartcluster.demo import events as event_loader
from smartcluster.demo import learning as learning_loader
from smartcluster.demo import monitoring as monitoring_loader
from smartcluster.demo import stakeholders as stakeholder_loader
from smartcluster.demo.selectors import demo_record_get
from smartcluster.demo.services import demo_mark, demo_state_loaded
from smartcluster.industries.choices import NaceLevel
from smartcluster.industries.selectors import industry_find
from smartcluster.matchmaking import services as matchmaking
from smartcluster.maturity import selectors as maturity_selectors
from smartcluster.maturity import services as maturity
from smartcluster.organisations import selectors as organisation_selectors
from smartcluster.organisations import services as organisations
from smartcluster.organisations.choices import PartnerRole, TagKind
from smartcluster.regions.selectors import region_find

User = get_user_model()
QUESTIONNAIRE_CODE = "dma-sme-v1"


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _region(code: str) -> Any:
    return region_find(code=code, version=content.NUTS_VERSION)


def _section(code: str) -> Any:
    return industry_find(code=code, level=NaceLevel.SECTION) if code else None


def _slug(key: str) -> str:
    return key.split(":", 1)[1]


def _put_back(record: models.Model, values: dict[str, Any]) -> bool:
    """Give a demo record its demo values again; True when something had changed."""
    changed = {name: value for name, value in values.items() if getattr(record, name) != value}
    for name, value in changed.items():
        setattr(record, name, value)
    if changed:
        record.full_clean()
        record.save()
    return bool(changed)


def refusal_reason(error: Exception) -> str:
    """A service's refusal in words: a ValidationError's messages, else the exception's own text."""
    return "; ".join(getattr(error, "messages", [str(error)]))


class Loader:
    """One run: the records found or made so far, by demo key, and what happened to report."""

    def __init__(self) -> None:
        self.now = timezone.now()
        self.report = LoadReport()
        self.organisations: dict[str, Any] = {}
        self.users: dict[str, Any] = {}
        self.participants: dict[str, Any] = {}
        self.missing_regions: set[str] = set()

    def _made(self, key: str, record: models.Model) -> None:
        demo_mark(key=key, record=record)
        self.report.created.append(key)

    def technology_tags_new(self, names: tuple[str, ...]) -> list[str]:
        """The names of technology tags that do not exist yet (a step that makes them marks them as demo)."""
        return [name for name in names if organisation_selectors.tag_with_name(name=name, kind=TagKind.TECHNOLOGY)
                is None]

    def technology_tags_mark(self, names: list[str]) -> None:
        for name in names:
            self._made(f"tag:{slugify(name)}", organisation_selectors.tag_with_name(name=name, kind=TagKind.TECHNOLOGY))

    def _kept_or_restored(self, key: str, record: models.Model, values: dict[str, Any]) -> None:
        if _put_back(record, values):
            self.report.restored.append(key)

    # --- partnership ---------------------------------------------------------------------------------------------

    def organisation(self, demo: content.DemoOrganisation) -> None:
        region = _region(demo.region_code)
        values = {"name": demo.name, "type": demo.type, "description": demo.description, "website": demo.website,
                  "size_class": demo.size_class, "region": region, "nace": _section(demo.nace_section),
                  "is_published": True}
        values = {name: value for name, value in values.items() if value is not None}  # not loaded: left as it is
        record = demo_record_get(key=demo.key)
        same_name = organisation_selectors.organisation_with_name(name=demo.name)
        if record is not None:
            if same_name is not None and same_name != record:
                values.pop("name")  # a user's organisation has the demo name now: keep the edited one
            self._kept_or_restored(demo.key, record, values)
        elif same_name is not None:
            record = same_name
            self.report.notes.append(_("“%(name)s” is not demo content: the demo uses it as it is.")
                                     % {"name": same_name})
        else:
            record = organisations.organisation_load(data=values)
            self._made(demo.key, record)
        if region is None:
            self.missing_regions.add(demo.region_code)
        self.organisations[demo.key] = record

    def project(self) -> Any:
        record = demo_record_get(key=content.PROJECT_KEY)
        if record is not None:
            self._kept_or_restored(content.PROJECT_KEY, record, dict(content.PROJECT))
            return record
        record = organisation_selectors.project_with_acronym(acronym=content.PROJECT["acronym"])
        if record is None:
            record = organisations.project_load(data=dict(content.PROJECT))
            self._made(content.PROJECT_KEY, record)
        return record

    def partner(self, project: Any, demo: content.DemoPartner) -> None:
        key = f"partner:{_slug(demo.organisation)}"
        organisation = self.organisations[demo.organisation]
        role = demo.role
        if role == PartnerRole.LEAD and project.partners.filter(role=PartnerRole.LEAD).exclude(
                organisation=organisation).exists():
            role = PartnerRole.PARTNER  # the project has another lead partner now
        values = {"role": role, "policy_instrument": demo.policy_instrument}
        record = demo_record_get(key=key)
        if record is None and not project.partners.filter(organisation=organisation).exists():
            record = organisations.partner_load(project=project, organisation=organisation, data=values)
            self._made(key, record)
        elif record is not None:
            self._kept_or_restored(key, record, values)
        if record is not None and organisation.region is not None:
            record.regions.set([organisation.region])

    # --- people and their accounts --------------------------------------------------------------------------------

    def user(self, demo: content.DemoPerson) -> Any:
        """The person's account: no password (nobody logs in as sample people), no e-mail (nothing is sent)."""
        key = f"user:{_slug(demo.key)}"
        record = demo_record_get(key=key)
        if record is None:
            username, number = f"demo-{_slug(demo.key)}", 1
            while User.objects.filter(username=username).exists():
                number += 1
                username = f"demo-{_slug(demo.key)}-{number}"
            first, _space, last = demo.name.partition(" ")
            record = User(username=username, first_name=first, last_name=last)
            record.set_unusable_password()
            record.save()
            self._made(key, record)
        organisation = self.organisations[demo.organisation]
        membership = membership_load(member=record, organisation=organisation)
        if membership is not None:
            self._made(f"membership:{_slug(demo.key)}", membership)
        self.users[demo.key] = record
        return record

    def person(self, demo: content.DemoPerson) -> None:
        user = self.user(demo)
        values = {"name": demo.name, "email": demo.email, "role": demo.role,
                  "organisation": self.organisations[demo.organisation],
                  "consent_to_contact": False, "consent_to_list": True}
        record = demo_record_get(key=demo.key)
        linked = organisation_selectors.person_for_user(user=user)
        if linked is not None and linked.pk != getattr(record, "pk", None):
            user = None  # someone linked the account to another person record: leave it there
        if record is not None:
            self._kept_or_restored(demo.key, record, {**values, "user": user})
            return
        record = organisations.person_load(data=values, user=user)
        self._made(demo.key, record)

    # --- B2B matchmaking ------------------------------------------------------------------------------------------

    def event(self) -> None:
        organiser = self.users[content.EVENT_ORGANISER]
        record = demo_record_get(key=content.EVENT_KEY)
        if record is not None:
            fields = {"title": content.EVENT["title"], "description": content.EVENT["description"],
                      "is_published": True}
            if any(getattr(record, name) != value for name, value in fields.items()):
                matchmaking.event_update(user=organiser, event=record, **fields)
                self.report.restored.append(content.EVENT_KEY)
        else:
            record = matchmaking.event_create(
                user=organiser, organiser=self.organisations[_organisation_of(content.EVENT_ORGANISER)],
                registration_opens_at=self._event_day(content.EVENT_REGISTRATION_OPENED),
                registration_closes_at=self._event_day(content.EVENT_REGISTRATION_CLOSES),
                requests_close_at=self._event_day(content.EVENT_REQUESTS_CLOSE), **content.EVENT)
            starts, ends = content.EVENT_SESSION
            day = self._event_day(content.EVENT_DAY).date()
            matchmaking.session_add(user=organiser, event=record, date=day, starts=starts, ends=ends)
            self._made(content.EVENT_KEY, record)
        for demo in content.PARTICIPANTS:
            self._attempt(_("the registration of %(who)s") % {"who": _person(demo.person).name}, self.participant,
                          record, demo)
        for requester, recipient, accepted in content.MEETING_REQUESTS:
            self._attempt(_("the meeting request of %(who)s to %(whom)s") % {
                "who": _person(requester).name, "whom": _person(recipient).name},
                self.meeting, requester, recipient, accepted)
        if any(key.startswith("meeting:") for key in self.report.created):
            self._attempt(_("the meeting schedule"), matchmaking.event_schedule, user=organiser, event=record,
                          time_limit=5.0)

    def _event_day(self, offset: dt.timedelta) -> dt.datetime:
        """DEADLINE_TIME in the event's time zone, `offset` days from today there."""
        zone = zoneinfo.ZoneInfo(content.EVENT["time_zone"])
        return dt.datetime.combine(self.now.astimezone(zone).date() + offset, content.DEADLINE_TIME, tzinfo=zone)

    def participant(self, event: Any, demo: content.DemoParticipant) -> None:
        key = f"participant:{_slug(demo.person)}"
        record = demo_record_get(key=key)
        if record is None:
            person = _person(demo.person)
            organisation = self.organisations[person.organisation]
            new_tags = self.technology_tags_new(demo.technologies)
            record = matchmaking.participant_register(
                user=self.users[demo.person], event=event, organisation_name=organisation.name,
                participant_type=organisation.type, country=demo.country, person_name=person.name,
                email=person.email, time_zone=demo.time_zone, consent_to_publish=True, job_title=person.role,
                region=organisation.region, description=demo.description, technologies=demo.technologies,
                opportunities=demo.opportunities)
            matchmaking.participant_decide(user=self.users[content.EVENT_ORGANISER], participant=record,
                                           approve=True)
            self._made(key, record)
            self.technology_tags_mark(new_tags)
        self.participants[demo.person] = record

    def meeting(self, requester: str, recipient: str, accepted: bool) -> None:
        key = f"meeting:{_slug(requester)}:{_slug(recipient)}"
        if demo_record_get(key=key) is not None or requester not in self.participants \
                or recipient not in self.participants:
            return
        record = matchmaking.meeting_request(
            user=self.users[requester], requester=self.participants[requester],
            recipient=self.participants[recipient], message=content.MEETING_MESSAGE)
        if accepted:
            record = matchmaking.meeting_accept(user=self.users[recipient], meeting=record)
        self._made(key, record)

    # --- maturity -------------------------------------------------------------------------------------------------

    def questionnaire(self) -> Any:
        """The published DMA questionnaire, loaded and published as setup does when it is not yet."""
        if maturity_selectors.questionnaire_current() is None:
            try:
                call_command("maturity_load_questionnaire", QUESTIONNAIRE_CODE, publish=True, stdout=io.StringIO())
            except CommandError as error:
                self.report.notes.append(_("Left out the maturity assessments: %(why)s") % {"why": error})
        return maturity_selectors.questionnaire_current()

    def campaign(self, questionnaire: Any) -> Any:
        owner = self.users[content.CAMPAIGN_OWNER]
        record = demo_record_get(key=content.CAMPAIGN_KEY)
        if record is not None:
            fields = {"name": content.CAMPAIGN["name"], "description": content.CAMPAIGN["description"]}
            if any(getattr(record, name) != value for name, value in fields.items()):
                maturity.campaign_update(user=owner, campaign=record, **fields)
                self.report.restored.append(content.CAMPAIGN_KEY)
            return record if record.questionnaire_id == questionnaire.pk else None
        organisation = self.organisations[_organisation_of(content.CAMPAIGN_OWNER)]
        record = maturity.campaign_create(
            user=owner, organisation=organisation, questionnaire=questionnaire, opens_at=self.now +
            content.CAMPAIGN_OPENED, region=organisation.region, **content.CAMPAIGN)
        self._made(content.CAMPAIGN_KEY, record)
        return record

    def assessment(self, questionnaire: Any, campaign: Any, person_key: str, strength: int) -> None:
        key = f"assessment:{_slug(person_key)}"
        if demo_record_get(key=key) is not None:
            return
        user = self.users[person_key]
        organisation = self.organisations[_organisation_of(person_key)]
        definition = questionnaire.parsed()
        record = maturity.assessment_start(questionnaire=questionnaire, user=user, campaign=campaign,
                                           respondent_hash=maturity.respondent_key_hash(maturity.respondent_key_new()))
        maturity.assessment_profile_save(assessment=record, user=user, organisation=organisation,
                                         size_class=organisation.size_class, nace=organisation.nace,
                                         region=organisation.region)
        maturity.assessment_answers_save(assessment=record, answers=sample_answers(definition, strength),
                                         step=len(definition.dimensions) + 1)
        record = maturity.assessment_submit(assessment=record, questionnaire_code=questionnaire.code)
        self._made(key, record)

    def maturity(self) -> None:
        questionnaire = self.questionnaire()
        if questionnaire is None:
            return
        campaign = self.campaign(questionnaire)
        for person_key, strength in content.ASSESSMENTS:
            self._attempt(_("the assessment of %(who)s") % {"who": _person(person_key).name}, self.assessment, questionnaire, campaign, person_key, strength)

    def clusters(self) -> None:
        """Each cluster's profile, then each one's evaluation (reviewed once all are there), skills and mission."""
        for cluster in cluster_content.CLUSTERS:
            self._attempt(cluster.name, cluster_loader.profile_load, self, cluster)
        for cluster in cluster_content.CLUSTERS:
            self._attempt(_("the evaluation of %(name)s") % {"name": cluster.name}, cluster_loader.evaluation_load,
                          self, cluster)
        self._attempt(_("the clusters' skills needs"), cluster_loader.skills_load, self)
        self._attempt(_("the joint cluster mission"), cluster_loader.mission_load, self)

    def project_life(self, project: Any) -> None:
        """Thessaly's stakeholder group, each event with what happened at it, the brainstorm, the communication."""
        self._attempt(_("the stakeholder group"), event_loader.stakeholder_group_load, self, project)
        for demo in event_content.EVENTS:
            self._attempt(demo.title, event_loader.event_load, self, project, demo)
        self._attempt(_("the brainstorm's ideas"), event_loader.brainstorm_load, self, project)
        self._attempt(_("the communication plan"), event_loader.communication_load, self, project)

    def _attempt(self, what: str, action: Any, *args: Any, **kwargs: Any) -> None:
        """One piece the partnership does without (the event, a registration, a request, an assessment): refused
        by its service, it is left out with a note and nothing of it is stored."""
        try:
            with transaction.atomic():
                action(*args, **kwargs)
        except (ValidationError, PermissionDenied) as error:
            self.report.notes.append(_("Left out %(what)s: %(why)s") % {"what": what, "why": refusal_reason(error)})

    def run(self) -> LoadReport:
        for demo in content.ORGANISATIONS + cluster_content.ORGANISATIONS + stakeholder_content.ORGANISATIONS:
            self.organisation(demo)
        if self.missing_regions:
            self.report.notes.append(_("NUTS %(version)s regions not loaded yet, left blank: %(codes)s (load the "
                                       "reference data, then run `smartcluster setup --demo`).")
                                     % {"version": content.NUTS_VERSION, "codes": ", ".join(sorted(self.missing_regions))})
        project = self.project()
        for demo in content.PARTNERS:
            self.partner(project, demo)
        for demo in content.PEOPLE + cluster_content.MANAGERS + cluster_content.OFFICERS:
            self.person(demo)
        self._attempt(_("the B2B event"), self.event)
        self._attempt(_("the maturity campaign"), self.maturity)
        self.clusters()
        self.project_life(project)
        stakeholder_loader.stakeholders_load(self, project)
        learning_loader.learning_load(self, project)
        challenge_loader.challenges_load(self)
        monitoring_loader.monitoring_load(self, project)
        demo_state_loaded()
        return self.report


def _person(key: str) -> content.DemoPerson:
    return next(person for person in content.PEOPLE + cluster_content.MANAGERS + cluster_content.OFFICERS
                if person.key == key)


def _organisation_of(person_key: str) -> str:
    return _person(person_key).organisation


def sample_answers(definition: Any, strength: int) -> dict[str, Any]:
    """Answers of a firm `strength` steps along (1–5): the first options of each question, more the stronger."""
    answers: dict[str, Any] = {}
    for question in definition.questions():
        if question.form == "ticks":
            answers[question.key] = [option.key for option in question.options if not option.negative][:strength]
        elif question.form == "ticks_per_row":
            done, planned = question.columns[0].key, question.columns[-1].key
            answers[question.key] = {**{row.key: [done] for row in question.rows[:strength]},
                                     **{row.key: [planned] for row in question.rows[strength:strength + 2]}}
        else:
            option = question.options[min(strength, len(question.options) - 1)].key
            answers[question.key] = {row.key: option for row in question.rows}
    return answers


def demo_load() -> LoadReport:
    """Load the demo (again): what is missing is created, demo records users changed get their demo values back;
    in one transaction, so a failure leaves nothing half-loaded."""
    with transaction.atomic():
        return Loader().run()

