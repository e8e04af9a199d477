"""Chaos (issue 11): students draft and edit works through the gateway while a chaos loop kill -9s services,
the gateway and an inspection worker (each one carrying its relay and consumers) and once nats-server.

After it, with the stack healed: every command that got a 2xx shows in the work it changed and has its
event exactly once on FESTIVAL, every aggregate's events in version order with its hash chain intact;
a command that got a 5xx or no answer either happened completely or not at all.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import random
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import nats
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from flows import DRAFT  # noqa: E402
from running import start_stack, stop_stack  # noqa: E402
from test_stack_heals import children, cmdline  # noqa: E402

from festival_events.envelope import Envelope, chain_problems  # noqa: E402

pytestmark = [pytest.mark.chaos, pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="Linux /proc")]

WORKS = int(os.environ.get("FESTIVAL_CHAOS_WORKS", "300"))
KILLS = int(os.environ.get("FESTIVAL_CHAOS_KILLS", "20"))
VICTIMS = ("festival_intake", "festival_registry", "festival_review", "festival_scoring", "festival_gateway",
           "festival_inspection")
REST_S = 16.0  # a victim is killed again only after this: the supervisor gives up on fast repeated crashes
CLIENTS = 6


@dataclass
class Ledger:
    """What each command got. Per work, its edits in the order sent: (title, True for 2xx, None in doubt:
    a 5xx or no answer). A refusal (4xx) changed nothing and is not kept."""

    created: dict[str, str] = field(default_factory=dict)
    doubtful_creates: list[str] = field(default_factory=list)
    edits: dict[str, list[tuple[str, bool | None]]] = field(default_factory=dict)
    statuses: dict[int | str, int] = field(default_factory=dict)

    def acked(self, work_id: str) -> list[str]:
        return [title for title, ok in self.edits.get(work_id, []) if ok]

    def possible_finals(self, work_id: str) -> set[str]:
        """The titles the work may show: the last acknowledged one, or one in doubt sent after it."""
        edits = self.edits.get(work_id, [])
        last = max((i for i, (_, ok) in enumerate(edits) if ok), default=-1)
        base = edits[last][0] if last >= 0 else self.created[work_id]
        return {base} | {title for title, ok in edits[last + 1:] if ok is None}


class Student:
    """One student's session that signs in again whenever its answer says so (the gateway restarted)."""

    def __init__(self, client: httpx.AsyncClient, stack):
        self.client, self.stack, self.headers = client, stack, {}

    async def login(self) -> None:
        body = {"username": self.stack.demo_accounts()["student"], "password": self.stack.demo_password()}
        for _ in range(100):
            try:
                reply = await self.client.post("/auth/login", json=body)
                if reply.status_code == 200:
                    self.headers = {"Authorization": f"Bearer {reply.json()['token']}"}
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.5)
        raise AssertionError("could not sign in")

    async def send(self, method: str, path: str, body: dict) -> tuple[int | str, dict]:
        """The answer's status (or the error's name when none came) and body. A refused connection sent
        nothing, so it is tried again; after a 5xx the student pauses a moment, as a person would."""
        for _ in range(600):
            try:
                reply = await self.client.request(method, path, json=body, headers=self.headers)
                break
            except (httpx.ConnectError, httpx.ConnectTimeout):
                await asyncio.sleep(0.1)
            except httpx.HTTPError as error:
                await asyncio.sleep(0.2)
                return type(error).__name__, {}
        else:
            return "gave up connecting", {}
        if reply.status_code == 401:
            await self.login()
        if reply.status_code >= 500:
            await asyncio.sleep(0.2)
        return reply.status_code, (reply.json() if reply.headers.get("content-type", "").startswith("application/json") else {})


def titled(i: int, edit: int) -> dict:
    return {**DRAFT, "title": f"混沌-{i}-{edit}"}


async def drive(student: Student, ledger: Ledger, numbers: itertools.count, chaos_done: asyncio.Event,
                rng: random.Random) -> None:
    """Draft works until WORKS are acknowledged (each attempt a new title), editing one of this student's
    works after each; once they are all there, keep editing until the chaos is over."""
    mine: list[tuple[int, str]] = []
    edits = itertools.count(1)
    while len(ledger.created) < WORKS or not chaos_done.is_set():
        i = next(numbers) if len(ledger.created) < WORKS else None
        if i is not None and i >= 3 * WORKS:
            return  # bounded: too many attempts in doubt
        if i is not None:
            status, body = await student.send("POST", "/works", titled(i, 0))
            ledger.statuses[status] = ledger.statuses.get(status, 0) + 1
            if status == 201:
                ledger.created[body["id"]] = titled(i, 0)["title"]
                mine.append((i, body["id"]))
            elif not (isinstance(status, int) and status < 500):
                ledger.doubtful_creates.append(titled(i, 0)["title"])
        if mine:
            n, work_id = rng.choice(mine)
            title = titled(n, next(edits))["title"]
            status, _ = await student.send("PUT", f"/works/{work_id}", {**DRAFT, "title": title})
            ledger.statuses[status] = ledger.statuses.get(status, 0) + 1
            if status == 200:
                ledger.edits.setdefault(work_id, []).append((title, True))
            elif not (isinstance(status, int) and status < 500):
                ledger.edits.setdefault(work_id, []).append((title, None))


async def chaos(stack, kills: int, rng: random.Random) -> list[str]:
    """kill -9 a random victim (one rested since its last kill) every second or so; nats-server once midway."""
    last: dict[str, float] = {}
    done: list[str] = []
    while len(done) < kills:
        await asyncio.sleep(rng.uniform(0.5, 1.5))
        if len(done) == kills // 2 and "nats-server" not in done:
            name = "nats-server"
        else:
            rested = [v for v in VICTIMS if time.monotonic() - last.get(v, 0) > REST_S]
            if not rested:
                continue
            name = rng.choice(rested)
        pids = [p for p in children(stack.proc.pid) if name in cmdline(p)]
        if not pids:
            continue  # being restarted
        os.kill(rng.choice(pids), signal.SIGKILL)
        last[name] = time.monotonic()
        done.append(name)
    return done


async def healthy(client: httpx.AsyncClient, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if (await client.get("/health")).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        await asyncio.sleep(0.5)
    raise AssertionError("the stack did not heal")


async def intake_on_the_log(url: str) -> list[Envelope]:
    """Every intake event on FESTIVAL, in stream order."""
    nc = await nats.connect(url)
    try:
        js = nc.jetstream(timeout=30)  # a loaded machine answers the consumer's creation slowly
        sub = await js.pull_subscribe("festival.intake.>", stream="FESTIVAL")
        found: list[Envelope] = []
        while True:
            try:
                batch = await sub.fetch(500, timeout=2)
            except nats.errors.TimeoutError:
                return found
            found += [Envelope.model_validate_json(m.data) for m in batch]
            for m in batch:
                await m.ack()
    finally:
        await nc.close()


async def settled_log(url: str, ledger: Ledger, timeout: float = 120) -> list[Envelope]:
    """The intake events on the log once every acknowledged command's event has arrived (the relay may lag)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            envelopes = await intake_on_the_log(url)
        except (asyncio.TimeoutError, nats.errors.TimeoutError):
            if time.monotonic() > deadline:
                raise
            await asyncio.sleep(2)
            continue
        titles = {(e.aggregate_id, e.payload.get("title")) for e in envelopes}
        missing = [(w, t) for w in ledger.edits for t in ledger.acked(w) if (w, t) not in titles]
        missing += [(w, t) for w, t in ledger.created.items() if (w, t) not in titles]
        if not missing or time.monotonic() > deadline:
            return envelopes
        await asyncio.sleep(2)


@pytest.mark.timeout(900)
async def test_commands_under_chaos_are_stored_and_logged_exactly_once(tmp_path, port_picker):
    stack = start_stack(tmp_path / "var", port_picker())
    ledger, rng, chaos_done = Ledger(), random.Random(11), asyncio.Event()
    try:
        async with httpx.AsyncClient(base_url=stack.gateway, timeout=30) as client:
            students = [Student(client, stack) for _ in range(CLIENTS)]
            for s in students:
                await s.login()
            numbers = itertools.count()
            drivers = [asyncio.create_task(drive(s, ledger, numbers, chaos_done, random.Random(k)))
                       for k, s in enumerate(students)]
            killed = await chaos(stack, KILLS, rng)
            chaos_done.set()
            await asyncio.gather(*drivers)
            await healthy(client)
            envelopes = await settled_log(stack.nats_url, ledger)
            works = {w["id"]: w for w in (await client.get("/works", headers=students[0].headers)).json()["works"]}
    finally:
        stop_stack(stack)
    print(f"chaos: {len(killed)} kills ({', '.join(sorted(set(killed)))}); {len(ledger.created)} works; "
          f"answers {ledger.statuses}; {len(envelopes)} intake events on the log")

    assert len(killed) >= KILLS and "nats-server" in killed
    assert len(ledger.created) >= WORKS
    # Exactly once, in order, chained: one message per aggregate version, versions ascending, hashes linked.
    ids = [e.msg_id for e in envelopes]
    assert len(ids) == len(set(ids))
    assert chain_problems(envelopes) == []
    titles = {(e.aggregate_id, e.payload.get("title")) for e in envelopes}
    for work_id, title in ledger.created.items():
        assert (work_id, title) in titles, f"created {work_id} {title} missing on the log"
        assert all((work_id, t) in titles for t in ledger.acked(work_id)), work_id
        final = works[work_id]["draft"]["title"]
        assert final in ledger.possible_finals(work_id), (work_id, final, ledger.edits.get(work_id))
    # A create in doubt happened completely (one work with its event on the log) or not at all.
    by_title = {}
    for w in works.values():
        by_title.setdefault(w["draft"]["title"], []).append(w["id"])
    for title in ledger.doubtful_creates:
        assert len(by_title.get(title, [])) <= 1
