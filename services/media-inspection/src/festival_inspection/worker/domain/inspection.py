"""The Inspection aggregate: one uploaded file, inspected once, whichever worker ends up doing it. Pure."""

from __future__ import annotations

import uuid
from typing import Any

from eventsourcing.domain import event

from festival_decisions.inspection import RULE_VERSION, Report
from festival_decisions.inspection.report import plain
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

    def complete(self, report: Report, *, measurements: dict[str, Any], content_hash: str,
                 fingerprint: dict[str, Any] | None, duplicate_of: dict[str, Any] | None, elapsed_s: float,
                 worker: str) -> None:
        """Record every check, the verdict, and the measurements and rule version they were decided from."""
        if self.completed:
            raise ValueError("an inspection is completed once")
        self._completed(
            submission_id=self.submission_id, upload_id=self.upload_id, slot=self.slot, category=self.category,
            verdict=report.verdict, checks=[plain(c.as_dict()) for c in report.checks],
            measurements=plain(measurements), rule_version=RULE_VERSION, content_hash=content_hash,
            fingerprint=fingerprint, duplicate_of=duplicate_of, elapsed_s=round(elapsed_s, 3), worker=worker,
        )

    class Completed(FestivalAggregate.Event):
        """Version 2 records the measurements and the rule version (published as InspectionCompleted v2)."""

        class_version = 2
        submission_id: str
        upload_id: str
        slot: str
        category: str | None
        verdict: str
        checks: list[dict[str, Any]]
        measurements: dict[str, Any] | None
        rule_version: str
        content_hash: str
        fingerprint: dict[str, Any] | None
        duplicate_of: dict[str, Any] | None
        elapsed_s: float
        worker: str

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["measurements"], state["rule_version"] = None, ""  # decided before measurements were recorded

    @event(Completed)
    def _completed(self, submission_id: str, upload_id: str, slot: str, category: str | None, verdict: str,
                   checks: list[dict[str, Any]], measurements: dict[str, Any] | None, rule_version: str,
                   content_hash: str, fingerprint: dict[str, Any] | None, duplicate_of: dict[str, Any] | None,
                   elapsed_s: float, worker: str) -> None:
        self.status, self.worker = COMPLETED, worker
        self.result = {"verdict": verdict, "checks": checks, "content_hash": content_hash,
                       "fingerprint": fingerprint, "duplicate_of": duplicate_of, "elapsed_s": elapsed_s,
                       "measurements": measurements, "rule_version": rule_version}

    @property
    def verdict(self) -> str:
        return self.result["verdict"] if self.result else ""

