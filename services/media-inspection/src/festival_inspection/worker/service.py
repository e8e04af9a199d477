"""One worker process: the shared store, the views consumer, the uploads consumer, gRPC reads, the relay."""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass, field

from festival_inspection.worker.adapters import servicer, uploads
from festival_inspection.worker.adapters.inspector import Inspector
from festival_inspection.worker.adapters.s3 import Bucket
from festival_inspection.worker.application import InspectionApplication
from festival_inspection.worker.policies import VIEWS_CONSUMER, VIEWS_SUBJECTS
from festival_kit.runtime import ServiceRuntime
from festival_kit.settings import Settings

BUDGET_ENV, WORKER_ENV = "FESTIVAL_INSPECTION_BUDGET_S", "FESTIVAL_WORKER_NAME"
DEFAULT_BUDGET_S = 600.0  # twice what a full inspection of an 8-minute film takes on one busy core


@dataclass(frozen=True)
class WorkerConfig:
    """What differs between worker processes (name) and what an operator may tune (budget)."""

    name: str = field(default_factory=lambda: os.environ.get(WORKER_ENV) or f"{socket.gethostname()}-{os.getpid()}")
    budget_s: float = field(default_factory=lambda: float(os.environ.get(BUDGET_ENV) or DEFAULT_BUDGET_S))
    ack_wait_s: float = uploads.ACK_WAIT_S


def bucket(settings: Settings) -> Bucket:
    # The local stack runs its S3 server on loopback at the stack's port when nothing else is named.
    endpoint = settings.s3_endpoint or f"127.0.0.1:{settings.ports.of('s3')}"
    return Bucket(endpoint, settings.s3_access_key, settings.s3_secret_key, settings.s3_bucket)


def build(settings: Settings, config: WorkerConfig | None = None,
          inspector: Inspector | None = None) -> ServiceRuntime:
    """A worker on the service's one store: every worker of a deployment is built the same way."""
    config = config or WorkerConfig()
    app = InspectionApplication(env=settings.store_env("media-inspection"))
    runtime = ServiceRuntime(app, settings)
    runtime.serve(servicer.register(app), servicer.SERVICE_NAME)
    runtime.consume(VIEWS_CONSUMER, VIEWS_SUBJECTS, app.handlers(), shared=True)  # every worker reads it
    worker = uploads.UploadWorker(app, inspector or Inspector(bucket(settings), config.budget_s), config.name)
    uploads.subscribe(runtime.broker, worker, ack_wait_s=config.ack_wait_s)
    return runtime
