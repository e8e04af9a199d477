"""Issue 10's season, every step through the pages in Chromium, checked on the log afterwards.

A student signs up, drafts, uploads a 40 MB film in parts (a part that keeps failing stops the upload; the
reload resumes with fresh URLs, after they expired and after the store refused one, without sending the stored parts again), the cover and both signed forms, waits for the
inspection checklist and submits; the school returns it (a reason with markup, shown as text); the student
fixes and resubmits; school and region forward; in August the province qualifies it; a judge scores it
blind beside the film; an auditor reads its timeline.
"""

from __future__ import annotations

import os
import re
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
from playwright.sync_api import expect

sys.path[:0] = [str(Path(__file__).parent), str(Path(__file__).parents[1]), str(Path(__file__).parents[1] / "e2e")]
import media  # noqa: E402
from browser import VIEWPORT, draft_work, log_in, run_async, shot  # noqa: E402
from flows import wait_for_events  # noqa: E402
from running import start_stack, stop_stack  # noqa: E402

from festival_events.envelope import chain_problems  # noqa: E402

FILM_BYTES = 40 * 2**20
REASON = '<b>简介请补充测量方法</b><script>window.__pwned=1</script>'
OTHER_REGIONS = ("jilin", "siping", "liaoyuan", "tonghua", "baishan")


@pytest.fixture
def stack(chromium, tmp_path, port_picker):
    """A stack of its own: this test moves the clock to August."""
    running = start_stack(tmp_path / "var", port_picker())
    yield running
    assert stop_stack(running) == 0


def big_film(path: Path) -> Path:
    """A real 3-second MP4 followed by a `free` box of random bytes: 40 MB, made in about a second."""
    media.film(path, seconds=3)
    pad = FILM_BYTES - path.stat().st_size
    with path.open("ab") as out:
        out.write(pad.to_bytes(4, "big") + b"free" + os.urandom(pad - 8))
    return path


def part_of(url: str) -> int:
    return int(parse_qs(urlparse(url).query).get("partNumber", ["0"])[0])


def reload_until(page, url: str, check, timeout: float = 60.0) -> None:
    """Reload a page until `check()` holds (queues follow the log a moment behind)."""
    deadline = time.monotonic() + timeout
    while True:
        page.goto(url)
        if check():
            return
        assert time.monotonic() < deadline, f"timed out waiting on {url}"
        time.sleep(0.5)


def upload(page, slot: str, path: Path) -> None:
    card = page.locator(f"article.slot[data-slot={slot}]")
    card.get_by_label(re.compile("选择文件")).set_input_files(str(path))
    card.get_by_role("button", name="上传").click()
    expect(page.locator(f"article.slot[data-slot={slot}] .held")).to_be_visible(timeout=60_000)


def upload_film_with_an_interruption(page, film: Path) -> dict:
    """Part 3 always fails: the page retries it, stops, is reloaded and resumes with part 3 alone."""
    stored, attempts = set(), []
    page.on("requestfinished", lambda r: stored.add(part_of(r.url)) if r.method == "PUT" and part_of(r.url) and
            r.response() and r.response().status == 200 else None)
    def third(url: str) -> bool:
        return part_of(url) == 3

    page.route(third, lambda route: (attempts.append(3), route.abort()))
    page.evaluate("""() => { window.__progress = [];
        new MutationObserver(() => window.__progress.push(document.querySelector('[data-slot=film] .progress-text').textContent))
          .observe(document.querySelector('[data-slot=film] .progress-text'), {childList: true, characterData: true, subtree: true}); }""")
    card = page.locator("article.slot[data-slot=film]")
    card.get_by_label(re.compile("选择文件")).set_input_files(str(film))
    card.get_by_role("button", name="上传").click()
    expect(card.locator(".upload-error")).to_contain_text("上传中断", timeout=60_000)
    progress = page.evaluate("window.__progress")
    shot(page, "10-film-interrupted")
    page.unroute(third)
    before = set(stored)
    assert 3 not in before and {1, 2, 4, 5} == before, before
    assert len(attempts) == 3  # the failing part was tried again before the upload gave up

    page.reload()
    expect(card.locator(".resume-note")).to_be_visible()
    # Coming back after the URLs' quarter of an hour: the page must renew them, not start the film again.
    page.evaluate("""() => { for (const k of Object.keys(localStorage).filter((k) => k.includes(':film:'))) {
        const saved = JSON.parse(localStorage.getItem(k));
        saved.ticket.expires_at = new Date(Date.parse(document.body.dataset.now) - 3600e3).toISOString();  // the stack's clock
        localStorage.setItem(k, JSON.stringify(saved)); } }""")
    sent_after, renewals, refused = [], [], []
    page.on("request", lambda r: sent_after.append(part_of(r.url)) if r.method == "PUT" else None)
    page.on("request", lambda r: renewals.append(r.post_data_json) if r.url.endswith("/renew") else None)

    def expired_once(route) -> None:  # the store refuses a URL gone stale while the part waited
        if refused:
            return route.continue_()
        refused.append(route.request.url)
        origin = route.request.headers.get("origin", "*")  # as the store answers the page's origin (CORS)
        route.fulfill(status=403, headers={"Access-Control-Allow-Origin": origin},
                      body="<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>")

    page.route(third, expired_once)
    card.get_by_label(re.compile("选择文件")).set_input_files(str(film))
    card.get_by_role("button", name="上传").click()
    expect(page.locator("article.slot[data-slot=film] .held")).to_be_visible(timeout=60_000)
    page.unroute(third)
    return {"progress": progress, "resumed_parts": sent_after, "renewals": renewals}


def province_sets_up_judging(page, base: str, last_region: str) -> None:
    """The province issues the fifth judge, opens the documentary round, chooses its judges and assigns."""
    page.get_by_role("link", name="评审", exact=True).click()
    page.locator("details summary", has_text="开设评委账号").click()
    page.get_by_label("姓名").fill(f"评委{last_region}")
    page.get_by_label("用户名").fill(f"judge-{last_region}")
    page.get_by_label(re.compile("初始密码")).fill("judge-pass-1")
    page.get_by_label(re.compile("所在地区")).select_option(label="白山市")
    page.get_by_label("科学探究纪录片").check()
    page.get_by_role("button", name="开设评委账号").click()
    expect(page.get_by_role("status")).to_contain_text("评委账号已开设")
    expect(page.locator("table.judges")).to_contain_text(f"judge-{last_region}")
    page.locator("tr[data-category=documentary]").get_by_role("button", name="开设评审轮次").click()
    expect(page.get_by_role("status")).to_contain_text("评审轮次已开设")
    for c in OTHER_REGIONS:  # the five issued for this season (not the demo judge)
        page.get_by_label(re.compile(f"（judge-{c}）")).check()
    page.get_by_role("button", name="保存评委名单").click()
    expect(page.get_by_role("status")).to_contain_text("评委名单已保存")
    reload_until(page, page.url.split("?")[0], lambda: page.locator(".works-waiting").inner_text() == "1")  # the qualified work
    page.get_by_role("button", name="分配待分配的作品").click()
    expect(page.get_by_role("status")).to_contain_text("作品已分配")
    expect(page.locator(".works-placed")).to_have_text("1")
    expect(page.locator("table.progress-judges tbody tr")).to_have_count(5)
    shot(page, "29-province-round")


def student_prepares_and_submits(page, base: str, tmp_path: Path) -> str:
    username, password = f"stu-{uuid.uuid4().hex[:8]}", "a-long-password-1"
    page.goto(f"{base}/web/signup")
    page.get_by_label("姓名").fill("张小明")
    page.get_by_label("学校").select_option(index=1)
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码", exact=True).fill(password)
    page.get_by_label("再次输入密码").fill(password)
    page.get_by_role("button", name="注册").click()
    log_in(page, base, username, password)
    work_id = draft_work(page, base, "一滴水的旅行", voice_over="dialect", subtitles="none")  # 东北话 narration

    film = upload_film_with_an_interruption(page, big_film(tmp_path / "作品.mp4"))
    assert len(film["progress"]) >= 3 and any("/秒" in p for p in film["progress"]), film["progress"]
    assert film["resumed_parts"] == [3, 3], film["resumed_parts"]  # refused as expired once, then stored
    assert film["renewals"] == [{"part_numbers": [3]}] * 2, film["renewals"]  # on resuming, and after the 403
    (tmp_path / "封面.jpg").write_bytes(media.image(640, 480))
    upload(page, "cover", tmp_path / "封面.jpg")
    (tmp_path / "海报.jpg").write_bytes(media.image(2000, 3000))  # optional, 2000x3000 (附件 四.2)
    upload(page, "poster", tmp_path / "海报.jpg")
    for form in ("application_form", "copyright_declaration"):
        pdf = page.request.get(f"{base}/web/works/{work_id}/forms/{form}")
        assert pdf.status == 200 and pdf.body()[:5] == b"%PDF-"
        (tmp_path / f"{form}.pdf").write_bytes(pdf.body())
        upload(page, form, tmp_path / f"{form}.pdf")
    shot(page, "11-files-inspecting")
    expect(page.locator('.inspection[data-done="0"]')).to_have_count(0, timeout=120_000)  # the page refreshes itself
    page.locator("article.slot[data-slot=film]").scroll_into_view_if_needed()
    shot(page, "12-inspection-checklist")
    assert page.locator("article.slot[data-slot=film] .checklist li").count() > 5

    page.get_by_role("link", name="检查并提交作品").click()
    confirm_and_submit(page)
    expect(page.locator(".alert[data-code=subtitles_required]")).to_contain_text("须加同期字幕")  # a dialect without subtitles (附件 四.3)
    shot(page, "13a-subtitles-required")
    page.goto(f"{base}/web/works/{work_id}")
    page.get_by_label("字幕", exact=True).select_option("burned_in")
    page.get_by_role("button", name="保存修改").click()
    expect(page.locator(".ok")).to_contain_text("已保存")
    page.get_by_role("link", name="检查并提交作品").click()
    shot(page, "13-submit-confirmation")
    confirm_and_submit(page)
    expect(page.locator(".ok")).to_contain_text("作品已提交")
    return work_id


def confirm_and_submit(page) -> None:
    """Tick the edition's two statements (通知 三.9, 三.10) and the final check, then submit."""
    page.get_by_label(re.compile("共享作品著作权")).check()
    page.get_by_label(re.compile("亲自创作")).check()
    page.get_by_label("我已核对，确认提交").check()
    page.get_by_role("button", name="确认提交").click()


def decide(page, base: str, work_id: str, action: str, code_index: int = 0, reason: str = "") -> None:
    reload_until(page, f"{base}/web/queue", lambda: page.locator(f'a[href="/web/works/{work_id}"]').count() > 0)
    page.locator(f'a[href="/web/works/{work_id}"]').click()
    page.get_by_label(action).check()
    if code_index:
        page.get_by_label(re.compile("退回原因")).select_option(index=code_index)
        page.get_by_label(re.compile("说明")).fill(reason)
    page.get_by_role("button", name="提交审核结果").click()
    expect(page.locator(".ok")).to_contain_text("已记录")


@pytest.mark.timeout(900)
def test_a_season_in_the_browser(stack, chromium, tmp_path):
    base, password = stack.gateway, stack.demo_password()
    accounts = stack.demo_accounts()
    student = chromium.new_context(viewport=VIEWPORT, locale="zh-CN").new_page()
    staff = chromium.new_context(viewport=VIEWPORT, locale="zh-CN").new_page()
    for page in (student, staff):
        page.set_default_timeout(20_000)

    work_id = student_prepares_and_submits(student, base, tmp_path)

    log_in(staff, base, accounts["school_admin"], password)
    reload_until(staff, f"{base}/web/queue", lambda: staff.locator(f'a[href="/web/works/{work_id}"]').count() > 0)
    shot(staff, "20-school-queue")
    staff.locator(f'a[href="/web/works/{work_id}"]').click()
    staff.wait_for_function("() => document.querySelector('video') && document.querySelector('video').readyState >= 1")
    shot(staff, "21-school-review")
    assert "方言（字幕：字幕压制在画面上）" in staff.locator("dl.facts").inner_text()  # the declaration reviewed
    decide(staff, base, work_id, "退回学生修改", code_index=1, reason=REASON)

    reload_until(student, f"{base}/web/works/{work_id}", lambda: student.locator(".alert.warn").count() > 0)
    assert REASON in student.locator(".alert.warn").inner_text()  # the markup is text
    assert student.evaluate("window.__pwned") is None
    shot(student, "14-returned")
    reload_until(student, f"{base}/web/notifications", lambda: "简介请补充测量方法" in student.locator(".cards").inner_text())
    shot(student, "15-notifications")
    student.goto(f"{base}/web/works/{work_id}")
    student.get_by_label("作品简介").fill("我们跟踪一滴水的旅程，并用电表测量了每个环节。")
    student.get_by_role("button", name="保存修改").click()
    expect(student.locator(".ok")).to_contain_text("已保存")
    student.get_by_role("link", name="检查并提交作品").click()
    confirm_and_submit(student)
    expect(student.locator(".ok")).to_contain_text("作品已提交")

    decide(staff, base, work_id, "报送上级")
    staff.get_by_role("button", name="退出登录").click()
    log_in(staff, base, accounts["region_admin"], password)
    decide(staff, base, work_id, "报送上级")

    # Judges from other regions, issued over the API (their pages come with the province's judging pages).
    client = httpx.Client(base_url=base, timeout=60)
    token = client.post("/auth/login", json={"username": accounts["province_admin"], "password": password}).json()
    regions = {r["code"]: r["id"] for r in client.get("/regions").json()["regions"]}
    for c in OTHER_REGIONS[:-1]:
        issued = client.post("/accounts/judges", headers={"Authorization": f"Bearer {token['token']}"},
                             json={"username": f"judge-{c}", "password": "judge-pass-1", "display_name": f"评委{c}",
                                   "region_id": regions[c]})
        assert issued.status_code == 201, issued.text

    stack.clock("2023-08-01T09:00")
    deadline = time.monotonic() + 60
    while client.get("/edition").json()["phase"] != "judging_open":
        assert time.monotonic() < deadline
        time.sleep(0.3)
    log_in(staff, base, accounts["province_admin"], password)  # the earlier session expired with the clock's jump
    staff.goto(f"{base}/web/queue")
    decide(staff, base, work_id, "确认参评资格")

    province_sets_up_judging(staff, base, OTHER_REGIONS[-1])

    judge = chromium.new_context(viewport=VIEWPORT, locale="zh-CN").new_page()
    log_in(judge, base, f"judge-{OTHER_REGIONS[0]}", "judge-pass-1")
    shot(judge, "30-judge-assignments")
    judge.get_by_role("link", name="一滴水的旅行").click()
    assert "张小明" not in judge.content() and "王老师" not in judge.content()  # blind
    for field in judge.locator(".criterion input").all():
        field.fill(field.get_attribute("max"))
    judge.get_by_role("button", name="保存草稿").click()
    expect(judge.locator(".ok")).to_contain_text("已保存")
    shot(judge, "31-judge-sheet")
    assert "配音语言：方言（字幕：字幕压制在画面上）" in judge.locator("main").inner_text()
    judge.get_by_role("button", name="提交评分").click()
    expect(judge.locator(".criterion").first).to_be_visible()
    judge.get_by_label(re.compile("修改理由")).fill("复看后调整")
    judge.locator(".criterion input").first.fill("1")
    judge.get_by_role("button", name="修改评分").click()
    expect(judge.locator(".ok")).to_contain_text("已保存")

    # Another judge knows the team: they withdraw on the sheet; five judges on five places leaves none to
    # take it over, and the other four still make a panel.
    other = chromium.new_context(viewport=VIEWPORT, locale="zh-CN").new_page()
    log_in(other, base, f"judge-{OTHER_REGIONS[1]}", "judge-pass-1")
    other.get_by_role("link", name="一滴水的旅行").click()
    other.locator("details.conflict summary").click()
    other.get_by_role("button", name="确认回避").click()  # an empty reason: the browser asks for one
    assert "/conflict" not in other.url
    other.get_by_label("回避理由").fill("作者是我的学生")
    shot(other, "32-judge-conflict")
    other.get_by_role("button", name="确认回避").click()
    expect(other.get_by_role("status")).to_contain_text("已申报回避")
    expect(other.get_by_role("link", name="一滴水的旅行")).to_have_count(0)

    auditor = chromium.new_context(viewport=VIEWPORT, locale="zh-CN").new_page()
    log_in(auditor, base, accounts["auditor"], password)
    auditor.goto(f"{base}/web/works/{work_id}/timeline")
    expect(auditor.locator(".version")).to_have_count(2)
    expect(auditor.locator(".version").nth(1)).to_contain_text("确认参评资格")
    shot(auditor, "40-auditor-timeline")

    events = run_async(wait_for_events(stack, work_id, last="WorkQualified", aggregate_type="ReviewCase"))
    assert chain_problems(events) == []
    assert [(e.type, e.actor.role) for e in events if e.type.startswith("Work")] == [
        ("WorkReturned", "school_admin"), ("WorkForwardedToRegion", "school_admin"),
        ("WorkForwardedToProvince", "region_admin"), ("WorkQualified", "province_admin")]
    returned = next(e for e in events if e.type == "WorkReturned")
    assert returned.payload["reason"] == REASON
