from smartcluster.events.views import calendar, communication, outcomes, participation

app_name = "events"

urlpatterns = [*calendar.urlpatterns, *participation.urlpatterns, *outcomes.urlpatterns, *communication.urlpatterns]
