"""A scoring application in memory, fed the events registry and review would publish."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from judging_feed import REGIONS, Feeder, shanghai  # noqa: E402

from festival_scoring.application import ScoringApplication  # noqa: E402


@pytest.fixture
def app():
    application = ScoringApplication(env={"PERSISTENCE_MODULE": "eventsourcing.popo"})
    yield application
    application.close()


@pytest.fixture
def feed(app) -> Feeder:
    return Feeder(app)


@pytest.fixture
def judging(app, feed):
    """Edition 11 in its judging window, 8 judges in 4 regions, 6 qualified documentaries in 2 regions."""
    feed.edition()
    feed.phase("JudgingOpened", shanghai(2023, 8, 1))
    for i in range(8):
        feed.judge(f"judge-{i}", region=REGIONS[i % 4])
    for i in range(6):
        feed.qualified_work(f"work-{i}", region=REGIONS[i % 2], school=f"school-{i}")
    return feed
