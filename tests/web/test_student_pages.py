"""A student in Chromium: signs up, drafts a work with the keyboard alone, meets every refusal as a page.

Bad input is tried the way a browser can: a form without its CSRF token (403), another student's work
(403 page, no data), markup in a title (shown as text, never run), an oversize cover and a non-MP4 film
(refused by the page before any byte leaves it).
"""

from __future__ import annotations

import re
import sys
import uuid
from pathlib import Path

import httpx
from playwright.sync_api import expect

sys.path[:0] = [str(Path(__file__).parent), str(Path(__file__).parents[1] / "e2e")]
from browser import csrf_of, draft_work, log_in, shot  # noqa: E402
from flows import DRAFT, login  # noqa: E402

HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>水的旅行'


def sign_up(page, base: str) -> tuple[str, str]:
    """A new student at the first approved school, through the sign-up page; returns (username, password)."""
    username, password = f"stu-{uuid.uuid4().hex[:8]}", "a-long-password-1"
    page.goto(f"{base}/web/signup")
    page.get_by_label("姓名").fill("张小明")
    page.get_by_label("学校").select_option(index=1)
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码", exact=True).fill(password)
    page.get_by_label("再次输入密码").fill(password)
    shot(page, "01-signup")
    page.get_by_role("button", name="注册").click()
    page.wait_for_url(re.compile(r"/web/login\?signed_up=1"))
    return username, password


def test_student_signs_up_and_drafts_with_the_keyboard_only(web_stack, browser_page):
    page, base = browser_page, web_stack.gateway
    username, password = sign_up(page, base)
    log_in(page, base, username, password)
    assert page.url.endswith("/web/works")
    shot(page, "02-my-works")
    page.goto(f"{base}/web/rules")
    assert page.locator(".countdown").nth(1).inner_text().startswith("还有")  # to the close of submissions
    shot(page, "03-rules")

    page.goto(f"{base}/web/works/new")
    page.locator("body").press("Tab")  # nothing focused: start from the top, as a keyboard user does
    page.get_by_label("作品名称").focus()
    page.keyboard.type(HOSTILE)
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # category: the first real option
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # theme
    page.keyboard.press("Tab")
    page.keyboard.type("用一滴水测量家里的能耗。")
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # voice-over: 普通话
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # subtitles: burned in
    page.keyboard.press("Tab")
    page.keyboard.type("张小明")
    page.keyboard.press("Tab")
    page.keyboard.type("初二")
    page.keyboard.press("Tab")
    page.keyboard.type("长春市第一实验中学")
    page.keyboard.press("Tab")  # the row's remove button
    page.keyboard.press("Tab")  # add a row
    page.keyboard.press("Enter")
    page.keyboard.type("李小红")  # the new row's first field has the focus
    assert page.locator("fieldset.team[data-kind=creator] .team-row").count() == 2
    for text in ("初一", "长春市第一实验中学", None, None, "王老师", "长春市第一实验中学"):
        page.keyboard.press("Tab")  # grade 2, school 2, remove, add a row, advisor 1, their school
        if text:
            page.keyboard.type(text)
    shot(page, "04-new-work")
    page.keyboard.press("Enter")  # submits the form, the advisor's phone still empty
    # Intake refuses it: its message beside the form, and nothing typed is lost.
    assert "联系电话" in page.locator(".alert").inner_text()
    assert page.get_by_label("主创姓名 2").input_value() == "李小红"
    assert page.get_by_label("配音语言").input_value() == "mandarin"
    shot(page, "04b-new-work-refused")
    page.get_by_label("电话 1").focus()
    page.keyboard.type("13800000000")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/web/works/[0-9a-f-]+$"))

    assert page.locator("h1").inner_text() == HOSTILE  # the markup is text
    assert page.evaluate("window.__pwned") is None
    assert page.locator("h1 img, h1 script").count() == 0
    assert page.get_by_label("主创姓名 2").input_value() == "李小红"
    shot(page, "05-work")


def test_the_limits_of_the_edition_are_shown_before_they_are_hit(web_stack, browser_page):
    page, base = browser_page, web_stack.gateway
    log_in(page, base, web_stack.demo_accounts()["student"], web_stack.demo_password())
    page.goto(f"{base}/web/works/new")
    advisors = page.locator("fieldset.team[data-kind=advisor]")
    assert "最多 2 人" in advisors.locator(".limit").inner_text()
    advisors.get_by_role("button", name="添加一行").click()
    assert advisors.get_by_role("button", name="添加一行").is_disabled()
    assert advisors.locator(".limit-hit").is_visible()


def test_a_form_without_its_csrf_token_is_refused(web_stack, browser_page):
    page, base = browser_page, web_stack.gateway
    log_in(page, base, web_stack.demo_accounts()["student"], web_stack.demo_password())
    page.goto(f"{base}/web/works/new")
    form = {"title": "无令牌", "category": "documentary", "theme": "节能减排", "creator_name": "张小明",
            "creator_grade": "初二", "creator_school": "长春市第一实验中学"}
    refused = page.request.post(f"{base}/web/works/new", form=form)
    assert refused.status == 403 and "csrf_failed" in refused.text()
    wrong = page.request.post(f"{base}/web/works/new", form={**form, "csrf": "not-the-token"})
    assert wrong.status == 403
    upload = page.request.post(f"{base}/web/api/works/x/files/cover/uploads", data={"filename": "a.jpg", "size": 1})
    assert upload.status == 403 and upload.json()["code"] == "csrf_failed"
    accepted = page.request.post(f"{base}/web/works/new", form={**form, "csrf": csrf_of(page)}, max_redirects=0)
    assert accepted.status == 303


def test_another_students_work_is_a_403_page(web_stack, browser_page):
    page, base = browser_page, web_stack.gateway
    username, password = sign_up(page, base)
    client = httpx.Client(base_url=base, timeout=30)
    owner = login(client, web_stack, "student")
    theirs = client.post("/works", json={**DRAFT, "title": "别人的作品"}, headers=owner).json()["id"]
    log_in(page, base, username, password)
    reply = page.goto(f"{base}/web/works/{theirs}")
    assert reply.status == 403
    assert "您没有权限" in page.locator(".alert").inner_text()
    assert "别人的作品" not in page.content()
    shot(page, "06-forbidden")


def test_wrong_files_are_refused_before_any_byte_is_sent(web_stack, browser_page, tmp_path):
    page, base = browser_page, web_stack.gateway
    log_in(page, base, web_stack.demo_accounts()["student"], web_stack.demo_password())
    draft_work(page, base, "检查文件")
    sent = []
    page.on("request", lambda r: sent.append(r.url) if "/uploads" in r.url or r.method == "PUT" else None)

    cover = page.locator("article.slot[data-slot=cover]")
    cover.get_by_label(re.compile("选择文件")).set_input_files(
        files=[{"name": "封面.jpg", "mimeType": "image/jpeg", "buffer": b"\xff\xd8\xff" + bytes(2 * 2**20)}])
    cover.get_by_role("button", name="上传").click()
    expect(cover.locator(".upload-error")).to_contain_text("文件过大")

    film = page.locator("article.slot[data-slot=film]")
    film.get_by_label(re.compile("选择文件")).set_input_files(
        files=[{"name": "作品.mp4", "mimeType": "video/mp4", "buffer": b"this is only text, not a film\n" * 100}])
    film.get_by_role("button", name="上传").click()
    expect(film.locator(".upload-error")).to_contain_text("文件格式不对")
    shot(page, "07-refused-files")
    assert sent == []


def test_the_page_switches_to_english_and_back(web_stack, browser_page):
    page, base = browser_page, web_stack.gateway
    page.goto(f"{base}/web/login")
    page.get_by_role("link", name="English").click()
    assert page.locator("h1").inner_text() == "Log in" and page.locator("html").get_attribute("lang") == "en"
    page.get_by_label("Username").fill("nobody")
    page.get_by_label("Password").fill("wrong")
    page.get_by_role("button", name="Log in").click()
    assert page.locator(".alert").is_visible()  # the registry's own message, in English
    shot(page, "08-login-error-en")
    page.get_by_role("link", name="中文").click()
    assert page.locator("h1").inner_text() == "登录"
