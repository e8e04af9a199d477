"""Events a second `festival audit verify` checks a long log at, and `festival audit replay` rebuilds the read
models from it at (the comparison with live services excluded: there are none here), against a bare nats-py
ordered-consumer read of the same stream in the same run (issue 9: verify >= 0.3 of raw, replay >= 0.2), and the
process's peak memory.

The log is a generated season: WORKS works of 20 events each (drafted, then nine returns and resubmissions, then
the last submission: intake's real contracts, chained and hashed as the services chain them) and the phase
events; 5,000 works make the issue's 100,000 events. Its own nats-server in a temporary folder. Not run by CI.

Run: uv run python bench/audit_verify.py [WORKS=5000]
"""

from __future__ import annotations

import asyncio
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nats
from nats.js.api import ConsumerConfig, DeliverPolicy

sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))
from log_envelopes import drafted, phase, reopened, submitted  # noqa: E402

from festival_audit.cli import run_verify  # noqa: E402
from festival_audit.replay import rebuild  # noqa: E402
from festival_cli.infra import start_nats  # noqa: E402
from festival_events.envelope import STREAM, Envelope, chain_hash  # noqa: E402
from festival_kit import jetstream  # noqa: E402
from festival_kit.ports import Ports  # noqa: E402

EDITION = "11"


def chained(events: list[Envelope]) -> list[Envelope]:
    """One aggregate's events with versions 1..n and each hash chained to the one before."""
    out, head = [], ""
    for version, env in enumerate(events, start=1):
        fields = {**env.hashed_fields(), "aggregate_version": version}
        head = chain_hash(head, fields)
        out.append(Envelope.model_validate({**fields, "prev_hash": out[-1].hash if out else "", "hash": head}))
    return out


def season(works: int) -> list[Envelope]:
    opened, closed = chained([phase(EDITION, "SubmissionWindowOpened"), phase(EDITION, "SubmissionWindowClosed")])
    log = [opened]
    for n in range(works):
        sub, title = f"work-{n:05d}", f"作品{n}"
        args = (EDITION, sub, title, f"student-{n}", f"school-{n % 300}", f"region-{n % 9}")
        events = [drafted(*args)]
        for version in range(1, 10):
            events += [submitted(*args, version=version), reopened(EDITION, sub, version)]
        events.append(submitted(*args, version=10))
        log += chained(events)
    return log + [closed]


async def publish(url: str, log: list[Envelope]) -> None:
    nc = await nats.connect(url)
    js = nc.jetstream()
    await jetstream.ensure_stream(js)
    acks = []
    for env in log:
        acks.append(await js.publish_async(env.subject, env.model_dump_json().encode(), stream=STREAM,
                                           headers={"Nats-Msg-Id": env.msg_id}))
        if len(acks) >= 2000:
            await asyncio.gather(*acks)
            acks = []
    await asyncio.gather(*acks)
    await nc.close()


async def raw_read(url: str, total: int) -> float:
    nc = await nats.connect(url)
    js = nc.jetstream()
    done, seen = asyncio.get_running_loop().create_future(), [0]

    async def count(msg) -> None:
        seen[0] += 1
        if msg.metadata.num_pending == 0 and not done.done():
            done.set_result(None)

    started = time.perf_counter()
    sub = await js.subscribe("festival.>", ordered_consumer=True, cb=count, pending_msgs_limit=1 << 20,
                             pending_bytes_limit=1 << 30,
                             config=ConsumerConfig(deliver_policy=DeliverPolicy.ALL))
    await done
    elapsed = time.perf_counter() - started
    await sub.unsubscribe()
    await nc.close()
    assert seen[0] == total, (seen[0], total)
    return total / elapsed


async def main(works: int) -> None:
    log = season(works)
    with tempfile.TemporaryDirectory() as folder, start_nats(Path(folder), Ports(23400)) as server:
        await publish(server.url, log)
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        raw = await raw_read(server.url, len(log))
        started = time.perf_counter()
        report = await run_verify([server.url])
        verify = len(log) / (time.perf_counter() - started)
        started = time.perf_counter()
        rows, replayed = await rebuild([server.url])
        replay = len(log) / (time.perf_counter() - started)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        # the CLI on its own, as an auditor runs it: its peak memory without the generated log beside it
        started = time.perf_counter()
        own = ("import sys\nfrom festival_cli.main import main\nrc = main(sys.argv[1:])\n"
               "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]\n"
               "print('peak_kb', hwm)\nsys.exit(rc)")  # VmHWM: ru_maxrss would keep the forked parent's
        cli = subprocess.run([sys.executable, "-c", own, "audit", "verify", "--nats", server.url],
                             capture_output=True, text=True)
        cli_rate = len(log) / (time.perf_counter() - started)
    assert cli.returncode == 0, cli.stdout + cli.stderr
    cli_peak = int(cli.stdout.rsplit("peak_kb", 1)[1].split()[0]) / 1024
    assert replayed.messages == len(log) and len(rows["intake.works"]) == works
    assert report.clean and report.messages == len(log), report.problems[:3]
    print(f"log: {len(log)} events ({works} works)")
    print(f"raw ordered-consumer read: {raw:,.0f} msg/s")
    print(f"festival audit verify:     {verify:,.0f} events/s  ratio {verify / raw:.2f} (goal >= 0.3)")
    print(f"festival audit replay:     {replay:,.0f} events/s  ratio {replay / raw:.2f} (goal >= 0.2; rebuild only)")
    print(f"peak RSS: {peak:.0f} MB (before reading: {rss_before:.0f} MB; the generated log itself is in memory)")
    print(f"festival audit verify as its own process: {cli_rate:,.0f} events/s with start-up, peak RSS {cli_peak:.0f} MB "
          "(goal < 500 MB)")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000))
