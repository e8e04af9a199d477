"""Works over the real intake: drafting, scope on every read and write, uploads, forms, refusals passed on."""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import unquote

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).parents[2]))
import media  # noqa: E402

SCHOOL = "长春市第一实验中学"
DRAFT = {
    "title": "校园里的节能账本", "category": "documentary", "theme": "节能减排", "synopsis": "我们测量了教室的用电。",
    "creators": [{"name": "李雷", "grade": "初二", "school": SCHOOL}],
    "advisors": [{"name": "王老师", "school": SCHOOL, "phone": "13800000000"}],
    "voice_over": "mandarin",
}  # fmt: skip


def error(reply: httpx.Response, status: int, code: str) -> dict:
    assert reply.status_code == status, reply.text
    body = reply.json()
    assert body["code"] == code and body["message_zh"] and body["message_en"], body
    return body


@pytest.fixture
async def work(http, login) -> dict:
    """A fresh draft of the demo student (school one of the demo region)."""
    reply = await http.post("/works", json=DRAFT, headers=await login("demo-student"))
    assert reply.status_code == 201, reply.text
    return reply.json()


async def test_a_student_drafts_a_work_at_their_own_school(http, login, work):
    me = (await http.get("/me", headers=await login("demo-student"))).json()
    assert (work["student_id"], work["school_id"], work["status"]) == (me["id"], me["school_id"], "draft")
    assert work["region_id"] == me["region_id"] and work["draft"]["creators"][0]["name"] == "李雷"
    listed = (await http.get("/works", headers=await login("demo-student"))).json()["works"]
    assert work["id"] in [w["id"] for w in listed] and {w["student_id"] for w in listed} == {me["id"]}


async def test_nine_creators_are_refused_by_intake_and_passed_on(http, login):
    team = [{"name": f"学生{n}", "grade": "初二", "school": SCHOOL} for n in range(9)]
    body = error(await http.post("/works", json={**DRAFT, "creators": team}, headers=await login("demo-student")),
                 422, "too_many_creators")
    assert "8" in body["message_zh"] and "9" in body["message_en"]


async def test_an_oversized_field_is_refused_by_the_gateway(http, login):
    body = error(await http.post("/works", json={**DRAFT, "title": "长" * 5000}, headers=await login("demo-student")),
                 422, "invalid_request")
    assert "title" in body["message_en"]


async def test_who_may_read_a_work(http, login, people, work):
    path = f"/works/{work['id']}"
    for username in (people.student_two, people.school_admin_two, people.region_admin_jilin):
        error(await http.get(path, headers=await login(username, people.password)), 403, "forbidden")
    for username in ("demo-student", "demo-school", "demo-region", "demo-province", "demo-auditor"):
        reply = await http.get(path, headers=await login(username))
        assert reply.status_code == 200 and reply.json()["id"] == work["id"], (username, reply.text)
    judge = await login("demo-judge")
    error(await http.get(path, headers=judge), 403, "forbidden")
    error(await http.get("/works", headers=judge), 403, "forbidden")
    error(await http.get("/works/0b9f0f7e-6a55-4c2e-9d55-000000000000", headers=await login("demo-student")),
          404, "not_found")


async def test_lists_are_scoped(http, login, people, work):
    other_school = (await http.get("/works", headers=await login(people.school_admin_two, people.password))).json()
    assert work["id"] not in [w["id"] for w in other_school["works"]]
    for username in ("demo-school", "demo-region", "demo-province"):
        listed = (await http.get("/works", headers=await login(username))).json()["works"]
        assert work["id"] in [w["id"] for w in listed], username
    jilin = await login(people.region_admin_jilin, people.password)
    assert work["id"] not in [w["id"] for w in (await http.get("/works", headers=jilin)).json()["works"]]
    error(await http.get(f"/works?region_id={work['region_id']}", headers=jilin), 403, "forbidden")


async def test_a_list_comes_in_pages(http, login, work):
    student = await login("demo-student")
    await http.post("/works", json={**DRAFT, "title": "第二部"}, headers=student)
    whole = (await http.get("/works?limit=500", headers=student)).json()
    assert whole["next_after"] == "" and len(whole["works"]) >= 2
    paged, after = [], ""
    while True:
        page = (await http.get(f"/works?limit=1&after={after}", headers=student)).json()
        assert len(page["works"]) == 1
        paged += [w["id"] for w in page["works"]]
        if not (after := page["next_after"]):
            break
    assert paged == [w["id"] for w in whole["works"]]
    error(await http.get("/works?after=0b9f0f7e-6a55-4c2e-9d55-000000000000", headers=student), 422, "bad_page")
    for limit in (0, 501, "x"):
        error(await http.get(f"/works?limit={limit}", headers=student), 422, "invalid_request")


async def test_only_its_student_changes_a_work(http, login, people, work):
    edited = {**DRAFT, "title": "校园里的节能账本（修订）"}
    for headers in (await login(people.student_two, people.password), await login("demo-school")):
        error(await http.put(f"/works/{work['id']}", json=edited, headers=headers), 403, "forbidden")
        error(await http.post(f"/works/{work['id']}/submit", headers=headers), 403, "forbidden")
    own = await http.put(f"/works/{work['id']}", json=edited, headers=await login("demo-student"))
    assert own.status_code == 200 and own.json()["draft"]["title"] == edited["title"], own.text


async def test_upload_a_cover_download_a_form_and_submit_too_early(http, login, work):
    student = await login("demo-student")
    cover = media.image(640, 480)
    upload = {"filename": "封面.jpg", "size": len(cover)}
    ticket = await http.post(f"/works/{work['id']}/files/cover/uploads", json=upload, headers=student)
    assert ticket.status_code == 200, ticket.text
    ticket = ticket.json()
    assert ticket["multipart"] is False and ticket["url"].startswith("http") and ticket["upload_id"]
    renew = f"/works/{work['id']}/uploads/{ticket['upload_id']}/renew"
    error(await http.post(renew, json={}, headers=await login("demo-school")), 403, "forbidden")
    error(await http.post(renew, json={"part_numbers": [0]}, headers=student), 422, "invalid_request")
    fresh = await http.post(renew, json={}, headers=student)
    assert fresh.status_code == 200 and fresh.json()["upload_id"] == ticket["upload_id"], fresh.text
    async with httpx.AsyncClient(timeout=30) as s3:
        assert (await s3.put(fresh.json()["url"], content=cover)).status_code == 200
    confirmed = await http.post(f"/works/{work['id']}/uploads/{ticket['upload_id']}/confirm", json={"parts": []},
                                headers=student)
    assert confirmed.status_code == 200, confirmed.text
    assert [f["slot"] for f in confirmed.json()["files"]] == ["cover"]
    assert isinstance(confirmed.json()["files"][0]["size"], int)
    error(await http.post(renew, json={}, headers=student), 404, "unknown_upload")  # confirmed: nothing to renew

    form = await http.get(f"/works/{work['id']}/forms/application_form", headers=student)
    assert form.status_code == 200 and form.headers["content-type"] == "application/pdf"
    assert form.content.startswith(b"%PDF")
    disposition = form.headers["content-disposition"]
    assert disposition.startswith("attachment; filename=") and "filename*=UTF-8''" in disposition
    assert unquote(disposition.split("UTF-8''")[1]).startswith("作品申报表")
    error(await http.get(f"/works/{work['id']}/forms/certificate", headers=student), 422, "invalid_request")

    body = error(await http.post(f"/works/{work['id']}/submit", headers=student), 422, "files_missing")
    assert "影片" in body["message_zh"] or "film" in body["message_en"].lower()
    for bad in ({"copyright": "perhaps"}, {"consent_version": "v" * 41}, {"signed": True}):
        error(await http.post(f"/works/{work['id']}/submit", json=bad, headers=student), 422, "invalid_request")


async def test_a_draft_declares_its_language_from_the_known_choices(http, login, work):
    student = await login("demo-student")
    assert work["draft"]["voice_over"] == "mandarin"
    edited = await http.put(f"/works/{work['id']}", json={**DRAFT, "voice_over": "dialect", "subtitles": "track"},
                            headers=student)
    assert edited.status_code == 200 and edited.json()["draft"]["subtitles"] == "track", edited.text
    for bad in ({"voice_over": "cantonese"}, {"subtitles": "open"}):
        error(await http.put(f"/works/{work['id']}", json={**DRAFT, **bad}, headers=student), 422, "invalid_request")
    assert (await http.get(f"/works/{work['id']}", headers=student)).json()["draft"]["voice_over"] == "dialect"


async def test_the_correlation_id_and_the_caller_reach_the_services_events(http, login, platform):
    headers = {**await login("demo-student"), "X-Correlation-Id": "gw-trace-0001"}
    reply = await http.post("/works", json=DRAFT, headers=headers)
    assert reply.status_code == 201 and reply.headers["x-correlation-id"] == "gw-trace-0001"
    events = [env for _, env in platform.intake.envelopes(0, 10_000) if env.aggregate_id == reply.json()["id"]]
    assert events and all(e.correlation_id == "gw-trace-0001" for e in events)
    assert {(e.actor.account_id, e.actor.role) for e in events} == {(reply.json()["student_id"], "student")}
