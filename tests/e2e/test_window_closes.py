"""When the stack's clock passes the window's close, unfinished drafts are withdrawn and nothing can be submitted."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from flows import DRAFT, login, wait_for_events  # noqa: E402
from running import start_stack, stop_stack  # noqa: E402


@pytest.mark.timeout(600)
async def test_closing_the_window_withdraws_drafts_and_refuses_late_work(tmp_path, port_picker):
    stack = start_stack(tmp_path / "var", port_picker())
    try:
        client = httpx.Client(base_url=stack.gateway, timeout=30)
        auth = login(client, stack, "student")
        work_id = client.post("/works", json=DRAFT, headers=auth).json()["id"]
        assert client.get("/edition").json()["phase"] == "window_open"

        stack.clock("2023-07-11T00:05")  # Asia/Shanghai: five minutes after 7-10 24:00
        events = await wait_for_events(stack, work_id, last="SubmissionWithdrawn")
        assert events[-1].payload["reason_code"] == "window_closed"
        assert events[-1].actor.role == "system"  # the scheduler's phase event caused it, not a person

        deadline = time.monotonic() + 10
        while client.get("/edition").json()["phase"] == "window_open" and time.monotonic() < deadline:
            time.sleep(0.2)
        assert client.get("/edition").json()["phase"] == "window_closed"
        assert client.get(f"/works/{work_id}", headers=auth).json()["code"] == "token_expired"  # 15 days later
        auth = login(client, stack, "student")
        late = client.post(f"/works/{work_id}/submit", headers=auth)
        assert late.status_code in (409, 422) and late.json()["message_zh"] and late.json()["message_en"]
        assert client.get(f"/works/{work_id}", headers=auth).json()["status"] == "withdrawn"
        new = client.post("/works", json=DRAFT, headers=auth)
        assert new.status_code in (409, 422), new.text
    finally:
        assert stop_stack(stack) == 0
