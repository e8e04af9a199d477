"""The outbox relay: pulls a service's notification log and publishes it to FESTIVAL, exactly once.

Exactly once comes from two halves: every event is published with `Nats-Msg-Id` = aggregate id +
version, so the stream drops a re-publish inside its duplicate window; and the relay records its
position only after the stream acknowledged, so a crash between the two re-publishes (deduplicated)
rather than skipping.
"""

from __future__ import annotations

import asyncio

import structlog
from nats.js import JetStreamContext

from festival_events.envelope import STREAM
from festival_kit import jetstream
from festival_kit.application import FestivalApplication

log = structlog.get_logger()


class Relay:
    """Moves one application's stored events onto the log, in store order."""

    def __init__(self, app: FestivalApplication, js: JetStreamContext, batch: int = 200):
        self.app, self.js, self.batch = app, js, batch
        self.key = app.SERVICE
        self._positions = None
        self._after: int | None = None  # read from the bucket once, then kept in memory

    async def position(self) -> int:
        """The last notification id the stream acknowledged, as recorded in the bucket."""
        kv = await self._kv()
        try:
            entry = await kv.get(self.key)
        except Exception:  # noqa: BLE001 - no key yet: nothing relayed
            return 0
        return int(entry.value or b"0")

    async def pump(self) -> int:
        """Publish one batch after the recorded position; returns how many events it published."""
        if self._after is None:
            self._after = await self.position()
        batch = self.app.envelopes(self._after, self.batch)
        for _, env in batch:
            await self.publish(env)
        if batch:
            await self.record(batch[-1][0])
        return len(batch)

    async def record(self, position: int) -> None:
        """Remember that everything up to this notification id is on the stream."""
        await (await self._kv()).put(self.key, str(position).encode())
        self._after = position

    async def publish(self, env) -> None:
        headers = {
            "Nats-Msg-Id": env.msg_id,
            "Festival-Correlation-Id": env.correlation_id,
            "Festival-Event-Type": env.type,
        }
        ack = await self.js.publish(env.subject, env.model_dump_json().encode(), stream=STREAM, headers=headers)
        if ack.duplicate:
            log.info("relay.duplicate_dropped", msg_id=env.msg_id, seq=ack.seq)

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
