from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Creator(_message.Message):
    __slots__ = ("name", "grade", "school")
    NAME_FIELD_NUMBER: _ClassVar[int]
    GRADE_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_FIELD_NUMBER: _ClassVar[int]
    name: str
    grade: str
    school: str
    def __init__(self, name: _Optional[str] = ..., grade: _Optional[str] = ..., school: _Optional[str] = ...) -> None: ...

class Advisor(_message.Message):
    __slots__ = ("name", "school", "phone")
    NAME_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    name: str
    school: str
    phone: str
    def __init__(self, name: _Optional[str] = ..., school: _Optional[str] = ..., phone: _Optional[str] = ...) -> None: ...

class Draft(_message.Message):
    __slots__ = ("title", "category", "theme", "synopsis", "creators", "advisors", "voice_over", "subtitles")
    TITLE_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    THEME_FIELD_NUMBER: _ClassVar[int]
    SYNOPSIS_FIELD_NUMBER: _ClassVar[int]
    CREATORS_FIELD_NUMBER: _ClassVar[int]
    ADVISORS_FIELD_NUMBER: _ClassVar[int]
    VOICE_OVER_FIELD_NUMBER: _ClassVar[int]
    SUBTITLES_FIELD_NUMBER: _ClassVar[int]
    title: str
    category: str
    theme: str
    synopsis: str
    creators: _containers.RepeatedCompositeFieldContainer[Creator]
    advisors: _containers.RepeatedCompositeFieldContainer[Advisor]
    voice_over: str
    subtitles: str
    def __init__(self, title: _Optional[str] = ..., category: _Optional[str] = ..., theme: _Optional[str] = ..., synopsis: _Optional[str] = ..., creators: _Optional[_Iterable[_Union[Creator, _Mapping]]] = ..., advisors: _Optional[_Iterable[_Union[Advisor, _Mapping]]] = ..., voice_over: _Optional[str] = ..., subtitles: _Optional[str] = ...) -> None: ...

class CreateDraftRequest(_message.Message):
    __slots__ = ("student_id", "school_id", "draft", "edition")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    DRAFT_FIELD_NUMBER: _ClassVar[int]
    EDITION_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    school_id: str
    draft: Draft
    edition: str
    def __init__(self, student_id: _Optional[str] = ..., school_id: _Optional[str] = ..., draft: _Optional[_Union[Draft, _Mapping]] = ..., edition: _Optional[str] = ...) -> None: ...

class EditDraftRequest(_message.Message):
    __slots__ = ("submission_id", "draft")
    SUBMISSION_ID_FIELD_NUMBER: _ClassVar[int]
    DRAFT_FIELD_NUMBER: _ClassVar[int]
    submission_id: str
    draft: Draft
    def __init__(self, submission_id: _Optional[str] = ..., draft: _Optional[_Union[Draft, _Mapping]] = ...) -> None: ...

class GetSubmissionRequest(_message.Message):
    __slots__ = ("submission_id",)
    SUBMISSION_ID_FIELD_NUMBER: _ClassVar[int]
    submission_id: str
    def __init__(self, submission_id: _Optional[str] = ...) -> None: ...

class ListSubmissionsRequest(_message.Message):
    __slots__ = ("student_id", "school_id", "region_id", "status", "edition", "limit", "after")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    REGION_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    EDITION_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    AFTER_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    school_id: str
    region_id: str
    status: str
    edition: str
    limit: int
    after: str
    def __init__(self, student_id: _Optional[str] = ..., school_id: _Optional[str] = ..., region_id: _Optional[str] = ..., status: _Optional[str] = ..., edition: _Optional[str] = ..., limit: _Optional[int] = ..., after: _Optional[str] = ...) -> None: ...

class FileRecord(_message.Message):
    __slots__ = ("slot", "filename", "size", "kind", "object_key", "inspection")
    SLOT_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    OBJECT_KEY_FIELD_NUMBER: _ClassVar[int]
    INSPECTION_FIELD_NUMBER: _ClassVar[int]
    slot: str
    filename: str
    size: int
    kind: str
    object_key: str
    inspection: FileInspection
    def __init__(self, slot: _Optional[str] = ..., filename: _Optional[str] = ..., size: _Optional[int] = ..., kind: _Optional[str] = ..., object_key: _Optional[str] = ..., inspection: _Optional[_Union[FileInspection, _Mapping]] = ...) -> None: ...

class InspectionCheck(_message.Message):
    __slots__ = ("id", "verdict", "measured", "expected", "message_zh", "message_en")
    ID_FIELD_NUMBER: _ClassVar[int]
    VERDICT_FIELD_NUMBER: _ClassVar[int]
    MEASURED_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_ZH_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_EN_FIELD_NUMBER: _ClassVar[int]
    id: str
    verdict: str
    measured: _struct_pb2.Value
    expected: _struct_pb2.Value
    message_zh: str
    message_en: str
    def __init__(self, id: _Optional[str] = ..., verdict: _Optional[str] = ..., measured: _Optional[_Union[_struct_pb2.Value, _Mapping]] = ..., expected: _Optional[_Union[_struct_pb2.Value, _Mapping]] = ..., message_zh: _Optional[str] = ..., message_en: _Optional[str] = ...) -> None: ...

class FileInspection(_message.Message):
    __slots__ = ("status", "verdict", "checks", "inspection_id")
    STATUS_FIELD_NUMBER: _ClassVar[int]
    VERDICT_FIELD_NUMBER: _ClassVar[int]
    CHECKS_FIELD_NUMBER: _ClassVar[int]
    INSPECTION_ID_FIELD_NUMBER: _ClassVar[int]
    status: str
    verdict: str
    checks: _containers.RepeatedCompositeFieldContainer[InspectionCheck]
    inspection_id: str
    def __init__(self, status: _Optional[str] = ..., verdict: _Optional[str] = ..., checks: _Optional[_Iterable[_Union[InspectionCheck, _Mapping]]] = ..., inspection_id: _Optional[str] = ...) -> None: ...

class Submission(_message.Message):
    __slots__ = ("id", "edition", "student_id", "school_id", "region_id", "draft", "status", "version", "team_frozen", "files", "missing_slots", "created_at", "updated_at", "return_reason", "consent_version", "source_request")
    ID_FIELD_NUMBER: _ClassVar[int]
    EDITION_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    REGION_ID_FIELD_NUMBER: _ClassVar[int]
    DRAFT_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    TEAM_FROZEN_FIELD_NUMBER: _ClassVar[int]
    FILES_FIELD_NUMBER: _ClassVar[int]
    MISSING_SLOTS_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    RETURN_REASON_FIELD_NUMBER: _ClassVar[int]
    CONSENT_VERSION_FIELD_NUMBER: _ClassVar[int]
    SOURCE_REQUEST_FIELD_NUMBER: _ClassVar[int]
    id: str
    edition: str
    student_id: str
    school_id: str
    region_id: str
    draft: Draft
    status: str
    version: int
    team_frozen: bool
    files: _containers.RepeatedCompositeFieldContainer[FileRecord]
    missing_slots: _containers.RepeatedScalarFieldContainer[str]
    created_at: str
    updated_at: str
    return_reason: str
    consent_version: str
    source_request: SourceRequest
    def __init__(self, id: _Optional[str] = ..., edition: _Optional[str] = ..., student_id: _Optional[str] = ..., school_id: _Optional[str] = ..., region_id: _Optional[str] = ..., draft: _Optional[_Union[Draft, _Mapping]] = ..., status: _Optional[str] = ..., version: _Optional[int] = ..., team_frozen: _Optional[bool] = ..., files: _Optional[_Iterable[_Union[FileRecord, _Mapping]]] = ..., missing_slots: _Optional[_Iterable[str]] = ..., created_at: _Optional[str] = ..., updated_at: _Optional[str] = ..., return_reason: _Optional[str] = ..., consent_version: _Optional[str] = ..., source_request: _Optional[_Union[SourceRequest, _Mapping]] = ...) -> None: ...

class SourceRequest(_message.Message):
    __slots__ = ("deadline", "note")
    DEADLINE_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    deadline: str
    note: str
    def __init__(self, deadline: _Optional[str] = ..., note: _Optional[str] = ...) -> None: ...

class SubmissionList(_message.Message):
    __slots__ = ("submissions", "next_after")
    SUBMISSIONS_FIELD_NUMBER: _ClassVar[int]
    NEXT_AFTER_FIELD_NUMBER: _ClassVar[int]
    submissions: _containers.RepeatedCompositeFieldContainer[Submission]
    next_after: str
    def __init__(self, submissions: _Optional[_Iterable[_Union[Submission, _Mapping]]] = ..., next_after: _Optional[str] = ...) -> None: ...

class StartUploadRequest(_message.Message):
    __slots__ = ("submission_id", "slot", "filename", "size")
    SUBMISSION_ID_FIELD_NUMBER: _ClassVar[int]
    SLOT_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    submission_id: str
    slot: str
    filename: str
    size: int
    def __init__(self, submission_id: _Optional[str] = ..., slot: _Optional[str] = ..., filename: _Optional[str] = ..., size: _Optional[int] = ...) -> None: ...

class UploadPart(_message.Message):
    __slots__ = ("part_number", "url")
    PART_NUMBER_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    part_number: int
    url: str
    def __init__(self, part_number: _Optional[int] = ..., url: _Optional[str] = ...) -> None: ...

class UploadTicket(_message.Message):
    __slots__ = ("upload_id", "slot", "multipart", "url", "parts", "part_size", "expires_at")
    UPLOAD_ID_FIELD_NUMBER: _ClassVar[int]
    SLOT_FIELD_NUMBER: _ClassVar[int]
    MULTIPART_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    PARTS_FIELD_NUMBER: _ClassVar[int]
    PART_SIZE_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    upload_id: str
    slot: str
    multipart: bool
    url: str
    parts: _containers.RepeatedCompositeFieldContainer[UploadPart]
    part_size: int
    expires_at: str
    def __init__(self, upload_id: _Optional[str] = ..., slot: _Optional[str] = ..., multipart: _Optional[bool] = ..., url: _Optional[str] = ..., parts: _Optional[_Iterable[_Union[UploadPart, _Mapping]]] = ..., part_size: _Optional[int] = ..., expires_at: _Optional[str] = ...) -> None: ...

class RenewUploadRequest(_message.Message):
    __slots__ = ("submission_id", "upload_id", "part_numbers")
    SUBMISSION_ID_FIELD_NUMBER: _ClassVar[int]
    UPLOAD_ID_FIELD_NUMBER: _ClassVar[int]
    PART_NUMBERS_FIELD_NUMBER: _ClassVar[int]
    submission_id: str
    upload_id: str
    part_numbers: _containers.RepeatedScalarFieldContainer[int]
    def __init__(self, submission_id: _Optional[str] = ..., upload_id: _Optional[str] = ..., part_numbers: _Optional[_Iterable[int]] = ...) -> None: ...

class CompletedPart(_message.Message):
    __slots__ = ("part_number", "etag")
    PART_NUMBER_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    part_number: int
    etag: str
    def __init__(self, part_number: _Optional[int] = ..., etag: _Optional[str] = ...) -> None: ...

class ConfirmUploadRequest(_message.Message):
    __slots__ = ("submission_id", "upload_id", "parts")
    SUBMISSION_ID_FIELD_NUMBER: _ClassVar[int]
    UPLOAD_ID_FIELD_NUMBER: _ClassVar[int]
    PARTS_FIELD_NUMBER: _ClassVar[int]
    submission_id: str
    upload_id: str
    parts: _containers.RepeatedCompositeFieldContainer[CompletedPart]
    def __init__(self, submission_id: _Optional[str] = ..., upload_id: _Optional[str] = ..., parts: _Optional[_Iterable[_Union[CompletedPart, _Mapping]]] = ...) -> None: ...

class RenderFormRequest(_message.Message):
    __slots__ = ("submission_id", "form")
    SUBMISSION_ID_FIELD_NUMBER: _ClassVar[int]
    FORM_FIELD_NUMBER: _ClassVar[int]
    submission_id: str
    form: str
    def __init__(self, submission_id: _Optional[str] = ..., form: _Optional[str] = ...) -> None: ...

class Form(_message.Message):
    __slots__ = ("filename", "pdf")
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    PDF_FIELD_NUMBER: _ClassVar[int]
    filename: str
    pdf: bytes
    def __init__(self, filename: _Optional[str] = ..., pdf: _Optional[bytes] = ...) -> None: ...

class Consent(_message.Message):
    __slots__ = ("version", "copyright", "originality")
    VERSION_FIELD_NUMBER: _ClassVar[int]
    COPYRIGHT_FIELD_NUMBER: _ClassVar[int]
    ORIGINALITY_FIELD_NUMBER: _ClassVar[int]
    version: str
    copyright: bool
    originality: bool
    def __init__(self, version: _Optional[str] = ..., copyright: _Optional[bool] = ..., originality: _Optional[bool] = ...) -> None: ...

class SubmitRequest(_message.Message):
    __slots__ = ("submission_id", "consent")
    SUBMISSION_ID_FIELD_NUMBER: _ClassVar[int]
    CONSENT_FIELD_NUMBER: _ClassVar[int]
    submission_id: str
    consent: Consent
    def __init__(self, submission_id: _Optional[str] = ..., consent: _Optional[_Union[Consent, _Mapping]] = ...) -> None: ...

class GetFileUrlRequest(_message.Message):
    __slots__ = ("submission_id", "slot")
    SUBMISSION_ID_FIELD_NUMBER: _ClassVar[int]
    SLOT_FIELD_NUMBER: _ClassVar[int]
    submission_id: str
    slot: str
    def __init__(self, submission_id: _Optional[str] = ..., slot: _Optional[str] = ...) -> None: ...

class FileUrl(_message.Message):
    __slots__ = ("file", "url", "expires_at")
    FILE_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    file: FileRecord
    url: str
    expires_at: str
    def __init__(self, file: _Optional[_Union[FileRecord, _Mapping]] = ..., url: _Optional[str] = ..., expires_at: _Optional[str] = ...) -> None: ...
