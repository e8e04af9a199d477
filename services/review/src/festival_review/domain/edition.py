"""ReviewEdition: review's own record of an edition's rules and phase, fed by registry's events."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from eventsourcing.domain import event

from festival_decisions.review.legality import BEFORE, CLOSED, OPEN, ORDER, REGION_CLOSED, phases_for
from festival_events.contracts.registry import EditionRules
from festival_kit import clock
from festival_kit.aggregate import FestivalAggregate
from festival_review.domain import refusals

# Phases only move forward, so a redelivered or replayed phase event changes nothing. Which decision each allows
# is festival_decisions.review.legality's table: the auditor checks the log against the same one.
__all__ = ["BEFORE", "CLOSED", "OPEN", "ORDER", "REGION_CLOSED", "ReviewEdition"]


class ReviewEdition(FestivalAggregate):
    """One edition's rules and phase: window open, window closed, region deadline passed (qualification)."""

    SERVICE = "review"

    @staticmethod
    def create_id(edition: str, **_: Any) -> uuid.UUID:
        return ReviewEdition.id_for(edition)

    @staticmethod
    def id_for(edition: str) -> uuid.UUID:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"festival:review:edition:{edition}")

    @event("Recorded")
    def __init__(self, edition: str, rules: dict[str, Any]) -> None:
        self.edition, self.rules_json, self.phase = edition, rules, BEFORE

    @classmethod
    def record(cls, rules: EditionRules) -> ReviewEdition:
        return cls(edition=rules.code, rules=rules.model_dump(mode="json"))

    @property
    def rules(self) -> EditionRules:
        return EditionRules.model_validate(self.rules_json)

    def reconfigure(self, rules: EditionRules) -> bool:
        """Take newer rules; the same rules again change nothing."""
        new = rules.model_dump(mode="json")
        if new == self.rules_json:
            return False
        self._rules_changed(rules=new)
        return True

    @event("RulesChanged")
    def _rules_changed(self, rules: dict[str, Any]) -> None:
        self.rules_json = rules

    def move_to(self, phase: str, at: datetime) -> bool:
        """Enter a later phase; an earlier or the same one changes nothing."""
        if ORDER.index(phase) <= ORDER.index(self.phase):
            return False
        self._phase_changed(phase=phase, at=at)
        return True

    @event("PhaseChanged")
    def _phase_changed(self, phase: str, at: datetime) -> None:
        self.phase = phase

    # -- what each phase allows ----------------------------------------------------------------------------

    def deadline_text(self) -> str:
        return clock.shanghai(self.rules.region_deadline)

    def check_return(self) -> None:
        """Returns only while the window is open: after it closes the student could not resubmit."""
        if self.phase == BEFORE:
            raise refusals.wrong_phase("退回作品", "return a work")
        if self.phase not in phases_for("WorkReturned"):
            raise refusals.window_closed()

    def check_forward(self) -> None:
        """School and region forwarding, and filing the table, run until the region deadline."""
        if self.phase == BEFORE:
            raise refusals.wrong_phase("报送作品", "forward a work")
        if self.phase not in phases_for("WorkForwardedToRegion"):
            raise refusals.region_deadline_passed(self.deadline_text())

    def check_qualification(self) -> None:
        """The province's qualification review runs once the region deadline has passed."""
        if self.phase not in phases_for("WorkQualified"):
            raise refusals.wrong_phase("进行资格审查（地区上报截止后开始）",
                                       "review qualification (it starts after the region deadline)")

    def category_zh(self, code: str) -> str:
        category = self.rules.category(code)
        return category.name_zh if category else code
