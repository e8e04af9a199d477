"""Roles and scopes, the school admin's approval, who may decide and see, and what input is refused."""

from __future__ import annotations

import pytest

from festival_kit.errors import FestivalError
from festival_registry.domain import access, validation
from festival_registry.domain.account import ACTIVE, PENDING, REFUSED, Account
from festival_registry.domain.region import School

CHANGCHUN, JILIN, SCHOOL = "region-changchun", "region-jilin", "school-1"


def account(role: str, region: str | None = None, school: str | None = None, name: str = "") -> Account:
    return Account.open("11", name or f"u-{role}-{region}", "pass-word", "某某", role, region, school)


def refusal(call) -> FestivalError:
    with pytest.raises(FestivalError) as caught:
        call()
    return caught.value


@pytest.mark.parametrize(
    ("role", "region", "school", "status"),
    [
        ("student", CHANGCHUN, SCHOOL, ACTIVE),
        ("school_admin", CHANGCHUN, SCHOOL, PENDING),
        ("region_admin", CHANGCHUN, None, ACTIVE),
        ("province_admin", None, None, ACTIVE),
        ("judge", None, None, ACTIVE),
        ("auditor", None, None, ACTIVE),
    ],
)
def test_each_role_has_its_scope_and_only_school_admins_wait(role, region, school, status):
    assert account(role, region, school).status == status


def test_a_role_without_its_scope_or_an_unknown_role_is_not_opened():
    with pytest.raises(ValueError):
        account("student", CHANGCHUN, None)
    with pytest.raises(ValueError):
        account("judge", CHANGCHUN, None)
    assert refusal(lambda: account("janitor")).code == "unknown_role"


def test_password_is_kept_as_an_argon2_hash():
    opened = account("judge")
    assert opened.password_hash.startswith("$argon2id$") and "pass-word" not in opened.password_hash
    assert opened.check_password("pass-word") and not opened.check_password("pass-wort")


def test_a_school_admin_is_decided_once_and_a_refusal_needs_a_reason():
    admin = account("school_admin", CHANGCHUN, SCHOOL)
    assert refusal(lambda: admin.decide("r", approve=False, reason=" ")).code == "reason_required"
    admin.decide("r", approve=False, reason="不是本校教师")
    assert (admin.status, admin.refusal_reason) == (REFUSED, "不是本校教师")
    assert refusal(lambda: admin.decide("r", approve=True)).code == "already_decided"
    assert refusal(admin.check_can_sign_in).code == "account_refused"


def test_only_school_admins_are_decided_and_pending_ones_cannot_sign_in():
    assert refusal(lambda: account("student", CHANGCHUN, SCHOOL).decide("r", True)).code == "not_school_admin"
    admin = account("school_admin", CHANGCHUN, SCHOOL)
    assert refusal(admin.check_can_sign_in).code == "account_pending"
    admin.decide("r", approve=True)
    admin.check_can_sign_in()


def test_a_school_is_approved_with_its_first_school_admin_only():
    school = School(edition="11", name="一中", region_id=CHANGCHUN)
    assert school.approve("r", "a1") and not school.approve("r", "a2")
    assert school.approved and len(school.pending_events) == 2


def test_only_the_region_admin_of_the_applicants_region_decides():
    applicant = account("school_admin", CHANGCHUN, SCHOOL)
    assert access.may_decide(account("region_admin", CHANGCHUN), applicant)
    assert not access.may_decide(account("region_admin", JILIN), applicant)
    assert not access.may_decide(account("province_admin"), applicant)


def test_who_sees_whom():
    student = account("student", CHANGCHUN, SCHOOL)
    assert access.may_read(student, student)
    assert access.may_read(account("auditor"), student)
    assert access.may_read(account("region_admin", CHANGCHUN), student)
    assert not access.may_read(account("region_admin", JILIN), student)
    assert access.may_read(account("school_admin", CHANGCHUN, SCHOOL), student)
    assert not access.may_read(account("student", CHANGCHUN, SCHOOL, name="other"), student)


def test_listing_scope_is_held_to_the_callers_region_or_school():
    assert access.list_scope(account("province_admin"), "") == {}
    assert access.list_scope(account("region_admin", JILIN), "") == {"region_id": JILIN}
    assert access.list_scope(account("school_admin", JILIN, SCHOOL), "")["school_id"] == SCHOOL
    assert refusal(lambda: access.list_scope(account("region_admin", JILIN), CHANGCHUN)).status == 403


def test_require_tells_the_anonymous_from_the_unauthorised():
    assert refusal(lambda: access.require(None, "judge")).code == "not_logged_in"
    assert refusal(lambda: access.require(account("student", CHANGCHUN, SCHOOL), "judge")).code == "forbidden"


@pytest.mark.parametrize("name", ["ab", "a" * 33, "Li Ming", "li@ming", "王小明", ""])
def test_bad_usernames(name):
    assert refusal(lambda: validation.username(name)).code == "invalid_username"


def test_usernames_are_compared_lower_case():
    assert validation.username("  Li.Ming_2-x ") == "li.ming_2-x"


def test_passwords_need_ten_characters_and_not_a_common_or_guessable_one():
    assert refusal(lambda: validation.password("x7#kq9!mz")).code == "invalid_password"
    assert refusal(lambda: validation.password("y" * 129)).code == "invalid_password"
    assert validation.password("x7#kq9!mzp") == "x7#kq9!mzp"
    for weak in ("1234567890", "QwertyUiop", "woaini1314", "ababababab"):
        assert refusal(lambda: validation.password(weak)).code == "weak_password", weak
    assert refusal(lambda: validation.password("li.ming-2026", "li.ming")).code == "weak_password"
    assert validation.password("li.ming-2026", "wang.fang") == "li.ming-2026"


@pytest.mark.parametrize("name", ["", "   ", "x" * 41, "王\x00明", "王\t明", "王\u200b明"])
def test_bad_display_names(name):
    error = refusal(lambda: validation.display_name(name))
    assert error.code == "invalid_display_name" and error.message_zh and error.message_en


def test_display_names_are_tidied():
    assert validation.display_name("  王  小明 ") == "王 小明"
    assert len(validation.display_name("x" * 40)) == 40
