"""The audit service's view of FESTIVAL: the Merkle tree of every message it has read, and where each event is.

It follows the stream from sequence 1 for as long as the service runs (an ordered consumer: nothing to
acknowledge, nothing the services' consumers see), and calls back on every sealing event so a checkpoint
is signed at exactly the size that event ends. Rebuilt from the stream at each start (a few seconds for
100,000 messages), so it holds nothing the stream does not.
"""

from __future__ import annotations

import asyncio
import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

import nats
import structlog
from nats.js.api import ConsumerConfig, DeliverPolicy

from festival_audit.merkle import Tree, entry_of
from festival_audit.stream import PENDING_BYTES, PENDING_MSGS
from festival_events.contracts.audit import SEALING_EVENTS

log = structlog.get_logger()
SUMMARY = ("event_id", "type", "service", "aggregate_id", "aggregate_version", "occurred_at", "hash", "prev_hash")


@dataclass(frozen=True)
class Place:
    seq: int
    index: int


class LogTree:
    """The tree, the place of every event id, and each work's events."""

    def __init__(self, on_seal: Callable[[str, str, int, int], None] | None = None):
        self.tree = Tree()
        self.places: dict[str, Place] = {}
        self.by_work: dict[str, list[dict]] = defaultdict(list)  # work id -> its events, in stream order
        self.last_seq = 0
        self.on_seal = on_seal

    def see(self, seq: int, body: bytes) -> None:
        if seq <= self.last_seq:
            return  # the ordered consumer re-created from where it was: nothing new
        try:
            env = json.loads(body)
        except ValueError:
            env = None
        index = self.tree.append(entry_of(body, env))
        self.last_seq = seq
        if not isinstance(env, dict):
            return
        event_id = str(env.get("event_id", ""))
        self.places[event_id] = Place(seq, index)
        for work in _works_of(env):
            self.by_work[work].append({"seq": seq, "leaf_index": index, **{k: env.get(k) for k in SUMMARY}})
        if env.get("type") in SEALING_EVENTS and self.on_seal is not None:
            self.on_seal(env["type"], event_id, seq, index + 1)

    async def follow(self, servers: list[str], stop: asyncio.Event) -> None:
        """Read the stream from the start, then keep up with it, until stopped."""
        while not stop.is_set():
            try:
                nc = await nats.connect(servers=servers, name="festival-audit-tree", max_reconnect_attempts=-1)
            except Exception:  # noqa: BLE001 - NATS not up yet
                await asyncio.sleep(1.0)
                continue
            try:
                config = ConsumerConfig(deliver_policy=DeliverPolicy.BY_START_SEQUENCE, opt_start_seq=self.last_seq + 1)

                async def deliver(msg) -> None:
                    try:
                        self.see(msg.metadata.sequence.stream, msg.data)
                    except Exception:  # noqa: BLE001 - a signing failure must not stop the tree
                        log.exception("audit.tree_failed", seq=msg.metadata.sequence.stream)

                sub = await nc.jetstream().subscribe("festival.>", ordered_consumer=True, config=config, cb=deliver,
                                                     pending_msgs_limit=PENDING_MSGS, pending_bytes_limit=PENDING_BYTES)
                await stop.wait()
                await sub.unsubscribe()
            except Exception:  # noqa: BLE001 - the stream not there yet, or NATS restarting
                log.warning("audit.follow_failed", exc_info=True)
                await asyncio.sleep(1.0)
            finally:
                await nc.close()


def _works_of(env: dict) -> list[str]:
    """Which work an event is about: a submission is the work; others name it in their payload."""
    payload = env.get("payload") or {}
    found = {payload.get(k) for k in ("submission_id", "work_id") if isinstance(payload.get(k), str)}
    if env.get("aggregate_type") == "Submission":
        found.add(env.get("aggregate_id"))
    return sorted(w for w in found if w)
