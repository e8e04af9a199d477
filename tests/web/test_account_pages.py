"""Accounts in Chromium (issues 10 and 12): the region admin approves one teacher's application and refuses
another's with a reason; the province suspends a student, whose open session ends, and reactivates them; the
school admin resets a forgotten password; a student changes their own, and the old password and the other
device's session stop working while the page that changed it stays signed in."""

from __future__ import annotations

import re
import sys
import uuid
from pathlib import Path

import httpx
from playwright.sync_api import expect

sys.path[:0] = [str(Path(__file__).parent), str(Path(__file__).parents[1] / "e2e")]
from browser import page_as, shot  # noqa: E402
from flows import login  # noqa: E402


def token_of(client: httpx.Client, username: str, password: str) -> dict:
    reply = client.post("/auth/login", json={"username": username, "password": password})
    assert reply.status_code == 200, reply.text
    return {"Authorization": f"Bearer {reply.json()['token']}"}


def test_admins_manage_accounts_and_a_student_changes_their_password(web_stack, chromium):
    base, accounts, password = web_stack.gateway, web_stack.demo_accounts(), web_stack.demo_password()
    client = httpx.Client(base_url=base, timeout=30)
    tag = uuid.uuid4().hex[:6]
    region_id = client.get("/me", headers=login(client, web_stack, "region_admin")).json()["region_id"]
    school_id = client.get("/me", headers=login(client, web_stack, "school_admin")).json()["school_id"]
    for name in ("yes", "no"):
        applied = client.post("/accounts/school-admins", json={
            "username": f"teacher-{name}-{tag}", "password": "teacher-pass-phrase", "display_name": "钱老师",
            "region_id": region_id, "school_name": f"第{tag}{name}中学"})
        assert applied.status_code == 201, applied.text
    kid = f"kid-{tag}"
    assert client.post("/accounts/students", json={"username": kid, "password": "kid-pass-phrase",
                                                   "display_name": "孙同学", "school_id": school_id}).status_code == 201

    # The region admin decides: approve one, refuse the other (a refusal without a reason is not possible).
    region = page_as(chromium, base, accounts["region_admin"], password)
    region.get_by_role("link", name="账号").click()
    region.get_by_label("状态").select_option("pending")
    region.get_by_role("button", name="筛选").click()
    expect(region.locator("tr", has_text=f"teacher-yes-{tag}")).to_contain_text("待地区审核")
    shot(region, "60-accounts-region-pending")
    region.locator("tr", has_text=f"teacher-yes-{tag}").get_by_role("button", name="通过").click()
    expect(region.get_by_role("status")).to_contain_text("审核结果已保存")
    refused = region.locator("tr", has_text=f"teacher-no-{tag}")
    refused.locator("summary", has_text="不通过").click()
    refused.get_by_label("理由").fill("<b>查无此校</b>")
    refused.get_by_role("button", name="确认不通过").click()
    expect(region.get_by_role("status")).to_contain_text("审核结果已保存")
    assert token_of(client, f"teacher-yes-{tag}", "teacher-pass-phrase")
    no = client.post("/auth/login", json={"username": f"teacher-no-{tag}", "password": "teacher-pass-phrase"})
    assert no.json()["code"] == "account_refused"

    # The province suspends the student, whose open session (another browser) ends; then reactivates.
    student = page_as(chromium, base, kid, "kid-pass-phrase")
    held = token_of(client, kid, "kid-pass-phrase")
    province = page_as(chromium, base, accounts["province_admin"], password)
    province.goto(f"{base}/web/accounts?role=student")
    row = province.locator("tr", has_text=kid)
    row.locator("summary", has_text="停用").click()
    row.get_by_label("停用理由").fill("冒用他人信息注册")
    shot(province, "61-accounts-suspend")
    row.get_by_role("button", name="确认停用").click()
    expect(province.get_by_role("status")).to_contain_text("账号已停用")
    expect(province.locator("tr", has_text=kid)).to_contain_text("冒用他人信息注册")
    shot(province, "62-accounts-suspended")
    for _ in range(50):  # the gateway learns it from the registry's event: within a second
        if client.get("/works", headers=held).status_code == 401:
            break
        province.wait_for_timeout(20)
    assert client.get("/works", headers=held).json()["code"] == "token_revoked"
    student.goto(f"{base}/web/works")
    student.wait_for_url(re.compile(r"/web/login"))
    province.locator("tr", has_text=kid).get_by_role("button", name="恢复").click()
    expect(province.get_by_role("status")).to_contain_text("账号已恢复")

    # The school admin resets the forgotten password; a mismatch is refused beside the list first.
    school = page_as(chromium, base, accounts["school_admin"], password)
    school.goto(f"{base}/web/accounts")
    row = school.locator("tr", has_text=kid)
    row.locator("summary", has_text="重置密码").click()
    row.get_by_label("新密码").fill("reset-by-teacher")
    row.get_by_label("再次输入").fill("reset-by-teacher-typo")
    row.get_by_role("button", name="设置新密码").click()
    expect(school.locator(".alert")).to_contain_text("两次输入的密码不一致")
    row = school.locator("tr", has_text=kid)
    row.locator("summary", has_text="重置密码").click()
    row.get_by_label("新密码").fill("reset-by-teacher")
    row.get_by_label("再次输入").fill("reset-by-teacher")
    row.get_by_role("button", name="设置新密码").click()
    expect(school.get_by_role("status")).to_contain_text("新密码已设置")
    assert school.locator("tr", has_text="demo-region").count() == 0  # only the school's own accounts

    # The student changes their own: a wrong current one, then a weak one, are refused inline; then it works.
    student = page_as(chromium, base, kid, "reset-by-teacher")
    other_device = token_of(client, kid, "reset-by-teacher")
    student.get_by_role("link", name="修改密码").click()
    student.get_by_label("当前密码").fill("not-my-password")
    student.get_by_label("新密码", exact=True).fill("my own phrase now")
    student.get_by_label("再次输入新密码").fill("my own phrase now")
    student.get_by_role("button", name="修改密码").click()
    expect(student.locator(".alert")).to_contain_text("当前密码不正确")
    student.get_by_label("当前密码").fill("reset-by-teacher")
    student.get_by_label("新密码", exact=True).fill("qwertyuiop123")
    student.get_by_label("再次输入新密码").fill("qwertyuiop123")
    student.get_by_role("button", name="修改密码").click()
    expect(student.locator(".alert")).to_contain_text("密码太常见")
    shot(student, "63-password-weak")
    student.get_by_label("当前密码").fill("reset-by-teacher")
    student.get_by_label("新密码", exact=True).fill("my own phrase now")
    student.get_by_label("再次输入新密码").fill("my own phrase now")
    student.get_by_role("button", name="修改密码").click()
    expect(student.get_by_role("status")).to_contain_text("密码已修改")
    shot(student, "64-password-changed")
    student.goto(f"{base}/web/works")
    assert student.url.endswith("/web/works")  # this browser got the new token
    for _ in range(50):
        if client.get("/works", headers=other_device).status_code == 401:
            break
        student.wait_for_timeout(20)
    assert client.get("/works", headers=other_device).json()["code"] == "token_revoked"
    assert client.post("/auth/login", json={"username": kid, "password": "reset-by-teacher"}).status_code == 401
    assert token_of(client, kid, "my own phrase now")
