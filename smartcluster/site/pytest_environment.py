"""pytest plugin (loaded with `-p` from pyproject, before pytest-django reads the settings): the test environment.

Each test process writes under its own throw-away data directory (never the developer's ./var), speaks plain HTTP
to the live server as `bootstrap.py test` does (HTTPS hardening has its own test), and renders `{% static %}`
without a collectstatic manifest.
"""

from __future__ import annotations

import os
import tempfile

_data_dir = tempfile.mkdtemp(prefix="smartcluster-test-")
os.makedirs(os.path.join(_data_dir, "static"))  # whitenoise warns when STATIC_ROOT is missing
os.environ["SMARTCLUSTER_DATA_DIR"] = _data_dir
os.environ.setdefault("SMARTCLUSTER_HTTPS", "0")
os.environ["SMARTCLUSTER_STATIC_MANIFEST"] = "0"
# Playwright's sync API runs an event loop; Django's async-safety check would refuse ORM calls beside it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# Wrong API tokens are counted in a file cache that no test's rollback clears: the tests of that limit set their own
# (override_settings) and clear the count, so other tests' deliberate wrong tokens never add up to a 429.
os.environ.setdefault("SMARTCLUSTER_API_TOKEN_FAILURE_LIMIT", "1000000")
