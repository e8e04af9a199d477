"""Reading FESTIVAL from a sequence to its end, as fast as the server sends it (an ordered push consumer).

An ordered consumer is ephemeral, acknowledges nothing and is re-created by the client from the last
sequence it saw if a message is missed, so it needs nothing but read access to the stream and never
disturbs the services' durable consumers.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass

import nats
from nats.js.api import ConsumerConfig, DeliverPolicy

from festival_events.envelope import STREAM

PENDING_MSGS = 20_000  # what the client buffers ahead of the callback: flow control holds the server back
PENDING_BYTES = 64 << 20


@dataclass(frozen=True)
class Extent:
    """What the server says the stream holds: the first and last sequence it assigned and how many it keeps."""

    first_seq: int
    last_seq: int
    messages: int


@dataclass(frozen=True)
class Message:
    seq: int
    subject: str
    msg_id: str
    body: bytes


async def extent(js) -> Extent:
    state = (await js.stream_info(STREAM)).state
    return Extent(state.first_seq, state.last_seq, state.messages)


async def read(servers: list[str], on_message: Callable[[Message], None], start: int = 1,
               progress: Callable[[int, int], None] | None = None) -> Extent:
    """Call `on_message` for every message from `start` to the end the stream had when reading began."""
    nc = await nats.connect(servers=servers, name="festival-audit-reader")
    try:
        js = nc.jetstream()
        ends = await extent(js)
        if ends.messages == 0 or ends.last_seq < start:
            return ends
        done = asyncio.get_running_loop().create_future()

        async def deliver(msg) -> None:
            if done.done():
                return
            meta = msg.metadata
            seq = meta.sequence.stream
            try:
                on_message(Message(seq, msg.subject, (msg.headers or {}).get("Nats-Msg-Id", ""), msg.data))
                if progress is not None:
                    progress(seq, ends.last_seq)
            except BaseException as exc:  # noqa: BLE001 - handed to the reader's caller
                done.set_exception(exc)
                return
            if seq >= ends.last_seq or meta.num_pending == 0:
                done.set_result(None)

        config = ConsumerConfig(deliver_policy=DeliverPolicy.BY_START_SEQUENCE, opt_start_seq=start)
        sub = await js.subscribe("festival.>", ordered_consumer=True, config=config, cb=deliver,
                                 pending_msgs_limit=PENDING_MSGS, pending_bytes_limit=PENDING_BYTES)
        try:
            await done
        finally:
            await sub.unsubscribe()
        return ends
    finally:
        await nc.close()
