"""The queues: a pure projection of review's events, so the live service and a replay of the stream agree.

`ReviewLog.apply` takes envelopes in log order; the live `QueueIndex` feeds it the store's own events,
and `rebuild` feeds it whatever the FESTIVAL stream holds under festival.review.>.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from festival_events import contracts
from festival_events.envelope import Envelope
from festival_kit import paging
from festival_kit.aggregate import envelope_of
from festival_review.domain import history
from festival_review.domain import stages as st

WAITING, DECIDED, ALL = "waiting", "decided", "all"
VIEWS = (WAITING, DECIDED, ALL)
# Which stage waits for each reviewing role (an auditor decides nothing, so nothing waits for one).
WAITS_FOR = {"school_admin": st.AWAITING_SCHOOL, "region_admin": st.AWAITING_REGION,
             "province_admin": st.AWAITING_PROVINCE}
_TOPICS = (":ReviewCase.", ":Reviewer.", ":ReviewEdition.")


@dataclass
class Row:
    """What a queue filters on; the rest is read from the case."""

    submission_id: str
    edition: str
    school_id: str
    region_id: str | None
    category: str = ""
    status: str = ""
    deciders: set[str] = field(default_factory=set)


class ReviewLog:
    """Cases, reviewers and editions as review's events describe them."""

    def __init__(self) -> None:
        self.rows: dict[str, Row] = {}
        self.reviewers: dict[str, dict[str, Any]] = {}  # reviewer aggregate id -> account
        self.editions: list[str] = []

    def apply(self, env: Envelope) -> None:
        if env.service != "review":
            return
        data = contracts.read(env).model_dump()
        if env.type == "ReviewCaseOpened":
            self.rows[data["submission_id"]] = Row(data["submission_id"], env.edition, data["school_id"],
                                                   data["region_id"])
        elif env.type in history.STEPS:
            self._step(env, data)
        elif env.type == "ReviewerRecorded":
            self.reviewers[env.aggregate_id] = data
        elif env.type == "ReviewerStatusChanged":
            self.reviewers[env.aggregate_id]["status"] = data["status"]
        elif env.type == "ReviewEditionRecorded":
            self.editions.append(data["edition"])

    def _step(self, env: Envelope, data: dict[str, Any]) -> None:
        row = self.rows[data["submission_id"]]
        _, level, row.status = history.STEPS[env.type]
        if env.type == "ReviewVersionReceived":
            row.school_id, row.region_id, row.category = data["school_id"], data["region_id"], data["category"]
        if level is not None:  # a person's decision, not the log's
            row.deciders.add(env.actor.account_id)

    def account(self, account_id: str) -> dict[str, Any] | None:
        return next((r for r in self.reviewers.values() if r["account_id"] == account_id), None)

    def queue(self, account_id: str, view: str = WAITING, after: str = "", limit: int = 0,
              **filters: str | None) -> tuple[list[str], bool]:
        """Submission ids in an account's queue, in the order they reached review, in pages (festival_kit.paging:
        after a page's last id, at most `limit`, 0 for all); and whether more follow. None if not approved."""
        me = self.account(account_id)
        if me is None or me["status"] != "active":
            return [], False
        wanted = {k: v for k, v in filters.items() if v}

        def kept(row: Row) -> bool:
            return (_in_scope(row, me) and _in_view(row, me, view)
                    and all(getattr(row, k) == v for k, v in wanted.items()))

        rows, more = paging.page(list(self.rows.values()), lambda row: row.submission_id, kept, after, limit)
        return [row.submission_id for row in rows], more

    def select(self, **filters: Any) -> list[str]:
        """Submission ids whose rows match every filter (a tuple value means any of them)."""
        def matches(row: Row, key: str, value: Any) -> bool:
            return getattr(row, key) in value if isinstance(value, tuple) else getattr(row, key) == value
        return [r.submission_id for r in self.rows.values() if all(matches(r, k, v) for k, v in filters.items())]


def _in_scope(row: Row, me: dict[str, Any]) -> bool:
    if me["role"] == "school_admin":
        return row.school_id == me["school_id"]
    if me["role"] == "region_admin":
        return row.region_id == me["region_id"]
    return me["role"] in ("province_admin", "auditor")


def _in_view(row: Row, me: dict[str, Any], view: str) -> bool:
    if view == DECIDED:
        return me["account_id"] in row.deciders
    if view == ALL:
        return True
    return WAITS_FOR.get(me["role"]) == row.status


def rebuild(envelopes: Iterable[Envelope]) -> ReviewLog:
    """The queues from a list of envelopes (e.g. everything on festival.review.> from sequence 1)."""
    log = ReviewLog()
    for env in envelopes:
        log.apply(env)
    return log


class QueueIndex(ReviewLog):
    """The live projection: follows the application's own notification log before each read."""

    def __init__(self, app: Any, batch: int = 500):
        super().__init__()
        self.app, self.batch, self.position = app, batch, 0
        self._lock = threading.Lock()

    def catch_up(self) -> ReviewLog:
        with self._lock:
            while notifications := self.app.recorder.select_notifications(self.position + 1, self.batch):
                for n in notifications:
                    if any(t in n.topic for t in _TOPICS):
                        self.apply(envelope_of(self.app.mapper.to_domain_event(n), self.app.SERVICE))
                    self.position = n.id
        return self
