from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetInspectionRequest(_message.Message):
    __slots__ = ("inspection_id", "submission_id", "upload_id")
    INSPECTION_ID_FIELD_NUMBER: _ClassVar[int]
    SUBMISSION_ID_FIELD_NUMBER: _ClassVar[int]
    UPLOAD_ID_FIELD_NUMBER: _ClassVar[int]
    inspection_id: str
    submission_id: str
    upload_id: str
    def __init__(self, inspection_id: _Optional[str] = ..., submission_id: _Optional[str] = ..., upload_id: _Optional[str] = ...) -> None: ...

class ListInspectionsRequest(_message.Message):
    __slots__ = ("submission_id",)
    SUBMISSION_ID_FIELD_NUMBER: _ClassVar[int]
    submission_id: str
    def __init__(self, submission_id: _Optional[str] = ...) -> None: ...

class Check(_message.Message):
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

class DuplicateOf(_message.Message):
    __slots__ = ("work_id", "edition", "title", "similarity", "source")
    WORK_ID_FIELD_NUMBER: _ClassVar[int]
    EDITION_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    SIMILARITY_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    work_id: str
    edition: str
    title: str
    similarity: float
    source: str
    def __init__(self, work_id: _Optional[str] = ..., edition: _Optional[str] = ..., title: _Optional[str] = ..., similarity: _Optional[float] = ..., source: _Optional[str] = ...) -> None: ...

class Inspection(_message.Message):
    __slots__ = ("id", "edition", "submission_id", "upload_id", "slot", "object_key", "size", "category", "status", "verdict", "checks", "content_hash", "fingerprinted", "duplicate_of", "attempt", "worker", "elapsed_s", "started_at", "updated_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    EDITION_FIELD_NUMBER: _ClassVar[int]
    SUBMISSION_ID_FIELD_NUMBER: _ClassVar[int]
    UPLOAD_ID_FIELD_NUMBER: _ClassVar[int]
    SLOT_FIELD_NUMBER: _ClassVar[int]
    OBJECT_KEY_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    VERDICT_FIELD_NUMBER: _ClassVar[int]
    CHECKS_FIELD_NUMBER: _ClassVar[int]
    CONTENT_HASH_FIELD_NUMBER: _ClassVar[int]
    FINGERPRINTED_FIELD_NUMBER: _ClassVar[int]
    DUPLICATE_OF_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    WORKER_FIELD_NUMBER: _ClassVar[int]
    ELAPSED_S_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    edition: str
    submission_id: str
    upload_id: str
    slot: str
    object_key: str
    size: int
    category: str
    status: str
    verdict: str
    checks: _containers.RepeatedCompositeFieldContainer[Check]
    content_hash: str
    fingerprinted: bool
    duplicate_of: DuplicateOf
    attempt: int
    worker: str
    elapsed_s: float
    started_at: str
    updated_at: str
    def __init__(self, id: _Optional[str] = ..., edition: _Optional[str] = ..., submission_id: _Optional[str] = ..., upload_id: _Optional[str] = ..., slot: _Optional[str] = ..., object_key: _Optional[str] = ..., size: _Optional[int] = ..., category: _Optional[str] = ..., status: _Optional[str] = ..., verdict: _Optional[str] = ..., checks: _Optional[_Iterable[_Union[Check, _Mapping]]] = ..., content_hash: _Optional[str] = ..., fingerprinted: _Optional[bool] = ..., duplicate_of: _Optional[_Union[DuplicateOf, _Mapping]] = ..., attempt: _Optional[int] = ..., worker: _Optional[str] = ..., elapsed_s: _Optional[float] = ..., started_at: _Optional[str] = ..., updated_at: _Optional[str] = ...) -> None: ...

class InspectionList(_message.Message):
    __slots__ = ("inspections",)
    INSPECTIONS_FIELD_NUMBER: _ClassVar[int]
    inspections: _containers.RepeatedCompositeFieldContainer[Inspection]
    def __init__(self, inspections: _Optional[_Iterable[_Union[Inspection, _Mapping]]] = ...) -> None: ...
