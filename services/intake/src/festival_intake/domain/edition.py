"""EditionView: intake's own record of an edition as registry published it (rules and window phase)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from eventsourcing.domain import event

from festival_events.contracts.registry import EditionRules
from festival_kit.aggregate import FestivalAggregate

BEFORE, OPEN, CLOSED = "before_window", "window_open", "window_closed"


class EditionView(FestivalAggregate):
    """One edition's rules and whether its submission window is open, fed by registry's events."""

    SERVICE = "intake"

    @staticmethod
    def create_id(edition: str, **_: Any) -> uuid.UUID:
        return EditionView.id_for(edition)

    @staticmethod
    def id_for(edition: str) -> uuid.UUID:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"festival:intake:edition:{edition}")

    @event("Recorded")
    def __init__(self, edition: str, rules: dict[str, Any]) -> None:
        self.edition, self.rules_json, self.phase = edition, rules, BEFORE

    @classmethod
    def record(cls, rules: EditionRules) -> EditionView:
        return cls(edition=rules.code, rules=rules.model_dump(mode="json"))

    @property
    def rules(self) -> EditionRules:
        return EditionRules.model_validate(self.rules_json)

    @property
    def window_open(self) -> bool:
        return self.phase == OPEN

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

    def open_window(self, at: datetime) -> bool:
        if self.phase == OPEN:
            return False
        self._window_opened(at=at)
        return True

    @event("WindowOpened")
    def _window_opened(self, at: datetime) -> None:
        self.phase = OPEN

    def close_window(self, at: datetime) -> bool:
        if self.phase == CLOSED:
            return False
        self._window_closed(at=at)
        return True

    @event("WindowClosed")
    def _window_closed(self, at: datetime) -> None:
        self.phase = CLOSED
