"""Browser tests: one `festival up` stack for the session and Debian's Chromium (see browser.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path[:0] = [str(Path(__file__).parent), str(Path(__file__).parents[1] / "e2e")]
from browser import ARGS, SHOTS, VIEWPORT, require_chromium  # noqa: E402
from running import start_stack, stop_stack  # noqa: E402


@pytest.fixture(scope="module")
def chromium():
    """Playwright's sync API holds an event loop while it is open: one module at a time, so that the
    asyncio tests that run after the browser tests find no loop of Playwright's still running."""
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=ARGS)
        print(f"\nscreenshots: {SHOTS}")
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def web_stack(tmp_path_factory, port_picker):
    """The session's stack for browser tests that keep the submission window open."""
    require_chromium()  # no stack for tests that will skip
    running = start_stack(tmp_path_factory.mktemp("festival-web"), port_picker())
    yield running
    stop_stack(running)


@pytest.fixture
def browser_page(chromium):
    """A fresh browser (own cookies and storage) at 1366x768, Chinese first."""
    context = chromium.new_context(viewport=VIEWPORT, locale="zh-CN", timezone_id="Asia/Shanghai")
    context.set_default_timeout(20_000)
    page = context.new_page()
    yield page
    context.close()
