from django.contrib import admin
from django.contrib.auth.views import LoginView, LogoutView
from django.urls import include, path

from smartcluster.accounts.forms import LoginForm
from smartcluster.site import views
from smartcluster.site.api import api

urlpatterns = [
    path("", views.home, name="home"),
    # Login and logout stay Django's (the login page takes an e-mail address or a user name and refuses unconfirmed
    # addresses); django-allauth adds sign-up, e-mail confirmation and the one password reset under the same prefix
    # (its own login and logout views, at the same paths, are shadowed by these).
    path("accounts/login/", LoginView.as_view(authentication_form=LoginForm), name="login"),
    path("accounts/logout/", LogoutView.as_view(), name="logout"),
    path("accounts/", include("allauth.urls")),
    path("accounts/", include("smartcluster.accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("regions/", include("smartcluster.regions.urls")),
    path("industries/", include("smartcluster.industries.urls")),
    path("organisations/", include("smartcluster.organisations.urls")),
    path("maturity/", include("smartcluster.maturity.urls")),
    path("matchmaking/", include("smartcluster.matchmaking.urls")),
    path("clusters/", include("smartcluster.clusters.urls")),
    path("events/", include("smartcluster.events.urls")),
    path("stakeholders/", include("smartcluster.stakeholders.urls")),
    path("learning/", include("smartcluster.learning.urls")),
    path("challenges/", include("smartcluster.challenges.urls")),
    path("monitoring/", include("smartcluster.monitoring.urls")),
    path("notifications/", include("smartcluster.notifications.urls")),
    path("mapping/", include("smartcluster.atlas.urls")),
    path("jobs/", include("smartcluster.jobs.urls")),
]

# Uploaded files (MEDIA_ROOT) are never served by address, not even with DEBUG: each app serves its own through a
# view that checks who may read them (events' materials).
# Errors in the site's layout, saying why (smartcluster/site/views.py).
handler400 = "smartcluster.site.views.bad_request"
handler403 = "smartcluster.site.views.permission_denied"
handler404 = "smartcluster.site.views.page_not_found"
handler500 = "smartcluster.site.views.server_error"
