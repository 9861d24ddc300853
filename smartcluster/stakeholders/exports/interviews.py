"""Interviews workbooks (through smartcluster.reports): a partner's interviews with their answers and its quota."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _

from smartcluster.reports.tables import Table
from smartcluster.reports.workbooks import xlsx_bytes
from smartcluster.stakeholders.models import Answer, Interview


def _interview_rows(interviews: list[Interview]) -> list[list[Any]]:
    return [[item.pk, item.held_on, item.organisation.name, item.organisation.get_type_display(),
             item.person.name if item.person else None, item.interviewer.name if item.interviewer else None,
             item.get_mode_display(), item.consent_to_record, item.consent_to_quote, str(item.guide)]
            for item in interviews]


def _answer_rows(interviews: list[Interview]) -> list[list[Any]]:
    answers = (Answer.objects.filter(interview__in=interviews).select_related("interview__organisation", "question")
               .prefetch_related("question__themes").order_by("-interview__held_on", "interview_id",
                                                              "question__number"))
    return [[answer.interview_id, answer.interview.organisation.name, answer.question.number, answer.question.text,
             ", ".join(theme.name for theme in answer.question.themes.all()), answer.text] for answer in answers]


def interviews_xlsx(*, interviews: Iterable[Interview], quota: list[Any]) -> bytes:
    """Three sheets: the interviews, their answers (one row per answer, with the themes its question probes) and
    the partner's quota (organisations interviewed / required, what is missing)."""
    interviews = list(interviews)
    return xlsx_bytes([
        Table(_("Interviews"), [_("Interview"), _("Held on"), _("Organisation"), _("Organisation type"),
                                _("Interviewee"), _("Interviewer"), _("Mode"), _("Consents to being recorded"),
                                _("Consents to being quoted"), _("Guide")], _interview_rows(interviews)),
        Table(_("Answers"), [_("Interview"), _("Organisation"), _("Question number"), _("Question"),
                             _("Themes probed"), _("Answer")], _answer_rows(interviews)),
        Table(_("Quota"), [_("Group"), _("Interviewed"), _("Required"), _("Missing")],
              [[status.group.label, status.done, status.required, status.missing_text or _("None")]
               for status in quota]),
    ])
