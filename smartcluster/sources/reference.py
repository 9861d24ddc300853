"""Download of the official reference files (NUTS, NACE) or a mirror's copy: one way for every loader (no Django).

Errors name the URL and the setting pointing at a mirror, never a server path.
"""

from __future__ import annotations

import gzip
import http.client
import urllib.error
import urllib.request
import zlib
from urllib.parse import urljoin

GZIP_MAGIC = b"\x1f\x8b"


class ReferenceDataError(Exception):
    """A reference file is unreachable, truncated, malformed or incomplete; the message names the file."""


class ReferenceSourceUnreachable(ReferenceDataError):
    """The server holding a reference file could not be reached at all (no network, wrong host)."""


def reference_file_fetch(*, base_url: str, path: str, setting: str, timeout: float) -> bytes:
    """Download `base_url + path` (gunzipped when the bytes are gzip); errors name the URL and the setting to change."""
    url = urljoin(base_url if base_url.endswith("/") else base_url + "/", path)
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310
            payload = response.read()
    except urllib.error.HTTPError as error:
        raise ReferenceDataError(f"{url}: the server answered HTTP {error.code} ({error.reason})") from error
    except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
        reason = getattr(error, "reason", error)
        raise ReferenceSourceUnreachable(
            f"could not reach {url} ({reason}); point {setting} (or the command's option) at a mirror "
            f"holding the same files"
        ) from error
    except http.client.IncompleteRead as error:
        raise ReferenceDataError(f"{url}: the download ended early ({len(error.partial)} bytes read)") from error
    if payload.startswith(GZIP_MAGIC):
        try:
            return gzip.decompress(payload)
        except (EOFError, OSError, zlib.error) as error:
            raise ReferenceDataError(f"{url}: truncated or corrupt gzip data ({error})") from error
    return payload
