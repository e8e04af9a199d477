"""The FESTIVAL stream: the platform's append-only log."""

from __future__ import annotations

import os

from nats.js import JetStreamContext
from nats.js.api import DiscardPolicy, RetentionPolicy, StorageType, StreamConfig
from nats.js.errors import NotFoundError

from festival_events.envelope import STREAM

# A relay that restarts re-publishes at most what it sent since it last recorded its position;
# the window only has to outlast a restart, but a long one costs little and forgives long outages.
DUPLICATE_WINDOW_S = 7 * 24 * 3600
POSITIONS_BUCKET = "festival-relay-positions"


def stream_config() -> StreamConfig:
    """File storage, nothing ever expires: the stream is the audit log."""
    return StreamConfig(
        name=STREAM,
        subjects=["festival.>"],
        storage=StorageType.FILE,
        retention=RetentionPolicy.LIMITS,
        discard=DiscardPolicy.NEW,
        max_msgs=-1,
        max_bytes=-1,
        max_age=0,
        duplicate_window=DUPLICATE_WINDOW_S,
        num_replicas=replicas(),
    )


def replicas() -> int:
    """How many NATS nodes keep a copy (FESTIVAL_STREAM_REPLICAS: 3 on the compose cluster, 1 locally)."""
    return int(os.environ.get("FESTIVAL_STREAM_REPLICAS", "1"))


async def ensure_stream(js: JetStreamContext) -> None:
    """Create the stream, or bring an existing one to the expected configuration."""
    try:
        await js.stream_info(STREAM)
    except NotFoundError:  # not made yet; a timeout or a lost connection is raised, for the caller to retry
        await js.add_stream(stream_config())
        return
    await js.update_stream(stream_config())


async def positions(js: JetStreamContext):
    """The key-value bucket where each relay keeps the last notification id it published."""
    try:
        return await js.key_value(POSITIONS_BUCKET)
    except NotFoundError:  # not made yet (any other failure is raised, not taken for an empty bucket)
        return await js.create_key_value(bucket=POSITIONS_BUCKET, history=1, replicas=replicas())
