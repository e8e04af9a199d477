"""Register: an edition's works, judging rounds and certificates (code, work, scope): what lists are read from."""

from __future__ import annotations

import uuid
from typing import Any

from eventsourcing.domain import event

from festival_kit.aggregate import FestivalAggregate


class Register(FestivalAggregate):
    """The edition's works and judging rounds (in the order they appeared) and certificates (as issued)."""

    SERVICE = "awards"

    @staticmethod
    def create_id(edition: str, **_: Any) -> uuid.UUID:
        return Register.id_for(edition)

    @staticmethod
    def id_for(edition: str) -> uuid.UUID:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"festival:awards:register:{edition}")

    @event("Started")
    def __init__(self, edition: str) -> None:
        self.edition = edition
        self.works: list[str] = []
        self.rounds: list[str] = []
        self.certificates: list[dict[str, str]] = []

    def enter_work(self, work_id: str) -> bool:
        if work_id in self.works:
            return False
        self._work_entered(work_id=work_id)
        return True

    @event("WorkEntered")
    def _work_entered(self, work_id: str) -> None:
        self.works.append(work_id)

    def enter_round(self, round_id: str) -> bool:
        if round_id in self.rounds:
            return False
        self._round_entered(round_id=round_id)
        return True

    @event("RoundEntered")
    def _round_entered(self, round_id: str) -> None:
        self.rounds.append(round_id)

    def enter_certificates(self, entries: list[dict[str, str]]) -> None:
        """entries: {code, kind, work_id, student_id, school_id, region_id} of newly issued certificates."""
        if entries:
            self._certificates_entered(entries=entries)

    @event("CertificatesEntered")
    def _certificates_entered(self, entries: list[dict[str, str]]) -> None:
        self.certificates.extend(entries)

    def codes_of(self, work_id: str) -> list[str]:
        return [e["code"] for e in self.certificates if e["work_id"] == work_id and e["kind"] == "work"]
