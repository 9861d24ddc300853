"""Writes of the maturity app: questionnaire versions, campaigns, assessments (start, save, submit)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from smartcluster.accounts.permissions import can_change, can_create_for
from smartcluster.maturity.models import (
    Assessment,
    AssessmentStatus,
    Campaign,
    Questionnaire,
    QuestionnaireStatus,
)
from smartcluster.maturity.packaged import packaged_definition
from smartcluster.maturity.selectors import (
    INVITATION_SALT,
    assessment_may_view,
    invitation_organisation,
    questionnaire_change_blocked,
    questionnaire_current,
    respondent_organisation_ids,
)
from smartcluster.organisations.choices import OrganisationType
from smartcluster.organisations.services import organisation_get_or_create
from smartcluster.scoring.definition import (
    DefinitionError,
    answers_errors,
    definition_checksum,
    questionnaire_from_mapping,
)
from smartcluster.scoring.scoring import NegativeOptionRule, RowTicksRule, ScoringRules, assessment_score


class AssessmentRefused(ValidationError):
    """A write the rules forbid (closed campaign, double submission, forged answer …); nothing was stored."""


def scoring_rules_current() -> ScoringRules:
    """The rules for the disputed questions, from settings MATURITY_ROW_TICKS_RULE (Q1: "best_column" or
    "separate_columns") and MATURITY_NEGATIVE_OPTION_RULE (Q7: "zero" or "minus_one")."""
    return ScoringRules(
        row_ticks=RowTicksRule(getattr(settings, "MATURITY_ROW_TICKS_RULE", RowTicksRule.BEST_COLUMN.value)),
        negative_option=NegativeOptionRule(
            getattr(settings, "MATURITY_NEGATIVE_OPTION_RULE", NegativeOptionRule.ZERO.value)),
    )


def respondent_key_new() -> str:
    """An unguessable key for an anonymous respondent's browser (kept in a cookie; stored only hashed)."""
    return secrets.token_urlsafe(32)


def respondent_key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest() if key else ""


@transaction.atomic
def questionnaire_load(*, definition: dict[str, Any], publish: bool = False) -> Questionnaire:
    """Create a questionnaire version from its definition, or update it while nobody has answered it."""
    try:
        parsed = questionnaire_from_mapping(definition)
    except DefinitionError as error:
        raise ValidationError(str(error)) from error
    if questionnaire_change_blocked(code=parsed.code, definition=definition):
        raise ValidationError(_("The questionnaire version %(code)s has been answered and cannot change; "
                                    "publish it under a new code.") % {"code": parsed.code})
    questionnaire = Questionnaire.objects.filter(code=parsed.code).first() or Questionnaire(code=parsed.code)
    questionnaire.family, questionnaire.version, questionnaire.title = parsed.family, parsed.version, parsed.title
    questionnaire.definition = definition
    questionnaire.full_clean(exclude=["checksum"])
    questionnaire.save()
    if publish:
        questionnaire_publish(questionnaire=questionnaire)
    return questionnaire


def questionnaire_translations_add(*, definition: dict[str, Any]) -> bool:
    """Give the loaded version of this definition's code the texts it lacks from the definition's translations,
    when its scored content is the same (translations never change scores); texts it has are kept, so an
    administrator's wording stays. True when something was added."""
    existing = Questionnaire.objects.filter(code=definition.get("code")).first()
    if existing is None or existing.checksum != definition_checksum(definition):
        return False
    stored = existing.definition.get("translations") or {}
    shipped = definition.get("translations") or {}
    merged = {language: {**(shipped.get(language) or {}), **(stored.get(language) or {})}
              for language in {*stored, *shipped}}
    if merged == stored:
        return False
    existing.definition = {**existing.definition, "translations": merged}
    existing.save(update_fields=["definition", "checksum"])
    return True


def questionnaire_publish(*, questionnaire: Questionnaire) -> Questionnaire:
    """Make a version the one new assessments of its family use (earlier published versions are retired)."""
    with transaction.atomic():
        Questionnaire.objects.filter(family=questionnaire.family, status=QuestionnaireStatus.PUBLISHED).exclude(
            pk=questionnaire.pk).update(status=QuestionnaireStatus.RETIRED)
        questionnaire.status = QuestionnaireStatus.PUBLISHED
        questionnaire.published_at = questionnaire.published_at or timezone.now()
        questionnaire.save(update_fields=["status", "published_at"])
    return questionnaire


def questionnaire_packaged_current(*, code: str) -> Questionnaire | None:
    """The published version of a packaged questionnaire's family (e.g. the clusters' `skills-survey-v1`): the
    packaged version is loaded and published the first time only; an administrator's retiring is kept (None)."""
    definition = packaged_definition(code)
    if not Questionnaire.objects.filter(family=definition["family"]).exists():
        return questionnaire_load(definition=definition, publish=True)
    return questionnaire_current(family=definition["family"])


def campaign_create(*, user: Any, organisation: Model, questionnaire: Questionnaire, name: str,
                    opens_at: datetime, closes_at: datetime | None = None, description: str = "",
                    region: Model | None = None, invited: int = 0) -> Campaign:
    """A campaign run by an organisation the user edits for (403 otherwise)."""
    if not can_create_for(user, organisation.pk):
        raise PermissionDenied(_("You may not create campaigns for %(name)s.") % {"name": organisation})
    if questionnaire.status != QuestionnaireStatus.PUBLISHED:
        raise ValidationError(_("Campaigns use a published questionnaire version."))
    campaign = Campaign(organisation=organisation, questionnaire=questionnaire, name=name, opens_at=opens_at,
                        closes_at=closes_at, description=description, region=region, invited=invited,
                        token=secrets.token_urlsafe(32))
    if closes_at is not None and closes_at <= opens_at:
        raise ValidationError({"closes_at": _("A campaign closes after it opens.")})
    campaign.full_clean(exclude=["token"])
    campaign.save()
    return campaign


def campaign_update(*, user: Any, campaign: Campaign, **fields: Any) -> Campaign:
    """Change a campaign's name, message, dates or invited count (its owners and administrators only)."""
    if not can_change(user, campaign):
        raise PermissionDenied(_("You may not change this campaign."))
    for name in ("name", "description", "opens_at", "closes_at", "invited", "region"):
        if name in fields:
            setattr(campaign, name, fields[name])
    campaign.full_clean(exclude=["token"])
    campaign.save()
    return campaign


def _campaign_open_check(campaign: Campaign | None, now: datetime) -> None:
    if campaign is None:
        return
    if now < campaign.opens_at:
        raise AssessmentRefused(_("The campaign “%(name)s” has not opened yet.") % {"name": campaign.name})
    if campaign.closes_at is not None and now >= campaign.closes_at:
        raise AssessmentRefused(_("The campaign “%(name)s” closed on %(date)s; answers are no longer accepted.")
                                % {"name": campaign.name, "date": campaign.closes_at.date().isoformat()})


def assessment_start(*, questionnaire: Questionnaire, respondent_hash: str, user: Any = None,
                     campaign: Campaign | None = None, invitation: str = "") -> Assessment:
    """A new draft bound to the respondent's browser key (and to the user when signed in); an organisation's
    invitation token binds it to that organisation."""
    _campaign_open_check(campaign, timezone.now())
    if questionnaire.status != QuestionnaireStatus.PUBLISHED:
        raise AssessmentRefused(_("This questionnaire version is not open for new assessments."))
    organisation = None
    if invitation:
        organisation = invitation_organisation(token=invitation)
        if organisation is None:
            raise AssessmentRefused(_("This invitation link is not valid or has expired; ask for a new one."))
    return Assessment.objects.create(
        questionnaire=questionnaire, campaign=campaign, respondent_hash=respondent_hash, organisation=organisation,
        user=user if getattr(user, "is_authenticated", False) else None)


def invitation_token(*, user: Any, organisation: Model) -> str:
    """A link token that lets whoever holds it answer for the organisation (made by its editors; signed with
    the secret key, valid `INVITATION_MAX_AGE_DAYS`)."""
    if not can_change(user, organisation):
        raise PermissionDenied(_("Only %(name)s's editors invite respondents for it.") % {"name": organisation})
    return signing.dumps({"organisation": organisation.pk}, salt=INVITATION_SALT)


def _draft_check(assessment: Assessment) -> None:
    if assessment.status != AssessmentStatus.DRAFT:
        raise AssessmentRefused(_("This assessment was already submitted on %(date)s; it cannot be changed.")
                                % {"date": assessment.submitted_at.date().isoformat()})
    _campaign_open_check(assessment.campaign, timezone.now())


def _organisation_for_profile(*, assessment: Assessment, user: Any, organisation: Model | None, name: str,
                              size_class: str, nace: Model | None, region: Model | None) -> Model:
    if organisation is not None:
        if not can_change(user, organisation):
            raise PermissionDenied(_("You may not take the assessment for %(name)s.") % {"name": organisation})
        return organisation
    # Naming an existing organisation binds only its members, the respondent who answered for it before, or
    # the holder of its invitation link (which preset the draft's organisation).
    vouched = respondent_organisation_ids(user=user, respondent_hash=assessment.respondent_hash)
    if assessment.organisation_id is not None:
        vouched.add(assessment.organisation_id)
    return organisation_get_or_create(user=user, name=name, vouched_ids=vouched, type=OrganisationType.SME,
                                      size_class=size_class, nace=nace, region=region)


@transaction.atomic
def assessment_profile_save(*, assessment: Assessment, user: Any, size_class: str, nace: Model | None,
                            region: Model | None, organisation: Model | None = None,
                            organisation_name: str = "") -> Assessment:
    """The profile step: who answers (matched by name or created) and the peer-comparison snapshot."""
    _draft_check(assessment)
    if organisation is None and not organisation_name.strip():
        raise ValidationError({"organisation_name": _("Name your organisation.")})
    assessment.organisation = _organisation_for_profile(assessment=assessment, user=user, organisation=organisation,
                                                        name=organisation_name, size_class=size_class,
                                                        nace=nace, region=region)
    assessment.size_class, assessment.nace, assessment.region = size_class, nace, region
    assessment.step = max(assessment.step, 1)
    assessment.save()
    return assessment


def assessment_answers_save(*, assessment: Assessment, answers: dict[str, Any], step: int) -> Assessment:
    """Store one step's answers in the draft (forged options refused, nothing stored)."""
    _draft_check(assessment)
    errors = answers_errors(assessment.questionnaire.parsed(), answers)
    if errors:
        raise AssessmentRefused(_("These answers do not belong to this questionnaire: %(errors)s")
                                % {"errors": "; ".join(errors)})
    assessment.answers = {**assessment.answers, **answers}
    assessment.step = max(assessment.step, step)
    assessment.save(update_fields=["answers", "step", "updated_at"])
    return assessment


def _stage_for(assessment: Assessment, now: datetime) -> int:
    earlier = Assessment.objects.filter(
        organisation=assessment.organisation, questionnaire__family=assessment.questionnaire.family,
        status=AssessmentStatus.SUBMITTED).order_by("-submitted_at").first()
    if earlier is None:
        return 0
    # [OURS] T1 no sooner than 6 months after T0 (setting MATURITY_REPEAT_MIN_DAYS).
    next_from = earlier.submitted_at + timedelta(days=getattr(settings, "MATURITY_REPEAT_MIN_DAYS", 182))
    if now < next_from:
        if not assessment_may_view(assessment=earlier, user=assessment.user,
                                   respondent_hash=assessment.respondent_hash):
            # Someone else's dates are theirs: the refusal names none.
            raise AssessmentRefused(_("%(name)s has submitted an assessment recently; ask its editors when the "
                                      "next one is due.") % {"name": assessment.organisation})
        raise AssessmentRefused(
            _("%(name)s submitted an assessment on %(date)s; the next one can be taken from %(next)s.")
            % {"name": assessment.organisation, "date": earlier.submitted_at.date().isoformat(),
               "next": next_from.date().isoformat()})
    return earlier.stage + 1


@transaction.atomic
def assessment_submit(*, assessment: Assessment, questionnaire_code: str,
                      rules: ScoringRules | None = None) -> Assessment:
    """Score and freeze a draft. Refused, storing nothing: a questionnaire version other than the draft's, a
    second submission, a closed campaign, answers not offered, a missing profile, a repeat too soon."""
    now = timezone.now()
    # No select_related: PostgreSQL refuses FOR UPDATE on the nullable side of an outer join (campaign).
    locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
    _draft_check(locked)
    if questionnaire_code != locked.questionnaire.code:
        raise AssessmentRefused(_("The form was for questionnaire version “%(sent)s” but this assessment uses "
                                  "“%(kept)s”; reload the page.")
                                % {"sent": questionnaire_code, "kept": locked.questionnaire.code})
    if locked.organisation_id is None:
        raise AssessmentRefused(_("Complete the profile step before submitting."))
    questionnaire = locked.questionnaire.parsed()
    errors = answers_errors(questionnaire, locked.answers)
    if errors:
        raise AssessmentRefused(_("These answers do not belong to this questionnaire: %(errors)s")
                                % {"errors": "; ".join(errors)})
    rules = rules or scoring_rules_current()
    result = assessment_score(questionnaire, locked.answers, rules)
    stage = _stage_for(locked, now)
    try:
        with transaction.atomic():
            updated = Assessment.objects.filter(pk=locked.pk, status=AssessmentStatus.DRAFT).update(
                status=AssessmentStatus.SUBMITTED, submitted_at=now, stage=stage,
                dimension_scores=result.dimensions, overall=result.overall, level=result.level or "",
                scoring_rules=rules.as_dict(), questionnaire_checksum=locked.questionnaire.checksum)
    except IntegrityError as error:
        raise AssessmentRefused(_("An assessment of this organisation at this stage was already submitted."
                                  )) from error
    if updated != 1:
        raise AssessmentRefused(_("This assessment was already submitted; it cannot be submitted twice."))
    locked.refresh_from_db()
    return locked

