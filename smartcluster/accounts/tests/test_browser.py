"""Real headless Chromium: a visitor signs up from a matchmaking event page, confirms the e-mail address, lands on
the event's registration form, registers and requests a meeting; a user who forgot the password sets a new one."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache

from smartcluster.accounts.models import Membership, MembershipRole
from smartcluster.matchmaking import services
from smartcluster.matchmaking.models import Meeting, Participant
from smartcluster.matchmaking.tests.conftest import create_event, make_user, register
from smartcluster.organisations.models import Organisation, OrganisationType, Person

PASSWORD = "a long passphrase for tests"
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


@pytest.fixture(autouse=True)
def fresh_rate_limits(settings: Any) -> None:
    """allauth counts sign-ups and sent e-mails in the cache: each test starts from zero."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()


def _link_in_last_mail(live_server: Any, pattern: str) -> str:
    """The link of the last e-mail sent (the live server runs in this process, so its outbox is ours)."""
    match = re.search(rf"https?://[^/\s]+({pattern}\S*)", mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    return f"{live_server.url}{match.group(1)}"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_visitor_signs_up_from_an_event_page_registers_and_requests_a_meeting(
    browser: Any, live_server: Any, screenshot_dir: Path,
) -> None:
    organiser = make_user("organiser")
    cluster = Organisation.objects.create(name="Cluster Lietuva", type=OrganisationType.CLUSTER)
    Membership.objects.create(user=organiser, organisation=cluster, role=MembershipRole.PARTNER_EDITOR)
    event = create_event(organiser, title="Baltic–Aegean Industry 4.0 B2B")
    nikos = register(event, "nikos")  # an approved participant to meet
    page = browser.new_context(**DESKTOP).new_page()

    page.goto(f"{live_server.url}/matchmaking/{event.pk}/")
    page.get_by_role("link", name="Sign up to register").click()
    page.get_by_label("First name").fill("Maria")
    page.get_by_label("Last name").fill("Papadopoulou")
    page.get_by_label("Email").fill("maria@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.screenshot(path=str(screenshot_dir / "signup-1-form.png"), full_page=True)
    page.get_by_role("button", name="Sign up").click()
    assert "sent you an e-mail" in page.locator("#verification-sent").inner_text()
    page.screenshot(path=str(screenshot_dir / "signup-2-check-your-mail.png"), full_page=True)

    page.goto(_link_in_last_mail(live_server, "/accounts/confirm-email/"))
    page.get_by_role("button", name="Confirm").click()
    # Confirmed and logged in, back on the registration form of the event the visitor came from.
    assert page.url == f"{live_server.url}/matchmaking/{event.pk}/register/"
    assert page.get_by_label("Your name").input_value() == "Maria Papadopoulou"
    assert page.locator("#id_email").input_value() == "maria@example.org"
    page.locator("#id_organisation_name").fill("Aegean Sensors")
    page.get_by_label("Organisation type").select_option("sme")
    page.get_by_label("Country code").fill("EL")
    page.get_by_label("Your time zone").select_option("Europe/Athens")
    page.locator("#id_opp-0-kind").select_option("request")
    page.locator("#id_opp-0-title").fill("CNC machining for sensor housings")
    page.get_by_label("I agree that my profile").check()
    page.get_by_role("button", name="Register").click()
    assert "Waiting for approval" in page.locator("#registration-status").inner_text()

    maria = get_user_model().objects.get(email="maria@example.org")
    participant = Participant.objects.get(user=maria, event=event)
    assert participant.person == Person.objects.get(user=maria)  # the sign-up's person record, completed
    services.participant_decide(user=organiser, participant=participant, approve=True)  # organisers still approve

    page.goto(f"{live_server.url}/matchmaking/{event.pk}/participants/")
    page.get_by_role("link", name=nikos.organisation.name).click()
    page.get_by_label("Message").fill("Your machining for our sensor housings?")
    page.get_by_role("button", name="Request a meeting").click()
    assert "Request sent" in page.content()
    page.screenshot(path=str(screenshot_dir / "signup-3-meeting-requested.png"), full_page=True)
    meeting = Meeting.objects.get()
    assert (meeting.requester, meeting.recipient) == (participant, nikos)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_user_who_forgot_the_password_sets_a_new_one_by_e_mail(
    browser: Any, live_server: Any, screenshot_dir: Path,
) -> None:
    user = get_user_model().objects.create_user("officer", "officer@example.org", "the forgotten password")
    page = browser.new_context(**DESKTOP).new_page()

    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_role("link", name="Forgot your password?").click()
    page.get_by_label("Email").fill("officer@example.org")
    page.get_by_role("button", name="Send me the link").click()
    assert "sent you an e-mail" in page.locator("#reset-sent").inner_text()

    page.goto(_link_in_last_mail(live_server, "/accounts/password/reset/key/"))
    page.get_by_label("New Password", exact=True).fill(PASSWORD)
    page.get_by_label("New Password (again)").fill(PASSWORD)
    page.screenshot(path=str(screenshot_dir / "password-reset-1-new-password.png"), full_page=True)
    page.get_by_role("button", name="Save the new password").click()
    assert "Your new password is saved." in page.locator("#password-changed").inner_text()

    page.get_by_role("main").get_by_role("link", name="Log in").click()
    page.get_by_label("Username").fill("officer@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    assert page.locator(".account .who").inner_text() == "officer"
    page.screenshot(path=str(screenshot_dir / "password-reset-2-logged-in.png"), full_page=True)
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
