"""Events of the scoring service: judging rounds, assignments, blind score sheets and results.

A decision carries its inputs: `RoundAssigned` names every work and judge it placed (with what the
conflict rules read of them), the seed and the rule version; `RoundResultsComputed` names every sheet it
counted (sheet id and version, so its envelope's event id follows) with its total, the method and the rule,
and the digest of all of it. An auditor re-derives both with festival_decisions.judging.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict

from festival_events.contracts import Contract, upcaster
from festival_events.contracts.judging_rules import Criterion, Normalisation
from festival_events.contracts.registry import EditionRules


class _Scoring(Contract):
    service: ClassVar[str] = "scoring"


class _Value(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class PanelEntry(_Value):
    """One work of an assignment and the judges placed on it."""

    work_id: str
    judge_ids: list[str]


class AssignedWork(_Value):
    """What the conflict rules read of a work when the round was assigned."""

    work_id: str
    region_id: str | None
    school_id: str | None
    people: list[str]


class AssignedJudge(_Value):
    """What the conflict rules read of a judge when the round was assigned."""

    judge_id: str
    region_id: str | None
    school_id: str | None
    declared: list[str]


class CountedSheet(_Value):
    """A submitted (or amended) sheet a result counted: the sheet's id and version name its event."""

    sheet_id: str
    version: int
    judge_id: str
    work_id: str
    total: float


class WorkResult(_Value):
    work_id: str
    sheets: int
    raw_mean: float
    score: float
    rank: int
    raw_rank: int


# -- the round ------------------------------------------------------------------------------------------------


class JudgingRoundOpened(_Scoring):
    """The province opened the judging round of a category, with the rubric and rules it will use."""

    type: ClassVar[str] = "JudgingRoundOpened"
    edition: str
    category: str
    judges_per_work: int
    rubric: list[Criterion]
    normalisation: Normalisation


class JudgesAppointed(_Scoring):
    """The round's judges as the province set them (the whole list)."""

    type: ClassVar[str] = "JudgesAppointed"
    judge_ids: list[str]


class RoundAssigned(_Scoring):
    """Judges placed on works: exactly k per work, no conflict, loads balanced (min-cost flow, seeded)."""

    type: ClassVar[str] = "RoundAssigned"
    rule: str
    seed: str
    k: int
    conflict_rules: dict[str, bool]
    works: list[AssignedWork]
    judges: list[AssignedJudge]
    excluded: list[list[str]]
    panels: list[PanelEntry]
    loads: dict[str, int]


class JudgeReplaced(_Scoring):
    """A judge declared a conflict on a work; another eligible judge takes the place (or nobody could)."""

    type: ClassVar[str] = "JudgeReplaced"
    rule: str
    work_id: str
    leaving_judge_id: str
    replacement_judge_id: str  # empty: no eligible judge was left
    reason: str


class WorkDroppedFromRound(_Scoring):
    """The work was disqualified after assignment: it drops out and is not rated."""

    type: ClassVar[str] = "WorkDroppedFromRound"
    work_id: str
    reason_codes: list[str]


class RoundClosed(_Scoring):
    """No sheet is submitted or amended after this; `missing` lists the sheets that never came in."""

    type: ClassVar[str] = "RoundClosed"
    reason: str
    early: bool
    missing: list[PanelEntry]


class RoundResultsComputed(_Scoring):
    """Per work the raw mean, the final score and the rank, from exactly the sheets listed."""

    type: ClassVar[str] = "RoundResultsComputed"
    rule: str
    method: Normalisation
    sheets: list[CountedSheet]
    inputs_digest: str
    works: list[WorkResult]
    final: bool  # computed at the round's close (else: every sheet was in, amendments may follow)


# -- a judge's sheet for one work -------------------------------------------------------------------------------


class JudgeAssigned(_Scoring):
    """A judge was assigned a work of a round: this sheet is theirs to fill in."""

    type: ClassVar[str] = "JudgeAssigned"
    round_id: str
    work_id: str
    judge_id: str


class ScoreSheetDrafted(_Scoring):
    """The judge saved points (some criteria may still be empty) and a comment; not counted yet."""

    type: ClassVar[str] = "ScoreSheetDrafted"
    points: dict[str, int]
    comment: str


class ScoreSheetSubmitted(_Scoring):
    type: ClassVar[str] = "ScoreSheetSubmitted"
    points: dict[str, int]
    total: int
    comment: str


class ScoreSheetAmended(_Scoring):
    """A submitted sheet changed while the round was open; the reason is required."""

    type: ClassVar[str] = "ScoreSheetAmended"
    points: dict[str, int]
    total: int
    comment: str
    reason: str


class ConflictDeclared(_Scoring):
    """The judge declared a conflict on the work: the sheet is withdrawn and never counted."""

    type: ClassVar[str] = "ConflictDeclared"
    reason: str


# -- what scoring keeps of other services' events (on the log because every stored event is) --------------------


class ScoringEditionRecorded(_Scoring):
    type: ClassVar[str] = "ScoringEditionRecorded"
    edition: str
    rules: EditionRules


class ScoringEditionRulesChanged(_Scoring):
    type: ClassVar[str] = "ScoringEditionRulesChanged"
    rules: EditionRules


class ScoringEditionPhaseChanged(_Scoring):
    type: ClassVar[str] = "ScoringEditionPhaseChanged"
    phase: Literal["judging_open", "judging_closed"]
    at: datetime


class ScoringJudgeRecorded(_Scoring):
    """A judge account as registry opened it."""

    type: ClassVar[str] = "ScoringJudgeRecorded"
    account_id: str
    display_name: str
    active: bool


class ScoringJudgeProfileChanged(_Scoring):
    type: ClassVar[str] = "ScoringJudgeProfileChanged"
    region_id: str | None
    school_id: str | None
    expertise: list[str]
    declared_persons: list[str]


class EntrantVersionReceivedV1(_Scoring):
    """A submitted version as review published it: what a judge may see, and whom the conflict rules read."""

    type: ClassVar[str] = "EntrantVersionReceived"
    submission_id: str
    submission_version: int
    edition: str
    title: str
    category: str
    theme: str
    synopsis: str
    school_id: str | None
    region_id: str | None
    people: list[str]
    files: dict[str, str]  # slot -> object key


class EntrantVersionReceived(EntrantVersionReceivedV1):
    """Version 2 adds the voice-over language and subtitles a judge is shown (附件 四.3)."""

    type: ClassVar[str] = "EntrantVersionReceived"
    version: ClassVar[int] = 2
    voice_over: str
    subtitles: str


@upcaster("EntrantVersionReceived", from_version=1)
def _entrant_version_v1_v2(payload: dict) -> dict:
    return {**payload, "voice_over": "", "subtitles": ""}


class EntrantInspectionNoted(_Scoring):
    type: ClassVar[str] = "EntrantInspectionNoted"
    submission_version: int
    slot: str
    verdict: str
    warnings: list[str]
    messages_zh: list[str]
    messages_en: list[str]


class EntrantQualified(_Scoring):
    type: ClassVar[str] = "EntrantQualified"
    submission_version: int
    category: str


class EntrantDisqualified(_Scoring):
    type: ClassVar[str] = "EntrantDisqualified"
    submission_version: int
    reason_codes: list[str]


class EntrantsStarted(_Scoring):
    type: ClassVar[str] = "EntrantsStarted"
    edition: str


class EntrantsWorkEntered(_Scoring):
    """A qualified work entered its category's list of works to judge."""

    type: ClassVar[str] = "EntrantsWorkEntered"
    category: str
    work_id: str


class EntrantsWorkLeft(_Scoring):
    type: ClassVar[str] = "EntrantsWorkLeft"
    category: str
    work_id: str
