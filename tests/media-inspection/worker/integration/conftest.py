"""Worker tests: their own NATS, a bucket, and a pool of worker processes on one store."""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

import pytest

from festival_cli.infra import start_nats
from festival_inspection.worker.adapters.s3 import Bucket

sys.path.insert(0, str(Path(__file__).parent))
from worker_harness import Festival, Workers  # noqa: E402


@pytest.fixture
def own_nats(tmp_path, fresh_ports):
    # Its own server: the relay keeps its position under the service's name in the server's KV bucket.
    with start_nats(tmp_path / "nats", fresh_ports()) as server:
        yield server


@pytest.fixture
def bucket(s3_server) -> Bucket:
    bucket = Bucket(s3_server.endpoint, s3_server.access_key, s3_server.secret_key, f"insp-{uuid.uuid4().hex[:10]}")
    bucket.client.make_bucket(bucket.name)
    return bucket


@pytest.fixture
def festival(own_nats, bucket) -> Festival:
    return Festival(own_nats.url, bucket)


@pytest.fixture
def workers(tmp_path, own_nats, s3_server, bucket):
    pool = Workers(tmp_path / "data", own_nats.url, s3_server, bucket.name)
    (tmp_path / "data").mkdir()
    yield pool
    pool.stop()
