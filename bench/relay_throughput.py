"""Events per second from an event store to FESTIVAL through the relay, against bare nats-py loops:
a pipelined one (publish_async, the same window of acks in flight as the relay) and one awaiting each ack.

Run: uv run python bench/relay_throughput.py [EVENTS]. Starts its own nats-server (file storage,
sync_interval always, as the local stack does) in a temporary folder. Not run by CI.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from collections import deque
from pathlib import Path

import nats

sys.path.insert(0, str(Path(__file__).parents[1] / "tests" / "kit"))
from relay_model import CounterApp, fill, sqlite_env  # noqa: E402

from festival_cli.infra import start_nats  # noqa: E402
from festival_kit import jetstream  # noqa: E402
from festival_kit.ports import Ports  # noqa: E402
from festival_kit.relay import Relay  # noqa: E402


async def stream_made(url: str) -> None:
    nc = await nats.connect(url)
    await jetstream.ensure_stream(nc.jetstream())
    await nc.close()


async def relay_rate(url: str, app: CounterApp, total: int, key: str) -> float:
    nc = await nats.connect(url)
    relay = Relay(app, nc.jetstream())
    relay.key = key  # a position of its own each round
    started = time.perf_counter()
    while await relay.pump():
        pass
    elapsed = time.perf_counter() - started
    await nc.close()
    return total / elapsed


async def bare_rate(url: str, total: int, body: bytes, tag: str) -> float:
    nc = await nats.connect(url)
    js = nc.jetstream()
    started = time.perf_counter()
    for i in range(total):
        await js.publish("festival.bench.Bare", body, stream="FESTIVAL", headers={"Nats-Msg-Id": f"bare:{tag}:{i}"})
    elapsed = time.perf_counter() - started
    await nc.close()
    return total / elapsed


async def pipelined_rate(url: str, total: int, body: bytes, window: int, tag: str) -> float:
    """The floor to compare with: publish_async with at most `window` acks pending, each awaited in order."""
    nc = await nats.connect(url)
    js = nc.jetstream()
    pending: deque = deque()
    started = time.perf_counter()
    for i in range(total):
        if len(pending) >= window:
            await pending.popleft()
        headers = {"Nats-Msg-Id": f"piped:{tag}:{i}"}
        pending.append(await js.publish_async("festival.bench.Piped", body, stream="FESTIVAL", headers=headers))
    for ack in pending:
        await ack
    elapsed = time.perf_counter() - started
    await nc.close()
    return total / elapsed


async def main(counters: int, rounds: int = 3) -> None:
    """`rounds` rounds of the three loops, alternated so that a busy neighbour slows all alike; medians."""
    increments = 9
    total = counters * (increments + 1)
    rates: dict[str, list[float]] = {"relay": [], "piped": [], "bare": []}
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        with start_nats(data, Ports(23000)) as server:
            await stream_made(server.url)  # before any loop: the bare ones publish to it, they do not make it
            for round_ in range(rounds):
                app = CounterApp(env=sqlite_env(data / f"store-{round_}.sqlite"))
                fill(app, counters=counters, increments=increments)
                body = app.envelopes(0, 1)[0][1].model_dump_json().encode()
                window = Relay(app, None).window
                rates["piped"].append(await pipelined_rate(server.url, total, body, window, f"r{round_}"))
                rates["relay"].append(await relay_rate(server.url, app, total, f"relaytest-{round_}"))
                rates["bare"].append(await bare_rate(server.url, total, body, f"r{round_}"))
                app.close()
    relayed, piped, bare = (statistics.median(rates[k]) for k in ("relay", "piped", "bare"))
    print(f"events: {total} a round, {rounds} rounds, envelope {len(body)} bytes, {counters} aggregates "
          f"interleaved, window {window}; medians (every round: {', '.join(f'{k} {[round(r) for r in v]}' for k, v in rates.items())})")
    print(f"relay (store -> FESTIVAL, with envelopes and position records): {relayed:,.0f} events/s")
    print(f"bare nats-py publish_async loop ({window} acks in flight, same stream, same size): {piped:,.0f} msgs/s")
    print(f"bare nats-py js.publish loop (same stream, same size, each ack awaited): {bare:,.0f} msgs/s")
    print(f"relay / pipelined bare: {relayed / piped:.2f}   relay / awaited bare: {relayed / bare:.2f}")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) // 10 if len(sys.argv) > 1 else 500))
