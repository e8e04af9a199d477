"""The read side: an in-memory index of submissions and open editions, rebuilt from the store's own log.

It is never written directly: it follows the application's notification log (from id 1 at start, then
only what is new before each query), so it is exactly as correct as the store, whatever wrote to it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from eventsourcing.application import Application

from festival_intake.domain.edition import EditionView
from festival_kit import paging
from festival_intake.domain.submission import DRAFT, RETURNED, SUBMITTED, WITHDRAWN, Submission

# Which stored events change a row's status.
_STATUS = {Submission.Submitted: SUBMITTED, Submission.Reopened: RETURNED, Submission.Withdrawn: WITHDRAWN}


@dataclass
class Row:
    """What a list filters on; the rest is read from the aggregate."""

    id: str
    edition: str
    student_id: str
    school_id: str
    region_id: str | None
    status: str


class SubmissionIndex:
    """Submissions by student, school, region, edition and status; and which editions are open."""

    def __init__(self, app: Application, batch: int = 500):
        self.app, self.batch = app, batch
        self.position = 0
        self.rows: dict[str, Row] = {}
        self.open_editions: set[str] = set()
        self._lock = threading.Lock()

    def catch_up(self) -> None:
        """Apply every stored event after the last one seen."""
        with self._lock:
            while notifications := self.app.recorder.select_notifications(self.position + 1, self.batch):
                for n in notifications:
                    if ":Submission." in n.topic or ":EditionView." in n.topic:
                        self._apply(self.app.mapper.to_domain_event(n))
                    self.position = n.id

    def _apply(self, event: Any) -> None:
        if isinstance(event, Submission.Drafted):
            key = str(event.originator_id)
            self.rows[key] = Row(key, event.edition, event.student_id, event.school_id, event.region_id, DRAFT)
        elif type(event) in _STATUS:
            self.rows[str(event.originator_id)].status = _STATUS[type(event)]
        elif isinstance(event, EditionView.WindowOpened):
            self.open_editions.add(event.meta["edition"])
        elif isinstance(event, EditionView.WindowClosed):
            self.open_editions.discard(event.meta["edition"])

    def select(self, after: str = "", limit: int = 0, **filters: str | None) -> tuple[list[Row], bool]:
        """Rows matching every non-empty filter (student_id, school_id, region_id, edition, status), oldest
        first, in pages (festival_kit.paging: after a page's last id, at most `limit`, 0 for all); and whether
        more match. A stranger `after` is bad_page."""
        self.catch_up()
        wanted = {k: v for k, v in filters.items() if v}
        with self._lock:  # another thread's catch_up must not grow the dict under this loop
            rows = list(self.rows.values())
        return paging.page(rows, lambda row: row.id, lambda row: all(getattr(row, k) == v for k, v in wanted.items()),
                           after, limit)

    def unfinished(self, edition: str) -> list[str]:
        """Ids of the edition's works that are still a draft or returned."""
        self.catch_up()
        return [row.id for row in self.rows.values() if row.edition == edition and row.status in (DRAFT, RETURNED)]

    def current_editions(self) -> list[str]:
        self.catch_up()
        return sorted(self.open_editions)
