"""Issue 12's locks, on two gateway replicas sharing a real NATS: failed logins counted across both (the 11th for
a username waits, with Retry-After, while another user logs in), logout ending a token on both replicas within
a second, sign-ups limited per address, security headers on every answer and Allow on a 405."""

from __future__ import annotations

import asyncio
import sys
import time
from dataclasses import replace
from pathlib import Path

import httpx
import pytest

from festival_cli.infra import Managed, spawn, start_nats
from festival_gateway import create_app
from festival_gateway.sessions import SIGN_UPS
from festival_gateway.tokens import Tokens
from festival_registry.demo import PASSWORD

SECRET = "gateway-sessions-secret-long-enough-for-hs256"


@pytest.fixture
async def replicas(platform, nats_server):
    """Two gateway apps over the same services and the same NATS, as behind a load balancer."""
    settings = replace(platform.settings, nats_url=nats_server.url)
    apps = [create_app(settings, SECRET) for _ in range(2)]
    clients = []
    for app in apps:
        await app.state.sessions.start()
        clients.append(httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://gateway",
                                         timeout=30))
    yield clients
    for app, client in zip(apps, clients, strict=True):
        await client.aclose()
        await app.state.sessions.stop()
        await app.state.services.close()


def login(username: str, password: str = PASSWORD) -> dict:
    return {"username": username, "password": password}


async def test_the_eleventh_failed_login_waits_and_another_user_is_unaffected(replicas):
    first, second = replicas
    spellings = ("demo-judge", " demo-judge", "Demo-Judge ")  # the registry finds one account under each
    for n in range(10):  # alternating replicas: the count is shared
        wrong = await (first, second)[n % 2].post("/auth/login", json=login(spellings[n % 3], "not-the-password-1"))
        assert wrong.status_code == 401 and wrong.json()["code"] == "bad_credentials"
    for client in (first, second):
        locked = await client.post("/auth/login", json=login("demo-judge"))  # even the right password waits
        assert locked.status_code == 429 and locked.json()["code"] == "too_many_attempts", locked.text
        assert 1 <= int(locked.headers["retry-after"]) <= 15 * 60
        assert "分钟后再试" in locked.json()["message_zh"] and "try again" in locked.json()["message_en"]
    for spelling in ("DEMO-JUDGE", "  demo-judge\t"):  # nor by its spelling
        assert (await first.post("/auth/login", json=login(spelling))).status_code == 429
    other = await second.post("/auth/login", json=login("demo-auditor"))
    assert other.status_code == 200, other.text


async def test_guesses_sent_all_at_once_get_no_more_than_the_limit(replicas):
    first, _ = replicas
    answers = await asyncio.gather(*(first.post("/auth/login", json=login("demo-school", f"guess-number-{n}"))
                                     for n in range(25)))
    assert sorted(a.status_code for a in answers) == [401] * 10 + [429] * 15


async def test_a_good_login_clears_its_users_failures(replicas):
    first, _ = replicas
    for _ in range(9):
        assert (await first.post("/auth/login", json=login("demo-region", "not-the-password-1"))).status_code == 401
    assert (await first.post("/auth/login", json=login("demo-region"))).status_code == 200
    for _ in range(9):  # counted from zero again
        assert (await first.post("/auth/login", json=login("demo-region", "not-the-password-1"))).status_code == 401
    assert (await first.post("/auth/login", json=login("demo-region"))).status_code == 200


async def test_a_replica_that_has_just_started_refuses_a_token_logged_out_before(replicas, platform, nats_server):
    first, _ = replicas
    token = (await first.post("/auth/login", json=login("demo-auditor"))).json()["token"]
    assert (await first.post("/auth/logout", headers={"Authorization": f"Bearer {token}"})).status_code == 200
    kept = (await first.post("/auth/login", json=login("demo-auditor"))).json()["token"]
    app = create_app(replace(platform.settings, nats_url=nats_server.url), SECRET)
    await app.state.sessions.start()
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://gateway") as new:
            answer = await new.get("/me", headers={"Authorization": f"Bearer {token}"})  # its first request
            assert (answer.status_code, answer.json()["code"]) == (401, "token_revoked")
            assert (await new.get("/me", headers={"Authorization": f"Bearer {kept}"})).status_code == 200
    finally:
        await app.state.sessions.stop()
        await app.state.services.close()


async def test_logout_ends_the_token_on_every_replica_within_a_second(replicas):
    first, second = replicas
    token = (await first.post("/auth/login", json=login("demo-province"))).json()["token"]
    bearer = {"Authorization": f"Bearer {token}"}
    assert (await second.get("/me", headers=bearer)).status_code == 200
    kept = (await first.post("/auth/login", json=login("demo-province"))).json()["token"]
    assert (await first.post("/auth/logout", headers=bearer)).json() == {"logged_out": True}
    assert (await first.get("/me", headers=bearer)).json()["code"] == "token_revoked"
    started = time.monotonic()
    while (await second.get("/me", headers=bearer)).status_code == 200:
        assert time.monotonic() - started < 1.0, "the other replica still takes the token"
        await asyncio.sleep(0.02)
    answer = await second.get("/me", headers=bearer)
    assert (answer.status_code, answer.json()["code"]) == (401, "token_revoked")
    assert (await second.get("/me", headers={"Authorization": f"Bearer {kept}"})).status_code == 200  # only that one
    assert (await first.post("/auth/logout")).status_code == 401


async def test_sign_ups_from_one_address_are_limited(replicas):
    """Every sign-up attempt from an address counts, refused ones too; past the limit the answer is 429."""
    first, second = replicas
    body = {"username": "someone", "password": "a-long-password-1", "display_name": "学生", "school_id": "no-such"}
    for n in range(SIGN_UPS.count):
        answer = await (first, second)[n % 2].post("/accounts/students", json=body)
        assert answer.status_code == 404, answer.text  # no such school: refused by registry, and counted
    limited = await first.post("/accounts/students", json=body)
    assert (limited.status_code, limited.json()["code"]) == (429, "too_many_attempts")
    assert int(limited.headers["retry-after"]) > 0 and "注册" in limited.json()["message_zh"]


async def test_every_answer_carries_the_security_headers_and_a_405_says_what_is_allowed(replicas):
    first, _ = replicas
    for path in ("/edition", "/web/login", "/no-such-route"):
        answer = await first.get(path)
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["referrer-policy"] == "no-referrer"
        policy = answer.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in policy and "script-src 'self'" in policy
    assert "script-src" not in (await first.get("/docs")).headers["content-security-policy"]  # Swagger UI's CDN
    wrong = await first.delete("/auth/login")
    assert wrong.status_code == 405 and wrong.json()["code"] == "method_not_allowed"
    assert wrong.headers["allow"] == "POST"


async def test_a_405_names_every_method_of_a_path_with_several_routes(replicas):
    first, _ = replicas
    wrong = await first.delete("/works")
    assert wrong.status_code == 405 and wrong.headers["allow"] == "GET, POST"


async def test_a_replica_started_while_jetstream_does_not_answer_takes_no_token_until_it_does(platform, tmp_path,
                                                                                                 fresh_ports):
    """NATS up without JetStream (as a just restarted or leaderless cluster answers): logins work, every token is
    refused with 503 at once rather than taken unchecked; once JetStream answers, the replica loads what ends
    tokens and takes them, and one logged out before is refused."""
    ports = fresh_ports()
    plain = Managed("nats-plain", spawn([str(Path(sys.executable).parent / "nats-server"), "-a", "127.0.0.1",
                                         "-p", str(ports.of("nats"))], tmp_path / "plain.log"), tmp_path / "plain.log")
    url = f"nats://127.0.0.1:{ports.of('nats')}"
    app = create_app(replace(platform.settings, nats_url=url), SECRET)
    server = None
    try:
        await app.state.sessions.start()  # connects (the plain server is up or soon is) and finds no JetStream
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://gateway") as client:
            token = (await client.post("/auth/login", json=login("demo-auditor"))).json()["token"]
            logged_out = (await client.post("/auth/login", json=login("demo-auditor"))).json()["token"]
            answer = await client.get("/me", headers={"Authorization": f"Bearer {token}"})
            assert (answer.status_code, answer.json()["code"]) == (503, "service_unavailable"), answer.text
            plain.stop()
            server = start_nats(tmp_path, ports)  # the same address, now with JetStream
            other = create_app(replace(platform.settings, nats_url=url), SECRET)  # a healthy replica logs one out
            await other.state.sessions.start()
            await other.state.sessions.revoke(Tokens(SECRET).verify(logged_out).token_id)
            await other.state.sessions.stop()
            await other.state.services.close()
            started = time.monotonic()
            while (answer := await client.get("/me", headers={"Authorization": f"Bearer {token}"})).status_code == 503:
                assert time.monotonic() - started < 30, "the replica never opened its buckets"
                await asyncio.sleep(0.2)
            assert answer.status_code == 200, answer.text
            refused = await client.get("/me", headers={"Authorization": f"Bearer {logged_out}"})
            assert (refused.status_code, refused.json()["code"]) == (401, "token_revoked")
    finally:
        await app.state.sessions.stop()
        await app.state.services.close()
        plain.stop()
        if server is not None:
            server.stop()
