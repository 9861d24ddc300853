"""`manage.py load_reference`: progress lines, a fast second start, one clear line when offline, all or nothing."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from smartcluster.industries.models import Industry
from smartcluster.regions.models import Region

pytestmark = pytest.mark.django_db


def _run(urls: dict[str, str], *args: str) -> str:
    out = StringIO()
    call_command("load_reference", "--nuts-base-url", urls["nuts"], "--nuts-history-base-url", urls["history"],
                 "--nace-base-url", urls["nace"], *args, stdout=out)
    return out.getvalue()


def test_the_command_loads_nuts_and_nace_then_skips_them_on_a_second_start(reference_urls: dict) -> None:
    output = _run(reference_urls, "--nuts-versions", "2013,2021")
    assert "NUTS 2013: 1828 regions loaded" in output and "NUTS 2021: 2010 regions loaded" in output
    assert "NACE Rev. 2: 996 items loaded" in output and "Reference data ready." in output
    output = _run(reference_urls, "--nuts-versions", "2013,2021", "--skip-loaded")
    assert "NUTS 2021: already loaded, skipped" in output and "NACE Rev. 2: already loaded, skipped" in output
    assert Region.objects.count() == 1828 + 2010 and Industry.objects.count() == 996


def test_unreachable_sources_give_one_clear_line_and_change_nothing() -> None:
    with pytest.raises(CommandError) as raised:
        call_command("load_reference", "--nuts-base-url", "http://127.0.0.1:9/", "--nuts-versions", "2021",
                     stdout=StringIO())
    message = str(raised.value)
    assert "\n" not in message
    assert message.startswith("reference data not loaded, database unchanged: could not reach http://127.0.0.1:9/")
    assert "SMARTCLUSTER_NUTS_BASE_URL" in message
    assert not Region.objects.exists()


def test_a_broken_nace_file_also_leaves_the_regions_unwritten(
    reference_urls: dict, tmp_path: Path, local_http_server: object
) -> None:
    (tmp_path / "Nace2_long.csv").write_text('"nace2","Name"\n"C","MANUFACTURING"\n')
    urls = {**reference_urls, "nace": local_http_server(tmp_path)}
    with pytest.raises(CommandError, match=r"Nace2_long\.csv: missing column\(s\) Level, Parent"):
        _run(urls, "--nuts-versions", "2021")
    assert not Region.objects.exists() and not Industry.objects.exists()


def test_a_bad_version_list_is_refused(reference_urls: dict) -> None:
    with pytest.raises(CommandError, match="unknown NUTS version 1999"):
        _run(reference_urls, "--nuts-versions", "1999")
    with pytest.raises(CommandError, match="not a comma-separated list of years"):
        _run(reference_urls, "--nuts-versions", "twenty")
