"""What every gateway replica shares through NATS key-value buckets: failed logins and sign-ups counted per
username and per client address (brute-force limits), and the tokens logged out before they expire.

Counts are kept per key in a bucket whose entries expire a window after their last change, so "10 failures
in 15 minutes" means 10 without a quiet quarter of an hour between them. Increments are compare-and-set on the
key's revision, so replicas counting at once lose nothing; and a replica takes the password guesses of one
username (a login) or one account (a password change) one at a time (`guess`), so guesses sent all at once are
each checked against the ones before (across replicas, a few more may pass the check before they are counted:
at most one in flight per replica).

Logged-out token ids are watched into memory by every replica, and so are the registry's events that end an
account's sessions (a suspension, a new password: `AccountSuspended` and `PasswordChanged` carry the account's new
session generation, and a token names the generation it was issued in): verifying a request costs no call. A
replica just started takes no token until both are in memory (`ready`).

When NATS goes away later the limits are not enforced (logged), and logins keep working: the platform is then
down for writing anyway, and a locked-out province at 2 a.m. is worse. A replica that starts while JetStream
does not answer takes no token (503) until it has loaded what ends them: it tries again, and it never takes
"cannot read" for "nothing logged out".
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import math
import time
import weakref
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass

import nats
import structlog
from nats.js.errors import KeyNotFoundError, KeyWrongLastSequenceError, NotFoundError

from festival_events.contracts.registry import SESSION_ENDING
from festival_gateway.tokens import Claims
from festival_kit.errors import FestivalError
from festival_kit.jetstream import replicas

log = structlog.get_logger()
CONNECT_TIMEOUT_S = 2.0
OPEN_FIRST_WAIT_S, OPEN_MOST_WAIT_S = 0.5, 5.0  # between tries at opening the buckets, doubling


class TooManyAttempts(FestivalError):
    """429 with the seconds to wait, sent as Retry-After."""

    def __init__(self, what_zh: str, what_en: str, retry_after: int):
        minutes = max(1, math.ceil(retry_after / 60))
        super().__init__("too_many_attempts", f"{what_zh}次数过多，请 {minutes} 分钟后再试。",
                         f"Too many {what_en}: try again in {minutes} minute(s).", 429)
        self.retry_after = retry_after


@dataclass(frozen=True)
class Limit:
    """At most `count` in `window_s` seconds (of quiet, see the module's note); a bucket per kind of limit."""

    bucket: str
    count: int
    window_s: int
    what_zh: str
    what_en: str


# One username: 10 failures. One address: many more, since a school's whole computer room shares one.
FAILED_BY_USER = Limit("festival-login-failures-user", 10, 15 * 60, "登录失败", "failed logins")
FAILED_BY_ADDRESS = Limit("festival-login-failures-address", 100, 15 * 60, "本地址登录失败", "failed logins from "
                          "this address")
SIGN_UPS = Limit("festival-sign-ups", 200, 60 * 60, "本地址注册", "sign-ups from this address")
LIMITS = (FAILED_BY_USER, FAILED_BY_ADDRESS, SIGN_UPS)
REVOKED_BUCKET = "festival-revoked-tokens"
REGISTRY_SUBJECTS = "festival.registry.>"


def key(kind: str, value: str) -> str:
    """A bucket key that never holds user text: the kind and a digest of the value folded as the registry folds a
    username when it looks the account up (spaces around it dropped, case ignored), so that no spelling of one
    account is counted apart from the others."""
    return f"{kind}.{hashlib.sha256(value.strip().casefold().encode()).hexdigest()[:40]}"


class Counter:
    """One limit's counts, shared by every replica through its bucket."""

    def __init__(self, kv, limit: Limit, now: Callable[[], float] = time.time):
        self.kv, self.limit, self.now = kv, limit, now

    async def check(self, k: str) -> None:
        """Refuse (429) when the key has reached the limit."""
        found = await self._read(k)
        if found and found[0]["n"] >= self.limit.count:
            wait = math.ceil(found[0]["last"] + self.limit.window_s - self.now())
            raise TooManyAttempts(self.limit.what_zh, self.limit.what_en, max(1, wait))

    async def add(self, k: str) -> None:
        for _ in range(20):  # another replica counted at the same moment: read again and retry
            found = await self._read(k)
            body = json.dumps({"n": (found[0]["n"] if found else 0) + 1, "last": self.now()}).encode()
            try:
                if found:
                    await self.kv.update(k, body, last=found[1])
                else:
                    await self.kv.create(k, body)
                return
            except KeyWrongLastSequenceError:
                continue

    async def clear(self, k: str) -> None:
        await self.kv.purge(k)

    async def _read(self, k: str) -> tuple[dict, int] | None:
        try:
            entry = await self.kv.get(k)
        except KeyNotFoundError:
            return None
        if not entry.value:  # a purge marker
            return None
        return json.loads(entry.value), entry.revision


class Sessions:
    """The gateway's shared state: the counters and the revoked tokens, opened at start-up."""

    def __init__(self, nats_urls: list[str], token_lifetime_s: int):
        self.urls, self.token_lifetime_s = nats_urls, token_lifetime_s
        self.nc = None
        self.counters: dict[str, Counter] = {}
        self.revoked: set[str] = set()
        self.revoked_kv = None
        self.generations: dict[str, int] = {}  # account id -> the session generation in force
        self._open: asyncio.Task | None = None
        self._watch: asyncio.Task | None = None
        self._follow: asyncio.Task | None = None
        self._turns: weakref.WeakValueDictionary[str, asyncio.Lock] = weakref.WeakValueDictionary()
        # Cleared while start() loads the tokens logged out and the registry's events so far: until they are in
        # memory a token cannot be told good (a gateway just started would take a suspended account's token).
        # Set otherwise: without NATS (or never started, as in tests without a lifespan) nothing is to load.
        self.ready = asyncio.Event()
        self.ready.set()
        self._loading = {"revocations", "registry"}
        self.unreachable = False  # the buckets could not be opened yet: a token is refused at once, not after a wait

    def _loaded(self, what: str) -> None:
        self._loading.discard(what)
        if not self._loading and not self.ready.is_set():
            log.info("gateway.sessions_ready")
            self.ready.set()

    @contextlib.asynccontextmanager
    async def guess(self, *limited: tuple[Limit, str]) -> AsyncIterator[Callable[[], Awaitable[None]]]:
        """One guess at a password, refused (429) when a (limit, key) has reached its limit; yields `failed`,
        which counts the guess against every one. Guesses under one first key (the username, the account) take
        turns on this replica from the check to the count, so guesses sent at once cannot all pass the check
        before the first is counted; the turn's lock is dropped when nobody holds or waits for it."""
        first = limited[0][1]
        turn = self._turns.get(first)
        if turn is None:
            self._turns[first] = turn = asyncio.Lock()
        async with turn:
            for limit, k in limited:
                await self.check(limit, k)

            async def failed() -> None:
                for limit, k in limited:
                    await self.add(limit, k)

            yield failed

    async def start(self) -> None:
        """Connect (waiting for NATS as long as it takes), open the buckets, and load the logged-out tokens and
        the registry's events in the background; until they are in memory no token is taken. A JetStream that
        does not answer yet (just restarted, a cluster electing its leader) is tried again until it does, never
        taken for "nothing to check"."""
        if not self.urls:
            log.warning("gateway.sessions_without_nats")
            return
        self.nc = await nats.connect(servers=self.urls, connect_timeout=CONNECT_TIMEOUT_S,
                                     max_reconnect_attempts=-1, name="gateway-sessions")
        self.ready.clear()  # uvicorn serves nothing before start() returns: no request saw it set
        js = self.nc.jetstream()
        if not await self._opened(js):  # the first try before serving: a request right after start is counted
            self._open = asyncio.create_task(self._open_until_done(js))

    async def _opened(self, js) -> bool:
        try:
            for limit in LIMITS:
                if limit.bucket not in self.counters:
                    self.counters[limit.bucket] = Counter(await _bucket(js, limit.bucket, limit.window_s), limit)
            if self.revoked_kv is None:
                self.revoked_kv = await _bucket(js, REVOKED_BUCKET, self.token_lifetime_s + 60)
        except Exception:  # noqa: BLE001 - JetStream not answering yet: tokens are refused (503) meanwhile
            self.unreachable = True
            log.warning("gateway.sessions_waiting_for_jetstream", exc_info=True)
            return False
        self.unreachable = False
        self._watch = asyncio.create_task(self._follow_revocations())
        self._follow = asyncio.create_task(self._follow_registry(js))
        return True

    async def _open_until_done(self, js) -> None:
        wait = OPEN_FIRST_WAIT_S
        while True:
            await asyncio.sleep(wait)
            if await self._opened(js):
                log.info("gateway.sessions_opened")
                return
            wait = min(wait * 2, OPEN_MOST_WAIT_S)

    async def stop(self) -> None:
        for task in (self._open, self._watch, self._follow):
            if task:
                task.cancel()
        if self.nc:
            await self.nc.close()

    async def check(self, limit: Limit, k: str) -> None:
        """429 when the key has reached the limit; a bucket that does not answer lets the request through."""
        if counter := self.counters.get(limit.bucket):
            try:
                await counter.check(k)
            except TooManyAttempts:
                raise
            except Exception:  # noqa: BLE001 - NATS gone mid-way: see the module's note
                log.warning("gateway.limit_unchecked", bucket=limit.bucket)

    async def add(self, limit: Limit, k: str) -> None:
        await self._quietly(limit, "add", k)

    async def clear(self, limit: Limit, k: str) -> None:
        await self._quietly(limit, "clear", k)

    async def _quietly(self, limit: Limit, what: str, k: str) -> None:
        if counter := self.counters.get(limit.bucket):
            try:
                await getattr(counter, what)(k)
            except Exception:  # noqa: BLE001 - NATS gone mid-way: see the module's note
                log.warning("gateway.limit_not_counted", bucket=limit.bucket)

    async def revoke(self, token_id: str) -> None:
        """Log a token out everywhere: this replica at once, the others as their watch sees it."""
        self.revoked.add(token_id)
        if self.revoked_kv is not None:
            await self.revoked_kv.put(f"jti.{token_id}", b"1")

    def has_ended(self, claims: Claims) -> bool:
        """A token logged out, or issued before its account's sessions were ended (suspended, new password)."""
        return claims.token_id in self.revoked or claims.sessions < self.generations.get(claims.account_id, 0)

    async def _follow_registry(self, js) -> None:
        """Read the registry's events from the start of the log (the stream may not exist yet: wait for it)."""
        while True:
            try:
                sub = await js.subscribe(REGISTRY_SUBJECTS, ordered_consumer=True, cb=self._see_registry_event)
                info = await sub.consumer_info()
                if info.num_pending == 0 and info.delivered.consumer_seq == 0:
                    self._loaded("registry")  # none delivered, none to come: no registry event on the log yet
                return  # the ordered consumer recreates itself after a gap or a NATS restart
            except Exception as problem:  # noqa: BLE001 - no stream yet, or NATS restarting
                if isinstance(problem, NotFoundError):
                    self._loaded("registry")  # no stream, so no event to miss; followed once it is there
                log.info("gateway.registry_events_waiting", exc_info=True)
                await asyncio.sleep(1.0)

    async def _see_registry_event(self, msg) -> None:
        try:
            env = json.loads(msg.data)
            if env.get("type") in SESSION_ENDING:
                account, generation = str(env["aggregate_id"]), int(env["payload"]["sessions"])
                self.generations[account] = max(generation, self.generations.get(account, 0))
        except (ValueError, KeyError, TypeError):  # not an envelope: nothing of ours
            log.warning("gateway.registry_event_unread", seq=msg.metadata.sequence.stream)
        if msg.metadata.num_pending == 0:
            self._loaded("registry")  # the last registry event there was when this one was delivered

    async def _follow_revocations(self) -> None:
        while True:
            try:
                async for entry in await self.revoked_kv.watchall():
                    if entry is None:  # the bucket's values so far are all here
                        self._loaded("revocations")
                    elif entry.key.startswith("jti.") and entry.value:
                        self.revoked.add(entry.key[4:])
            except Exception:  # noqa: BLE001 - NATS restarting: watch again (the values come again, from the start)
                log.info("gateway.revocations_waiting", exc_info=True)
            await asyncio.sleep(1.0)


async def _bucket(js, name: str, ttl_s: int):
    try:
        return await js.key_value(name)
    except NotFoundError:  # not there yet: create it (a timeout is raised, and the caller tries again)
        return await js.create_key_value(bucket=name, history=1, ttl=ttl_s, replicas=replicas())
