"""The reminder scheduler: every few seconds, send the reminder rounds due by the platform's clock."""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import Awaitable, Callable
from datetime import datetime

import structlog

from festival_kit import clock
from festival_kit.context import Cause, caused_by
from festival_review.notifications.application import Notifications

log = structlog.get_logger()
INTERVAL_ENV = "FESTIVAL_SCHEDULER_INTERVAL"  # the same knob as registry's phase scheduler


def tick(notifications: Notifications, now: datetime) -> list[tuple[str, str, int, int]]:
    """Send what is due at `now`, as the system (reminders are nobody's decision)."""
    with caused_by(Cause()):
        return notifications.remind(now)


def reminder_scheduler(
    notifications: Notifications, interval: float | None = None, now: Callable[[], datetime] = clock.now
) -> Callable[[asyncio.Event], Awaitable[None]]:
    """A ServiceRuntime background task: every `interval` seconds, send the rounds due by `now()`."""
    every = interval if interval is not None else float(os.environ.get(INTERVAL_ENV, "1.0"))

    async def run(stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                tick(notifications, now())
            except Exception:  # noqa: BLE001 - a store hiccup or a concurrent writer: try again next tick
                log.exception("notifications.tick_failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), every)

    return run
