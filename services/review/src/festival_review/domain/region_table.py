"""RegionTable: a region's statistics table (统计表) filings for one edition."""

from __future__ import annotations

import uuid
from typing import Any

from eventsourcing.domain import event

from festival_kit.aggregate import FestivalAggregate


class RegionTable(FestivalAggregate):
    """Every filing of one region's table; the last one is what the province sees."""

    SERVICE = "review"

    @staticmethod
    def create_id(edition: str, region_id: str, **_: Any) -> uuid.UUID:
        return RegionTable.id_for(edition, region_id)

    @staticmethod
    def id_for(edition: str, region_id: str) -> uuid.UUID:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"festival:review:region-table:{edition}:{region_id}")

    @event("Opened")
    def __init__(self, edition: str, region_id: str) -> None:
        self.edition, self.region_id = edition, region_id
        self.filings: list[dict[str, Any]] = []

    class Filed(FestivalAggregate.Event):
        """The sha256 and count are published; the rows and their as-of time stay in review's store, so
        the filed table can be rebuilt byte for byte."""

        region_id: str
        sha256: str
        works: int
        rows: list[list[str]]
        as_of: str

        def apply(self, table: Any) -> None:
            table.filings.append({"sha256": self.sha256, "works": self.works, "rows": self.rows,
                                  "as_of": self.as_of, "at": self.timestamp, "by": self.meta["account_id"]})

    def file(self, sha256: str, rows: list[list[str]], as_of: str) -> None:
        """Record a filing of the table with these rows (filing again before the deadline replaces it)."""
        self.trigger_event(self.Filed, region_id=self.region_id, sha256=sha256, works=len(rows), rows=rows,
                           as_of=as_of)

    @property
    def last(self) -> dict[str, Any] | None:
        return self.filings[-1] if self.filings else None
