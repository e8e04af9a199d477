"""A 3-node NATS cluster on loopback (stream replicas 3): the stream's leader is killed with SIGKILL while
the relay publishes, then started again; nothing acknowledged is lost, nothing is doubled, and the relay
carries on by itself."""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path

import nats
import nats.errors
import nats.js.errors
import pytest

sys.path.insert(0, str(Path(__file__).parents[2] / "kit"))
from relay_model import CounterApp, fill, sqlite_env  # noqa: E402

from festival_cli.cluster import start_nats_cluster, urls  # noqa: E402
from festival_events.envelope import Envelope, chain_problems  # noqa: E402
from festival_kit import jetstream  # noqa: E402
from festival_kit.relay import Relay  # noqa: E402


async def everything_on(js) -> list[Envelope]:
    info = await js.stream_info("FESTIVAL")
    return [Envelope.model_validate_json((await js.get_msg("FESTIVAL", seq)).data)
            for seq in range(info.state.first_seq, info.state.last_seq + 1)]


async def patiently(call, attempts: int = 20):
    """A request to a cluster still electing its leaders times out: ask again, as a restarted service would."""
    for attempt in range(attempts):
        try:
            return await call()
        except (nats.errors.TimeoutError, nats.js.errors.APIError):
            if attempt == attempts - 1:
                raise
            await asyncio.sleep(0.5)


@pytest.mark.timeout(300)
async def test_killing_the_stream_leader_mid_flow_loses_nothing_acknowledged(tmp_path, fresh_ports, monkeypatch):
    monkeypatch.setenv("FESTIVAL_STREAM_REPLICAS", "3")
    nodes = start_nats_cluster(tmp_path, fresh_ports())
    app = CounterApp(env=sqlite_env(tmp_path / "store.sqlite"))
    fill(app, counters=100, increments=19)  # 2,000 events
    nc = await nats.connect(servers=urls(nodes).split(","), max_reconnect_attempts=-1, reconnect_time_wait=0.2)
    try:
        js = nc.jetstream()
        await patiently(lambda: jetstream.ensure_stream(js))
        await patiently(lambda: jetstream.positions(js))
        info = await patiently(lambda: js.stream_info("FESTIVAL"))
        assert info.config.num_replicas == 3 and len(info.cluster.replicas) == 2
        leader = next(n for n in nodes if n.name.endswith(info.cluster.leader.rsplit("-", 1)[1]))

        relay, stop = Relay(app, js), asyncio.Event()
        running = asyncio.create_task(relay.run(stop))
        # The position is read as the relay reads it; while the cluster elects a leader the read times out, and the
        # test asks again, as the relay's own loop does.
        while await patiently(relay.position) < 300:  # mid-flow
            await asyncio.sleep(0.05)
        leader.proc.send_signal(signal.SIGKILL)
        leader.proc.wait()
        await asyncio.sleep(2)
        leader.restart()  # as festival up's supervisor would
        async with asyncio.timeout(120):
            while await patiently(relay.position) < app.max_notification_id():
                await asyncio.sleep(0.2)
        stop.set()
        await running

        on_log = await patiently(lambda: everything_on(js))
        stored = [env for _, env in app.envelopes(0, 10_000)]
        assert len(on_log) == len(stored) == 2000
        assert sorted(e.msg_id for e in on_log) == sorted(e.msg_id for e in stored)  # none lost, none twice
        assert chain_problems(on_log) == []  # every counter's events in version order on the log
        assert (await js.stream_info("FESTIVAL")).cluster.leader is not None
    finally:
        await nc.close()
        app.close()
        for node in nodes:
            node.stop()
