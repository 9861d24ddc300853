import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smartcluster.site.settings")
application = get_wsgi_application()
# Load every app's views and API now, as the worker starts, not during its first visitor's request.
get_resolver().url_patterns  # noqa: B018 - reading the property imports them
