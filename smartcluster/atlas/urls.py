from django.urls import path

from smartcluster.atlas import views

app_name = "atlas"
urlpatterns = [
    path("", views.home, name="home"),
    path("regions/<str:code>/", views.region_profile, name="region"),
    path("regions/<str:code>/report/", views.region_report, name="region_report"),
    path("regions/<str:code>/related/", views.related, name="related"),
    path("categories/<str:category>/", views.category_profile, name="category"),
    path("compare/", views.compare, name="compare"),
    path("boundaries.geojson", views.boundaries, name="boundaries"),
    path("data/", views.data_status, name="data"),
    path("data/import/", views.data_import, name="data_import"),
    path("my-regions/", views.focus_edit, name="focus"),
]
