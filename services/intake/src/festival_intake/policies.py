"""How intake reacts to what registry, review and media-inspection publish.

Each handler returns the aggregates it changed.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

import structlog
from eventsourcing.application import AggregateNotFoundError

from festival_events import contracts
from festival_events.contracts import awards, inspection
from festival_events.contracts import registry as reg
from festival_events.contracts import review
from festival_events.envelope import Envelope
from festival_intake.domain.directory import Directory
from festival_intake.domain.edition import EditionView
from festival_intake.domain.submission import Submission

if TYPE_CHECKING:
    from festival_kit.consumer import Handler
    from festival_intake.views import SubmissionIndex

log = structlog.get_logger()

CONSUMER = "intake"
SUBJECTS = ["festival.registry.>", "festival.review.WorkReturned", "festival.media-inspection.InspectionStarted",
            "festival.media-inspection.InspectionCompleted", "festival.awards.SourceFilesRequested"]


class IntakePolicies:
    """The consumer side of IntakeApplication (mixed into it)."""

    index: SubmissionIndex
    repository: Any

    def handlers(self) -> dict[str, Handler]:
        """Event type -> handler, for the durable consumer."""
        return {
            "EditionConfigured": self.on_edition_configured,
            "SubmissionWindowOpened": self.on_window_opened,
            "SubmissionWindowClosed": self.on_window_closed,
            "RegionRegistered": self.on_region_registered,
            "SchoolRegistered": self.on_school_registered,
            "WorkReturned": self.on_work_returned,
            "InspectionStarted": self.on_inspection_started,
            "InspectionCompleted": self.on_inspection_completed,
            "SourceFilesRequested": self.on_source_requested,
        }

    def on_edition_configured(self, env: Envelope) -> list[Any]:
        rules = _read(env, reg.EditionConfigured).rules
        view = self._find(EditionView.id_for(rules.code))
        if view is None:
            return [EditionView.record(rules)]
        return [view] if view.reconfigure(rules) else []

    def on_window_opened(self, env: Envelope) -> list[Any]:
        phase = _read(env, reg.SubmissionWindowOpened)
        view = self._find(EditionView.id_for(phase.edition))
        if view is None:
            log.warning("intake.window_of_unknown_edition", edition=phase.edition)
            return []
        return [view] if view.open_window(phase.at) else []

    def on_window_closed(self, env: Envelope) -> list[Any]:
        """Close the window and withdraw every unfinished work of the edition, in one transaction."""
        phase = _read(env, reg.SubmissionWindowClosed)
        view = self._find(EditionView.id_for(phase.edition))
        if view is None or not view.close_window(phase.at):
            return []
        withdrawn = []
        for sub_id in self.index.unfinished(phase.edition):
            sub = self.repository.get(uuid.UUID(sub_id))
            if sub.withdraw_at_close():
                withdrawn.append(sub)
        log.info("intake.window_closed", edition=phase.edition, withdrawn=len(withdrawn))
        return [view, *withdrawn]

    def on_region_registered(self, env: Envelope) -> list[Any]:
        region = _read(env, reg.RegionRegistered)
        directory = self._find(Directory.ID) or Directory()
        changed = directory.record_region(env.aggregate_id, region.code, region.name_zh, region.name_en)
        return [directory] if changed else []

    def on_school_registered(self, env: Envelope) -> list[Any]:
        school = _read(env, reg.SchoolRegistered)
        directory = self._find(Directory.ID) or Directory()
        changed = directory.record_school(env.aggregate_id, school.name, school.region_id)
        return [directory] if changed else []

    def on_work_returned(self, env: Envelope) -> list[Any]:
        """Reopen the returned version for fixes; a stale or repeated return changes nothing."""
        returned = _read(env, review.WorkReturned)
        try:
            sub = self._find(uuid.UUID(returned.submission_id))
        except ValueError:
            sub = None
        if not isinstance(sub, Submission):
            log.warning("intake.return_of_unknown_work", submission_id=returned.submission_id)
            return []
        role = f"{returned.level}_admin"
        changed = sub.reopen(returned.submission_version, role, returned.reason_code, returned.reason)
        return [sub] if changed else []

    def on_inspection_started(self, env: Envelope) -> list[Any]:
        started = _read(env, inspection.InspectionStarted)
        sub = self._submission(started.submission_id)
        changed = sub is not None and sub.inspection_started(started.upload_id, started.slot, env.aggregate_id)
        return [sub] if changed else []

    def on_inspection_completed(self, env: Envelope) -> list[Any]:
        """Show the report on the work; a report of a file since replaced changes nothing."""
        done = _read(env, inspection.InspectionCompleted)
        sub = self._submission(done.submission_id)
        checks = [c.model_dump(mode="json") for c in done.checks]
        changed = sub is not None and sub.file_inspected(done.upload_id, done.slot, env.aggregate_id, done.category,
                                                         done.verdict, checks)
        return [sub] if changed else []

    def on_source_requested(self, env: Envelope) -> list[Any]:
        """Open the work's `source` slot for the files the province asked for (附件 四.4)."""
        asked = _read(env, awards.SourceFilesRequested)
        sub = self._submission(asked.submission_id)
        changed = sub is not None and sub.source_requested(asked.deadline, asked.note)
        return [sub] if changed else []

    def _submission(self, submission_id: str) -> Submission | None:
        try:
            sub = self._find(uuid.UUID(submission_id))
        except ValueError:
            sub = None
        if not isinstance(sub, Submission):
            log.warning("intake.inspection_of_unknown_work", submission_id=submission_id)
            return None
        return sub

    def _find(self, aggregate_id: uuid.UUID) -> Any:
        try:
            return self.repository.get(aggregate_id)
        except AggregateNotFoundError:
            return None


def _read(env: Envelope, contract: type[contracts.Contract]) -> Any:
    payload = contracts.read(env)
    assert isinstance(payload, contract), f"{env.type} is not {contract.__name__}"
    return payload
