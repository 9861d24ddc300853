"""Load the demo's open innovation challenges (`challenges_content.py`) through the challenges app's trusted
writers: the briefs with their criteria, the teams with their submissions, the jurors and their conflicts, the
sent scores, and the confirmed awards. A record already loaded is left as it is (a user may have changed it); what
is missing is made and marked, so that `setup --remove-demo` removes it. Dates follow the demo's "today"."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from smartcluster.challenges import services as challenges
from smartcluster.demo import challenges_content as content
from smartcluster.demo.selectors import demo_record_get
from smartcluster.organisations import selectors as organisation_selectors
from smartcluster.regions.selectors import region_find

if TYPE_CHECKING:
    from smartcluster.demo.loader import Loader


def _organiser(loader: Loader, challenge_key: str) -> Any:
    """The organiser's editor who posted the challenge (and checks, confirms for it)."""
    return loader.users[next(demo.created_by for demo in content.CHALLENGES if demo.key == challenge_key)]


def _moment(loader: Loader, challenge_key: str, step: int, days: int) -> dt.datetime:
    """A moment of the challenge's history: `days` after step `step` of its timeline (0 opens, 1 deadline,
    2 evaluation ends, 3 results), never after the demo's "today"."""
    demo = next(demo for demo in content.CHALLENGES if demo.key == challenge_key)
    return min(loader.now + demo.timeline[step] + dt.timedelta(days=days), loader.now)


def challenge_load(loader: Loader, demo: content.DemoChallenge) -> None:
    """The brief with its criteria; eligible regions not loaded yet are left out, as the setup's note says."""
    if demo_record_get(key=demo.key) is not None:
        return
    opens, deadline, evaluation, results = (loader.now + offset for offset in demo.timeline)
    record = challenges.challenge_load(
        organiser=loader.organisations[demo.organiser], title=demo.title, published=demo.published,
        criteria=[(name, Decimal(weight), Decimal(threshold) if threshold else None, description)
                  for name, weight, threshold, description in demo.criteria],
        eligible_regions=[code for code in demo.eligible_regions if region_find(code=code) is not None],
        created_by=loader.users[demo.created_by],
        on_behalf_of=loader.organisations[demo.on_behalf_of], problem=demo.problem, context=demo.context,
        expected_outcome=demo.expected_outcome, eligibility=demo.eligibility, time_zone=demo.time_zone,
        opens_at=opens, deadline_at=deadline, evaluation_ends_at=evaluation, results_at=results,
        prizes=demo.prizes, ip_terms=demo.ip_terms, confidentiality=demo.confidentiality,
        calibration_min_scores=demo.calibration_min_scores)
    loader._made(demo.key, record)


def team_load(loader: Loader, demo: content.DemoTeam) -> None:
    """A team with its lead (a demo account), open invitations and its submission as the organiser checked it."""
    challenge = demo_record_get(key=demo.challenge)
    if challenge is None or demo_record_get(key=demo.key) is not None:
        return
    record = challenges.team_load(
        challenge=challenge, name=demo.name, organisation=loader.organisations[demo.organisation],
        lead=loader.users[demo.lead], invited=demo.invited, status=demo.status,
        submission={"title": demo.title, "summary": demo.summary, "solution": demo.solution,
                    "expected_impact": demo.expected_impact, "implementation": demo.implementation},
        eligibility=demo.eligibility, eligibility_reason=demo.eligibility_reason,
        checked_by=_organiser(loader, demo.challenge), submitted_at=_moment(loader, demo.challenge, 1, -2),
        checked_at=_moment(loader, demo.challenge, 1, 1))
    loader._made(demo.key, record)


def juror_load(loader: Loader, demo: content.DemoJuror) -> None:
    """A juror who accepted and declared their conflicts (their own organisation's team is one without a word)."""
    challenge = demo_record_get(key=demo.challenge)
    if challenge is None or demo_record_get(key=demo.key) is not None:
        return
    user = loader.users[demo.person]
    record = challenges.juror_load(challenge=challenge, user=user,
                                   organisation=organisation_selectors.person_for_user(user=user).organisation,
                                   at=_moment(loader, demo.challenge, 1, 2))
    loader._made(demo.key, record)


def conflict_load(loader: Loader, juror_key: str, team_key: str, reason: str) -> None:
    key = f"conflict:{juror_key.split(':', 1)[1]}:{team_key.split(':', 1)[1]}"
    juror, team = demo_record_get(key=juror_key), demo_record_get(key=team_key)
    if juror is None or team is None or demo_record_get(key=key) is not None:
        return
    loader._made(key, challenges.conflict_load(juror=juror, submission=team.submission, reason=reason))


def assignment_load(loader: Loader, demo: content.DemoAssignment) -> None:
    """A juror's sent scores of an assigned submission, criterion by criterion, with their comment to the team."""
    key = f"assignment:{demo.juror.split(':', 1)[1]}:{demo.team.split(':', 1)[1]}"
    juror, team = demo_record_get(key=demo.juror), demo_record_get(key=demo.team)
    if juror is None or team is None or demo_record_get(key=key) is not None:
        return
    criteria = list(juror.challenge.criteria.order_by("position"))
    record = challenges.assignment_load(
        juror=juror, submission=team.submission, comment=demo.comment, sent=True,
        sent_at=_moment(loader, _challenge_of(demo.team), 2, -3),
        scores={criterion: Decimal(value) for criterion, value in zip(criteria, demo.scores, strict=True)})
    loader._made(key, record)


def award_load(loader: Loader, team_key: str, place: int, prize: str) -> None:
    key = f"award:{team_key.split(':', 1)[1]}"
    team = demo_record_get(key=team_key)
    if team is None or demo_record_get(key=key) is not None:
        return
    challenge_key = _challenge_of(team_key)
    record = challenges.award_load(challenge=team.challenge, submission=team.submission, place=place, prize=prize,
                                   confirmed_by=_organiser(loader, challenge_key),
                                   confirmed_at=_moment(loader, challenge_key, 3, 0))
    loader._made(key, record)


def _challenge_of(team_key: str) -> str:
    """The key of the challenge a demo team answers."""
    return next(demo.challenge for demo in content.TEAMS if demo.key == team_key)


def challenges_load(loader: Loader) -> None:
    """Each piece on its own: one refused by its service is left out with a note, the others load."""
    for demo in content.LEADS:
        loader.person(demo)
    for demo in content.CHALLENGES:
        loader._attempt(demo.title, challenge_load, loader, demo)
    for demo in content.TEAMS:
        loader._attempt(_("the team %(name)s") % {"name": demo.name}, team_load, loader, demo)
    for demo in content.JURORS:
        loader._attempt(_("the juror %(key)s") % {"key": demo.key}, juror_load, loader, demo)
    for juror_key, team_key, reason in content.CONFLICTS:
        loader._attempt(_("the conflict %(key)s") % {"key": juror_key}, conflict_load, loader, juror_key, team_key,
                        reason)
    for demo in content.ASSIGNMENTS:
        loader._attempt(_("the scores of %(juror)s for %(team)s") % {"juror": demo.juror, "team": demo.team},
                        assignment_load, loader, demo)
    for team_key, place, prize in content.AWARDS:
        loader._attempt(_("the award of %(team)s") % {"team": team_key}, award_load, loader, team_key, place, prize)
