"""Judge: a judge account as registry published it, with the profile the conflict rules read."""

from __future__ import annotations

import uuid
from typing import Any

from eventsourcing.domain import event

from festival_decisions.judging.assignment import Judge as Eligible
from festival_kit.aggregate import FestivalAggregate
from festival_decisions.names import person


class ScoringJudge(FestivalAggregate):
    """One judge: name (the province sees it, works never do), affiliation, expertise, declared persons."""

    SERVICE = "scoring"

    @staticmethod
    def create_id(account_id: str, **_: Any) -> uuid.UUID:
        return ScoringJudge.id_for(account_id)

    @staticmethod
    def id_for(account_id: str) -> uuid.UUID:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"festival:scoring:judge:{account_id}")

    @event("Recorded")
    def __init__(self, account_id: str, display_name: str, active: bool) -> None:
        self.account_id, self.display_name, self.active = account_id, display_name, active
        self.region_id: str | None = None
        self.school_id: str | None = None
        self.expertise: list[str] = []
        self.declared_persons: list[str] = []

    def change_profile(self, region_id: str | None, school_id: str | None, expertise: list[str],
                       declared_persons: list[str]) -> bool:
        new = (region_id, school_id, expertise, declared_persons)
        if new == (self.region_id, self.school_id, self.expertise, self.declared_persons):
            return False
        self._profile_changed(region_id=region_id, school_id=school_id, expertise=expertise,
                              declared_persons=declared_persons)
        return True

    @event("ProfileChanged")
    def _profile_changed(self, region_id: str | None, school_id: str | None, expertise: list[str],
                         declared_persons: list[str]) -> None:
        self.region_id, self.school_id = region_id, school_id
        self.expertise, self.declared_persons = expertise, declared_persons

    def judges(self, category: str) -> bool:
        """An empty expertise means every category."""
        return not self.expertise or category in self.expertise

    def eligible(self) -> Eligible:
        """What the assignment rule reads of this judge."""
        return Eligible(self.account_id, self.region_id, self.school_id,
                        frozenset(person(n) for n in self.declared_persons))
