from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Criterion(_message.Message):
    __slots__ = ("code", "name_zh", "name_en", "max_points", "notice_zh", "notice_ref")
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_ZH_FIELD_NUMBER: _ClassVar[int]
    NAME_EN_FIELD_NUMBER: _ClassVar[int]
    MAX_POINTS_FIELD_NUMBER: _ClassVar[int]
    NOTICE_ZH_FIELD_NUMBER: _ClassVar[int]
    NOTICE_REF_FIELD_NUMBER: _ClassVar[int]
    code: str
    name_zh: str
    name_en: str
    max_points: int
    notice_zh: str
    notice_ref: str
    def __init__(self, code: _Optional[str] = ..., name_zh: _Optional[str] = ..., name_en: _Optional[str] = ..., max_points: _Optional[int] = ..., notice_zh: _Optional[str] = ..., notice_ref: _Optional[str] = ...) -> None: ...

class RoundJudge(_message.Message):
    __slots__ = ("account_id", "display_name", "works")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    WORKS_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    display_name: str
    works: int
    def __init__(self, account_id: _Optional[str] = ..., display_name: _Optional[str] = ..., works: _Optional[int] = ...) -> None: ...

class Round(_message.Message):
    __slots__ = ("id", "edition", "category", "category_name_zh", "status", "judges_per_work", "rubric", "method", "judges", "works", "qualified_waiting", "sheets_expected", "sheets_submitted", "has_results")
    ID_FIELD_NUMBER: _ClassVar[int]
    EDITION_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_NAME_ZH_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    JUDGES_PER_WORK_FIELD_NUMBER: _ClassVar[int]
    RUBRIC_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    JUDGES_FIELD_NUMBER: _ClassVar[int]
    WORKS_FIELD_NUMBER: _ClassVar[int]
    QUALIFIED_WAITING_FIELD_NUMBER: _ClassVar[int]
    SHEETS_EXPECTED_FIELD_NUMBER: _ClassVar[int]
    SHEETS_SUBMITTED_FIELD_NUMBER: _ClassVar[int]
    HAS_RESULTS_FIELD_NUMBER: _ClassVar[int]
    id: str
    edition: str
    category: str
    category_name_zh: str
    status: str
    judges_per_work: int
    rubric: _containers.RepeatedCompositeFieldContainer[Criterion]
    method: str
    judges: _containers.RepeatedCompositeFieldContainer[RoundJudge]
    works: int
    qualified_waiting: int
    sheets_expected: int
    sheets_submitted: int
    has_results: bool
    def __init__(self, id: _Optional[str] = ..., edition: _Optional[str] = ..., category: _Optional[str] = ..., category_name_zh: _Optional[str] = ..., status: _Optional[str] = ..., judges_per_work: _Optional[int] = ..., rubric: _Optional[_Iterable[_Union[Criterion, _Mapping]]] = ..., method: _Optional[str] = ..., judges: _Optional[_Iterable[_Union[RoundJudge, _Mapping]]] = ..., works: _Optional[int] = ..., qualified_waiting: _Optional[int] = ..., sheets_expected: _Optional[int] = ..., sheets_submitted: _Optional[int] = ..., has_results: _Optional[bool] = ...) -> None: ...

class OpenRoundRequest(_message.Message):
    __slots__ = ("category", "edition")
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    EDITION_FIELD_NUMBER: _ClassVar[int]
    category: str
    edition: str
    def __init__(self, category: _Optional[str] = ..., edition: _Optional[str] = ...) -> None: ...

class ListRoundsRequest(_message.Message):
    __slots__ = ("edition",)
    EDITION_FIELD_NUMBER: _ClassVar[int]
    edition: str
    def __init__(self, edition: _Optional[str] = ...) -> None: ...

class RoundList(_message.Message):
    __slots__ = ("rounds",)
    ROUNDS_FIELD_NUMBER: _ClassVar[int]
    rounds: _containers.RepeatedCompositeFieldContainer[Round]
    def __init__(self, rounds: _Optional[_Iterable[_Union[Round, _Mapping]]] = ...) -> None: ...

class RoundRequest(_message.Message):
    __slots__ = ("round_id",)
    ROUND_ID_FIELD_NUMBER: _ClassVar[int]
    round_id: str
    def __init__(self, round_id: _Optional[str] = ...) -> None: ...

class SetJudgesRequest(_message.Message):
    __slots__ = ("round_id", "judge_ids")
    ROUND_ID_FIELD_NUMBER: _ClassVar[int]
    JUDGE_IDS_FIELD_NUMBER: _ClassVar[int]
    round_id: str
    judge_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, round_id: _Optional[str] = ..., judge_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class CloseRoundRequest(_message.Message):
    __slots__ = ("round_id", "reason")
    ROUND_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    round_id: str
    reason: str
    def __init__(self, round_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class JudgeProgress(_message.Message):
    __slots__ = ("judge_id", "display_name", "done", "pending", "conflicts")
    JUDGE_ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    DONE_FIELD_NUMBER: _ClassVar[int]
    PENDING_FIELD_NUMBER: _ClassVar[int]
    CONFLICTS_FIELD_NUMBER: _ClassVar[int]
    judge_id: str
    display_name: str
    done: int
    pending: int
    conflicts: int
    def __init__(self, judge_id: _Optional[str] = ..., display_name: _Optional[str] = ..., done: _Optional[int] = ..., pending: _Optional[int] = ..., conflicts: _Optional[int] = ...) -> None: ...

class WorkProgress(_message.Message):
    __slots__ = ("work_id", "title", "done", "pending", "dropped")
    WORK_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DONE_FIELD_NUMBER: _ClassVar[int]
    PENDING_FIELD_NUMBER: _ClassVar[int]
    DROPPED_FIELD_NUMBER: _ClassVar[int]
    work_id: str
    title: str
    done: int
    pending: int
    dropped: bool
    def __init__(self, work_id: _Optional[str] = ..., title: _Optional[str] = ..., done: _Optional[int] = ..., pending: _Optional[int] = ..., dropped: _Optional[bool] = ...) -> None: ...

class Progress(_message.Message):
    __slots__ = ("round_id", "judges", "works")
    ROUND_ID_FIELD_NUMBER: _ClassVar[int]
    JUDGES_FIELD_NUMBER: _ClassVar[int]
    WORKS_FIELD_NUMBER: _ClassVar[int]
    round_id: str
    judges: _containers.RepeatedCompositeFieldContainer[JudgeProgress]
    works: _containers.RepeatedCompositeFieldContainer[WorkProgress]
    def __init__(self, round_id: _Optional[str] = ..., judges: _Optional[_Iterable[_Union[JudgeProgress, _Mapping]]] = ..., works: _Optional[_Iterable[_Union[WorkProgress, _Mapping]]] = ...) -> None: ...

class WorkResult(_message.Message):
    __slots__ = ("work_id", "title", "sheets", "raw_mean", "score", "rank", "raw_rank")
    WORK_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    SHEETS_FIELD_NUMBER: _ClassVar[int]
    RAW_MEAN_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    RANK_FIELD_NUMBER: _ClassVar[int]
    RAW_RANK_FIELD_NUMBER: _ClassVar[int]
    work_id: str
    title: str
    sheets: int
    raw_mean: float
    score: float
    rank: int
    raw_rank: int
    def __init__(self, work_id: _Optional[str] = ..., title: _Optional[str] = ..., sheets: _Optional[int] = ..., raw_mean: _Optional[float] = ..., score: _Optional[float] = ..., rank: _Optional[int] = ..., raw_rank: _Optional[int] = ...) -> None: ...

class Results(_message.Message):
    __slots__ = ("round_id", "rule", "method", "inputs_digest", "final", "sheets", "works")
    ROUND_ID_FIELD_NUMBER: _ClassVar[int]
    RULE_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    INPUTS_DIGEST_FIELD_NUMBER: _ClassVar[int]
    FINAL_FIELD_NUMBER: _ClassVar[int]
    SHEETS_FIELD_NUMBER: _ClassVar[int]
    WORKS_FIELD_NUMBER: _ClassVar[int]
    round_id: str
    rule: str
    method: str
    inputs_digest: str
    final: bool
    sheets: int
    works: _containers.RepeatedCompositeFieldContainer[WorkResult]
    def __init__(self, round_id: _Optional[str] = ..., rule: _Optional[str] = ..., method: _Optional[str] = ..., inputs_digest: _Optional[str] = ..., final: _Optional[bool] = ..., sheets: _Optional[int] = ..., works: _Optional[_Iterable[_Union[WorkResult, _Mapping]]] = ...) -> None: ...

class JudgeBias(_message.Message):
    __slots__ = ("judge_id", "display_name", "sheets", "mean", "spread", "deviation", "outlier")
    JUDGE_ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    SHEETS_FIELD_NUMBER: _ClassVar[int]
    MEAN_FIELD_NUMBER: _ClassVar[int]
    SPREAD_FIELD_NUMBER: _ClassVar[int]
    DEVIATION_FIELD_NUMBER: _ClassVar[int]
    OUTLIER_FIELD_NUMBER: _ClassVar[int]
    judge_id: str
    display_name: str
    sheets: int
    mean: float
    spread: float
    deviation: float
    outlier: bool
    def __init__(self, judge_id: _Optional[str] = ..., display_name: _Optional[str] = ..., sheets: _Optional[int] = ..., mean: _Optional[float] = ..., spread: _Optional[float] = ..., deviation: _Optional[float] = ..., outlier: _Optional[bool] = ...) -> None: ...

class RankMove(_message.Message):
    __slots__ = ("work_id", "title", "raw_rank", "rank", "moved")
    WORK_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    RAW_RANK_FIELD_NUMBER: _ClassVar[int]
    RANK_FIELD_NUMBER: _ClassVar[int]
    MOVED_FIELD_NUMBER: _ClassVar[int]
    work_id: str
    title: str
    raw_rank: int
    rank: int
    moved: int
    def __init__(self, work_id: _Optional[str] = ..., title: _Optional[str] = ..., raw_rank: _Optional[int] = ..., rank: _Optional[int] = ..., moved: _Optional[int] = ...) -> None: ...

class BiasReport(_message.Message):
    __slots__ = ("round_id", "rule", "panel_mean", "panel_spread", "outlier_spreads", "judges", "works")
    ROUND_ID_FIELD_NUMBER: _ClassVar[int]
    RULE_FIELD_NUMBER: _ClassVar[int]
    PANEL_MEAN_FIELD_NUMBER: _ClassVar[int]
    PANEL_SPREAD_FIELD_NUMBER: _ClassVar[int]
    OUTLIER_SPREADS_FIELD_NUMBER: _ClassVar[int]
    JUDGES_FIELD_NUMBER: _ClassVar[int]
    WORKS_FIELD_NUMBER: _ClassVar[int]
    round_id: str
    rule: str
    panel_mean: float
    panel_spread: float
    outlier_spreads: float
    judges: _containers.RepeatedCompositeFieldContainer[JudgeBias]
    works: _containers.RepeatedCompositeFieldContainer[RankMove]
    def __init__(self, round_id: _Optional[str] = ..., rule: _Optional[str] = ..., panel_mean: _Optional[float] = ..., panel_spread: _Optional[float] = ..., outlier_spreads: _Optional[float] = ..., judges: _Optional[_Iterable[_Union[JudgeBias, _Mapping]]] = ..., works: _Optional[_Iterable[_Union[RankMove, _Mapping]]] = ...) -> None: ...

class ListAssignmentsRequest(_message.Message):
    __slots__ = ("edition",)
    EDITION_FIELD_NUMBER: _ClassVar[int]
    edition: str
    def __init__(self, edition: _Optional[str] = ...) -> None: ...

class AssignmentRequest(_message.Message):
    __slots__ = ("assignment_id",)
    ASSIGNMENT_ID_FIELD_NUMBER: _ClassVar[int]
    assignment_id: str
    def __init__(self, assignment_id: _Optional[str] = ...) -> None: ...

class FileLink(_message.Message):
    __slots__ = ("slot", "url", "expires_at")
    SLOT_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    slot: str
    url: str
    expires_at: str
    def __init__(self, slot: _Optional[str] = ..., url: _Optional[str] = ..., expires_at: _Optional[str] = ...) -> None: ...

class InspectionNote(_message.Message):
    __slots__ = ("slot", "verdict", "warnings", "messages_zh", "messages_en")
    SLOT_FIELD_NUMBER: _ClassVar[int]
    VERDICT_FIELD_NUMBER: _ClassVar[int]
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    MESSAGES_ZH_FIELD_NUMBER: _ClassVar[int]
    MESSAGES_EN_FIELD_NUMBER: _ClassVar[int]
    slot: str
    verdict: str
    warnings: _containers.RepeatedScalarFieldContainer[str]
    messages_zh: _containers.RepeatedScalarFieldContainer[str]
    messages_en: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, slot: _Optional[str] = ..., verdict: _Optional[str] = ..., warnings: _Optional[_Iterable[str]] = ..., messages_zh: _Optional[_Iterable[str]] = ..., messages_en: _Optional[_Iterable[str]] = ...) -> None: ...

class BlindWork(_message.Message):
    __slots__ = ("title", "category", "category_name_zh", "theme", "synopsis", "files", "inspection", "voice_over", "subtitles")
    TITLE_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_NAME_ZH_FIELD_NUMBER: _ClassVar[int]
    THEME_FIELD_NUMBER: _ClassVar[int]
    SYNOPSIS_FIELD_NUMBER: _ClassVar[int]
    FILES_FIELD_NUMBER: _ClassVar[int]
    INSPECTION_FIELD_NUMBER: _ClassVar[int]
    VOICE_OVER_FIELD_NUMBER: _ClassVar[int]
    SUBTITLES_FIELD_NUMBER: _ClassVar[int]
    title: str
    category: str
    category_name_zh: str
    theme: str
    synopsis: str
    files: _containers.RepeatedCompositeFieldContainer[FileLink]
    inspection: _containers.RepeatedCompositeFieldContainer[InspectionNote]
    voice_over: str
    subtitles: str
    def __init__(self, title: _Optional[str] = ..., category: _Optional[str] = ..., category_name_zh: _Optional[str] = ..., theme: _Optional[str] = ..., synopsis: _Optional[str] = ..., files: _Optional[_Iterable[_Union[FileLink, _Mapping]]] = ..., inspection: _Optional[_Iterable[_Union[InspectionNote, _Mapping]]] = ..., voice_over: _Optional[str] = ..., subtitles: _Optional[str] = ...) -> None: ...

class CriterionPoints(_message.Message):
    __slots__ = ("code", "points")
    CODE_FIELD_NUMBER: _ClassVar[int]
    POINTS_FIELD_NUMBER: _ClassVar[int]
    code: str
    points: int
    def __init__(self, code: _Optional[str] = ..., points: _Optional[int] = ...) -> None: ...

class Sheet(_message.Message):
    __slots__ = ("status", "points", "total", "comment", "amendments")
    STATUS_FIELD_NUMBER: _ClassVar[int]
    POINTS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    AMENDMENTS_FIELD_NUMBER: _ClassVar[int]
    status: str
    points: _containers.RepeatedCompositeFieldContainer[CriterionPoints]
    total: int
    comment: str
    amendments: int
    def __init__(self, status: _Optional[str] = ..., points: _Optional[_Iterable[_Union[CriterionPoints, _Mapping]]] = ..., total: _Optional[int] = ..., comment: _Optional[str] = ..., amendments: _Optional[int] = ...) -> None: ...

class Assignment(_message.Message):
    __slots__ = ("id", "round_id", "round_status", "work", "rubric", "sheet")
    ID_FIELD_NUMBER: _ClassVar[int]
    ROUND_ID_FIELD_NUMBER: _ClassVar[int]
    ROUND_STATUS_FIELD_NUMBER: _ClassVar[int]
    WORK_FIELD_NUMBER: _ClassVar[int]
    RUBRIC_FIELD_NUMBER: _ClassVar[int]
    SHEET_FIELD_NUMBER: _ClassVar[int]
    id: str
    round_id: str
    round_status: str
    work: BlindWork
    rubric: _containers.RepeatedCompositeFieldContainer[Criterion]
    sheet: Sheet
    def __init__(self, id: _Optional[str] = ..., round_id: _Optional[str] = ..., round_status: _Optional[str] = ..., work: _Optional[_Union[BlindWork, _Mapping]] = ..., rubric: _Optional[_Iterable[_Union[Criterion, _Mapping]]] = ..., sheet: _Optional[_Union[Sheet, _Mapping]] = ...) -> None: ...

class AssignmentList(_message.Message):
    __slots__ = ("assignments",)
    ASSIGNMENTS_FIELD_NUMBER: _ClassVar[int]
    assignments: _containers.RepeatedCompositeFieldContainer[Assignment]
    def __init__(self, assignments: _Optional[_Iterable[_Union[Assignment, _Mapping]]] = ...) -> None: ...

class SaveSheetRequest(_message.Message):
    __slots__ = ("assignment_id", "points", "comment", "reason")
    ASSIGNMENT_ID_FIELD_NUMBER: _ClassVar[int]
    POINTS_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    assignment_id: str
    points: _containers.RepeatedCompositeFieldContainer[CriterionPoints]
    comment: str
    reason: str
    def __init__(self, assignment_id: _Optional[str] = ..., points: _Optional[_Iterable[_Union[CriterionPoints, _Mapping]]] = ..., comment: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class DeclareConflictRequest(_message.Message):
    __slots__ = ("assignment_id", "reason")
    ASSIGNMENT_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    assignment_id: str
    reason: str
    def __init__(self, assignment_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class ConflictOutcome(_message.Message):
    __slots__ = ("assignment_id", "reassigned")
    ASSIGNMENT_ID_FIELD_NUMBER: _ClassVar[int]
    REASSIGNED_FIELD_NUMBER: _ClassVar[int]
    assignment_id: str
    reassigned: bool
    def __init__(self, assignment_id: _Optional[str] = ..., reassigned: _Optional[bool] = ...) -> None: ...
