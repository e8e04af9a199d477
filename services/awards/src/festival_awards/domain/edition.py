"""AwardsEdition: awards' own record of an edition's rules and whether judging has closed (registry's events)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from eventsourcing.domain import event

from festival_events.contracts.award_rules import AwardRules
from festival_events.contracts.registry import EditionRules
from festival_kit.aggregate import FestivalAggregate
from festival_awards.domain import refusals


class AwardsEdition(FestivalAggregate):
    """One edition's rules; awards are published only once its judging has closed."""

    SERVICE = "awards"

    @staticmethod
    def create_id(edition: str, **_: Any) -> uuid.UUID:
        return AwardsEdition.id_for(edition)

    @staticmethod
    def id_for(edition: str) -> uuid.UUID:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"festival:awards:edition:{edition}")

    @event("Recorded")
    def __init__(self, edition: str, rules: dict[str, Any]) -> None:
        self.edition, self.rules_json, self.judging_closed_at = edition, rules, None

    @classmethod
    def record(cls, rules: EditionRules) -> AwardsEdition:
        return cls(edition=rules.code, rules=rules.model_dump(mode="json"))

    @property
    def rules(self) -> EditionRules:
        return EditionRules.model_validate(self.rules_json)

    @property
    def awards(self) -> AwardRules:
        if self.rules.awards is None:
            raise refusals.awards_not_configured()
        return self.rules.awards

    def scopes(self) -> list[str]:
        """The award lists of the edition: one per category, or the one 'edition' list."""
        return ["edition"] if self.awards.scope == "edition" else [c.code for c in self.rules.categories]

    def check_scope(self, scope: str) -> None:
        if scope not in self.scopes():
            raise refusals.unknown_scope(scope)

    def reconfigure(self, rules: EditionRules) -> bool:
        new = rules.model_dump(mode="json")
        if new == self.rules_json:
            return False
        self._rules_changed(rules=new)
        return True

    @event("RulesChanged")
    def _rules_changed(self, rules: dict[str, Any]) -> None:
        self.rules_json = rules

    def close_judging(self, at: datetime) -> bool:
        if self.judging_closed_at is not None:
            return False
        self._judging_closed(at=at)
        return True

    @event("JudgingClosed")
    def _judging_closed(self, at: datetime) -> None:
        self.judging_closed_at = at
