"""The inspection application: begin and complete an Inspection, whichever of the N workers calls it.

Every worker process is this application on the same store (PostgreSQL, or one SQLite file locally), so
an inspection one worker started is the one the next worker finds; a race between two saves of the same
inspection is an IntegrityError, answered by reading it again.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError, OperationalError

from festival_decisions.inspection import Report
from festival_events.contracts.registry import EditionRules
from festival_inspection.worker.domain.inspection import Inspection, inspection_id
from festival_inspection.worker.domain.views import InspectionRules, WorkCategory
from festival_inspection.worker.policies import WorkerPolicies
from festival_inspection.worker.views import InspectionIndex
from festival_kit.application import FestivalApplication

T = TypeVar("T")


@dataclass(frozen=True)
class Upload:
    """One confirmed upload, as intake's FileConfirmed names it."""

    edition: str
    submission_id: str
    upload_id: str
    slot: str
    object_key: str
    size: int

    @property
    def inspection_id(self) -> uuid.UUID:
        return inspection_id(self.submission_id, self.upload_id)


class InspectionApplication(WorkerPolicies, FestivalApplication):
    """Inspections of uploaded files; the editions' rules and the works' categories the workers need."""

    SERVICE: ClassVar[str] = "media-inspection"

    def __init__(self, env: dict[str, str] | None = None):
        super().__init__(env)
        self.index = InspectionIndex(self)

    def begin(self, upload: Upload, category: str | None, worker: str) -> Inspection | None:
        """The inspection this worker now runs, or None when it is already completed (nothing to do)."""

        def attempt() -> Inspection | None:
            found = self.find(upload.inspection_id)
            if found is not None and found.completed:
                return None
            if found is None:
                found = Inspection(edition=upload.edition, submission_id=upload.submission_id,
                                   upload_id=upload.upload_id, slot=upload.slot, object_key=upload.object_key,
                                   size=upload.size, category=category, worker=worker)
            else:
                found.restart(worker)
            self.save(found)
            return found

        return _retrying(attempt)

    def complete(self, inspection: Inspection, report: Report, *, measurements: dict[str, Any], content_hash: str,
                 fingerprint: dict[str, Any] | None, duplicate_of: dict[str, Any] | None, elapsed_s: float,
                 worker: str) -> Inspection:
        """Record the report and its measurements; if another worker completed it meanwhile, theirs stands."""

        def attempt() -> Inspection:
            current = self.find(inspection.id)
            if current.completed:
                return current
            current.complete(report, measurements=measurements, content_hash=content_hash, fingerprint=fingerprint,
                             duplicate_of=duplicate_of, elapsed_s=elapsed_s, worker=worker)
            self.save(current)
            return current

        return _retrying(attempt)

    # -- queries --------------------------------------------------------------------------------------------

    def find(self, aggregate_id: uuid.UUID) -> Any:
        try:
            return self.repository.get(aggregate_id)
        except AggregateNotFoundError:
            return None

    def rules_of(self, edition: str) -> EditionRules | None:
        view = self.find(InspectionRules.id_for(edition))
        return view.rules if view else None

    def category_of(self, submission_id: str) -> str | None:
        view = self.find(WorkCategory.id_for(submission_id))
        return view.category if view else None

    def inspections_of(self, submission_id: str) -> list[Inspection]:
        """Every inspection of a submission's uploads, oldest first."""
        return [self.repository.get(i) for i in self.index.of_submission(submission_id)]


def _retrying(attempt: Callable[[], T], tries: int = 5) -> T:
    """Run a read-then-save again after a conflicting save or a busy SQLite file (another worker wrote)."""
    for n in range(tries):
        try:
            return attempt()
        except (IntegrityError, OperationalError):
            if n == tries - 1:
                raise
            time.sleep(0.05 * 2**n)
    raise AssertionError("unreachable")
