"""Writes of the clusters app: funding records (one per cluster and year), saved one by one or imported from a
workbook. Every write checks the user's rights (`PermissionDenied`, nothing changed) and the figures through
`smartcluster.evaluation` (`ValidationError` naming the field: a share, `source_shares` for their sum, …)."""

from __future__ import annotations

import functools
import operator
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from smartcluster.accounts.permissions import can_change
from smartcluster.clusters.models import ClusterProfile, FundingRecord
from smartcluster.clusters.selectors.funding import AMOUNT_FIELDS, SHARE_FIELDS, funding_year_of
from smartcluster.evaluation import EvaluationError, funding_figures
from smartcluster.sources.imports import ImportRefused, Row, RowProblem, sheet_rows

__all__ = [
    "FUNDING_COLUMNS", "FUNDING_FIELDS", "FUNDING_SHEET", "SHARES_FIELD", "funding_record_delete",
    "funding_record_load", "funding_record_save", "funding_record_validate", "funding_records_import",
]

FUNDING_FIELDS = ("revenue", *SHARE_FIELDS, *AMOUNT_FIELDS, "is_published")
SHARES_FIELD = "source_shares"  # the field a refusal of the shares' sum names (the evaluation library's name)

# The workbook's sheet and headers: a file format, so English and never translated (an import reads them back).
FUNDING_SHEET = "Funding"
FUNDING_COLUMNS = {
    "cluster": "Cluster", "year": "Year", "revenue": "Revenue (EUR)",
    "regional_grants": "Regional grants (%)", "national_grants": "National grants (%)",
    "eu_grants": "EU grants (%)", "membership_fees": "Membership fees (%)", "paid_services": "Paid services (%)",
    "project_income": "Project income (%)", "sponsorship_other": "Sponsorship and other (%)",
    "core_funding": "Core funding (EUR)", "annual_cost": "Annual cost (EUR)",
    "contracted_next_12_months": "Contracted next 12 months (EUR)",
    "contracted_next_36_months": "Contracted next 36 months (EUR)", "is_published": "Published",
}
REQUIRED_COLUMNS = [header for field, header in FUNDING_COLUMNS.items() if field != "is_published"]
SHARES_COLUMN = "Shares (%)"  # where an import's problem with the sum of the seven share columns is reported
YES = {"yes", "y", "true", "1", "x"}
NO = {"no", "n", "false", "0", ""}


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("You may not change the funding of this cluster organisation."))


def _refusal(error: EvaluationError, record: FundingRecord) -> ValidationError:
    """The library's refusal as a translated ValidationError on the model field it names."""
    field = error.field.removeprefix(f"{SHARES_FIELD}.")
    shares = [getattr(record, source) or 0 for source in SHARE_FIELDS]
    messages = {
        "shares_not_100": _("The shares sum to %(total)s %%, not 100 %% (± 0.5).")
        % {"total": f"{float(sum(shares)):g}"},
        "share_out_of_range": _("A share lies between 0 and 100 %."),
        "not_positive": _("The total revenue must be greater than 0."),
        "negative_or_infinite": _("Enter an amount of 0 or more."),
        "above_revenue": _("Core funding cannot exceed the total revenue."),
    }
    return ValidationError({field: messages.get(error.code, error.message)})


def funding_record_validate(*, record: FundingRecord) -> None:
    """Refuse a record (saved or not) whose figures the evaluation library refuses, naming the field, then any
    other invalid field (`full_clean`)."""
    if record.revenue is not None:
        try:
            funding_figures(funding_year_of(record))
        except EvaluationError as error:
            raise _refusal(error, record) from error
    record.full_clean()


def _assign(record: FundingRecord, data: Mapping[str, Any]) -> None:
    unknown = set(data) - set(FUNDING_FIELDS)
    if unknown:
        raise ValidationError(_("Unknown fields: %(fields)s.") % {"fields": ", ".join(sorted(unknown))})
    for field, value in data.items():
        setattr(record, field, value)


def _record_for(profile: ClusterProfile, year: int, data: Mapping[str, Any]) -> FundingRecord:
    """The year's record (new or saved) with `data` applied and checked, not yet saved."""
    record = FundingRecord.objects.filter(profile=profile, year=year).first() or FundingRecord(
        profile=profile, year=year)
    _assign(record, data)
    funding_record_validate(record=record)
    return record


def funding_record_save(*, user: Any, profile: ClusterProfile, year: int, data: Mapping[str, Any]) -> FundingRecord:
    """Create or update a cluster's funding record of `year` with `data` (keys of `FUNDING_FIELDS`; what is not
    given keeps its value): for the cluster's managers and administrators."""
    _require(can_change(user, profile))
    return funding_record_load(profile=profile, year=year, data=data)


def funding_record_load(*, profile: ClusterProfile, year: int, data: Mapping[str, Any]) -> FundingRecord:
    """`funding_record_save` with nobody's rights checked: for the platform's own loaders (the demo)."""
    record = _record_for(profile, year, data)
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError as error:  # the same year created by a concurrent request since it was checked
        raise ValidationError({"year": _("This cluster has a record for %(year)s already.") % {"year": year}}) \
            from error
    return record


def funding_record_delete(*, user: Any, record: FundingRecord) -> None:
    """Delete one year's funding record (the cluster's managers and administrators)."""
    _require(can_change(user, record))
    record.delete()


# --- import ----------------------------------------------------------------------------------------------------

def _number(text: str) -> Decimal:
    """A cell as a number: "1234.5", "1 234,5" or "12,5" (a lone comma is a decimal mark)."""
    text = text.replace(" ", "").replace("\u00a0", "")
    if "," in text and "." not in text and text.count(",") == 1:
        text = text.replace(",", ".")
    try:
        number = Decimal(text.replace(",", ""))
    except InvalidOperation as error:
        raise ValueError(_("“%(text)s” is not a number") % {"text": text}) from error
    if not number.is_finite():
        raise ValueError(_("“%(text)s” is not a number") % {"text": text})
    return number


def _year(text: str) -> int:
    try:
        number = _number(text)
    except ValueError:
        number = None
    if number is None or number != number.to_integral_value():
        raise ValueError(_("“%(text)s” is not a year") % {"text": text})
    return int(number)


def _flag(text: str) -> bool:
    word = text.strip().casefold()
    if word in YES or word == _("Yes").casefold():
        return True
    if word in NO or word == _("No").casefold():
        return False
    raise ValueError(_("“%(text)s” is not yes or no") % {"text": text})


def _row_data(row: Row, problems: list[RowProblem]) -> dict[str, Any] | None:
    """The fields of one row (each unreadable cell added to `problems`); None when a cell was unreadable."""
    data: dict[str, Any] = {}
    count = len(problems)
    for field, header in FUNDING_COLUMNS.items():
        text = row.cells.get(header, "")
        if field == "cluster":
            continue
        if not text and field in (*AMOUNT_FIELDS, *SHARE_FIELDS, "is_published"):
            data[field] = 0 if field in SHARE_FIELDS else (False if field == "is_published" else None)
            continue
        try:
            data[field] = _year(text) if field == "year" else _flag(text) if field == "is_published" else \
                _number(text)
        except ValueError as error:
            problems.append(RowProblem(row.sheet, row.number, header, str(error) if text else _("required")))
    return data if len(problems) == count else None


def _profiles_by_name(rows: list[Row]) -> dict[str, ClusterProfile]:
    """The cluster profiles the rows name, by name ignoring case (organisation names are unique that way)."""
    names = {row.cells.get(FUNDING_COLUMNS["cluster"], "") for row in rows} - {""}
    if not names:
        return {}
    matching = functools.reduce(operator.or_, (Q(organisation__name__iexact=name) for name in names))
    return {profile.organisation.name.casefold(): profile
            for profile in ClusterProfile.objects.select_related("organisation").filter(matching)}


def _row_record(row: Row, profiles: dict[str, ClusterProfile], user: Any, seen: set[tuple[int, int]],
                problems: list[RowProblem]) -> FundingRecord | None:
    """The checked, unsaved record of one row, or None with its problems added."""
    name = row.cells.get(FUNDING_COLUMNS["cluster"], "")
    profile = profiles.get(name.casefold())
    cluster_column = FUNDING_COLUMNS["cluster"]
    if profile is None:
        problems.append(RowProblem(row.sheet, row.number, cluster_column,
                                   _("no cluster organisation named “%(name)s”") % {"name": name}))
    elif not can_change(user, profile):
        problems.append(RowProblem(row.sheet, row.number, cluster_column,
                                   _("you may not change the funding of “%(name)s”") % {"name": name}))
        profile = None
    data = _row_data(row, problems)
    if profile is None or data is None:
        return None
    year = data.pop("year")
    if (profile.pk, year) in seen:
        problems.append(RowProblem(row.sheet, row.number, FUNDING_COLUMNS["year"],
                                   _("%(year)s of this cluster is in an earlier row too") % {"year": year}))
        return None
    seen.add((profile.pk, year))
    try:
        return _record_for(profile, year, data)
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            column = SHARES_COLUMN if field == SHARES_FIELD else FUNDING_COLUMNS.get(field, "")
            problems.extend(RowProblem(row.sheet, row.number, column, message) for message in messages)
        return None


def funding_records_import(*, user: Any, payload: bytes, filename: str) -> list[FundingRecord]:
    """The funding records of an uploaded workbook (sheet "Funding") or CSV file, one per row, created or
    replaced: every row is checked first and `ImportRefused` lists each bad cell (sheet, row, column, why);
    nothing is saved unless there are none. Rows name clusters the user may change."""
    rows = sheet_rows(payload, filename=filename, sheets={FUNDING_SHEET: REQUIRED_COLUMNS})[FUNDING_SHEET]
    profiles = _profiles_by_name(rows)
    problems: list[RowProblem] = []
    seen: set[tuple[int, int]] = set()
    if not rows:
        raise ImportRefused([RowProblem(FUNDING_SHEET, None, "", _("the sheet has no rows"))])
    records = [_row_record(row, profiles, user, seen, problems) for row in rows]
    if problems:
        raise ImportRefused(problems)
    try:
        with transaction.atomic():
            for record in records:
                record.save()
    except IntegrityError as error:  # a year created by a concurrent request since the rows were checked
        raise ImportRefused([RowProblem(FUNDING_SHEET, None, "", _(
            "the funding was changed meanwhile by someone else; nothing was saved: import the file again"))]) \
            from error
    return [record for record in records if record is not None]
