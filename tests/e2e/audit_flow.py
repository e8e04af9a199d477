"""Issue 9's play, at the end of a season with awards published: the log's checkpoints were signed at every phase
change; a region saves one; `festival audit verify` (the CLI) and a verify run (the API) find nothing, twice with
identical report bytes; inclusion and consistency proofs check against the signed roots; and a copy of the season's
log, tampered with in a scratch nats-server, is reported by name for each forgery."""

from __future__ import annotations

import base64
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import nats

from festival_audit import stream
from festival_audit.merkle import consistent, leaf_hash, root_from_inclusion
from festival_audit.cli import run_verify
from festival_audit.verify import SavedCheckpoint
from festival_cli.infra import start_nats
from festival_events.envelope import STREAM, chain_hash
from festival_kit import jetstream
from flows import login
from running import children, cmdline

SEALS = {"SubmissionWindowClosed", "RegionDeadlinePassed", "JudgingClosed", "AwardsPublished"}


def ok(reply: httpx.Response, status: int = 200):
    assert reply.status_code == status, reply.text
    return reply.json()


def checkpoints(client: httpx.Client) -> dict:
    return ok(client.get("/audit/checkpoints"))


def festival_audit(*args: str, port_base: int = 0) -> subprocess.CompletedProcess:
    env = {**os.environ, **({"FESTIVAL_PORT_BASE": str(port_base)} if port_base else {})}
    return subprocess.run([sys.executable, "-m", "festival_cli.main", "audit", *args], capture_output=True,
                          text=True, timeout=300, env=env)


async def play(client: httpx.Client, stack, tmp_path: Path, fresh_ports, wait_until) -> None:
    auditor, province = login(client, stack, "auditor"), login(client, stack, "province_admin")
    student, region = login(client, stack, "student"), login(client, stack, "region_admin")

    # 1. A checkpoint for every phase change of the season; public, and a region keeps the first one.
    found = wait_until(lambda: (c := checkpoints(client)) and SEALS <= {x["trigger"] for x in c["checkpoints"]} and c)
    key = found["verifier_key"]
    assert any(key in line for line in stack.output), "festival up's banner shows the checkpoint key"
    first = found["checkpoints"][0]
    saved = client.get(f"/audit/checkpoints/{first['id']}.txt", headers=region)
    assert saved.status_code == 200 and saved.text == first["note"]
    (tmp_path / "region-checkpoint.txt").write_text(saved.text, encoding="utf-8")
    assert client.post("/audit/checkpoints", headers=student).status_code == 403
    on_demand = ok(client.post("/audit/checkpoints", headers=auditor))
    assert on_demand["trigger"] == "on_demand" and on_demand["size"] >= found["checkpoints"][-1]["size"]

    # 2. The CLI: clean, and the same report bytes twice; the region's saved checkpoint verifies against the log now.
    args = ["verify", "--nats", stack.nats_url, "--key", key, "--checkpoint", str(tmp_path / "region-checkpoint.txt")]
    runs = [festival_audit(*args, "--json", str(tmp_path / f"report-{n}.json"), "--html", str(tmp_path / "r.html"))
            for n in (1, 2)]
    for run in runs:
        assert run.returncode == 0, run.stdout + run.stderr
        assert "no problems found" in run.stdout
    one, two = (tmp_path / "report-1.json").read_bytes(), (tmp_path / "report-2.json").read_bytes()
    report = json.loads(one)
    assert report["problems"] == [] and report["checked"]["judging.results"] >= 2
    assert report["checked"]["awards.tiers"] >= 2 and report["checked"]["saved_checkpoint"] == 1
    assert report["checked"]["inspection"] >= 6 and report["checked"]["judging.assignment"] >= 2
    assert report["checked"]["review.legality"] >= 6 and report["checked"]["awards.honours"] >= 1
    assert all(c["ok"] for c in report["checkpoints"]) and len(report["checkpoints"]) >= 5
    assert "审计报告" in (tmp_path / "r.html").read_text(encoding="utf-8")
    # the log grew between the runs only by what the runs caused: nothing (a CLI run writes nothing)
    assert one == two

    # 3. The API: a verify run started by the auditor, read back finished and clean; students may not.
    assert client.post("/audit/runs", headers=student, json={}).status_code == 403
    ok(client.post("/audit/runs", headers=auditor, json={"kind": "verify"}))
    done = wait_until(lambda: (r := ok(client.get("/audit/reports", headers=auditor))["runs"][0])["status"] == "finished"
                      and r, timeout=120)
    assert done["problem_count"] == 0 and done["read"] == done["total"] > 0, done
    assert done["requested_by"] == account_of(auditor)

    # 4. Proofs: an event of the first checkpoint is in it; the first checkpoint is a prefix of the last.
    events = ok(client.get(f"/works/{await _some_work(stack)}/audit", headers=auditor))["events"]
    assert events and all(e["hash"] and e["seq"] for e in events)
    proof = ok(client.get(f"/audit/proofs/inclusion?event_id={events[0]['event_id']}", headers=auditor))
    signed_root = bytes.fromhex(proof["checkpoint"]["root"])
    path = [bytes.fromhex(p) for p in proof["path"]]
    assert root_from_inclusion(proof["leaf_index"], proof["tree_size"], leaf_hash(bytes.fromhex(events[0]["hash"])),
                               path) == signed_root
    last = checkpoints(client)["checkpoints"][-1]
    proof = ok(client.get(f"/audit/proofs/consistency?from={first['size']}&to={last['size']}", headers=auditor))
    assert consistent(first["size"], last["size"], bytes.fromhex(first["root"]), bytes.fromhex(last["root"]),
                      [bytes.fromhex(p) for p in proof["proof"]])
    assert client.get("/audit/proofs/consistency?from=0", headers=auditor).status_code == 422
    assert client.get("/audit/proofs/inclusion?event_id=nope", headers=auditor).status_code == 404
    assert client.get("/audit/proofs/inclusion?event_id=x", headers=student).status_code == 403

    # 5. Replay: the services' read models rebuilt from the log equal what they answer (CLI twice, then the API).
    account = ["--account", account_of(auditor)]
    replays = [festival_audit("replay", *account, "--nats", stack.nats_url, "--json", str(tmp_path / f"replay-{n}.json"),
                              port_base=stack.ports.base) for n in (1, 2)]
    for run in replays:
        assert run.returncode == 0, run.stdout + run.stderr
    replayed = json.loads((tmp_path / "replay-1.json").read_bytes())
    assert replayed["problems"] == [] and replayed["checked"]["replay.intake.works"] >= 3
    assert replayed["checked"]["replay.awards.lists"] >= 2 and replayed["checked"]["replay.scoring.results"] >= 2
    assert (tmp_path / "replay-1.json").read_bytes() == (tmp_path / "replay-2.json").read_bytes()
    ok(client.post("/audit/runs", headers=auditor, json={"kind": "replay"}))
    done = wait_until(lambda: (r := ok(client.get("/audit/reports", headers=auditor))["runs"][0])["status"] == "finished"
                      and r["kind"] == "replay" and r, timeout=120)
    assert done["problem_count"] == 0, done

    # 6. Forgeries on a copy of the log, each reported by name.
    await tampered(stack, tmp_path, fresh_ports, key, saved.text)

    # 7. A row of intake's own store edited (and intake restarted, so nothing is cached): replay names it.
    work_id = await _some_work(stack)
    edit_title(stack.data_dir / "intake" / "events.sqlite", work_id, "改过的标题")
    intake = next(p for p in children(stack.proc.pid) if "festival_intake" in cmdline(p))
    os.kill(intake, signal.SIGKILL)
    wait_until(lambda: client.get(f"/works/{work_id}", headers=auditor).status_code == 200, timeout=60)
    run = festival_audit("replay", *account, "--nats", stack.nats_url, "--json", str(tmp_path / "replay-3.json"),
                         port_base=stack.ports.base)
    assert run.returncode == 1, run.stdout + run.stderr
    problems = json.loads((tmp_path / "replay-3.json").read_bytes())["problems"]
    assert [(p["check"], p["aggregate_id"]) for p in problems] == [("replay.intake.works", work_id)], problems
    assert "title" in problems[0]["message"] and "改过的标题" in problems[0]["recorded"]


def account_of(auth: dict) -> str:
    """The account id a bearer token names (its `sub`)."""
    claims = auth["Authorization"].split()[1].split(".")[1]
    return json.loads(base64.urlsafe_b64decode(claims + "=" * (-len(claims) % 4)))["sub"]


def edit_title(db_path: Path, work_id: str, title: str) -> None:
    """What someone with write access to the database might do: change the title in a stored event's state."""
    originator = work_id.replace("-", "")
    with sqlite3.connect(db_path) as db:
        rows = db.execute("SELECT originator_version, state FROM stored_events WHERE originator_id = ?",
                          (originator,)).fetchall()
        assert rows, "no stored events of the work"
        for version, state in rows:
            body = json.loads(state)
            if "title" in body:
                body["title"] = title
                db.execute("UPDATE stored_events SET state = ? WHERE originator_id = ? AND originator_version = ?",
                           (json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode(), originator, version))


async def _some_work(stack) -> str:
    found: list[str] = []
    await stream.read([stack.nats_url], lambda m: found.append(json.loads(m.body)["aggregate_id"])
                      if not found and m.subject == "festival.intake.SubmissionSubmitted" else None)
    return found[0]


async def tampered(stack, tmp_path: Path, fresh_ports, key: str, saved_note: str) -> None:
    log: list[stream.Message] = []
    await stream.read([stack.nats_url], log.append)
    bodies = [json.loads(m.body) for m in log]
    saved = [SavedCheckpoint("region", saved_note)]
    saved_size = int(saved_note.split("\n")[1])

    def index_of(event_type: str, before: int | None = None) -> int:
        return next(i for i, b in enumerate(bodies) if b["type"] == event_type and (before is None or i < before))

    async def verify(messages: list[stream.Message], delete: int = 0) -> list[dict]:
        with start_nats(tmp_path / f"scratch-{time.monotonic_ns()}", fresh_ports()) as server:
            nc = await nats.connect(server.url)
            js = nc.jetstream()
            await jetstream.ensure_stream(js)
            for m in messages:
                await js.publish(m.subject, m.body, stream=STREAM, headers={"Nats-Msg-Id": m.msg_id})
            if delete:
                await js.delete_msg(STREAM, delete)
            await nc.close()
            report = await run_verify([server.url], key, saved)
        return [p.model_dump() for p in report.problems]

    def rewritten(i: int, change, rechain: bool) -> list[stream.Message]:
        """The log with message i's envelope changed and re-hashed; with `rechain`, the rest of its chain too."""
        out, head = list(log), None
        aggregate = bodies[i]["aggregate_id"]
        for j in range(i, len(log)):
            body = dict(bodies[j])
            if j == i:
                change(body)
            elif body["aggregate_id"] != aggregate or not rechain:
                continue
            else:
                body["prev_hash"] = head
            fields = {k: v for k, v in body.items() if k not in ("hash", "prev_hash")}
            body["hash"] = head = chain_hash(body["prev_hash"], fields)
            out[j] = stream.Message(log[j].seq, log[j].subject, log[j].msg_id, json.dumps(body).encode())
        return out

    # clean copy: nothing to report
    assert await verify(log) == []

    # a message deleted from the stream: the gap is named
    problems = await verify(log, delete=10)
    assert any(p["check"] == "stream" and p["seq"] == 10 and "deleted" in p["message"] for p in problems), problems

    # a forged event with a recomputed hash: the next event of its aggregate no longer chains to it
    drafted = index_of("SubmissionDrafted")

    def retitle(body: dict) -> None:
        body["payload"] = {**body["payload"], "title": "被篡改的标题"}

    problems = await verify(rewritten(drafted, retitle, rechain=False))
    assert any(p["check"] == "chain" and "prev_hash" in p["message"] and p["aggregate_id"] == bodies[drafted]["aggregate_id"]
               for p in problems), problems

    # a consistent forgery of a whole aggregate's chain: only the checkpoints see it
    problems = await verify(rewritten(drafted, retitle, rechain=True))
    assert not [p for p in problems if p["check"] == "chain"], problems
    assert any(p["check"] == "checkpoint" and "rewritten" in p["message"] for p in problems), problems
    if drafted < saved_size:
        assert any("saved checkpoint region" in p["message"] for p in problems), problems

    # results that do not follow from their sheets (chain and all re-hashed): re-derivation names the field
    results = index_of("RoundResultsComputed")

    def inflate(body: dict) -> None:
        works = [dict(w) for w in body["payload"]["works"]]
        works[0]["score"] = works[0]["score"] + 7
        body["payload"] = {**body["payload"], "works": works}

    problems = await verify(rewritten(results, inflate, rechain=True))
    assert any(p["check"] == "judging.results" and p["message"].startswith("RoundResultsComputed.works")
               and p["seq"] == log[results].seq for p in problems), problems

    # an inspection verdict that does not follow from its recorded measurements
    inspected = index_of("InspectionCompleted")

    def overturn(body: dict) -> None:
        body["payload"] = {**body["payload"], "verdict": "fail" if body["payload"]["verdict"] != "fail" else "pass"}

    problems = await verify(rewritten(inspected, overturn, rechain=True))
    assert any(p["check"] == "inspection" and "verdict" in p["message"] and p["seq"] == log[inspected].seq
               for p in problems), problems

    # a decision recorded in the wrong phase: a qualification moved before the region deadline (its case's
    # chain stays intact: nothing else of that case lies between them)
    deadline = index_of("RegionDeadlinePassed")
    qualified = next(i for i, b in enumerate(bodies) if b["type"] == "WorkQualified" and i > deadline and not any(
        bodies[j]["aggregate_id"] == b["aggregate_id"] for j in range(deadline, i)))
    moved = [m for i, m in enumerate(log) if i != qualified]
    moved.insert(deadline, log[qualified])
    moved = [stream.Message(n, m.subject, m.msg_id, m.body) for n, m in enumerate(moved, start=1)]
    problems = await verify(moved)
    assert any(p["check"] == "review.legality" and "taken in phase window_closed" in p["message"]
               and p["event_type"] == "WorkQualified" for p in problems), problems
    assert not [p for p in problems if p["check"] == "chain"], problems

    # an advisor honour given to someone who advised no best work
    honoured = index_of("AdvisorHonoured")

    def stranger(body: dict) -> None:
        body["payload"] = {**body["payload"], "key": "0" * 16, "name": "不相干的人"}

    problems = await verify(rewritten(honoured, stranger, rechain=True))
    assert any(p["check"] == "awards.honours" and "advised no best work" in p["message"] for p in problems), problems
