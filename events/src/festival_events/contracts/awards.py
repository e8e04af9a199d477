"""Events of the awards service: tiers, publication, corrections, honours, certificates and the exhibition.

A decision carries its inputs: `AwardsComputed` names the results events it ranked (by event id), the
ratios and the rules' versions, and the digest of all of it, so the same inputs give the same awards byte
for byte; an auditor re-derives the tiers with festival_decisions.awards. A correction never rewrites:
`AwardsCorrected` states the old and the new tier and the reason, and revokes the certificates it replaces.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict

from festival_events.contracts import Contract
from festival_events.contracts.intake import Advisor
from festival_events.contracts.judging_rules import Normalisation
from festival_events.contracts.registry import EditionRules
from festival_events.contracts.scoring import CountedSheet, WorkResult

Tier = Literal["best", "excellent", "finalist"]


class _Awards(Contract):
    service: ClassVar[str] = "awards"


class _Value(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RankedInput(_Value):
    """One round's results an award list ranked: the results event's id and what it recorded."""

    round_id: str
    category: str
    results_event_id: str
    final: bool


class AwardedWork(_Value):
    work_id: str
    category: str
    tier: Tier
    score: float
    raw_mean: float
    rank: int  # among the list's works, by score ("1224")
    fragile: bool
    raw_tier: str  # the tier under raw means when it differs, else ""
    moved_by: list[list[str]]  # [[sheet's work, sheet's judge, tier without it], ...]


class TieNote(_Value):
    tier: Tier
    score: float
    work_ids: list[str]
    grew_by: int


# -- an award list (one per category, or one for the whole edition) -------------------------------------------


class AwardsComputed(_Awards):
    """The draft tiers of a list, from exactly the results named in `inputs` (recomputed until published)."""

    type: ClassVar[str] = "AwardsComputed"
    edition: str
    scope: str  # a category code, or "edition"
    rule: str
    ratios: dict[str, float]
    inputs: list[RankedInput]
    inputs_digest: str
    counts: dict[str, int]
    awarded: dict[str, int]
    ties: list[TieNote]
    works: list[AwardedWork]


class AwardsPublished(_Awards):
    """The province published the list: from now on it changes only by recorded corrections."""

    type: ClassVar[str] = "AwardsPublished"
    note: str
    inputs_digest: str
    at: datetime


class AwardsCorrected(_Awards):
    """A published award changed; the original stays on the log and its certificates are revoked."""

    type: ClassVar[str] = "AwardsCorrected"
    work_id: str
    from_tier: str
    to_tier: Tier
    reason: str


# -- honours (通知 四.3-5) -------------------------------------------------------------------------------------


class AdvisorHonoured(_Awards):
    """优秀指导教师奖: an advisor of one or more best works (automatically at publication, or by the province)."""

    type: ClassVar[str] = "AdvisorHonoured"
    key: str
    name: str
    school: str
    work_ids: list[str]
    rule: str
    reason: str


class OrganiserHonoured(_Awards):
    """优秀组织工作者奖: a person the province chose from the participation report, with the reason."""

    type: ClassVar[str] = "OrganiserHonoured"
    honour_id: str
    name: str
    region_id: str
    school_id: str
    reason: str


class UnitHonoured(_Awards):
    """优秀组织单位奖: a school or a region the province chose, with the reason."""

    type: ClassVar[str] = "UnitHonoured"
    honour_id: str
    unit: Literal["school", "region"]
    unit_id: str
    name: str
    region_id: str
    reason: str


class HonoursStarted(_Awards):
    type: ClassVar[str] = "HonoursStarted"
    edition: str


# -- certificates (通知 四.6) ----------------------------------------------------------------------------------


class CertificateIssued(_Awards):
    """A certificate with its verification code; `award_event_id` names the event that decided it."""

    type: ClassVar[str] = "CertificateIssued"
    code: str
    edition: str
    kind: Literal["work", "advisor", "organiser", "unit"]
    award: str  # a tier, or advisor / organiser / unit
    work_id: str
    work_title: str
    category: str
    names: list[str]
    school_id: str
    region_id: str
    school_name: str
    region_name: str
    student_id: str  # whose work it is (who may download it); "" for honours of people and units
    award_event_id: str
    awarded_at: datetime


class CertificateRevoked(_Awards):
    type: ClassVar[str] = "CertificateRevoked"
    reason: str
    replaced_by: str  # the new certificate's code, or ""


# -- the exhibition (第四阶段 展示交流) -------------------------------------------------------------------------


class ExhibitionStarted(_Awards):
    type: ClassVar[str] = "ExhibitionStarted"
    edition: str


class ExhibitionReleased(_Awards):
    """The province released the exhibition list (every region's best works) to one region."""

    type: ClassVar[str] = "ExhibitionReleased"
    region_id: str
    note: str
    work_ids: list[str]
    at: datetime


# -- what awards keeps of other services' events ----------------------------------------------------------------


class AwardsEditionRecorded(_Awards):
    type: ClassVar[str] = "AwardsEditionRecorded"
    edition: str
    rules: EditionRules


class AwardsEditionRulesChanged(_Awards):
    type: ClassVar[str] = "AwardsEditionRulesChanged"
    rules: EditionRules


class AwardsEditionJudgingClosed(_Awards):
    type: ClassVar[str] = "AwardsEditionJudgingClosed"
    at: datetime


class NomineeOpened(_Awards):
    """A work entered review (who drafted it, where it comes from)."""

    type: ClassVar[str] = "NomineeOpened"
    submission_id: str
    edition: str
    student_id: str
    school_id: str
    region_id: str


class NomineeVersionReceived(_Awards):
    type: ClassVar[str] = "NomineeVersionReceived"
    submission_version: int
    title: str
    category: str
    creators: list[str]
    advisors: list[Advisor]
    files: dict[str, str]  # slot -> object key


class NomineeQualified(_Awards):
    type: ClassVar[str] = "NomineeQualified"
    submission_version: int
    category: str


class NomineeDisqualified(_Awards):
    type: ClassVar[str] = "NomineeDisqualified"
    submission_version: int
    reason_codes: list[str]


class StandingOpened(_Awards):
    """A judging round as scoring opened it."""

    type: ClassVar[str] = "StandingOpened"
    round_id: str
    edition: str
    category: str


class StandingResultsNoted(_Awards):
    """A round's results as scoring computed them (the latest replaces the one before)."""

    type: ClassVar[str] = "StandingResultsNoted"
    results_event_id: str
    final: bool
    method: Normalisation
    sheets: list[CountedSheet]
    works: list[WorkResult]


class DirectoryStarted(_Awards):
    type: ClassVar[str] = "DirectoryStarted"


class DirectoryRegionNoted(_Awards):
    type: ClassVar[str] = "DirectoryRegionNoted"
    region_id: str
    name_zh: str


class DirectorySchoolNoted(_Awards):
    type: ClassVar[str] = "DirectorySchoolNoted"
    school_id: str
    name: str
    region_id: str


class DirectoryTableFiled(_Awards):
    """A region filed its statistics table (for the participation report's on-time column)."""

    type: ClassVar[str] = "DirectoryTableFiled"
    region_id: str
    edition: str
    at: datetime


class RegisterStarted(_Awards):
    type: ClassVar[str] = "RegisterStarted"
    edition: str


class RegisterWorkEntered(_Awards):
    type: ClassVar[str] = "RegisterWorkEntered"
    work_id: str


class RegisterRoundEntered(_Awards):
    type: ClassVar[str] = "RegisterRoundEntered"
    round_id: str


class RegisteredCertificate(_Value):
    code: str
    kind: str
    work_id: str
    student_id: str
    school_id: str
    region_id: str


class RegisterCertificatesEntered(_Awards):
    """Certificates just issued, with the scope that may download them (the index the lists read)."""

    type: ClassVar[str] = "RegisterCertificatesEntered"
    entries: list[RegisteredCertificate]


class RemindersStarted(_Awards):
    type: ClassVar[str] = "RemindersStarted"
    edition: str


class ReminderDue(_Awards):
    """A date of the awards phase is near and its work is not done: the province is reminded, once per date."""

    type: ClassVar[str] = "ReminderDue"
    deadline: Literal["publish_by", "exhibition_by"]
    due: datetime
    message_zh: str
    message_en: str


# -- source files of awarded works (附件 四.4) ----------------------------------------------------------------


class SourceFilesRequested(_Awards):
    """The province asks an awarded work's team for its source files by a deadline (again: a new deadline)."""

    type: ClassVar[str] = "SourceFilesRequested"
    submission_id: str
    edition: str
    student_id: str
    tier: Tier
    deadline: datetime
    note: str


class SourceFilesReceived(_Awards):
    """intake confirmed the team's source files for the request; `late`: after its deadline."""

    type: ClassVar[str] = "SourceFilesReceived"
    submission_id: str
    upload_id: str
    object_key: str
    filename: str
    size: int
    at: datetime
    late: bool
