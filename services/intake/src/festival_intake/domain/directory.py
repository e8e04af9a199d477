"""Directory: the regions and schools registry published, so intake can name them without asking it."""

from __future__ import annotations

import uuid
from typing import Any

from eventsourcing.domain import event

from festival_kit.aggregate import FestivalAggregate


class Directory(FestivalAggregate):
    """Every region (id -> code and names) and school (id -> name and region) of the platform."""

    SERVICE = "intake"
    ID = uuid.uuid5(uuid.NAMESPACE_URL, "festival:intake:directory")

    @staticmethod
    def create_id(**_: Any) -> uuid.UUID:
        return Directory.ID

    @event("Started")
    def __init__(self) -> None:
        self.regions: dict[str, dict[str, str]] = {}
        self.schools: dict[str, dict[str, str]] = {}

    def record_region(self, region_id: str, code: str, name_zh: str, name_en: str) -> bool:
        """Note a region (again only if it changed)."""
        entry = {"code": code, "name_zh": name_zh, "name_en": name_en}
        if self.regions.get(region_id) == entry:
            return False
        self._region_recorded(region_id=region_id, **entry)
        return True

    @event("RegionRecorded")
    def _region_recorded(self, region_id: str, code: str, name_zh: str, name_en: str) -> None:
        self.regions[region_id] = {"code": code, "name_zh": name_zh, "name_en": name_en}

    def record_school(self, school_id: str, name: str, region_id: str) -> bool:
        """Note a school (again only if it changed)."""
        entry = {"name": name, "region_id": region_id}
        if self.schools.get(school_id) == entry:
            return False
        self._school_recorded(school_id=school_id, **entry)
        return True

    @event("SchoolRecorded")
    def _school_recorded(self, school_id: str, name: str, region_id: str) -> None:
        self.schools[school_id] = {"name": name, "region_id": region_id}

    def school_name(self, school_id: str) -> str:
        return self.schools.get(school_id, {}).get("name", "")

    def region_of(self, school_id: str) -> str | None:
        return self.schools.get(school_id, {}).get("region_id")

    def region_name(self, region_id: str | None) -> str:
        return self.regions.get(region_id or "", {}).get("name_zh", "")
