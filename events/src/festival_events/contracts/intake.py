"""Events of the intake service: a Submission from draft through files, submission and returns."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict

from festival_events.contracts import Contract, upcaster
from festival_events.contracts.inspection import InspectionCheck
from festival_events.contracts.registry import EditionRules

Slot = Literal["film", "cover", "poster", "application_form", "copyright_declaration", "source"]
# 附件 四.4: an awarded work's source files, uploaded once the province asks; never inspected, any kind of file.
SOURCE_SLOT = "source"


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


# The voice-over's language (附件 四.3: 普通话配音; a dialect or minority language only with subtitles) and how
# subtitles are carried. "" is not declared yet: a draft may leave it open, a submission may not.
VoiceOver = Literal["", "mandarin", "dialect", "minority", "none"]
Subtitles = Literal["", "burned_in", "track", "none"]


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


class SubmissionDraftedV2(_Intake):
    """Version 2 had no language declaration."""

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


class SubmissionDrafted(SubmissionDraftedV2):
    type: ClassVar[str] = "SubmissionDrafted"
    version: ClassVar[int] = 3
    voice_over: VoiceOver
    subtitles: Subtitles


@upcaster("SubmissionDrafted", from_version=1)
def _drafted_v1_v2(payload: dict) -> dict:
    return {**payload, "region_id": None}


@upcaster("SubmissionDrafted", from_version=2)
def _drafted_v2_v3(payload: dict) -> dict:
    return {**payload, "voice_over": "", "subtitles": ""}


class DraftEditedV1(_Intake):
    """The student changed the draft (once returned, everything but the team); version 1 had no language."""

    type: ClassVar[str] = "DraftEdited"
    title: str
    category: str
    theme: str
    synopsis: str
    creators: list[Creator]
    advisors: list[Advisor]


class DraftEdited(DraftEditedV1):
    type: ClassVar[str] = "DraftEdited"
    version: ClassVar[int] = 2
    voice_over: VoiceOver
    subtitles: Subtitles


@upcaster("DraftEdited", from_version=1)
def _edited_v1_v2(payload: dict) -> dict:
    return {**payload, "voice_over": "", "subtitles": ""}


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


class SubmissionSubmittedV1(_Intake):
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


class SubmissionSubmitted(SubmissionSubmittedV1):
    """Version 2 adds the language declaration and the version of the consent texts the student confirmed
    (None: the edition asked for none)."""

    type: ClassVar[str] = "SubmissionSubmitted"
    version: ClassVar[int] = 2
    voice_over: VoiceOver
    subtitles: Subtitles
    consent_version: str | None


@upcaster("SubmissionSubmitted", from_version=1)
def _submitted_v1_v2(payload: dict) -> dict:
    return {**payload, "voice_over": "", "subtitles": "", "consent_version": None}


class SubmissionReopened(_Intake):
    """A return from review reopened the work for fixes; the team is frozen from now on."""

    type: ClassVar[str] = "SubmissionReopened"
    submission_version: int
    returned_by_role: str
    reason_code: str
    reason: str


class SubmissionSourceRequested(_Intake):
    """The province asked for the work's source files (附件 四.4): the `source` slot takes uploads from now on."""

    type: ClassVar[str] = "SubmissionSourceRequested"
    deadline: datetime
    note: str


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
