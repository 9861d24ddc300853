from django.urls import path

from smartcluster.maturity import views

app_name = "maturity"

urlpatterns = [
    path("", views.home, name="home"),
    path("start/", views.start, name="start"),
    path("c/<str:token>/", views.campaign_entry, name="campaign_entry"),
    path("i/<str:token>/", views.invitation_entry, name="invitation_entry"),
    path("a/<uuid:public_id>/step/<int:step>/", views.step, name="step"),
    path("a/<uuid:public_id>/review/", views.review, name="review"),
    path("a/<uuid:public_id>/", views.report, name="report"),
    path("a/<uuid:public_id>/print/", views.report_print, name="report_print"),
    path("a/<uuid:public_id>/report.docx", views.report_docx, name="report_docx"),
    path("campaigns/", views.campaign_list, name="campaign_list"),
    path("campaigns/new/", views.campaign_create, name="campaign_create"),
    path("campaigns/<int:pk>/", views.campaign_detail, name="campaign_detail"),
    path("campaigns/<int:pk>/edit/", views.campaign_edit, name="campaign_edit"),
    path("campaigns/<int:pk>/results.xlsx", views.campaign_export, name="campaign_export"),
    path("results/", views.aggregates, name="aggregates"),
    path("results/export.xlsx", views.aggregates_export, name="aggregates_export"),
]
