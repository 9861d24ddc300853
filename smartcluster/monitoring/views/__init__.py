"""The monitoring pages: one module per part, each defining `urlpatterns`."""
