"""InspectionFindings: what media inspection reported about a work's uploads, kept until a version names them.

Intake submits a version only once its files were inspected, so findings usually arrive before the case
opens; they are matched to a version's files by upload id (intake's object keys name the upload).
"""

from __future__ import annotations

import uuid
from typing import Any

from eventsourcing.domain import event

from festival_kit.aggregate import FestivalAggregate


class InspectionFindings(FestivalAggregate):
    """Every completed inspection of one submission's uploads, by upload id."""

    SERVICE = "review"

    @staticmethod
    def create_id(submission_id: str, **_: Any) -> uuid.UUID:
        return InspectionFindings.id_for(submission_id)

    @staticmethod
    def id_for(submission_id: str) -> uuid.UUID:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"festival:review:inspections:{submission_id}")

    @event("Opened")
    def __init__(self, submission_id: str) -> None:
        self.submission_id = submission_id
        self.by_upload: dict[str, dict[str, Any]] = {}

    def note(self, upload_id: str, finding: dict[str, Any]) -> bool:
        """Keep an upload's finding; the same one again changes nothing."""
        if self.by_upload.get(upload_id) == finding:
            return False
        self._noted(upload_id=upload_id, **finding)
        return True

    @event("Noted")
    def _noted(self, upload_id: str, slot: str, verdict: str, warnings: list[str], messages_zh: list[str],
               messages_en: list[str], duplicate_of: str) -> None:
        self.by_upload[upload_id] = {"slot": slot, "verdict": verdict, "warnings": warnings,
                                     "messages_zh": messages_zh, "messages_en": messages_en,
                                     "duplicate_of": duplicate_of}

    def for_file(self, object_key: str) -> dict[str, Any] | None:
        """The finding of the upload a submitted file came from, as a note on the case."""
        for upload_id, finding in self.by_upload.items():
            if holds_upload(object_key, upload_id):
                return {**finding, "object_key": object_key}
        return None


def holds_upload(object_key: str, upload_id: str) -> bool:
    """Whether a file's object key is that upload's: the upload id is one of its path segments (the last in
    today's keys, followed by the file's name in keys recorded before keys held ids only)."""
    return upload_id in object_key.split("/")


def finding_of(completed: Any) -> dict[str, Any]:
    """What reviewers are shown of an InspectionCompleted: its verdict, what warned or failed, any duplicate."""
    flagged = [c for c in completed.checks if c.verdict != "pass"]
    zh, en = [c.message_zh for c in flagged], [c.message_en for c in flagged]
    dup = completed.duplicate_of
    if dup is not None:
        where = f"{dup.edition} " if dup.edition else ""
        zh.append(f"与{where}作品《{dup.title or dup.work_id}》高度相似（相似度 {dup.similarity:.2f}）。")
        en.append(f"Closely matches {where}work '{dup.title or dup.work_id}' (similarity {dup.similarity:.2f}).")
    return {"slot": completed.slot, "verdict": completed.verdict, "warnings": [c.id for c in flagged],
            "messages_zh": zh, "messages_en": en, "duplicate_of": dup.work_id if dup else ""}
