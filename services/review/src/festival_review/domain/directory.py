"""ReviewDirectory: the regions and schools registry published, so tables and filings can name them."""

from __future__ import annotations

import uuid
from typing import Any

from eventsourcing.domain import event

from festival_kit.aggregate import FestivalAggregate


class ReviewDirectory(FestivalAggregate):
    """Every region (id -> names) and school (id -> name and region) of the platform."""

    SERVICE = "review"
    ID = uuid.uuid5(uuid.NAMESPACE_URL, "festival:review:directory")

    @staticmethod
    def create_id(**_: Any) -> uuid.UUID:
        return ReviewDirectory.ID

    @event("Started")
    def __init__(self) -> None:
        self.regions: dict[str, dict[str, str]] = {}
        self.schools: dict[str, dict[str, str]] = {}

    def record_region(self, region_id: str, name_zh: str, name_en: str) -> bool:
        """Note a region (again only if it changed)."""
        if self.regions.get(region_id) == {"name_zh": name_zh, "name_en": name_en}:
            return False
        self._region_recorded(region_id=region_id, name_zh=name_zh, name_en=name_en)
        return True

    @event("RegionRecorded")
    def _region_recorded(self, region_id: str, name_zh: str, name_en: str) -> None:
        self.regions[region_id] = {"name_zh": name_zh, "name_en": name_en}

    def record_school(self, school_id: str, name: str, region_id: str) -> bool:
        """Note a school (again only if it changed)."""
        if self.schools.get(school_id) == {"name": name, "region_id": region_id}:
            return False
        self._school_recorded(school_id=school_id, name=name, region_id=region_id)
        return True

    @event("SchoolRecorded")
    def _school_recorded(self, school_id: str, name: str, region_id: str) -> None:
        self.schools[school_id] = {"name": name, "region_id": region_id}

    def school_name(self, school_id: str) -> str:
        return self.schools.get(school_id, {}).get("name", school_id)

    def region_name(self, region_id: str | None) -> str:
        return self.regions.get(region_id or "", {}).get("name_zh", region_id or "")
