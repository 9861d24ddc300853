from collections.abc import Iterator

import pytest

from smartcluster.jobs.tests import kinds
from smartcluster.maturity.tests.conftest import plain_http_and_static_files  # noqa: F401 - reused (autouse)


@pytest.fixture
def runs_table() -> Iterator[None]:
    """The table the test job kinds record their runs in (see kinds.py), dropped afterwards."""
    kinds.runs_table_create()
    yield
    kinds.runs_table_drop()
