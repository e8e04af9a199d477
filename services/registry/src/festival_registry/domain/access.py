"""Who may do what: the caller is the active account named by the request's cause, in its own role."""

from __future__ import annotations

from festival_registry.domain import refusals
from festival_registry.domain.account import ACTIVE, Account

EVERYWHERE = ("province_admin", "auditor")  # roles that see every account


def require(caller: Account | None, *roles: str) -> Account:
    """The caller, if it is signed in and holds one of the roles."""
    if caller is None:
        raise refusals.not_logged_in()
    if caller.status != ACTIVE or caller.role not in roles:
        raise refusals.forbidden()
    return caller


def may_read(caller: Account, account: Account) -> bool:
    """An account is seen by itself, by province admins and auditors, and by admins of its scope."""
    if caller.id == account.id or caller.role in EVERYWHERE:
        return True
    if caller.role == "region_admin":
        return account.region_id == caller.region_id
    return caller.role == "school_admin" and account.school_id == caller.school_id


def may_decide(caller: Account, applicant: Account) -> bool:
    """Only the region admin of the applicant's region decides on a school admin."""
    return caller.role == "region_admin" and caller.region_id == applicant.region_id


def may_reset(caller: Account, account: Account) -> bool:
    """Who sets a new password for someone else: the province for every account but another province admin's,
    a region admin for the school admins and students of their region, a school admin for their students."""
    if caller.id == account.id:
        return False  # one's own password is changed, proving the current one
    if caller.role == "province_admin":
        return account.role != "province_admin"
    if caller.role == "region_admin":
        return account.role in ("school_admin", "student") and account.region_id == caller.region_id
    return caller.role == "school_admin" and account.role == "student" and account.school_id == caller.school_id


def list_scope(caller: Account, region_id: str) -> dict[str, str]:
    """The filters a caller's listing is held to; asking for another region is refused."""
    if caller.role in EVERYWHERE:
        return {"region_id": region_id} if region_id else {}
    if region_id and region_id != caller.region_id:
        raise refusals.forbidden()
    if caller.role == "region_admin":
        return {"region_id": caller.region_id}
    return {"region_id": caller.region_id, "school_id": caller.school_id}
