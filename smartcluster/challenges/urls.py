from smartcluster.challenges.views import briefs, home, jury, ranking, teams

app_name = "challenges"

urlpatterns = [*home.urlpatterns, *briefs.urlpatterns, *teams.urlpatterns, *jury.urlpatterns,
               *ranking.urlpatterns]
