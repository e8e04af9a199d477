"""Fixtures of review's integration tests: an application on a SQLite file, fed the edition's set-up."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from festival_review.application import ReviewApplication

sys.path.insert(0, str(Path(__file__).parent))  # review_support.py: the played season and its queues


@pytest.fixture
def store_env(tmp_path) -> dict[str, str]:
    return {"PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": str(tmp_path / "review.sqlite")}


@pytest.fixture
def app(store_env, feed, log):
    app = ReviewApplication(env=store_env)
    feed(app, *log.setup())
    yield app
    app.close()
