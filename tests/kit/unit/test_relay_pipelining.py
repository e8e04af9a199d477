"""The pipelined relay against a fake JetStream whose acks come late, out of order, or not at all."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
from nats.js.errors import KeyNotFoundError

sys.path.insert(0, str(Path(__file__).parents[1]))
from relay_model import CounterApp, fill  # noqa: E402

from festival_kit import relay as relay_module  # noqa: E402
from festival_kit.relay import Relay  # noqa: E402


class Ack:
    def __init__(self, seq: int):
        self.seq, self.duplicate = seq, False


class FakeKV:
    def __init__(self):
        self.puts: list[int] = []

    async def put(self, key, value):
        self.puts.append(int(value))

    async def get(self, key):
        raise KeyNotFoundError  # as NATS answers for a key never put


class FakeJetStream:
    """Answers acks in reverse order of publishing (the worst order), fails the one named `fail_at`."""

    def __init__(self, fail_at: str | None = None):
        self.published: list[str] = []
        self.pending: list[tuple[str, asyncio.Future]] = []
        self.in_flight_aggregates: list[list[str]] = []
        self.fail_at = fail_at

    async def publish_async(self, subject, payload, stream=None, headers=None):
        msg_id = headers["Nats-Msg-Id"]
        future = asyncio.get_running_loop().create_future()
        self.published.append(msg_id)
        self.pending.append((msg_id, future))
        live = [m.split(":")[0] for m, f in self.pending if not f.done()]
        self.in_flight_aggregates.append(live)
        asyncio.get_running_loop().call_later(0.001 * (100 - len(self.pending) % 100), self._answer, msg_id, future)
        return future

    def _answer(self, msg_id, future):
        if future.done():
            return
        if msg_id == self.fail_at:
            future.set_exception(RuntimeError("no ack"))
        else:
            future.set_result(Ack(len(self.published)))


def relay_over(js, app, window=8) -> tuple[Relay, FakeKV]:
    relay = Relay(app, js, batch=50, window=window)
    kv = FakeKV()
    relay._positions = kv
    return relay, kv


@pytest.fixture
def app():
    counters = CounterApp(env={"PERSISTENCE_MODULE": "eventsourcing.popo"})
    fill(counters, counters=4, increments=5)  # 24 events, four aggregates interleaved
    return counters


async def test_every_event_once_in_store_order_and_one_event_per_aggregate_in_flight(app):
    js = FakeJetStream()
    relay, kv = relay_over(js, app)
    while await relay.pump():
        pass
    assert js.published == [env.msg_id for _, env in app.envelopes(0, 100)]
    assert all(len(live) == len(set(live)) for live in js.in_flight_aggregates)
    assert max(len(live) for live in js.in_flight_aggregates) > 1  # pipelined, not one by one
    assert kv.puts == [24]


async def test_a_missing_ack_stops_the_position_before_it_and_a_new_pump_resends_from_there(app, monkeypatch):
    monkeypatch.setattr(relay_module, "ACK_TIMEOUT_S", 0.5)
    stored = [env.msg_id for _, env in app.envelopes(0, 100)]
    js = FakeJetStream(fail_at=stored[9])
    relay, kv = relay_over(js, app)
    with pytest.raises(RuntimeError):
        await relay.pump()
    assert kv.puts == [9]  # events 1-9 acked; 10 was not, whatever came after it
    js.fail_at = None
    while await relay.pump():
        pass
    assert js.published[len(js.published) - 15:] == stored[9:]
    assert kv.puts[-1] == 24
