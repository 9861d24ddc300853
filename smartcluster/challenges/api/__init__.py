"""The challenges API (/api/challenges/): one router per part; schema names prefixed `Challenge…`, `ChallengeTeam…`,
`ChallengeSubmission…`, `ChallengeJuror…`, `ChallengeScore…`, `ChallengeRanking…` (unique platform-wide)."""

from ninja import Router

from smartcluster.challenges.api import briefs, jury, ranking, teams

router = Router(tags=["challenges"])
for part in (briefs, teams, jury, ranking):
    router.add_router("", part.router)
