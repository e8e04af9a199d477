"""Intake's durable consumer on a real NATS: registry and review events from FESTIVAL change intake's store."""

from __future__ import annotations

import asyncio
import uuid

import nats
import pytest

from festival_intake.application import IntakeApplication
from festival_intake.domain.draft import Draft
from festival_intake.policies import SUBJECTS
from festival_kit import consumer, jetstream


async def publish(js, env, msg_id: str | None = None) -> int:
    headers = {"Nats-Msg-Id": msg_id} if msg_id else None
    ack = await js.publish(env.subject, env.model_dump_json().encode(), stream="FESTIVAL", headers=headers)
    return ack.seq


async def until(condition, timeout: float = 20.0) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.05)


@pytest.fixture
async def log(nats_server):
    nc = await nats.connect(nats_server.url)
    js = nc.jetstream()
    await jetstream.ensure_stream(js)
    yield js
    await nc.close()


async def test_events_from_the_log_open_the_window_and_reopen_a_work_once(
    log, nats_server, store_env, files, media, make_rules, registry, feed, work_returned, student, draft_fields,
    pass_inspections,
) -> None:
    # A fresh edition code: the session's stream is shared, and this durable reads it from the start.
    edition = f"t-{uuid.uuid4().hex[:8]}"
    app = IntakeApplication(env=store_env, files=files)
    durable = f"intake-{edition}"
    consuming = await consumer.start(nats_server.url, app, durable, SUBJECTS, app.handlers())
    try:
        for env in (registry.configured(make_rules(code=edition)), registry.region(), registry.school(),
                    registry.phase("SubmissionWindowOpened", edition)):
            last = await publish(log, env)
        await until(lambda: app.processed(durable, last))
        assert app.edition_view(edition).window_open and app.directory().school_name("school-1")

        sub = app.create_draft(student, student.account_id, "school-1", Draft.of(**draft_fields), edition)
        sub_id = str(sub.id)
        for slot, name, data in (("film", "f.mp4", media.mp4()), ("cover", "c.jpg", media.jpeg()),
                                 ("application_form", "a.pdf", b"%PDF-1.4 a"),
                                 ("copyright_declaration", "c.pdf", b"%PDF-1.4 c")):
            ticket = app.start_upload(student, sub_id, slot, name, len(data))
            app.confirm_upload(student, sub_id, ticket.upload_id, media.put(ticket, data))
        pass_inspections(app, sub_id)
        app.submit(student, sub_id)

        returned = work_returned(sub_id)
        await publish(log, returned, msg_id="r-1")
        await publish(log, returned, msg_id="r-1")  # the stream drops this one
        last = await publish(log, returned, msg_id="r-2")  # a second message with the same return
        await until(lambda: app.processed(durable, last))
        sub = app.get(student, sub_id)
        assert (sub.status, sub.team_frozen, sub.return_reason) == ("returned", True, "封面不清晰，请重新上传。")
        assert [e.type for _, e in app.envelopes(0, 200)].count("SubmissionReopened") == 1
    finally:
        await consuming.stop()
        app.close()
