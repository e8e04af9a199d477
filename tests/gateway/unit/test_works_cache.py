"""The works cache's own rules, without NATS: a read kept until dropped or too old, and a read that was in
flight while its work changed never kept (the NATS side is tests/gateway/integration/test_works_cache.py)."""

from __future__ import annotations

import asyncio

import pytest

from festival_gateway import works_cache
from festival_gateway.works_cache import MAX_AGE_S, WorksCache


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


class Intake:
    """Answers with the work's current state, counting the calls; `gate` holds an answer back."""

    def __init__(self) -> None:
        self.state, self.calls, self.gate = "v1", 0, None

    async def answer(self) -> str:
        self.calls += 1
        seen = self.state
        if self.gate is not None:
            await self.gate.wait()
        return seen


@pytest.fixture
def cache() -> WorksCache:
    live = WorksCache([], now=Clock())
    live.live = True  # as once its subscription is on the server
    return live


async def test_a_read_is_kept_until_its_work_is_dropped_or_too_old(cache):
    intake = Intake()
    assert [await cache.read("w", intake.answer) for _ in range(3)] == ["v1"] * 3
    assert (intake.calls, cache.hits, cache.misses) == (1, 2, 1)
    intake.state = "v2"
    cache.drop("w")
    assert await cache.read("w", intake.answer) == "v2" and intake.calls == 2
    intake.state = "v3"
    cache.now.t += MAX_AGE_S  # a change whose event never came is seen once the entry is this old
    assert await cache.read("w", intake.answer) == "v3" and intake.calls == 3
    cache.drop_all()
    assert await cache.read("w", intake.answer) == "v3" and intake.calls == 4


async def test_a_read_in_flight_while_its_work_changed_is_not_kept(cache):
    intake = Intake()
    intake.gate = asyncio.Event()
    slow = asyncio.create_task(cache.read("w", intake.answer))  # reads v1 ...
    await asyncio.sleep(0)
    intake.state = "v2"
    cache.drop("w")  # ... the change's event arrives before its answer
    intake.gate.set()
    assert await slow == "v1"  # that caller gets what was true when it asked
    intake.gate = None
    assert await cache.read("w", intake.answer) == "v2"  # the next one asks again
    intake.gate = asyncio.Event()
    slow = asyncio.create_task(cache.read("x", intake.answer))
    await asyncio.sleep(0)
    cache.drop_all()
    intake.gate.set()
    await slow
    intake.gate = None
    await cache.read("x", intake.answer)
    assert intake.calls == 4  # "x" was asked for again


async def test_nothing_is_kept_while_the_log_is_not_heard_nor_a_refusal(cache):
    intake = Intake()
    cache.live = False
    for _ in range(2):
        await cache.read("w", intake.answer)
    assert intake.calls == 2 and cache.hits == 0

    cache.live = True

    async def refused() -> str:
        raise PermissionError("forbidden")

    with pytest.raises(PermissionError):
        await cache.read("w", refused)
    assert await cache.read("w", intake.answer) == "v1" and intake.calls == 3


async def test_the_least_recently_read_work_goes_first(cache, monkeypatch):
    monkeypatch.setattr(works_cache, "SIZE", 2)
    intake = Intake()
    for work in ("a", "b", "a", "c"):  # "b" is the least recently read when "c" comes
        await cache.read(work, intake.answer)
    assert intake.calls == 3
    for work in ("a", "c"):
        await cache.read(work, intake.answer)
    assert intake.calls == 3
    await cache.read("b", intake.answer)
    assert intake.calls == 4
