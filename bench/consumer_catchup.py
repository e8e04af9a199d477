"""Events a second a tracked consumer works through a backlog on FESTIVAL, against a bare ordered read of
the same messages (nats-py pull, no store, no acks) and against the consumer taking one message at a time
(as every consumer did before batching; the shared inspection views still do), in the same run.

Run: uv run python bench/consumer_catchup.py [EVENTS=20000] (the issue's figure is 50,000). Its own
nats-server (sync_interval always) in a temporary folder; SQLite stores. Not run by CI.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import tempfile
import time
from pathlib import Path

import nats
import structlog
from nats.js.api import AckPolicy, ConsumerConfig, DeliverPolicy

sys.path.insert(0, str(Path(__file__).parents[1] / "tests" / "kit"))
from relay_model import CounterApp, TallyApp, count_handler, fill, sqlite_env  # noqa: E402

from festival_cli.infra import start_nats  # noqa: E402
from festival_kit import consumer, jetstream  # noqa: E402
from festival_kit.ports import Ports  # noqa: E402
from festival_kit.relay import Relay  # noqa: E402

SUBJECTS = ["festival.relaytest.>"]


async def bare_rate(url: str, total: int) -> float:
    nc = await nats.connect(url)
    js = nc.jetstream()
    config = ConsumerConfig(ack_policy=AckPolicy.NONE, deliver_policy=DeliverPolicy.ALL, filter_subjects=SUBJECTS)
    sub = await js.pull_subscribe("", durable="bare", stream="FESTIVAL", config=config)
    started, seen = time.perf_counter(), 0
    while seen < total:
        seen += len(await sub.fetch(500, timeout=5))
    elapsed = time.perf_counter() - started
    await nc.close()
    return total / elapsed


async def tracked_rate(url: str, store: Path, durable: str, shared: bool, total: int, last_seq: int) -> float:
    # The tally is one aggregate that every event changes: cached, as a real projection would be, not
    # replayed from its thousands of events on each one.
    tallies = TallyApp(env={**sqlite_env(store), "AGGREGATE_CACHE_MAXSIZE": "10"})
    nc = await nats.connect(url)
    stop = asyncio.Event()
    tracked = consumer.TrackedConsumer(tallies, durable, SUBJECTS, count_handler(tallies), shared=shared)
    started = time.perf_counter()
    task = asyncio.create_task(tracked.run(nc.jetstream(), stop))
    while (tallies.recorder.max_tracking_id(durable) or 0) < last_seq:
        await asyncio.sleep(0.05)
    elapsed = time.perf_counter() - started
    stop.set()
    await task
    await nc.close()
    tallies.close()
    return total / elapsed


async def main(total: int) -> None:
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))  # a line an event
    counters = 500
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        app = CounterApp(env=sqlite_env(data / "counters.sqlite"))
        fill(app, counters=counters, increments=total // counters - 1)
        with start_nats(data, Ports(23200)) as server:
            nc = await nats.connect(server.url)
            js = nc.jetstream()
            await jetstream.ensure_stream(js)
            while await Relay(app, js).pump():
                pass
            last_seq = (await js.stream_info("FESTIVAL")).state.last_seq
            await nc.close()
            bare = await bare_rate(server.url, total)
            batched = await tracked_rate(server.url, data / "t1.sqlite", "batched", False, total, last_seq)
            single = await tracked_rate(server.url, data / "t2.sqlite", "single", True, total, last_seq)
    print(f"backlog: {total} events on FESTIVAL; consumers store a tally and their position per event (SQLite)")
    print(f"bare ordered read (nats-py pull, 500 a fetch, no acks, no store): {bare:,.0f} msgs/s")
    print(f"tracked consumer, batches of {consumer.BATCH}: {batched:,.0f} events/s ({batched / bare:.2f} of bare)")
    print(f"tracked consumer, one at a time (before): {single:,.0f} events/s ({single / bare:.2f} of bare); "
          f"batched / one at a time: {batched / single:.1f}x")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000))
