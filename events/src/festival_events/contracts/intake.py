"""Events of the intake service: a Submission from draft through files, submission and returns."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict

from festival_events.contracts import Contract, upcaster
from festival_events.contracts.inspection import InspectionCheck
from festival_events.contracts.registry import EditionRules

Slot = Literal["film", "cover", "poster", "application_form", "copyright_declaration"]


class Creator(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    name: str
    grade: str
    school: str


class Advisor(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    name: str
    school: str
    phone: str


class _Intake(Contract):
    service: ClassVar[str] = "intake"


class SubmissionDraftedV1(_Intake):
    """Version 1 had no region: a school was enough before regions were tracked per work."""

    type: ClassVar[str] = "SubmissionDrafted"
    version: ClassVar[int] = 1
    edition: str
    student_id: str
    school_id: str
    title: str
    category: str
    theme: str
    synopsis: str
    creators: list[Creator]
    advisors: list[Advisor]


class SubmissionDrafted(_Intake):
    type: ClassVar[str] = "SubmissionDrafted"
    version: ClassVar[int] = 2
    edition: str
    student_id: str
    school_id: str
    region_id: str | None
    title: str
    category: str
    theme: str
    synopsis: str
    creators: list[Creator]
    advisors: list[Advisor]


@upcaster("SubmissionDrafted", from_version=1)
def _drafted_v1_v2(payload: dict) -> dict:
    return {**payload, "region_id": None}


class DraftEdited(_Intake):
    """The student changed the draft (once returned, everything but the team)."""

    type: ClassVar[str] = "DraftEdited"
    title: str
    category: str
    theme: str
    synopsis: str
    creators: list[Creator]
    advisors: list[Advisor]


class UploadStarted(_Intake):
    """A presigned upload into one file slot began; the file counts only once confirmed."""

    type: ClassVar[str] = "UploadStarted"
    upload_id: str
    slot: Slot
    object_key: str
    filename: str
    size: int
    multipart: bool


class FileConfirmed(_Intake):
    """Intake found the object, of the declared size and of a kind the slot takes; it fills the slot."""

    type: ClassVar[str] = "FileConfirmed"
    upload_id: str
    slot: Slot
    object_key: str
    filename: str
    size: int
    kind: str
    etag: str


class SubmissionInspectionStarted(_Intake):
    """media-inspection began inspecting the slot's current file: the student sees it as running."""

    type: ClassVar[str] = "SubmissionInspectionStarted"
    upload_id: str
    slot: Slot
    inspection_id: str


class SubmissionFileInspected(_Intake):
    """The slot's current file was inspected: every check, as the student sees it on the work."""

    type: ClassVar[str] = "SubmissionFileInspected"
    upload_id: str
    slot: Slot
    inspection_id: str
    category: str | None
    verdict: Literal["pass", "warn", "fail"]
    checks: list[InspectionCheck]


class SubmittedFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    object_key: str
    filename: str
    size: int
    kind: str
    etag: str


class SubmissionSubmitted(_Intake):
    """A version of the work, complete as submitted: consumers need no earlier event to route or judge it."""

    type: ClassVar[str] = "SubmissionSubmitted"
    submission_version: int
    student_id: str
    school_id: str
    region_id: str | None
    title: str
    category: str
    theme: str
    synopsis: str
    creators: list[Creator]
    advisors: list[Advisor]
    files: dict[str, SubmittedFile]


class SubmissionReopened(_Intake):
    """A return from review reopened the work for fixes; the team is frozen from now on."""

    type: ClassVar[str] = "SubmissionReopened"
    submission_version: int
    returned_by_role: str
    reason_code: str
    reason: str


class SubmissionWithdrawn(_Intake):
    type: ClassVar[str] = "SubmissionWithdrawn"
    reason_code: Literal["window_closed", "by_student"]


# Intake's own copies of what registry published (EditionView, Directory): on the log because every stored
# event is, read by nobody but an auditor checking that intake saw what registry said.


class EditionViewRecorded(_Intake):
    type: ClassVar[str] = "EditionViewRecorded"
    edition: str
    rules: EditionRules


class EditionViewRulesChanged(_Intake):
    type: ClassVar[str] = "EditionViewRulesChanged"
    rules: EditionRules


class EditionViewWindowOpened(_Intake):
    type: ClassVar[str] = "EditionViewWindowOpened"
    at: datetime


class EditionViewWindowClosed(_Intake):
    type: ClassVar[str] = "EditionViewWindowClosed"
    at: datetime


class DirectoryStarted(_Intake):
    type: ClassVar[str] = "DirectoryStarted"


class DirectoryRegionRecorded(_Intake):
    type: ClassVar[str] = "DirectoryRegionRecorded"
    region_id: str
    code: str
    name_zh: str
    name_en: str


class DirectorySchoolRecorded(_Intake):
    type: ClassVar[str] = "DirectorySchoolRecorded"
    school_id: str
    name: str
    region_id: str
