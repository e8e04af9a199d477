"""Events of review's in-app notifications: a feed per account, and what the notifier watches to know
whom to tell (admins per school and region, who owns which work, which regions filed, reminders sent).
"""

from __future__ import annotations

from typing import ClassVar, Literal

from festival_events.contracts import Contract

WorkState = Literal["draft", "submitted", "returned", "withdrawn"]


class _Notifications(Contract):
    service: ClassVar[str] = "review"


class FeedOpened(_Notifications):
    """An account's feed, opened with its first notification."""

    type: ClassVar[str] = "FeedOpened"
    account_id: str


class NotificationPosted(_Notifications):
    """One notification to one account; its id is derived from what caused it, so it is posted once."""

    type: ClassVar[str] = "NotificationPosted"
    notification_id: str
    kind: Literal["work_returned", "deadline_reminder", "awards_reminder", "source_requested"]
    title_zh: str
    title_en: str
    body_zh: str
    body_en: str
    submission_id: str
    deadline: str  # which deadline a reminder is about (window_closes | region_deadline | publish_by |
    # exhibition_by); empty otherwise


class NotificationRead(_Notifications):
    """The account marked these notifications read."""

    type: ClassVar[str] = "NotificationRead"
    notification_ids: list[str]


class NotificationDirectoryStarted(_Notifications):
    type: ClassVar[str] = "NotificationDirectoryStarted"


class NotificationDirectoryAdminNoted(_Notifications):
    """A school or region admin account as registry published it (active once approved)."""

    type: ClassVar[str] = "NotificationDirectoryAdminNoted"
    account_id: str
    role: str
    school_id: str | None
    region_id: str | None
    active: bool


class NotificationDirectoryEditionNoted(_Notifications):
    type: ClassVar[str] = "NotificationDirectoryEditionNoted"
    edition: str


class NotificationWatchOpened(_Notifications):
    """What the notifier follows in one edition."""

    type: ClassVar[str] = "NotificationWatchOpened"
    edition: str


class NotificationWatchDeadlinesSet(_Notifications):
    """The edition's deadlines as registry configured them (ISO 8601, with offset) and its time zone."""

    type: ClassVar[str] = "NotificationWatchDeadlinesSet"
    deadlines: dict[str, str]
    timezone: str


class NotificationWatchWorkNoted(_Notifications):
    """Who owns a work, where it belongs and how far it got (as intake published it)."""

    type: ClassVar[str] = "NotificationWatchWorkNoted"
    submission_id: str
    student_id: str
    school_id: str
    region_id: str | None
    title: str
    state: WorkState
    submission_version: int


class NotificationWatchRegionFiled(_Notifications):
    type: ClassVar[str] = "NotificationWatchRegionFiled"
    region_id: str


class NotificationWatchRemindersSent(_Notifications):
    """A round of reminders (one deadline, one lead time) went out; it never goes out again."""

    type: ClassVar[str] = "NotificationWatchRemindersSent"
    deadline: str
    lead_days: int
    recipients: int
