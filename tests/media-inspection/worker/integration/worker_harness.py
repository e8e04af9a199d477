"""What the worker tests drive: the events registry and intake publish, worker processes, the shared store."""

from __future__ import annotations

import asyncio
import io
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import nats
from festival_cli.stack import grpc_serving
from festival_events.envelope import GENESIS, Actor, Envelope, chain_hash
from festival_inspection.rules import edition_file, load_edition
from festival_inspection.worker.adapters.s3 import Bucket
from festival_inspection.worker.application import InspectionApplication
from festival_kit import jetstream

WORKER = Path(__file__).parent / "worker_process.py"


def envelope(service: str, type_: str, payload: dict[str, Any], *, aggregate_id: str, edition: str = "11",
             version: int = 1, schema: int = 1) -> Envelope:
    """A well-formed envelope as registry or intake would publish it."""
    fields = Envelope.model_validate({
        "event_id": str(uuid.uuid4()), "service": service, "type": type_, "schema_version": schema,
        "edition": edition, "aggregate_type": type_, "aggregate_id": aggregate_id, "aggregate_version": version,
        "actor": Actor().model_dump(), "occurred_at": datetime.now(UTC).isoformat(),
        "correlation_id": str(uuid.uuid4()), "causation_id": str(uuid.uuid4()), "payload": payload,
        "prev_hash": "", "hash": "",
    }).hashed_fields()
    return Envelope.model_validate({**fields, "prev_hash": GENESIS, "hash": chain_hash(GENESIS, fields)})


class Festival:
    """What the workers hear (edition, drafts, confirmed uploads), published on a test's own NATS."""

    def __init__(self, url: str, bucket: Bucket):
        self.url, self.bucket = url, bucket
        self.rules = load_edition(edition_file("11"))

    async def publish(self, *envelopes: Envelope) -> None:
        nc = await nats.connect(self.url)
        js = nc.jetstream()
        await jetstream.ensure_stream(js)
        for env in envelopes:
            await js.publish(env.subject, env.model_dump_json().encode(), stream="FESTIVAL",
                             headers={"Nats-Msg-Id": env.msg_id})
        await nc.close()

    def configured(self) -> Envelope:
        return envelope("registry", "EditionConfigured", {"rules": self.rules.model_dump(mode="json")},
                        aggregate_id=str(uuid.uuid4()))

    def drafted(self, submission_id: str, category: str = "documentary") -> Envelope:
        payload = {"edition": "11", "student_id": "s-1", "school_id": "school-1", "region_id": "r-1",
                   "title": "一滴水", "category": category, "theme": "节能减排", "synopsis": "",
                   "creators": [{"name": "李雷", "grade": "初二", "school": "一中"}], "advisors": []}
        return envelope("intake", "SubmissionDrafted", payload, aggregate_id=submission_id, schema=2)

    def confirmed(self, submission_id: str, slot: str, data: bytes, version: int = 3) -> Envelope:
        """Put `data` in the bucket and say intake confirmed it for `slot`."""
        upload_id = uuid.uuid4().hex
        key = f"editions/11/submissions/{submission_id}/{slot}/{upload_id}"  # as intake names it: ids only
        self.bucket.client.put_object(self.bucket.name, key, io.BytesIO(data), len(data))
        payload = {"upload_id": upload_id, "slot": slot, "object_key": key, "filename": f"{slot}.bin",
                   "size": len(data), "kind": "jpeg", "etag": "e"}
        return envelope("intake", "FileConfirmed", payload, aggregate_id=submission_id, version=version)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Workers:
    """Worker processes on one data folder (one store), one NATS and one bucket."""

    def __init__(self, data_dir: Path, nats_url: str, s3_server, bucket: str):
        self.data_dir = data_dir
        self.env = {**os.environ, "FESTIVAL_DATA_DIR": str(data_dir), "NATS_URL": nats_url,
                    "S3_ENDPOINT": s3_server.endpoint, "S3_ACCESS_KEY": s3_server.access_key,
                    "S3_SECRET_KEY": s3_server.secret_key, "S3_BUCKET": bucket}
        self.procs: dict[str, subprocess.Popen] = {}
        self.ports: dict[str, int] = {}

    async def start(self, name: str, **extra: str) -> subprocess.Popen:
        """Start a worker and wait until it serves (gRPC health), so it is on the consumer too."""
        self.ports[name] = free_port()
        env = {**self.env, "FESTIVAL_WORKER_NAME": name, "MEDIA_INSPECTION_GRPC": f"127.0.0.1:{self.ports[name]}",
               **extra}
        with open(self.data_dir / f"{name}.log", "ab") as log:
            proc = self.procs[name] = subprocess.Popen([sys.executable, str(WORKER)], env=env, stdout=log, stderr=log)
        await until(lambda: proc.poll() is not None or grpc_serving(f"127.0.0.1:{self.ports[name]}"), timeout=60)
        assert proc.poll() is None, (self.data_dir / f"{name}.log").read_text()[-3000:]
        await asyncio.sleep(1.0)  # the consumers start right after the gRPC server
        return proc

    def kill(self, name: str) -> None:
        """SIGKILL: no clean-up, no acknowledgement, exactly what a crash or an OOM kill leaves."""
        self.procs[name].send_signal(signal.SIGKILL)
        self.procs[name].wait()

    def stop(self) -> None:
        for proc in self.procs.values():
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in self.procs.values():
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()

    def store(self) -> InspectionApplication:
        folder = self.data_dir / "media-inspection"
        folder.mkdir(parents=True, exist_ok=True)
        return InspectionApplication(env={"PERSISTENCE_MODULE": "eventsourcing.sqlite",
                                          "SQLITE_DBNAME": str(folder / "events.sqlite")})


def stored(app: InspectionApplication) -> list[Envelope]:
    return [env for _, env in app.envelopes(0, 100_000)]


async def until(check, timeout: float = 60.0, every: float = 0.2):
    """Poll `check` until it returns something truthy; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not (result := check()):
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(every)
    return result


def put(ticket, data: bytes) -> list[tuple[int, str]]:
    """Upload as a browser would, through an intake ticket's presigned URLs; returns the parts (number, ETag)."""
    import httpx

    with httpx.Client(timeout=60) as http:
        if not ticket.multipart:
            assert http.put(ticket.url, content=data).status_code == 200
            return []
        parts = []
        for number, url in ticket.parts:
            response = http.put(url, content=data[(number - 1) * ticket.part_size : number * ticket.part_size])
            assert response.status_code == 200, response.text
            parts.append((number, response.headers["ETag"]))
        return parts
