"""RegistryApplication on a SQLite store: seeding, sign-in, registrations, approvals, and its log."""

from __future__ import annotations

import json

import pytest

from festival_events import contracts
from festival_events.envelope import chain_problems
from festival_kit.context import Cause, caused_by
from festival_kit.errors import FestivalError
from festival_registry.domain import ids
from festival_registry.domain.account import Account

PASSWORD = "festival-demo"


@pytest.fixture
def app(sqlite_app, edition_file, act_as):
    app = sqlite_app()
    with act_as():
        app.seed(edition_file)
        app.seed_demo_accounts()
    return app


def refusal(call) -> FestivalError:
    with pytest.raises(FestivalError) as caught:
        call()
    return caught.value


def region(app, code: str) -> str:
    return str(ids.region_id(code))


def test_seeding_twice_changes_nothing_even_from_a_new_process(app, sqlite_app, edition_file, act_as):
    stored = app.max_notification_id()
    again = sqlite_app()
    with act_as():
        again.seed(edition_file)
        again.seed_demo_accounts()
    assert again.max_notification_id() == stored
    assert len(again.regions()) == 11 and again.edition().edition == "11"
    assert [s.name for s in again.schools()] == ["长春市第一实验中学"] and again.schools()[0].approved


def test_demo_accounts_sign_in_with_the_demo_password(app):
    for username in ("demo-student", "demo-school", "demo-region", "demo-province", "demo-judge", "demo-auditor"):
        assert app.login(username, PASSWORD).status == "active"
    assert app.login("Demo-Student ", PASSWORD).username == "demo-student"


def test_a_wrong_password_or_unknown_user_are_the_same_refusal(app):
    wrong, unknown = refusal(lambda: app.login("demo-student", "nope-nope")), refusal(lambda: app.login("x", "y"))
    assert wrong.code == unknown.code == "bad_credentials" and wrong.status == 401


def test_a_school_admin_waits_then_the_region_admin_approves_and_students_may_join(app, act_as):
    teacher = app.register_school_admin("teacher.li", "long-enough", "李老师", region(app, "jilin"), "吉林市第二中学")
    assert teacher.status == "pending"
    assert refusal(lambda: app.login("teacher.li", "long-enough")).code == "account_pending"
    school_id = teacher.school_id
    assert refusal(lambda: app.register_student("kid", "long-enough", "小明", school_id)).code == "school_not_approved"
    province = app.login("demo-province", PASSWORD)
    with act_as(province):
        jilin_admin = app.issue_region_admin("jilin-admin", "long-enough", "吉林市管理员", region(app, "jilin"))
    with act_as(jilin_admin):
        assert app.decide_school_admin(str(teacher.id), approve=True).status == "active"
    assert app.login("teacher.li", "long-enough").status == "active"
    student = app.register_student("kid", "long-enough", "小明", school_id)
    assert (student.region_id, student.school_id, student.status) == (region(app, "jilin"), school_id, "active")


def test_the_wrong_region_cannot_decide_and_deciding_twice_is_refused(app, act_as):
    teacher = app.register_school_admin("teacher.wang", "long-enough", "王老师", region(app, "jilin"), "吉林一中")
    changchun_admin = app.login("demo-region", PASSWORD)
    with act_as(changchun_admin):
        assert refusal(lambda: app.decide_school_admin(str(teacher.id), True)).code == "forbidden"
    with act_as(app.login("demo-province", PASSWORD)):
        jilin_admin = app.issue_region_admin("jilin-admin2", "long-enough", "吉林市管理员", region(app, "jilin"))
    with act_as(jilin_admin):
        assert refusal(lambda: app.decide_school_admin(str(teacher.id), False, "")).code == "reason_required"
        assert app.decide_school_admin(str(teacher.id), False, "查无此人").status == "refused"
        assert refusal(lambda: app.decide_school_admin(str(teacher.id), True)).code == "already_decided"
    assert refusal(lambda: app.login("teacher.wang", "long-enough")).code == "account_refused"
    assert not next(s for s in app.schools(region(app, "jilin")) if s.name == "吉林一中").approved


def test_only_the_province_admin_issues_region_admins(app, act_as):
    def issue():
        return app.issue_region_admin("x-admin", "long-enough", "某", region(app, "jilin"))

    with act_as(app.login("demo-region", PASSWORD)):
        assert refusal(issue).code == "forbidden"
    with act_as():
        assert refusal(issue).code == "not_logged_in"


def test_a_caller_claiming_another_role_is_not_trusted(app, act_as):
    student = app.login("demo-student", PASSWORD)
    teacher = app.register_school_admin("teacher.zhao", "long-enough", "赵老师", region(app, "changchun"), "长春二中")
    with act_as(student):
        assert refusal(lambda: app.decide_school_admin(str(teacher.id), True)).code == "forbidden"
    with caused_by(Cause(account_id=str(student.id), role="region_admin")):
        assert refusal(lambda: app.decide_school_admin(str(teacher.id), True)).code == "not_logged_in"


def test_usernames_are_unique(app):
    assert refusal(lambda: app.register_school_admin(
        "demo-student", "long-enough", "某", region(app, "changchun"), "某校")).code == "username_taken"


def test_listings_are_held_to_the_callers_scope(app, act_as):
    app.register_school_admin("teacher.sun", "long-enough", "孙老师", region(app, "jilin"), "吉林三中")
    with act_as(app.login("demo-region", PASSWORD)):
        names = {a.username for a in app.list_accounts()}
        assert "demo-student" in names and "teacher.sun" not in names
        assert refusal(lambda: app.list_accounts(region_id=region(app, "jilin"))).code == "forbidden"
    with act_as(app.login("demo-province", PASSWORD)):
        pending = app.list_accounts(role="school_admin", status="pending")
        assert [a.username for a in pending] == ["teacher.sun"]
    with act_as(app.login("demo-student", PASSWORD)):
        assert refusal(app.list_accounts).code == "forbidden"
        assert app.get_account(str(ids.account_id("demo-student"))).username == "demo-student"
        assert refusal(lambda: app.get_account(str(ids.account_id("demo-judge")))).code == "not_found"


def test_the_log_never_carries_a_password_hash_and_its_chains_are_intact(app, act_as):
    app.register_school_admin("teacher.qian", "long-enough", "钱老师", region(app, "jilin"), "吉林四中")
    password_hash = app.find(Account, ids.account_id("teacher.qian")).password_hash
    envelopes = [env for _, env in app.envelopes(0, 1000)]
    text = json.dumps([env.model_dump(mode="json") for env in envelopes], ensure_ascii=False)
    assert "$argon2" not in text and password_hash not in text and "password" not in text
    assert chain_problems(envelopes) == []
    contracts.load_all()
    for env in envelopes:
        contracts.read(env)  # every payload is valid against its contract
    assert {env.type for env in envelopes} >= {
        "EditionConfigured", "RegionRegistered", "SchoolRegistered", "SchoolApproved", "AccountOpened",
        "SchoolAdminApproved"}


def test_the_province_suspends_and_reactivates_an_account_and_each_starts_a_session_generation(app, act_as):
    student, province = app.login("demo-student", PASSWORD), app.login("demo-province", PASSWORD)
    assert student.sessions == 0
    with act_as(province):
        assert refusal(lambda: app.suspend_account(str(student.id), "")).code == "reason_required"
        suspended = app.suspend_account(str(student.id), "冒用他人信息")
        assert (suspended.status, suspended.suspension_reason, suspended.sessions) == ("suspended", "冒用他人信息", 1)
        assert refusal(lambda: app.suspend_account(str(student.id), "again")).code == "already_suspended"
        assert refusal(lambda: app.suspend_account(str(province.id), "me")).code == "not_yourself"
    assert refusal(lambda: app.login("demo-student", PASSWORD)).code == "account_suspended"
    with act_as(app.login("demo-region", PASSWORD)):
        assert refusal(lambda: app.reactivate_account(str(student.id))).code == "forbidden"
    with act_as(province):
        assert app.reactivate_account(str(student.id)).status == "active"
        assert refusal(lambda: app.reactivate_account(str(student.id))).code == "not_suspended"
    assert app.login("demo-student", PASSWORD).sessions == 1  # reactivating does not bring old tokens back
    teacher = app.register_school_admin("teacher.zhou", "long-enough", "周老师", region(app, "jilin"), "吉林五中")
    with act_as(province):
        assert refusal(lambda: app.suspend_account(str(teacher.id), "x")).code == "account_not_active"
    types = [env.type for _, env in app.envelopes(0, 1000)]
    assert types.count("AccountSuspended") == 1 and types.count("AccountReactivated") == 1


def test_a_password_is_changed_by_its_owner_or_reset_by_an_admin_of_its_scope(app, act_as):
    student = app.login("demo-student", PASSWORD)
    with act_as(student):
        assert refusal(lambda: app.change_password("not-the-password", "a-new-one-long")).code == "wrong_password"
        assert refusal(lambda: app.change_password(PASSWORD, "short")).code == "invalid_password"
        assert refusal(lambda: app.change_password(PASSWORD, "Password123")).code == "weak_password"
        assert refusal(lambda: app.change_password(PASSWORD, "aaaaaaaaaaaa")).code == "weak_password"
        assert refusal(lambda: app.change_password(PASSWORD, "my-demo-student-pw")).code == "weak_password"
        assert app.change_password(PASSWORD, "a brand new phrase").sessions == 1
    assert refusal(lambda: app.login("demo-student", PASSWORD)).code == "bad_credentials"
    assert app.login("demo-student", "a brand new phrase").sessions == 1
    # who may reset whom: the school's admin, the region's admin and the province; not a student, not elsewhere
    for username in ("demo-school", "demo-region", "demo-province"):
        with act_as(app.login(username, PASSWORD)):
            assert app.reset_password(str(student.id), f"set by {username}").sessions >= 2
    with act_as(app.login("demo-school", PASSWORD)):
        assert refusal(lambda: app.reset_password(str(ids.account_id("demo-region")), "long-enough-1")).code == "forbidden"
    with act_as(app.login("demo-judge", PASSWORD)):
        assert refusal(lambda: app.reset_password(str(student.id), "long-enough-1")).code == "forbidden"
    with act_as(app.login("demo-province", PASSWORD)):
        assert refusal(lambda: app.reset_password(str(ids.account_id("demo-province")), "long-enough-1")).code == "forbidden"
        assert refusal(lambda: app.reset_password("no-such-account", "long-enough-1")).code == "not_found"
    assert app.login("demo-student", "set by demo-province").sessions == 4
    envelopes = [env for _, env in app.envelopes(0, 1000)]
    changed = [env.payload for env in envelopes if env.type == "PasswordChanged"]
    assert [c["reset"] for c in changed] == [False, True, True, True]
    assert "$argon2" not in json.dumps([env.model_dump(mode="json") for env in envelopes])
    contracts.load_all()
    for env in envelopes:
        contracts.read(env)


def test_a_new_account_needs_a_strong_password(app):
    assert refusal(lambda: app.register_school_admin(
        "teacher.wu", "qwertyuiop", "吴老师", region(app, "jilin"), "吉林六中")).code == "weak_password"
    assert refusal(lambda: app.register_school_admin(
        "teacher.wu", "nine-char", "吴老师", region(app, "jilin"), "吉林六中")).code == "invalid_password"
