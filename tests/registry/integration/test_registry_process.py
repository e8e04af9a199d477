"""`python -m festival_registry` as a process: seeded, serving, moving phases with the clock, relaying."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from datetime import datetime

import grpc
import nats
import pytest

from festival.registry.v1 import registry_pb2 as pb
from festival.registry.v1 import registry_pb2_grpc
from festival_events.envelope import STREAM
from festival_kit import clock


@pytest.fixture
def registry_process(tmp_path, fresh_ports):
    from festival_cli.infra import start_nats

    ports = fresh_ports()
    clock_file = tmp_path / "clock.json"
    clock.set_clock(clock_file, datetime(2023, 7, 5, 12, tzinfo=clock.SHANGHAI))
    with start_nats(tmp_path, ports) as server:
        env = {
            **os.environ, "FESTIVAL_DATA_DIR": str(tmp_path / "var"), "FESTIVAL_PORT_BASE": str(ports.base),
            "NATS_URL": server.url, "FESTIVAL_SEED_DEMO": "1", "FESTIVAL_CLOCK_FILE": str(clock_file),
            "FESTIVAL_SCHEDULER_INTERVAL": "0.1",
        }
        env.pop("REGISTRY_GRPC", None)
        log = (tmp_path / "registry.log").open("wb")
        proc = subprocess.Popen([sys.executable, "-m", "festival_registry"], env=env, stdout=log, stderr=log)
        yield proc, f"127.0.0.1:{ports.of('registry')}", server.url, clock_file
        if proc.poll() is None:
            proc.kill()
            proc.wait()


async def eventually(check, timeout: float = 20.0):
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        try:
            result = await check()
            if result:
                return result
        except grpc.aio.AioRpcError:
            pass
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.1)


async def test_the_service_seeds_serves_follows_the_clock_and_relays(registry_process):
    proc, address, nats_url, clock_file = registry_process
    async with grpc.aio.insecure_channel(address) as channel:
        stub = registry_pb2_grpc.RegistryStub(channel)

        async def phase_is(phase: str) -> bool:
            return (await stub.GetEdition(pb.GetEditionRequest())).phase == phase

        await eventually(lambda: phase_is("window_open"))
        assert (await stub.Login(pb.LoginRequest(username="demo-judge", password="festival-demo"))).role == "judge"
        clock.set_clock(clock_file, datetime(2023, 8, 1, tzinfo=clock.SHANGHAI))
        await eventually(lambda: phase_is("judging_open"))

    nc = await nats.connect(nats_url)
    try:
        async def relayed():
            info = await nc.jetstream().stream_info(STREAM, subjects_filter="festival.registry.>")
            subjects = info.state.subjects or {}
            return subjects if "festival.registry.JudgingOpened" in subjects else None

        subjects = await eventually(relayed)
    finally:
        await nc.close()
    assert subjects["festival.registry.SubmissionWindowOpened"] == 1
    assert subjects["festival.registry.SubmissionWindowClosed"] == 1
    assert subjects["festival.registry.RegionRegistered"] == 11
    assert subjects["festival.registry.AccountOpened"] == 6
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=15) == 0
