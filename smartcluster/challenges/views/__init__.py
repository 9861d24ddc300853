"""The challenges pages: one module per part, each defining `urlpatterns`."""
