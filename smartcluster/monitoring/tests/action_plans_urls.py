"""The site's URLs with a blank page for each section link another monitoring part has not yet defined, so the
action plans' pages render while the parts land in parallel (a no-op once every name exists)."""

from __future__ import annotations

from django.http import HttpResponse
from django.urls import include, path

from smartcluster.monitoring import urls as monitoring_urls
from smartcluster.site import urls as site_urls

NAV_NAMES = ("workplan_projects", "indicator_projects", "action_plan_list", "progress_report_projects")
_defined = {pattern.name for pattern in monitoring_urls.urlpatterns}
_stubs = [path(f"stub-{name}/", lambda request: HttpResponse(), name=name)
          for name in NAV_NAMES if name not in _defined]
urlpatterns = [pattern for pattern in site_urls.urlpatterns if "monitoring" not in str(pattern.pattern)] + [
    path("monitoring/", include((monitoring_urls.urlpatterns + _stubs, "monitoring")))]
