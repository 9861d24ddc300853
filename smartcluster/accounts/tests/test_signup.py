"""Self sign-up with e-mail confirmation (django-allauth) beside Django's login page, as a visitor and an attacker."""

from __future__ import annotations

import re
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import LoginView
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import resolve, reverse

from smartcluster.accounts.tests.test_login_throttling import log_in
from smartcluster.organisations.models import Person
from smartcluster.organisations.selectors import person_list
from smartcluster.site.tests.test_site import unlabelled_controls

PASSWORD = "a long passphrase for tests"
NEXT = "/matchmaking/7/register/"


@pytest.fixture(autouse=True)
def fresh_rate_limits(settings: Any) -> None:
    """allauth counts sign-ups and sent e-mails per address in the cache: each test starts from zero."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()


def sign_up(client: Client, email: str = "maria@example.org", next_url: str = NEXT, **fields: str) -> Any:
    data = {"first_name": "Maria", "last_name": "Papadopoulou", "email": email, "password1": PASSWORD,
            "password2": PASSWORD, "next": next_url, **fields}
    return client.post(reverse("account_signup"), data)


def confirmation_link(message: mail.EmailMessage) -> str:
    """The path (and query) of the confirmation link in an e-mail."""
    match = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+)", message.body)
    assert match, message.body
    return match.group(1)


def logged_in_user_id(client: Client) -> str | None:
    return client.session.get("_auth_user_id")


@pytest.mark.django_db
def test_sign_up_creates_an_unconfirmed_account_with_its_person_and_mails_a_link_back_to_next() -> None:
    response = sign_up(Client())
    assert response.status_code == 302 and response["Location"] == reverse("account_email_verification_sent")
    user = get_user_model().objects.get(email="maria@example.org")
    assert user.get_full_name() == "Maria Papadopoulou" and user.has_usable_password()
    person = Person.objects.get(user=user)
    assert (person.name, person.email, person.organisation, person.consent_to_list) == (
        "Maria Papadopoulou", "maria@example.org", None, False)
    # Without consent to be listed, nobody else sees the new person record; its owner does.
    assert not person_list(user=AnonymousUser()).exists() and list(person_list(user=user)) == [person]
    assert not EmailAddress.objects.get(user=user).verified
    (message,) = mail.outbox
    assert message.to == ["maria@example.org"] and message.subject.startswith("[smartcluster] ")
    assert confirmation_link(message).endswith("/?next=%2Fmatchmaking%2F7%2Fregister%2F")
    assert "Hello from smartcluster!" in message.body


@pytest.mark.django_db
def test_sign_up_drops_a_next_that_leaves_the_site() -> None:
    sign_up(Client(), next_url="https://attacker.example/phish")
    (message,) = mail.outbox
    assert "attacker" not in message.body and "?next=" not in confirmation_link(message)


@pytest.mark.django_db
def test_sign_up_refuses_an_e_mail_address_already_taken_and_tells_its_owner_by_e_mail() -> None:
    owner = get_user_model().objects.create_user("maria", "maria@example.org", "the owner's own password")
    response = sign_up(Client(), email="Maria@Example.org")
    # The page does not say whether the address has an account (allauth's enumeration prevention): its owner is told.
    assert response.status_code == 302 and response["Location"] == reverse("account_email_verification_sent")
    assert get_user_model().objects.count() == 1 and not Person.objects.exists()
    owner.refresh_from_db()
    assert owner.check_password("the owner's own password")
    (message,) = mail.outbox
    assert message.to == ["maria@example.org"]
    assert "an account using that email address already exists" in message.body
    assert "/accounts/password/reset/" in message.body


@pytest.mark.django_db
def test_sign_up_shows_what_is_wrong_and_creates_nothing() -> None:
    response = sign_up(Client(), first_name="", password2="not the same passphrase")
    assert response.status_code == 200
    page = response.content.decode()
    assert "This field is required." in page and "You must type the same password each time." in page
    assert not get_user_model().objects.exists() and not mail.outbox


@pytest.mark.django_db
def test_an_unconfirmed_account_cannot_log_in_until_its_address_is_confirmed() -> None:
    sign_up(Client())
    browser = Client()
    credentials = {"username": "maria@example.org", "password": PASSWORD, "next": NEXT}
    refused = browser.post(reverse("login"), credentials)
    assert refused.status_code == 200 and logged_in_user_id(browser) is None
    assert "e-mail address is not confirmed yet" in refused.content.decode()
    # The refusal sends the link again (at most one e-mail per address every few minutes).
    assert len(mail.outbox) == 1
    browser.post(reverse("login"), credentials)
    assert len(mail.outbox) == 1

    link = confirmation_link(mail.outbox[0])
    assert browser.get(link).status_code == 200
    assert browser.post(link)["Location"] == NEXT
    assert EmailAddress.objects.get(email="maria@example.org").verified
    accepted = browser.post(reverse("login"), credentials)
    assert accepted.status_code == 302 and accepted["Location"] == NEXT
    assert logged_in_user_id(browser) == str(get_user_model().objects.get(email="maria@example.org").pk)


@pytest.mark.django_db
def test_confirming_in_the_sign_up_browser_logs_in_and_returns_to_next() -> None:
    browser = Client()
    sign_up(browser)
    link = confirmation_link(mail.outbox[0])
    response = browser.post(link)
    assert response.status_code == 302 and response["Location"] == NEXT
    assert logged_in_user_id(browser) is not None


@pytest.mark.django_db
def test_sign_up_form_refuses_a_post_without_csrf_token() -> None:
    attacker = Client(enforce_csrf_checks=True)
    assert attacker.get(reverse("account_signup")).status_code == 200
    response = sign_up(attacker)
    assert response.status_code == 403
    assert not get_user_model().objects.exists() and not Person.objects.exists() and not mail.outbox


@pytest.mark.django_db
def test_confirmation_form_refuses_a_post_without_csrf_token() -> None:
    sign_up(Client())
    response = Client(enforce_csrf_checks=True).post(confirmation_link(mail.outbox[0]))
    assert response.status_code == 403
    assert not EmailAddress.objects.get(email="maria@example.org").verified


@pytest.mark.django_db
def test_login_page_offers_password_reset_and_sign_up_keeping_next() -> None:
    page = Client().get(reverse("login"), {"next": NEXT}).content.decode()
    assert f'href="{reverse("account_reset_password")}"' in page
    assert f'href="{reverse("account_signup")}?next={NEXT}"' in page
    assert "Ask your project" not in page


@pytest.mark.django_db
def test_an_account_made_by_an_administrator_logs_in_by_user_name_or_e_mail() -> None:
    get_user_model().objects.create_user("officer", "officer@example.org", PASSWORD)
    for login in ("officer", "officer@example.org"):
        browser = Client()
        response = browser.post(reverse("login"), {"username": login, "password": PASSWORD})
        assert response.status_code == 302 and logged_in_user_id(browser) is not None


@pytest.mark.django_db
def test_password_reset_mails_a_link_that_sets_a_new_password() -> None:
    user = get_user_model().objects.create_user("officer", "officer@example.org", "the forgotten password")
    browser = Client()
    response = browser.post(reverse("account_reset_password"), {"email": "officer@example.org"})
    assert response.status_code == 302
    (message,) = mail.outbox
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+)", message.body).group(1)
    form_url = browser.get(link)["Location"]  # allauth moves the key into the session, then shows the form
    new = "a brand new passphrase 2026"
    done = browser.post(form_url, {"password1": new, "password2": new})
    assert done["Location"] == reverse("account_reset_password_from_key_done")
    user.refresh_from_db()
    assert user.check_password(new)
    # allauth has recorded the address (unconfirmed) on the way: an account an administrator made still logs in.
    assert EmailAddress.objects.filter(user=user, verified=False).exists()
    assert browser.post(reverse("login"), {"username": "officer@example.org", "password": new}).status_code == 302


def confirmed_account(email: str = "maria@example.org") -> Any:
    """An account as sign-up leaves it once its address is confirmed."""
    user = get_user_model().objects.create_user("maria", email, PASSWORD, first_name="Maria")
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
    return user


def test_the_login_page_is_the_only_password_login() -> None:
    """allauth's own login view (which django-axes would not watch the same way) is shadowed by Django's."""
    assert reverse("account_login") == reverse("login")
    assert resolve(reverse("account_login")).func.view_class is LoginView


@pytest.mark.django_db
def test_wrong_passwords_for_an_e_mail_address_lock_it_out() -> None:
    user = confirmed_account()
    for attempt in range(django_settings.AXES_FAILURE_LIMIT):
        log_in("maria@example.org", "guess", address=f"203.0.113.{attempt + 1}")
    assert log_in("maria@example.org", PASSWORD, address="203.0.113.200").status_code == 429
    user.refresh_from_db()
    assert user.last_login is None


@pytest.mark.django_db
def test_failures_under_the_user_name_and_the_e_mail_address_count_together() -> None:
    confirmed_account()
    logins = ["maria", "MARIA@example.org", "maria@example.org"]
    for attempt in range(django_settings.AXES_FAILURE_LIMIT):
        log_in(logins[attempt % len(logins)], "guess", address=f"203.0.113.{attempt + 1}")
    assert log_in("maria", PASSWORD, address="203.0.113.200").status_code == 429
    assert log_in("Maria@Example.org", PASSWORD, address="203.0.113.201").status_code == 429


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["account_email", "account_change_password"])
def test_allauth_pages_not_restyled_here_show_in_the_site_frame(url_name: str) -> None:
    browser = Client()
    browser.force_login(confirmed_account())
    page = browser.get(reverse(url_name)).content.decode()
    assert 'class="site-header"' in page and 'class="site-footer"' in page


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["account_signup", "account_reset_password"])
def test_sign_up_and_password_reset_label_every_control(url_name: str) -> None:
    response = Client().get(reverse(url_name))
    assert response.status_code == 200
    assert unlabelled_controls(response.content.decode()) == []
