"""The reminder scheduler: every few seconds, record the awards reminders due by the platform's clock."""

from __future__ import annotations

from festival_awards.application import AwardsApplication
from festival_kit.context import Cause, caused_by
from festival_kit.runtime import Background, on_the_clock


def reminder_scheduler(app: AwardsApplication, interval: float | None = None) -> Background:
    """A ServiceRuntime background task; reminders are the system's, nobody's decision."""

    def tick(moment):
        with caused_by(Cause()):
            return app.remind(moment)

    return on_the_clock("awards-reminders", tick, interval)
