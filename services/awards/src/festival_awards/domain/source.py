"""SourceRequest: the province asks an awarded work's team for its source files (附件 四.4), and they arrive.

获奖作品如需要提供源文件格式，组委会办公室将与作者联系上传: one request per work (asking again sets a new
deadline and note), answered when intake confirms a file in the work's `source` slot. Late answers count; the
province sees them as late.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from eventsourcing.domain import event

from festival_awards.domain import refusals
from festival_kit import clock
from festival_kit.aggregate import FestivalAggregate

REQUESTED, UPLOADED, OVERDUE = "requested", "uploaded", "overdue"


class SourceRequest(FestivalAggregate):
    SERVICE = "awards"

    @staticmethod
    def create_id(submission_id: str, **_: Any) -> uuid.UUID:
        return SourceRequest.id_for(submission_id)

    @staticmethod
    def id_for(submission_id: str) -> uuid.UUID:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"festival:awards:source:{submission_id}")

    class Requested(FestivalAggregate.Created):
        PUBLISHED_AS = "SourceFilesRequested"
        submission_id: str
        edition: str
        student_id: str
        tier: str
        deadline: datetime
        note: str

    @event(Requested)
    def __init__(self, submission_id: str, edition: str, student_id: str, tier: str, deadline: datetime,
                 note: str) -> None:
        self.submission_id, self.edition, self.student_id = submission_id, edition, student_id
        self.received: dict[str, Any] | None = None
        self._ask(tier, deadline, note)

    @classmethod
    def ask(cls, found: SourceRequest | None, *, submission_id: str, edition: str, student_id: str, tier: str,
            deadline: datetime, note: str) -> SourceRequest:
        """A new request, or the same work asked again with a new deadline; a deadline must lie ahead."""
        if deadline <= clock.now():
            raise refusals.deadline_in_the_past()
        if found is None:
            return cls(submission_id=submission_id, edition=edition, student_id=student_id, tier=tier,
                       deadline=deadline, note=note)
        found._asked_again(submission_id=submission_id, edition=edition, student_id=student_id, tier=tier,
                           deadline=deadline, note=note)
        return found

    class AskedAgain(FestivalAggregate.Event):
        PUBLISHED_AS = "SourceFilesRequested"
        submission_id: str
        edition: str
        student_id: str
        tier: str
        deadline: datetime
        note: str

    @event(AskedAgain)
    def _asked_again(self, submission_id: str, edition: str, student_id: str, tier: str, deadline: datetime,
                     note: str) -> None:
        self._ask(tier, deadline, note)

    def _ask(self, tier: str, deadline: datetime, note: str) -> None:
        self.tier, self.deadline, self.note, self.requested_at = tier, deadline, note, clock.now()

    def receive(self, upload_id: str, object_key: str, filename: str, size: int, at: datetime) -> bool:
        """The file intake confirmed for the request; the same upload twice changes nothing."""
        if self.received and self.received["upload_id"] == upload_id:
            return False
        self._received(submission_id=self.submission_id, upload_id=upload_id, object_key=object_key,
                       filename=filename, size=size, at=at, late=at > self.deadline)
        return True

    @event("Received")
    def _received(self, submission_id: str, upload_id: str, object_key: str, filename: str, size: int,
                  at: datetime, late: bool) -> None:
        self.received = {"upload_id": upload_id, "object_key": object_key, "filename": filename, "size": size,
                         "at": at, "late": late}

    def status(self, now: datetime) -> str:
        if self.received:
            return UPLOADED
        return OVERDUE if now > self.deadline else REQUESTED


SourceRequest.Received.PUBLISHED_AS = "SourceFilesReceived"
