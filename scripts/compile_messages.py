"""Compile the translation catalogues (smartcluster/locale/*/LC_MESSAGES/django.po → .mo) without GNU gettext.

The .mo files are committed, so a fresh install serves every language without a compile step; run this after
editing a catalogue (a test fails while a .mo is older than its .po's translations). Refresh the catalogues from the
code first with `cd smartcluster && python ../manage.py makemessages -a --no-location --ignore "*/tests/*"`.

    python scripts/compile_messages.py
"""

from __future__ import annotations

from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parent.parent / "smartcluster" / "locale"


def catalogues() -> list[Path]:
    """Every language's django.po."""
    return sorted(LOCALE.glob("*/LC_MESSAGES/django.po"))


def compile_catalogue(po_path: Path) -> Path:
    """Write the .mo beside the .po (translated, non-fuzzy entries only); returns its path."""
    mo_path = po_path.with_suffix(".mo")
    polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
    return mo_path


def main() -> None:
    for po_path in catalogues():
        catalogue = polib.pofile(str(po_path))
        compile_catalogue(po_path)
        print(f"{po_path.relative_to(LOCALE.parent.parent)}: {len(catalogue.translated_entries())} translated, "
              f"{len(catalogue.untranslated_entries())} untranslated, {len(catalogue.fuzzy_entries())} fuzzy")


if __name__ == "__main__":
    main()
