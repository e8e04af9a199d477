"""Review on a real NATS: its durable consumer hears registry and intake, its relay publishes its decisions,
and the queues rebuilt from festival.review.> on the stream are the live service's queues."""

from __future__ import annotations

import asyncio
import uuid

import nats
import pytest

from festival_events.envelope import Envelope
from festival_kit import consumer, jetstream
from festival_kit.relay import Relay
from festival_review.adapters.policies import SUBJECTS
from festival_review.application import ReviewApplication
from festival_review.queues import rebuild
from review_support import queues_of


async def until(condition, timeout: float = 20.0) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.05)


@pytest.fixture
def nats_server(tmp_path, fresh_ports):
    """A nats-server of this test's own: the replay reads the whole stream, which must hold only its events."""
    from festival_cli.infra import start_nats

    with start_nats(tmp_path / "nats", fresh_ports()) as server:
        yield server


@pytest.fixture
async def js(nats_server):
    nc = await nats.connect(nats_server.url)
    js = nc.jetstream()
    await jetstream.ensure_stream(js)
    yield js
    await nc.close()


async def read_back(js, subject: str) -> list[Envelope]:
    """Everything on the stream under `subject`, from sequence 1, as envelopes."""
    durable = f"read-{uuid.uuid4().hex[:8]}"
    sub = await js.pull_subscribe(subject, durable=durable, stream="FESTIVAL")
    envelopes = []
    try:
        while True:
            try:
                batch = await sub.fetch(100, timeout=1.0)
            except TimeoutError:
                break
            for msg in batch:
                envelopes.append(Envelope.model_validate_json(msg.data))
                await msg.ack()
    finally:
        await js.delete_consumer("FESTIVAL", durable)
    return envelopes


async def test_the_stream_replays_into_the_same_queues(js, nats_server, store_env, log, who) -> None:
    log.edition = f"t-{uuid.uuid4().hex[:8]}"  # the session's stream is shared: a fresh edition and works
    w1, w2, w3 = (f"{log.edition}-{n}" for n in ("w1", "w2", "w3"))
    app = ReviewApplication(env=store_env)
    consuming = await consumer.start(nats_server.url, app, f"review-{log.edition}", SUBJECTS, app.handlers())
    relay = Relay(app, js)
    relay.key = f"review-{log.edition}"  # its own position: other tests' apps must not move it
    try:
        for env in (*log.setup(), log.submitted(w1), log.submitted(w2), log.submitted(w3, school="school-c")):
            await js.publish(env.subject, env.model_dump_json().encode(), stream="FESTIVAL")
        await until(lambda: len(app.index.catch_up().select(edition=log.edition)) == 3)
        app.school_forward(who("sa-a"), w1)
        app.return_for_fixes(who("sa-a"), "school", w2, reason_code="information_incorrect", reason="学校名称有误")
        resubmitted = log.submitted(w2, version=2)
        await js.publish(resubmitted.subject, resubmitted.model_dump_json().encode(), stream="FESTIVAL")
        await until(lambda: app.case(w2).submission_version == 2)
        app.region_forward(who("ra-cc"), w1)
        for env in (log.phase("SubmissionWindowClosed"), log.phase("RegionDeadlinePassed")):
            await js.publish(env.subject, env.model_dump_json().encode(), stream="FESTIVAL")
        await until(lambda: app.case(w3).status == "not_reported")
        app.qualify(who("pa"), w1)
        while await relay.pump():
            pass
    finally:
        await consuming.stop()

    envelopes = await read_back(js, "festival.review.>")
    mine = [e.type for e in envelopes if e.payload.get("submission_id") == w2]
    assert mine == ["ReviewCaseOpened", "ReviewVersionReceived", "WorkReturned", "ReviewVersionReceived",
                    "WorkClosedNotReported"]
    live = queues_of(app.index.catch_up())
    assert live[("pa", "decided")][-1] == w1
    assert queues_of(rebuild(envelopes)) == live
    app.close()
