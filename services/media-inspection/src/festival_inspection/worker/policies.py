"""How the workers keep their views: registry's edition rules and intake's categories, in log order."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from eventsourcing.application import AggregateNotFoundError

from festival_events import contracts
from festival_events.contracts import intake
from festival_events.contracts import registry as reg
from festival_events.envelope import Envelope
from festival_inspection.worker.domain.views import InspectionRules, WorkCategory

if TYPE_CHECKING:
    from festival_kit.consumer import Handler

# One durable, ordered consumer shared by every worker. FileConfirmed is on it only to move its position
# past each upload, so a worker holding an upload can tell "not yet seen" from "never published".
VIEWS_CONSUMER = "media-inspection-views"
VIEWS_SUBJECTS = [
    "festival.registry.EditionConfigured",
    "festival.intake.SubmissionDrafted",
    "festival.intake.DraftEdited",
    "festival.intake.FileConfirmed",
]


class WorkerPolicies:
    """The consumer side of InspectionApplication (mixed into it)."""

    repository: Any

    def handlers(self) -> dict[str, Handler]:
        """Event type -> handler, for the ordered views consumer."""
        return {
            "EditionConfigured": self.on_edition_configured,
            "SubmissionDrafted": self.on_drafted,
            "DraftEdited": self.on_draft_edited,
        }

    def on_edition_configured(self, env: Envelope) -> list[Any]:
        rules = _read(env, reg.EditionConfigured).rules
        view = self._view(InspectionRules.id_for(rules.code))
        if view is None:
            return [InspectionRules.record(rules)]
        return [view] if view.reconfigure(rules) else []

    def on_drafted(self, env: Envelope) -> list[Any]:
        drafted = _read(env, intake.SubmissionDrafted)
        if self._view(WorkCategory.id_for(env.aggregate_id)) is not None:
            return []
        return [WorkCategory(edition=drafted.edition, submission_id=env.aggregate_id, category=drafted.category)]

    def on_draft_edited(self, env: Envelope) -> list[Any]:
        edited = _read(env, intake.DraftEdited)
        view = self._view(WorkCategory.id_for(env.aggregate_id))
        return [view] if view is not None and view.change(edited.category) else []

    def _view(self, aggregate_id) -> Any:
        try:
            return self.repository.get(aggregate_id)
        except AggregateNotFoundError:
            return None


def _read(env: Envelope, contract: type[contracts.Contract]) -> Any:
    payload = contracts.read(env)
    assert isinstance(payload, contract), f"{env.type} is not {contract.__name__}"
    return payload
