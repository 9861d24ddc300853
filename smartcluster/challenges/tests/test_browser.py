"""Real headless Chromium, an open innovation challenge end to end: the organiser posts a brief with criteria and
publishes it; a solver forms a team and sends its submission before the deadline; after it, the organiser checks
eligibility and invites three jurors; the jurors accept and declare their conflicts (one declared, one automatic:
a juror of a team's own organisation), the assignment runs, the jurors score; the organiser reads the raw and
calibrated ranking and confirms the winner; the team reads its feedback and the public results page names it.
Two rival teams are prepared directly (their pages are the teams tests'); every other step is clicked."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from smartcluster.challenges.choices import Eligibility, SubmissionStatus
from smartcluster.challenges.models import Assignment, Award, Challenge, Submission
from smartcluster.challenges.tests.world import build_challenge_world, make_solver, make_team
from smartcluster.maturity.tests.conftest import plain_http_and_static_files  # noqa: F401 - reused (autouse)
from smartcluster.organisations.models import Organisation

DESKTOP = {"viewport": {"width": 1280, "height": 900}}
ZONE = "Europe/Berlin"
TITLE = "Energy monitoring for small foundries"
WINNER_TITLE = "Clamp-on meters with a savings dashboard"
FEEDBACK = "A convincing pilot plan with real figures."
# submission title → (score of criterion 1, score of criterion 2), moved by each juror's harshness or leniency
SCORES = {"Rival two": (3, 3), "Rival three": (4, 3.5), WINNER_TITLE: (4.5, 4)}
LENIENCY = {"juror_one": 0, "juror_two": -1, "juror_three": 0.5}


def _logged_in(browser: Any, live_server: Any, user: Any, settings: Any) -> Any:
    """A browser page carrying the user's session (logging in by form is the accounts app's own test)."""
    client = Client()
    client.force_login(user)
    context = browser.new_context(**DESKTOP)
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME]
                          .value, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def _local(moment: dt.datetime) -> str:
    """A moment as the brief's datetime-local fields take it, in the challenge's time zone."""
    return moment.astimezone(zoneinfo.ZoneInfo(ZONE)).strftime("%Y-%m-%dT%H:%M")


def _post_and_publish(page: Any, live_server: Any, organiser: Organisation) -> Challenge:
    now = timezone.now()
    page.goto(f"{live_server.url}/challenges/briefs/new/")
    page.get_by_label("Posted by").select_option(str(organiser.pk))
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Problem").fill("Small foundries do not know which furnace or line uses what energy.")
    page.get_by_label("Expected outcome").fill("Metering per line and the three cheapest savings.")
    page.get_by_label("Time zone").select_option(ZONE)
    for field, moment in (("opens_at", now - dt.timedelta(hours=1)), ("deadline_at", now + dt.timedelta(days=2)),
                          ("evaluation_ends_at", now + dt.timedelta(days=20)),
                          ("results_at", now + dt.timedelta(days=30))):
        page.locator(f"#id_{field}").fill(_local(moment))
    page.get_by_label("Scores per submission").fill("2")
    page.get_by_label("Scores per juror needed for calibration").fill("2")
    for row, (name, weight) in enumerate((("Savings", "60"), ("Ease of use", "40"))):
        page.locator(f"#id_criteria-{row}-name").fill(name)
        page.locator(f"#id_criteria-{row}-weight").fill(weight)
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name=TITLE).wait_for()
    challenge = Challenge.objects.get(title=TITLE)
    assert list(challenge.criteria.values_list("name", "position")) == [("Savings", 1), ("Ease of use", 2)]
    page.get_by_role("link", name="Publish").click()
    page.get_by_role("button", name="Publish").click()
    page.get_by_role("heading", name=TITLE).wait_for()
    challenge.refresh_from_db()
    assert challenge.is_published
    return challenge


def _apply_and_send(page: Any, live_server: Any, challenge: Challenge, organisation: Organisation) -> Submission:
    page.goto(f"{live_server.url}/challenges/briefs/{challenge.pk}/")
    page.get_by_role("link", name="Apply with a team").click()
    page.get_by_label("Team name").fill("Larissa Meters")
    page.get_by_label("Applying organisation").select_option(str(organisation.pk))
    page.get_by_role("button", name="Form the team").click()
    page.get_by_role("link", name="Write the submission").click()
    for label, text in (("Title of the solution", WINNER_TITLE),
                        ("Summary", "Clamp-on meters on every furnace feed a dashboard."),
                        ("Proposed solution", "Meters, a gateway and a dashboard naming three savings."),
                        ("Expected impact", "A tenth of the energy bill saved in the first year."),
                        ("Implementation plan and team", "Two engineers; a pilot of three months.")):
        page.get_by_label(label).fill(text)
    page.get_by_role("button", name="Save the draft").click()
    page.get_by_role("link", name="Send the submission").click()
    page.get_by_label("I confirm").check()
    page.get_by_role("button", name="Send").click()
    page.get_by_text(str(SubmissionStatus.SUBMITTED.label)).first.wait_for()
    submission = Submission.objects.get(title=WINNER_TITLE)
    assert submission.status == SubmissionStatus.SUBMITTED
    return submission


def _check_eligibility(page: Any, live_server: Any, challenge: Challenge) -> None:
    for submission in Submission.objects.filter(team__challenge=challenge):
        page.goto(f"{live_server.url}/challenges/submissions/{submission.pk}/eligibility/")
        page.get_by_label("Eligible", exact=True).check()
        page.get_by_role("button", name="Record").click()
        page.wait_for_url(f"**/challenges/{challenge.pk}/submissions/")
    assert set(Submission.objects.filter(team__challenge=challenge).values_list("eligibility", flat=True)) == {
        Eligibility.ELIGIBLE}


def _invite(page: Any, live_server: Any, challenge: Challenge, juror: Any, organisation: Organisation) -> None:
    page.goto(f"{live_server.url}/challenges/{challenge.pk}/jurors/")
    page.get_by_label("User name or e-mail of the juror").fill(juror.username)
    page.get_by_label("Juror's organisation").select_option(str(organisation.pk))
    page.get_by_role("button", name="Invite").click()
    page.locator("#jurors", has_text=juror.username).wait_for()


def _accept_and_declare(page: Any, live_server: Any, challenge: Challenge, conflict_with: str = "",
                        screenshot: Path | None = None) -> None:
    page.goto(f"{live_server.url}/challenges/jury/")
    page.get_by_role("button", name="Accept the invitation").click()
    page.get_by_role("heading", name="Conflicts of interest").wait_for()  # accepting leads to the declaration
    if conflict_with:
        page.get_by_label(f"I have a conflict of interest with “{conflict_with}”", exact=False).check()
        page.get_by_label(f"Reason for “{conflict_with}”").fill("I advise this firm on its energy contracts.")
    if screenshot:
        page.screenshot(path=str(screenshot), full_page=True)
    page.get_by_role("button", name="Confirm my conflicts of interest").click()
    page.get_by_role("heading", name="My jury work").wait_for()


def _score_all(page: Any, live_server: Any, challenge: Challenge, juror: Any) -> None:
    for assignment in Assignment.objects.filter(juror__challenge=challenge, juror__user=juror):
        title = assignment.submission.title
        page.goto(f"{live_server.url}/challenges/assignments/{assignment.pk}/")
        for label, value in zip(("Savings (0 to 5)", "Ease of use (0 to 5)"), SCORES[title], strict=True):
            page.get_by_label(label).fill(str(value + LENIENCY[juror.username]))
        page.get_by_label("Overall comment to the team").fill(FEEDBACK if title == WINNER_TITLE else "Sound idea.")
        page.get_by_role("button", name="Send my scores (final)").click()
        page.get_by_role("heading", name=f"Scoring “{title}”").wait_for()
        assignment.refresh_from_db()
        assert assignment.submitted_at is not None, title


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_challenge_from_brief_to_published_results_through_the_pages(
        browser: Any, live_server: Any, screenshot_dir: Path, settings: Any) -> None:
    cw = build_challenge_world()
    organiser = _logged_in(browser, live_server, cw.users["editor_a"], settings)
    challenge = _post_and_publish(organiser, live_server, cw.world.org_a)
    organiser.screenshot(path=str(screenshot_dir / "challenges-1-brief-published.png"), full_page=True)

    solver = make_solver("solver_one", "Larissa Meters SME")
    team_page = _logged_in(browser, live_server, solver, settings)
    submission = _apply_and_send(team_page, live_server, challenge, Organisation.objects.get(name="Larissa Meters SME"))
    team_page.screenshot(path=str(screenshot_dir / "challenges-2-submission-sent.png"), full_page=True)
    rivals = {}
    for username, organisation_name, title in (("solver_two", "Volos Heat SME", "Rival two"),
                                               ("solver_three", "Kassel Furnace SME", "Rival three")):
        lead = make_solver(username, organisation_name)
        rivals[title] = make_team(challenge, lead, Organisation.objects.get(name=organisation_name), title=title)

    # The deadline passes (the clock moves on for the test; the brief's own deadline rule is the briefs tests').
    now = timezone.now()
    Challenge.objects.filter(pk=challenge.pk).update(opens_at=now - dt.timedelta(days=3),
                                                     deadline_at=now - dt.timedelta(minutes=1))
    _check_eligibility(organiser, live_server, challenge)
    jurors = {"juror_one": make_solver("juror_one", "Fulda Energy Institute"),
              "juror_two": make_solver("juror_two", "Vilnius Energy Lab"),
              "juror_three": make_solver("juror_three", "Kassel Furnace SME")}  # a rival's own organisation
    for user in jurors.values():
        _invite(organiser, live_server, challenge, user, Organisation.objects.get(people__user=user))
    organiser.screenshot(path=str(screenshot_dir / "challenges-3-jury-invited.png"), full_page=True)

    juror_pages = {name: _logged_in(browser, live_server, user, settings) for name, user in jurors.items()}
    _accept_and_declare(juror_pages["juror_one"], live_server, challenge, conflict_with="Rival two",
                        screenshot=screenshot_dir / "challenges-4-conflict-declared.png")
    _accept_and_declare(juror_pages["juror_two"], live_server, challenge)
    _accept_and_declare(juror_pages["juror_three"], live_server, challenge)

    organiser.goto(f"{live_server.url}/challenges/{challenge.pk}/jurors/")
    organiser.get_by_role("button", name="Run the assignment").click()
    organiser.locator("#jurors").wait_for()
    pairs = set(Assignment.objects.filter(juror__challenge=challenge).values_list("juror__user__username",
                                                                                  "submission__title"))
    assert len(pairs) == 6
    assert ("juror_one", "Rival two") not in pairs and ("juror_three", "Rival three") not in pairs
    organiser.screenshot(path=str(screenshot_dir / "challenges-5-assigned.png"), full_page=True)

    for name, user in jurors.items():
        _score_all(juror_pages[name], live_server, challenge, user)
    juror_pages["juror_one"].screenshot(path=str(screenshot_dir / "challenges-6-scores-sent.png"), full_page=True)

    organiser.goto(f"{live_server.url}/challenges/briefs/{challenge.pk}/ranking/")
    table = organiser.locator("#ranking")
    table.wait_for()
    assert organiser.locator("#calibration-refusal").count() == 0  # every juror scored 2: calibration allowed
    biases = dict(line.split(": ") for line in organiser.locator("#biases li").all_inner_texts())
    assert float(biases["juror_two"]) < 0 < float(biases["juror_three"])  # the harsh and the lenient juror
    first = table.locator("tbody tr").first.locator("td").all_inner_texts()
    assert (first[0], WINNER_TITLE in first[1], first[6]) == ("1", True, "1")  # first, raw and calibrated
    organiser.screenshot(path=str(screenshot_dir / "challenges-7-ranking-raw-and-calibrated.png"), full_page=True)
    organiser.get_by_label(f"Place of “{WINNER_TITLE}”").select_option(label="Winner")
    organiser.get_by_label(f"Prize of “{WINNER_TITLE}”").fill("A paid pilot")
    organiser.get_by_role("button", name="Confirm the winners and publish the results").click()
    organiser.get_by_text("Results published; the teams were notified.").wait_for()
    assert Award.objects.get(challenge=challenge).submission == submission

    team_page.goto(f"{live_server.url}/challenges/teams/{submission.team_id}/feedback/")
    team_page.get_by_text(FEEDBACK).first.wait_for()
    assert "juror_one" not in team_page.content() and "juror_three" not in team_page.content()
    team_page.screenshot(path=str(screenshot_dir / "challenges-8-team-feedback.png"), full_page=True)

    public = browser.new_context(**DESKTOP).new_page()
    public.goto(f"{live_server.url}/challenges/briefs/{challenge.pk}/results/")
    public.locator("#winners", has_text="Larissa Meters").wait_for()
    assert "Rival two" not in public.locator("#winners").inner_text()
    public.screenshot(path=str(screenshot_dir / "challenges-9-public-results.png"), full_page=True)
