"""When a deadline reminder is due. Pure: a deadline, the moment the clock reads, the rounds already sent."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

# Issue 4 §4: remind three days and one day before each deadline. The notice fixes the deadlines (they are
# the edition's rules); how early to remind is the platform's own habit, the same for every edition.
LEAD_DAYS = (3, 1)
# The edition rule each reminded deadline comes from (EditionRules field names).
DEADLINES = ("window_closes", "region_deadline")


def due(deadline: datetime, now: datetime, sent: Iterable[int], leads: Iterable[int] = LEAD_DAYS) -> int | None:
    """The lead (days) whose round is due at `now`, or None.

    Only the latest mark passed counts: a clock that jumps past several marks sends one round (the
    nearest the deadline), never a stale "three days left" after "one day left"; nothing once the
    deadline itself has passed, and nothing when that round (or a later one) already went out.
    """
    if now >= deadline:
        return None
    passed = [days for days in leads if now >= deadline - timedelta(days=days)]
    if not passed:
        return None
    latest = min(passed)
    return None if any(days <= latest for days in sent) else latest

