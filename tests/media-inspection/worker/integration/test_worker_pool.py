"""N worker processes on one durable consumer: they split the uploads, and no upload is inspected twice,
not even when its message comes again or when the worker inspecting it is killed mid-file."""

from __future__ import annotations

import asyncio
import sys
import uuid
from collections import Counter
from pathlib import Path

import nats
import pytest

sys.path[:0] = [str(Path(__file__).parents[3]), str(Path(__file__).parent)]
import media  # noqa: E402  (tests/media.py)
from worker_harness import stored, until  # noqa: E402

COVER = media.image(640, 480)


def of_type(envelopes, type_: str):
    return [e for e in envelopes if e.type == type_]


async def on_stream(url: str, subject: str) -> int:
    nc = await nats.connect(url)
    info = await nc.jetstream().stream_info("FESTIVAL", subjects_filter=subject)
    await nc.close()
    return sum((info.state.subjects or {}).values())


@pytest.mark.timeout(180)
async def test_two_workers_split_the_uploads_and_inspect_each_once(festival, workers, own_nats) -> None:
    subs = [str(uuid.uuid4()) for _ in range(3)]
    await festival.publish(festival.configured(), *(festival.drafted(s) for s in subs))
    for name in ("w1", "w2"):
        await workers.start(name, TEST_SLOW_S="0.5")
    confirmed = [festival.confirmed(s, "cover", COVER, version=v) for s in subs for v in (2, 3)]
    await festival.publish(*confirmed)
    app = workers.store()
    completed = await until(lambda: len(of_type(stored(app), "InspectionCompleted")) == 6 and
                            of_type(stored(app), "InspectionCompleted"), timeout=90)
    assert len({e.aggregate_id for e in completed}) == 6
    assert {e.payload["worker"] for e in completed} == {"w1", "w2"}  # both took a share
    assert {e.payload["verdict"] for e in completed} == {"pass"}
    again = festival.confirmed(subs[0], "cover", COVER, version=9)  # a second message for a known upload
    again = again.model_copy(update={"payload": confirmed[0].payload})
    await festival.publish(again)
    await until(lambda: workers_skipped(workers), timeout=30)
    envelopes = stored(app)
    assert Counter(e.type for e in envelopes)["InspectionCompleted"] == 6
    assert not of_type(envelopes, "InspectionRestarted")
    # Two relays on one store publish each event once (Nats-Msg-Id = aggregate id + version).
    assert await until_on_stream(own_nats.url, "festival.media-inspection.InspectionCompleted", 6)


async def until_on_stream(url: str, subject: str, count: int) -> bool:
    for _ in range(100):
        if await on_stream(url, subject) >= count:
            await asyncio.sleep(1.0)  # and no more arrive
            return await on_stream(url, subject) == count
        await asyncio.sleep(0.2)
    return False


def inspection_events(app):
    return [e for e in stored(app) if e.aggregate_type == "Inspection"]


def workers_skipped(workers) -> bool:
    return any("inspection.already_completed" in (workers.data_dir / f"{n}.log").read_text() for n in ("w1", "w2"))


@pytest.mark.timeout(180)
async def test_a_worker_killed_mid_file_leaves_it_to_another_that_inspects_it_once(festival, workers) -> None:
    ack_wait = "3"
    sub = str(uuid.uuid4())
    await festival.publish(festival.configured(), festival.drafted(sub))
    await workers.start("slow", TEST_SLOW_S="600", TEST_ACK_WAIT_S=ack_wait)
    await festival.publish(festival.confirmed(sub, "cover", COVER))
    app = workers.store()
    await until(lambda: of_type(stored(app), "InspectionStarted"), timeout=30)
    await workers.start("steady", TEST_ACK_WAIT_S=ack_wait)
    await asyncio.sleep(3 * float(ack_wait))  # alive and inspecting: it says so, so nobody takes its file
    assert [e.type for e in inspection_events(app)] == ["InspectionStarted"]
    workers.kill("slow")
    await until(lambda: of_type(stored(app), "InspectionCompleted"), timeout=60)
    events = inspection_events(app)
    assert [e.type for e in events] == ["InspectionStarted", "InspectionRestarted", "InspectionCompleted"]
    assert events[0].payload["worker"] == "slow"
    assert events[1].payload == {"attempt": 2, "worker": "steady"}
    assert events[2].payload["worker"] == "steady" and events[2].payload["verdict"] == "pass"
    assert len({e.aggregate_id for e in events}) == 1
