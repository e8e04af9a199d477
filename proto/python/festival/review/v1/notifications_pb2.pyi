from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ListNotificationsRequest(_message.Message):
    __slots__ = ("limit", "unread_only")
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    UNREAD_ONLY_FIELD_NUMBER: _ClassVar[int]
    limit: int
    unread_only: bool
    def __init__(self, limit: _Optional[int] = ..., unread_only: _Optional[bool] = ...) -> None: ...

class Notification(_message.Message):
    __slots__ = ("id", "kind", "title_zh", "title_en", "body_zh", "body_en", "submission_id", "deadline", "posted_at", "read", "read_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    TITLE_ZH_FIELD_NUMBER: _ClassVar[int]
    TITLE_EN_FIELD_NUMBER: _ClassVar[int]
    BODY_ZH_FIELD_NUMBER: _ClassVar[int]
    BODY_EN_FIELD_NUMBER: _ClassVar[int]
    SUBMISSION_ID_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_FIELD_NUMBER: _ClassVar[int]
    POSTED_AT_FIELD_NUMBER: _ClassVar[int]
    READ_FIELD_NUMBER: _ClassVar[int]
    READ_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    kind: str
    title_zh: str
    title_en: str
    body_zh: str
    body_en: str
    submission_id: str
    deadline: str
    posted_at: str
    read: bool
    read_at: str
    def __init__(self, id: _Optional[str] = ..., kind: _Optional[str] = ..., title_zh: _Optional[str] = ..., title_en: _Optional[str] = ..., body_zh: _Optional[str] = ..., body_en: _Optional[str] = ..., submission_id: _Optional[str] = ..., deadline: _Optional[str] = ..., posted_at: _Optional[str] = ..., read: _Optional[bool] = ..., read_at: _Optional[str] = ...) -> None: ...

class NotificationList(_message.Message):
    __slots__ = ("account_id", "unread", "total", "notifications")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    UNREAD_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    NOTIFICATIONS_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    unread: int
    total: int
    notifications: _containers.RepeatedCompositeFieldContainer[Notification]
    def __init__(self, account_id: _Optional[str] = ..., unread: _Optional[int] = ..., total: _Optional[int] = ..., notifications: _Optional[_Iterable[_Union[Notification, _Mapping]]] = ...) -> None: ...

class MarkReadRequest(_message.Message):
    __slots__ = ("ids", "all")
    IDS_FIELD_NUMBER: _ClassVar[int]
    ALL_FIELD_NUMBER: _ClassVar[int]
    ids: _containers.RepeatedScalarFieldContainer[str]
    all: bool
    def __init__(self, ids: _Optional[_Iterable[str]] = ..., all: _Optional[bool] = ...) -> None: ...

class MarkReadReply(_message.Message):
    __slots__ = ("marked", "unread")
    MARKED_FIELD_NUMBER: _ClassVar[int]
    UNREAD_FIELD_NUMBER: _ClassVar[int]
    marked: int
    unread: int
    def __init__(self, marked: _Optional[int] = ..., unread: _Optional[int] = ...) -> None: ...
