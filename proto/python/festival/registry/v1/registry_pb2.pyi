from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Account(_message.Message):
    __slots__ = ("id", "username", "display_name", "role", "region_id", "school_id", "status", "judge", "sessions", "suspension_reason")
    ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    REGION_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    JUDGE_FIELD_NUMBER: _ClassVar[int]
    SESSIONS_FIELD_NUMBER: _ClassVar[int]
    SUSPENSION_REASON_FIELD_NUMBER: _ClassVar[int]
    id: str
    username: str
    display_name: str
    role: str
    region_id: str
    school_id: str
    status: str
    judge: JudgeProfile
    sessions: int
    suspension_reason: str
    def __init__(self, id: _Optional[str] = ..., username: _Optional[str] = ..., display_name: _Optional[str] = ..., role: _Optional[str] = ..., region_id: _Optional[str] = ..., school_id: _Optional[str] = ..., status: _Optional[str] = ..., judge: _Optional[_Union[JudgeProfile, _Mapping]] = ..., sessions: _Optional[int] = ..., suspension_reason: _Optional[str] = ...) -> None: ...

class SuspendAccountRequest(_message.Message):
    __slots__ = ("account_id", "reason")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    reason: str
    def __init__(self, account_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class ReactivateAccountRequest(_message.Message):
    __slots__ = ("account_id",)
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    def __init__(self, account_id: _Optional[str] = ...) -> None: ...

class ChangePasswordRequest(_message.Message):
    __slots__ = ("current_password", "new_password")
    CURRENT_PASSWORD_FIELD_NUMBER: _ClassVar[int]
    NEW_PASSWORD_FIELD_NUMBER: _ClassVar[int]
    current_password: str
    new_password: str
    def __init__(self, current_password: _Optional[str] = ..., new_password: _Optional[str] = ...) -> None: ...

class ResetPasswordRequest(_message.Message):
    __slots__ = ("account_id", "new_password")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    NEW_PASSWORD_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    new_password: str
    def __init__(self, account_id: _Optional[str] = ..., new_password: _Optional[str] = ...) -> None: ...

class JudgeProfile(_message.Message):
    __slots__ = ("region_id", "school_id", "expertise", "declared_persons")
    REGION_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    EXPERTISE_FIELD_NUMBER: _ClassVar[int]
    DECLARED_PERSONS_FIELD_NUMBER: _ClassVar[int]
    region_id: str
    school_id: str
    expertise: _containers.RepeatedScalarFieldContainer[str]
    declared_persons: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, region_id: _Optional[str] = ..., school_id: _Optional[str] = ..., expertise: _Optional[_Iterable[str]] = ..., declared_persons: _Optional[_Iterable[str]] = ...) -> None: ...

class AccountList(_message.Message):
    __slots__ = ("accounts",)
    ACCOUNTS_FIELD_NUMBER: _ClassVar[int]
    accounts: _containers.RepeatedCompositeFieldContainer[Account]
    def __init__(self, accounts: _Optional[_Iterable[_Union[Account, _Mapping]]] = ...) -> None: ...

class LoginRequest(_message.Message):
    __slots__ = ("username", "password")
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    username: str
    password: str
    def __init__(self, username: _Optional[str] = ..., password: _Optional[str] = ...) -> None: ...

class GetAccountRequest(_message.Message):
    __slots__ = ("account_id",)
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    def __init__(self, account_id: _Optional[str] = ...) -> None: ...

class RegisterStudentRequest(_message.Message):
    __slots__ = ("username", "password", "display_name", "school_id")
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    username: str
    password: str
    display_name: str
    school_id: str
    def __init__(self, username: _Optional[str] = ..., password: _Optional[str] = ..., display_name: _Optional[str] = ..., school_id: _Optional[str] = ...) -> None: ...

class RegisterSchoolAdminRequest(_message.Message):
    __slots__ = ("username", "password", "display_name", "region_id", "school_name")
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    REGION_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_NAME_FIELD_NUMBER: _ClassVar[int]
    username: str
    password: str
    display_name: str
    region_id: str
    school_name: str
    def __init__(self, username: _Optional[str] = ..., password: _Optional[str] = ..., display_name: _Optional[str] = ..., region_id: _Optional[str] = ..., school_name: _Optional[str] = ...) -> None: ...

class DecideSchoolAdminRequest(_message.Message):
    __slots__ = ("account_id", "approve", "reason")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    APPROVE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    approve: bool
    reason: str
    def __init__(self, account_id: _Optional[str] = ..., approve: _Optional[bool] = ..., reason: _Optional[str] = ...) -> None: ...

class ListAccountsRequest(_message.Message):
    __slots__ = ("role", "region_id", "status")
    ROLE_FIELD_NUMBER: _ClassVar[int]
    REGION_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    role: str
    region_id: str
    status: str
    def __init__(self, role: _Optional[str] = ..., region_id: _Optional[str] = ..., status: _Optional[str] = ...) -> None: ...

class IssueRegionAdminRequest(_message.Message):
    __slots__ = ("username", "password", "display_name", "region_id")
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    REGION_ID_FIELD_NUMBER: _ClassVar[int]
    username: str
    password: str
    display_name: str
    region_id: str
    def __init__(self, username: _Optional[str] = ..., password: _Optional[str] = ..., display_name: _Optional[str] = ..., region_id: _Optional[str] = ...) -> None: ...

class IssueJudgeRequest(_message.Message):
    __slots__ = ("username", "password", "display_name", "region_id", "school_id", "expertise", "declared_persons")
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    REGION_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    EXPERTISE_FIELD_NUMBER: _ClassVar[int]
    DECLARED_PERSONS_FIELD_NUMBER: _ClassVar[int]
    username: str
    password: str
    display_name: str
    region_id: str
    school_id: str
    expertise: _containers.RepeatedScalarFieldContainer[str]
    declared_persons: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, username: _Optional[str] = ..., password: _Optional[str] = ..., display_name: _Optional[str] = ..., region_id: _Optional[str] = ..., school_id: _Optional[str] = ..., expertise: _Optional[_Iterable[str]] = ..., declared_persons: _Optional[_Iterable[str]] = ...) -> None: ...

class GetEditionRequest(_message.Message):
    __slots__ = ("code",)
    CODE_FIELD_NUMBER: _ClassVar[int]
    code: str
    def __init__(self, code: _Optional[str] = ...) -> None: ...

class Edition(_message.Message):
    __slots__ = ("id", "code", "rules_json", "phase")
    ID_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    RULES_JSON_FIELD_NUMBER: _ClassVar[int]
    PHASE_FIELD_NUMBER: _ClassVar[int]
    id: str
    code: str
    rules_json: str
    phase: str
    def __init__(self, id: _Optional[str] = ..., code: _Optional[str] = ..., rules_json: _Optional[str] = ..., phase: _Optional[str] = ...) -> None: ...

class ListRegionsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class Region(_message.Message):
    __slots__ = ("id", "code", "name_zh", "name_en")
    ID_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_ZH_FIELD_NUMBER: _ClassVar[int]
    NAME_EN_FIELD_NUMBER: _ClassVar[int]
    id: str
    code: str
    name_zh: str
    name_en: str
    def __init__(self, id: _Optional[str] = ..., code: _Optional[str] = ..., name_zh: _Optional[str] = ..., name_en: _Optional[str] = ...) -> None: ...

class RegionList(_message.Message):
    __slots__ = ("regions",)
    REGIONS_FIELD_NUMBER: _ClassVar[int]
    regions: _containers.RepeatedCompositeFieldContainer[Region]
    def __init__(self, regions: _Optional[_Iterable[_Union[Region, _Mapping]]] = ...) -> None: ...

class ListSchoolsRequest(_message.Message):
    __slots__ = ("region_id",)
    REGION_ID_FIELD_NUMBER: _ClassVar[int]
    region_id: str
    def __init__(self, region_id: _Optional[str] = ...) -> None: ...

class School(_message.Message):
    __slots__ = ("id", "name", "region_id", "approved")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    REGION_ID_FIELD_NUMBER: _ClassVar[int]
    APPROVED_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    region_id: str
    approved: bool
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., region_id: _Optional[str] = ..., approved: _Optional[bool] = ...) -> None: ...

class SchoolList(_message.Message):
    __slots__ = ("schools",)
    SCHOOLS_FIELD_NUMBER: _ClassVar[int]
    schools: _containers.RepeatedCompositeFieldContainer[School]
    def __init__(self, schools: _Optional[_Iterable[_Union[School, _Mapping]]] = ...) -> None: ...
