"""Base of every service's eventsourcing application: process recorder, tracked saves, envelopes."""

from __future__ import annotations

from typing import Any, ClassVar

import uuid

from eventsourcing.application import AggregateNotFoundError, Application, ProcessingEvent
from eventsourcing.persistence import ProcessRecorder, Tracking

from festival_events.envelope import Envelope
from festival_kit.aggregate import envelope_of


class FestivalApplication(Application):
    """A service's event store; it can also record which log messages it has processed."""

    SERVICE: ClassVar[str]

    def construct_recorder(self) -> ProcessRecorder:
        return self.factory.process_recorder()

    def find(self, aggregate_id: uuid.UUID | None) -> Any:
        """The aggregate with this id, or None when the store has none (nor any id was given)."""
        if aggregate_id is None:
            return None
        try:
            return self.repository.get(aggregate_id)
        except AggregateNotFoundError:
            return None

    def read_only(self, aggregate_id: uuid.UUID) -> Any:
        """The aggregate for a query: the cached object itself, not a copy to change (raises
        AggregateNotFoundError). Only for an application whose cache its own saves keep
        (AGGREGATE_CACHE_FASTFORWARD off): then a cached aggregate is replaced on a save, never changed in place."""
        return self.repository.get(aggregate_id, deepcopy_from_cache=self.repository.fastforward)

    def processed(self, consumer: str, stream_sequence: int) -> bool:
        """True when this consumer already processed that stream sequence (or a later one)."""
        return self.recorder.has_tracking_id(consumer, stream_sequence)

    def save_tracked(self, consumer: str, stream_sequence: int, *aggregates: Any) -> None:
        """Store the aggregates' new events and the consumer's position in one transaction."""
        processing = ProcessingEvent(Tracking(application_name=consumer, notification_id=stream_sequence))
        processing.collect_events(*aggregates)
        self._record(processing)

    def envelopes(self, after: int, limit: int) -> list[tuple[int, Envelope]]:
        """Stored events after a notification id, as (notification id, envelope), in store order."""
        notifications = self.recorder.select_notifications(start=after + 1, limit=limit)
        return [
            (n.id, envelope_of(self.mapper.to_domain_event(n), self.SERVICE)) for n in notifications
        ]

    def max_notification_id(self) -> int:
        return self.recorder.max_notification_id() or 0
