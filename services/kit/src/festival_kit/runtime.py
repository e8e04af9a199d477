"""One service process: its gRPC server, its relay to FESTIVAL, its consumers, until SIGTERM."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import time
from collections.abc import Awaitable, Callable
from datetime import datetime

import grpc
import nats
import structlog
from faststream.nats import NatsBroker

from festival_kit import clock, consumer, jetstream, logs
from festival_kit.application import FestivalApplication
from festival_kit.relay import Relay
from festival_kit.rpc import start_server
from festival_kit.settings import Settings

log = structlog.get_logger()
Background = Callable[[asyncio.Event], Awaitable[None]]


class ServiceRuntime:
    """Wires a service's application to the platform; the service only says what it serves and hears."""

    def __init__(self, app: FestivalApplication, settings: Settings | None = None):
        self.app, self.settings = app, settings or Settings()
        self.broker = NatsBroker(self.settings.nats(), logger=None)
        self._register: list[Callable[[grpc.aio.Server], None]] = []
        self._names: list[str] = []
        self._background: list[Background] = []
        self._consumers: list[consumer.TrackedConsumer] = []
        self.stop_event = asyncio.Event()

    def serve(self, register: Callable[[grpc.aio.Server], None], full_name: str) -> None:
        self._register.append(register)
        self._names.append(full_name)

    def consume(self, durable: str, subjects: list[str], handlers: dict[str, consumer.Handler],
                shared: bool = False) -> None:
        """A tracked consumer; `shared` when every replica of the service reads the same durable."""
        self._consumers.append(consumer.TrackedConsumer(self.app, durable, subjects, handlers, shared))

    def background(self, task: Background) -> None:
        self._background.append(task)

    async def run(self) -> None:
        """Start everything, then wait for SIGTERM or SIGINT and stop in reverse order."""
        logs.configure(self.app.SERVICE)
        nc = await nats.connect(servers=self.settings.nats(), name=self.app.SERVICE, max_reconnect_attempts=-1)
        js = nc.jetstream()
        await jetstream.ensure_stream(js)
        address = self.settings.grpc_listen_address(self.app.SERVICE)
        server, _ = await start_server(address, self._register, self._names)
        for tracked in self._consumers:
            if not tracked.shared:
                await consumer.restart_from_store(js, tracked.durable)
        await self.broker.start()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, self.stop_event.set)
        tasks = [asyncio.create_task(Relay(self.app, js).run(self.stop_event))]
        tasks += [asyncio.create_task(task(self.stop_event)) for task in self._background]
        tasks += [asyncio.create_task(tracked.run(js, self.stop_event)) for tracked in self._consumers]
        log.info("service.started", grpc=address)
        await self.stop_event.wait()
        log.info("service.stopping")
        await _bounded("grpc", server.stop(grace=2), 3)
        await _bounded("broker", self.broker.stop(), 3)
        await _bounded("tasks", asyncio.gather(*tasks, return_exceptions=True), 5)
        # Everything that publishes has stopped and had its acks: flush, then close (drain would wait out the
        # pull subscriptions' pending fetches for seconds).
        await _bounded("nats", nc.flush(timeout=1), 2)
        await _bounded("nats-close", nc.close(), 2)
        self.app.close()
        log.info("service.stopped")


async def _bounded(step: str, awaitable, seconds: float) -> None:
    """One step of stopping, given `seconds`: a step that hangs (a peer already gone) is logged and left, so the
    process ends well inside its supervisor's 10 s instead of being killed."""
    started = time.monotonic()
    try:
        await asyncio.wait_for(awaitable, seconds)
    except TimeoutError:
        log.warning("service.stop_step_timed_out", step=step, seconds=seconds)
    except Exception:  # noqa: BLE001 - stopping goes on whatever one step raised
        log.warning("service.stop_step_failed", step=step, exc_info=True)
    else:
        log.info("service.stop_step", step=step, ms=round(1000 * (time.monotonic() - started)))


SCHEDULER_INTERVAL_ENV = "FESTIVAL_SCHEDULER_INTERVAL"


def on_the_clock(name: str, step: Callable[[datetime], object], interval: float | None = None,
                 now: Callable[[], datetime] = clock.now) -> Background:
    """A background task that calls `step(now())` every `interval` seconds (FESTIVAL_SCHEDULER_INTERVAL, 1 s)
    until stopped; a failing step is logged and tried again at the next tick."""
    every = interval if interval is not None else float(os.environ.get(SCHEDULER_INTERVAL_ENV, "1.0"))

    async def run(stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                step(now())
            except Exception:  # noqa: BLE001 - a store hiccup or a concurrent writer: try again next tick
                log.exception(f"{name}.tick_failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), every)

    return run
