"""A durable consumer records each stream sequence with its own events; redelivery changes nothing."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import nats
import pytest
import structlog.testing

sys.path.insert(0, str(Path(__file__).parents[1]))
from relay_model import TALLY_ID, CounterApp, TallyApp, count_handler, fill, sqlite_env  # noqa: E402

from festival_cli.infra import start_nats  # noqa: E402
from festival_kit import consumer, jetstream  # noqa: E402
from festival_kit.relay import Relay  # noqa: E402

DURABLE = "tally"


@pytest.fixture
def own_nats(tmp_path, fresh_ports):
    with start_nats(tmp_path / "nats", fresh_ports()) as server:
        yield server


async def publish_counters(url: str, app: CounterApp) -> None:
    nc = await nats.connect(url)
    js = nc.jetstream()
    await jetstream.ensure_stream(js)
    relay = Relay(app, js)
    while await relay.pump():
        pass
    await nc.close()


async def consume_until(url: str, tally_app: TallyApp, done, timeout: float = 30.0) -> None:
    async with consumer.running(url, tally_app, DURABLE, ["festival.relaytest.>"], count_handler(tally_app)):
        async with asyncio.timeout(timeout):
            while not done():
                await asyncio.sleep(0.05)


async def test_redelivered_message_changes_nothing(tmp_path, own_nats):
    counters = CounterApp(env=sqlite_env(tmp_path / "counters.sqlite"))
    fill(counters, counters=2, increments=5)  # 2 opened + 10 increments = 12 messages
    await publish_counters(own_nats.url, counters)
    tallies = TallyApp(env=sqlite_env(tmp_path / "tally.sqlite"))

    # The consumer commits its events and position, then dies before acknowledging: twice, on two messages.
    real_save, crashes = tallies.save_tracked, []

    def save_then_crash(name, seq, *aggregates):
        real_save(name, seq, *aggregates)
        if seq in (4, 9) and seq not in crashes:
            crashes.append(seq)
            raise ConnectionError("crashed before the ack")

    tallies.save_tracked = save_then_crash
    deliveries: list[int] = []
    real_processed = tallies.processed
    tallies.processed = lambda name, seq: deliveries.append(seq) or real_processed(name, seq)
    await consume_until(own_nats.url, tallies, lambda: deliveries.count(9) == 2 and 12 in deliveries)
    await asyncio.sleep(0.5)  # let any further redelivery arrive

    tally = tallies.repository.get(TALLY_ID)
    assert crashes == [4, 9]
    assert deliveries.count(4) == deliveries.count(9) == 2  # both were redelivered after the crash ...
    assert tally.seen == 10  # ... and each increment still counted once
    assert tally.total == 2 * sum(range(1, 6))


async def test_a_restarted_consumer_resumes_where_it_stopped(tmp_path, own_nats):
    counters = CounterApp(env=sqlite_env(tmp_path / "counters.sqlite"))
    items = fill(counters, counters=1, increments=3)
    await publish_counters(own_nats.url, counters)
    tallies = TallyApp(env=sqlite_env(tmp_path / "tally.sqlite"))
    await consume_until(own_nats.url, tallies, lambda: tallies.recorder.max_tracking_id(DURABLE) == 4)

    items[0].increment(100)
    counters.save(*items)
    await publish_counters(own_nats.url, counters)
    reopened = TallyApp(env=sqlite_env(tmp_path / "tally.sqlite"))
    await consume_until(own_nats.url, reopened, lambda: reopened.recorder.max_tracking_id(DURABLE) == 5)

    tally = reopened.repository.get(TALLY_ID)
    assert (tally.seen, tally.total) == (4, 1 + 2 + 3 + 100)


async def test_a_consumer_that_died_with_a_batch_in_hand_misses_nothing_when_it_starts_again(tmp_path, own_nats):
    counters = CounterApp(env=sqlite_env(tmp_path / "counters.sqlite"))
    items = fill(counters, counters=2, increments=5)  # 12 messages
    await publish_counters(own_nats.url, counters)
    tallies = TallyApp(env=sqlite_env(tmp_path / "tally.sqlite"))
    # The first run's process dies holding its first batch, unacknowledged and unprocessed.
    nc = await nats.connect(own_nats.url)
    js = nc.jetstream()
    doomed = consumer.TrackedConsumer(tallies, DURABLE, ["festival.relaytest.>"], count_handler(tallies))
    held = await (await js.pull_subscribe("", durable=DURABLE, stream="FESTIVAL", config=doomed.config())).fetch(3)
    assert [m.metadata.sequence.stream for m in held] == [1, 2, 3]
    await nc.close()  # died: 1-3 stay pending on the server until their ack wait (30 s) runs out
    for item in items:
        item.increment(100)
    counters.save(*items)
    await publish_counters(own_nats.url, counters)  # 13, 14: deliverable at once, like 4-12, ahead of 1-3's return

    nc = await nats.connect(own_nats.url)
    await consumer.restart_from_store(nc.jetstream(), DURABLE)  # what ServiceRuntime does at every start
    await nc.close()
    await consume_until(own_nats.url, tallies, lambda: tallies.recorder.max_tracking_id(DURABLE) == 14)
    tally = tallies.repository.get(TALLY_ID)
    assert (tally.seen, tally.total) == (12, 2 * sum(range(1, 6)) + 200)


async def test_a_failing_message_is_retried_in_place_ever_less_often_and_nothing_overtakes_it(
        tmp_path, own_nats, monkeypatch):
    monkeypatch.setattr(consumer, "RETRY_DELAY_S", 0.05)
    monkeypatch.setattr(consumer, "RETRY_MAX_S", 0.2)
    counters = CounterApp(env=sqlite_env(tmp_path / "counters.sqlite"))
    fill(counters, counters=1, increments=6)  # 7 messages: seq 1 opens, 2-7 increment
    await publish_counters(own_nats.url, counters)
    tallies = TallyApp(env=sqlite_env(tmp_path / "tally.sqlite"))
    real_save, saved, failures = tallies.save_tracked, [], []

    def save_failing_on_4(name, seq, *aggregates):
        if seq == 4 and len(failures) < 5:  # a store that refuses this one, five times running
            failures.append(seq)
            raise OSError("disk I/O error")
        real_save(name, seq, *aggregates)
        saved.append(seq)

    tallies.save_tracked = save_failing_on_4
    with structlog.testing.capture_logs() as logs:
        await consume_until(own_nats.url, tallies, lambda: tallies.recorder.max_tracking_id(DURABLE) == 7)

    assert saved == [1, 2, 3, 4, 5, 6, 7]  # in order, once each: 5-7 waited for 4
    tally = tallies.repository.get(TALLY_ID)
    assert (tally.seen, tally.total) == (6, sum(range(1, 7)))
    retries = [(e["event"], e["retry_in_s"]) for e in logs if e.get("seq") == 4 and "retry_in_s" in e]
    assert retries == [("consumer.failed", 0.05), ("consumer.stuck", 0.1), ("consumer.stuck", 0.2),
                       ("consumer.stuck", 0.2), ("consumer.stuck", 0.2)]
    assert [e["attempts"] for e in logs if e["event"] == "consumer.recovered"] == [6]
