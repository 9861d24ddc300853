"""Writes of the clusters app: evaluation — criteria sets (upload a draft, publish, retire; a published version is
frozen), self-evaluations (start, save a draft, submit), their review (accept or ask for changes) and publishing.

Every service checks who acts (PermissionDenied) and the data (ValidationError naming the field) before it changes
anything, inside one transaction. Scores are computed by `smartcluster.evaluation` and stored as they were
computed, so a later criteria version never changes them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

import yaml
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from smartcluster import evaluation as library
from smartcluster.accounts.permissions import (
    can_change,
    can_create_for,
    is_administrator,
    region_reviewer_list,
)
from smartcluster.accounts.selectors import organisation_editor_list
from smartcluster.clusters.models import (
    ClusterProfile,
    CriteriaSet,
    CriteriaStatus,
    Evaluation,
    EvaluationReview,
    EvaluationStatus,
    ReviewAction,
)
from smartcluster.clusters.selectors.evaluation import (
    criteria_set_definition,
    evaluation_may_review,
    evaluation_prefill,
    evaluation_scoring_peers,
)
from smartcluster.notifications import services as notifications
from smartcluster.organisations.choices import OrganisationType
from smartcluster.sources.imports import ImportRefused, Row, RowProblem, sheet_rows

__all__ = [
    "CRITERIA_TEXT_LIMIT", "EVALUATION_REVIEWED", "EVALUATION_SUBMITTED", "criteria_set_default_ensure",
    "criteria_set_publish", "criteria_set_retire", "criteria_set_upload", "evaluation_draft_save", "evaluation_problems", "evaluation_publish",
    "evaluation_figures_import", "evaluation_review", "evaluation_start", "evaluation_submit",
    "evaluation_unpublish", "figure_value",
]

# Who may publish criteria sets: authorities (issue #16), i.e. editors of these organisations, and administrators.
AUTHORITY_TYPES = (OrganisationType.PUBLIC_AUTHORITY, OrganisationType.DEVELOPMENT_AGENCY)
EDITABLE = (EvaluationStatus.DRAFT, EvaluationStatus.CHANGES_REQUESTED)
CRITERIA_TEXT_LIMIT = 200_000  # characters; the default set has about 8,000
FIGURES_SHEET = "Figures"
FIGURES_COLUMNS = ("evaluation", "figure", "value")  # the figures download writes them, the import reads them
NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")

EVALUATION_SUBMITTED = notifications.notification_kind_register(
    "clusters.evaluation_submitted", gettext_lazy("Cluster self-evaluations to review in your region"))
EVALUATION_REVIEWED = notifications.notification_kind_register(
    "clusters.evaluation_reviewed", gettext_lazy("Reviews of your cluster's self-evaluations"))

# The library's refusal codes of a figure, in words (its English `message` is kept for criteria-set authors).
INPUT_MESSAGES = {
    "not_a_number": gettext_lazy("Enter a number."),
    "negative_or_infinite": gettext_lazy("Enter a number of 0 or more."),
    "not_on_scale": gettext_lazy("Choose one of the options offered."),
    "unknown_input": gettext_lazy("This criteria set has no such figure."),
}


# --- criteria sets -------------------------------------------------------------------------------------------------

def criteria_default_store(model: type[Any]) -> Any:
    """Store and publish the packaged default set unless its version is stored already (idempotent). Takes the
    model so that the data migration can pass its historical one."""
    definition = library.default_criteria_set()
    found = model.objects.filter(code=definition.code, version=definition.version).first()
    if found is not None:
        return found
    text = library.packaged_criteria_text(definition.code, definition.version)
    return model.objects.create(code=definition.code, version=definition.version, title=definition.title,
                                definition=_yaml_mapping(text), source_text=text, organisation=None,
                                status=CriteriaStatus.PUBLISHED, published_at=timezone.now())


def criteria_set_default_ensure() -> CriteriaSet:
    """The platform's default criteria set, stored and published on first use if the migration has not."""
    with transaction.atomic():
        return criteria_default_store(CriteriaSet)


def _yaml_mapping(text: str) -> dict[str, Any]:
    """The YAML as JSON-ready data (a date YAML read in a title becomes its text)."""
    return json.loads(json.dumps(yaml.safe_load(text), default=str))


def _plain_yaml_checked(text: str) -> None:
    """Refuse a text too long for a criteria set, or using YAML aliases: a few nested aliases expand to gigabytes
    ("billion laughs") when read, and a criteria set never needs them."""
    if len(text) > CRITERIA_TEXT_LIMIT:
        raise ValidationError({"source_text": _("A criteria set is at most %(limit)s characters long.") % {
            "limit": CRITERIA_TEXT_LIMIT}})
    try:
        aliased = any(isinstance(token, yaml.AliasToken) for token in yaml.scan(text))
    except yaml.YAMLError:
        return  # the library's reader names what is wrong with it
    if aliased:
        raise ValidationError({"source_text": _("YAML aliases (*name) are not accepted in a criteria set: write "
                                                "each value out.")})


def _may_author(user: Any, organisation: Any) -> bool:
    if is_administrator(user):
        return True
    return (organisation is not None and organisation.type in AUTHORITY_TYPES
            and can_create_for(user, organisation.pk))


def criteria_set_upload(*, user: Any, organisation: Any, text: str) -> CriteriaSet:
    """A criteria set written in YAML, stored as a draft of `organisation` (an authority the user edits; an
    administrator may leave it empty). Uploading the same code and version again replaces the draft; a published
    or retired version is frozen, and a code belongs to the organisation that first stored it."""
    if not _may_author(user, organisation):
        raise PermissionDenied(_("Only editors of a public authority or development agency, and administrators, "
                                 "may publish criteria sets."))
    _plain_yaml_checked(text)
    try:
        definition = library.criteria_set_from_yaml(text)
    except library.EvaluationError as error:
        raise ValidationError({"source_text": _("The criteria set was refused at %(field)s: %(message)s") % {
            "field": error.field, "message": error.message}}) from error
    organisation_id = organisation.pk if organisation is not None else None
    with transaction.atomic():
        versions = CriteriaSet.objects.select_for_update().filter(code=definition.code)
        owners = set(versions.values_list("organisation_id", flat=True))
        if owners and owners != {organisation_id}:
            raise ValidationError({"source_text": _("The code '%(code)s' belongs to another publisher: choose a "
                                                    "code of your own.") % {"code": definition.code}})
        existing = versions.filter(version=definition.version).first()
        if existing is not None and existing.status != CriteriaStatus.DRAFT:
            # read without the lock: PostgreSQL refuses FOR UPDATE with an aggregate
            latest = CriteriaSet.objects.filter(code=definition.code).aggregate(Max("version"))["version__max"]
            raise ValidationError({"source_text": _(
                "Version %(version)s of '%(code)s' is published and cannot change: upload the change as version "
                "%(next)s.") % {"version": definition.version, "code": definition.code, "next": latest + 1}})
        criteria = existing or CriteriaSet(code=definition.code, version=definition.version,
                                           organisation=organisation)
        criteria.title, criteria.source_text = definition.title, text
        criteria.definition = _yaml_mapping(text)
        criteria.full_clean()
        criteria.save()
    return criteria


def _require_publisher(user: Any, criteria: CriteriaSet) -> None:
    if not (is_administrator(user) or (criteria.organisation_id and can_change(user, criteria))):
        raise PermissionDenied(_("Only the publisher's editors and administrators may change this criteria set."))


def criteria_set_publish(*, user: Any, criteria: CriteriaSet) -> CriteriaSet:
    """Publish a draft: from now on it is frozen and clusters may be evaluated on it."""
    _require_publisher(user, criteria)
    if criteria.status != CriteriaStatus.DRAFT:
        raise ValidationError({"status": _("Only a draft can be published; this version is %(status)s.") % {
            "status": criteria.get_status_display()}})
    criteria.status, criteria.published_at = CriteriaStatus.PUBLISHED, timezone.now()
    criteria.save(update_fields=["status", "published_at"])
    return criteria


def criteria_set_retire(*, user: Any, criteria: CriteriaSet) -> CriteriaSet:
    """Retire a published version: no new evaluation starts on it; past ones and their scores stay."""
    _require_publisher(user, criteria)
    if criteria.status != CriteriaStatus.PUBLISHED:
        raise ValidationError({"status": _("Only a published version can be retired.")})
    criteria.status = CriteriaStatus.RETIRED
    criteria.save(update_fields=["status"])
    return criteria


def figure_value(text: Any) -> Any:
    """A typed figure as a number where it reads as one (a decimal comma accepted), else as typed, so that the
    criteria set's check names it; empty → None."""
    if not isinstance(text, str):
        return text
    text = text.strip().replace("\u00a0", "").replace(" ", "")
    if not text:
        return None
    if NUMBER.match(text):
        number = float(text.replace(",", "."))
        return int(number) if number.is_integer() and "." not in text and "," not in text else number
    return text


# --- self-evaluations ----------------------------------------------------------------------------------------------

def _require_manager(user: Any, profile: ClusterProfile) -> None:
    if not can_change(user, profile):
        raise PermissionDenied(_("Only the cluster organisation's editors may fill its self-evaluation."))


def evaluation_problems(*, evaluation: Evaluation, inputs: Mapping[str, Any]) -> dict[str, str]:
    """Every bad figure at once, by field, in words (empty when the figures can be scored)."""
    definition = criteria_set_definition(criteria=evaluation.criteria)
    return {problem.field: str(INPUT_MESSAGES.get(problem.code, problem.message))
            for problem in library.inputs_problems(definition, inputs)}


def evaluation_start(*, user: Any, profile: ClusterProfile, criteria: CriteriaSet, data_year: int) -> Evaluation:
    """A new draft self-evaluation of one data year on a published criteria set, pre-filled with what the
    registry and the funding records hold."""
    _require_manager(user, profile)
    if criteria.status != CriteriaStatus.PUBLISHED:
        raise ValidationError({"criteria": _("Choose a published criteria set.")})
    if data_year > timezone.now().year:
        raise ValidationError({"data_year": _("The figures describe a past or the current year, not %(year)s.") % {
            "year": data_year}})
    if Evaluation.objects.filter(profile=profile, criteria=criteria, data_year=data_year).exists():
        raise ValidationError({"data_year": _("This cluster already has an evaluation of %(year)s on this criteria "
                                              "set: resume it instead.") % {"year": data_year}})
    evaluation = Evaluation(profile=profile, criteria=criteria, data_year=data_year, created_by=user)
    evaluation.full_clean()
    evaluation.inputs = evaluation_prefill(profile=profile, criteria=criteria, data_year=data_year)
    with transaction.atomic():
        evaluation.save()
    return evaluation


def evaluation_draft_save(*, user: Any, evaluation: Evaluation, inputs: Mapping[str, Any]) -> Evaluation:
    """Save the figures typed so far (missing ones allowed); refused, saving nothing, while any figure is bad."""
    _require_manager(user, evaluation.profile)
    if evaluation.status not in EDITABLE:
        raise ValidationError({"status": _("This evaluation is %(status)s and can no longer be changed.") % {
            "status": evaluation.get_status_display()}})
    figures = {name: value for name, value in inputs.items() if value not in (None, "")}
    problems = evaluation_problems(evaluation=evaluation, inputs=figures)
    if problems:
        raise ValidationError(problems)
    evaluation.inputs = figures
    evaluation.save(update_fields=["inputs", "updated_at"])
    return evaluation


def _step(evaluation: Evaluation, user: Any, action: str, comment: str = "") -> EvaluationReview:
    return EvaluationReview.objects.create(evaluation=evaluation, action=action, comment=comment, author=user)


def evaluation_submit(*, user: Any, evaluation: Evaluation) -> Evaluation:
    """Send a draft to the region's reviewers; refused while a figure is bad."""
    _require_manager(user, evaluation.profile)
    if evaluation.status not in EDITABLE:
        raise ValidationError({"status": _("Only a draft or an evaluation sent back for changes can be submitted.")})
    problems = evaluation_problems(evaluation=evaluation, inputs=evaluation.inputs)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        evaluation.status = EvaluationStatus.SUBMITTED
        evaluation.save(update_fields=["status", "updated_at"])
        _step(evaluation, user, ReviewAction.SUBMIT)
        _notify_reviewers(evaluation)
    return evaluation


def _notify_reviewers(evaluation: Evaluation) -> None:
    """Tell the editors of the partners whose regions contain the cluster's region (its reviewers)."""
    region = evaluation.profile.organisation.region
    if region is None:
        return
    managers = set(organisation_editor_list(organisation_id=evaluation.profile.organisation_id)
                   .values_list("pk", flat=True))
    url = reverse("clusters:evaluation_detail", args=[evaluation.pk])
    subject = _("%(cluster)s submitted its self-evaluation of %(year)s for review") % {
        "cluster": evaluation.profile, "year": evaluation.data_year}
    for reviewer in region_reviewer_list(region.code).exclude(pk__in=managers):
        notifications.notification_send(user=reviewer, kind=EVALUATION_SUBMITTED, subject=subject, url=url,
                                        topic=str(evaluation.profile), topic_key=f"clusters.evaluation:{evaluation.pk}")


def _notify_managers(evaluation: Evaluation, subject: str, body: str) -> None:
    url = reverse("clusters:evaluation_detail", args=[evaluation.pk])
    for manager in organisation_editor_list(organisation_id=evaluation.profile.organisation_id):
        notifications.notification_send(user=manager, kind=EVALUATION_REVIEWED, subject=subject, body=body, url=url,
                                        topic=str(evaluation.profile), topic_key=f"clusters.evaluation:{evaluation.pk}")


def evaluation_review(*, user: Any, evaluation: Evaluation, action: str, comment: str = "") -> Evaluation:
    """A reviewer of the cluster's region accepts a submitted evaluation (its score is computed and stored with
    everything it depends on) or sends it back with a comment; the cluster's editors are told."""
    if not evaluation_may_review(user=user, evaluation=evaluation):
        raise PermissionDenied(_("Only a partner editor of the cluster's region may review its evaluation."))
    if evaluation.status != EvaluationStatus.SUBMITTED:
        raise ValidationError({"status": _("Only a submitted evaluation can be reviewed.")})
    if action not in (ReviewAction.ACCEPT, ReviewAction.ASK_CHANGES):
        raise ValidationError({"action": _("Choose to accept or to ask for changes.")})
    comment = comment.strip()
    if action == ReviewAction.ASK_CHANGES and not comment:
        raise ValidationError({"comment": _("Say what should change.")})
    result = None
    if action == ReviewAction.ACCEPT:
        definition = criteria_set_definition(criteria=evaluation.criteria)
        try:
            result = library.evaluation_score(definition, evaluation.inputs, data_year=evaluation.data_year,
                                              peers=evaluation_scoring_peers(evaluation=evaluation))
        except library.EvaluationError as error:  # a peer percentile without 5 peers: named, nothing changes
            raise ValidationError({"action": f"{error.field}: {error.message}"}) from error
    with transaction.atomic():
        if result is not None:
            evaluation.status, evaluation.result = EvaluationStatus.ACCEPTED, result.as_dict()
        else:
            evaluation.status = EvaluationStatus.CHANGES_REQUESTED
        evaluation.save(update_fields=["status", "result", "updated_at"])
        _step(evaluation, user, action, comment)
        if result is not None:
            subject = _("Your self-evaluation of %(year)s was accepted: %(percent)s %% of points") % {
                "year": evaluation.data_year, "percent": f"{result.percent or 0:.1f}"}
        else:
            subject = _("Changes were asked for in your self-evaluation of %(year)s") % {"year": evaluation.data_year}
        _notify_managers(evaluation, subject, comment)
    return evaluation


def evaluation_publish(*, user: Any, evaluation: Evaluation) -> Evaluation:
    """Show an accepted evaluation and its scores to everyone."""
    _require_manager(user, evaluation.profile)
    if evaluation.status != EvaluationStatus.ACCEPTED:
        raise ValidationError({"is_published": _("Only an accepted evaluation can be published.")})
    evaluation.is_published = True
    evaluation.save(update_fields=["is_published", "updated_at"])
    return evaluation


def evaluation_unpublish(*, user: Any, evaluation: Evaluation) -> Evaluation:
    """Take a published evaluation back from public view (its score stays)."""
    _require_manager(user, evaluation.profile)
    evaluation.is_published = False
    evaluation.save(update_fields=["is_published", "updated_at"])
    return evaluation


def _import_row(user: Any, row: Row, found: dict[int, Evaluation | None]) -> tuple[list[RowProblem],
                                                                                     Evaluation | None, Any]:
    """One row of a figures import checked: its evaluation (a draft of the user's), figure and value."""
    where = (row.sheet, row.number)
    text = row.cells.get("evaluation", "")
    if not text.isdigit():
        return [RowProblem(*where, "evaluation", _("not an evaluation number"))], None, None
    if int(text) not in found:
        candidate = Evaluation.objects.select_related("criteria", "profile").filter(pk=int(text)).first()
        found[int(text)] = candidate if candidate is not None and can_change(user, candidate.profile) else None
    evaluation = found[int(text)]
    if evaluation is None:
        return [RowProblem(*where, "evaluation", _("no evaluation of a cluster you edit has this number"))], None, None
    if evaluation.status not in EDITABLE:
        return [RowProblem(*where, "evaluation", _("this evaluation is %(status)s; only drafts take figures") % {
            "status": evaluation.get_status_display()})], None, None
    figure, value = row.cells.get("figure", ""), figure_value(row.cells.get("value", ""))
    definition = criteria_set_definition(criteria=evaluation.criteria)
    if figure not in library.criteria_inputs(definition):
        return [RowProblem(*where, "figure", _("'%(figure)s' is not a figure of this criteria set") % {
            "figure": figure})], None, None
    problems = [RowProblem(*where, "value", str(INPUT_MESSAGES.get(problem.code, problem.message)))
                for problem in library.inputs_problems(definition, {figure: value}) if problem.field == figure]
    return problems, evaluation, value


def evaluation_figures_import(*, user: Any, payload: bytes, filename: str) -> int:
    """Figures of the user's draft evaluations from a workbook or CSV (sheet "Figures": evaluation, figure, value;
    an empty value clears the figure). Every bad cell is listed (ImportRefused) and nothing is saved unless there
    is none. Returns the number of figures saved."""
    rows = sheet_rows(payload, filename=filename, sheets={FIGURES_SHEET: FIGURES_COLUMNS})[FIGURES_SHEET]
    problems: list[RowProblem] = []
    found: dict[int, Evaluation | None] = {}
    changes: dict[int, dict[str, Any]] = {}
    seen: dict[tuple[int, str], int] = {}
    for row in rows:
        row_problems, evaluation, value = _import_row(user, row, found)
        problems += row_problems
        if evaluation is None or row_problems:
            continue
        key = (evaluation.pk, row.cells["figure"])
        if key in seen:
            problems.append(RowProblem(row.sheet, row.number, "figure", _("given already in row %(row)s") % {
                "row": seen[key]}))
            continue
        seen[key] = row.number
        changes.setdefault(evaluation.pk, {})[row.cells["figure"]] = value
    if problems:
        raise ImportRefused(problems)
    with transaction.atomic():
        for pk, figures in changes.items():
            evaluation = Evaluation.objects.select_for_update().get(pk=pk)
            merged = {**evaluation.inputs, **figures}
            evaluation.inputs = {name: value for name, value in merged.items() if value is not None}
            evaluation.save(update_fields=["inputs", "updated_at"])
    return sum(len(figures) for figures in changes.values())
