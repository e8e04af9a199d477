"""A student drafts, uploads, downloads and uploads the forms, and submits, through a stack `festival up` started;
then every event of that submission is read back from FESTIVAL, in order, with an intact hash chain. The work's
voice-over is in a dialect: it submits only once subtitles are declared and the edition's statements confirmed."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import httpx
import pytest

sys.path[:0] = [str(Path(__file__).parents[1]), str(Path(__file__).parent)]
import media  # noqa: E402
from flows import DRAFT, consent, inspected, login, submit_when_inspected, upload, wait_for_events  # noqa: E402

from festival_events.envelope import chain_problems  # noqa: E402


@pytest.mark.timeout(600)
async def test_student_submits_a_work_and_its_events_are_on_the_log(stack, tmp_path):
    client = httpx.Client(base_url=stack.gateway, timeout=60)
    auth = login(client, stack, "student")
    dialect = {**DRAFT, "voice_over": "dialect", "subtitles": "none"}
    created = client.post("/works", json=dialect, headers={**auth, "X-Correlation-Id": "e2e-draft-0001"})
    assert created.status_code in (200, 201), created.text
    assert created.headers["x-correlation-id"] == "e2e-draft-0001"
    work_id = created.json()["id"]

    film = media.film(tmp_path / "film.mp4", seconds=3).read_bytes()
    upload(client, auth, work_id, "film", "一滴水的旅行.mp4", film)
    upload(client, auth, work_id, "cover", "封面.jpg", media.image(640, 480))
    for form in ("application_form", "copyright_declaration"):
        pdf = client.get(f"/works/{work_id}/forms/{form}", headers=auth)
        assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
        assert pdf.content.startswith(b"%PDF")
        upload(client, auth, work_id, form, f"{form}-signed.pdf", pdf.content)  # "signed and stamped"

    files = inspected(client, auth, work_id)  # the workers check every file before the work can be submitted
    assert all(f["inspection"]["verdict"] in ("pass", "warn") for f in files), files
    film_checks = {c["id"]: c for f in client.get(f"/works/{work_id}", headers=auth).json()["files"]
                   if f["slot"] == "film" for c in f["inspection"]["checks"]}
    assert film_checks["subtitle_track"]["measured"] == 0  # media-inspection says the film carries no track
    statements = consent(client)
    refused = client.post(f"/works/{work_id}/submit", json=statements, headers=auth)
    assert (refused.status_code, refused.json()["code"]) == (422, "subtitles_required"), refused.text
    assert "须加同期字幕" in refused.json()["message_zh"]
    edited = client.put(f"/works/{work_id}", json={**dialect, "subtitles": "burned_in"}, headers=auth)
    assert edited.status_code == 200 and edited.json()["draft"]["subtitles"] == "burned_in", edited.text
    unconfirmed = client.post(f"/works/{work_id}/submit", json={**statements, "originality": False}, headers=auth)
    assert (unconfirmed.status_code, unconfirmed.json()["code"]) == (422, "consent_required")
    assert client.post(f"/works/{work_id}/submit", headers=auth).json()["code"] == "consent_required"
    assert submit_when_inspected(client, auth, work_id)["status"] == "submitted"
    again = client.post(f"/works/{work_id}/submit", headers=auth)
    assert again.status_code == 409 and again.json()["code"]

    events = await wait_for_events(stack, work_id, last="SubmissionSubmitted")
    types = [e.type for e in events]
    assert types[0] == "SubmissionDrafted" and types[-1] == "SubmissionSubmitted"
    assert types.count("FileConfirmed") == 4 and types.count("UploadStarted") == 4
    assert types.count("SubmissionSubmitted") == 1  # the refused submits left nothing on the log
    submitted = events[-1].payload
    assert (submitted["voice_over"], submitted["subtitles"]) == ("dialect", "burned_in")
    assert submitted["consent_version"] == statements["consent_version"] == "11-1"
    assert [e.aggregate_version for e in events] == list(range(1, len(events) + 1))
    assert chain_problems(events) == []
    by_workers = {"SubmissionInspectionStarted", "SubmissionFileInspected"}  # intake noting the workers' reports
    assert {e.actor.role for e in events if e.type not in by_workers} == {"student"}
    assert {e.actor.role for e in events if e.type in by_workers} == {"system"}
    assert all(e.edition == "11" for e in events)
    # One request followed across the platform: HTTP header -> gRPC metadata -> event -> every service's log.
    assert events[0].correlation_id == "e2e-draft-0001"
    for service in ("gateway", "intake"):
        # split on "\n" alone: a logged path may hold U+0085 or U+2028, which JSON keeps as is and splitlines splits
        lines = (stack.data_dir / "logs" / f"{service}.log").read_text().split("\n")
        records = [json.loads(line) for line in lines if line.startswith("{")]
        assert any(r.get("correlation_id") == "e2e-draft-0001" for r in records), service
