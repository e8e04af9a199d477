"""Reviewer: an admin account as registry published it, so review can check a caller's scope itself."""

from __future__ import annotations

import uuid
from typing import Any

from eventsourcing.domain import event

from festival_kit.aggregate import FestivalAggregate
from festival_kit.context import Cause
from festival_review.domain import refusals

# The roles review needs to know; students are checked against the work's own student id.
REVIEWING_ROLES = frozenset({"school_admin", "region_admin", "province_admin", "auditor"})
ACTIVE, PENDING, REFUSED = "active", "pending", "refused"


class Reviewer(FestivalAggregate):
    """One admin account: role, school or region, and whether it may act (a school admin waits for approval)."""

    SERVICE = "review"

    @staticmethod
    def create_id(account_id: str, **_: Any) -> uuid.UUID:
        return Reviewer.id_for(account_id)

    @staticmethod
    def id_for(account_id: str) -> uuid.UUID:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"festival:review:reviewer:{account_id}")

    @event("Recorded")
    def __init__(self, account_id: str, role: str, school_id: str | None, region_id: str | None,
                 status: str) -> None:
        self.account_id, self.role, self.school_id, self.region_id = account_id, role, school_id, region_id
        self.status = status

    def change_status(self, status: str) -> bool:
        if status == self.status:
            return False
        self._status_changed(status=status)
        return True

    @event("StatusChanged")
    def _status_changed(self, status: str) -> None:
        self.status = status


def acting(cause: Cause, reviewer: Reviewer | None, role: str, caller_school_id: str = "",
           caller_region_id: str = "") -> Reviewer:
    """The caller as a reviewer in `role`: that role, known and approved, its token scope matching its account."""
    if cause.role != role:
        raise refusals.forbidden()
    return in_scope(cause, reviewer, caller_school_id, caller_region_id)


def in_scope(cause: Cause, reviewer: Reviewer | None, caller_school_id: str = "",
             caller_region_id: str = "") -> Reviewer:
    """The caller's reviewer record, refused if unknown, unapproved, or not what the gateway said."""
    if cause.role not in REVIEWING_ROLES:
        raise refusals.forbidden()
    if reviewer is None or reviewer.role != cause.role or reviewer.status != ACTIVE:
        raise refusals.not_approved()
    if caller_school_id and caller_school_id != (reviewer.school_id or ""):
        raise refusals.scope_mismatch()
    if caller_region_id and caller_region_id != (reviewer.region_id or ""):
        raise refusals.scope_mismatch()
    return reviewer
