"""The learning API (/api/learning/): one router per part; schema names prefixed `GoodPractice…`, `PeerReview…`,
`Recommendation…`, `PracticeTransfer…`, `LearningReport…` (unique platform-wide)."""

from ninja import Router

from smartcluster.learning.api import peer_reviews, practices, reports, transfers

router = Router(tags=["learning"])
for part in (practices, peer_reviews, transfers, reports):
    router.add_router("", part.router)
