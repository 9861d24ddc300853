from smartcluster.clusters.views import evaluation, funding, mission, registry, skills

app_name = "clusters"

urlpatterns = [*registry.urlpatterns, *funding.urlpatterns, *evaluation.urlpatterns, *skills.urlpatterns,
               *mission.urlpatterns]
