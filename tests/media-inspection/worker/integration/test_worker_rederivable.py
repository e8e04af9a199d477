"""What a worker records re-derives: real films, a cover and a form go through the worker's inspector and the
Inspection aggregate onto InspectionCompleted, and the auditor's `rederive` finds no difference in them, and
exactly the edited field in a payload someone changed afterwards."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

import pytest

from festival_decisions.inspection import NOT_REDERIVABLE, RULE_VERSION, Difference, rederive
from festival_events import contracts
from festival_events.envelope import Envelope
from festival_inspection.rules import edition_file, load_edition
from festival_inspection.worker.adapters.inspector import Inspector
from festival_inspection.worker.application import Upload
from festival_inspection.worker.domain.inspection import Inspection
from festival_kit.aggregate import envelope_of

sys.path.insert(0, str(Path(__file__).parents[3]))
import inspection_images as made  # noqa: E402
import inspection_media as m  # noqa: E402
import media  # noqa: E402

RULES = load_edition(edition_file("11", Path(__file__)))


class Stored(io.BytesIO):
    """An uploaded file as the inspector reads it from S3: seekable, with the reader's deadline and failure."""

    deadline: float | None = None
    failure: OSError | None = None


def published(slot: str, data: bytes | None, category: str | None = "documentary") -> dict[str, Any]:
    """The InspectionCompleted payload a worker publishes for `data` uploaded into `slot` (None: gone from S3)."""
    upload = Upload("11", "sub-1", f"up-{slot}", slot, f"editions/11/sub-1/{slot}", len(data or b""))
    outcome = Inspector(bucket=None, budget_s=120).inspect(upload, Stored(data) if data is not None else None,
                                                           RULES, category)
    inspection = Inspection(edition="11", submission_id="sub-1", upload_id=upload.upload_id, slot=slot,
                            object_key=upload.object_key, size=upload.size, category=category, worker="w1")
    inspection.complete(outcome.report, measurements=outcome.measurements, content_hash=outcome.content_hash,
                        fingerprint=outcome.fingerprint, duplicate_of=None, elapsed_s=outcome.elapsed_s, worker="w1")
    envelope = envelope_of(inspection.collect_events()[-1], "media-inspection")
    wire = Envelope.model_validate_json(envelope.model_dump_json())  # as the auditor reads it from the stream
    return contracts.read(wire).model_dump(mode="json")


@pytest.fixture(scope="module")
def good_film(tmp_path_factory) -> dict[str, Any]:
    path = m.film(tmp_path_factory.mktemp("films") / "good.mp4", 3, (1280, 720), kbps=2200)
    return published("film", path.read_bytes())


@pytest.fixture(scope="module")
def bad_film(tmp_path_factory) -> dict[str, Any]:
    """Shot upright on a phone at 640x480, its sound lost: several checks fail."""
    path = m.film(tmp_path_factory.mktemp("films") / "bad.mp4", 3, (640, 480), audio=m.silence(), rotation=90)
    return published("film", path.read_bytes())


def test_a_passing_film_rederives_without_a_difference(good_film):
    assert good_film["verdict"] == "pass" and good_film["rule_version"] == RULE_VERSION
    assert good_film["measurements"]["kind"] == "film" and good_film["measurements"]["scan"]["picture"]["frames"]
    assert rederive(good_film, RULES) == []


def test_a_film_failing_several_checks_rederives_without_a_difference(bad_film):
    failed = {c["id"] for c in bad_film["checks"] if c["verdict"] == "fail"}
    assert {"resolution", "orientation", "loudness", "silence"} <= failed
    assert rederive(bad_film, RULES) == []


@pytest.mark.parametrize(("slot", "data", "kind", "verdict"), [
    ("cover", media.image(640, 480), "image", "pass"),
    ("poster", media.image(640, 480, "png"), "image", "fail"),
    ("application_form", made.pdf([made.TEXT_PAGE, None]), "form", "pass"),
    ("copyright_declaration", made.jpeg(made.scan()), "form", "pass"),
    ("cover", None, "missing", "fail"),
])
def test_images_forms_and_a_missing_file_rederive_without_a_difference(slot, data, kind, verdict):
    recorded = published(slot, data)
    assert (recorded["measurements"]["kind"], recorded["verdict"]) == (kind, verdict)
    assert rederive(recorded, RULES) == []


def test_an_edited_verdict_or_check_verdict_is_exactly_that_difference(good_film):
    forged = {**good_film, "verdict": "warn"}
    assert rederive(forged, RULES) == [Difference("", "verdict", "warn", "pass")]
    checks = [{**c, "verdict": "fail"} if c["id"] == "av_sync" else c for c in good_film["checks"]]
    assert rederive({**good_film, "checks": checks}, RULES) == [Difference("av_sync", "verdict", "fail", "pass")]


def test_an_edited_measurement_shows_in_the_check_it_feeds(bad_film):
    measured = bad_film["measurements"]
    video = {**measured["header"]["video"], "width": 1280, "height": 720}  # as if it had been 16:9 HD
    forged = {**bad_film, "measurements": {**measured, "header": {**measured["header"], "video": video}}}
    found = rederive(forged, RULES)
    assert Difference("resolution", "verdict", "fail", "pass") in found
    assert Difference("resolution", "measured", "640x480", "1280x720") in found
    assert {d.check for d in found} <= {"resolution", "aspect_ratio"}  # the verdict stays fail: others fail too


def test_a_duration_beyond_the_limit_is_the_duration_checks_difference(good_film):
    header = {**good_film["measurements"]["header"], "duration_s": 2.9 + 480 + 1}
    forged = {**good_film, "measurements": {**good_film["measurements"], "header": header}}
    found = rederive(forged, RULES)
    assert Difference("duration", "verdict", "pass", "fail") in found
    assert Difference("", "verdict", "pass", "fail") in found


def test_a_version_1_event_is_a_note_not_a_difference(good_film):
    v1 = {k: v for k, v in good_film.items() if k not in ("measurements", "rule_version")}
    upcast = contracts.read(Envelope.model_validate({**_envelope_fields(), "payload": v1}))
    (note,) = rederive(upcast.model_dump(mode="json"), RULES)
    assert (note.kind, note.field) == (NOT_REDERIVABLE, "measurements")


def _envelope_fields() -> dict[str, Any]:
    return {"event_id": "00000000-0000-0000-0000-000000000001", "service": "media-inspection",
            "type": "InspectionCompleted", "schema_version": 1, "edition": "11", "aggregate_type": "Inspection",
            "aggregate_id": "00000000-0000-0000-0000-000000000002", "aggregate_version": 2,
            "actor": {"account_id": "system", "role": "system"}, "occurred_at": "2026-01-01T00:00:00+00:00",
            "correlation_id": "c", "causation_id": "c", "prev_hash": "", "hash": ""}
