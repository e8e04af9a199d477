"""What a worker must know besides the upload: the edition's rules and the work's category. Pure."""

from __future__ import annotations

import uuid
from typing import Any

from eventsourcing.domain import event

from festival_events.contracts.registry import EditionRules
from festival_kit.aggregate import FestivalAggregate

_NAMESPACE = uuid.UUID("5d0f3a8e-61b2-4c1e-9a57-0c8a3e2b7d44")


class InspectionRules(FestivalAggregate):
    """One edition's rules as registry published them, the way the workers read them."""

    SERVICE = "media-inspection"

    @staticmethod
    def create_id(edition: str, **_: Any) -> uuid.UUID:
        return InspectionRules.id_for(edition)

    @staticmethod
    def id_for(edition: str) -> uuid.UUID:
        return uuid.uuid5(_NAMESPACE, f"rules:{edition}")

    @event("Recorded")
    def __init__(self, edition: str, rules: dict[str, Any]) -> None:
        self.edition, self.rules_json = edition, rules

    @classmethod
    def record(cls, rules: EditionRules) -> InspectionRules:
        return cls(edition=rules.code, rules=rules.model_dump(mode="json"))

    @property
    def rules(self) -> EditionRules:
        return EditionRules.model_validate(self.rules_json)

    def reconfigure(self, rules: EditionRules) -> bool:
        """Take newer rules; the same rules again change nothing."""
        new = rules.model_dump(mode="json")
        if new == self.rules_json:
            return False
        self._changed(rules=new)
        return True

    @event("Changed")
    def _changed(self, rules: dict[str, Any]) -> None:
        self.rules_json = rules


class WorkCategory(FestivalAggregate):
    """The category a work is entered in (a film's duration limit depends on it)."""

    SERVICE = "media-inspection"

    @staticmethod
    def create_id(submission_id: str, **_: Any) -> uuid.UUID:
        return WorkCategory.id_for(submission_id)

    @staticmethod
    def id_for(submission_id: str) -> uuid.UUID:
        return uuid.uuid5(_NAMESPACE, f"work:{submission_id}")

    @event("Recorded")
    def __init__(self, edition: str, submission_id: str, category: str) -> None:
        self.edition, self.submission_id, self.category = edition, submission_id, category

    def change(self, category: str) -> bool:
        if category == self.category:
            return False
        self._changed(category=category)
        return True

    @event("Changed")
    def _changed(self, category: str) -> None:
        self.category = category
