from django.urls import path

from smartcluster.matchmaking import views

app_name = "matchmaking"

urlpatterns = [
    path("", views.event_list, name="event_list"),
    path("new/", views.event_create, name="event_create"),
    path("feed/<str:token>.ics", views.agenda_feed, name="agenda_feed"),
    path("<int:event_id>/", views.event_detail, name="event_detail"),
    path("<int:event_id>/edit/", views.event_edit, name="event_edit"),
    path("<int:event_id>/sessions/<int:session_id>/delete/", views.session_delete, name="session_delete"),
    path("<int:event_id>/manage/", views.event_manage, name="event_manage"),
    path("<int:event_id>/manage/<int:participant_id>/decide/", views.participant_decide, name="participant_decide"),
    path("<int:event_id>/schedule/", views.event_schedule, name="event_schedule"),
    path("<int:event_id>/schedule/status/", views.event_schedule_status, name="event_schedule_status"),
    path("<int:event_id>/schedule/confirm/", views.event_schedule_confirm, name="event_schedule_confirm"),
    path("<int:event_id>/table-plan/", views.table_plan, name="table_plan"),
    path("<int:event_id>/table-plan.docx", views.table_plan_docx, name="table_plan_docx"),
    path("<int:event_id>/statistics/", views.event_statistics, name="event_statistics"),
    path("<int:event_id>/statistics.xlsx", views.event_statistics_xlsx, name="event_statistics_xlsx"),
    path("<int:event_id>/register/", views.participant_register, name="register"),
    path("<int:event_id>/profile/", views.profile_edit, name="profile_edit"),
    path("<int:event_id>/participants/", views.catalogue, name="catalogue"),
    path("<int:event_id>/participants/<int:participant_id>/", views.participant_detail, name="participant_detail"),
    path("<int:event_id>/suggestions/", views.suggestions, name="suggestions"),
    path("<int:event_id>/meetings/", views.inbox, name="inbox"),
    path("<int:event_id>/agenda/", views.agenda, name="agenda"),
    path("<int:event_id>/agenda.ics", views.agenda_ics, name="agenda_ics"),
    path("meetings/<int:meeting_id>/", views.meeting_detail, name="meeting_detail"),
    path("meetings/<int:meeting_id>/invite.ics", views.meeting_ics, name="meeting_ics"),
    path("meetings/<int:meeting_id>/video/", views.meeting_video, name="meeting_video"),
    path("meetings/<int:meeting_id>/attendance/", views.meeting_attendance, name="meeting_attendance"),
    path("meetings/<int:meeting_id>/lock/", views.meeting_lock, name="meeting_lock"),
    path("meetings/<int:meeting_id>/feedback/", views.meeting_feedback, name="meeting_feedback"),
    path("meetings/<int:meeting_id>/<slug:action>/", views.meeting_action, name="meeting_action"),
]
