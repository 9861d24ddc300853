app_name = "industries"

urlpatterns: list = []
