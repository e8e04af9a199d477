"""Fixtures of the notification tests: a review application on SQLite with its notifier, and a feeder that
hands envelopes to the notifier's handlers as its durable consumer "review-notifications" would.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from festival_events.envelope import Envelope
from festival_kit.consumer import cause_of
from festival_kit.context import caused_by
from festival_review.application import ReviewApplication
from festival_review.notifications import CONSUMER, Notifications

sys.path.insert(0, str(Path(__file__).parents[2]))
import log_envelopes  # noqa: E402


@dataclass
class NotifierFeeder:
    """Tracked delivery at made-up stream positions; a position already processed is skipped, as on NATS."""

    notes: Notifications
    seq: int = 0
    handled: list[str] = field(default_factory=list)

    def __call__(self, *envelopes: Envelope, seq: int | None = None) -> None:
        handlers = self.notes.handlers()
        for env in envelopes:
            position = seq if seq is not None else self.seq + 1
            self.seq = max(self.seq, position)
            if self.notes.app.processed(CONSUMER, position):
                continue
            with caused_by(cause_of(env)):
                handler = handlers.get(env.type)
                self.notes.app.save_tracked(CONSUMER, position, *(handler(env) if handler else []))
            self.handled.append(env.type)


@pytest.fixture
def review(tmp_path, feed, log):
    """A review application fed the edition's set-up (as in review's own tests)."""
    app = ReviewApplication(env={"PERSISTENCE_MODULE": "eventsourcing.sqlite",
                                 "SQLITE_DBNAME": str(tmp_path / "review.sqlite")})
    feed(app, *log.setup())
    yield app
    app.close()


@pytest.fixture
def notes(review, log) -> Notifications:
    """The notifier on the same application, fed the same set-up."""
    notifier = Notifications(review)
    NotifierFeeder(notifier)(*log.setup())
    return notifier


@pytest.fixture
def notify(notes) -> NotifierFeeder:
    feeder = NotifierFeeder(notes)
    feeder.seq = 10_000  # after the set-up's positions
    return feeder


@pytest.fixture
def published():
    """`published(app, type)`: what review stored (and its relay would publish) of one event type, in order."""

    def of_type(app: ReviewApplication, type_: str) -> list[Envelope]:
        return [env for _, env in app.envelopes(0, 100_000) if env.type == type_]

    return of_type


@dataclass
class Intake:
    """intake's events about students' works, in the edition of review's test `Log`."""

    edition: str

    def drafted(self, sub_id: str, title: str, school: str = "school-a", region: str = "region-cc",
                student: str = "student-1") -> Envelope:
        return log_envelopes.drafted(self.edition, sub_id, title, student, school, region)

    def reopened(self, sub_id: str, version: int = 1) -> Envelope:
        return log_envelopes.reopened(self.edition, sub_id, version)


@pytest.fixture
def intake(log) -> Intake:
    return Intake(log.edition)
