"""An organiser with an event of four slots, and a factory of approved participants."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from smartcluster.accounts.models import Membership, MembershipRole
from smartcluster.matchmaking import services
from smartcluster.matchmaking.models import Event, Participant
from smartcluster.organisations.models import Organisation, OrganisationType

PASSWORD = "a-long-test-password-42"
EVENT_DAY = dt.date(2030, 3, 14)


def make_user(username: str) -> Any:
    return get_user_model().objects.create_user(username=username, password=PASSWORD,
                                                email=f"{username}@example.org")


@pytest.fixture
def organiser_user(db: None) -> Any:
    user = make_user("organiser")
    organisation = Organisation.objects.create(name="Cluster Lietuva", type=OrganisationType.CLUSTER)
    Membership.objects.create(user=user, organisation=organisation, role=MembershipRole.PARTNER_EDITOR)
    return user


@pytest.fixture
def other_organiser(db: None) -> Any:
    user = make_user("other-organiser")
    organisation = Organisation.objects.create(name="Agencia Murcia", type=OrganisationType.DEVELOPMENT_AGENCY)
    Membership.objects.create(user=user, organisation=organisation, role=MembershipRole.PARTNER_EDITOR)
    return user


def create_event(user: Any, **overrides: Any) -> Event:
    """Online event in Vilnius time, registration and requests open now, one session 09:00–11:00 (4 slots)."""
    now = timezone.now()
    fields = {
        "title": "Smart Industry B2B", "time_zone": "Europe/Vilnius",
        "registration_opens_at": now - dt.timedelta(days=1), "registration_closes_at": now + dt.timedelta(days=10),
        "requests_close_at": now + dt.timedelta(days=10), "meeting_minutes": 25, "break_minutes": 5,
        "mode": "online", "table_count": 5, "max_meetings_per_participant": 3, "allowed_types": [],
        "requires_acceptance": True, "is_published": True,
    }
    fields.update(overrides)
    organiser = Membership.objects.get(user=user).organisation
    event = services.event_create(user=user, organiser=organiser, **fields)
    services.session_add(user=user, event=event, date=EVENT_DAY, starts=dt.time(9), ends=dt.time(11))
    return event


@pytest.fixture
def event(organiser_user: Any) -> Event:
    return create_event(organiser_user)


def register(event: Event, name: str, *, approve: bool = True, organiser: Any = None, time_zone: str = "",
             participant_type: str = OrganisationType.SME, **extra: Any) -> Participant:
    user = make_user(name)
    participant = services.participant_register(
        user=user, event=event, organisation_name=f"{name.title()} Ltd", participant_type=participant_type,
        country=extra.pop("country", "LT"), person_name=f"{name.title()} Person", email=user.email,
        time_zone=time_zone or event.time_zone, consent_to_publish=True, **extra,
    )
    if approve:
        services.participant_decide(user=organiser or event.created_by, participant=participant, approve=True)
        participant.refresh_from_db()
    return participant


@pytest.fixture
def participant_factory(event: Event) -> Callable[..., Participant]:
    def make(name: str, **kwargs: Any) -> Participant:
        return register(kwargs.pop("event", event), name, **kwargs)

    return make


@pytest.fixture(autouse=True)
def test_settings(settings: Any) -> None:
    """A fast password hasher (many users per test), and static files from the finders (no collected manifest)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {**settings.STORAGES,
                         "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
