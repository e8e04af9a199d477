"""Exhibition: 第四阶段 展示交流 — the province releases every region's best works to each region, once."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from eventsourcing.domain import event

from festival_awards.domain import refusals
from festival_kit import clock
from festival_kit.aggregate import FestivalAggregate


class Exhibition(FestivalAggregate):
    """region id -> the works released to it and the province's note."""

    SERVICE = "awards"

    @staticmethod
    def create_id(edition: str, **_: Any) -> uuid.UUID:
        return Exhibition.id_for(edition)

    @staticmethod
    def id_for(edition: str) -> uuid.UUID:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"festival:awards:exhibition:{edition}")

    @event("Started")
    def __init__(self, edition: str) -> None:
        self.edition = edition
        self.released: dict[str, dict[str, Any]] = {}

    def release(self, region_id: str, note: str, work_ids: list[str]) -> None:
        if region_id in self.released:
            raise refusals.already_released()
        self._released(region_id=region_id, note=note, work_ids=work_ids, at=clock.now())

    @event("Released")
    def _released(self, region_id: str, note: str, work_ids: list[str], at: datetime) -> None:
        self.released[region_id] = {"note": note, "work_ids": work_ids, "at": at}
