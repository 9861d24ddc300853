from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from smartcluster.site import views
from smartcluster.site.api import api

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("accounts/", include("smartcluster.accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("regions/", include("smartcluster.regions.urls")),
    path("industries/", include("smartcluster.industries.urls")),
    path("organisations/", include("smartcluster.organisations.urls")),
    path("maturity/", include("smartcluster.maturity.urls")),
    path("matchmaking/", include("smartcluster.matchmaking.urls")),
    path("mapping/", include("smartcluster.atlas.urls")),
    path("jobs/", include("smartcluster.jobs.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Errors in the site's layout, saying why (smartcluster/site/views.py).
handler400 = "smartcluster.site.views.bad_request"
handler403 = "smartcluster.site.views.permission_denied"
handler404 = "smartcluster.site.views.page_not_found"
handler500 = "smartcluster.site.views.server_error"
