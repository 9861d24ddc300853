"""Interviews writes: permission check, validation, then save. Also stores the packaged default codebook and guide.

Interviews belong to the partner that held them (its editors and administrators change them); guides are changed
by administrators only, and a guide version used by an interview never changes again (a new version is made
instead). Every function raises `PermissionDenied` (nothing changed) or `ValidationError` naming the field.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from smartcluster.accounts.permissions import can_change, can_create_for
from smartcluster.organisations.services import organisation_get_or_create, person_get_or_create_by_email
from smartcluster.stakeholders.models import Answer, Codebook, GuideQuestion, Interview, InterviewGuide, Theme
from smartcluster.stakeholders.selectors.interviews import DEFAULT_CODEBOOK, DEFAULT_GUIDE, packaged_data

__all__ = ["INTERVIEW_FIELDS", "guide_default_ensure", "guide_default_store", "guide_new_version", "guide_question_add",
           "guide_question_delete", "guide_question_update", "guide_update", "interview_check", "interview_create",
           "interview_delete", "interview_load", "interview_update"]

INTERVIEW_FIELDS = ("organisation", "person", "interviewer", "held_on", "mode", "consent_to_record",
                    "consent_to_quote")


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("You may not make this change."))


def guide_default_ensure() -> InterviewGuide:
    """The default guide, stored first where migration 0002 did not (a database flushed since, as in tests)."""
    return guide_default_store(Codebook, Theme, InterviewGuide, GuideQuestion)


def guide_default_store(codebook_model: Any, theme_model: Any, guide_model: Any, question_model: Any) -> Any:
    """The packaged default guide with its codebook, stored once (idempotent); takes the model classes so that the
    data migration can pass its historical ones."""
    book, guide = packaged_data(DEFAULT_CODEBOOK), packaged_data(DEFAULT_GUIDE)
    with transaction.atomic():
        codebook, created = codebook_model.objects.get_or_create(
            name=book["name"], version=book["version"], defaults={"description": book["description"]})
        if created:
            theme_model.objects.bulk_create(
                theme_model(codebook=codebook, position=position, **theme)
                for position, theme in enumerate(book["themes"], start=1))
        stored = guide_model.objects.filter(name=guide["name"], version=guide["version"]).first()
        if stored is not None:
            return stored
        stored = guide_model.objects.create(name=guide["name"], version=guide["version"], codebook=codebook,
                                            introduction=guide["introduction"])
        themes = {theme.code: theme for theme in theme_model.objects.filter(codebook=codebook)}
        for number, question in enumerate(guide["questions"], start=1):
            row = question_model.objects.create(guide=stored, number=number, text=question["text"])
            row.themes.set([themes[code] for code in question["themes"]])
        return stored


# --- interviews ---------------------------------------------------------------------------------------------------

def _assign(interview: Interview, data: Mapping[str, Any]) -> None:
    unknown = set(data) - set(INTERVIEW_FIELDS)
    if unknown:
        raise ValidationError(_("Unknown fields: %(fields)s.") % {"fields": ", ".join(sorted(unknown))})
    for name, value in data.items():
        setattr(interview, name, value)


def interview_check(interview: Interview) -> None:
    """The interview's own rules, each refusal naming its field; then the model's."""
    if interview.partner_id is None or interview.guide_id is None:
        missing = "partner" if interview.partner_id is None else "guide"
        raise ValidationError({missing: _("Choose the partner and the interview guide.")})
    problems: dict[str, str] = {}
    if interview.held_on and interview.held_on > timezone.localdate():
        problems["held_on"] = _("An interview cannot be dated in the future.")
    interviewer = interview.interviewer
    if interviewer is not None and interviewer.organisation_id != interview.partner.organisation_id:
        problems["interviewer"] = _("The interviewer must be a person of the partner's organisation (%(name)s).") % {
            "name": interview.partner.organisation}
    person = interview.person
    if person is not None and person.organisation_id not in (None, interview.organisation_id):
        problems["person"] = _("The interviewee must be a person of the interviewed organisation.")
    if problems:
        raise ValidationError(problems)
    interview.full_clean()


def _answers_checked(guide: InterviewGuide, answers: Mapping[int, str]) -> dict[GuideQuestion, str]:
    """The answers by question of the guide (blank ones dropped); a number not in the guide, or no answer at all,
    is refused naming `answers`."""
    questions = {question.number: question for question in guide.questions.all()}
    unknown = sorted(str(number) for number in answers if number not in questions)
    if unknown:
        raise ValidationError({"answers": ngettext(
            "Question %(numbers)s is not a question of the guide “%(guide)s”.",
            "Questions %(numbers)s are not questions of the guide “%(guide)s”.", len(unknown))
            % {"numbers": ", ".join(unknown), "guide": guide}})
    given = {questions[number]: text.strip() for number, text in answers.items() if text and text.strip()}
    if not given:
        raise ValidationError({"answers": _("Record at least one answer.")})
    return given


def _answers_save(interview: Interview, given: dict[GuideQuestion, str]) -> None:
    """Each answer written in place (its codings stay); an answer cleared on the form is removed."""
    interview.answers.exclude(question__in=list(given)).delete()
    for question, text in given.items():
        Answer.objects.update_or_create(interview=interview, question=question, defaults={"text": text})


def _prefixed(error: ValidationError, prefix: str) -> ValidationError:
    """A refusal about a new organisation or person, its fields named as on the interview form (`person_email`)."""
    if not hasattr(error, "error_dict"):
        return error
    return ValidationError({field if field.startswith(prefix) else f"{prefix}{field}": problems
                            for field, problems in error.message_dict.items()})


def _organisation_new(user: Any, new_organisation: Mapping[str, str]) -> Any:
    """The interviewed organisation named on the form: through the platform's one find-or-create by name."""
    try:
        return organisation_get_or_create(user=user, name=new_organisation.get("name", ""),
                                          type=new_organisation.get("type", ""))
    except ValidationError as error:
        raise _prefixed(error, "organisation_") from error


def _person_new(organisation: Any, new_person: Mapping[str, str]) -> Any:
    """The interviewee named on the form: found by e-mail, else created in the interviewed organisation."""
    try:
        return person_get_or_create_by_email(name=new_person.get("name", ""), email=new_person.get("email", ""),
                                             organisation=organisation)
    except ValidationError as error:
        raise _prefixed(error, "person_") from error


def _interview_save(interview: Interview, answers: Mapping[int, str], *, user: Any = None,
                    new_organisation: Mapping[str, str] | None = None,
                    new_person: Mapping[str, str] | None = None) -> Interview:
    """Checked and saved with its answers, in one transaction with the organisation and person it creates (a
    refusal leaves none of them behind)."""
    with transaction.atomic():
        if new_organisation:
            interview.organisation = _organisation_new(user, new_organisation)
        if new_person:
            interview.person = _person_new(interview.organisation if interview.organisation_id else None,
                                           new_person)
        interview_check(interview)
        given = _answers_checked(interview.guide, answers)
        interview.save()
        _answers_save(interview, given)
    return interview


def interview_load(*, partner: Any, guide: InterviewGuide, organisation: Any, person: Any, interviewer: Any,
                   held_on: Any, mode: str, consent_to_record: bool, consent_to_quote: bool,
                   answers: Mapping[int, str], created_by: Any = None) -> Interview:
    """A recorded interview with its answers (keyed by question number), checked like the pages' but with
    nobody's rights: for the platform's own loaders (the demo)."""
    interview = Interview(partner=partner, guide=guide, created_by=created_by)
    _assign(interview, {"organisation": organisation, "person": person, "interviewer": interviewer,
                        "held_on": held_on, "mode": mode, "consent_to_record": consent_to_record,
                        "consent_to_quote": consent_to_quote})
    return _interview_save(interview, answers)


def interview_create(*, user: Any, partner: Any, guide: InterviewGuide | None, data: Mapping[str, Any],
                     answers: Mapping[int, str], new_organisation: Mapping[str, str] | None = None,
                     new_person: Mapping[str, str] | None = None) -> Interview:
    """An interview held by a partner (its editors and administrators), with its answers by question number; the
    interviewed organisation (`name`, `type`) and person (`name`, `email`) may be new."""
    if partner is None:
        raise ValidationError({"partner": _("Choose the partner that held the interview.")})
    _require(can_create_for(user, partner.organisation_id))
    if guide is None:
        raise ValidationError({"guide": _("Choose the interview guide.")})
    interview = Interview(partner=partner, guide=guide, created_by=user)
    _assign(interview, data)
    return _interview_save(interview, answers, user=user, new_organisation=new_organisation, new_person=new_person)


def interview_update(*, user: Any, interview: Interview, data: Mapping[str, Any],
                     answers: Mapping[int, str], new_organisation: Mapping[str, str] | None = None,
                     new_person: Mapping[str, str] | None = None) -> Interview:
    """Change an interview and its answers (the owning partner's editors and administrators); its guide stays,
    because its answers belong to that guide's questions."""
    _require(can_change(user, interview))
    interview = Interview.objects.select_related("partner__organisation", "guide").get(pk=interview.pk)
    _assign(interview, data)
    return _interview_save(interview, answers, user=user, new_organisation=new_organisation, new_person=new_person)


def interview_delete(*, user: Any, interview: Interview) -> None:
    """Delete an interview with its answers and their codings (the owning partner's editors and administrators)."""
    _require(can_change(user, interview))
    interview.delete()


# --- guides (administrators; a version in use never changes) ------------------------------------------------------

def _require_unused(guide: InterviewGuide) -> None:
    used = guide.interviews.count()
    if used:
        raise ValidationError(ngettext(
            "Version %(version)s of “%(name)s” is used by %(count)d interview and can no longer change: create a "
            "new version instead.",
            "Version %(version)s of “%(name)s” is used by %(count)d interviews and can no longer change: create a "
            "new version instead.", used) % {"version": guide.version, "name": guide.name, "count": used})


def _themes_checked(guide: InterviewGuide, themes: Iterable[Any]) -> list[Any]:
    themes = list(themes)
    foreign = [str(theme) for theme in themes if theme.codebook_id != guide.codebook_id]
    if foreign:
        raise ValidationError({"themes": _("These themes are not in the guide's codebook (%(codebook)s): "
                                           "%(themes)s.") % {"codebook": guide.codebook, "themes": ", ".join(foreign)}})
    return themes


def guide_new_version(*, user: Any, guide: InterviewGuide) -> InterviewGuide:
    """A copy of a guide as its name's next version (questions and their themes included), to edit freely."""
    _require(can_create_for(user, None))
    try:
        with transaction.atomic():
            latest = InterviewGuide.objects.filter(name=guide.name).aggregate(latest=Max("version"))["latest"]
            copy = InterviewGuide.objects.create(name=guide.name, version=latest + 1, codebook=guide.codebook,
                                                 introduction=guide.introduction)
            for question in guide.questions.prefetch_related("themes"):
                copied = GuideQuestion.objects.create(guide=copy, number=question.number, text=question.text)
                copied.themes.set(question.themes.all())
    except IntegrityError as error:  # the same next version made at the same moment by someone else
        raise ValidationError(_("Another version of this guide was just made; reload and try again.")) from error
    return copy


def guide_update(*, user: Any, guide: InterviewGuide, introduction: str) -> InterviewGuide:
    """Change a guide's introduction (administrators; refused once an interview uses this version)."""
    _require(can_create_for(user, None))
    guide = InterviewGuide.objects.get(pk=guide.pk)
    _require_unused(guide)
    guide.introduction = introduction
    guide.full_clean()
    guide.save()
    return guide


def _question_save(question: GuideQuestion, themes: Iterable[Any]) -> GuideQuestion:
    checked = _themes_checked(question.guide, themes)
    if not question.text.strip():
        raise ValidationError({"text": _("Write the question.")})
    clash = GuideQuestion.objects.filter(guide=question.guide, number=question.number).exclude(pk=question.pk)
    if clash.exists():
        raise ValidationError({"number": _("The guide already has a question %(number)s.")
                               % {"number": question.number}})
    question.full_clean()
    with transaction.atomic():
        question.save()
        question.themes.set(checked)
    return question


def guide_question_add(*, user: Any, guide: InterviewGuide, text: str, themes: Iterable[Any],
                       number: int | None = None) -> GuideQuestion:
    """A new question of a guide (last, unless numbered), with the themes it probes."""
    _require(can_create_for(user, None))
    _require_unused(guide)
    if number is None:
        number = (guide.questions.aggregate(last=Max("number"))["last"] or 0) + 1
    return _question_save(GuideQuestion(guide=guide, number=number, text=text), themes)


def guide_question_update(*, user: Any, question: GuideQuestion, text: str, themes: Iterable[Any],
                          number: int | None = None) -> GuideQuestion:
    """Change a question's text, number and themes (refused once an interview uses its guide)."""
    _require(can_create_for(user, None))
    question = GuideQuestion.objects.select_related("guide").get(pk=question.pk)
    _require_unused(question.guide)
    question.text = text
    question.number = question.number if number is None else number
    return _question_save(question, themes)


def guide_question_delete(*, user: Any, question: GuideQuestion) -> None:
    """Remove a question from a guide (refused once an interview uses its guide)."""
    _require(can_create_for(user, None))
    _require_unused(question.guide)
    question.delete()
