"""Entrants: the qualified works of each category of an edition, in the order they were qualified."""

from __future__ import annotations

import uuid
from typing import Any

from eventsourcing.domain import event

from festival_kit.aggregate import FestivalAggregate


class Entrants(FestivalAggregate):
    """category -> qualified work ids; a disqualified work leaves its list."""

    SERVICE = "scoring"

    @staticmethod
    def create_id(edition: str, **_: Any) -> uuid.UUID:
        return Entrants.id_for(edition)

    @staticmethod
    def id_for(edition: str) -> uuid.UUID:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"festival:scoring:entrants:{edition}")

    @event("Started")
    def __init__(self, edition: str) -> None:
        self.edition = edition
        self.qualified: dict[str, list[str]] = {}

    def enter(self, category: str, work_id: str) -> bool:
        if work_id in self.qualified.get(category, []):
            return False
        self._entered(category=category, work_id=work_id)
        return True

    @event("WorkEntered")
    def _entered(self, category: str, work_id: str) -> None:
        self.qualified.setdefault(category, []).append(work_id)

    def leave(self, work_id: str) -> bool:
        category = next((c for c, ids in self.qualified.items() if work_id in ids), None)
        if category is None:
            return False
        self._left(category=category, work_id=work_id)
        return True

    @event("WorkLeft")
    def _left(self, category: str, work_id: str) -> None:
        self.qualified[category].remove(work_id)

    def of(self, category: str) -> list[str]:
        return list(self.qualified.get(category, []))
