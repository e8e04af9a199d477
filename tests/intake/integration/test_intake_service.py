"""`python -m festival_intake` as one process: consumes registry's events, serves gRPC, relays to FESTIVAL."""

from __future__ import annotations

import asyncio

import grpc
import nats
import pytest

from festival.intake.v1 import intake_pb2 as pb
from festival.intake.v1 import intake_pb2_grpc
from festival_cli.infra import start_nats
from festival_events.envelope import Envelope
from festival_intake.__main__ import build
from festival_kit import jetstream
from festival_kit.rpc import metadata_of
from festival_kit.settings import Settings


@pytest.fixture
def own_nats(tmp_path, fresh_ports):
    # Its own server: the relay keeps its position under the service's name in the server's KV bucket.
    with start_nats(tmp_path / "nats", fresh_ports()) as server:
        yield server


async def test_the_service_hears_registry_serves_and_relays(tmp_path, fresh_ports, own_nats, s3_server, registry,
                                                            rules, student, draft_fields) -> None:
    ports = fresh_ports()
    settings = Settings(data_dir=tmp_path / "data", ports=ports, nats_url=own_nats.url, s3_endpoint=s3_server.endpoint,
                        s3_access_key=s3_server.access_key, s3_secret_key=s3_server.secret_key,
                        s3_bucket="intake-service-test")
    runtime = build(settings)
    running = asyncio.create_task(runtime.run())
    nc = await nats.connect(own_nats.url)
    js = nc.jetstream()
    await jetstream.ensure_stream(js)
    for env in (registry.configured(rules), registry.region(), registry.school(),
                registry.phase("SubmissionWindowOpened")):
        await js.publish(env.subject, env.model_dump_json().encode(), stream="FESTIVAL")
    channel = grpc.aio.insecure_channel(settings.grpc_address("intake"))
    stub = intake_pb2_grpc.IntakeStub(channel)
    draft = pb.Draft(title=draft_fields["title"], category="microfilm", theme="安全健康",
                     creators=[pb.Creator(**c) for c in draft_fields["creators"]])
    request = pb.CreateDraftRequest(student_id=student.account_id, school_id=registry.school_id, draft=draft)
    try:
        async with asyncio.timeout(30):
            while True:  # until the consumer has opened the window
                try:
                    sub = await stub.CreateDraft(request, metadata=metadata_of(student))
                    break
                except grpc.aio.AioRpcError:
                    await asyncio.sleep(0.1)
            drafted = await js.subscribe("festival.intake.SubmissionDrafted", stream="FESTIVAL")
            msg = await drafted.next_msg(timeout=10)
        env = Envelope.model_validate_json(msg.data)
        assert (env.aggregate_id, env.schema_version, env.edition) == (sub.id, 3, "jl-11")
        assert env.actor.account_id == student.account_id and env.payload["region_id"] == "region-changchun"
    finally:
        await channel.close()
        await nc.close()
        runtime.stop_event.set()
        await running
