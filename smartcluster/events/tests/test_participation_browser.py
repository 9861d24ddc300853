"""Real headless Chromium: the host invites a person, who registers through the link of the invitation with their
needs; the host then ticks attendance in the checklist (htmx swaps the row, the page is not reloaded)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from smartcluster.events.choices import RegistrationStatus
from smartcluster.events.models import Registration
from smartcluster.events.tests.participation_factories import build_world, make_event

PASSWORD = "a-long-test-password-42"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_host_invites_the_guest_registers_by_link_and_attendance_is_ticked(browser: Any,
                                                                              live_server: Any) -> None:
    world = build_world()
    event = make_event(world)
    editor = world.users["editor_a"]
    editor.set_password(PASSWORD)
    editor.save()
    host = browser.new_context().new_page()
    host.goto(f"{live_server.url}/accounts/login/")
    host.get_by_label("Username").fill("editor_a")
    host.get_by_label("Password").fill(PASSWORD)
    host.get_by_role("button", name="Log in").click()
    host.goto(f"{live_server.url}/events/{event.pk}/participants/")
    host.get_by_label("Name").fill("Eleni Guest")
    host.get_by_label("E-mail").fill("eleni@example.org")
    host.get_by_label("Comes as").select_option("external")
    host.get_by_role("button", name="Send the invitation").click()
    host.get_by_text("Eleni Guest is invited.").wait_for()
    registration = Registration.objects.get(person__email="eleni@example.org")

    guest = browser.new_context().new_page()
    guest.goto(f"{live_server.url}/events/registration/{registration.token}/")
    guest.get_by_label("Dietary needs").fill("vegetarian")
    guest.get_by_role("button", name="Register").click()
    guest.get_by_text("You are registered.").wait_for()
    registration.refresh_from_db()
    assert (registration.status, registration.dietary_needs) == (RegistrationStatus.REGISTERED, "vegetarian")

    host.reload()
    host.evaluate("window.notReloaded = true")
    row = host.locator(f"#registration-{registration.pk}")
    assert "vegetarian" in row.inner_text()
    row.get_by_role("button", name=re.compile(r"^Present\W+Eleni Guest$")).click()
    host.locator(f"#registration-{registration.pk}", has_text="✓").wait_for()
    assert host.evaluate("window.notReloaded") is True
    registration.refresh_from_db()
    assert registration.attended
