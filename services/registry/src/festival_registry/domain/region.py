"""Regions (市州) and their schools; a school takes part once its first school admin is approved."""

from __future__ import annotations

import uuid

from eventsourcing.domain import event

from festival_kit.aggregate import FestivalAggregate
from festival_registry.domain import ids


class Region(FestivalAggregate):
    """A region of the festival, named by a stable code (its id derives from the code)."""

    SERVICE = "registry"

    @staticmethod
    def create_id(code: str) -> uuid.UUID:
        return ids.region_id(code)

    @event("Registered")
    def __init__(self, edition: str, code: str, name_zh: str, name_en: str) -> None:
        self.edition, self.code, self.name_zh, self.name_en = edition, code, name_zh, name_en


class School(FestivalAggregate):
    """A school of one region, registered by the teacher who asks to be its school admin."""

    SERVICE = "registry"

    @staticmethod
    def create_id(region_id: str, name: str) -> uuid.UUID:
        return ids.school_id(region_id, name)

    @event("Registered")
    def __init__(self, edition: str, name: str, region_id: str) -> None:
        self.edition, self.name, self.region_id = edition, name, region_id
        self.approved = False

    def approve(self, approved_by: str, school_admin_id: str) -> bool:
        """Approve the school with its first approved school admin; later admins change nothing."""
        if self.approved:
            return False
        self._approved(approved_by=approved_by, school_admin_id=school_admin_id)
        return True

    @event("Approved")
    def _approved(self, approved_by: str, school_admin_id: str) -> None:
        self.approved = True
