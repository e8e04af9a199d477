"""The Inspection aggregate: one uploaded file, inspected once, whichever worker ends up doing it. Pure."""

from __future__ import annotations

import json
import uuid
from typing import Any

from eventsourcing.domain import event

from festival_inspection.report import Report
from festival_kit.aggregate import FestivalAggregate

RUNNING, COMPLETED = "running", "completed"
_NAMESPACE = uuid.UUID("0b7e4c55-2f9e-4a53-8a3b-4f1f6f0d9e21")


def inspection_id(submission_id: str, upload_id: str) -> uuid.UUID:
    """Derived from the upload, so every worker that meets the same upload finds the same inspection."""
    return uuid.uuid5(_NAMESPACE, f"{submission_id}:{upload_id}")


class Inspection(FestivalAggregate):
    """Started by the worker that took the upload; restarted by the next one if it died; completed once."""

    SERVICE = "media-inspection"

    @staticmethod
    def create_id(submission_id: str, upload_id: str, **_: Any) -> uuid.UUID:
        return inspection_id(submission_id, upload_id)

    @event("Started")
    def __init__(self, edition: str, submission_id: str, upload_id: str, slot: str, object_key: str, size: int,
                 category: str | None, worker: str) -> None:
        self.edition, self.submission_id, self.upload_id, self.slot = edition, submission_id, upload_id, slot
        self.object_key, self.size, self.category = object_key, size, category
        self.status, self.attempt, self.worker = RUNNING, 1, worker
        self.result: dict[str, Any] | None = None

    @property
    def completed(self) -> bool:
        return self.status == COMPLETED

    def restart(self, worker: str) -> None:
        """Another worker takes over a running inspection whose worker stopped (its message came back)."""
        if self.completed:
            raise ValueError("a completed inspection is never restarted")
        self._restarted(attempt=self.attempt + 1, worker=worker)

    @event("Restarted")
    def _restarted(self, attempt: int, worker: str) -> None:
        self.attempt, self.worker = attempt, worker

    def complete(self, report: Report, *, content_hash: str, fingerprint: dict[str, Any] | None,
                 duplicate_of: dict[str, Any] | None, elapsed_s: float, worker: str) -> None:
        """Record every check and the verdict; a completed inspection stays as it is."""
        if self.completed:
            raise ValueError("an inspection is completed once")
        self._completed(
            submission_id=self.submission_id, upload_id=self.upload_id, slot=self.slot, category=self.category,
            verdict=report.verdict, checks=[_plain(c.as_dict()) for c in report.checks], content_hash=content_hash,
            fingerprint=fingerprint, duplicate_of=duplicate_of, elapsed_s=round(elapsed_s, 3), worker=worker,
        )

    @event("Completed")
    def _completed(self, submission_id: str, upload_id: str, slot: str, category: str | None, verdict: str,
                   checks: list[dict[str, Any]], content_hash: str, fingerprint: dict[str, Any] | None,
                   duplicate_of: dict[str, Any] | None, elapsed_s: float, worker: str) -> None:
        self.status, self.worker = COMPLETED, worker
        self.result = {"verdict": verdict, "checks": checks, "content_hash": content_hash,
                       "fingerprint": fingerprint, "duplicate_of": duplicate_of, "elapsed_s": elapsed_s}

    @property
    def verdict(self) -> str:
        return self.result["verdict"] if self.result else ""


def _plain(value: Any) -> Any:
    """As JSON has it: a measurement may be a tuple or a Fraction, the stored event keeps lists and text."""
    return json.loads(json.dumps(value, default=str))
