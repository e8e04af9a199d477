"""The read side: which inspections belong to a submission, and every film's fingerprint so far.

It follows the store's own notification log (from id 1 at start, then only what is new), so every worker
sees what any worker stored, in store order.
"""

from __future__ import annotations

import threading
import uuid
from typing import Any

from festival_inspection.worker.domain.inspection import Inspection


class InspectionIndex:
    """Inspection ids by submission; completed fingerprints as (submission id, edition, fingerprint)."""

    def __init__(self, app: Any, batch: int = 500):
        self.app, self.batch = app, batch
        self.position = 0
        self.by_submission: dict[str, list[uuid.UUID]] = {}
        self.fingerprints: list[tuple[str, str, dict[str, Any]]] = []
        self._lock = threading.Lock()

    def catch_up(self) -> None:
        """Apply every stored event after the last one seen."""
        with self._lock:
            while notifications := self.app.recorder.select_notifications(self.position + 1, self.batch):
                for n in notifications:
                    if ":Inspection." in n.topic:
                        self._apply(self.app.mapper.to_domain_event(n))
                    self.position = n.id

    def _apply(self, event: Any) -> None:
        if isinstance(event, Inspection.Started):
            self.by_submission.setdefault(event.submission_id, []).append(event.originator_id)
        elif isinstance(event, Inspection.Completed) and event.fingerprint:
            self.fingerprints.append((event.submission_id, event.meta.get("edition", ""), event.fingerprint))

    def of_submission(self, submission_id: str) -> list[uuid.UUID]:
        self.catch_up()
        return list(self.by_submission.get(submission_id, []))
