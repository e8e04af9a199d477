from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class DecisionRequest(_message.Message):
    __slots__ = ("submission_id", "submission_version", "reason_code", "reason", "caller_school_id", "caller_region_id")
    SUBMISSION_ID_FIELD_NUMBER: _ClassVar[int]
    SUBMISSION_VERSION_FIELD_NUMBER: _ClassVar[int]
    REASON_CODE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    CALLER_SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CALLER_REGION_ID_FIELD_NUMBER: _ClassVar[int]
    submission_id: str
    submission_version: int
    reason_code: str
    reason: str
    caller_school_id: str
    caller_region_id: str
    def __init__(self, submission_id: _Optional[str] = ..., submission_version: _Optional[int] = ..., reason_code: _Optional[str] = ..., reason: _Optional[str] = ..., caller_school_id: _Optional[str] = ..., caller_region_id: _Optional[str] = ...) -> None: ...

class DisqualifyRequest(_message.Message):
    __slots__ = ("submission_id", "submission_version", "reason_codes", "evidence", "caller_school_id", "caller_region_id")
    SUBMISSION_ID_FIELD_NUMBER: _ClassVar[int]
    SUBMISSION_VERSION_FIELD_NUMBER: _ClassVar[int]
    REASON_CODES_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    CALLER_SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CALLER_REGION_ID_FIELD_NUMBER: _ClassVar[int]
    submission_id: str
    submission_version: int
    reason_codes: _containers.RepeatedScalarFieldContainer[str]
    evidence: str
    caller_school_id: str
    caller_region_id: str
    def __init__(self, submission_id: _Optional[str] = ..., submission_version: _Optional[int] = ..., reason_codes: _Optional[_Iterable[str]] = ..., evidence: _Optional[str] = ..., caller_school_id: _Optional[str] = ..., caller_region_id: _Optional[str] = ...) -> None: ...

class GetCaseRequest(_message.Message):
    __slots__ = ("submission_id", "caller_school_id", "caller_region_id")
    SUBMISSION_ID_FIELD_NUMBER: _ClassVar[int]
    CALLER_SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CALLER_REGION_ID_FIELD_NUMBER: _ClassVar[int]
    submission_id: str
    caller_school_id: str
    caller_region_id: str
    def __init__(self, submission_id: _Optional[str] = ..., caller_school_id: _Optional[str] = ..., caller_region_id: _Optional[str] = ...) -> None: ...

class QueueRequest(_message.Message):
    __slots__ = ("view", "edition", "category", "status", "school_id", "region_id", "caller_school_id", "caller_region_id", "limit", "after")
    VIEW_FIELD_NUMBER: _ClassVar[int]
    EDITION_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    REGION_ID_FIELD_NUMBER: _ClassVar[int]
    CALLER_SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CALLER_REGION_ID_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    AFTER_FIELD_NUMBER: _ClassVar[int]
    view: str
    edition: str
    category: str
    status: str
    school_id: str
    region_id: str
    caller_school_id: str
    caller_region_id: str
    limit: int
    after: str
    def __init__(self, view: _Optional[str] = ..., edition: _Optional[str] = ..., category: _Optional[str] = ..., status: _Optional[str] = ..., school_id: _Optional[str] = ..., region_id: _Optional[str] = ..., caller_school_id: _Optional[str] = ..., caller_region_id: _Optional[str] = ..., limit: _Optional[int] = ..., after: _Optional[str] = ...) -> None: ...

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

class SubmittedFile(_message.Message):
    __slots__ = ("slot", "object_key", "filename", "size", "kind")
    SLOT_FIELD_NUMBER: _ClassVar[int]
    OBJECT_KEY_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    slot: str
    object_key: str
    filename: str
    size: int
    kind: str
    def __init__(self, slot: _Optional[str] = ..., object_key: _Optional[str] = ..., filename: _Optional[str] = ..., size: _Optional[int] = ..., kind: _Optional[str] = ...) -> None: ...

class InspectionNote(_message.Message):
    __slots__ = ("slot", "object_key", "verdict", "warnings", "messages_zh", "messages_en", "duplicate_of")
    SLOT_FIELD_NUMBER: _ClassVar[int]
    OBJECT_KEY_FIELD_NUMBER: _ClassVar[int]
    VERDICT_FIELD_NUMBER: _ClassVar[int]
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    MESSAGES_ZH_FIELD_NUMBER: _ClassVar[int]
    MESSAGES_EN_FIELD_NUMBER: _ClassVar[int]
    DUPLICATE_OF_FIELD_NUMBER: _ClassVar[int]
    slot: str
    object_key: str
    verdict: str
    warnings: _containers.RepeatedScalarFieldContainer[str]
    messages_zh: _containers.RepeatedScalarFieldContainer[str]
    messages_en: _containers.RepeatedScalarFieldContainer[str]
    duplicate_of: str
    def __init__(self, slot: _Optional[str] = ..., object_key: _Optional[str] = ..., verdict: _Optional[str] = ..., warnings: _Optional[_Iterable[str]] = ..., messages_zh: _Optional[_Iterable[str]] = ..., messages_en: _Optional[_Iterable[str]] = ..., duplicate_of: _Optional[str] = ...) -> None: ...

class Decision(_message.Message):
    __slots__ = ("kind", "level", "actor_account_id", "actor_role", "at", "reason_code", "reason", "reason_codes", "evidence")
    KIND_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ROLE_FIELD_NUMBER: _ClassVar[int]
    AT_FIELD_NUMBER: _ClassVar[int]
    REASON_CODE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REASON_CODES_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    kind: str
    level: str
    actor_account_id: str
    actor_role: str
    at: str
    reason_code: str
    reason: str
    reason_codes: _containers.RepeatedScalarFieldContainer[str]
    evidence: str
    def __init__(self, kind: _Optional[str] = ..., level: _Optional[str] = ..., actor_account_id: _Optional[str] = ..., actor_role: _Optional[str] = ..., at: _Optional[str] = ..., reason_code: _Optional[str] = ..., reason: _Optional[str] = ..., reason_codes: _Optional[_Iterable[str]] = ..., evidence: _Optional[str] = ...) -> None: ...

class Case(_message.Message):
    __slots__ = ("submission_id", "edition", "submission_version", "student_id", "school_id", "region_id", "title", "category", "theme", "synopsis", "creators", "advisors", "files", "status", "submitted_at", "last_decision", "inspection_verdict", "inspection", "duplicate_of", "school_name", "region_name", "category_name_zh", "voice_over", "subtitles")
    SUBMISSION_ID_FIELD_NUMBER: _ClassVar[int]
    EDITION_FIELD_NUMBER: _ClassVar[int]
    SUBMISSION_VERSION_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    REGION_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    THEME_FIELD_NUMBER: _ClassVar[int]
    SYNOPSIS_FIELD_NUMBER: _ClassVar[int]
    CREATORS_FIELD_NUMBER: _ClassVar[int]
    ADVISORS_FIELD_NUMBER: _ClassVar[int]
    FILES_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SUBMITTED_AT_FIELD_NUMBER: _ClassVar[int]
    LAST_DECISION_FIELD_NUMBER: _ClassVar[int]
    INSPECTION_VERDICT_FIELD_NUMBER: _ClassVar[int]
    INSPECTION_FIELD_NUMBER: _ClassVar[int]
    DUPLICATE_OF_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_NAME_FIELD_NUMBER: _ClassVar[int]
    REGION_NAME_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_NAME_ZH_FIELD_NUMBER: _ClassVar[int]
    VOICE_OVER_FIELD_NUMBER: _ClassVar[int]
    SUBTITLES_FIELD_NUMBER: _ClassVar[int]
    submission_id: str
    edition: str
    submission_version: int
    student_id: str
    school_id: str
    region_id: str
    title: str
    category: str
    theme: str
    synopsis: str
    creators: _containers.RepeatedCompositeFieldContainer[Creator]
    advisors: _containers.RepeatedCompositeFieldContainer[Advisor]
    files: _containers.RepeatedCompositeFieldContainer[SubmittedFile]
    status: str
    submitted_at: str
    last_decision: Decision
    inspection_verdict: str
    inspection: _containers.RepeatedCompositeFieldContainer[InspectionNote]
    duplicate_of: _containers.RepeatedScalarFieldContainer[str]
    school_name: str
    region_name: str
    category_name_zh: str
    voice_over: str
    subtitles: str
    def __init__(self, submission_id: _Optional[str] = ..., edition: _Optional[str] = ..., submission_version: _Optional[int] = ..., student_id: _Optional[str] = ..., school_id: _Optional[str] = ..., region_id: _Optional[str] = ..., title: _Optional[str] = ..., category: _Optional[str] = ..., theme: _Optional[str] = ..., synopsis: _Optional[str] = ..., creators: _Optional[_Iterable[_Union[Creator, _Mapping]]] = ..., advisors: _Optional[_Iterable[_Union[Advisor, _Mapping]]] = ..., files: _Optional[_Iterable[_Union[SubmittedFile, _Mapping]]] = ..., status: _Optional[str] = ..., submitted_at: _Optional[str] = ..., last_decision: _Optional[_Union[Decision, _Mapping]] = ..., inspection_verdict: _Optional[str] = ..., inspection: _Optional[_Iterable[_Union[InspectionNote, _Mapping]]] = ..., duplicate_of: _Optional[_Iterable[str]] = ..., school_name: _Optional[str] = ..., region_name: _Optional[str] = ..., category_name_zh: _Optional[str] = ..., voice_over: _Optional[str] = ..., subtitles: _Optional[str] = ...) -> None: ...

class Queue(_message.Message):
    __slots__ = ("cases", "next_after")
    CASES_FIELD_NUMBER: _ClassVar[int]
    NEXT_AFTER_FIELD_NUMBER: _ClassVar[int]
    cases: _containers.RepeatedCompositeFieldContainer[Case]
    next_after: str
    def __init__(self, cases: _Optional[_Iterable[_Union[Case, _Mapping]]] = ..., next_after: _Optional[str] = ...) -> None: ...

class TimelineEntry(_message.Message):
    __slots__ = ("at", "kind", "decision", "inspection")
    AT_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    DECISION_FIELD_NUMBER: _ClassVar[int]
    INSPECTION_FIELD_NUMBER: _ClassVar[int]
    at: str
    kind: str
    decision: Decision
    inspection: InspectionNote
    def __init__(self, at: _Optional[str] = ..., kind: _Optional[str] = ..., decision: _Optional[_Union[Decision, _Mapping]] = ..., inspection: _Optional[_Union[InspectionNote, _Mapping]] = ...) -> None: ...

class VersionHistory(_message.Message):
    __slots__ = ("submission_version", "submitted_at", "status", "title", "entries")
    SUBMISSION_VERSION_FIELD_NUMBER: _ClassVar[int]
    SUBMITTED_AT_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    submission_version: int
    submitted_at: str
    status: str
    title: str
    entries: _containers.RepeatedCompositeFieldContainer[TimelineEntry]
    def __init__(self, submission_version: _Optional[int] = ..., submitted_at: _Optional[str] = ..., status: _Optional[str] = ..., title: _Optional[str] = ..., entries: _Optional[_Iterable[_Union[TimelineEntry, _Mapping]]] = ...) -> None: ...

class Timeline(_message.Message):
    __slots__ = ("case", "versions")
    CASE_FIELD_NUMBER: _ClassVar[int]
    VERSIONS_FIELD_NUMBER: _ClassVar[int]
    case: Case
    versions: _containers.RepeatedCompositeFieldContainer[VersionHistory]
    def __init__(self, case: _Optional[_Union[Case, _Mapping]] = ..., versions: _Optional[_Iterable[_Union[VersionHistory, _Mapping]]] = ...) -> None: ...

class RegionTableRequest(_message.Message):
    __slots__ = ("region_id", "edition", "as_filed", "caller_school_id", "caller_region_id")
    REGION_ID_FIELD_NUMBER: _ClassVar[int]
    EDITION_FIELD_NUMBER: _ClassVar[int]
    AS_FILED_FIELD_NUMBER: _ClassVar[int]
    CALLER_SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CALLER_REGION_ID_FIELD_NUMBER: _ClassVar[int]
    region_id: str
    edition: str
    as_filed: bool
    caller_school_id: str
    caller_region_id: str
    def __init__(self, region_id: _Optional[str] = ..., edition: _Optional[str] = ..., as_filed: _Optional[bool] = ..., caller_school_id: _Optional[str] = ..., caller_region_id: _Optional[str] = ...) -> None: ...

class RegionTable(_message.Message):
    __slots__ = ("filename", "xlsx", "sha256", "works")
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    XLSX_FIELD_NUMBER: _ClassVar[int]
    SHA256_FIELD_NUMBER: _ClassVar[int]
    WORKS_FIELD_NUMBER: _ClassVar[int]
    filename: str
    xlsx: bytes
    sha256: str
    works: int
    def __init__(self, filename: _Optional[str] = ..., xlsx: _Optional[bytes] = ..., sha256: _Optional[str] = ..., works: _Optional[int] = ...) -> None: ...

class FileRegionTableRequest(_message.Message):
    __slots__ = ("region_id", "edition", "sha256", "caller_school_id", "caller_region_id")
    REGION_ID_FIELD_NUMBER: _ClassVar[int]
    EDITION_FIELD_NUMBER: _ClassVar[int]
    SHA256_FIELD_NUMBER: _ClassVar[int]
    CALLER_SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CALLER_REGION_ID_FIELD_NUMBER: _ClassVar[int]
    region_id: str
    edition: str
    sha256: str
    caller_school_id: str
    caller_region_id: str
    def __init__(self, region_id: _Optional[str] = ..., edition: _Optional[str] = ..., sha256: _Optional[str] = ..., caller_school_id: _Optional[str] = ..., caller_region_id: _Optional[str] = ...) -> None: ...

class RegionFiling(_message.Message):
    __slots__ = ("region_id", "region_name", "filed", "filed_at", "filed_by", "sha256", "works", "times_filed")
    REGION_ID_FIELD_NUMBER: _ClassVar[int]
    REGION_NAME_FIELD_NUMBER: _ClassVar[int]
    FILED_FIELD_NUMBER: _ClassVar[int]
    FILED_AT_FIELD_NUMBER: _ClassVar[int]
    FILED_BY_FIELD_NUMBER: _ClassVar[int]
    SHA256_FIELD_NUMBER: _ClassVar[int]
    WORKS_FIELD_NUMBER: _ClassVar[int]
    TIMES_FILED_FIELD_NUMBER: _ClassVar[int]
    region_id: str
    region_name: str
    filed: bool
    filed_at: str
    filed_by: str
    sha256: str
    works: int
    times_filed: int
    def __init__(self, region_id: _Optional[str] = ..., region_name: _Optional[str] = ..., filed: _Optional[bool] = ..., filed_at: _Optional[str] = ..., filed_by: _Optional[str] = ..., sha256: _Optional[str] = ..., works: _Optional[int] = ..., times_filed: _Optional[int] = ...) -> None: ...

class ListRegionFilingsRequest(_message.Message):
    __slots__ = ("edition", "caller_school_id", "caller_region_id")
    EDITION_FIELD_NUMBER: _ClassVar[int]
    CALLER_SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CALLER_REGION_ID_FIELD_NUMBER: _ClassVar[int]
    edition: str
    caller_school_id: str
    caller_region_id: str
    def __init__(self, edition: _Optional[str] = ..., caller_school_id: _Optional[str] = ..., caller_region_id: _Optional[str] = ...) -> None: ...

class RegionFilingList(_message.Message):
    __slots__ = ("edition", "region_deadline", "regions")
    EDITION_FIELD_NUMBER: _ClassVar[int]
    REGION_DEADLINE_FIELD_NUMBER: _ClassVar[int]
    REGIONS_FIELD_NUMBER: _ClassVar[int]
    edition: str
    region_deadline: str
    regions: _containers.RepeatedCompositeFieldContainer[RegionFiling]
    def __init__(self, edition: _Optional[str] = ..., region_deadline: _Optional[str] = ..., regions: _Optional[_Iterable[_Union[RegionFiling, _Mapping]]] = ...) -> None: ...

class ListReasonCodesRequest(_message.Message):
    __slots__ = ("kind",)
    KIND_FIELD_NUMBER: _ClassVar[int]
    kind: str
    def __init__(self, kind: _Optional[str] = ...) -> None: ...

class ReasonCode(_message.Message):
    __slots__ = ("code", "kind", "name_zh", "name_en", "notice_ref")
    CODE_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    NAME_ZH_FIELD_NUMBER: _ClassVar[int]
    NAME_EN_FIELD_NUMBER: _ClassVar[int]
    NOTICE_REF_FIELD_NUMBER: _ClassVar[int]
    code: str
    kind: str
    name_zh: str
    name_en: str
    notice_ref: str
    def __init__(self, code: _Optional[str] = ..., kind: _Optional[str] = ..., name_zh: _Optional[str] = ..., name_en: _Optional[str] = ..., notice_ref: _Optional[str] = ...) -> None: ...

class ReasonCodeList(_message.Message):
    __slots__ = ("codes",)
    CODES_FIELD_NUMBER: _ClassVar[int]
    codes: _containers.RepeatedCompositeFieldContainer[ReasonCode]
    def __init__(self, codes: _Optional[_Iterable[_Union[ReasonCode, _Mapping]]] = ...) -> None: ...
