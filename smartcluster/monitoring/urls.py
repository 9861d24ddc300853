from smartcluster.monitoring.views import (
    action_plans,
    home,
    impact,
    indicator_reports,
    indicators,
    reports,
    workplan,
)

app_name = "monitoring"

urlpatterns = [*home.urlpatterns, *workplan.urlpatterns, *indicators.urlpatterns, *action_plans.urlpatterns,
               *impact.urlpatterns, *reports.urlpatterns,
               *indicator_reports.urlpatterns]
