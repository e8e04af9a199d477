"""Demo accounts for a local stack: one per role, all with one password, around one approved school."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from festival_registry.domain import ids, refusals
from festival_registry.domain.account import PENDING, Account
from festival_registry.domain.region import Region, School

PASSWORD = "festival-demo"
REGION = "changchun"
SCHOOL = "长春市第一实验中学"
REGION_ADMIN, SCHOOL_ADMIN = "demo-region", "demo-school"
# (username, role, display name), region admin before school admin: it approves the school admin.
ACCOUNTS = (
    ("demo-province", "province_admin", "演示省级管理员"),
    (REGION_ADMIN, "region_admin", "演示地区管理员"),
    (SCHOOL_ADMIN, "school_admin", "演示校级管理员"),
    ("demo-student", "student", "演示学生"),
    ("demo-judge", "judge", "演示评委"),
    ("demo-auditor", "auditor", "演示审计员"),
)

Find = Callable[[type[Any], Any], Any]


def school_and_accounts(edition: str, find: Find) -> list[Any]:
    """The demo school and accounts still missing (nothing when all exist); the school admin is pending."""
    if find(Region, ids.region_id(REGION)) is None:
        raise refusals.not_found("演示地区", "Demo region")
    region_id = str(ids.region_id(REGION))
    school = find(School, ids.school_id(region_id, SCHOOL)) or School(edition=edition, name=SCHOOL, region_id=region_id)
    scopes = {"region_admin": (region_id, None), "school_admin": (region_id, str(school.id)),
              "student": (region_id, str(school.id))}
    opened = [
        Account.open(edition, username, PASSWORD, name, role, *scopes.get(role, (None, None)))
        for username, role, name in ACCOUNTS if find(Account, ids.account_id(username)) is None
    ]
    return [school, *opened]


def approvals(find: Find) -> list[Any]:
    """The demo region admin approves the demo school admin, and so the school (each only once)."""
    approver, admin_id = str(ids.account_id(REGION_ADMIN)), ids.account_id(SCHOOL_ADMIN)
    admin: Account = find(Account, admin_id)
    school: School = find(School, admin.school_id)
    changed: list[Any] = []
    if admin.status == PENDING:
        admin.decide(approver, approve=True)
        changed.append(admin)
    if school.approve(approver, str(admin_id)):
        changed.append(school)
    return changed
