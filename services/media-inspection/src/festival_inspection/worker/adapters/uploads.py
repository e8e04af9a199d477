"""The work queue: intake's FileConfirmed events on ONE durable pull consumer shared by every worker process.

Unlike the kit's ordered consumers, many uploads are in flight at once (one per worker): each worker fetches
one message, inspects it while telling JetStream it is still working on it, and acknowledges only after the
completed inspection is stored. A worker that dies leaves its message unacknowledged; after `ack_wait` it goes
to another worker, which finds the inspection started and restarts it. A completed one is never redone.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from typing import TypeVar

import structlog
from faststream import AckPolicy as Acknowledge
from faststream.nats import ConsumerConfig, NatsBroker, NatsMessage, PullSub
from nats.js.api import AckPolicy, DeliverPolicy

from festival_decisions.inspection import measurements
from festival_decisions.inspection.decide import FILM
from festival_events.contracts.intake import SOURCE_SLOT
from festival_events.envelope import Envelope
from festival_inspection.worker.adapters.inspector import Inspector, decided
from festival_inspection.worker.application import InspectionApplication, Upload
from festival_inspection.worker.duplicates import Duplicates
from festival_inspection.worker.policies import VIEWS_CONSUMER
from festival_kit.consumer import FESTIVAL
from festival_kit.context import Cause, caused_by

log = structlog.get_logger()
T = TypeVar("T")

UPLOADS_CONSUMER = "media-inspection"
UPLOADS_SUBJECT = "festival.intake.FileConfirmed"
ACK_WAIT_S = 60.0  # a dead worker's upload waits this long before another worker takes it
MAX_IN_FLIGHT = 10_000  # unacknowledged uploads across all workers: in practice, one per worker
NOT_READY_DELAY_S, FAILED_DELAY_S = 1.0, 5.0
MAX_ATTEMPTS = 3  # started this often without finishing: the file, not the worker, is the problem
DONE, SKIPPED, NOT_READY = "done", "skipped", "not_ready"


def upload_of(env: Envelope) -> Upload:
    p = env.payload
    return Upload(edition=env.edition, submission_id=env.aggregate_id, upload_id=p["upload_id"], slot=p["slot"],
                  object_key=p["object_key"], size=p["size"])


class UploadWorker:
    """Turns one FileConfirmed into one completed Inspection, however often the message arrives."""

    def __init__(self, app: InspectionApplication, inspector: Inspector, name: str,
                 views_consumer: str = VIEWS_CONSUMER, duplicates: Duplicates | None = None):
        self.app, self.inspector, self.name, self.views_consumer = app, inspector, name, views_consumer
        self.duplicates = duplicates or Duplicates(app.index)

    async def handle(self, env: Envelope, seq: int, heartbeat: Callable[[], Awaitable[None]],
                     every_s: float = ACK_WAIT_S / 3) -> str:
        """DONE, SKIPPED (nothing to do) or NOT_READY (the workers' views have not reached this upload yet)."""
        upload = upload_of(env)
        if not self.app.processed(self.views_consumer, seq):
            return NOT_READY
        if upload.slot == SOURCE_SLOT:  # an awarded work's source files (附件 四.4): kept as they are, not inspected
            return SKIPPED
        rules = self.app.rules_of(upload.edition)
        if rules is None or upload.slot not in rules.files:
            log.warning("inspection.no_rules", edition=upload.edition, slot=upload.slot)
            return SKIPPED
        category = self.app.category_of(upload.submission_id)
        if upload.slot == FILM and rules.category(category or "") is None:
            log.warning("inspection.no_category", submission_id=upload.submission_id, category=category)
            return SKIPPED
        # The worker acts for the platform, in the student's request's correlation.
        cause = Cause(account_id="system", role="system", correlation_id=env.correlation_id,
                      causation_id=str(env.event_id))
        source = await asyncio.to_thread(self.inspector.open, upload)  # S3 down: nothing recorded, retried
        with caused_by(cause), source or contextlib.nullcontext():
            inspection = await asyncio.to_thread(self.app.begin, upload, category, self.name)
            if inspection is None:
                log.info("inspection.already_completed", upload_id=upload.upload_id)
                return SKIPPED
            log.info("inspection.started", inspection_id=str(inspection.id), slot=upload.slot,
                     attempt=inspection.attempt)
            if inspection.attempt > MAX_ATTEMPTS:  # the file kills or breaks every worker that tries it
                gave_up = measurements(kind="abandoned", attempts=inspection.attempt - 1)
                outcome = decided(upload, gave_up, rules, category)
            else:
                work = asyncio.to_thread(self.inspector.inspect, upload, source, rules, category)
                outcome = await beating(work, heartbeat, every_s)
            match = await asyncio.to_thread(self.duplicates.match, upload.submission_id, outcome.fingerprint)
            done = await asyncio.to_thread(
                self.app.complete, inspection, outcome.report, measurements=outcome.measurements,
                content_hash=outcome.content_hash, fingerprint=outcome.fingerprint, duplicate_of=match,
                elapsed_s=outcome.elapsed_s, worker=self.name)
            log.info("inspection.completed", inspection_id=str(done.id), verdict=done.verdict,
                     failed=outcome.report.failed(), elapsed_s=round(outcome.elapsed_s, 2))
        return DONE


async def beating(work: Awaitable[T], heartbeat: Callable[[], Awaitable[None]], every_s: float) -> T:
    """Await `work`, calling `heartbeat` every `every_s` seconds meanwhile (a slow file is not a dead worker)."""
    task = asyncio.ensure_future(work)
    while True:
        done, _ = await asyncio.wait({task}, timeout=every_s)
        if done:
            return task.result()
        try:
            await heartbeat()
        except Exception:  # noqa: BLE001 - a lost heartbeat costs at worst a redelivery, never the work
            log.warning("inspection.heartbeat_failed")


def subscribe(broker: NatsBroker, worker: UploadWorker, durable: str = UPLOADS_CONSUMER,
              ack_wait_s: float = ACK_WAIT_S) -> None:
    """Register this process on the shared durable pull consumer of uploads, one message at a time."""
    config = ConsumerConfig(
        durable_name=durable, filter_subjects=[UPLOADS_SUBJECT], ack_policy=AckPolicy.EXPLICIT,
        deliver_policy=DeliverPolicy.ALL, max_ack_pending=MAX_IN_FLIGHT, ack_wait=ack_wait_s,
    )

    @broker.subscriber(
        "", stream=FESTIVAL, durable=durable, config=config, ack_policy=Acknowledge.MANUAL,
        pull_sub=PullSub(batch_size=1, timeout=1.0),
    )
    async def on_upload(msg: NatsMessage) -> None:
        seq = msg.raw_message.metadata.sequence.stream
        try:
            env = Envelope.model_validate_json(msg.body)
            outcome = await worker.handle(env, seq, msg.in_progress, every_s=ack_wait_s / 3)
        except Exception:
            # Storage down, store busy: the upload comes back later, to this worker or another.
            log.exception("inspection.failed", seq=seq)
            await msg.nack(delay=FAILED_DELAY_S)
            return
        if outcome == NOT_READY:
            await msg.nack(delay=NOT_READY_DELAY_S)
            return
        await msg.ack()
