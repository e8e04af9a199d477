"""Debian's Chromium driven by Playwright for Python, and what the browser tests share.

Never `playwright install`: the browser is the system's /usr/bin/chromium (apt-get install chromium).
Without it the tests skip with a message, unless FESTIVAL_REQUIRE_BROWSER is set (.ci/run sets it): then
they fail.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("FESTIVAL_CHROMIUM", "/usr/bin/chromium")
# No first-run work, no updates, no phoning home: the test browser talks to the stack and nothing else.
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-default-apps", "--disable-breakpad", "--disable-domain-reliability", "--no-first-run",
        "--metrics-recording-only", "--disable-features=Translate,OptimizationHints,MediaRouter",
        "--disable-dev-shm-usage", "--mute-audio"]  # fmt: skip
VIEWPORT = {"width": 1366, "height": 768}
SHOTS = Path(os.environ.get("FESTIVAL_SCREENSHOTS", Path(__file__).parents[2] / "var" / "screenshots"))


def require_chromium() -> str:
    """The Chromium executable; skip (or fail under FESTIVAL_REQUIRE_BROWSER) when there is none."""
    found = CHROMIUM if os.access(CHROMIUM, os.X_OK) else shutil.which("chromium")
    if found:
        return found
    message = (f"no Chromium at {CHROMIUM}: browser tests need Debian's chromium "
               "(apt-get install -y chromium; never `playwright install`)")
    if os.environ.get("FESTIVAL_REQUIRE_BROWSER"):
        pytest.fail(message)
    pytest.skip(message)


def shot(page, name: str) -> Path:
    """A 1366x768 screenshot of the page into the screenshots folder (not committed)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path


def run_async(coro):
    """An asyncio coroutine run apart from Playwright's own loop (the log checks use nats-py)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def csrf_of(page) -> str:
    return page.locator('meta[name="csrf-token"]').get_attribute("content")


def log_in(page, base: str, username: str, password: str) -> None:
    page.goto(f"{base}/web/login")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    page.wait_for_load_state()
    assert "/web/login" not in page.url, page.locator(".alert").all_inner_texts()


def log_out(page) -> None:
    page.get_by_role("button", name=re.compile("退出登录|Log out")).click()
    page.wait_for_url(re.compile(r"/web/login"))


def draft_work(page, base: str, title: str, voice_over: str = "mandarin", subtitles: str = "none") -> str:
    """A new draft through the form (one creator, one advisor); returns the work's id."""
    page.goto(f"{base}/web/works/new")
    page.get_by_label("作品名称").fill(title)
    page.get_by_label("作品类别").select_option("documentary")
    page.get_by_label("作品主题").select_option(index=1)
    page.get_by_label("作品简介").fill("我们跟踪一滴水从水龙头到污水处理厂的旅程。")
    page.get_by_label("配音语言").select_option(voice_over)
    page.get_by_label("字幕", exact=True).select_option(subtitles)
    for label, value in (("主创姓名 1", "张小明"), ("年级 1", "初二"), ("学校 1", "长春市第一实验中学"),
                         ("指导教师 1", "王老师"), ("单位 1", "长春市第一实验中学"), ("电话 1", "13800000000")):
        page.get_by_label(label, exact=True).fill(value)
    page.get_by_role("button", name="保存草稿").click()
    page.wait_for_url(re.compile(r"/web/works/[0-9a-f-]+$"))
    return page.url.rsplit("/", 1)[1]


def page_as(chromium, base: str, username: str, password: str):
    """A fresh browser context (1366x768, Chinese, Shanghai time) signed in as that account."""
    context = chromium.new_context(viewport=VIEWPORT, locale="zh-CN", timezone_id="Asia/Shanghai")
    context.set_default_timeout(20_000)
    page = context.new_page()
    log_in(page, base, username, password)
    return page
