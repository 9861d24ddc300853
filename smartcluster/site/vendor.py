"""Third-party browser assets installed from PyPI packages and served as local static files (no CDN)."""

from __future__ import annotations

from pathlib import Path

import plotly
from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage

# static path -> file inside an installed package
VENDOR_FILES: dict[str, Path] = {
    "vendor/plotly.min.js": Path(plotly.__file__).parent / "package_data" / "plotly.min.js",
}


class VendorFinder(BaseFinder):
    """Finds the few vendored files above without collecting the rest of their packages."""

    def check(self, **kwargs):  # noqa: ANN003, ANN201 - Django's finder contract
        return []

    def find(self, path: str, find_all: bool = False, **kwargs):  # noqa: ANN003, ANN201
        match = VENDOR_FILES.get(path)
        if match is None:
            return [] if find_all else None
        return [str(match)] if find_all else str(match)

    def list(self, ignore_patterns):  # noqa: ANN001, ANN201
        for static_path, file_path in VENDOR_FILES.items():
            storage = FileSystemStorage(location=str(file_path.parent))
            storage.prefix = str(Path(static_path).parent)
            yield file_path.name, storage
