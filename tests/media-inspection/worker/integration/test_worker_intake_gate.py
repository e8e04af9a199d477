"""Intake and the workers through the log: the student sees each file's report on the work, and cannot submit
while a required file is not inspected yet or failed a check; a fixed film that passes lets the work through."""

from __future__ import annotations

import asyncio
import sys
import uuid
from pathlib import Path

import pytest

from festival_intake.__main__ import build as build_intake
from festival_intake.domain.consent import Consent
from festival_intake.domain.draft import Draft
from festival_kit.context import Cause
from festival_kit.errors import FestivalError
from festival_kit.settings import Settings

sys.path[:0] = [str(Path(__file__).parents[3]), str(Path(__file__).parent)]
import inspection_media  # noqa: E402  (tests/inspection_media.py)
import media  # noqa: E402
from worker_harness import envelope, put, until  # noqa: E402

STUDENT = Cause(account_id="student-1", role="student")
SCHOOL, REGION = "school-1", "region-1"


def refused(code: str, call, *args) -> FestivalError:
    with pytest.raises(FestivalError) as caught:
        call(*args)
    assert caught.value.code == code, caught.value
    return caught.value


@pytest.fixture
async def intake(tmp_path, fresh_ports, own_nats, s3_server, bucket, festival):
    settings = Settings(data_dir=tmp_path / "intake", ports=fresh_ports(), nats_url=own_nats.url,
                        s3_endpoint=s3_server.endpoint, s3_access_key=s3_server.access_key,
                        s3_secret_key=s3_server.secret_key, s3_bucket=bucket.name)
    runtime = build_intake(settings)
    running = asyncio.create_task(runtime.run())
    region = envelope("registry", "RegionRegistered", {"code": "cc", "name_zh": "长春市", "name_en": "Changchun"},
                      aggregate_id=REGION)
    school = envelope("registry", "SchoolRegistered", {"name": "一中", "region_id": REGION}, aggregate_id=SCHOOL)
    opened = envelope("registry", "SubmissionWindowOpened", {"edition": "11", "at": "2023-06-25T00:00:00+08:00"},
                      aggregate_id=str(uuid.uuid4()))
    await festival.publish(festival.configured(), region, school, opened)
    app = runtime.app
    await until(lambda: app.index.current_editions() == ["11"] and SCHOOL in app.directory().schools, timeout=30)
    yield app
    runtime.stop_event.set()
    await running


def upload(app, sub_id: str, slot: str, filename: str, data: bytes) -> None:
    ticket = app.start_upload(STUDENT, sub_id, slot, filename, len(data))
    app.confirm_upload(STUDENT, sub_id, ticket.upload_id, put(ticket, data))


def inspected(app, sub_id: str) -> dict:
    files = app.get(STUDENT, sub_id).files
    done = all((f.get("inspection") or {}).get("status") == "completed" for f in files.values())
    return done and {slot: f["inspection"] for slot, f in files.items()}


@pytest.mark.timeout(240)
async def test_submit_waits_for_inspection_refuses_a_failing_film_and_takes_a_fixed_one(intake, workers, festival,
                                                                                       tmp_path) -> None:
    draft = Draft.of(title="一滴水的旅行", category="documentary", theme="节能减排", voice_over="mandarin",
                     subtitles="none", creators=[{"name": "李雷", "grade": "初二", "school": "一中"}])
    sub_id = str(intake.create_draft(STUDENT, STUDENT.account_id, SCHOOL, draft).id)
    small = inspection_media.film(tmp_path / "small.mp4", seconds=2, size=(320, 240)).read_bytes()
    upload(intake, sub_id, "film", "作品.mp4", small)
    upload(intake, sub_id, "cover", "封面.jpg", media.image(640, 480))
    for form in ("application_form", "copyright_declaration"):
        filename, pdf = intake.render_form(STUDENT, sub_id, form)
        upload(intake, sub_id, form, filename, pdf)
    assert intake.get(STUDENT, sub_id).files["film"]["inspection"] is None  # no worker yet: pending
    refused("inspection_pending", intake.submit, STUDENT, sub_id)

    await workers.start("w1")
    reports = await until(lambda: inspected(intake, sub_id), timeout=90)
    assert reports["film"]["verdict"] == "fail" and reports["cover"]["verdict"] == "pass"
    failed = [c for c in reports["film"]["checks"] if c["verdict"] == "fail"]
    assert [c["id"] for c in failed] == ["resolution"] and failed[0]["measured"] and failed[0]["message_zh"]
    error = refused("inspection_failed", intake.submit, STUDENT, sub_id)
    assert "resolution" in error.message_zh and "resolution" in error.message_en and "作品视频" in error.message_zh

    fixed = inspection_media.film(tmp_path / "fixed.mp4", seconds=2, size=(1280, 720)).read_bytes()
    upload(intake, sub_id, "film", "作品-修改.mp4", fixed)
    refused("inspection_pending", intake.submit, STUDENT, sub_id)  # the new film's report is not in yet
    reports = await until(lambda: inspected(intake, sub_id), timeout=90)
    assert reports["film"]["verdict"] in ("pass", "warn")
    consent = Consent(festival.rules.consent.version, copyright=True, originality=True)
    intake.edit_draft(STUDENT, sub_id, Draft.of(**{**draft.fields(), "subtitles": "track"}))
    refused("subtitle_track_missing", intake.submit, STUDENT, sub_id, consent)  # the film's report found none
    intake.edit_draft(STUDENT, sub_id, draft)
    sub = intake.submit(STUDENT, sub_id, consent)
    assert (sub.status, sub.submission_version) == ("submitted", 1)
