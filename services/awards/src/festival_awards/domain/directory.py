"""Directory: the names of regions and schools (registry's events) and when each region filed its table."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from eventsourcing.domain import event

from festival_kit.aggregate import FestivalAggregate

DIRECTORY_ID = uuid.uuid5(uuid.NAMESPACE_URL, "festival:awards:directory")


class Directory(FestivalAggregate):
    """region id -> name; school id -> (name, region id); (edition, region id) -> when the table was filed."""

    SERVICE = "awards"

    @staticmethod
    def create_id(**_: Any) -> uuid.UUID:
        return DIRECTORY_ID

    @event("Started")
    def __init__(self) -> None:
        self.regions: dict[str, str] = {}
        self.schools: dict[str, dict[str, str]] = {}
        self.filed: dict[str, str] = {}  # "edition/region" -> ISO time of the (first) filing

    def note_region(self, region_id: str, name_zh: str) -> bool:
        if self.regions.get(region_id) == name_zh:
            return False
        self._region_noted(region_id=region_id, name_zh=name_zh)
        return True

    @event("RegionNoted")
    def _region_noted(self, region_id: str, name_zh: str) -> None:
        self.regions[region_id] = name_zh

    def note_school(self, school_id: str, name: str, region_id: str) -> bool:
        if self.schools.get(school_id) == {"name": name, "region_id": region_id}:
            return False
        self._school_noted(school_id=school_id, name=name, region_id=region_id)
        return True

    @event("SchoolNoted")
    def _school_noted(self, school_id: str, name: str, region_id: str) -> None:
        self.schools[school_id] = {"name": name, "region_id": region_id}

    def note_filing(self, edition: str, region_id: str, at: datetime) -> bool:
        if f"{edition}/{region_id}" in self.filed:
            return False
        self._table_filed(region_id=region_id, edition=edition, at=at)
        return True

    @event("TableFiled")
    def _table_filed(self, region_id: str, edition: str, at: datetime) -> None:
        self.filed[f"{edition}/{region_id}"] = at.isoformat()

    def school_name(self, school_id: str) -> str:
        return self.schools.get(school_id, {}).get("name", "")

    def region_name(self, region_id: str) -> str:
        return self.regions.get(region_id, "")
