"""An awards application in memory, fed the events registry, review and scoring would publish."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from awards_feed import AwardsFeeder  # noqa: E402

from festival_awards.application import AwardsApplication  # noqa: E402


@pytest.fixture
def app():
    application = AwardsApplication(env={"PERSISTENCE_MODULE": "eventsourcing.popo"})
    yield application
    application.close()


@pytest.fixture
def feed(app) -> AwardsFeeder:
    feeder = AwardsFeeder(app)
    feeder.edition()
    feeder.directory()
    return feeder
