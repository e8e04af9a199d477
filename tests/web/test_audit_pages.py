"""Issue 9's auditor views as pages, in Chromium: the demo auditor signs a checkpoint, starts a verify run with the
keyboard and watches it finish clean (the runs refresh themselves), downloads a checkpoint's signed note, reads a
submitted work's events on the log from its timeline; anyone reads the public checkpoints page; a student is
refused every audit page, and a form posted without its CSRF token is refused too."""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import httpx
from playwright.sync_api import expect

sys.path[:0] = [str(Path(__file__).parent), str(Path(__file__).parents[1]), str(Path(__file__).parents[1] / "e2e")]
import media  # noqa: E402
from browser import SHOTS, VIEWPORT, csrf_of, log_in  # noqa: E402
from flows import login, prepared_work, submit_when_inspected  # noqa: E402

PHONE = {"width": 390, "height": 844}


def shots(page, name: str) -> None:
    """The whole page at 1366 wide, then at a phone's width (screenshots are looked at, not compared)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=str(SHOTS / f"{name}-phone.png"), full_page=True)
    page.set_viewport_size(VIEWPORT)


def new_page(chromium):
    context = chromium.new_context(viewport=VIEWPORT, locale="zh-CN", timezone_id="Asia/Shanghai")
    context.set_default_timeout(20_000)
    return context.new_page()


def until(check, timeout: float = 60.0, what: str = ""):
    deadline = time.monotonic() + timeout
    while not (found := check()):
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.5)
    return found


def submitted_work(stack, tmp_path: Path) -> str:
    """A work submitted through the API (3-second film, cover, both forms), so that it has a review case."""
    with httpx.Client(base_url=stack.gateway, timeout=30) as client:
        student = login(client, stack, "student")
        film = media.film(tmp_path / "film.mp4", seconds=3).read_bytes()
        work_id = prepared_work(client, student, film, media.image(640, 480), "审计页面测试作品")
        submit_when_inspected(client, student, work_id)
    return work_id


def test_the_auditor_signs_verifies_downloads_and_reads_a_work_on_the_log(web_stack, chromium, tmp_path):
    stack, base = web_stack, web_stack.gateway
    accounts, password = stack.demo_accounts(), stack.demo_password()
    work_id = submitted_work(stack, tmp_path)
    public = httpx.get(f"{base}/audit/checkpoints").json()
    until(lambda: httpx.get(f"{base}/audit/checkpoints").json()["log_size"] > public["log_size"], what="the log")

    auditor = new_page(chromium)
    log_in(auditor, base, accounts["auditor"], password)
    auditor.get_by_role("navigation", name="主导航").get_by_role("link", name="审计", exact=True).click()
    expect(auditor.get_by_role("heading", level=1)).to_contain_text("审计")

    # Sign a checkpoint now: it is listed first, named 按需, with its size and a download link.
    auditor.get_by_role("button", name="立即签署检查点").click()
    expect(auditor.locator(".ok")).to_contain_text("已签署新的检查点")
    newest = auditor.locator("#checkpoints tbody tr").first
    expect(newest).to_contain_text("按需")
    signed = httpx.get(f"{base}/audit/checkpoints").json()
    mine = signed["checkpoints"][-1]
    assert mine["trigger"] == "on_demand" and mine["size"] > 0
    expect(newest.locator("td").nth(1)).to_have_text(str(mine["size"]))
    expect(newest.locator(".hash")).to_have_attribute("title", mine["root"])
    expect(auditor.locator("#verifier-key")).to_have_text(signed["verifier_key"])
    command = auditor.locator("pre.command")
    expect(command).to_contain_text("festival audit verify")
    expect(command).to_contain_text(f"--key {signed['verifier_key']} \\")

    # Start a verify run with the keyboard; the runs refresh themselves until it has finished with no problem.
    auditor.get_by_role("button", name="开始核验").focus()
    auditor.keyboard.press("Enter")
    expect(auditor.locator(".ok").first).to_contain_text("已开始核验")
    url = auditor.url
    run = auditor.locator("#audit-runs article.run").first
    expect(run).to_have_attribute("data-status", "finished", timeout=120_000)
    assert auditor.url == url  # refreshed in place, not reloaded
    expect(run.locator(".run-outcome")).to_contain_text("发现问题：0")
    expect(run.locator("table.problems")).to_have_count(0)
    expect(auditor.get_by_role("button", name="开始核验")).to_be_enabled()
    shots(auditor, "50-audit")
    auditor.get_by_role("link", name="English").click()
    expect(auditor.get_by_role("heading", level=1)).to_have_text("Audit: verify runs and checkpoints")
    expect(run.locator(".run-outcome")).to_contain_text("Problems found: 0")
    auditor.screenshot(path=str(SHOTS / "50-audit-en.png"), full_page=True)
    auditor.get_by_role("link", name="中文").click()

    # Download the checkpoint just signed: the signed note, starting with the log's origin line.
    with auditor.expect_download() as download:
        newest.get_by_role("link", name=re.compile("下载检查点")).click()
    saved = Path(download.value.path()).read_text(encoding="utf-8")
    assert download.value.suggested_filename == f"checkpoint-{mine['size']}-on_demand.txt"
    assert saved == mine["note"] and saved.splitlines()[0] == mine["origin"]
    assert saved.splitlines()[1] == str(mine["size"]) and "\u2014 " in saved

    # The work's events on the log, reached from its timeline: seq, time, shortened hash with the whole value.
    timeline = f"{base}/web/works/{work_id}/timeline"
    until(lambda: auditor.goto(timeline).status == 200, what="the work's review case")
    auditor.get_by_role("link", name="日志记录与包含证明").click()
    expect(auditor.get_by_role("heading", level=1)).to_contain_text("审计页面测试作品")
    with httpx.Client(base_url=base) as client:
        logged = client.get(f"/works/{work_id}/audit", headers=login(client, stack, "auditor")).json()
    rows = auditor.locator("table.log-events tbody tr")
    expect(rows).to_have_count(len(logged["events"]))
    first = logged["events"][0]
    assert first["service"] == "intake", first
    expect(rows.first.locator("td").first).to_have_text(str(first["seq"]))
    expect(rows.first.locator("td").nth(5).locator(".hash")).to_have_attribute("title", first["hash"])
    expect(rows.first.locator(".proof-length")).to_have_text(f"{len(first['path'])} 个节点")
    assert any(e["path"] for e in logged["events"])
    shots(auditor, "51-work-on-the-log")

    # A form posted without its CSRF token is refused, and signs nothing.
    refused = auditor.request.post(f"{base}/web/audit/checkpoints", form={"csrf": "wrong"})
    assert refused.status == 403 and "csrf_failed" in refused.text()
    assert len(httpx.get(f"{base}/audit/checkpoints").json()["checkpoints"]) == len(signed["checkpoints"])

    # Anyone (a region above all) reads the checkpoints and why to keep them, and downloads one.
    anyone = new_page(chromium)
    anyone.goto(f"{base}/web/audit/checkpoints")
    expect(anyone.get_by_role("heading", name="为什么要保存检查点")).to_be_visible()
    expect(anyone.locator("tbody tr").first).to_contain_text("按需")
    with anyone.expect_download() as download:
        anyone.locator("tbody tr").first.get_by_role("link", name=re.compile("下载检查点")).click()
    assert Path(download.value.path()).read_text(encoding="utf-8") == mine["note"]
    shots(anyone, "52-public-checkpoints")
    region = new_page(chromium)
    log_in(region, base, accounts["region_admin"], password)
    region.get_by_role("link", name="日志检查点").click()
    expect(region.locator("tbody tr").first).to_contain_text("按需")

    # A student is refused every audit page (a 403 page, no data) and sees no audit link.
    student = new_page(chromium)
    log_in(student, base, accounts["student"], password)
    expect(student.get_by_role("navigation", name="主导航").get_by_role("link", name="审计", exact=True)).to_have_count(0)
    for path in ("/web/audit", f"/web/works/{work_id}/audit", "/web/audit/runs"):
        answer = student.goto(f"{base}{path}")
        assert answer.status == 403, path
        expect(student.locator(".alert")).to_contain_text("您没有权限")
        assert first["hash"] not in student.content()
    refused = student.request.post(f"{base}/web/audit/runs", form={"csrf": csrf_of(student)})
    assert refused.status == 403 and "forbidden" in refused.text()
    shots(student, "53-audit-refused")
