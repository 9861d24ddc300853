from django.urls import path

from smartcluster.regions import views

app_name = "regions"

urlpatterns = [
    path("", views.region_list_view, name="list"),
    path("<str:code>/", views.region_code_view, name="code"),
    path("<str:code>/<int:version>/", views.region_detail_view, name="detail"),
]
