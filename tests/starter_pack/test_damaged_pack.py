"""A damaged starter-pack statistics file (truncated, missing, or an unreadable manifest) is refused before anything
is written, with one line naming the file; `smartcluster setup` stops there instead of printing a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from django.core import management

from smartcluster import starter_pack
from smartcluster.cli import main
from smartcluster.statistics import StatisticsStore

REINSTALL = "re-install smartcluster or run scripts/build_starter_pack.py"


def _pack_copy(folder: Path) -> Path:
    """The bundled pack copied to `folder`, to be damaged there."""
    shutil.copytree(starter_pack.PACK_DIR, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return folder


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


@pytest.mark.parametrize(("damage", "message"), [
    (lambda pack: _truncate(pack / "sbs_r_nuts2021.parquet"),
     f"starter pack sbs_r_nuts2021.parquet: damaged (its checksum differs from manifest.json); {REINSTALL}"),
    (lambda pack: (pack / "sbs_r_nuts2021.parquet").unlink(),
     f"starter pack sbs_r_nuts2021.parquet: not readable (FileNotFoundError); {REINSTALL}"),
    (lambda pack: _truncate(pack / "manifest.json"),
     f"starter pack manifest.json: not readable (JSONDecodeError); {REINSTALL}"),
])
def test_a_damaged_statistics_file_is_named_and_no_dataset_is_written(tmp_path: Path, damage: object,
                                                                      message: str) -> None:
    pack = _pack_copy(tmp_path / "pack")
    damage(pack)
    store = StatisticsStore(tmp_path / "statistics.duckdb")
    with pytest.raises(starter_pack.StarterPackDamaged) as refused:
        starter_pack.statistics_load(store, folder=pack)
    assert str(refused.value) == message
    # The intact first dataset (sbs_r_nuts06_r2) is not written either: every file is checked before any write.
    assert store.datasets().empty


def test_setup_stops_at_a_damaged_statistics_file_with_one_line_and_nothing_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: object) -> None:
    pack = _pack_copy(tmp_path / "pack")
    _truncate(pack / "sbs_r_nuts06_r2.parquet")
    monkeypatch.setattr(starter_pack, "PACK_DIR", pack)
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    monkeypatch.setenv("SMARTCLUSTER_DATA_DIR", str(data_dir))
    settings.DATA_DIR = data_dir
    # The steps before the statistics (migrate, collectstatic, reference data) are proven by test_first_run: here they
    # are only recorded, so that what is shown is where setup stops.
    commands: list[str] = []
    monkeypatch.setattr(management, "call_command", lambda name, *args, **options: commands.append(name))
    result = CliRunner().invoke(main, ["setup", "--offline"])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)  # click's exit, no traceback
    assert result.output.splitlines() == [
        f"Error: starter pack sbs_r_nuts06_r2.parquet: damaged (its checksum differs from manifest.json); "
        f"{REINSTALL} (no starter statistics were written)"]
    assert commands == ["migrate", "collectstatic", "load_reference"]  # neither the questionnaire nor the demo
    assert StatisticsStore(data_dir / "statistics.duckdb").datasets().empty
