"""NotificationDirectory: the admins to tell (school admins per school, region admins per region), and the
editions the notifier follows. Fed by registry's AccountOpened and SchoolAdminApproved.
"""

from __future__ import annotations

import uuid
from typing import Any

from eventsourcing.domain import event

from festival_kit.aggregate import FestivalAggregate

ADMIN_ROLES = frozenset({"school_admin", "region_admin", "province_admin"})


class NotificationDirectory(FestivalAggregate):
    """Admin accounts (account id -> role, school, region, active) and known edition codes."""

    SERVICE = "review"
    ID = uuid.uuid5(uuid.NAMESPACE_URL, "festival:review:notification-directory")

    @staticmethod
    def create_id(**_: Any) -> uuid.UUID:
        return NotificationDirectory.ID

    @event("Started")
    def __init__(self) -> None:
        self.admins: dict[str, dict[str, Any]] = {}
        self.editions: list[str] = []

    def note_admin(self, account_id: str, role: str, school_id: str | None, region_id: str | None,
                   active: bool) -> bool:
        """Remember an admin account (again only if something changed)."""
        entry = {"role": role, "school_id": school_id, "region_id": region_id, "active": active}
        if role not in ADMIN_ROLES or self.admins.get(account_id) == entry:
            return False
        self._admin_noted(account_id=account_id, **entry)
        return True

    @event("AdminNoted")
    def _admin_noted(self, account_id: str, role: str, school_id: str | None, region_id: str | None,
                     active: bool) -> None:
        self.admins[account_id] = {"role": role, "school_id": school_id, "region_id": region_id, "active": active}

    def activate(self, account_id: str) -> bool:
        """A school admin approved by its region: from now on it is told about its school's works."""
        entry = self.admins.get(account_id)
        if entry is None or entry["active"]:
            return False
        return self.note_admin(account_id, **{**entry, "active": True})

    def note_edition(self, edition: str) -> bool:
        if edition in self.editions:
            return False
        self._edition_noted(edition=edition)
        return True

    @event("EditionNoted")
    def _edition_noted(self, edition: str) -> None:
        self.editions.append(edition)

    def school_admins(self, school_id: str) -> list[str]:
        return self._active("school_admin", school_id=school_id)

    def province_admins(self) -> list[str]:
        return self._active("province_admin")

    def region_admins(self) -> dict[str, list[str]]:
        """Active region admins by region."""
        by_region: dict[str, list[str]] = {}
        for account_id in self._active("region_admin"):
            by_region.setdefault(self.admins[account_id]["region_id"] or "", []).append(account_id)
        return by_region

    def _active(self, role: str, **where: str) -> list[str]:
        return sorted(a for a, e in self.admins.items()
                      if e["role"] == role and e["active"] and all(e[k] == v for k, v in where.items()))
