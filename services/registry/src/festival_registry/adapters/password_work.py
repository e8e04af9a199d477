"""Where the registry's argon2 work runs: a few threads beside the event loop, never on it."""

from __future__ import annotations

import asyncio
import contextvars
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
THREADS_ENV = "FESTIVAL_PASSWORD_THREADS"


def default_threads() -> int:
    """One per core (FESTIVAL_PASSWORD_THREADS): argon2 is CPU-bound and releases the GIL, so more
    threads than cores only lengthen every hash without hashing more per second."""
    return int(os.environ.get(THREADS_ENV) or os.cpu_count() or 2)


class PasswordWork:
    """Runs calls that hash or verify a password (~0.1 s of CPU each, by design) at most `threads` at
    once; a burst of sign-ups waits its turn in order while every other call is served at once."""

    def __init__(self, threads: int | None = None):
        self._pool = ThreadPoolExecutor(max_workers=threads or default_threads(), thread_name_prefix="argon2")

    async def run(self, call: Callable[..., T], *args: Any) -> T:
        """`call(*args)` on a hashing thread, under the caller's context (who asks, correlation id)."""
        context = contextvars.copy_context()
        return await asyncio.get_running_loop().run_in_executor(self._pool, context.run, call, *args)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
