"""Durable JetStream consumers that record what they processed atomically with what they wrote.

A consumer fetches up to BATCH messages at a time and processes them one by one in stream order:
it skips a message whose position its store already holds, and acknowledges a message only after
its events and that position are committed together, so a redelivered message changes nothing.

That skip is only right if positions only grow: the store keeps the highest sequence processed, so
a message must never be processed while an earlier one is still unsettled. Three things keep it so.
A failing message is retried where it stands (telling the server it is still in progress), so
nothing after it in the batch runs first and nothing is handed back; ever less often (RETRY_MAX_S
apart at most), each retry logged as `consumer.stuck`, so an operator finds it and the log is not
flooded. At most BATCH messages are unacknowledged (max_ack_pending), so while a batch is in hand
the server delivers nothing newer.
And a process that died with a batch in hand left those messages pending: a later one could be
delivered before they come back, so each start re-creates the durable consumer from the store's
own position (`restart_from_store`): the store, not the server, says where a consumer stands.

A durable shared by several processes on one store (the inspection workers' views) cannot batch: two
processes holding a batch each would record positions out of order, and one starting would forget
what another holds. A shared consumer takes one message at a time (max_ack_pending 1: nothing newer
is delivered while one is out, to anyone) and is never re-created, as before batching.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Iterable
from typing import Any

import structlog
import nats
import nats.errors
from faststream.nats import JStream
from nats.js import JetStreamContext
from nats.js.api import AckPolicy, ConsumerConfig, DeliverPolicy
from nats.js.errors import NotFoundError

from festival_events.envelope import STREAM, Envelope
from festival_kit.application import FestivalApplication
from festival_kit.context import Cause, caused_by
from festival_kit.jetstream import DUPLICATE_WINDOW_S

log = structlog.get_logger()

# A handler turns one event into the aggregates it changed (their pending events get saved).
Handler = Callable[[Envelope], Iterable[Any]]

BATCH = 64
FETCH_WAIT_S = 1.0  # a fetch returns what is there at once; with nothing there, it waits this long
ACK_WAIT_S = 30
RETRY_DELAY_S = 0.5  # the first retry of a failed message; each further one waits twice as long ...
RETRY_MAX_S = 30.0  # ... up to this: a message failing for hours (a bug) is logged twice a minute, not a second
# The stream as FastStream subscribers name it (the inspection workers' shared uploads consumer).
FESTIVAL = JStream(name=STREAM, subjects=["festival.>"], declare=False, duplicate_window=DUPLICATE_WINDOW_S)


def cause_of(env: Envelope) -> Cause:
    """Work done because of an event keeps its correlation and names it as the cause."""
    return Cause(
        account_id=env.actor.account_id,
        role=env.actor.role,
        correlation_id=env.correlation_id,
        causation_id=str(env.event_id),
    )


def handle_tracked(app: FestivalApplication, durable: str, handlers: dict[str, Handler], seq: int, body: bytes) -> None:
    """Process one message once: skip it if already tracked, else save its effects with its position."""
    if app.processed(durable, seq):
        log.info("consumer.already_processed", consumer=durable, seq=seq)
        return
    env = Envelope.model_validate_json(body)
    handler = handlers.get(env.type)
    with caused_by(cause_of(env)):
        aggregates = list(handler(env)) if handler else []
        app.save_tracked(durable, seq, *aggregates)
        log.info("consumer.processed", consumer=durable, seq=seq, type=env.type, handled=bool(handler))


async def settle(app: FestivalApplication, durable: str, handlers: dict[str, Handler], raw,
                 stop: asyncio.Event | None = None) -> bool:
    """Process one fetched message until it is stored, then acknowledge it; retry a failure in place.
    False when stopped first (the message is left unacknowledged, to come back)."""
    seq, attempt = raw.metadata.sequence.stream, 0
    while True:
        if stop is not None and stop.is_set():
            return False
        try:
            handle_tracked(app, durable, handlers, seq, raw.data)
            break
        except Exception:  # noqa: BLE001 - a store hiccup or a bug: never skip, never run a later one first
            attempt += 1
            delay = min(RETRY_DELAY_S * 2 ** (attempt - 1), RETRY_MAX_S)
            # consumer.stuck is what an operator looks for: this consumer processes nothing until the message goes
            log.exception("consumer.stuck" if attempt > 1 else "consumer.failed", consumer=durable, seq=seq,
                          attempt=attempt, retry_in_s=delay)
            if not await _hold(raw, delay, stop):
                return False
    if attempt:
        log.warning("consumer.recovered", consumer=durable, seq=seq, attempts=attempt + 1)
    await raw.ack()
    return True


async def _hold(raw, seconds: float, stop: asyncio.Event | None) -> bool:
    """Wait `seconds` holding the message: the server is told it is still in progress well inside its ack wait,
    so it never hands it to anyone else meanwhile. False when stopped first."""
    deadline = asyncio.get_running_loop().time() + seconds
    while (left := deadline - asyncio.get_running_loop().time()) > 0:
        await asyncio.sleep(min(left, ACK_WAIT_S / 3))
        if stop is not None and stop.is_set():
            return False
        await raw.in_progress()
    return True


class TrackedConsumer:
    """One durable pull consumer on some subjects of FESTIVAL, feeding the handlers in stream order."""

    def __init__(self, app: FestivalApplication, durable: str, subjects: list[str], handlers: dict[str, Handler],
                 shared: bool = False):
        self.app, self.durable, self.subjects, self.handlers = app, durable, subjects, handlers
        self.shared = shared
        self.batch = 1 if shared else BATCH

    def config(self) -> ConsumerConfig:
        """Used only when the consumer is created: it then starts after the store's last position."""
        return ConsumerConfig(
            durable_name=self.durable,
            filter_subjects=self.subjects,
            ack_policy=AckPolicy.EXPLICIT,
            deliver_policy=DeliverPolicy.BY_START_SEQUENCE,
            opt_start_seq=(self.app.recorder.max_tracking_id(self.durable) or 0) + 1,
            max_ack_pending=self.batch,
            ack_wait=ACK_WAIT_S,
        )

    async def run(self, js: JetStreamContext, stop: asyncio.Event) -> None:
        """Fetch and settle batches until stopped; NATS going away is waited out, never fatal."""
        fetcher = None
        while not stop.is_set():
            try:
                if fetcher is None:
                    fetcher = await js.pull_subscribe("", durable=self.durable, stream=STREAM, config=self.config())
                batch = await fetcher.fetch(self.batch, timeout=FETCH_WAIT_S)
            except nats.errors.TimeoutError:
                continue
            except Exception:  # noqa: BLE001 - NATS restarting, or the stream not there yet
                log.warning("consumer.fetch_failed", consumer=self.durable, exc_info=True)
                await asyncio.sleep(RETRY_DELAY_S)
                continue
            for raw in batch:  # in stream order
                if not await settle(self.app, self.durable, self.handlers, raw, stop):
                    return


class Running:
    """A consumer running on a connection of its own, until `stop()` (tests and tools)."""

    def __init__(self, nc, tracked: TrackedConsumer):
        self.nc, self.tracked, self._stop = nc, tracked, asyncio.Event()
        self._task = asyncio.create_task(tracked.run(nc.jetstream(), self._stop))

    async def stop(self) -> None:
        self._stop.set()
        await self._task
        await self.nc.close()


async def start(url: str, app: FestivalApplication, durable: str, subjects: list[str],
                handlers: dict[str, Handler]) -> Running:
    """Run a tracked consumer beside the caller until the returned handle is stopped."""
    return Running(await nats.connect(url), TrackedConsumer(app, durable, subjects, handlers))


@contextlib.asynccontextmanager
async def running(url: str, app: FestivalApplication, durable: str, subjects: list[str],
                  handlers: dict[str, Handler]) -> AsyncIterator[TrackedConsumer]:
    """A tracked consumer running for the duration of the block."""
    handle = await start(url, app, durable, subjects, handlers)
    try:
        yield handle.tracked
    finally:
        await handle.stop()


async def restart_from_store(js: JetStreamContext, durable: str) -> None:
    """Forget the server's view of a durable consumer (what it delivered to a process that died), so
    that it is created again from the store's position. Call before the consumer runs."""
    try:
        await js.delete_consumer(STREAM, durable)
    except NotFoundError:
        pass
