"""Object storage stopped: starting or confirming an upload is refused with 503 storage_unavailable and
records nothing; once the store is back, the same uploads go through (real SeaweedFS, stopped and restarted)."""

from __future__ import annotations

import pytest

from festival_cli.infra import start_s3
from festival_intake.adapters.files import FileStore
from festival_intake.adapters.storage import ObjectStore
from festival_intake.application import IntakeApplication
from festival_intake.domain.draft import Draft
from festival_kit.errors import FestivalError


def unavailable(call, *args) -> FestivalError:
    with pytest.raises(FestivalError) as caught:
        call(*args)
    error = caught.value
    assert (error.code, error.status) == ("storage_unavailable", 503), error
    assert "文件存储" in error.message_zh and "storage" in error.message_en
    return error


@pytest.mark.timeout(300)
def test_an_outage_of_object_storage_refuses_uploads_whole_and_they_work_once_it_is_back(
        tmp_path, fresh_ports, store_env, feed, registry, rules, student, draft_fields, media) -> None:
    ports, s3_dir = fresh_ports(), tmp_path / "s3-own"
    s3 = start_s3(s3_dir, ports)
    store = ObjectStore(s3.endpoint, s3.access_key, s3.secret_key, "intake-outage-test")
    store.ensure_bucket()
    app = IntakeApplication(env=store_env, files=FileStore(store))
    try:
        feed(app, registry.configured(rules), registry.region(), registry.school(),
             registry.phase("SubmissionWindowOpened"))
        sub_id = str(app.create_draft(student, student.account_id, registry.school_id, Draft.of(**draft_fields)).id)
        film, cover = media.mp4(), media.jpeg()
        film_ticket = app.start_upload(student, sub_id, "film", "film.mp4", len(film))
        film_parts = media.put(film_ticket, film)
        cover_ticket = app.start_upload(student, sub_id, "cover", "cover.jpg", len(cover))
        media.put(cover_ticket, cover)
        recorded = app.max_notification_id()

        s3.stop()
        unavailable(app.start_upload, student, sub_id, "film", "film.mp4", len(film))
        unavailable(app.start_upload, student, sub_id, "cover", "cover.jpg", len(cover))
        unavailable(app.confirm_upload, student, sub_id, film_ticket.upload_id, film_parts)
        unavailable(app.confirm_upload, student, sub_id, cover_ticket.upload_id, [])
        assert app.max_notification_id() == recorded  # nothing half-recorded
        assert app.get(student, sub_id).files.get("film") is None

        s3 = start_s3(s3_dir, ports)  # the store comes back with what it held
        sub = app.confirm_upload(student, sub_id, film_ticket.upload_id, film_parts)
        sub = app.confirm_upload(student, sub_id, cover_ticket.upload_id, [])
        assert (sub.files["film"]["kind"], sub.files["cover"]["kind"]) == ("mp4", "jpeg")
        assert app.start_upload(student, sub_id, "cover", "cover2.jpg", len(cover)).url
    finally:
        s3.stop()
        app.close()
