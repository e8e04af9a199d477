"""Edition: the rules of one festival edition and the phases its calendar has reached."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from eventsourcing.domain import event

from festival_events.contracts.registry import EditionRules
from festival_kit.aggregate import FestivalAggregate
from festival_registry.domain import ids

BEFORE, OPEN, CLOSED, DEADLINE_PASSED = "before_window", "window_open", "window_closed", "region_deadline_passed"
JUDGING_OPEN, JUDGING_CLOSED = "judging_open", "judging_closed"
PHASES = (BEFORE, OPEN, CLOSED, DEADLINE_PASSED, JUDGING_OPEN, JUDGING_CLOSED)


def moment_of(rules: EditionRules, phase: str) -> datetime | None:
    """When the edition enters a phase (after `before_window`); None for judging phases it does not configure."""
    judging = rules.judging
    return {OPEN: rules.window_opens, CLOSED: rules.window_closes, DEADLINE_PASSED: rules.region_deadline,
            JUDGING_OPEN: judging and judging.opens, JUDGING_CLOSED: judging and judging.closes}[phase]


def phase_at(rules: EditionRules, now: datetime) -> str:
    """The phase the calendar says the edition is in at `now`."""
    reached = [p for p in PHASES[1:] if (m := moment_of(rules, p)) is not None and m <= now]
    return reached[-1] if reached else BEFORE


def due(rules: EditionRules, recorded: str, now: datetime) -> list[str]:
    """The phases whose moment has passed by `now` and that are not recorded yet, in calendar order."""
    return list(PHASES[PHASES.index(recorded) + 1 : PHASES.index(phase_at(rules, now)) + 1])


class _Phase(FestivalAggregate.Event):
    edition: str
    at: datetime
    PHASE = BEFORE

    def apply(self, aggregate: Any) -> None:
        aggregate.phase = self.PHASE


class Edition(FestivalAggregate):
    """One edition; its phase events are recorded once each, so a replay needs no wall clock."""

    SERVICE = "registry"

    @staticmethod
    def create_id(edition: str) -> uuid.UUID:
        return ids.edition_id(edition)

    @event("Configured")
    def __init__(self, edition: str, rules: dict[str, Any]) -> None:
        self.edition, self.rules_json, self.phase = edition, rules, BEFORE

    @classmethod
    def configure(cls, rules: EditionRules) -> Edition:
        return cls(edition=rules.code, rules=rules.model_dump(mode="json"))

    @property
    def rules(self) -> EditionRules:
        return EditionRules.model_validate(self.rules_json)

    class Reconfigured(FestivalAggregate.Event):
        """New rules for the same edition; consumers read it as the edition's rules from now on."""

        PUBLISHED_AS = "EditionConfigured"
        rules: dict[str, Any]

        def apply(self, aggregate: Any) -> None:
            aggregate.rules_json = self.rules

    class SubmissionWindowOpened(_Phase):
        PUBLISHED_AS, PHASE = "SubmissionWindowOpened", OPEN

    class SubmissionWindowClosed(_Phase):
        PUBLISHED_AS, PHASE = "SubmissionWindowClosed", CLOSED

    class RegionDeadlinePassed(_Phase):
        PUBLISHED_AS, PHASE = "RegionDeadlinePassed", DEADLINE_PASSED

    class JudgingOpened(_Phase):
        PUBLISHED_AS, PHASE = "JudgingOpened", JUDGING_OPEN

    class JudgingClosed(_Phase):
        PUBLISHED_AS, PHASE = "JudgingClosed", JUDGING_CLOSED

    def reconfigure(self, rules: EditionRules) -> bool:
        """Take changed rules (phases already recorded stay recorded); the same rules change nothing."""
        new = rules.model_dump(mode="json")
        if new == self.rules_json:
            return False
        self.trigger_event(self.Reconfigured, rules=new)
        return True

    def advance(self, now: datetime) -> list[str]:
        """Record, in order and once each, every phase whose moment has passed by `now`."""
        rules, recorded = self.rules, due(self.rules, self.phase, now)
        events = {OPEN: self.SubmissionWindowOpened, CLOSED: self.SubmissionWindowClosed,
                  DEADLINE_PASSED: self.RegionDeadlinePassed, JUDGING_OPEN: self.JudgingOpened,
                  JUDGING_CLOSED: self.JudgingClosed}
        for phase in recorded:
            self.trigger_event(events[phase], edition=self.edition, at=moment_of(rules, phase))
        return recorded
