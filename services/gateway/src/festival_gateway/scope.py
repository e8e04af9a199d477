"""Who may see and do what, as pure functions of the token's claims and the thing asked about.

Out of scope is always 403 "forbidden" (never a pretended 404): a work or account that does not exist
is 404 for everyone, one that exists but is not yours is 403 for everyone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from festival_gateway.tokens import Claims
from festival_kit.errors import forbidden

STUDENT, SCHOOL_ADMIN, REGION_ADMIN = "student", "school_admin", "region_admin"
PROVINCE_ADMIN, JUDGE, AUDITOR = "province_admin", "judge", "auditor"
SEES_EVERYTHING = frozenset({PROVINCE_ADMIN, AUDITOR})


class Scoped(Protocol):
    """Anything placed in a school and region (a work, an account)."""

    school_id: str
    region_id: str


class Work(Scoped, Protocol):
    student_id: str


@dataclass(frozen=True)
class Placed:
    """Where a work belongs: all a scope check reads of it (what the works cache keeps beside its JSON)."""

    student_id: str
    school_id: str
    region_id: str


def _same(mine: str, theirs: str) -> bool:
    # An empty scope on either side never matches: a claim without a school sees no school's works.
    return bool(mine) and mine == theirs


def require_role(claims: Claims, *roles: str) -> None:
    if claims.role not in roles:
        raise forbidden()


def can_read_work(claims: Claims, work: Work) -> bool:
    """Students read their own works, admins the works of their school or region, the province all."""
    if claims.role == STUDENT:
        return _same(claims.account_id, work.student_id)
    if claims.role == SCHOOL_ADMIN:
        return _same(claims.school_id, work.school_id)
    if claims.role == REGION_ADMIN:
        return _same(claims.region_id, work.region_id)
    return claims.role in SEES_EVERYTHING


def check_read_work(claims: Claims, work: Work) -> None:
    if not can_read_work(claims, work):
        raise forbidden()


def check_own_work(claims: Claims, work: Work) -> None:
    """Only the student who drafted a work changes it, uploads to it or submits it."""
    if not (claims.role == STUDENT and _same(claims.account_id, work.student_id)):
        raise forbidden()


def works_filter(claims: Claims, student_id: str = "", school_id: str = "", region_id: str = "") -> dict[str, str]:
    """The list filters a caller may use: their scope is forced; asking outside it is refused, at the scope's own
    level and at the wider ones the token names (a student asking for another school, a school admin for another
    region), not answered with an empty list."""
    asked = {"student_id": student_id, "school_id": school_id, "region_id": region_id}
    forced = {
        STUDENT: {"student_id": claims.account_id},
        SCHOOL_ADMIN: {"school_id": claims.school_id},
        REGION_ADMIN: {"region_id": claims.region_id},
    }.get(claims.role)
    if forced is None:
        if claims.role not in SEES_EVERYTHING:
            raise forbidden()
        return asked
    wider = {STUDENT: ("school_id", "region_id"), SCHOOL_ADMIN: ("region_id",)}.get(claims.role, ())
    if any(asked[key] not in ("", getattr(claims, key)) for key in wider):
        raise forbidden()
    return _narrow(asked, forced)


def accounts_filter(claims: Claims, region_id: str = "") -> str:
    """The region an account list is limited to: a region or school admin's own (the registry holds a school
    admin to their school); the province (and audit) any."""
    if claims.role in (REGION_ADMIN, SCHOOL_ADMIN):
        return _narrow({"region_id": region_id}, {"region_id": claims.region_id})["region_id"]
    if claims.role in SEES_EVERYTHING:
        return region_id
    raise forbidden()


def _narrow(asked: dict[str, str], forced: dict[str, str]) -> dict[str, str]:
    for key, value in forced.items():
        if not value or asked.get(key) not in ("", value):
            raise forbidden()
    return {**asked, **forced}


