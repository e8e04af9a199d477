"""Chaos (issue 11): a season's flow through the gateway while a chaos loop kill -9s processes of the stack.

Students draft works, edit them, upload a small film, a cover and both signed forms straight to S3, confirm
and submit; the school returns every third work, whose student fixes and resubmits it; the school and the
region forward everything. Meanwhile every service, the gateway and the inspection worker (each carrying
its relay and consumers) are killed with SIGKILL at random, and nats-server once.

After it, with the stack healed:
- every command that got a 2xx shows in the work it changed and has its event exactly once on FESTIVAL;
  no upload is confirmed twice, no version submitted twice, no decision taken twice on one version;
- every aggregate's events are in version order with the hash chain intact (the auditor's verify run);
- every consumer's projection equals a replay of the stream (the auditor's replay run: intake's works and
  review's cases rebuilt from the log alone and compared with what the services answer);
- no work is stuck: each is where its last event puts it (intake submitted at version v, review awaiting the
  province at version v, every file inspected);
- a command that got a 5xx or no answer happened completely or not at all (a create in doubt made at most
  one work; a confirm, submit or decision in doubt is either on the log once or not there).
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import sys
import time
from collections import Counter
from pathlib import Path

import httpx
import nats
import pytest

sys.path[:0] = [str(Path(__file__).parents[1]), str(Path(__file__).parent)]
import media  # noqa: E402
from running import children, cmdline, start_stack, stop_stack  # noqa: E402
from students import Files, Ledger, Session, Student, consent_of, every_row  # noqa: E402

from festival_events.envelope import Envelope, chain_problems  # noqa: E402

pytestmark = [pytest.mark.chaos, pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="Linux /proc")]

WORKS = int(os.environ.get("FESTIVAL_CHAOS_WORKS", "300"))
KILLS = int(os.environ.get("FESTIVAL_CHAOS_KILLS", "20"))
VICTIMS = ("festival_intake", "festival_registry", "festival_review", "festival_scoring", "festival_awards",
           "festival_audit", "festival_gateway", "festival_inspection")
EVERY_S = float(os.environ.get("FESTIVAL_CHAOS_EVERY_S", "8"))  # the mean time between kills
REST_S = 16.0  # a victim is killed again only after this: the supervisor gives up on fast repeated crashes
IN_FLIGHT = int(os.environ.get("FESTIVAL_CHAOS_IN_FLIGHT", "32"))  # works a student has open at once
STALL_S = 180.0  # the flow fails when no command has been acknowledged and no work finished for this long
FLOW_S = 600.0  # one work waits this long at most for the school's return, and every work for the province
RETURNED_EVERY = 3  # the school returns every third work's first version


async def season_of_one_work(student: Student) -> None:
    """Drafted, edited, uploaded, submitted; if the school returns it, fixed and submitted again."""
    work_id = await student.prepared()
    await student.submit(work_id, 1)
    if returned(work_id):
        await student.until(work_id, lambda w: w["status"] == "returned", timeout=FLOW_S)
        await student.edit(work_id)
        await student.submit(work_id, 2)
    student.ledger.finished.add(work_id)


def returned(work_id: str) -> bool:
    return int(work_id.replace("-", ""), 16) % RETURNED_EVERY == 0


async def reviewer(session: Session, level: str, ledger: Ledger, done: asyncio.Event) -> None:
    """An admin working down the queue: the school returns the chosen works' first version, the rest goes on."""
    while not done.is_set():
        status, body = await session.send("GET", "/review/queue")
        for case in body.get("cases", []) if status == 200 else []:
            work_id, version = case["submission_id"], case["submission_version"]
            back = level == "school" and version == 1 and returned(work_id)
            decision = ({"action": "return", "reason_code": "information_incorrect", "reason": "请补充测量方法"}
                        if back else {"action": "forward"})
            status, _ = await session.send("POST", f"/works/{work_id}/review/{level}",
                                           {**decision, "submission_version": version})
            ledger.answered(status, f"{level}_{decision['action']}", work_id, version)
        await asyncio.sleep(0.5)


async def chaos(stack, ledger: Ledger, flow_done: asyncio.Event, rng: random.Random) -> list[str]:
    """kill -9 a random victim (one rested since its last kill) every EVERY_S or so until the flow is through
    and at least KILLS are done; nats-server once, midway."""
    last: dict[str, float] = {}
    done: list[str] = []
    while len(done) < KILLS or not flow_done.is_set():
        await asyncio.sleep(rng.uniform(0.5, 1.5) * EVERY_S)
        if flow_done.is_set() and len(done) >= KILLS:
            break
        if len(done) == KILLS // 2 and "nats-server" not in done:
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


async def stalled(ledger: Ledger, works: asyncio.Future) -> None:
    """Fail the flow when it stops moving: no command acknowledged and no work finished for STALL_S. How long
    the whole flow takes depends on the machine (a shared CI runner takes twice as long as a quiet one), so
    it is not bounded; a platform that stopped making progress is."""
    seen, since = None, time.monotonic()
    while not works.done():
        now = (len(ledger.acked), len(ledger.created), len(ledger.finished))
        if now != seen:
            seen, since = now, time.monotonic()
        elif time.monotonic() - since > STALL_S:
            works.cancel()
            raise AssertionError(f"the flow stalled for {STALL_S:.0f} s: {len(ledger.finished)} of {WORKS} works "
                                 f"through, {len(ledger.acked)} commands acknowledged, answers {dict(ledger.statuses)}")
        await asyncio.sleep(5.0)


async def everything_on_the_log(url: str) -> list[Envelope]:
    """Every event on FESTIVAL, in stream order, once the stream has stopped growing (the relays caught up)."""
    nc = await nats.connect(url)
    try:
        js = nc.jetstream(timeout=30)  # a loaded machine answers slowly
        count, still = -1, 0
        while still < 3:
            messages = (await js.stream_info("FESTIVAL")).state.messages
            still, count = (still + 1, count) if messages == count else (0, messages)
            await asyncio.sleep(1.0)
        sub = await js.subscribe("festival.>", ordered_consumer=True)
        return [Envelope.model_validate_json((await sub.next_msg(timeout=10)).data) for _ in range(count)]
    finally:
        await nc.close()


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


async def audit_run(auditor: Session, kind: str) -> dict:
    """The auditor's own run (verify or replay) through the API, once finished."""
    status, body = await auditor.send("POST", "/audit/runs", {"kind": kind})
    assert status == 200, (status, body)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        runs = (await auditor.read("/audit/reports"))["runs"]
        if runs and runs[0]["kind"] == kind and runs[0]["status"] in ("finished", "failed"):
            return runs[0]
        await asyncio.sleep(1.0)
    raise AssertionError(f"the {kind} run did not finish: {runs[:2]}")


async def settled(auditor: Session, ledger: Ledger) -> dict[str, dict]:
    """Review's cases once every work of the flow waits for the province (the consumers caught up)."""
    deadline = time.monotonic() + FLOW_S
    while True:
        cases = {c["submission_id"]: c for c in await every_row(auditor, "/review/queue?view=all", "cases")}
        waiting = [w for w in ledger.created if cases.get(w, {}).get("status") != "awaiting_province"]
        if not waiting:
            return cases
        assert time.monotonic() < deadline, f"{len(waiting)} works not with the province, e.g. {waiting[:3]}"
        await asyncio.sleep(1.0)


@pytest.mark.timeout(1500)
async def test_a_season_under_chaos_loses_nothing_and_doubles_nothing(tmp_path, port_picker):
    film = media.film(tmp_path / "film.mp4", seconds=2).read_bytes()
    stack = start_stack(tmp_path / "var", port_picker())
    ledger, rng = Ledger(), random.Random(11)
    limits = httpx.Limits(max_connections=64, max_keepalive_connections=32)
    started = time.monotonic()
    try:
        async with httpx.AsyncClient(base_url=stack.gateway, timeout=30, limits=limits) as client:
            people = {r: Session(client, stack, r, ledger)
                      for r in ("student", "school_admin", "region_admin", "auditor")}
            for person in people.values():
                await person.login()
            student = Student(people["student"], ledger, await Files.of(people["student"], film),
                              await consent_of(client))

            flow_done, slots = asyncio.Event(), asyncio.Semaphore(IN_FLIGHT)

            async def one_work() -> None:
                async with slots:
                    await season_of_one_work(student)

            async def flow() -> None:
                try:
                    works = asyncio.gather(*(one_work() for _ in range(WORKS)))
                    watch = asyncio.create_task(stalled(ledger, works))
                    try:
                        await works
                    except asyncio.CancelledError:
                        if watch.done() and watch.exception():
                            raise watch.exception() from None  # the watch's account of the stall
                        raise
                    finally:
                        watch.cancel()
                finally:
                    flow_done.set()

            reviewers = [asyncio.create_task(reviewer(people[r], level, ledger, flow_done))
                         for r, level in (("school_admin", "school"), ("region_admin", "region"))]
            killer = asyncio.create_task(chaos(stack, ledger, flow_done, rng))
            await flow()
            killed = await killer
            flowed = time.monotonic() - started
            await healthy(client)
            review_done = asyncio.Event()
            reviewers += [asyncio.create_task(reviewer(people[r], level, ledger, review_done))
                          for r, level in (("school_admin", "school"), ("region_admin", "region"))]
            cases = await settled(people["auditor"], ledger)
            review_done.set()
            for task in reviewers:
                task.cancel()
            envelopes = await everything_on_the_log(stack.nats_url)
            works = {w["id"]: w for w in await every_row(people["student"], "/works", "works")}
            verified = await audit_run(people["auditor"], "verify")
            replayed = await audit_run(people["auditor"], "replay")
    finally:
        stop_stack(stack)
    returns = sum(1 for k, *_ in ledger.acked if k == "school_return")
    print(f"chaos: {len(killed)} kills ({', '.join(f'{n} {c}' for n, c in Counter(killed).most_common())}); "
          f"{len(ledger.finished)} works through in {flowed:.0f} s ({returns} returned and resubmitted); "
          f"answers {dict(ledger.statuses)}; {len(ledger.doubted)} commands in doubt; {len(envelopes)} events on the log")

    assert len(killed) >= KILLS and "nats-server" in killed
    assert len(ledger.finished) == WORKS

    # The auditor's runs: chains and re-derivations (verify), projections against a replay of the stream.
    assert verified["problem_count"] == 0, verified
    assert replayed["problem_count"] == 0, replayed

    # Exactly once: one message per event id, every aggregate's versions ascending with its hashes linked.
    assert len({e.msg_id for e in envelopes}) == len(envelopes)
    assert chain_problems(envelopes) == []
    on_log = Counter()
    for e in envelopes:
        p = e.payload
        if e.type == "FileConfirmed":
            on_log["confirm", e.aggregate_id, p["upload_id"]] += 1
        elif e.type == "SubmissionSubmitted":
            on_log["submit", e.aggregate_id, p["submission_version"]] += 1
        elif e.type in DECISIONS:
            on_log[DECISIONS[e.type], p["submission_id"], p["submission_version"]] += 1
    assert [key for key, n in on_log.items() if n > 1] == []  # nothing happened twice
    assert [key for key in ledger.acked if key not in on_log and key[0] in KINDS] == []  # every 2xx happened
    in_doubt_done = sum(1 for key in ledger.doubted - ledger.acked if key in on_log)
    print(f"commands in doubt that had happened: {in_doubt_done} of {len(ledger.doubted - ledger.acked)}")

    # Every 2xx shows in the work; edits in doubt either did or did not land.
    titles = {(e.aggregate_id, e.payload.get("title")) for e in envelopes if e.service == "intake"}
    for work_id, title in ledger.created.items():
        assert (work_id, title) in titles, f"created {work_id} {title} missing on the log"
        assert all((work_id, t) in titles for t in ledger.acked_titles(work_id)), work_id
        assert works[work_id]["draft"]["title"] in ledger.possible_finals(work_id), (works[work_id], ledger.edits.get(work_id))
    # A create in doubt made one work or none.
    by_title = Counter(w["draft"]["title"].split("-改")[0] for w in works.values())
    assert [t for t in ledger.doubtful_creates if by_title[t] > 1] == []

    # No work stuck: intake and review agree on the last version, the province has it, every film inspected.
    for work_id in ledger.created:
        work, case = works[work_id], cases[work_id]
        expected = 2 if returned(work_id) else 1
        assert (work["status"], work["version"]) == ("submitted", expected), work
        assert (case["status"], case["submission_version"]) == ("awaiting_province", expected), case
        assert {f["slot"] for f in work["files"]} >= {"film", "cover", "application_form", "copyright_declaration"}
        assert [f for f in work["files"] if f["inspection"]["status"] != "completed"] == [], work["files"]


DECISIONS = {"WorkReturned": "school_return", "WorkForwardedToRegion": "school_forward",
             "WorkForwardedToProvince": "region_forward"}
KINDS = {"confirm", "submit", *DECISIONS.values()}
