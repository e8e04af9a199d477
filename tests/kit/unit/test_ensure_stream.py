"""ensure_stream creates FESTIVAL only when NATS says it is not there; any other failure is the caller's to retry."""

from __future__ import annotations

import nats
import pytest
from nats.js.errors import NotFoundError

from festival_kit import jetstream


class Context:
    """A JetStream context whose stream_info answers `info` (a value, or an exception to raise)."""

    def __init__(self, info):
        self.info, self.calls = info, []

    async def stream_info(self, name):
        self.calls.append(("info", name))
        if isinstance(self.info, BaseException):
            raise self.info
        return self.info

    async def add_stream(self, config):
        self.calls.append(("add", config.name))

    async def update_stream(self, config):
        self.calls.append(("update", config.name))


async def test_a_missing_stream_is_created_and_an_existing_one_brought_to_the_configuration() -> None:
    missing, existing = Context(NotFoundError()), Context(object())
    await jetstream.ensure_stream(missing)
    await jetstream.ensure_stream(existing)
    assert missing.calls == [("info", "FESTIVAL"), ("add", "FESTIVAL")]
    assert existing.calls == [("info", "FESTIVAL"), ("update", "FESTIVAL")]


async def test_a_slow_answer_is_not_taken_for_a_missing_stream() -> None:
    slow = Context(nats.errors.TimeoutError())
    with pytest.raises(nats.errors.TimeoutError):
        await jetstream.ensure_stream(slow)
    assert slow.calls == [("info", "FESTIVAL")]
