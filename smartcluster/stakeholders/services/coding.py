"""Coding writes: permission check, validation, then save.

A coding (`AnswerCoding`) is one coder's reading of one answer, saved even when no theme applies (the unit of the
agreement). A suggestion becomes a code only when the coder accepts it (`AppliedCode` source=suggestion, with the
score computed here, never taken from the request). Every function raises `PermissionDenied` (nothing changed) or
`ValidationError` naming the field.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import PurePath
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from smartcluster.accounts.permissions import can_view, is_administrator
from smartcluster.config import file_limits
from smartcluster.qualitative.codebooks import CodebookEntry, codebook_csv_read, codebook_qdc_read
from smartcluster.sources.validation import InvalidInput
from smartcluster.stakeholders.choices import CodeSource
from smartcluster.stakeholders.models import Answer, AnswerCoding, AppliedCode, Codebook, Theme
from smartcluster.stakeholders.selectors.coding import (
    answer_suggestion_list,
    codebook_group_names,
    codebook_next_version,
)

__all__ = ["CODEBOOK_FILE_TYPES", "answer_coding_load", "answer_coding_save", "answer_coding_suggestion_accept",
           "codebook_import"]

CODEBOOK_FILE_TYPES = (".csv", ".qdc")
MAX_CODES = 200  # more than any codebook holds: a longer list is a mistake, not a coding
MAX_CODE_SHOWN = 60  # a theme code is at most 60 characters: longer input is shown cut


def _may_code(user: Any, answer: Answer) -> None:
    """Coders are the owning partner's members and the administrators."""
    if not getattr(user, "is_authenticated", False) or not can_view(user, answer):
        raise PermissionDenied(_("Only the members of the partner that held the interview may code it."))


def _themes(answer: Answer, codes: Iterable[str], field: str) -> list[Theme]:
    """The themes of the answer's codebook with these codes; an unknown code is refused naming `field`."""
    codes = list(dict.fromkeys(str(code) for code in codes))
    if len(codes) > MAX_CODES:
        raise ValidationError({field: _("At most %(count)s themes.") % {"count": MAX_CODES}})
    found = {theme.code: theme for theme in Theme.objects.filter(codebook_id=answer.interview.guide.codebook_id,
                                                                 code__in=codes)}
    unknown = [code if len(code) <= MAX_CODE_SHOWN else code[:MAX_CODE_SHOWN] + "…"
               for code in codes if code not in found]
    if unknown:
        raise ValidationError({field: _("Not a theme of the interview's codebook: %(codes)s.")
                               % {"codes": ", ".join(unknown[:5])}})
    return [found[code] for code in codes]


def _coding(answer: Answer, coder: Any) -> AnswerCoding:
    """The coder's coding of the answer, made now if missing (two requests at once make one)."""
    try:
        with transaction.atomic():
            coding, _made = AnswerCoding.objects.get_or_create(answer=answer, coder=coder)
    except IntegrityError:
        coding = AnswerCoding.objects.get(answer=answer, coder=coder)
    return coding


def _apply(coding: AnswerCoding, theme: Theme, score: float | None) -> AppliedCode:
    """The theme applied to the coding (manual, or an accepted suggestion with its score); the same theme applied
    at the same moment by a second request of the coder is kept once."""
    code = AppliedCode(coding=coding, theme=theme, source=CodeSource.MANUAL if score is None else
                       CodeSource.SUGGESTION, suggestion_score=score)
    code.full_clean()
    try:
        with transaction.atomic():
            code.save()
    except IntegrityError:
        return AppliedCode.objects.get(coding=coding, theme=theme)
    return code


def _set_codes(coding: AnswerCoding, themes: list[Theme], scores: Mapping[str, float]) -> None:
    """The coding's codes become `themes`: kept ones keep their source, new ones are manual unless scored."""
    coding.codes.exclude(theme__in=themes).delete()
    kept = set(coding.codes.values_list("theme_id", flat=True))
    for theme in themes:
        if theme.pk not in kept:
            _apply(coding, theme, scores.get(theme.code))
    coding.save(update_fields=["coded_at"])  # the coder's last look at the unit


def answer_coding_load(*, answer: Answer, coder: Any, themes: list[str],
                       suggestions: Mapping[str, float] | None = None) -> AnswerCoding:
    """A coder's coding of an answer with these theme codes, checked like the pages' but with nobody's rights: for
    the platform's own loaders (the demo). Codes in `suggestions` (also applied when missing from `themes`) are
    stored as accepted suggestions with their score; the coding replaces the coder's earlier one."""
    suggestions = dict(suggestions or {})
    for code, score in suggestions.items():
        if not 0 < float(score) <= 1:
            raise ValidationError({"suggestions": _("Suggestion %(code)s: a score lies in (0, 1], not %(score)s.")
                                   % {"code": code, "score": score}})
    chosen = _themes(answer, [*themes, *suggestions], "themes")
    with transaction.atomic():
        coding = _coding(answer, coder)
        coding.codes.all().delete()
        _set_codes(coding, chosen, {code: float(score) for code, score in suggestions.items()})
    return coding


def answer_coding_save(*, user: Any, answer: Answer, themes: list[str]) -> AnswerCoding:
    """The user's coding of an answer: exactly these theme codes (none is a coding too). Codes the user accepted
    from suggestions and keeps stay suggestions with their score; the others are the coder's own choice."""
    _may_code(user, answer)
    chosen = _themes(answer, themes, "themes")
    with transaction.atomic():
        coding = _coding(answer, user)
        _set_codes(coding, chosen, {})
    return coding


def answer_coding_suggestion_accept(*, user: Any, answer: Answer, theme: str) -> AppliedCode:
    """Accept the suggestion of a theme for an answer: stored as a code of the user's coding with the score the
    suggestion has now. A theme already applied is left as it is."""
    _may_code(user, answer)
    chosen = _themes(answer, [theme], "theme")[0]
    scores = {suggested.code: score for suggested, score in answer_suggestion_list(answer=answer, limit=None)}
    if chosen.code not in scores:
        raise ValidationError({"theme": _("Theme %(code)s is not suggested for this answer.") % {"code": theme}})
    with transaction.atomic():
        coding = _coding(answer, user)
        existing = coding.codes.filter(theme=chosen).first()
        if existing is not None:
            return existing
        applied = _apply(coding, chosen, scores[chosen.code])
        coding.save(update_fields=["coded_at"])
    return applied


# --- codebooks -----------------------------------------------------------------------------------------------------

def _entries(*, content: bytes, filename: str, known_codes: Iterable[str]) -> list[CodebookEntry]:
    """The themes of an uploaded codebook file, by its type; a bad file is refused naming line and field."""
    name = PurePath(filename or "").name or "codebook"
    suffix = PurePath(name).suffix.lower()
    limit = file_limits().upload_max_bytes
    if len(content) > limit:
        raise ValidationError({"file": _("%(file)s has %(size)s bytes, more than the limit of %(limit)s.")
                               % {"file": name, "size": f"{len(content):,}", "limit": f"{limit:,}"}})
    if suffix not in CODEBOOK_FILE_TYPES:
        raise ValidationError({"file": _("%(file)s: choose a .csv or a REFI-QDA .qdc codebook file.")
                               % {"file": name}})
    try:
        if suffix == ".csv":
            return codebook_csv_read(content, groups=codebook_group_names(), file=name)
        return codebook_qdc_read(content, groups=codebook_group_names(), known_codes=known_codes, file=name)
    except InvalidInput as error:
        raise ValidationError({"file": error.report()}) from None


def codebook_import(*, user: Any, codebook: Codebook, content: bytes, filename: str) -> Codebook:
    """A new version of `codebook` (same name, next version) with the themes of a CSV or `.qdc` file
    (administrators); a bad file is refused naming the problem and nothing is saved."""
    if not is_administrator(user):
        raise PermissionDenied(_("Only administrators may import a codebook."))
    known = Theme.objects.filter(codebook__name=codebook.name).values_list("code", flat=True).distinct()
    entries = _entries(content=content, filename=filename, known_codes=list(known))
    with transaction.atomic():
        imported = Codebook(name=codebook.name, version=codebook_next_version(name=codebook.name),
                            description=_("Imported from %(file)s.") % {"file": PurePath(filename).name})
        imported.full_clean()
        imported.save()
        for position, entry in enumerate(entries, start=1):
            theme = Theme(codebook=imported, code=entry.code, name=entry.name, group=entry.group,
                          description=entry.description, position=position)
            theme.full_clean()
            theme.save()
    return imported
