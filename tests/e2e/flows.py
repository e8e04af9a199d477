"""What the end-to-end tests do through the HTTP API, the way a client would."""

from __future__ import annotations

import asyncio
import time

import httpx
import nats

from festival_events.envelope import Envelope

DRAFT = {
    "title": "一滴水的旅行",
    "category": "documentary",
    "theme": "节能减排",
    "synopsis": "我们跟踪一滴水从水龙头到污水处理厂的旅程，测量每个环节的能耗。",
    "creators": [{"name": "李雷", "grade": "初二", "school": "长春市第一实验中学"},
                 {"name": "韩梅梅", "grade": "初二", "school": "长春市第一实验中学"}],
    "advisors": [{"name": "王老师", "school": "长春市第一实验中学", "phone": "13800000000"}],
    "voice_over": "mandarin", "subtitles": "none",
}  # fmt: skip


def consent(client: httpx.Client) -> dict:
    """The submit body of a student who read the edition's statements and ticked both."""
    return consent_body(client.get("/edition").json())


def consent_body(edition: dict) -> dict:
    """The submit body that confirms the consent texts of this edition (GET /edition's answer)."""
    return {"consent_version": edition["rules"]["consent"]["version"], "copyright": True, "originality": True}


def login(client: httpx.Client, stack, role: str) -> dict:
    reply = client.post("/auth/login", json={"username": stack.demo_accounts()[role], "password": stack.demo_password()})
    assert reply.status_code == 200, reply.text
    return {"Authorization": f"Bearer {reply.json()['token']}"}


def upload(client: httpx.Client, auth: dict, work_id: str, slot: str, filename: str, data: bytes) -> dict:
    """Ask for a presigned upload, put the bytes straight to S3, confirm; returns the work."""
    ticket = client.post(f"/works/{work_id}/files/{slot}/uploads", json={"filename": filename, "size": len(data)}, headers=auth)
    assert ticket.status_code == 200, ticket.text
    ticket = ticket.json()
    parts = []
    if ticket["multipart"]:
        size = ticket["part_size"]
        for part in ticket["parts"]:
            n = part["part_number"]
            put = httpx.put(part["url"], content=data[(n - 1) * size : n * size])
            assert put.status_code == 200, put.text
            parts.append({"part_number": n, "etag": put.headers["etag"]})
    else:
        assert httpx.put(ticket["url"], content=data).status_code == 200
    confirmed = client.post(f"/works/{work_id}/uploads/{ticket['upload_id']}/confirm", json={"parts": parts}, headers=auth)
    assert confirmed.status_code == 200, confirmed.text
    return confirmed.json()


async def events_of(stack, aggregate_id: str) -> list[Envelope]:
    nc = await nats.connect(stack.nats_url)
    js = nc.jetstream()
    info = await js.stream_info("FESTIVAL")
    found = []
    for seq in range(info.state.first_seq, info.state.last_seq + 1):
        env = Envelope.model_validate_json((await js.get_msg("FESTIVAL", seq)).data)
        if aggregate_id in (env.aggregate_id, env.payload.get("submission_id")):
            found.append(env)
    await nc.close()
    return found


async def wait_for_events(
    stack, work_id: str, last: str, timeout: float = 30.0, aggregate_type: str = "Submission"
) -> list[Envelope]:
    """The events of the work's aggregate of one type (intake's Submission, review's ReviewCase...), once the
    last one has the given type."""
    async with asyncio.timeout(timeout):
        while True:
            events = [e for e in await events_of(stack, work_id) if e.aggregate_type == aggregate_type]
            if events and events[-1].type == last:
                return events
            await asyncio.sleep(0.3)


def prepared_work(client: httpx.Client, auth: dict, film: bytes, cover: bytes, title: str,
                  category: str = "documentary") -> str:
    """A draft with every required file uploaded and confirmed (film, cover, both signed forms); returns its id."""
    created = client.post("/works", json={**DRAFT, "title": title, "category": category}, headers=auth)
    assert created.status_code in (200, 201), created.text
    work_id = created.json()["id"]
    upload(client, auth, work_id, "film", "作品.mp4", film)
    upload(client, auth, work_id, "cover", "封面.jpg", cover)
    for form in ("application_form", "copyright_declaration"):
        pdf = client.get(f"/works/{work_id}/forms/{form}", headers=auth)
        assert pdf.status_code == 200, pdf.text
        upload(client, auth, work_id, form, f"{form}.pdf", pdf.content)
    return work_id


def inspected(client: httpx.Client, auth: dict, work_id: str, timeout: float = 120.0) -> list[dict]:
    """Wait until every file of the work shows a finished inspection; returns the files (fails after `timeout`)."""
    deadline = time.monotonic() + timeout
    while True:
        files = client.get(f"/works/{work_id}", headers=auth).json()["files"]
        if all(f["inspection"]["status"] == "completed" for f in files):
            return files
        assert time.monotonic() < deadline, files
        time.sleep(0.5)


def submit_when_inspected(client: httpx.Client, auth: dict, work_id: str, timeout: float = 120.0) -> dict:
    """Submit once media inspection has finished with the files (intake refuses while it runs)."""
    deadline, body = time.monotonic() + timeout, consent(client)
    while True:
        reply = client.post(f"/works/{work_id}/submit", json=body, headers=auth)
        if reply.status_code == 200 or reply.json().get("code") != "inspection_pending" or time.monotonic() > deadline:
            assert reply.status_code == 200, reply.text
            return reply.json()
        time.sleep(0.5)


async def service_log(stack, service: str) -> list[Envelope]:
    """Every event a service has put on FESTIVAL, in stream order."""
    nc = await nats.connect(stack.nats_url)
    js = nc.jetstream()
    sub = await js.subscribe(f"festival.{service}.>", ordered_consumer=True)
    info = await js.stream_info("FESTIVAL", subjects_filter=f"festival.{service}.>")
    total = sum((info.state.subjects or {}).values())
    found = [Envelope.model_validate_json((await sub.next_msg(timeout=5)).data) for _ in range(total)]
    await nc.close()
    return found
