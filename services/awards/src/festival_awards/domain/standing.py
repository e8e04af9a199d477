"""Standing: a judging round as awards sees it — its category and the latest results scoring computed."""

from __future__ import annotations

import uuid
from typing import Any

from eventsourcing.domain import event

from festival_kit.aggregate import FestivalAggregate


class Standing(FestivalAggregate):
    """One round: category, and the last `RoundResultsComputed` (its event id, sheets, method and works)."""

    SERVICE = "awards"

    @staticmethod
    def create_id(round_id: str, **_: Any) -> uuid.UUID:
        return Standing.id_for(round_id)

    @staticmethod
    def id_for(round_id: str) -> uuid.UUID:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"festival:awards:standing:{round_id}")

    @event("Opened")
    def __init__(self, round_id: str, edition: str, category: str) -> None:
        self.round_id, self.edition, self.category = round_id, edition, category
        self.results: dict[str, Any] | None = None

    def note_results(self, results_event_id: str, final: bool, method: dict[str, Any], sheets: list[dict[str, Any]],
                     works: list[dict[str, Any]]) -> bool:
        if self.results is not None and self.results["results_event_id"] == results_event_id:
            return False
        self._results_noted(results_event_id=results_event_id, final=final, method=method, sheets=sheets,
                            works=works)
        return True

    @event("ResultsNoted")
    def _results_noted(self, results_event_id: str, final: bool, method: dict[str, Any],
                       sheets: list[dict[str, Any]], works: list[dict[str, Any]]) -> None:
        self.results = {"results_event_id": results_event_id, "final": final, "method": method, "sheets": sheets,
                        "works": works}
