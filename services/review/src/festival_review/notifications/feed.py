"""Feed: one account's in-app notifications, each posted once (its id says what caused it), marked read."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from eventsourcing.domain import event

from festival_kit.aggregate import FestivalAggregate

_NAMESPACE = uuid.UUID("0d3e7c52-3f2b-4f59-8d0e-5b0a1c6e9a47")


@dataclass(frozen=True)
class Message:
    """What a notification says, in Chinese and English, and what it is about."""

    kind: str
    title_zh: str
    title_en: str
    body_zh: str
    body_en: str
    submission_id: str = ""
    deadline: str = ""


def notification_id(source: str, account_id: str) -> str:
    """The same cause and the same account always give the same id: posting twice posts once."""
    return str(uuid.uuid5(_NAMESPACE, f"{source}|{account_id}"))


class Feed(FestivalAggregate):
    """An account's notifications, oldest first, and which of them it has read."""

    SERVICE = "review"

    @staticmethod
    def create_id(account_id: str, **_: Any) -> uuid.UUID:
        return Feed.id_for(account_id)

    @staticmethod
    def id_for(account_id: str) -> uuid.UUID:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"festival:review:feed:{account_id}")

    @event("Opened")
    def __init__(self, account_id: str) -> None:
        self.account_id = account_id
        self.notifications: list[dict[str, Any]] = []
        self.read: dict[str, str] = {}  # notification id -> when it was read (ISO 8601, UTC)

    class Posted(FestivalAggregate.Event):
        PUBLISHED_AS = "NotificationPosted"
        notification_id: str
        kind: str
        title_zh: str
        title_en: str
        body_zh: str
        body_en: str
        submission_id: str
        deadline: str

        def apply(self, feed: Any) -> None:
            fields = ("notification_id", "kind", "title_zh", "title_en", "body_zh", "body_en", "submission_id",
                      "deadline")
            feed.notifications.append({**{f: getattr(self, f) for f in fields},
                                       "posted_at": self.timestamp.isoformat()})

    class Read(FestivalAggregate.Event):
        PUBLISHED_AS = "NotificationRead"
        notification_ids: list[str]

        def apply(self, feed: Any) -> None:
            feed.read.update({i: self.timestamp.isoformat() for i in self.notification_ids})

    def post(self, notification_id: str, message: Message) -> bool:
        """Post a notification unless this id is already in the feed."""
        if self.has(notification_id):
            return False
        self.trigger_event(self.Posted, notification_id=notification_id, **message.__dict__)
        return True

    def mark_read(self, ids: list[str]) -> int:
        """Mark these (known) notifications read; those read already are left as they are."""
        fresh = sorted({i for i in ids if self.has(i) and i not in self.read})
        if fresh:
            self.trigger_event(self.Read, notification_ids=fresh)
        return len(fresh)

    def has(self, notification_id: str) -> bool:
        return any(n["notification_id"] == notification_id for n in self.notifications)

    def unknown(self, ids: list[str]) -> list[str]:
        return [i for i in ids if not self.has(i)]

    def unread(self) -> list[str]:
        return [n["notification_id"] for n in self.notifications if n["notification_id"] not in self.read]

    def newest_first(self) -> list[dict[str, Any]]:
        """Each notification with its read time (empty if unread), newest first."""
        return [{**n, "read_at": self.read.get(n["notification_id"], "")} for n in reversed(self.notifications)]
