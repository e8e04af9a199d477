"""Account: who may sign in, in which role and scope; a school admin waits for the region admin."""

from __future__ import annotations

import uuid
from typing import Any, get_args

from eventsourcing.domain import event

from festival_events.contracts.registry import Role
from festival_kit.aggregate import FestivalAggregate
from festival_registry.domain import ids, passwords, refusals

ROLES: tuple[str, ...] = get_args(Role)  # the contract names the roles
ACTIVE, PENDING, REFUSED, SUSPENDED = "active", "pending", "refused", "suspended"
STATUSES = (ACTIVE, PENDING, REFUSED, SUSPENDED)
# The scope each role carries: (has a region, has a school).
SCOPE = {
    "student": (True, True), "school_admin": (True, True), "region_admin": (True, False),
    "province_admin": (False, False), "judge": (False, False), "auditor": (False, False),
}
assert set(SCOPE) == set(ROLES), "every role of the contract needs a scope"


class Account(FestivalAggregate):
    """One person's account; its id derives from the username, so a taken username is found by id."""

    SERVICE = "registry"

    @staticmethod
    def create_id(username: str) -> uuid.UUID:
        return ids.account_id(username)

    @event("Opened")
    def __init__(  # the fields of AccountOpened, plus the private hash
        self, edition: str, username: str, display_name: str, role: str, region_id: str | None,
        school_id: str | None, active: bool, password_hash: str,
    ) -> None:
        self.edition, self.username, self.display_name, self.role = edition, username, display_name, role
        self.region_id, self.school_id, self.password_hash = region_id, school_id, password_hash
        self.status = ACTIVE if active else PENDING
        self.decided_by: str | None = None
        self.refusal_reason = ""
        self.judge_profile: dict[str, Any] | None = None
        # Tokens name the generation they were issued in; an event that ends the account's sessions starts a
        # new one (the gateway refuses tokens of an earlier generation).
        self.sessions = 0
        self.suspension_reason = ""

    @classmethod
    def open(cls, edition: str, username: str, password: str, display_name: str, role: str,
             region_id: str | None = None, school_id: str | None = None) -> Account:
        """Open an account; a school admin starts pending, every other role active."""
        if role not in SCOPE:
            raise refusals.unknown_role()
        if SCOPE[role] != (bool(region_id), bool(school_id)):
            raise ValueError(f"a {role} account has scope (region, school) = {SCOPE[role]}")
        return cls(
            edition=edition, username=username, display_name=display_name, role=role, region_id=region_id,
            school_id=school_id, active=role != "school_admin", password_hash=passwords.hash_password(password),
        )

    class SchoolAdminApproved(FestivalAggregate.Event):
        PUBLISHED_AS = "SchoolAdminApproved"
        approved_by: str

        def apply(self, aggregate: Any) -> None:
            aggregate.status, aggregate.decided_by = ACTIVE, self.approved_by

    class SchoolAdminRefused(FestivalAggregate.Event):
        PUBLISHED_AS = "SchoolAdminRefused"
        refused_by: str
        reason: str

        def apply(self, aggregate: Any) -> None:
            aggregate.status, aggregate.decided_by, aggregate.refusal_reason = REFUSED, self.refused_by, self.reason

    class JudgeProfileRecorded(FestivalAggregate.Event):
        PUBLISHED_AS = "JudgeProfileRecorded"
        region_id: str | None
        school_id: str | None
        expertise: list[str]
        declared_persons: list[str]

        def apply(self, aggregate: Any) -> None:
            aggregate.judge_profile = {"region_id": self.region_id, "school_id": self.school_id,
                                       "expertise": self.expertise, "declared_persons": self.declared_persons}

    class AccountSuspended(FestivalAggregate.Event):
        PUBLISHED_AS = "AccountSuspended"
        suspended_by: str
        reason: str
        sessions: int

        def apply(self, aggregate: Any) -> None:
            aggregate.status, aggregate.suspension_reason, aggregate.sessions = SUSPENDED, self.reason, self.sessions

    class AccountReactivated(FestivalAggregate.Event):
        PUBLISHED_AS = "AccountReactivated"
        reactivated_by: str

        def apply(self, aggregate: Any) -> None:
            aggregate.status, aggregate.suspension_reason = ACTIVE, ""

    class PasswordChanged(FestivalAggregate.Event):
        PUBLISHED_AS = "PasswordChanged"
        changed_by: str
        reset: bool  # an admin set it (the person did not type the old one)
        sessions: int
        password_hash: str  # private: the contract does not name it, so it never reaches the log

        def apply(self, aggregate: Any) -> None:
            aggregate.password_hash, aggregate.sessions = self.password_hash, self.sessions

    def suspend(self, by: str, reason: str) -> None:
        """The province suspends an active account: it cannot sign in, and every token it holds stops working."""
        if self.status == SUSPENDED:
            raise refusals.already_suspended()
        if self.status != ACTIVE:
            raise refusals.account_not_active()
        self.trigger_event(self.AccountSuspended, suspended_by=by, reason=reason, sessions=self.sessions + 1)

    def reactivate(self, by: str) -> None:
        if self.status != SUSPENDED:
            raise refusals.not_suspended()
        self.trigger_event(self.AccountReactivated, reactivated_by=by)

    def change_password(self, by: str, new_password: str, reset: bool) -> None:
        """A new password (checked for strength by the caller); every token issued before stops working."""
        self.trigger_event(self.PasswordChanged, changed_by=by, reset=reset, sessions=self.sessions + 1,
                           password_hash=passwords.hash_password(new_password))

    def record_judge_profile(self, region_id: str | None, school_id: str | None, expertise: list[str],
                             declared_persons: list[str]) -> None:
        """Where a judge works, what they judge and whom they know (the conflict rules read it)."""
        if self.role != "judge":
            raise refusals.unknown_role()
        self.trigger_event(self.JudgeProfileRecorded, region_id=region_id, school_id=school_id,
                           expertise=expertise, declared_persons=declared_persons)

    def decide(self, decided_by: str, approve: bool, reason: str = "") -> None:
        """The region admin's decision on a pending school admin: once, and a refusal says why."""
        if self.role != "school_admin":
            raise refusals.not_a_school_admin()
        if self.status != PENDING:
            raise refusals.already_decided()
        if approve:
            self.trigger_event(self.SchoolAdminApproved, approved_by=decided_by)
        elif not reason.strip():
            raise refusals.reason_required()
        else:
            self.trigger_event(self.SchoolAdminRefused, refused_by=decided_by, reason=reason)

    def check_password(self, password: str) -> bool:
        return passwords.matches(self.password_hash, password)

    def check_can_sign_in(self) -> None:
        """Only active accounts sign in; the others learn why."""
        if self.status == PENDING:
            raise refusals.account_pending()
        if self.status == REFUSED:
            raise refusals.account_refused()
        if self.status == SUSPENDED:
            raise refusals.account_suspended()
