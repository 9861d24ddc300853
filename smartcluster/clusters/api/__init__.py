"""The clusters API (/api/clusters/): one router per part, schema names prefixed `Cluster…` to stay unique."""

from ninja import Router

from smartcluster.clusters.api import evaluation, funding, mission, registry, skills

router = Router(tags=["clusters"])
for part in (registry, funding, evaluation, skills, mission):
    router.add_router("", part.router)
