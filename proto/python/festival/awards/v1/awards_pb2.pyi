from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class EditionRequest(_message.Message):
    __slots__ = ("edition",)
    EDITION_FIELD_NUMBER: _ClassVar[int]
    edition: str
    def __init__(self, edition: _Optional[str] = ...) -> None: ...

class ListRequest(_message.Message):
    __slots__ = ("scope", "edition")
    SCOPE_FIELD_NUMBER: _ClassVar[int]
    EDITION_FIELD_NUMBER: _ClassVar[int]
    scope: str
    edition: str
    def __init__(self, scope: _Optional[str] = ..., edition: _Optional[str] = ...) -> None: ...

class PublishRequest(_message.Message):
    __slots__ = ("scope", "note", "edition")
    SCOPE_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    EDITION_FIELD_NUMBER: _ClassVar[int]
    scope: str
    note: str
    edition: str
    def __init__(self, scope: _Optional[str] = ..., note: _Optional[str] = ..., edition: _Optional[str] = ...) -> None: ...

class CorrectRequest(_message.Message):
    __slots__ = ("work_id", "tier", "reason", "edition")
    WORK_ID_FIELD_NUMBER: _ClassVar[int]
    TIER_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    EDITION_FIELD_NUMBER: _ClassVar[int]
    work_id: str
    tier: str
    reason: str
    edition: str
    def __init__(self, work_id: _Optional[str] = ..., tier: _Optional[str] = ..., reason: _Optional[str] = ..., edition: _Optional[str] = ...) -> None: ...

class HonourRequest(_message.Message):
    __slots__ = ("kind", "name", "region_id", "school_id", "unit", "reason", "edition")
    KIND_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    REGION_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    EDITION_FIELD_NUMBER: _ClassVar[int]
    kind: str
    name: str
    region_id: str
    school_id: str
    unit: str
    reason: str
    edition: str
    def __init__(self, kind: _Optional[str] = ..., name: _Optional[str] = ..., region_id: _Optional[str] = ..., school_id: _Optional[str] = ..., unit: _Optional[str] = ..., reason: _Optional[str] = ..., edition: _Optional[str] = ...) -> None: ...

class ParticipationRequest(_message.Message):
    __slots__ = ("region_id", "edition")
    REGION_ID_FIELD_NUMBER: _ClassVar[int]
    EDITION_FIELD_NUMBER: _ClassVar[int]
    region_id: str
    edition: str
    def __init__(self, region_id: _Optional[str] = ..., edition: _Optional[str] = ...) -> None: ...

class CodeRequest(_message.Message):
    __slots__ = ("code",)
    CODE_FIELD_NUMBER: _ClassVar[int]
    code: str
    def __init__(self, code: _Optional[str] = ...) -> None: ...

class CertificatesRequest(_message.Message):
    __slots__ = ("student_id", "school_id", "region_id", "edition")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    REGION_ID_FIELD_NUMBER: _ClassVar[int]
    EDITION_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    school_id: str
    region_id: str
    edition: str
    def __init__(self, student_id: _Optional[str] = ..., school_id: _Optional[str] = ..., region_id: _Optional[str] = ..., edition: _Optional[str] = ...) -> None: ...

class ReleaseRequest(_message.Message):
    __slots__ = ("region_id", "note", "edition")
    REGION_ID_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    EDITION_FIELD_NUMBER: _ClassVar[int]
    region_id: str
    note: str
    edition: str
    def __init__(self, region_id: _Optional[str] = ..., note: _Optional[str] = ..., edition: _Optional[str] = ...) -> None: ...

class ExhibitionRequest(_message.Message):
    __slots__ = ("region_id", "edition")
    REGION_ID_FIELD_NUMBER: _ClassVar[int]
    EDITION_FIELD_NUMBER: _ClassVar[int]
    region_id: str
    edition: str
    def __init__(self, region_id: _Optional[str] = ..., edition: _Optional[str] = ...) -> None: ...

class Moved(_message.Message):
    __slots__ = ("work_id", "judge_id", "tier")
    WORK_ID_FIELD_NUMBER: _ClassVar[int]
    JUDGE_ID_FIELD_NUMBER: _ClassVar[int]
    TIER_FIELD_NUMBER: _ClassVar[int]
    work_id: str
    judge_id: str
    tier: str
    def __init__(self, work_id: _Optional[str] = ..., judge_id: _Optional[str] = ..., tier: _Optional[str] = ...) -> None: ...

class AwardedWork(_message.Message):
    __slots__ = ("work_id", "title", "category", "tier", "tier_name_zh", "score", "raw_mean", "rank", "fragile", "raw_tier", "moved_by", "computed_tier", "school_name", "region_name")
    WORK_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    TIER_FIELD_NUMBER: _ClassVar[int]
    TIER_NAME_ZH_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    RAW_MEAN_FIELD_NUMBER: _ClassVar[int]
    RANK_FIELD_NUMBER: _ClassVar[int]
    FRAGILE_FIELD_NUMBER: _ClassVar[int]
    RAW_TIER_FIELD_NUMBER: _ClassVar[int]
    MOVED_BY_FIELD_NUMBER: _ClassVar[int]
    COMPUTED_TIER_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_NAME_FIELD_NUMBER: _ClassVar[int]
    REGION_NAME_FIELD_NUMBER: _ClassVar[int]
    work_id: str
    title: str
    category: str
    tier: str
    tier_name_zh: str
    score: float
    raw_mean: float
    rank: int
    fragile: bool
    raw_tier: str
    moved_by: _containers.RepeatedCompositeFieldContainer[Moved]
    computed_tier: str
    school_name: str
    region_name: str
    def __init__(self, work_id: _Optional[str] = ..., title: _Optional[str] = ..., category: _Optional[str] = ..., tier: _Optional[str] = ..., tier_name_zh: _Optional[str] = ..., score: _Optional[float] = ..., raw_mean: _Optional[float] = ..., rank: _Optional[int] = ..., fragile: _Optional[bool] = ..., raw_tier: _Optional[str] = ..., moved_by: _Optional[_Iterable[_Union[Moved, _Mapping]]] = ..., computed_tier: _Optional[str] = ..., school_name: _Optional[str] = ..., region_name: _Optional[str] = ...) -> None: ...

class Tie(_message.Message):
    __slots__ = ("tier", "score", "work_ids", "grew_by")
    TIER_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    WORK_IDS_FIELD_NUMBER: _ClassVar[int]
    GREW_BY_FIELD_NUMBER: _ClassVar[int]
    tier: str
    score: float
    work_ids: _containers.RepeatedScalarFieldContainer[str]
    grew_by: int
    def __init__(self, tier: _Optional[str] = ..., score: _Optional[float] = ..., work_ids: _Optional[_Iterable[str]] = ..., grew_by: _Optional[int] = ...) -> None: ...

class Correction(_message.Message):
    __slots__ = ("work_id", "from_tier", "to_tier", "reason")
    WORK_ID_FIELD_NUMBER: _ClassVar[int]
    FROM_TIER_FIELD_NUMBER: _ClassVar[int]
    TO_TIER_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    work_id: str
    from_tier: str
    to_tier: str
    reason: str
    def __init__(self, work_id: _Optional[str] = ..., from_tier: _Optional[str] = ..., to_tier: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class TierCount(_message.Message):
    __slots__ = ("tier", "name_zh", "name_en", "counted", "awarded")
    TIER_FIELD_NUMBER: _ClassVar[int]
    NAME_ZH_FIELD_NUMBER: _ClassVar[int]
    NAME_EN_FIELD_NUMBER: _ClassVar[int]
    COUNTED_FIELD_NUMBER: _ClassVar[int]
    AWARDED_FIELD_NUMBER: _ClassVar[int]
    tier: str
    name_zh: str
    name_en: str
    counted: int
    awarded: int
    def __init__(self, tier: _Optional[str] = ..., name_zh: _Optional[str] = ..., name_en: _Optional[str] = ..., counted: _Optional[int] = ..., awarded: _Optional[int] = ...) -> None: ...

class AwardList(_message.Message):
    __slots__ = ("id", "edition", "scope", "rule", "inputs_digest", "published", "published_at", "note", "stale", "tiers", "ties", "works", "corrections", "results_event_ids")
    ID_FIELD_NUMBER: _ClassVar[int]
    EDITION_FIELD_NUMBER: _ClassVar[int]
    SCOPE_FIELD_NUMBER: _ClassVar[int]
    RULE_FIELD_NUMBER: _ClassVar[int]
    INPUTS_DIGEST_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_AT_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    STALE_FIELD_NUMBER: _ClassVar[int]
    TIERS_FIELD_NUMBER: _ClassVar[int]
    TIES_FIELD_NUMBER: _ClassVar[int]
    WORKS_FIELD_NUMBER: _ClassVar[int]
    CORRECTIONS_FIELD_NUMBER: _ClassVar[int]
    RESULTS_EVENT_IDS_FIELD_NUMBER: _ClassVar[int]
    id: str
    edition: str
    scope: str
    rule: str
    inputs_digest: str
    published: bool
    published_at: str
    note: str
    stale: bool
    tiers: _containers.RepeatedCompositeFieldContainer[TierCount]
    ties: _containers.RepeatedCompositeFieldContainer[Tie]
    works: _containers.RepeatedCompositeFieldContainer[AwardedWork]
    corrections: _containers.RepeatedCompositeFieldContainer[Correction]
    results_event_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, id: _Optional[str] = ..., edition: _Optional[str] = ..., scope: _Optional[str] = ..., rule: _Optional[str] = ..., inputs_digest: _Optional[str] = ..., published: _Optional[bool] = ..., published_at: _Optional[str] = ..., note: _Optional[str] = ..., stale: _Optional[bool] = ..., tiers: _Optional[_Iterable[_Union[TierCount, _Mapping]]] = ..., ties: _Optional[_Iterable[_Union[Tie, _Mapping]]] = ..., works: _Optional[_Iterable[_Union[AwardedWork, _Mapping]]] = ..., corrections: _Optional[_Iterable[_Union[Correction, _Mapping]]] = ..., results_event_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class AwardLists(_message.Message):
    __slots__ = ("lists",)
    LISTS_FIELD_NUMBER: _ClassVar[int]
    lists: _containers.RepeatedCompositeFieldContainer[AwardList]
    def __init__(self, lists: _Optional[_Iterable[_Union[AwardList, _Mapping]]] = ...) -> None: ...

class Honour(_message.Message):
    __slots__ = ("kind", "name", "school", "region_name", "work_titles", "reason")
    KIND_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_FIELD_NUMBER: _ClassVar[int]
    REGION_NAME_FIELD_NUMBER: _ClassVar[int]
    WORK_TITLES_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    kind: str
    name: str
    school: str
    region_name: str
    work_titles: _containers.RepeatedScalarFieldContainer[str]
    reason: str
    def __init__(self, kind: _Optional[str] = ..., name: _Optional[str] = ..., school: _Optional[str] = ..., region_name: _Optional[str] = ..., work_titles: _Optional[_Iterable[str]] = ..., reason: _Optional[str] = ...) -> None: ...

class HonourList(_message.Message):
    __slots__ = ("honours",)
    HONOURS_FIELD_NUMBER: _ClassVar[int]
    honours: _containers.RepeatedCompositeFieldContainer[Honour]
    def __init__(self, honours: _Optional[_Iterable[_Union[Honour, _Mapping]]] = ...) -> None: ...

class ParticipationRow(_message.Message):
    __slots__ = ("region_id", "region_name", "school_id", "school_name", "submitted", "qualified", "best", "excellent", "finalist", "filed_at", "filed_on_time")
    REGION_ID_FIELD_NUMBER: _ClassVar[int]
    REGION_NAME_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_NAME_FIELD_NUMBER: _ClassVar[int]
    SUBMITTED_FIELD_NUMBER: _ClassVar[int]
    QUALIFIED_FIELD_NUMBER: _ClassVar[int]
    BEST_FIELD_NUMBER: _ClassVar[int]
    EXCELLENT_FIELD_NUMBER: _ClassVar[int]
    FINALIST_FIELD_NUMBER: _ClassVar[int]
    FILED_AT_FIELD_NUMBER: _ClassVar[int]
    FILED_ON_TIME_FIELD_NUMBER: _ClassVar[int]
    region_id: str
    region_name: str
    school_id: str
    school_name: str
    submitted: int
    qualified: int
    best: int
    excellent: int
    finalist: int
    filed_at: str
    filed_on_time: bool
    def __init__(self, region_id: _Optional[str] = ..., region_name: _Optional[str] = ..., school_id: _Optional[str] = ..., school_name: _Optional[str] = ..., submitted: _Optional[int] = ..., qualified: _Optional[int] = ..., best: _Optional[int] = ..., excellent: _Optional[int] = ..., finalist: _Optional[int] = ..., filed_at: _Optional[str] = ..., filed_on_time: _Optional[bool] = ...) -> None: ...

class ParticipationReport(_message.Message):
    __slots__ = ("published", "rows")
    PUBLISHED_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    published: bool
    rows: _containers.RepeatedCompositeFieldContainer[ParticipationRow]
    def __init__(self, published: _Optional[bool] = ..., rows: _Optional[_Iterable[_Union[ParticipationRow, _Mapping]]] = ...) -> None: ...

class PublicWork(_message.Message):
    __slots__ = ("title", "school_name", "region_name")
    TITLE_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_NAME_FIELD_NUMBER: _ClassVar[int]
    REGION_NAME_FIELD_NUMBER: _ClassVar[int]
    title: str
    school_name: str
    region_name: str
    def __init__(self, title: _Optional[str] = ..., school_name: _Optional[str] = ..., region_name: _Optional[str] = ...) -> None: ...

class PublicTier(_message.Message):
    __slots__ = ("tier", "name_zh", "name_en", "works")
    TIER_FIELD_NUMBER: _ClassVar[int]
    NAME_ZH_FIELD_NUMBER: _ClassVar[int]
    NAME_EN_FIELD_NUMBER: _ClassVar[int]
    WORKS_FIELD_NUMBER: _ClassVar[int]
    tier: str
    name_zh: str
    name_en: str
    works: _containers.RepeatedCompositeFieldContainer[PublicWork]
    def __init__(self, tier: _Optional[str] = ..., name_zh: _Optional[str] = ..., name_en: _Optional[str] = ..., works: _Optional[_Iterable[_Union[PublicWork, _Mapping]]] = ...) -> None: ...

class PublicList(_message.Message):
    __slots__ = ("scope", "scope_name_zh", "published_at", "tiers")
    SCOPE_FIELD_NUMBER: _ClassVar[int]
    SCOPE_NAME_ZH_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_AT_FIELD_NUMBER: _ClassVar[int]
    TIERS_FIELD_NUMBER: _ClassVar[int]
    scope: str
    scope_name_zh: str
    published_at: str
    tiers: _containers.RepeatedCompositeFieldContainer[PublicTier]
    def __init__(self, scope: _Optional[str] = ..., scope_name_zh: _Optional[str] = ..., published_at: _Optional[str] = ..., tiers: _Optional[_Iterable[_Union[PublicTier, _Mapping]]] = ...) -> None: ...

class PublicResults(_message.Message):
    __slots__ = ("edition", "edition_name_zh", "lists")
    EDITION_FIELD_NUMBER: _ClassVar[int]
    EDITION_NAME_ZH_FIELD_NUMBER: _ClassVar[int]
    LISTS_FIELD_NUMBER: _ClassVar[int]
    edition: str
    edition_name_zh: str
    lists: _containers.RepeatedCompositeFieldContainer[PublicList]
    def __init__(self, edition: _Optional[str] = ..., edition_name_zh: _Optional[str] = ..., lists: _Optional[_Iterable[_Union[PublicList, _Mapping]]] = ...) -> None: ...

class Certificate(_message.Message):
    __slots__ = ("code", "edition_name_zh", "edition_name_en", "kind", "award", "award_name_zh", "award_name_en", "work_title", "names", "school_name", "region_name", "award_event_id", "awarded_at", "revoked", "revoked_reason", "replaced_by", "student_id", "school_id", "region_id")
    CODE_FIELD_NUMBER: _ClassVar[int]
    EDITION_NAME_ZH_FIELD_NUMBER: _ClassVar[int]
    EDITION_NAME_EN_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    AWARD_FIELD_NUMBER: _ClassVar[int]
    AWARD_NAME_ZH_FIELD_NUMBER: _ClassVar[int]
    AWARD_NAME_EN_FIELD_NUMBER: _ClassVar[int]
    WORK_TITLE_FIELD_NUMBER: _ClassVar[int]
    NAMES_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_NAME_FIELD_NUMBER: _ClassVar[int]
    REGION_NAME_FIELD_NUMBER: _ClassVar[int]
    AWARD_EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    AWARDED_AT_FIELD_NUMBER: _ClassVar[int]
    REVOKED_FIELD_NUMBER: _ClassVar[int]
    REVOKED_REASON_FIELD_NUMBER: _ClassVar[int]
    REPLACED_BY_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    REGION_ID_FIELD_NUMBER: _ClassVar[int]
    code: str
    edition_name_zh: str
    edition_name_en: str
    kind: str
    award: str
    award_name_zh: str
    award_name_en: str
    work_title: str
    names: _containers.RepeatedScalarFieldContainer[str]
    school_name: str
    region_name: str
    award_event_id: str
    awarded_at: str
    revoked: bool
    revoked_reason: str
    replaced_by: str
    student_id: str
    school_id: str
    region_id: str
    def __init__(self, code: _Optional[str] = ..., edition_name_zh: _Optional[str] = ..., edition_name_en: _Optional[str] = ..., kind: _Optional[str] = ..., award: _Optional[str] = ..., award_name_zh: _Optional[str] = ..., award_name_en: _Optional[str] = ..., work_title: _Optional[str] = ..., names: _Optional[_Iterable[str]] = ..., school_name: _Optional[str] = ..., region_name: _Optional[str] = ..., award_event_id: _Optional[str] = ..., awarded_at: _Optional[str] = ..., revoked: _Optional[bool] = ..., revoked_reason: _Optional[str] = ..., replaced_by: _Optional[str] = ..., student_id: _Optional[str] = ..., school_id: _Optional[str] = ..., region_id: _Optional[str] = ...) -> None: ...

class CertificateList(_message.Message):
    __slots__ = ("certificates",)
    CERTIFICATES_FIELD_NUMBER: _ClassVar[int]
    certificates: _containers.RepeatedCompositeFieldContainer[Certificate]
    def __init__(self, certificates: _Optional[_Iterable[_Union[Certificate, _Mapping]]] = ...) -> None: ...

class CertificateDocument(_message.Message):
    __slots__ = ("certificate", "pdf")
    CERTIFICATE_FIELD_NUMBER: _ClassVar[int]
    PDF_FIELD_NUMBER: _ClassVar[int]
    certificate: Certificate
    pdf: bytes
    def __init__(self, certificate: _Optional[_Union[Certificate, _Mapping]] = ..., pdf: _Optional[bytes] = ...) -> None: ...

class Document(_message.Message):
    __slots__ = ("filename", "media_type", "content")
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    MEDIA_TYPE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    filename: str
    media_type: str
    content: bytes
    def __init__(self, filename: _Optional[str] = ..., media_type: _Optional[str] = ..., content: _Optional[bytes] = ...) -> None: ...

class ExhibitionRelease(_message.Message):
    __slots__ = ("region_id", "released_at", "works")
    REGION_ID_FIELD_NUMBER: _ClassVar[int]
    RELEASED_AT_FIELD_NUMBER: _ClassVar[int]
    WORKS_FIELD_NUMBER: _ClassVar[int]
    region_id: str
    released_at: str
    works: int
    def __init__(self, region_id: _Optional[str] = ..., released_at: _Optional[str] = ..., works: _Optional[int] = ...) -> None: ...

class FileLink(_message.Message):
    __slots__ = ("slot", "url", "expires_at")
    SLOT_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    slot: str
    url: str
    expires_at: str
    def __init__(self, slot: _Optional[str] = ..., url: _Optional[str] = ..., expires_at: _Optional[str] = ...) -> None: ...

class ExhibitedWork(_message.Message):
    __slots__ = ("work_id", "title", "category", "school_name", "region_name", "creators", "files")
    WORK_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_NAME_FIELD_NUMBER: _ClassVar[int]
    REGION_NAME_FIELD_NUMBER: _ClassVar[int]
    CREATORS_FIELD_NUMBER: _ClassVar[int]
    FILES_FIELD_NUMBER: _ClassVar[int]
    work_id: str
    title: str
    category: str
    school_name: str
    region_name: str
    creators: _containers.RepeatedScalarFieldContainer[str]
    files: _containers.RepeatedCompositeFieldContainer[FileLink]
    def __init__(self, work_id: _Optional[str] = ..., title: _Optional[str] = ..., category: _Optional[str] = ..., school_name: _Optional[str] = ..., region_name: _Optional[str] = ..., creators: _Optional[_Iterable[str]] = ..., files: _Optional[_Iterable[_Union[FileLink, _Mapping]]] = ...) -> None: ...

class Exhibition(_message.Message):
    __slots__ = ("region_id", "note", "released_at", "works")
    REGION_ID_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    RELEASED_AT_FIELD_NUMBER: _ClassVar[int]
    WORKS_FIELD_NUMBER: _ClassVar[int]
    region_id: str
    note: str
    released_at: str
    works: _containers.RepeatedCompositeFieldContainer[ExhibitedWork]
    def __init__(self, region_id: _Optional[str] = ..., note: _Optional[str] = ..., released_at: _Optional[str] = ..., works: _Optional[_Iterable[_Union[ExhibitedWork, _Mapping]]] = ...) -> None: ...

class Reminder(_message.Message):
    __slots__ = ("deadline", "due", "message_zh", "message_en")
    DEADLINE_FIELD_NUMBER: _ClassVar[int]
    DUE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_ZH_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_EN_FIELD_NUMBER: _ClassVar[int]
    deadline: str
    due: str
    message_zh: str
    message_en: str
    def __init__(self, deadline: _Optional[str] = ..., due: _Optional[str] = ..., message_zh: _Optional[str] = ..., message_en: _Optional[str] = ...) -> None: ...

class ReminderList(_message.Message):
    __slots__ = ("reminders",)
    REMINDERS_FIELD_NUMBER: _ClassVar[int]
    reminders: _containers.RepeatedCompositeFieldContainer[Reminder]
    def __init__(self, reminders: _Optional[_Iterable[_Union[Reminder, _Mapping]]] = ...) -> None: ...

class SourceRequestRequest(_message.Message):
    __slots__ = ("work_id", "deadline", "note", "edition")
    WORK_ID_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    EDITION_FIELD_NUMBER: _ClassVar[int]
    work_id: str
    deadline: str
    note: str
    edition: str
    def __init__(self, work_id: _Optional[str] = ..., deadline: _Optional[str] = ..., note: _Optional[str] = ..., edition: _Optional[str] = ...) -> None: ...

class SourceRequest(_message.Message):
    __slots__ = ("work_id", "title", "category", "tier", "requested_at", "deadline", "note", "status", "filename", "size", "received_at", "late")
    WORK_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    TIER_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_AT_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    RECEIVED_AT_FIELD_NUMBER: _ClassVar[int]
    LATE_FIELD_NUMBER: _ClassVar[int]
    work_id: str
    title: str
    category: str
    tier: str
    requested_at: str
    deadline: str
    note: str
    status: str
    filename: str
    size: int
    received_at: str
    late: bool
    def __init__(self, work_id: _Optional[str] = ..., title: _Optional[str] = ..., category: _Optional[str] = ..., tier: _Optional[str] = ..., requested_at: _Optional[str] = ..., deadline: _Optional[str] = ..., note: _Optional[str] = ..., status: _Optional[str] = ..., filename: _Optional[str] = ..., size: _Optional[int] = ..., received_at: _Optional[str] = ..., late: _Optional[bool] = ...) -> None: ...

class SourceRequestList(_message.Message):
    __slots__ = ("requests",)
    REQUESTS_FIELD_NUMBER: _ClassVar[int]
    requests: _containers.RepeatedCompositeFieldContainer[SourceRequest]
    def __init__(self, requests: _Optional[_Iterable[_Union[SourceRequest, _Mapping]]] = ...) -> None: ...
