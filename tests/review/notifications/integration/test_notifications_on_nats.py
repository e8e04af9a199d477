"""The notifier's own durable consumer on a real NATS: it hears registry, intake and review's own
WorkReturned, and a WorkReturned that reaches the stream twice still tells each person once.
"""

from __future__ import annotations

import asyncio
import nats
import pytest

from festival_cli.infra import start_nats
from festival_kit import consumer, jetstream
from festival_review.notifications import CONSUMER, SUBJECTS


async def until(condition, timeout: float = 20.0) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.05)


@pytest.fixture
def own_nats(tmp_path, fresh_ports):
    """A nats-server of this test alone: its consumer reads FESTIVAL from sequence 1, and the review events
    it puts there must not reach other tests that replay festival.review.> from the session's stream."""
    with start_nats(tmp_path, fresh_ports()) as server:
        yield server


@pytest.fixture
async def js(own_nats):
    nc = await nats.connect(own_nats.url)
    js = nc.jetstream()
    await jetstream.ensure_stream(js)
    yield js
    await nc.close()


async def test_a_region_return_on_the_stream_twice_tells_student_and_school_once(
        js, own_nats, review, notes, feed, log, who, intake, published) -> None:
    durable = f"{CONSUMER}-on-nats"  # the `notes` fixture's hand-fed set-up holds positions under CONSUMER
    consuming = await consumer.start(own_nats.url, review, durable, SUBJECTS, notes.handlers())
    try:
        sub = log.submitted("w1", title="雪")
        feed(review, sub)
        for env in (*log.setup(), intake.drafted("w1", "雪"), sub):
            await js.publish(env.subject, env.model_dump_json().encode(), stream="FESTIVAL")
        review.school_forward(who("sa-a"), "w1")
        review.return_for_fixes(who("ra-cc"), "region", "w1", reason_code="other", reason="请补充字幕")
        [returned] = published(review, "WorkReturned")
        body = returned.model_dump_json().encode()
        await js.publish(returned.subject, body, stream="FESTIVAL", headers={"Nats-Msg-Id": returned.msg_id})
        # as if a relay re-published it after the stream's duplicate window: a second copy on the log
        again = await js.publish(returned.subject, body, stream="FESTIVAL", headers={"Nats-Msg-Id": "again"})
        assert not again.duplicate
        await until(lambda: review.processed(durable, again.seq))
    finally:
        await consuming.stop()
    for account in ("student-1", "sa-a"):
        [told] = notes.feed(account).newest_first()
        assert "请补充字幕" in told["body_zh"] and told["submission_id"] == "w1"
    assert notes.feed("sa-pending") is None
