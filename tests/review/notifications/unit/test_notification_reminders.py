"""When deadline reminders fall due, including a clock that jumps past several marks at once. Pure."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from festival_kit import clock
from festival_review.notifications.reminders import LEAD_DAYS, due

CLOSES = datetime(2023, 7, 11, 0, 0, tzinfo=clock.SHANGHAI)
REGION = datetime(2023, 7, 20, 16, 0, tzinfo=clock.SHANGHAI)
H = timedelta(hours=1)
D = timedelta(days=1)


def test_the_leads_are_three_days_and_one_day() -> None:
    assert LEAD_DAYS == (3, 1)


@pytest.mark.parametrize(("now", "sent", "expected"), [
    (CLOSES - 10 * D, [], None),             # long before: nothing yet
    (CLOSES - 3 * D - H, [], None),          # an hour before the three-day mark
    (CLOSES - 3 * D, [], 3),                 # exactly at the mark
    (CLOSES - 2 * D, [], 3),                 # a service started late still sends the round it missed
    (CLOSES - 2 * D, [3], None),             # ... once
    (CLOSES - D + H, [3], 1),                # the one-day mark
    (CLOSES - H, [3, 1], None),
    (CLOSES - H, [], 1),                     # jumped past both marks: only the nearest round goes out
    (CLOSES - H, [1], None),                 # ... and the skipped three-day round never follows it
    (CLOSES, [], None),                      # the deadline itself: too late to remind
    (CLOSES + D, [], None),
])  # fmt: skip
def test_due(now: datetime, sent: list[int], expected: int | None) -> None:
    assert due(CLOSES, now, sent) == expected


def play(ticks: list[datetime]) -> list[tuple[str, int, datetime]]:
    """Rounds sent by a scheduler ticking at these moments, for both deadlines (as the notifier keeps them)."""
    sent: dict[str, list[int]] = {"window_closes": [], "region_deadline": []}
    rounds = []
    for now in ticks:
        for name, deadline in (("window_closes", CLOSES), ("region_deadline", REGION)):
            lead = due(deadline, now, sent[name])
            if lead is not None:
                sent[name].append(lead)
                rounds.append((name, lead, now))
    return rounds


def test_a_clock_ticking_through_the_season_sends_four_rounds_in_order() -> None:
    start = CLOSES - 5 * D
    ticks = [start + i * timedelta(hours=6) for i in range(4 * 16)]
    assert [(n, lead) for n, lead, _ in play(ticks)] == [
        ("window_closes", 3), ("window_closes", 1), ("region_deadline", 3), ("region_deadline", 1)]
    for name, lead, at in play(ticks):
        deadline = CLOSES if name == "window_closes" else REGION
        assert deadline - timedelta(days=lead) <= at < deadline - timedelta(days=lead) + timedelta(hours=6)


def test_a_clock_jumping_past_several_marks_sends_only_what_is_still_useful() -> None:
    # From a week before the window closes straight to two days before the region deadline: the window's
    # rounds are moot (it has closed) and the region's three-day round is the one due.
    rounds = play([CLOSES - 7 * D, REGION - 2 * D, REGION - 2 * D + H, REGION - 12 * H, REGION + H])
    assert [(n, lead) for n, lead, _ in rounds] == [("region_deadline", 3), ("region_deadline", 1)]
    # Straight to twelve hours before the window closes: one round, "one day left", not two.
    assert [(n, lead) for n, lead, _ in play([CLOSES - 7 * D, CLOSES - 12 * H, CLOSES - H])] == [
        ("window_closes", 1)]
