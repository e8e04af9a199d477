"""One worker's handling of an upload, without NATS: views first, then one inspection per upload, copies flagged,
the time budget kept, and the report readable over gRPC."""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

import pytest

from festival.inspection.v1 import inspection_pb2 as pb
from festival_inspection.worker.adapters.inspector import Inspector
from festival_inspection.worker.adapters.servicer import InspectionsServicer, inspection_pb
from festival_inspection.worker.adapters.uploads import DONE, NOT_READY, SKIPPED, UploadWorker
from festival_inspection.worker.application import InspectionApplication
from festival_inspection.worker.policies import VIEWS_CONSUMER
from festival_inspection.worker.service import BUDGET_ENV, WorkerConfig
from festival_kit.consumer import cause_of
from festival_kit.context import Cause, caused_by
from festival_kit.errors import FestivalError

sys.path[:0] = [str(Path(__file__).parents[3]), str(Path(__file__).parent)]
import inspection_media  # noqa: E402
from worker_harness import Festival  # noqa: E402


class Log:
    """Envelopes at made-up stream positions; the views consumer's handlers applied as it would apply them."""

    def __init__(self, app: InspectionApplication):
        self.app, self.seq = app, 0

    def views(self, *envelopes) -> int:
        for env in envelopes:
            self.seq += 1
            handler = self.app.handlers().get(env.type)
            with caused_by(cause_of(env)):
                self.app.save_tracked(VIEWS_CONSUMER, self.seq, *(handler(env) if handler else []))
        return self.seq


async def beat() -> None:
    pass


@pytest.fixture
def app(tmp_path):
    app = InspectionApplication(env={"PERSISTENCE_MODULE": "eventsourcing.sqlite",
                                     "SQLITE_DBNAME": str(tmp_path / "inspection.sqlite")})
    yield app
    app.close()


@pytest.fixture
def festival(bucket) -> Festival:
    return Festival("nats://unused", bucket)


async def test_views_first_then_once_per_upload_and_copies_are_flagged(app, bucket, festival, tmp_path) -> None:
    worker = UploadWorker(app, Inspector(bucket, budget_s=60), "w1")
    log = Log(app)
    film = inspection_media.film(tmp_path / "film.mp4", seconds=4, size=(1280, 720)).read_bytes()
    first, second = str(uuid.uuid4()), str(uuid.uuid4())
    log.views(festival.configured(), festival.drafted(first), festival.drafted(second))
    upload = festival.confirmed(first, "film", film)
    assert await worker.handle(upload, log.seq + 1, beat) == NOT_READY  # the views have not reached it yet
    assert await worker.handle(upload, log.views(upload), beat) == DONE
    assert await worker.handle(upload, log.seq, beat) == SKIPPED  # a redelivered message changes nothing
    copy = festival.confirmed(second, "film", film)
    assert await worker.handle(copy, log.views(copy), beat) == DONE

    inspections = app.inspections_of(first) + app.inspections_of(second)
    assert [i.status for i in inspections] == ["completed", "completed"]
    original, copied = (i.result for i in inspections)
    assert original["verdict"] == "warn" and original["fingerprint"] and len(original["content_hash"]) == 64
    assert original["duplicate_of"] is None
    assert copied["duplicate_of"]["work_id"] == first and copied["duplicate_of"]["source"] == "submission"
    assert copied["duplicate_of"]["similarity"] >= 0.9
    recorded = {c["id"]: c for c in original["checks"]}  # as the InspectionCompleted event carries them
    assert recorded["playability"]["measured"] == {"profile": "High", "bit_depth": 8, "chroma_subsampling": "4:2:0",
                                                   "pixel_format": "yuv420p"}
    assert recorded["audio_layout"]["measured"] == {"channels": 2, "layout": "stereo", "sample_rate": 48000}
    assert recorded["repeated_frames"]["measured"]["repeated_frames"] == 0
    assert recorded["interlacing"]["measured"]["field_order"] == "progressive"
    new_checks = ("playability", "audio_layout", "repeated_frames", "interlacing")
    assert all(recorded[i]["verdict"] == "pass" for i in new_checks)

    message = inspection_pb(inspections[1])
    assert message.duplicate_of.work_id == first and message.status == "completed"
    checks = {c.id: c for c in message.checks}
    assert checks["resolution"].measured.string_value or checks["resolution"].measured.HasField("list_value")
    servicer, request = InspectionsServicer(app), pb.ListInspectionsRequest(submission_id=second)
    listed = servicer.ListInspections.__wrapped__(servicer, request, Cause(role="auditor"))
    assert [i.id for i in listed.inspections] == [str(inspections[1].id)]
    with pytest.raises(FestivalError):  # students read their reports on the work, through intake
        servicer.ListInspections.__wrapped__(servicer, request, Cause(account_id="s-1", role="student"))


async def test_a_film_past_its_time_budget_fails_saying_so(app, bucket, festival, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(BUDGET_ENV, "0.01")
    worker = UploadWorker(app, Inspector(bucket, WorkerConfig().budget_s), "w1")
    log = Log(app)
    sub = str(uuid.uuid4())
    film = inspection_media.film(tmp_path / "film.mp4", seconds=4, size=(1280, 720)).read_bytes()
    upload = festival.confirmed(sub, "film", film)
    log.views(festival.configured(), festival.drafted(sub), upload)
    assert await worker.handle(upload, log.seq, beat) == DONE
    result = app.inspections_of(sub)[0].result
    assert result["verdict"] == "fail"
    budget = next(c for c in result["checks"] if c["id"] == "time_budget")
    assert budget["verdict"] == "fail" and budget["message_zh"] and budget["message_en"]
