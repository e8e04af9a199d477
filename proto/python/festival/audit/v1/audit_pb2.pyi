from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ListCheckpointsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class SignCheckpointRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class Checkpoint(_message.Message):
    __slots__ = ("id", "origin", "size", "root", "note", "verifier_key", "trigger", "trigger_event_id", "trigger_seq", "signed_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    ORIGIN_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    ROOT_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    VERIFIER_KEY_FIELD_NUMBER: _ClassVar[int]
    TRIGGER_FIELD_NUMBER: _ClassVar[int]
    TRIGGER_EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    TRIGGER_SEQ_FIELD_NUMBER: _ClassVar[int]
    SIGNED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    origin: str
    size: int
    root: str
    note: str
    verifier_key: str
    trigger: str
    trigger_event_id: str
    trigger_seq: int
    signed_at: str
    def __init__(self, id: _Optional[str] = ..., origin: _Optional[str] = ..., size: _Optional[int] = ..., root: _Optional[str] = ..., note: _Optional[str] = ..., verifier_key: _Optional[str] = ..., trigger: _Optional[str] = ..., trigger_event_id: _Optional[str] = ..., trigger_seq: _Optional[int] = ..., signed_at: _Optional[str] = ...) -> None: ...

class Checkpoints(_message.Message):
    __slots__ = ("checkpoints", "verifier_key", "log_size")
    CHECKPOINTS_FIELD_NUMBER: _ClassVar[int]
    VERIFIER_KEY_FIELD_NUMBER: _ClassVar[int]
    LOG_SIZE_FIELD_NUMBER: _ClassVar[int]
    checkpoints: _containers.RepeatedCompositeFieldContainer[Checkpoint]
    verifier_key: str
    log_size: int
    def __init__(self, checkpoints: _Optional[_Iterable[_Union[Checkpoint, _Mapping]]] = ..., verifier_key: _Optional[str] = ..., log_size: _Optional[int] = ...) -> None: ...

class InclusionRequest(_message.Message):
    __slots__ = ("event_id", "tree_size")
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    TREE_SIZE_FIELD_NUMBER: _ClassVar[int]
    event_id: str
    tree_size: int
    def __init__(self, event_id: _Optional[str] = ..., tree_size: _Optional[int] = ...) -> None: ...

class InclusionProof(_message.Message):
    __slots__ = ("event_id", "seq", "leaf_index", "tree_size", "leaf_hash", "path", "root", "checkpoint")
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    SEQ_FIELD_NUMBER: _ClassVar[int]
    LEAF_INDEX_FIELD_NUMBER: _ClassVar[int]
    TREE_SIZE_FIELD_NUMBER: _ClassVar[int]
    LEAF_HASH_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    ROOT_FIELD_NUMBER: _ClassVar[int]
    CHECKPOINT_FIELD_NUMBER: _ClassVar[int]
    event_id: str
    seq: int
    leaf_index: int
    tree_size: int
    leaf_hash: str
    path: _containers.RepeatedScalarFieldContainer[str]
    root: str
    checkpoint: Checkpoint
    def __init__(self, event_id: _Optional[str] = ..., seq: _Optional[int] = ..., leaf_index: _Optional[int] = ..., tree_size: _Optional[int] = ..., leaf_hash: _Optional[str] = ..., path: _Optional[_Iterable[str]] = ..., root: _Optional[str] = ..., checkpoint: _Optional[_Union[Checkpoint, _Mapping]] = ...) -> None: ...

class ConsistencyRequest(_message.Message):
    __slots__ = ("from_size", "to_size")
    FROM_SIZE_FIELD_NUMBER: _ClassVar[int]
    TO_SIZE_FIELD_NUMBER: _ClassVar[int]
    from_size: int
    to_size: int
    def __init__(self, from_size: _Optional[int] = ..., to_size: _Optional[int] = ...) -> None: ...

class ConsistencyProof(_message.Message):
    __slots__ = ("from_size", "to_size", "from_root", "to_root", "proof")
    FROM_SIZE_FIELD_NUMBER: _ClassVar[int]
    TO_SIZE_FIELD_NUMBER: _ClassVar[int]
    FROM_ROOT_FIELD_NUMBER: _ClassVar[int]
    TO_ROOT_FIELD_NUMBER: _ClassVar[int]
    PROOF_FIELD_NUMBER: _ClassVar[int]
    from_size: int
    to_size: int
    from_root: str
    to_root: str
    proof: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, from_size: _Optional[int] = ..., to_size: _Optional[int] = ..., from_root: _Optional[str] = ..., to_root: _Optional[str] = ..., proof: _Optional[_Iterable[str]] = ...) -> None: ...

class StartRunRequest(_message.Message):
    __slots__ = ("kind",)
    KIND_FIELD_NUMBER: _ClassVar[int]
    kind: str
    def __init__(self, kind: _Optional[str] = ...) -> None: ...

class ListRunsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class Problem(_message.Message):
    __slots__ = ("check", "seq", "aggregate_id", "aggregate_version", "event_type", "message", "recorded", "derived")
    CHECK_FIELD_NUMBER: _ClassVar[int]
    SEQ_FIELD_NUMBER: _ClassVar[int]
    AGGREGATE_ID_FIELD_NUMBER: _ClassVar[int]
    AGGREGATE_VERSION_FIELD_NUMBER: _ClassVar[int]
    EVENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    RECORDED_FIELD_NUMBER: _ClassVar[int]
    DERIVED_FIELD_NUMBER: _ClassVar[int]
    check: str
    seq: int
    aggregate_id: str
    aggregate_version: int
    event_type: str
    message: str
    recorded: str
    derived: str
    def __init__(self, check: _Optional[str] = ..., seq: _Optional[int] = ..., aggregate_id: _Optional[str] = ..., aggregate_version: _Optional[int] = ..., event_type: _Optional[str] = ..., message: _Optional[str] = ..., recorded: _Optional[str] = ..., derived: _Optional[str] = ...) -> None: ...

class Run(_message.Message):
    __slots__ = ("id", "kind", "status", "read", "total", "started_at", "finished_at", "problem_count", "problems", "skipped", "root", "report_sha256", "requested_by")
    ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    READ_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    PROBLEM_COUNT_FIELD_NUMBER: _ClassVar[int]
    PROBLEMS_FIELD_NUMBER: _ClassVar[int]
    SKIPPED_FIELD_NUMBER: _ClassVar[int]
    ROOT_FIELD_NUMBER: _ClassVar[int]
    REPORT_SHA256_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_BY_FIELD_NUMBER: _ClassVar[int]
    id: str
    kind: str
    status: str
    read: int
    total: int
    started_at: str
    finished_at: str
    problem_count: int
    problems: _containers.RepeatedCompositeFieldContainer[Problem]
    skipped: _containers.RepeatedScalarFieldContainer[str]
    root: str
    report_sha256: str
    requested_by: str
    def __init__(self, id: _Optional[str] = ..., kind: _Optional[str] = ..., status: _Optional[str] = ..., read: _Optional[int] = ..., total: _Optional[int] = ..., started_at: _Optional[str] = ..., finished_at: _Optional[str] = ..., problem_count: _Optional[int] = ..., problems: _Optional[_Iterable[_Union[Problem, _Mapping]]] = ..., skipped: _Optional[_Iterable[str]] = ..., root: _Optional[str] = ..., report_sha256: _Optional[str] = ..., requested_by: _Optional[str] = ...) -> None: ...

class Runs(_message.Message):
    __slots__ = ("runs",)
    RUNS_FIELD_NUMBER: _ClassVar[int]
    runs: _containers.RepeatedCompositeFieldContainer[Run]
    def __init__(self, runs: _Optional[_Iterable[_Union[Run, _Mapping]]] = ...) -> None: ...

class WorkRequest(_message.Message):
    __slots__ = ("work_id",)
    WORK_ID_FIELD_NUMBER: _ClassVar[int]
    work_id: str
    def __init__(self, work_id: _Optional[str] = ...) -> None: ...

class WorkEvent(_message.Message):
    __slots__ = ("seq", "event_id", "type", "service", "aggregate_id", "aggregate_version", "occurred_at", "hash", "prev_hash", "leaf_index", "path")
    SEQ_FIELD_NUMBER: _ClassVar[int]
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    SERVICE_FIELD_NUMBER: _ClassVar[int]
    AGGREGATE_ID_FIELD_NUMBER: _ClassVar[int]
    AGGREGATE_VERSION_FIELD_NUMBER: _ClassVar[int]
    OCCURRED_AT_FIELD_NUMBER: _ClassVar[int]
    HASH_FIELD_NUMBER: _ClassVar[int]
    PREV_HASH_FIELD_NUMBER: _ClassVar[int]
    LEAF_INDEX_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    seq: int
    event_id: str
    type: str
    service: str
    aggregate_id: str
    aggregate_version: int
    occurred_at: str
    hash: str
    prev_hash: str
    leaf_index: int
    path: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, seq: _Optional[int] = ..., event_id: _Optional[str] = ..., type: _Optional[str] = ..., service: _Optional[str] = ..., aggregate_id: _Optional[str] = ..., aggregate_version: _Optional[int] = ..., occurred_at: _Optional[str] = ..., hash: _Optional[str] = ..., prev_hash: _Optional[str] = ..., leaf_index: _Optional[int] = ..., path: _Optional[_Iterable[str]] = ...) -> None: ...

class WorkEvents(_message.Message):
    __slots__ = ("work_id", "tree_size", "root", "events")
    WORK_ID_FIELD_NUMBER: _ClassVar[int]
    TREE_SIZE_FIELD_NUMBER: _ClassVar[int]
    ROOT_FIELD_NUMBER: _ClassVar[int]
    EVENTS_FIELD_NUMBER: _ClassVar[int]
    work_id: str
    tree_size: int
    root: str
    events: _containers.RepeatedCompositeFieldContainer[WorkEvent]
    def __init__(self, work_id: _Optional[str] = ..., tree_size: _Optional[int] = ..., root: _Optional[str] = ..., events: _Optional[_Iterable[_Union[WorkEvent, _Mapping]]] = ...) -> None: ...
