"""Events per second from an event store to FESTIVAL through the relay, against a bare nats-py loop.

Run: uv run python bench/relay_throughput.py [EVENTS]. Starts its own nats-server (file storage,
sync_interval always, as the local stack does) in a temporary folder. Not run by CI.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path

import nats

sys.path.insert(0, str(Path(__file__).parents[1] / "tests" / "kit"))
from relay_model import CounterApp, fill, sqlite_env  # noqa: E402

from festival_cli.infra import start_nats  # noqa: E402
from festival_kit import jetstream  # noqa: E402
from festival_kit.ports import Ports  # noqa: E402
from festival_kit.relay import Relay  # noqa: E402


async def relay_rate(url: str, app: CounterApp, total: int) -> float:
    nc = await nats.connect(url)
    js = nc.jetstream()
    await jetstream.ensure_stream(js)
    relay = Relay(app, js)
    started = time.perf_counter()
    while await relay.pump():
        pass
    elapsed = time.perf_counter() - started
    await nc.close()
    return total / elapsed


async def bare_rate(url: str, total: int, body: bytes) -> float:
    nc = await nats.connect(url)
    js = nc.jetstream()
    started = time.perf_counter()
    for i in range(total):
        await js.publish("festival.bench.Bare", body, stream="FESTIVAL", headers={"Nats-Msg-Id": f"bare:{i}"})
    elapsed = time.perf_counter() - started
    await nc.close()
    return total / elapsed


async def main(counters: int) -> None:
    increments = 9
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        app = CounterApp(env=sqlite_env(data / "store.sqlite"))
        fill(app, counters=counters, increments=increments)
        total = counters * (increments + 1)
        body = app.envelopes(0, 1)[0][1].model_dump_json().encode()
        with start_nats(data, Ports(23000)) as server:
            relayed = await relay_rate(server.url, app, total)
            bare = await bare_rate(server.url, total, body)
    print(f"events: {total}, envelope {len(body)} bytes")
    print(f"relay (store -> FESTIVAL, with envelopes and position records): {relayed:,.0f} events/s")
    print(f"bare nats-py js.publish loop (same stream, same size, awaited acks): {bare:,.0f} msgs/s")
    print(f"relay / bare: {relayed / bare:.2f}")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) // 10 if len(sys.argv) > 1 else 500))
