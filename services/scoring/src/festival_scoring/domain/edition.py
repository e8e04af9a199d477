"""ScoringEdition: scoring's own record of an edition's rules and judging phase, fed by registry's events."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from eventsourcing.domain import event

from festival_events.contracts.judging_rules import JudgingRules
from festival_events.contracts.registry import EditionRules
from festival_kit.aggregate import FestivalAggregate
from festival_scoring.domain import refusals

BEFORE, OPEN, CLOSED = "before_judging", "judging_open", "judging_closed"
ORDER = (BEFORE, OPEN, CLOSED)  # phases only move forward: a replayed phase event changes nothing


class ScoringEdition(FestivalAggregate):
    """One edition's rules and whether its judging window is open."""

    SERVICE = "scoring"

    @staticmethod
    def create_id(edition: str, **_: Any) -> uuid.UUID:
        return ScoringEdition.id_for(edition)

    @staticmethod
    def id_for(edition: str) -> uuid.UUID:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"festival:scoring:edition:{edition}")

    @event("Recorded")
    def __init__(self, edition: str, rules: dict[str, Any]) -> None:
        self.edition, self.rules_json, self.phase = edition, rules, BEFORE

    @classmethod
    def record(cls, rules: EditionRules) -> ScoringEdition:
        return cls(edition=rules.code, rules=rules.model_dump(mode="json"))

    @property
    def rules(self) -> EditionRules:
        return EditionRules.model_validate(self.rules_json)

    @property
    def judging(self) -> JudgingRules:
        if self.rules.judging is None:
            raise refusals.judging_not_configured()
        return self.rules.judging

    def reconfigure(self, rules: EditionRules) -> bool:
        new = rules.model_dump(mode="json")
        if new == self.rules_json:
            return False
        self._rules_changed(rules=new)
        return True

    @event("RulesChanged")
    def _rules_changed(self, rules: dict[str, Any]) -> None:
        self.rules_json = rules

    def move_to(self, phase: str, at: datetime) -> bool:
        if ORDER.index(phase) <= ORDER.index(self.phase):
            return False
        self._phase_changed(phase=phase, at=at)
        return True

    @event("PhaseChanged")
    def _phase_changed(self, phase: str, at: datetime) -> None:
        self.phase = phase

    def check_category(self, category: str) -> None:
        if self.rules.category(category) is None:
            raise refusals.unknown_category(category)

    def check_judging_open(self) -> None:
        if self.phase == BEFORE:
            raise refusals.judging_not_open()
        if self.phase == CLOSED:
            raise refusals.judging_closed()
