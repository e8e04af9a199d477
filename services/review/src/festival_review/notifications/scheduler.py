"""The reminder scheduler: every few seconds, send the reminder rounds due by the platform's clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from festival_kit import clock
from festival_kit.context import Cause, caused_by
from festival_kit.runtime import Background, on_the_clock
from festival_review.notifications.application import Notifications

def tick(notifications: Notifications, now: datetime) -> list[tuple[str, str, int, int]]:
    """Send what is due at `now`, as the system (reminders are nobody's decision)."""
    with caused_by(Cause()):
        return notifications.remind(now)


def reminder_scheduler(
    notifications: Notifications, interval: float | None = None, now: Callable[[], datetime] = clock.now
) -> Background:
    """A ServiceRuntime background task: every `interval` seconds, send the rounds due by `now()`."""
    return on_the_clock("notifications", lambda moment: tick(notifications, moment), interval, now)
