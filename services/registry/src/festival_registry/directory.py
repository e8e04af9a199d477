"""The registry's own index: which aggregates of each kind exist, caught up from its notification log."""

from __future__ import annotations

from collections import defaultdict
from typing import Any
from uuid import UUID

from eventsourcing.persistence import ApplicationRecorder

BATCH = 500


class Directory:
    """Ids of every aggregate by class name, in creation order; lists read the aggregates by these ids."""

    def __init__(self, recorder: ApplicationRecorder):
        self.recorder = recorder
        self.after = 0
        self._ids: dict[str, list[UUID]] = defaultdict(list)

    def ids_of(self, kind: type[Any]) -> list[UUID]:
        self.catch_up()
        return list(self._ids[kind.__name__])

    def catch_up(self) -> None:
        """Read the notifications stored since the last call (this or another process may have saved)."""
        while batch := self.recorder.select_notifications(start=self.after + 1, limit=BATCH):
            for notification in batch:
                if notification.originator_version == 1:
                    # A created event's topic is "module:Aggregate.Event": the aggregate class names the kind.
                    kind = notification.topic.rsplit(":", 1)[-1].split(".")[0]
                    self._ids[kind].append(UUID(str(notification.originator_id)))
            self.after = batch[-1].id
