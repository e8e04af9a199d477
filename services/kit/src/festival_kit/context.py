"""Who and what caused the command being handled: carried into every event it produces."""

from __future__ import annotations

import contextvars
import functools
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from typing import Any, TypeVar

import structlog


@dataclass(frozen=True)
class Cause:
    """Actor, correlation and causation of a command or of a consumed event."""

    account_id: str = "system"
    role: str = "system"
    correlation_id: str = ""
    causation_id: str = ""

    def as_meta(self) -> dict[str, str]:
        return asdict(self)


T = TypeVar("T")
_current: contextvars.ContextVar[Cause] = contextvars.ContextVar("festival_cause")


def new_id() -> str:
    return str(uuid.uuid4())


def current() -> Cause:
    """The cause in force; outside any command a fresh system cause with a new correlation id."""
    cause = _current.get(None)
    if cause is None:
        fresh = new_id()
        cause = Cause(correlation_id=fresh, causation_id=fresh)
    return cause


@contextmanager
def caused_by(cause: Cause) -> Iterator[Cause]:
    """Run a block under a cause; logs inside it carry the correlation id."""
    if not cause.correlation_id:
        cause = replace(cause, correlation_id=new_id())
    if not cause.causation_id:
        cause = replace(cause, causation_id=cause.correlation_id)
    token = _current.set(cause)
    with structlog.contextvars.bound_contextvars(correlation_id=cause.correlation_id):
        try:
            yield cause
        finally:
            _current.reset(token)


def command(method: Callable[..., T]) -> Callable[..., T]:
    """An application command `(self, cause, ...)` run under its cause, so every event it triggers names who asked."""

    @functools.wraps(method)
    def run(self: Any, cause: Cause, *args: Any, **kwargs: Any) -> T:
        with caused_by(cause):
            return method(self, cause, *args, **kwargs)

    return run
