"""Works read through the gateway (`GET /works/{id}`), kept in memory until the log says they changed.

A student's page polls its work while the files are inspected, and reviewers open the same works again and
again; without this every read is a gRPC call and a rebuild in intake. An entry is the work as intake last
answered it. Every event intake publishes (`festival.intake.>`, a plain NATS subscription: the relay's
publishes reach it as they reach the stream) drops the entry of its aggregate (named by the `Nats-Msg-Id`
header, "aggregate id:version"); an edition's or the directory's event drops them all, as they change what a
work's missing slots are. So a change reaches the cache with its event, in the relay's lag (tens of
milliseconds), from whichever replica or consumer made it.

- A write through this gateway to a work (any request but GET/HEAD whose path names `/works/<id>`) drops
  it when answered, so its caller reads their own change back at once (`EvictOnWrite`).
- A read that was in flight while its work was dropped does not store what it read: it may predate the change.
- The cache is used only while the subscription is known to be receiving. When the connection drops, it is
  emptied and bypassed; when it is back, emptied again (what changed meanwhile was missed) and used again.
- An entry is also dropped MAX_AGE_S after it was read, a bound on any other miss (a relay stuck while NATS
  is up): another replica's change is seen at the latest then.
- Without NATS the cache is off and every read asks intake, as before.
"""

from __future__ import annotations

import re
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import nats
import structlog
from nats.errors import SlowConsumerError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = structlog.get_logger()
T = TypeVar("T")

SUBJECT = "festival.intake.>"
MAX_AGE_S = 10.0
SIZE = 5_000  # works kept, least recently read dropped first (a work's JSON is a few KiB, its checks included)
WIDE = ("EditionView", "Directory")  # intake aggregates whose events change every work's answer
CONNECT_TIMEOUT_S = 2.0
WORK_IN_PATH = re.compile(r"/works/([0-9a-fA-F-]{36})(?:/|$)")


class WorksCache:
    """The works this replica read, while the log's intake events reach it."""

    def __init__(self, nats_urls: list[str], now: Callable[[], float] = time.monotonic):
        self.urls, self.now = nats_urls, now
        self.nc = None
        self.live = False
        self.hits = self.misses = 0
        self._entries: OrderedDict[str, tuple[float, Any]] = OrderedDict()
        self._reading: dict[str, list[int]] = {}  # work id -> [drops seen since its first read began, reads]
        self._epoch = 0  # bumped when everything is dropped

    async def read(self, work_id: str, fetch: Callable[[], Awaitable[T]]) -> T:
        """The cached work, or `fetch()`'s answer (kept when nothing dropped the work meanwhile). What it returns
        is shared by every caller: never change it."""
        entry = self._entries.get(work_id)
        if self.live and entry is not None and self.now() - entry[0] < MAX_AGE_S:
            self._entries.move_to_end(work_id)
            self.hits += 1
            return entry[1]
        self.misses += 1
        reading = self._reading.setdefault(work_id, [0, 0])
        reading[1] += 1
        ticket, started, value = (self._epoch, reading[0]), self.now(), None
        try:
            value = await fetch()
        finally:
            reading[1] -= 1
            if not reading[1]:
                del self._reading[work_id]
            if value is not None and self.live and ticket == (self._epoch, reading[0]):
                self._entries[work_id] = (started, value)
                self._entries.move_to_end(work_id)
                while len(self._entries) > SIZE:
                    self._entries.popitem(last=False)
        return value

    def drop(self, work_id: str) -> None:
        self._entries.pop(work_id, None)
        if (reading := self._reading.get(work_id)) is not None:
            reading[0] += 1

    def drop_all(self) -> None:
        self._entries.clear()
        self._epoch += 1

    async def start(self) -> None:
        if not self.urls:
            log.info("gateway.works_cache_off", reason="no NATS")
            return
        try:
            self.nc = await nats.connect(
                servers=self.urls, name="gateway-works", connect_timeout=CONNECT_TIMEOUT_S, max_reconnect_attempts=-1,
                disconnected_cb=self._lost, reconnected_cb=self._back, error_cb=self._error)
            await self.nc.subscribe(SUBJECT, cb=self._changed)
            await self.nc.flush()  # the server has the subscription: from here no event is missed
            self.live = True
        except Exception:  # noqa: BLE001 - no NATS: reads ask intake every time
            log.exception("gateway.works_cache_off")

    async def stop(self) -> None:
        self.live = False
        if self.nc is not None:
            await self.nc.close()

    async def _changed(self, msg) -> None:
        kind = (msg.headers or {}).get("Festival-Event-Type", "")
        msg_id = (msg.headers or {}).get("Nats-Msg-Id", "")
        if kind.startswith(WIDE) or not msg_id:
            self.drop_all()
        else:
            self.drop(msg_id.rsplit(":", 1)[0])

    async def _lost(self) -> None:
        self.live = False
        self.drop_all()
        log.warning("gateway.works_cache_bypassed", reason="NATS disconnected")

    async def _back(self) -> None:
        self.drop_all()
        try:
            await self.nc.flush()  # the subscription is on the server again
        except Exception:  # noqa: BLE001 - gone again: the next disconnect says so
            return
        self.live = True
        log.info("gateway.works_cache_live")

    async def _error(self, problem: Exception) -> None:
        if isinstance(problem, SlowConsumerError):  # events were dropped before reaching us
            self.drop_all()
            log.warning("gateway.works_cache_emptied", reason="slow consumer")


class EvictOnWrite:
    """Drops the work a write names (`/works/<id>`, `/web/works/<id>` ...) as its answer starts, before the
    caller has a byte of it (the service has done the write by then), and again when it ends."""

    def __init__(self, app: ASGIApp, works: WorksCache):
        self.app, self.works = app, works

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        named = None
        if scope["type"] == "http" and scope["method"] not in ("GET", "HEAD"):
            named = WORK_IN_PATH.search(scope["path"])
        if named is None:
            await self.app(scope, receive, send)
            return
        work_id = named.group(1).lower()

        async def answering(message: Message) -> None:
            if message["type"] == "http.response.start":
                self.works.drop(work_id)
            await send(message)

        try:
            await self.app(scope, receive, answering)
        finally:
            self.works.drop(work_id)
