"""Issue 4's play through the HTTP API of a stack `festival up` started: submit, school returns, student fixes and
resubmits, school and region forward, the region files its table, the clock moves to August, the province qualifies
one work and disqualifies another; every step is on FESTIVAL in order and in each work's timeline."""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

import httpx
import openpyxl
import pytest

sys.path[:0] = [str(Path(__file__).parents[1]), str(Path(__file__).parent)]
import media  # noqa: E402
from flows import login, prepared_work, submit_when_inspected, wait_for_events  # noqa: E402
from running import start_stack, stop_stack  # noqa: E402

from festival_events.envelope import chain_problems  # noqa: E402


def ok(reply: httpx.Response) -> dict:
    assert reply.status_code == 200, reply.text
    return reply.json()


def wait_until(check, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.3)


def once_in_phase(client: httpx.Client, path: str, auth: dict, body: dict, timeout: float = 60.0) -> dict:
    """A decision sent until review's own view of the phase has caught up with the clock (it learns the
    deadline from the log, so a loaded machine can answer wrong_phase a moment after /edition moved on; a
    refusal records nothing)."""
    deadline = time.monotonic() + timeout
    while True:
        reply = client.post(path, headers=auth, json=body)
        if reply.status_code != 409 or reply.json().get("code") != "wrong_phase" or time.monotonic() > deadline:
            return ok(reply)
        time.sleep(0.3)


def waiting(client: httpx.Client, auth: dict) -> set[str]:
    return {c["submission_id"] for c in ok(client.get("/review/queue", headers=auth))["cases"]}


@pytest.fixture
def stack(tmp_path, port_picker):
    """A stack of its own: this test moves the clock to August."""
    running = start_stack(tmp_path / "var", port_picker())
    yield running
    assert stop_stack(running) == 0


@pytest.mark.timeout(900)
async def test_a_season_of_review_on_the_log(stack, tmp_path):
    client = httpx.Client(base_url=stack.gateway, timeout=60)
    student, school, region = (login(client, stack, r) for r in ("student", "school_admin", "region_admin"))
    film = media.film(tmp_path / "film.mp4", seconds=3).read_bytes()
    cover = media.image(640, 480)
    kept = prepared_work(client, student, film, cover, "一滴水的旅行")
    dropped = prepared_work(client, student, film, cover, "风从哪里来")
    for work in (kept, dropped):
        submit_when_inspected(client, student, work)
    wait_until(lambda: {kept, dropped} <= waiting(client, school))

    # The school returns one work; the student is told why, fixes it and resubmits (version 2).
    returned = client.post(f"/works/{kept}/review/school", headers=school,
                           json={"action": "return", "reason_code": "information_incorrect", "reason": "简介请补充测量方法"})
    assert ok(returned)["status"] == "returned"
    wait_until(lambda: client.get(f"/works/{kept}", headers=student).json()["status"] == "returned")
    wait_until(lambda: any("简介请补充测量方法" in str(n) for n in ok(client.get("/notifications", headers=student))["notifications"]))
    fixed = client.get(f"/works/{kept}", headers=student).json()["draft"]
    ok(client.put(f"/works/{kept}", headers=student, json={**fixed, "synopsis": fixed["synopsis"] + "我们用电表测量了每个环节。"}))
    assert submit_when_inspected(client, student, kept)["version"] == 2
    wait_until(lambda: kept in waiting(client, school))

    for work in (kept, dropped):
        ok(client.post(f"/works/{work}/review/school", headers=school, json={"action": "forward"}))
    wait_until(lambda: {kept, dropped} <= waiting(client, region))
    for work in (kept, dropped):
        ok(client.post(f"/works/{work}/review/region", headers=region, json={"action": "forward"}))

    # The region downloads its statistics table and files it before 7-20 16:00.
    region_id = ok(client.get("/me", headers=region))["region_id"]
    table = client.get(f"/regions/{region_id}/statistics.xlsx", headers=region)
    assert table.status_code == 200, table.text
    rows = list(openpyxl.load_workbook(io.BytesIO(table.content)).active.iter_rows(values_only=True))
    assert {"一滴水的旅行", "风从哪里来"} <= {cell for row in rows for cell in row}
    ok(client.post(f"/regions/{region_id}/statistics/filing", headers=region, json={"sha256": table.headers["x-table-sha256"]}))

    # August: the window and the region deadline have passed; the province decides.
    stack.clock("2023-08-01T09:00")
    wait_until(lambda: client.get("/edition").json()["phase"] == "judging_open")
    province = login(client, stack, "province_admin")  # the earlier tokens expired with the clock's jump
    wait_until(lambda: {kept, dropped} <= waiting(client, province))
    once_in_phase(client, f"/works/{kept}/review/province", province, {"action": "qualify"})
    once_in_phase(client, f"/works/{dropped}/review/province", province,
                  {"action": "disqualify", "reason_codes": ["off_theme"], "evidence": "内容与节能减排无关"})
    filings = ok(client.get("/review/filings", headers=province))["regions"]
    assert [f["filed"] for f in filings if f["region_id"] == region_id] == [True]

    # The log holds each step in order, each work's review chain intact; the timelines show the same story.
    kept_events = await wait_for_events(stack, kept, last="WorkQualified", aggregate_type="ReviewCase")
    dropped_events = await wait_for_events(stack, dropped, last="WorkDisqualified", aggregate_type="ReviewCase")
    for events in (kept_events, dropped_events):
        assert chain_problems(events) == []
    decisions = [(e.type, e.actor.role) for e in kept_events if e.type.startswith("Work")]
    assert decisions == [("WorkReturned", "school_admin"), ("WorkForwardedToRegion", "school_admin"),
                         ("WorkForwardedToProvince", "region_admin"), ("WorkQualified", "province_admin")]
    assert [e.payload["submission_version"] for e in kept_events if e.type == "ReviewVersionReceived"] == [1, 2]
    timeline = ok(client.get(f"/works/{kept}/timeline", headers=province))
    versions = timeline["versions"]
    assert [v["submission_version"] for v in versions] == [1, 2]
    assert [e["kind"] for e in versions[0]["entries"] if e["kind"] != "inspected"] == ["submitted", "returned"]
    assert [e["kind"] for e in versions[1]["entries"] if e["kind"] != "inspected"] == [
        "submitted", "forwarded_to_region", "forwarded_to_province", "qualified"]
    student_view = ok(client.get(f"/works/{dropped}/timeline", headers=login(client, stack, "student")))
    last = student_view["versions"][-1]["entries"][-1]
    assert last["kind"] == "disqualified" and last["decision"]["actor_account_id"] == ""
