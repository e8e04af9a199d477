"""`festival up` keeps its data under FESTIVAL_DATA_DIR across a restart and stops cleanly on Ctrl-C."""

from __future__ import annotations

import sys
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from running import start_stack, stop_stack  # noqa: E402
from flows import DRAFT, login  # noqa: E402


@pytest.mark.timeout(600)
def test_a_draft_survives_a_restart_of_the_whole_stack(tmp_path, port_picker):
    ports = port_picker()
    first = start_stack(tmp_path / "var", ports)
    with httpx.Client(base_url=first.gateway, timeout=30) as client:
        auth = login(client, first, "student")
        work_id = client.post("/works", json=DRAFT, headers=auth).json()["id"]
    assert stop_stack(first) == 0
    assert any("stopped" in line for line in first.output)

    second = start_stack(tmp_path / "var", ports)
    try:
        with httpx.Client(base_url=second.gateway, timeout=30) as client:
            auth = login(client, second, "student")
            work = client.get(f"/works/{work_id}", headers=auth)
            assert work.status_code == 200 and work.json()["draft"]["title"] == DRAFT["title"]
    finally:
        assert stop_stack(second) == 0
