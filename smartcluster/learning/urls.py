from smartcluster.learning.views import home, peer_reviews, practices, reports, transfers

app_name = "learning"

urlpatterns = [*home.urlpatterns, *practices.urlpatterns, *peer_reviews.urlpatterns, *transfers.urlpatterns,
               *reports.urlpatterns]
