"""Intake's gate: a work is submitted only when every required file's latest inspection passed (warnings do)."""

from __future__ import annotations

import pytest

from festival_events import contracts
from festival_intake.domain.consent import Consent
from festival_intake.domain.draft import Draft
from festival_inspection.rules import edition_file, load_edition
from festival_intake.domain.submission import Submission
from festival_kit.aggregate import envelope_of
from festival_kit.errors import FestivalError

KINDS = {"film": "mp4", "cover": "jpeg", "application_form": "pdf", "copyright_declaration": "pdf"}
PASS = {"id": "resolution", "verdict": "pass", "measured": "1280x720", "expected": ["1280x720"],
        "message_zh": "分辨率正确", "message_en": "resolution is right"}
FAIL = {**PASS, "id": "duration", "verdict": "fail", "measured": 500.0, "expected": 480}
WARN = {**PASS, "id": "bitrate", "verdict": "warn", "measured": 900.0, "expected": [2000, 2500]}


@pytest.fixture
def rules():
    return load_edition(edition_file("11"))  # the notice's edition, as registry publishes it


@pytest.fixture
def work(rules) -> Submission:
    draft = Draft.of(title="一滴水", category="documentary", theme="节能减排", voice_over="mandarin", subtitles="none",
                     creators=[{"name": "李雷", "grade": "初二", "school": "一中"}])
    sub = Submission.draft(draft, rules, True, student_id="s-1", school_id="school-1", region_id="r-1")
    for slot, kind in KINDS.items():
        upload(sub, rules, slot, kind)
    return sub


def upload(sub: Submission, rules, slot: str, kind: str, upload_id: str = "") -> str:
    upload_id = upload_id or f"up-{slot}"
    sub.upload_started(upload_id=upload_id, slot=slot, object_key=f"k/{upload_id}", filename=f"{slot}.bin",
                       size=10, multipart=False, s3_upload_id="")
    sub.confirm_file(upload_id, rules, True, size=10, kind=kind, etag="e")
    return upload_id


def submit(sub: Submission, rules) -> None:
    """Submit with both of the edition's statements confirmed, as the student's page sends them."""
    sub.submit(rules, True, Consent(rules.consent.version, copyright=True, originality=True))


def refused(code: str, sub: Submission, rules) -> FestivalError:
    with pytest.raises(FestivalError) as caught:
        submit(sub, rules)
    assert caught.value.code == code, caught.value
    return caught.value


def pass_all(sub: Submission, *checks: dict, but: str = "") -> None:
    for slot in (s for s in KINDS if s != but):
        record = sub.files[slot]
        sub.inspection_started(record["upload_id"], slot, f"i-{slot}")
        sub.file_inspected(record["upload_id"], slot, f"i-{slot}", "documentary", "pass", [PASS, *checks])


def test_pending_until_inspected_and_running_while_started(work, rules) -> None:
    error = refused("inspection_pending", work, rules)
    assert "作品视频" in error.message_zh and "film" in error.message_en
    assert work.inspection_started("up-film", "film", "i-film")
    assert not work.inspection_started("up-film", "film", "i-film")  # a repeat changes nothing
    assert work.files["film"]["inspection"]["status"] == "running"
    refused("inspection_pending", work, rules)


def test_a_failing_check_refuses_and_names_it_warnings_do_not(work, rules) -> None:
    pass_all(work, but="film")
    work.file_inspected("up-film", "film", "i-film", "documentary", "fail", [PASS, FAIL])
    assert not work.file_inspected("up-film", "film", "i-film", "documentary", "fail", [FAIL])  # completed once
    error = refused("inspection_failed", work, rules)
    assert "duration" in error.message_zh and "duration" in error.message_en and "作品视频" in error.message_zh
    upload(work, rules, "film", "mp4", "up-film-2")  # a fixed film replaces it: pending again
    refused("inspection_pending", work, rules)
    assert not work.file_inspected("up-film", "film", "i-film", "documentary", "fail", [FAIL])  # stale report
    work.file_inspected("up-film-2", "film", "i-film-2", "documentary", "warn", [PASS, WARN])
    submit(work, rules)
    assert work.status == "submitted"


def test_an_optional_poster_does_not_block_and_a_changed_category_needs_a_new_film(work, rules) -> None:
    upload(work, rules, "poster", "jpeg")
    pass_all(work)
    work.edit(Draft.of(**{**work.content.fields(), "category": "animation"}), rules, True)
    refused("inspection_stale", work, rules)
    work.file_inspected(upload(work, rules, "film", "mp4", "up-film-3"), "film", "i-3", "animation", "pass", [PASS])
    submit(work, rules)


def test_the_new_events_are_published_under_their_contracts(work, rules) -> None:
    pass_all(work, WARN)
    types = set()
    for event in work.collect_events():
        env = envelope_of(event, "intake")
        assert contracts.read(env).version == env.schema_version
        types.add(env.type)
    assert {"SubmissionInspectionStarted", "SubmissionFileInspected"} <= types
