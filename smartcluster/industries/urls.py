from django.urls import path

from smartcluster.industries import views

app_name = "industries"

urlpatterns = [
    path("", views.industry_list_view, name="list"),
    path("<str:code>/", views.industry_detail_view, name="detail"),
]
