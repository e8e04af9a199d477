"""How the notifier reacts to the log: it keeps its directory and watch up to date, and tells the student
(and, for a region's return, the school admins) when a work is returned. Each handler returns what it changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import structlog

from festival_events import contracts
from festival_events.envelope import Envelope
from festival_review.notifications import messages
from festival_review.notifications.feed import Message
from festival_review.notifications.reminders import DEADLINES
from festival_review.notifications.watch import DRAFT, RETURNED, SUBMITTED, WITHDRAWN, NotificationWatch

if TYPE_CHECKING:
    from collections.abc import Callable

    from festival_kit.consumer import Handler
    from festival_review.notifications.directory import NotificationDirectory
    from festival_review.notifications.feed import Feed

log = structlog.get_logger()

CONSUMER = "review-notifications"
_HEARS = {
    "registry": ("EditionConfigured", "AccountOpened", "SchoolAdminApproved"),
    "intake": ("SubmissionDrafted", "SubmissionSubmitted", "SubmissionReopened", "SubmissionWithdrawn"),
    "review": ("WorkReturned", "RegionTableFiled"),
    "awards": ("ReminderDue", "SourceFilesRequested"),
}
SUBJECTS = [f"festival.{service}.{name}" for service, names in _HEARS.items() for name in names]


class NotificationPolicies:
    """The consumer side of Notifications (mixed into it: `directory`, `watch` and `deliver` are its)."""

    directory: Callable[[], NotificationDirectory]
    watch: Callable[[str], NotificationWatch]
    deliver: Callable[[str, str, Message], Feed | None]

    def handlers(self) -> dict[str, Handler]:
        """Event type -> handler, for the durable consumer "review-notifications"."""
        return {
            "EditionConfigured": self.on_edition_configured, "AccountOpened": self.on_account_opened,
            "SchoolAdminApproved": self.on_school_admin_approved,
            "SubmissionDrafted": self.on_drafted, "SubmissionSubmitted": self.on_submitted,
            "SubmissionReopened": self.on_reopened, "SubmissionWithdrawn": self.on_withdrawn,
            "WorkReturned": self.on_returned, "RegionTableFiled": self.on_table_filed,
            "ReminderDue": self.on_awards_reminder, "SourceFilesRequested": self.on_source_requested,
        }

    def on_edition_configured(self, env: Envelope) -> list[Any]:
        rules = contracts.read(env).rules
        watch, directory = self.watch(rules.code), self.directory()
        changed = watch.set_deadlines({name: getattr(rules, name) for name in DEADLINES}, rules.timezone)
        return _changed((watch, changed), (directory, directory.note_edition(rules.code)))

    def on_account_opened(self, env: Envelope) -> list[Any]:
        account, directory = contracts.read(env), self.directory()
        noted = directory.note_admin(env.aggregate_id, account.role, account.school_id, account.region_id,
                                     account.active)
        return _changed((directory, noted))

    def on_school_admin_approved(self, env: Envelope) -> list[Any]:
        directory = self.directory()
        return _changed((directory, directory.activate(env.aggregate_id)))

    def on_awards_reminder(self, env: Envelope) -> list[Any]:
        """The awards service says a date of the awards phase is near: every province admin is told once."""
        due = contracts.read(env)
        message = messages.awards_reminder(due.deadline, due.message_zh, due.message_en)
        feeds = (self.deliver(a, str(env.event_id), message) for a in self.directory().province_admins())
        return [f for f in feeds if f is not None]

    def on_source_requested(self, env: Envelope) -> list[Any]:
        """The student of an awarded work is asked for its source files (again: a new deadline, a new message)."""
        asked, watch = contracts.read(env), self.watch(env.edition)
        title = watch.works.get(asked.submission_id, {}).get("title", "")
        message = messages.source_requested(asked.submission_id, title, messages.local(asked.deadline, watch.timezone),
                                            asked.note)
        feed = self.deliver(asked.student_id, f"source:{env.event_id}", message)
        return [feed] if feed is not None else []

    def on_drafted(self, env: Envelope) -> list[Any]:
        d = contracts.read(env)
        return self._note(env, DRAFT, 0, student_id=d.student_id, school_id=d.school_id, region_id=d.region_id,
                          title=d.title)

    def on_submitted(self, env: Envelope) -> list[Any]:
        s = contracts.read(env)
        return self._note(env, SUBMITTED, s.submission_version, student_id=s.student_id, school_id=s.school_id,
                          region_id=s.region_id, title=s.title)

    def on_reopened(self, env: Envelope) -> list[Any]:
        return self._note(env, RETURNED, contracts.read(env).submission_version)

    def on_withdrawn(self, env: Envelope) -> list[Any]:
        return self._note(env, WITHDRAWN, 0)

    def _note(self, env: Envelope, state: str, version: int, **known: Any) -> list[Any]:
        watch, directory = self.watch(env.edition), self.directory()
        noted = watch.note_work(env.aggregate_id, state, version, **known)
        return _changed((watch, noted), (directory, directory.note_edition(env.edition)))

    def on_table_filed(self, env: Envelope) -> list[Any]:
        watch = self.watch(env.edition)
        return _changed((watch, watch.region_filed(contracts.read(env).region_id)))

    def on_returned(self, env: Envelope) -> list[Any]:
        """The student hears why; when the region returned it, the school's admins hear too."""
        r, watch = contracts.read(env), self.watch(env.edition)
        work = watch.works.get(r.submission_id)
        if work is None:
            log.warning("notifications.return_of_unknown_work", submission_id=r.submission_id)
            return []
        closes = messages.local(watch.deadline("window_closes"), watch.timezone)
        source = f"returned:{env.event_id}"
        feeds = [self.deliver(work["student_id"], source, messages.returned_to_student(
            r.submission_id, work["title"], r.submission_version, r.level, r.reason_code, r.reason, closes))]
        if r.level == "region":
            told = messages.returned_to_school(r.submission_id, work["title"], r.submission_version,
                                               r.reason_code, r.reason)
            feeds += [self.deliver(a, source, told) for a in self.directory().school_admins(work["school_id"])]
        return [f for f in feeds if f is not None]


def _changed(*pairs: tuple[Any, bool]) -> list[Any]:
    return [aggregate for aggregate, changed in pairs if changed]
