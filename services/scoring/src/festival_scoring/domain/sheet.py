"""ScoreSheet: one judge's points for one work of a round — a draft until submitted, amended only with a reason."""

from __future__ import annotations

import uuid
from typing import Any

from eventsourcing.domain import event

from festival_kit.aggregate import FestivalAggregate
from festival_scoring.domain import refusals
from festival_scoring.domain.rubric import COMMENT_MAX, REASON_MAX, check_points, check_text

DRAFT, SUBMITTED, WITHDRAWN = "draft", "submitted", "withdrawn"


class ScoreSheet(FestivalAggregate):
    """A sheet exists from the moment its judge is assigned the work; a declared conflict withdraws it."""

    SERVICE = "scoring"

    @staticmethod
    def id_for(round_id: str, work_id: str, judge_id: str) -> uuid.UUID:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"festival:scoring:sheet:{round_id}:{work_id}:{judge_id}")

    @staticmethod
    def create_id(round_id: str, work_id: str, judge_id: str, **_: Any) -> uuid.UUID:
        return ScoreSheet.id_for(round_id, work_id, judge_id)

    class Assigned(FestivalAggregate.Created):
        PUBLISHED_AS = "JudgeAssigned"
        edition: str
        round_id: str
        work_id: str
        judge_id: str

    @event(Assigned)
    def __init__(self, edition: str, round_id: str, work_id: str, judge_id: str) -> None:
        self.edition, self.round_id, self.work_id, self.judge_id = edition, round_id, work_id, judge_id
        self.status, self.points, self.comment, self.total = DRAFT, {}, "", 0
        self.amendments: list[dict[str, Any]] = []
        self.conflict_reason = ""

    def draft(self, rubric: list[dict[str, Any]], points: dict[str, int], comment: str) -> None:
        """Save points so far; nothing is counted until the sheet is submitted."""
        self._check_active()
        if self.status == SUBMITTED:
            raise refusals.already_submitted()
        self._drafted(points=check_points(rubric, points, complete=False),
                      comment=check_text(comment, COMMENT_MAX, "评语", "comment"))

    @event("Drafted")
    def _drafted(self, points: dict[str, int], comment: str) -> None:
        self.points, self.comment = points, comment

    def submit(self, rubric: list[dict[str, Any]], points: dict[str, int], comment: str) -> None:
        """Submit once, every criterion scored."""
        self._check_active()
        if self.status == SUBMITTED:
            raise refusals.already_submitted()
        checked = check_points(rubric, points, complete=True)
        self._submitted(points=checked, total=sum(checked.values()),
                        comment=check_text(comment, COMMENT_MAX, "评语", "comment"))

    @event("Submitted")
    def _submitted(self, points: dict[str, int], total: int, comment: str) -> None:
        self.status, self.points, self.total, self.comment = SUBMITTED, points, total, comment

    def amend(self, rubric: list[dict[str, Any]], points: dict[str, int], comment: str, reason: str) -> None:
        """Change a submitted sheet (the round checks it is still open), saying why."""
        self._check_active()
        if self.status != SUBMITTED:
            raise refusals.not_submitted()
        reason = check_text(reason, REASON_MAX, "修改理由", "reason")
        if not reason:
            raise refusals.amendment_reason_required()
        checked = check_points(rubric, points, complete=True)
        self._amended(points=checked, total=sum(checked.values()),
                      comment=check_text(comment, COMMENT_MAX, "评语", "comment"), reason=reason)

    @event("Amended")
    def _amended(self, points: dict[str, int], total: int, comment: str, reason: str) -> None:
        self.amendments.append({"before": self.points, "reason": reason})
        self.points, self.total, self.comment = points, total, comment

    class ConflictDeclared(FestivalAggregate.Event):
        PUBLISHED_AS = "ConflictDeclared"
        reason: str

        def apply(self, sheet: Any) -> None:
            sheet.status, sheet.conflict_reason = WITHDRAWN, self.reason

    def declare_conflict(self, reason: str) -> None:
        """The judge knows the work's people (or is otherwise conflicted): withdraw, saying why."""
        self._check_active()
        reason = check_text(reason, REASON_MAX, "回避理由", "reason")
        if not reason:
            raise refusals.reason_required()
        self.trigger_event(self.ConflictDeclared, reason=reason)

    def _check_active(self) -> None:
        if self.status == WITHDRAWN:
            raise refusals.conflict_declared()

    @property
    def submitted(self) -> bool:
        return self.status == SUBMITTED
