"""The phase scheduler: records an edition's phase events once their moment has passed on the clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Protocol

import structlog

from festival_kit import clock
from festival_kit.context import Cause, caused_by
from festival_kit.errors import FestivalError
from festival_kit.runtime import Background, on_the_clock

log = structlog.get_logger()


class Advancing(Protocol):
    """What the scheduler drives: an application that records the phases due at a moment."""

    def advance_phases(self, now: datetime) -> list[str]: ...


def tick(app: Advancing, now: datetime) -> list[str]:
    """Record every phase due at `now` as the system; an edition not yet seeded is not an error."""
    with caused_by(Cause()):
        try:
            recorded = app.advance_phases(now)
        except FestivalError as refusal:
            log.info("scheduler.idle", code=refusal.code)
            return []
    for phase in recorded:
        log.info("scheduler.phase_recorded", phase=phase, now=now.isoformat())
    return recorded


def phase_scheduler(
    app: Advancing, interval: float | None = None, now: Callable[[], datetime] = clock.now
) -> Background:
    """A ServiceRuntime background task: every `interval` seconds, record the phases due by `now()`."""
    return on_the_clock("scheduler", lambda moment: tick(app, moment), interval, now)
