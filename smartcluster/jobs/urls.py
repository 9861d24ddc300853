from django.urls import path

from smartcluster.jobs import views

app_name = "jobs"
urlpatterns = [
    path("", views.job_index, name="list"),
    path("<int:job_id>/", views.job_detail, name="detail"),
]
