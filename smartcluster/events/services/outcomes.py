"""Writes of the events app: outcomes (minutes, decisions, follow-up actions, check-in issues, brainstorms), plus
trusted `*_load` writers for the demo loader.

The host partner's editors (and administrators) write minutes, decisions, actions, check-in issues and themes; an
action's owner may also set its status; brainstorm participants post ideas and vote within their budget. Refusals
raise `PermissionDenied` (nothing changes) or `ValidationError` naming the field.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from smartcluster.accounts.permissions import can_change
from smartcluster.events.choices import ActionStatus, EventKind, IssueTopic
from smartcluster.events.models import (
    BrainstormIdea,
    BrainstormTheme,
    BrainstormVote,
    CheckInIssue,
    Decision,
    FollowUpAction,
    ProjectEvent,
)
from smartcluster.events.selectors.outcomes import brainstorm_is_participant, brainstorm_votes_used
from smartcluster.notifications.selectors import notification_list_for_user
from smartcluster.notifications.services import notification_kind_register, notification_send

__all__ = [
    "ACTION_ASSIGNED",
    "ACTION_REMINDER",
    "action_create",
    "action_load",
    "action_reminders_send",
    "action_status_set",
    "brainstorm_idea_add",
    "brainstorm_idea_load",
    "brainstorm_idea_theme_set",
    "brainstorm_theme_add",
    "brainstorm_theme_load",
    "brainstorm_vote_cast",
    "brainstorm_vote_load",
    "brainstorm_vote_withdraw",
    "check_in_issue_add",
    "check_in_issue_load",
    "decision_add",
    "decision_delete",
    "decision_load",
    "event_minutes_set",
]

ACTION_ASSIGNED = notification_kind_register("events.action_assigned", gettext_lazy("Event action assigned to me"))
ACTION_REMINDER = notification_kind_register("events.action_reminder",
                                             gettext_lazy("Reminder of my event action due or late"))


def _require_host(user: Any, event: ProjectEvent) -> None:
    if not can_change(user, event):
        raise PermissionDenied(_("Only the host partner's editors may record the outcomes of this event."))


def _text(value: str | None, field: str) -> str:
    """The text stripped; a NUL character (which PostgreSQL cannot store) refused naming the field."""
    text = (value or "").strip()
    if "\x00" in text:
        raise ValidationError({field: _("Null characters are not allowed.")})
    return text


def _saved(record: Any) -> Any:
    record.full_clean()
    record.save()
    return record


@transaction.atomic
def event_minutes_set(*, user: Any, event: ProjectEvent, minutes: str) -> ProjectEvent:
    """The event's minutes, replacing the text written before."""
    _require_host(user, event)
    event.minutes = _text(minutes, "minutes")
    event.full_clean()
    event.save(update_fields=["minutes", "updated_at"])
    return event


def _decision_save(event: ProjectEvent, text: str, number: int | None) -> Decision:
    if number is None:
        number = (event.decisions.aggregate(last=Max("number"))["last"] or 0) + 1
    elif event.decisions.filter(number=number).exists():
        raise ValidationError({"number": _("Decision %(number)s of this event exists already.") % {"number": number}})
    return _saved(Decision(event=event, number=number, text=_text(text, "text")))


@transaction.atomic
def decision_add(*, user: Any, event: ProjectEvent, text: str, number: int | None = None) -> Decision:
    """A numbered decision of the event (the next number when none is given)."""
    _require_host(user, event)
    ProjectEvent.objects.select_for_update().get(pk=event.pk)  # two editors adding at once get distinct numbers
    return _decision_save(event, text, number)


@transaction.atomic
def decision_delete(*, user: Any, decision: Decision) -> None:
    _require_host(user, decision.event)
    decision.delete()


def _notify_owner(action: FollowUpAction) -> None:
    user = action.owner.user
    if user is None or not user.is_active:
        return
    notification_send(
        user=user, kind=ACTION_ASSIGNED, subject=_("Action for you: %(title)s") % {"title": action.title},
        body=_("From %(event)s, due on %(due)s.") % {"event": action.event.title, "due": action.due_on.isoformat()},
        url=reverse("events:actions_mine"), topic=action.event.title, topic_key=f"events.action.{action.pk}")


def action_reminders_send(*, today: dt.date, ahead_days: int = 3) -> int:
    """Remind the owners (with an account) of open actions due within `ahead_days` or late, once per action and
    due date (a new due date is reminded again). Returns how many reminders were sent."""
    due = FollowUpAction.objects.select_related("owner__user", "event").filter(
        status=ActionStatus.OPEN, due_on__lte=today + dt.timedelta(days=ahead_days), owner__user__is_active=True)
    count = 0
    for action in due:
        key = f"events.action_reminder.{action.pk}.{action.due_on.isoformat()}"
        user = action.owner.user
        if notification_list_for_user(user=user).filter(topic_key=key).exists():
            continue
        late = action.due_on < today
        subject = _("Late action: %(title)s") if late else _("Action due soon: %(title)s")
        notification_send(
            user=user, kind=ACTION_REMINDER, subject=subject % {"title": action.title},
            body=_("From %(event)s, due on %(due)s.") % {"event": action.event.title, "due": action.due_on.isoformat()},
            url=reverse("events:actions_mine"), topic=action.event.title, topic_key=key)
        count += 1
    return count


def _action_check(action: FollowUpAction) -> FollowUpAction:
    if action.issue_id is not None and action.issue.event_id != action.event_id:
        raise ValidationError({"issue": _("This issue was raised at another event.")})
    if action.status == ActionStatus.DONE and action.done_on is None:
        raise ValidationError({"done_on": _("Give the date the action was done.")})
    if action.status != ActionStatus.DONE:
        action.done_on = None
    return _saved(action)


@transaction.atomic
def action_create(*, user: Any, event: ProjectEvent, title: str, owner: Any, due_on: dt.date,
                  issue: CheckInIssue | None = None) -> FollowUpAction:
    """A follow-up action of the event (or of one of its check-in issues); its owner is notified."""
    _require_host(user, event)
    action = _action_check(FollowUpAction(event=event, issue=issue, title=_text(title, "title"), owner=owner,
                                          due_on=due_on))
    _notify_owner(action)
    return action


@transaction.atomic
def action_status_set(*, user: Any, action: FollowUpAction, status: str,
                      done_on: dt.date | None = None) -> FollowUpAction:
    """Open, done (on a date) or dropped: by the host's editors or by the action's owner."""
    is_owner = action.owner.user_id is not None and action.owner.user_id == getattr(user, "pk", None)
    if not (is_owner or can_change(user, action.event)):
        raise PermissionDenied(_("Only the action's owner or the host partner's editors may change its status."))
    if status not in ActionStatus.values:
        raise ValidationError({"status": _("Choose one of: %(choices)s.") % {"choices": ", ".join(ActionStatus.values)}})
    action.status, action.done_on = status, done_on
    return _action_check(action)


def _issue_check(event: ProjectEvent, topic: str, text: str) -> CheckInIssue:
    if event.kind != EventKind.CHECK_IN:
        raise ValidationError({"event": _("Issues are raised at partner check-ins only.")})
    return _saved(CheckInIssue(event=event, topic=topic, text=_text(text, "text")))


@transaction.atomic
def check_in_issue_add(*, user: Any, event: ProjectEvent, topic: str, text: str) -> CheckInIssue:
    """An issue (administration, finance, progress) raised at a check-in, by the lead partner's editors."""
    _require_host(user, event)
    return _issue_check(event, topic, text)


def _require_brainstorm(event: ProjectEvent) -> None:
    if event.kind != EventKind.BRAINSTORM:
        raise ValidationError({"event": _("This event is not a brainstorm.")})


def _require_participant(user: Any, event: ProjectEvent) -> None:
    _require_brainstorm(event)
    if not brainstorm_is_participant(user=user, event=event):
        raise PermissionDenied(_("Only the brainstorm's participants (invited or registered) and its host may "
                                 "post ideas and vote."))


@transaction.atomic
def brainstorm_idea_add(*, user: Any, event: ProjectEvent, text: str) -> BrainstormIdea:
    """An idea posted by a participant."""
    _require_participant(user, event)
    return _saved(BrainstormIdea(event=event, author=user, text=_text(text, "text")))


@transaction.atomic
def brainstorm_theme_add(*, user: Any, event: ProjectEvent, title: str) -> BrainstormTheme:
    """A theme of the brainstorm, by the host's editors."""
    _require_host(user, event)
    _require_brainstorm(event)
    title = _text(title, "title")
    if event.themes.filter(title__iexact=title).exists():
        raise ValidationError({"title": _("This brainstorm has a theme of this name already.")})
    return _saved(BrainstormTheme(event=event, title=title))


@transaction.atomic
def brainstorm_idea_theme_set(*, user: Any, idea: BrainstormIdea, theme: BrainstormTheme | None) -> BrainstormIdea:
    """The idea grouped into a theme of its brainstorm (None: out of any theme), by the host's editors."""
    _require_host(user, idea.event)
    if theme is not None and theme.event_id != idea.event_id:
        raise ValidationError({"theme": _("This theme belongs to another brainstorm.")})
    idea.theme = theme
    idea.save(update_fields=["theme"])
    return idea


def _lock_voter(user: Any) -> None:
    """Serialise one voter's votes: the voter's own row is locked until the transaction ends, so two requests of
    the same voter never both read a count below the budget (PostgreSQL; SQLite serialises writers anyway)."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()


@transaction.atomic
def brainstorm_vote_cast(*, user: Any, idea: BrainstormIdea) -> BrainstormVote:
    """One vote (dot voting: several on one idea allowed) within the voter's budget, event.votes_per_participant."""
    event = idea.event
    _require_participant(user, event)
    _lock_voter(user)
    if brainstorm_votes_used(user=user, event=event) >= event.votes_per_participant:
        raise ValidationError({"idea": _("You have used all your %(budget)s votes; withdraw one to vote again.")
                               % {"budget": event.votes_per_participant}})
    return BrainstormVote.objects.create(idea=idea, voter=user)


@transaction.atomic
def brainstorm_vote_withdraw(*, user: Any, idea: BrainstormIdea) -> None:
    """One of the user's votes for this idea taken back."""
    _require_participant(user, idea.event)
    _lock_voter(user)
    vote = BrainstormVote.objects.filter(idea=idea, voter=user).order_by("-created_at", "-pk").first()
    if vote is None:
        raise ValidationError({"idea": _("You have no vote on this idea.")})
    vote.delete()


@transaction.atomic
def decision_load(*, event: ProjectEvent, number: int, text: str) -> Decision:
    """Trusted writer (demo loader): decision `number` of the event, created or given this text."""
    decision = event.decisions.filter(number=number).first()
    if decision is None:
        return _decision_save(event, text, number)
    decision.text = text
    return _saved(decision)


@transaction.atomic
def action_load(*, event: ProjectEvent, title: str, owner: Any, due_on: dt.date, status: str = ActionStatus.OPEN,
                done_on: dt.date | None = None, issue: CheckInIssue | None = None) -> FollowUpAction:
    """Trusted writer (demo loader): the event's action of this title, created or given these fields (no
    notification: the demo's people did not assign it now)."""
    action = event.actions.filter(title=title).first() or FollowUpAction(event=event, title=title)
    action.owner, action.due_on, action.status, action.done_on, action.issue = owner, due_on, status, done_on, issue
    return _action_check(action)


@transaction.atomic
def check_in_issue_load(*, event: ProjectEvent, topic: str = IssueTopic.PROGRESS, text: str) -> CheckInIssue:
    """Trusted writer (demo loader): the check-in's issue of this text, created once."""
    return event.issues.filter(text=text).first() or _issue_check(event, topic, text)


@transaction.atomic
def brainstorm_theme_load(*, event: ProjectEvent, title: str) -> BrainstormTheme:
    """Trusted writer (demo loader): the brainstorm's theme of this title, created once."""
    _require_brainstorm(event)
    return event.themes.filter(title=title).first() or _saved(BrainstormTheme(event=event, title=title))


@transaction.atomic
def brainstorm_idea_load(*, event: ProjectEvent, author: Any, text: str,
                         theme: BrainstormTheme | None = None) -> BrainstormIdea:
    """Trusted writer (demo loader): the idea of this text, created once, in this theme."""
    _require_brainstorm(event)
    idea = event.ideas.filter(text=text).first() or BrainstormIdea(event=event, author=author, text=text)
    idea.theme = theme
    return _saved(idea)


@transaction.atomic
def brainstorm_vote_load(*, idea: BrainstormIdea, voter: Any, votes: int) -> None:
    """Trusted writer (demo loader): the voter's votes on the idea brought to `votes` (kept when already there),
    within the budget."""
    held = list(BrainstormVote.objects.filter(idea=idea, voter=voter).order_by("pk"))
    others = brainstorm_votes_used(user=voter, event=idea.event) - len(held)
    if others + votes > idea.event.votes_per_participant:
        raise ValidationError({"votes": _("More votes than the budget of %(budget)s.")
                               % {"budget": idea.event.votes_per_participant}})
    BrainstormVote.objects.filter(pk__in=[vote.pk for vote in held[votes:]]).delete()
    BrainstormVote.objects.bulk_create([BrainstormVote(idea=idea, voter=voter) for _vote in range(votes - len(held))])
