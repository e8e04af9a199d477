"""The outbox relay: pulls a service's notification log and publishes it to FESTIVAL, exactly once.

Exactly once comes from two halves: every event is published with `Nats-Msg-Id` = aggregate id +
version, so the stream drops a re-publish inside its duplicate window; and the relay records a
position only once the stream acknowledged that event *and every event before it*, so a crash
anywhere re-publishes (deduplicated) rather than skipping.

Publishes are pipelined: up to `window` acks are awaited at once, and acks are settled oldest first,
so the recorded position never passes an event whose ack has not come. Order holds because one
connection hands the server its messages in the order they were published, and the stream stores
them in the order it receives them. A failure can still lose one message of a window while a later
one lands (a connection that drops after writing it, a cluster changing leader); the relay then
re-publishes from the last position it recorded, so nothing is lost, but the late message would sit
before the lost one. So that this can never put an aggregate's events out of order (its hash chain
and versions on the log), at most one event per aggregate is in flight: the next event of the same
aggregate is sent only once the stream stored the one before it.
"""

from __future__ import annotations

import asyncio
from collections import deque

import structlog
from nats.js import JetStreamContext
from nats.js.errors import NotFoundError

from festival_events.envelope import STREAM, Envelope
from festival_kit import jetstream
from festival_kit.application import FestivalApplication

log = structlog.get_logger()

ACK_TIMEOUT_S = 5.0


class InFlight:
    """The events published and not yet settled, oldest first, and the aggregates they belong to."""

    def __init__(self) -> None:
        self.queue: deque[tuple[int, str, asyncio.Future]] = deque()
        self.aggregates: set[str] = set()

    def add(self, position: int, aggregate_id: str, ack: asyncio.Future) -> None:
        self.queue.append((position, aggregate_id, ack))
        self.aggregates.add(aggregate_id)

    async def settle_oldest(self) -> int:
        """Wait for the oldest ack; returns its notification id, raises if the stream did not store it."""
        position, aggregate_id, ack = self.queue.popleft()
        self.aggregates.discard(aggregate_id)
        reply = await asyncio.wait_for(ack, ACK_TIMEOUT_S)
        if reply.duplicate:
            log.info("relay.duplicate_dropped", position=position, seq=reply.seq)
        return position

    async def abandon(self) -> None:
        """After a failure: let the other acks finish or fail (nothing they say is recorded)."""
        pending = [asyncio.wait_for(ack, ACK_TIMEOUT_S) for _, _, ack in self.queue]
        self.queue.clear()
        self.aggregates.clear()
        await asyncio.gather(*pending, return_exceptions=True)

    def __len__(self) -> int:
        return len(self.queue)


class Relay:
    """Moves one application's stored events onto the log, in store order."""

    def __init__(self, app: FestivalApplication, js: JetStreamContext, batch: int = 500, window: int = 256):
        self.app, self.js, self.batch, self.window = app, js, batch, window
        self.key = app.SERVICE
        self._positions = None
        self._after: int | None = None  # read from the bucket once, then kept in memory

    async def position(self) -> int:
        """The last notification id the stream acknowledged, as recorded in the bucket."""
        kv = await self._kv()
        try:
            entry = await kv.get(self.key)
        except NotFoundError:  # no key yet (or deleted): nothing relayed
            return 0
        # Anything else (NATS slow to answer, restarting) is raised: taken for 0, it would publish the whole
        # store again, and what is older than the stream's duplicate window would be on the log twice.
        return int(entry.value or b"0")

    async def pump(self) -> int:
        """Publish one batch after the recorded position; returns how many events it published."""
        if self._after is None:
            self._after = await self.position()
        batch = self.app.envelopes(self._after, self.batch)
        if not batch:
            return 0
        in_flight, acked = InFlight(), self._after
        try:
            for position, env in batch:
                while len(in_flight) >= self.window or env.aggregate_id in in_flight.aggregates:
                    acked = await in_flight.settle_oldest()
                in_flight.add(position, env.aggregate_id, await self.publish(env))
            while in_flight:
                acked = await in_flight.settle_oldest()
        except BaseException:
            await in_flight.abandon()
            if acked > self._after:
                await self.record(acked)  # what is surely on the stream need not be sent again
            raise
        await self.record(acked)
        return len(batch)

    async def record(self, position: int) -> None:
        """Remember that everything up to this notification id is on the stream."""
        await (await self._kv()).put(self.key, str(position).encode())
        self._after = position

    async def publish(self, env: Envelope) -> asyncio.Future:
        """Hand one event to the connection; returns the future of the stream's ack."""
        headers = {
            "Nats-Msg-Id": env.msg_id,
            "Festival-Correlation-Id": env.correlation_id,
            "Festival-Event-Type": env.type,
        }
        return await self.js.publish_async(env.subject, env.model_dump_json().encode(), stream=STREAM,
                                           headers=headers)

    async def run(self, stop: asyncio.Event, idle_s: float = 0.05) -> None:
        """Pump until stopped; a failure is logged and retried, never fatal."""
        while not stop.is_set():
            try:
                published = await self.pump()
            except Exception:  # noqa: BLE001 - NATS down or slow: retry after a pause
                log.exception("relay.pump_failed")
                published = 0
                await asyncio.sleep(1.0)
            if not published:
                try:
                    await asyncio.wait_for(stop.wait(), idle_s)
                except TimeoutError:
                    pass

    async def _kv(self):
        if self._positions is None:
            self._positions = await jetstream.positions(self.js)
        return self._positions
