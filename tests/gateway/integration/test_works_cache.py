"""The works cache on a real nats-server: dropped by intake's events as the relay publishes them, emptied and
bypassed while NATS is away; and two gateway replicas over one intake, each reading back a change the other
made once its event came (the rules without NATS: tests/gateway/unit/test_works_cache.py)."""

from __future__ import annotations

import asyncio
import time
from dataclasses import replace

import httpx
import nats
import pytest

from festival_cli.infra import start_nats
from festival_gateway import create_app
from festival_gateway.works_cache import WorksCache
from festival_kit import jetstream
from festival_kit.relay import Relay
from festival_registry.demo import PASSWORD

SECRET = "gateway-works-cache-secret-long-enough-for-hs256"
DRAFT = {"title": "校园里的风", "category": "documentary", "theme": "节能减排", "synopsis": "测风速。",
         "creators": [{"name": "张小明", "grade": "初二", "school": "长春市第一实验中学"}], "advisors": [],
         "voice_over": "mandarin", "subtitles": "none"}


class Intake:
    def __init__(self) -> None:
        self.calls = 0

    async def answer(self) -> int:
        self.calls += 1
        return self.calls


async def until(condition, seconds: float = 20.0, what: str = "") -> None:
    deadline = time.monotonic() + seconds
    while not await condition():
        assert time.monotonic() < deadline, f"not within {seconds:.0f} s: {what}"
        await asyncio.sleep(0.05)


def event(kind: str, aggregate_id: str) -> dict:
    return {"Festival-Event-Type": kind, "Nats-Msg-Id": f"{aggregate_id}:2"}


async def test_intakes_events_drop_what_they_change_and_nats_away_bypasses_the_cache(tmp_path, fresh_ports):
    ports = fresh_ports()
    server = start_nats(tmp_path, ports)
    cache, intake = WorksCache([server.url]), Intake()
    await cache.start()
    publisher = await nats.connect(server.url, max_reconnect_attempts=-1, reconnect_time_wait=0.2)
    try:
        first = await cache.read("w", intake.answer)
        assert await cache.read("w", intake.answer) == first and intake.calls == 1
        await cache.read("s", intake.answer)

        await publisher.publish("festival.intake.DraftEdited", b"{}", headers=event("DraftEdited", "other"))
        await publisher.publish("festival.intake.DraftEdited", b"{}", headers=event("DraftEdited", "s"))

        async def s_asked_again() -> bool:
            before = intake.calls
            await cache.read("s", intake.answer)
            return intake.calls > before

        await until(s_asked_again, what="the event of s reached the cache")
        calls = intake.calls
        assert await cache.read("w", intake.answer) == first and intake.calls == calls  # another work's event

        await publisher.publish("festival.intake.EditionViewRulesChanged", b"{}",
                                headers=event("EditionViewRulesChanged", "edition-view-id"))

        async def w_asked_again() -> bool:
            return await cache.read("w", intake.answer) != first

        await until(w_asked_again, what="an edition's event emptied the cache")

        server.stop()
        await until(lambda: _false(cache.live), what="the cache saw NATS go")
        calls = intake.calls
        for _ in range(3):
            await cache.read("w", intake.answer)
        assert intake.calls == calls + 3  # every read asks intake while nothing tells the cache of changes

        server = start_nats(tmp_path, ports)
        await until(lambda: _true(cache.live), what="the cache heard NATS again")
        await cache.read("w", intake.answer)
        calls = intake.calls
        await cache.read("w", intake.answer)
        assert intake.calls == calls
    finally:
        await publisher.close()
        await cache.stop()
        server.stop()


async def _caught_up(relay: Relay, intake) -> bool:
    return await relay.position() >= intake.max_notification_id()


async def _true(value: bool) -> bool:
    return value


async def _false(value: bool) -> bool:
    return not value


@pytest.fixture
async def relayed(platform, tmp_path, fresh_ports):
    """Two gateway replicas over the platform's intake, with intake's relay publishing to their NATS."""
    server = start_nats(tmp_path, fresh_ports())
    nc = await nats.connect(server.url)
    await jetstream.ensure_stream(nc.jetstream())
    stop = asyncio.Event()
    relay = Relay(platform.intake, nc.jetstream())
    running = asyncio.create_task(relay.run(stop))
    await until(lambda: _caught_up(relay, platform.intake), what="the relay published intake's events so far")
    settings = replace(platform.settings, nats_url=server.url)
    apps = [create_app(settings, SECRET) for _ in range(2)]
    clients = []
    for app in apps:
        await app.state.sessions.start()
        await app.state.works.start()
        clients.append(httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://gateway",
                                         timeout=30))
    yield apps, clients, lambda: _caught_up(relay, platform.intake)
    for app, client in zip(apps, clients, strict=True):
        await client.aclose()
        await app.state.works.stop()
        await app.state.sessions.stop()
        await app.state.services.close()
    stop.set()
    await running
    await nc.close()
    server.stop()


async def test_a_replica_reads_back_its_own_change_at_once_and_the_others_change_with_its_event(relayed):
    (app_a, app_b), (a, b), relayed_all = relayed
    reply = await a.post("/auth/login", json={"username": "demo-student", "password": PASSWORD})
    bearer = {"Authorization": f"Bearer {reply.json()['token']}"}
    work = (await a.post("/works", json=DRAFT, headers=bearer)).json()
    path = f"/works/{work['id']}"
    await until(relayed_all, what="the draft's event is on the log")  # else it may drop b's first read
    for app in (app_a, app_b):
        await app.state.works.nc.flush()  # the event has reached each replica's subscription ...
    await asyncio.sleep(0.1)  # ... and its callback has run
    for client in (a, b, b):
        assert (await client.get(path, headers=bearer)).json()["draft"]["title"] == DRAFT["title"]
    assert app_b.state.works.hits >= 1  # b's second read was its own copy

    edited = await a.put(path, json={**DRAFT, "title": "校园里的风（修改）"}, headers=bearer)
    assert edited.status_code == 200, edited.text
    assert (await a.get(path, headers=bearer)).json()["draft"]["title"] == "校园里的风（修改）"  # at once

    async def b_sees_it() -> bool:
        return (await b.get(path, headers=bearer)).json()["draft"]["title"] == "校园里的风（修改）"

    await until(b_sees_it, seconds=5, what="b read the change a made, once intake's event came")
    other = await b.get(path, headers={"Authorization": bearer["Authorization"][:-2] + "xx"})
    assert other.status_code == 401  # a cached work is no way around the token
