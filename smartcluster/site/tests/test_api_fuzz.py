"""Schemathesis against the served `/api/openapi.json` on a live server, as anonymous, a viewer's token and an
administrator's token: no answer is a server error or shows a server path, and every write refused with 4xx leaves
the database unchanged.

Bounded and repeatable: a fixed number of examples per operation, identity and generation mode (valid and invalid
input), derandomized (the same requests on every run), no example database, no shrinking.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.apps import apps
from django.conf import settings as django_settings
from django.db import connection
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode

from smartcluster.accounts.models import ApiToken, Membership, MembershipRole
from smartcluster.accounts.services import api_token_create
from smartcluster.atlas.tests.conftest import eurostat_base_url, sbs_store  # noqa: F401 - reused fixtures
from smartcluster.demo.loader import demo_load
from smartcluster.organisations.models import Organisation
from smartcluster.organisations.tests.factories import make_user

EXAMPLES = {GenerationMode.POSITIVE: 4, GenerationMode.NEGATIVE: 2}
WRITES = {"POST", "PUT", "PATCH", "DELETE"}
# Where the code, the data and the Python environment live: no answer may show them.
SERVER_PATHS = [str(path).encode() for path in (django_settings.BASE_DIR.parent, django_settings.DATA_DIR, sys.prefix)]
# Rows every request may touch whether or not it changes anything: sessions, login-attempt logs, a token's last use.
CHANGING_ON_ANY_REQUEST = {"django_session", "axes_accessattempt", "axes_accesslog", "axes_accessfailurelog"}


def database_fingerprint() -> str:
    """A digest of every row of every table the platform's models keep (many-to-many tables included)."""
    digest = hashlib.sha256()
    with connection.cursor() as cursor:
        for model in sorted(apps.get_models(include_auto_created=True), key=lambda model: model._meta.db_table):
            table = model._meta.db_table
            if table in CHANGING_ON_ANY_REQUEST:
                continue
            columns = [field.column for field in model._meta.concrete_fields
                       if not (model is ApiToken and field.name == "last_used_at")]
            quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
            cursor.execute(f"SELECT {quoted} FROM {connection.ops.quote_name(table)} ORDER BY 1")  # noqa: S608
            digest.update(table.encode())
            for row in cursor.fetchall():
                digest.update(repr(row).encode())
    return digest.hexdigest()


def identities() -> dict[str, dict[str, str]]:
    """The demo partnership, with a viewer's and an administrator's real token (and nobody's)."""
    demo_load()
    organisation = Organisation.objects.order_by("pk").first()
    headers = {"anonymous": {}}
    for role in (MembershipRole.VIEWER, MembershipRole.ADMINISTRATOR):
        user = make_user(f"fuzz-{role}")
        Membership.objects.create(user=user, organisation=organisation, role=role)
        headers[str(role)] = {"Authorization": f"Bearer {api_token_create(user=user, name='fuzz')[1]}"}
    return headers


def operations(base_url: str) -> Iterator[Any]:
    schema = schemathesis.openapi.from_url(f"{base_url}/api/openapi.json")
    for result in schema.get_all_operations():
        yield result.ok()


def fuzz(operation: Any, mode: GenerationMode, base_url: str, headers_of: dict[str, dict[str, str]],
         problems: list[str]) -> None:
    """Send the operation's generated cases as every identity; record each server error or changing refusal."""
    is_write = operation.method.upper() in WRITES

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES[mode], derandomize=True, database=None, deadline=None,
              phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
    def run(case: Any) -> None:
        for identity, headers in headers_of.items():
            before = database_fingerprint() if is_write else ""
            response = case.call(base_url=base_url, headers=headers, timeout=60)
            where = f"{identity}: {case.as_curl_command(headers=headers)}"
            if response.status_code >= 500:
                problems.append(f"{response.status_code} {where}\n{response.content[:300]!r}")
            elif response.status_code >= 400 and any(path in response.content for path in SERVER_PATHS):
                problems.append(f"a server path in the answer: {where}\n{response.content[:300]!r}")
            elif is_write and 400 <= response.status_code < 500 and database_fingerprint() != before:
                problems.append(f"refused with {response.status_code} but changed the database: {where}")

    run()


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("sbs_store")  # the 7-country statistics, so mapping results are fuzzed beyond "no data yet"
def test_fuzzed_api_gives_no_server_error_and_refused_writes_change_nothing(live_server: Any) -> None:
    headers_of = identities()
    problems: list[str] = []
    count = 0
    for operation in operations(live_server.url):
        for mode in EXAMPLES:
            fuzz(operation, mode, live_server.url, headers_of, problems)
        count += 1
    assert count >= 30, f"only {count} operations in the OpenAPI document"
    assert problems == [], "\n\n".join(problems[:20])
