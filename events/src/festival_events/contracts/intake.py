"""Events of the intake service: a Submission from draft through files, submission and returns."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict

from festival_events.contracts import Contract, upcaster

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
    type: ClassVar[str] = "DraftEdited"
    title: str
    category: str
    theme: str
    synopsis: str
    creators: list[Creator]
    advisors: list[Advisor]


class UploadStarted(_Intake):
    type: ClassVar[str] = "UploadStarted"
    upload_id: str
    slot: Slot
    object_key: str
    filename: str
    size: int
    multipart: bool


class FileConfirmed(_Intake):
    type: ClassVar[str] = "FileConfirmed"
    upload_id: str
    slot: Slot
    object_key: str
    filename: str
    size: int
    kind: str
    etag: str


class SubmissionSubmitted(_Intake):
    type: ClassVar[str] = "SubmissionSubmitted"
    submission_version: int
    files: dict[str, str]


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
