"""Events of the review service: a ReviewCase per work (every version's decisions) and region tables.

Each decision names its submission and version, so a consumer (intake, scoring, an auditor) needs no
earlier event to act on it. The actor and time of a decision are the envelope's.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar, Literal

from festival_events.contracts import Contract, upcaster
from festival_events.contracts.intake import Advisor, Creator, SubmittedFile
from festival_events.contracts.registry import EditionRules


class _Review(Contract):
    service: ClassVar[str] = "review"


class _Decision(_Review):
    submission_id: str
    submission_version: int


class ReviewCaseOpened(_Review):
    """A work reached review for the first time; its case will hold every version's history."""

    type: ClassVar[str] = "ReviewCaseOpened"
    submission_id: str
    student_id: str
    school_id: str
    region_id: str | None


class ReviewVersionReceivedV1(_Decision):
    """A submitted version, as intake published it; it starts at school level. Version 1 had no language."""

    type: ClassVar[str] = "ReviewVersionReceived"
    school_id: str
    region_id: str | None
    title: str
    category: str
    theme: str
    synopsis: str
    creators: list[Creator]
    advisors: list[Advisor]
    files: dict[str, SubmittedFile]


class ReviewVersionReceived(ReviewVersionReceivedV1):
    """A submitted version with its voice-over language and subtitles as declared ("" on earlier versions)."""

    type: ClassVar[str] = "ReviewVersionReceived"
    version: ClassVar[int] = 2
    voice_over: str
    subtitles: str


@upcaster("ReviewVersionReceived", from_version=1)
def _version_received_v1_v2(payload: dict) -> dict:
    return {**payload, "voice_over": "", "subtitles": ""}


class WorkForwardedToRegion(_Decision):
    """The school admin forwarded the version to the region."""

    type: ClassVar[str] = "WorkForwardedToRegion"
    note: str


class WorkReturned(_Decision):
    """A school or region admin returned a submitted work to its student for fixes."""

    type: ClassVar[str] = "WorkReturned"
    level: Literal["school", "region"]
    reason_code: str
    reason: str


class WorkForwardedToProvince(_Decision):
    """The region admin reported the version to the province."""

    type: ClassVar[str] = "WorkForwardedToProvince"
    note: str


class WorkQualified(_Decision):
    """The province found the version qualified: it takes part in judging."""

    type: ClassVar[str] = "WorkQualified"
    category: str
    theme: str
    title: str
    school_id: str
    region_id: str | None
    note: str


class WorkDisqualified(_Decision):
    """The province disqualified the version: it is not rated (reason codes from the notice, evidence)."""

    type: ClassVar[str] = "WorkDisqualified"
    reason_codes: list[str]
    evidence: str


class WorkClosedNotReported(_Decision):
    """The region deadline passed before the region reported the work: it is closed, not rated."""

    type: ClassVar[str] = "WorkClosedNotReported"
    stage: str


class WorkWithdrawnFromReview(_Decision):
    """Intake withdrew the work (a returned work not resubmitted by the window's close)."""

    type: ClassVar[str] = "WorkWithdrawnFromReview"
    reason_code: str


class ReviewInspectionNoted(_Decision):
    """What media inspection found about one file of a version, shown to reviewers beside the work."""

    type: ClassVar[str] = "ReviewInspectionNoted"
    slot: str
    object_key: str
    verdict: str
    warnings: list[str]
    messages_zh: list[str]
    messages_en: list[str]
    duplicate_of: str


class RegionTableOpened(_Review):
    type: ClassVar[str] = "RegionTableOpened"
    edition: str
    region_id: str


class RegionTableFiled(_Review):
    """The region admin filed the region's statistics table (统计表); the sha256 is of the XLSX bytes."""

    type: ClassVar[str] = "RegionTableFiled"
    region_id: str
    sha256: str
    works: int


# Review's own copies of what registry published: on the log because every stored event is.


class ReviewEditionRecorded(_Review):
    type: ClassVar[str] = "ReviewEditionRecorded"
    edition: str
    rules: EditionRules


class ReviewEditionRulesChanged(_Review):
    type: ClassVar[str] = "ReviewEditionRulesChanged"
    rules: EditionRules


class ReviewEditionPhaseChanged(_Review):
    type: ClassVar[str] = "ReviewEditionPhaseChanged"
    phase: Literal["window_open", "window_closed", "region_closed"]
    at: datetime


class ReviewDirectoryStarted(_Review):
    type: ClassVar[str] = "ReviewDirectoryStarted"


class ReviewDirectoryRegionRecorded(_Review):
    type: ClassVar[str] = "ReviewDirectoryRegionRecorded"
    region_id: str
    name_zh: str
    name_en: str


class ReviewDirectorySchoolRecorded(_Review):
    type: ClassVar[str] = "ReviewDirectorySchoolRecorded"
    school_id: str
    name: str
    region_id: str


class ReviewerRecorded(_Review):
    """An admin account as registry opened it (students are not tracked here)."""

    type: ClassVar[str] = "ReviewerRecorded"
    account_id: str
    role: str
    school_id: str | None
    region_id: str | None
    status: Literal["active", "pending", "refused"]


class ReviewerStatusChanged(_Review):
    type: ClassVar[str] = "ReviewerStatusChanged"
    status: Literal["active", "pending", "refused"]


class InspectionFindingsOpened(_Review):
    type: ClassVar[str] = "InspectionFindingsOpened"
    submission_id: str


class InspectionFindingsNoted(_Review):
    """What review keeps of one upload's InspectionCompleted, to show reviewers beside the version."""

    type: ClassVar[str] = "InspectionFindingsNoted"
    upload_id: str
    slot: str
    verdict: str
    warnings: list[str]
    messages_zh: list[str]
    messages_en: list[str]
    duplicate_of: str
