"""ReviewCase: one work's review, every submitted version with its decisions, inspections and outcome.

One aggregate per submission (not per version): a work's whole review history is one hash chain an
auditor can check, decisions can only touch the current version, and a resubmission is simply the
next version starting again at school level.
"""

from __future__ import annotations

import uuid
from typing import Any

from eventsourcing.domain import event

from festival_kit.aggregate import FestivalAggregate, payload_of
from festival_review.domain import refusals
from festival_review.domain import stages as st
from festival_review.domain import history


class ReviewCase(FestivalAggregate):
    """The review of one work: its versions (oldest first) and where the current one stands."""

    SERVICE = "review"

    class Step(FestivalAggregate.Event):
        """A case event after opening: it names the submission and version it is about."""

        submission_id: str
        submission_version: int

        def apply(self, case: Any) -> None:
            history.apply(case, self.PUBLISHED_AS, payload_of(self), self.timestamp.isoformat(),
                          self.meta["account_id"], self.meta["role"])

    class VersionReceived(Step):
        PUBLISHED_AS = "ReviewVersionReceived"
        school_id: str
        region_id: str | None
        title: str
        category: str
        theme: str
        synopsis: str
        creators: list[dict[str, str]]
        advisors: list[dict[str, str]]
        files: dict[str, dict[str, Any]]
        voice_over: str
        subtitles: str
        class_version = 2

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["voice_over"] = state["subtitles"] = ""  # versions received before the declaration

    class ForwardedToRegion(Step):
        PUBLISHED_AS = "WorkForwardedToRegion"
        note: str

    class Returned(Step):
        PUBLISHED_AS = "WorkReturned"
        level: str
        reason_code: str
        reason: str

    class ForwardedToProvince(Step):
        PUBLISHED_AS = "WorkForwardedToProvince"
        note: str

    class Qualified(Step):
        PUBLISHED_AS = "WorkQualified"
        category: str
        theme: str
        title: str
        school_id: str
        region_id: str | None
        note: str

    class Disqualified(Step):
        PUBLISHED_AS = "WorkDisqualified"
        reason_codes: list[str]
        evidence: str

    class ClosedNotReported(Step):
        PUBLISHED_AS = "WorkClosedNotReported"
        stage: str

    class Withdrawn(Step):
        PUBLISHED_AS = "WorkWithdrawnFromReview"
        reason_code: str

    class InspectionNoted(Step):
        PUBLISHED_AS = "ReviewInspectionNoted"
        slot: str
        object_key: str
        verdict: str
        warnings: list[str]
        messages_zh: list[str]
        messages_en: list[str]
        duplicate_of: str

    @staticmethod
    def create_id(submission_id: str, **_: Any) -> uuid.UUID:
        return ReviewCase.id_for(submission_id)

    @staticmethod
    def id_for(submission_id: str) -> uuid.UUID:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"festival:review:case:{submission_id}")

    @event("Opened")
    def __init__(self, edition: str, submission_id: str, student_id: str, school_id: str,
                 region_id: str | None) -> None:
        self.edition, self.submission_id, self.student_id = edition, submission_id, student_id
        self.school_id, self.region_id = school_id, region_id
        self.submission_version, self.status = 0, ""
        self.versions: list[dict[str, Any]] = []

    @property
    def current(self) -> dict[str, Any]:
        return self.versions[-1]

    def receive(self, submission_version: int, **content: Any) -> bool:
        """Take a newly submitted version (it starts at school level); one seen before changes nothing."""
        if submission_version <= self.submission_version:
            return False
        self._step(self.VersionReceived, submission_version=submission_version, **content)
        return True

    # -- decisions -----------------------------------------------------------------------------------------

    def forward_to_region(self, note: str = "", version: int = 0) -> None:
        self._check(st.AWAITING_SCHOOL, version)
        self._decide("ForwardedToRegion", note=note)

    def forward_to_province(self, note: str = "", version: int = 0) -> None:
        self._check(st.AWAITING_REGION, version)
        self._decide("ForwardedToProvince", note=note)

    def check_waiting_at(self, level: str, version: int = 0) -> None:
        """Refuse unless the current version (or the one named) waits at this level: school, region, province."""
        self._check(st.LEVEL_STAGE[level], version)

    def return_for_fixes(self, level: str, reason_code: str, reason: str, version: int = 0) -> None:
        """Back to its student for fixes, with a reason code and a written reason."""
        self.check_waiting_at(level, version)
        st.check_return_reason(reason_code, reason)
        self._decide("Returned", level=level, reason_code=reason_code, reason=reason.strip())

    def qualify(self, note: str = "", version: int = 0) -> None:
        self._check(st.AWAITING_PROVINCE, version)
        v = self.current
        self._decide("Qualified", category=v["category"], theme=v["theme"], title=v["title"],
                     school_id=self.school_id, region_id=self.region_id, note=note)

    def disqualify(self, reason_codes: list[str], evidence: str, version: int = 0) -> None:
        self._check(st.AWAITING_PROVINCE, version)
        codes = st.check_disqualification(reason_codes, evidence)
        self._decide("Disqualified", reason_codes=codes, evidence=evidence.strip())

    # -- what the log tells review -------------------------------------------------------------------------

    def close_not_reported(self) -> bool:
        """At the region deadline a work not yet reported to the province is closed."""
        if self.status not in st.CLOSED_AT_REGION_DEADLINE:
            return False
        self._decide("ClosedNotReported", stage=self.status)
        return True

    def withdraw(self, reason_code: str) -> bool:
        if self.status in (st.WITHDRAWN, st.NOT_REPORTED):
            return False
        self._decide("Withdrawn", reason_code=reason_code)
        return True

    def note_inspection(self, submission_version: int, note: dict[str, Any]) -> bool:
        """Keep what inspection found about a file of a version; the same finding again changes nothing."""
        found = [v for v in self.versions if v["version"] == submission_version]
        if not found or found[0]["inspection"].get(note["slot"]) == note:
            return False
        self._step(self.InspectionNoted, submission_version=submission_version, **note)
        return True

    def inspection_verdict(self, version: dict[str, Any] | None = None) -> str:
        """The worst verdict of a version's inspected files ('' if none yet)."""
        notes = (version or self.current)["inspection"].values()
        rank = {"pass": 0, "warn": 1, "fail": 2}
        return max((n["verdict"] for n in notes), key=lambda v: rank.get(v, 0), default="")

    def _check(self, expected: str, version: int) -> None:
        if version and version != self.submission_version:
            raise refusals.stale_version(self.submission_version)
        st.check_stage(self.status, expected)

    def _decide(self, name: str, **fields: Any) -> None:
        self._step(getattr(self, name), submission_version=self.submission_version, **fields)

    def _step(self, event_class: type[FestivalAggregate.Event], **fields: Any) -> None:
        self.trigger_event(event_class, submission_id=self.submission_id, **fields)
