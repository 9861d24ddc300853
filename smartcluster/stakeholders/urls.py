from smartcluster.stakeholders.views import analysis, coding, home, interviews, network, privacy, registry

app_name = "stakeholders"

urlpatterns = [*home.urlpatterns, *registry.urlpatterns, *interviews.urlpatterns, *coding.urlpatterns,
               *analysis.urlpatterns, *network.urlpatterns, *privacy.urlpatterns]
