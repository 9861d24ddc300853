"""Writes of the atlas: import jobs (Eurostat or an uploaded file, all or nothing, cache invalidated), the region
focus, and the memoised boundary GeoJSON the pages use."""

from __future__ import annotations

import json
import threading
import uuid
from pathlib import Path

from django.db.models import Model
from django.utils.translation import gettext as _

from smartcluster import config
from smartcluster.accounts.selectors import membership_organisation_ids
from smartcluster.atlas import cache
from smartcluster.atlas.models import Focus
from smartcluster.jobs.registry import JobProblems, register
from smartcluster.jobs.services import job_start
from smartcluster.organisations.selectors import organisation_queryset
from smartcluster.regions.selectors import region_state_stamp
from smartcluster.sources.validation import InvalidInput
from smartcluster.statistics import StatisticsStore

_memo_lock = threading.Lock()
_boundaries_memo: dict[tuple, tuple[bytes, dict[str, str], list[str]]] = {}


def boundaries_memo(*, codes: list[str], version: int) -> tuple[bytes, dict[str, str], list[str]]:
    """`selectors.boundaries` as GeoJSON bytes with the drawn and missing codes, memoised per codes, version and
    the state of the loaded regions (a reference reload changes it)."""
    from smartcluster.atlas.selectors import boundaries

    key = (tuple(codes), version, region_state_stamp())
    with _memo_lock:
        if key in _boundaries_memo:
            return _boundaries_memo[key]
    collection, drawn, missing = boundaries(codes=codes, version=version)
    value = (json.dumps(collection, separators=(",", ":")).encode(), drawn, missing)
    with _memo_lock:
        if len(_boundaries_memo) > 8:
            _boundaries_memo.clear()
        _boundaries_memo[key] = value
    return value


def _problems(error: InvalidInput, name: str) -> JobProblems:
    """Every problem of the input by line, under the name the user knows (never the server's file path)."""
    listed = sorted(({"file": name, "line": p.line, "column": p.column, "message": p.message}
                     for p in error.problems), key=lambda p: (p["line"] or 0, p["column"] or ""))
    summary = _("%(count)s problem(s) in %(name)s; nothing was imported.") % {"count": len(listed), "name": name}
    return JobProblems(summary, listed)


def results_warm(dataset: str, progress=lambda percent, message: None) -> list[str]:  # noqa: ANN001 - a job's callback
    """Recompute the cached results of an imported dataset so the next page view is fast; returns the taxonomies
    computed."""
    from smartcluster.atlas.selectors import datasets_mappable
    from smartcluster.mapping.frames import MappingInputError

    warmed: list[str] = []
    store = StatisticsStore()
    found = [entry for entry in datasets_mappable() if entry.dataset == dataset]  # also stores the new catalogue
    if not found:
        return warmed  # a dataset without employment by NUTS region x NACE industry: nothing for the atlas
    for index, taxonomy in enumerate(found[0].taxonomies[:2]):
        progress(80 + 8 * index, _("computing %(taxonomy)s") % {"taxonomy": taxonomy})
        try:
            cache.result_cached(store, found[0].params(taxonomy=taxonomy))
        except MappingInputError:
            return warmed
        warmed.append(taxonomy)
    return warmed


@register("atlas.import_eurostat")
def import_eurostat_run(params: dict, progress) -> dict:  # noqa: ANN001
    """Fetch, check and store a Eurostat dataset, then refresh the atlas cache."""
    from smartcluster.sources import eurostat

    dataset = params["dataset"]
    progress(5, _("downloading and checking %(dataset)s") % {"dataset": dataset})
    try:
        frame = eurostat.import_dataset(StatisticsStore(), dataset, years=params.get("years"),
                                        base_url=params.get("base_url") or None)
    except InvalidInput as error:
        raise _problems(error, dataset) from error
    return _imported(dataset, len(frame), progress)


@register("atlas.import_file")
def import_file_run(params: dict, progress) -> dict:  # noqa: ANN001
    """Read, check and store an uploaded CSV/Excel file as one dataset, then refresh the atlas cache."""
    from smartcluster.sources import files

    progress(5, _("reading and checking the file"))
    try:
        frame = files.import_file(StatisticsStore(), params["path"], dataset=params["dataset"],
                                  constants=params.get("constants") or None,
                                  classification=params.get("classification", "NACE_R2"))
    except InvalidInput as error:
        raise _problems(error, params.get("name", params["dataset"])) from error
    finally:
        Path(params["path"]).unlink(missing_ok=True)
    return _imported(params["dataset"], len(frame), progress)


def dataset_refreshed(dataset: str, progress=lambda percent, message: None) -> list[str]:  # noqa: ANN001
    """After an import of `dataset` (wizard or command line): forget what the atlas cached for it and compute its
    results again; returns the taxonomies computed."""
    cache.cache_invalidate(dataset)
    return results_warm(dataset, progress)


def _imported(dataset: str, rows: int, progress) -> dict:  # noqa: ANN001
    progress(70, _("stored %(rows)s observations; refreshing results") % {"rows": f"{rows:,}"})
    warmed = dataset_refreshed(dataset, progress)
    from django.urls import reverse

    return {"dataset": dataset, "observations": rows, "warmed": warmed, "link": reverse("atlas:data"),
            "link_label": _("Back to the data status")}


def upload_folder() -> Path:
    folder = config.data_dir() / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def import_start(*, user: object, form: object) -> object:
    """Start the import job the wizard's form describes (the upload saved under the data directory first)."""
    data = form.cleaned_data
    if "dataset_code" in data:
        return job_start(kind="atlas.import_eurostat", user=user,
                         title=_("Import Eurostat %(dataset)s") % {"dataset": data["dataset_code"]},
                         params={"dataset": data["dataset_code"], "years": data.get("years") or None})
    upload = data["file"]
    path = upload_folder() / f"{uuid.uuid4().hex}-{Path(upload.name).name}"
    with path.open("wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    constants = {key: data[key] for key in ("measure", "unit") if data.get(key)}
    return job_start(kind="atlas.import_file", user=user,
                     title=_("Import file %(name)s") % {"name": upload.name},
                     params={"path": str(path), "name": Path(upload.name).name, "dataset": data["dataset"],
                             "constants": constants,
                             "classification": data["classification"]})


def focus_organisation(*, user: object) -> Model | None:
    """The organisation whose focus the user edits: the first they are a member of."""
    return organisation_queryset(ids=membership_organisation_ids(user=user)).first()


def focus_save(*, organisation: Model, regions: list[str], peers: list[str]) -> Focus:
    """Save an organisation's home and peer regions."""
    focus, _created = Focus.objects.update_or_create(organisation=organisation,
                                                     defaults={"regions": regions, "peers": peers})
    return focus
