"""B2B matchmaking: the Django-free libraries (scheduler, dzn reader, suggestions); the web app builds on them."""
