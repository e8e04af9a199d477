"""The audit service's own aggregates: a signed checkpoint (one per sealing event, or per request) and a run."""

from __future__ import annotations

import uuid
from typing import Any

from eventsourcing.domain import event

from festival_kit.aggregate import FestivalAggregate

_NS = uuid.UUID("0d6d7f0e-5b7a-4a51-9a57-6c8e9a3b7d21")


class Checkpoint(FestivalAggregate):
    """A C2SP signed note of the tree of the first `size` messages of FESTIVAL (`CheckpointSigned`)."""

    SERVICE = "audit"

    @staticmethod
    def create_id(trigger_event_id: str, **_: Any) -> uuid.UUID:
        return Checkpoint.id_for(trigger_event_id or str(uuid.uuid4()))

    @staticmethod
    def id_for(trigger_event_id: str) -> uuid.UUID:
        """A sealing event gets one checkpoint however often the log is read again."""
        return uuid.uuid5(_NS, f"checkpoint:{trigger_event_id}")

    @event("Signed")
    def __init__(self, origin: str, size: int, root: str, note: str, verifier_key: str, trigger: str,
                 trigger_event_id: str, trigger_seq: int) -> None:
        self.origin, self.size, self.root, self.note = origin, size, root, note
        self.verifier_key, self.trigger = verifier_key, trigger
        self.trigger_event_id, self.trigger_seq = trigger_event_id, trigger_seq


class AuditRun(FestivalAggregate):
    """One verify run someone started (`AuditRunStarted`) and what it found (`AuditRunFinished`)."""

    SERVICE = "audit"

    @event("Started")
    def __init__(self, kind: str, requested_by: str) -> None:
        self.kind, self.requested_by, self.finished, self.outcome = kind, requested_by, False, {}

    def finish(self, **outcome: Any) -> None:
        self._finished(**outcome)

    @event("Finished")
    def _finished(self, last_seq: int, events: int, root: str, report_sha256: str, problem_count: int,
                  problems: list, skipped: list) -> None:
        self.finished = True
        self.outcome = {"last_seq": last_seq, "events": events, "root": root, "report_sha256": report_sha256,
                        "problem_count": problem_count, "problems": problems, "skipped": skipped}
