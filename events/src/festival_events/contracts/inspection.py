"""Events of the media-inspection service: an Inspection of one uploaded file, and the workers' own views.

An inspection is of one upload (a submission id and an upload id); its completion carries every check, the
measurements the checks were computed from and the version of the rules that computed them, so an auditor can
re-derive the verdict and every check from them and the edition's rules (festival_decisions.inspection).
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict

from festival_events.contracts import Contract, upcaster
from festival_events.contracts.registry import EditionRules

Verdict = Literal["pass", "warn", "fail"]


class InspectionCheck(BaseModel):
    """One rule checked: a stable id, its verdict, the value measured and expected, and advice in both languages."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str
    verdict: Verdict
    measured: Any = None
    expected: Any = None
    message_zh: str
    message_en: str


class DuplicateOf(BaseModel):
    """The earlier work a film's fingerprint matches: another submission, or an earlier edition's work."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    work_id: str
    edition: str = ""
    title: str = ""
    similarity: float
    source: Literal["submission", "archive"] = "submission"


class _Inspection(Contract):
    service: ClassVar[str] = "media-inspection"


class InspectionStarted(_Inspection):
    """A worker took one confirmed upload and began to inspect it (attempt 1)."""

    type: ClassVar[str] = "InspectionStarted"
    submission_id: str
    upload_id: str
    slot: str  # film | cover | poster | application_form | copyright_declaration
    object_key: str
    size: int
    category: str | None
    worker: str


class InspectionRestarted(_Inspection):
    """A worker took over an inspection whose earlier worker stopped before finishing it."""

    type: ClassVar[str] = "InspectionRestarted"
    attempt: int
    worker: str


class InspectionCompletedV1(_Inspection):
    """Version 1 carried the checks only: what they were computed from was not recorded."""

    type: ClassVar[str] = "InspectionCompleted"
    version: ClassVar[int] = 1
    submission_id: str
    upload_id: str
    slot: str  # film | cover | poster | application_form | copyright_declaration
    category: str | None
    verdict: Verdict
    checks: list[InspectionCheck]
    content_hash: str
    # The film's perceptual fingerprint as media-inspection encodes it ({step_s, hashes: [16-hex | None], ...});
    # its own format, read back only by media-inspection to find copies. None for images and forms.
    fingerprint: dict[str, Any] | None
    duplicate_of: DuplicateOf | None
    elapsed_s: float
    worker: str


class InspectionCompleted(InspectionCompletedV1):
    """Every check of the file, its verdict (the worst check's), the measurements and rule version they were
    decided from, content hash, fingerprint and any match."""

    type: ClassVar[str] = "InspectionCompleted"
    version: ClassVar[int] = 2
    # The exact input of festival_decisions.inspection.verdicts ({"kind": "film" | "image" | "form" | ...,
    # ...}); None on events upcast from version 1, which cannot be re-derived.
    measurements: dict[str, Any] | None
    rule_version: str  # festival_decisions.inspection.RULE_VERSION of the code that decided; "" before v2


@upcaster("InspectionCompleted", from_version=1)
def _completed_v1_v2(payload: dict) -> dict:
    return {**payload, "measurements": None, "rule_version": ""}


# The workers' own copies of what registry and intake published, so a worker knows an upload's rules.


class InspectionRulesRecorded(_Inspection):
    type: ClassVar[str] = "InspectionRulesRecorded"
    edition: str
    rules: EditionRules


class InspectionRulesChanged(_Inspection):
    type: ClassVar[str] = "InspectionRulesChanged"
    rules: EditionRules


class WorkCategoryRecorded(_Inspection):
    type: ClassVar[str] = "WorkCategoryRecorded"
    submission_id: str
    category: str


class WorkCategoryChanged(_Inspection):
    type: ClassVar[str] = "WorkCategoryChanged"
    category: str
