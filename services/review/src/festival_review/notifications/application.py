"""Notifications: feeds, the notifier's view of the log, and deadline reminders, stored in review's own
application (its aggregates are just more aggregates of the review store).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import structlog

from festival_kit.application import FestivalApplication
from festival_kit.errors import FestivalError, forbidden
from festival_review.notifications import messages
from festival_review.notifications.directory import NotificationDirectory
from festival_review.notifications.feed import Feed, Message, notification_id
from festival_review.notifications.policies import NotificationPolicies
from festival_review.notifications.reminders import DEADLINES, due
from festival_review.notifications.watch import NotificationWatch

log = structlog.get_logger()
MAX_MARKED = 500


def unknown_notifications(ids: list[str]) -> FestivalError:
    return FestivalError("notification_not_found", f"通知不存在：{', '.join(ids[:3])}。",
                         f"No such notification in your feed: {', '.join(ids[:3])}.", 404)


class Notifications(NotificationPolicies):
    """Reads and writes the notification aggregates of one (review) application."""

    def __init__(self, app: FestivalApplication):
        self.app = app

    # -- queries and commands of the account itself --------------------------------------------------------

    def feed(self, account_id: str) -> Feed | None:
        """The account's feed (None until it has a notification); anonymous callers have none."""
        if not account_id or account_id == "anonymous":
            raise forbidden()
        return self.find(Feed.id_for(account_id))

    def mark_read(self, account_id: str, ids: list[str], everything: bool = False) -> tuple[int, Feed | None]:
        """Mark the account's notifications read: the ids named, or all; an id not in its feed is refused."""
        feed = self.feed(account_id)
        ids = list(dict.fromkeys(ids))
        if len(ids) > MAX_MARKED:
            raise FestivalError("too_many_ids", f"一次最多标记 {MAX_MARKED} 条通知。",
                                f"Mark at most {MAX_MARKED} notifications at once.", 422)
        missing = feed.unknown(ids) if feed else ids
        if missing:
            raise unknown_notifications(missing)
        if feed is None:
            return 0, None
        marked = feed.mark_read(feed.unread() if everything else ids)
        if marked:
            self.app.save(feed)
        return marked, feed

    # -- reminders ------------------------------------------------------------------------------------------

    def remind(self, now: datetime) -> list[tuple[str, str, int, int]]:
        """Send every reminder round due at `now`, each once: (edition, deadline, lead days, recipients)."""
        directory, sent = self.directory(), []
        for edition in directory.editions:
            watch = self.watch(edition)
            for deadline in DEADLINES:
                moment = watch.deadline(deadline)
                lead = due(moment, now, [d for n, d in watch.rounds if n == deadline]) if moment else None
                if lead is None:
                    continue
                feeds = self._round(watch, directory, deadline, lead)
                watch.reminders_sent(deadline, lead, len(feeds))
                self.app.save(watch, *feeds)  # the round and its notifications in one transaction
                sent.append((edition, deadline, lead, len(feeds)))
                log.info("notifications.reminders_sent", edition=edition, deadline=deadline, lead_days=lead,
                         recipients=len(feeds))
        return sent

    def _round(self, watch: NotificationWatch, directory: NotificationDirectory, deadline: str,
               lead: int) -> list[Feed]:
        source = f"reminder:{watch.edition}:{deadline}:{lead}"
        when = messages.local(watch.deadline(deadline), watch.timezone)
        if deadline == "window_closes":
            told = [self.deliver(student, source, messages.window_reminder(lead, when, [w["title"] for w in works]))
                    for student, works in watch.unfinished().items()]
        else:
            reminder = messages.region_reminder(lead, when)
            told = [self.deliver(admin, source, reminder) for region, admins in directory.region_admins().items()
                    if region not in watch.filed for admin in admins]
        return [f for f in told if f is not None]

    # -- loading --------------------------------------------------------------------------------------------

    def deliver(self, account_id: str, source: str, message: Message) -> Feed | None:
        """The account's feed with the message posted, or None if that notification is there already."""
        feed = self.find(Feed.id_for(account_id)) or Feed(account_id=account_id)
        return feed if feed.post(notification_id(source, account_id), message) else None

    def directory(self) -> NotificationDirectory:
        return self.find(NotificationDirectory.ID) or NotificationDirectory()

    def watch(self, edition: str) -> NotificationWatch:
        return self.find(NotificationWatch.id_for(edition)) or NotificationWatch(edition=edition)

    def find(self, aggregate_id: uuid.UUID) -> Any:
        return self.app.find(aggregate_id)
