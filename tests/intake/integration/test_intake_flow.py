"""A work from draft to submission with real S3 and SQLite: uploads, confirmations, forms, and refusals."""

from __future__ import annotations

import os
import urllib.request
from urllib.parse import quote

import pytest

from festival_intake.adapters.files import FileStore
from festival_intake.adapters.storage import ObjectStore
from festival_intake.application import IntakeApplication
from festival_intake.domain.draft import Draft
from festival_kit.context import Cause
from festival_kit.errors import FestivalError

MiB = 1024 * 1024


def refused(code: str, call, *args, **kwargs) -> FestivalError:
    with pytest.raises(FestivalError) as caught:
        call(*args, **kwargs)
    assert caught.value.code == code, caught.value
    return caught.value


@pytest.fixture
def sub_id(app, student, registry, draft_fields) -> str:
    return str(app.create_draft(student, student.account_id, registry.school_id, Draft.of(**draft_fields)).id)


def upload(app, media, student, sub_id: str, slot: str, filename: str, data: bytes):
    ticket = app.start_upload(student, sub_id, slot, filename, len(data))
    parts = media.put(ticket, data)
    return app.confirm_upload(student, sub_id, ticket.upload_id, parts)


def test_full_flow_from_draft_to_submitted(app, media, student, sub_id, store_env, pass_inspections) -> None:
    film = media.mp4()
    ticket = app.start_upload(student, sub_id, "film", "我的作品.mp4", len(film))
    assert ticket.multipart and len(ticket.parts) == 1 and ticket.part_size == 8 * MiB and not ticket.url
    sub = app.confirm_upload(student, sub_id, ticket.upload_id, media.put(ticket, film))
    assert sub.files["film"]["kind"] == "mp4" and sub.files["film"]["size"] == len(film)
    key = f"editions/jl-11/submissions/{sub_id}/film/{ticket.upload_id}"
    assert sub.files["film"]["object_key"] == key  # ids only: the student's file name stays in `filename`
    assert sub.files["film"]["filename"] == "我的作品.mp4"

    upload(app, media, student, sub_id, "cover", "cover.jpg", media.jpeg())
    for form in ("application_form", "copyright_declaration"):
        filename, pdf = app.render_form(student, sub_id, form)
        assert filename.endswith(".pdf") and pdf.startswith(b"%PDF-")
        upload(app, media, student, sub_id, form, filename, pdf)  # signed and scanned, in real life

    refused("inspection_pending", app.submit, student, sub_id)
    pass_inspections(app, sub_id)
    sub = app.submit(student, sub_id)
    assert (sub.status, sub.submission_version, app.missing_slots(sub)) == ("submitted", 1, [])
    refused("already_submitted", app.submit, student, sub_id)

    submitted = [env for _, env in app.envelopes(0, 100) if env.type == "SubmissionSubmitted"]
    assert submitted[0].payload["region_id"] == "region-changchun"
    assert set(submitted[0].payload["files"]) == {"film", "cover", "application_form", "copyright_declaration"}
    assert submitted[0].actor.account_id == student.account_id

    # Another process on the same store rebuilds the same index from the store alone.
    again = IntakeApplication(env=store_env)
    assert [(s.id, s.status) for s in again.list(Cause(role="school_admin"), school_id="school-1")[0]] == [
        (sub.id, "submitted")
    ]
    again.close()


def test_a_film_in_two_parts(app, media, student, sub_id) -> None:
    film = media.mp4() + os.urandom(8 * MiB)  # the ftyp box comes first, the rest is padding
    ticket = app.start_upload(student, sub_id, "film", "film.mp4", len(film))
    parts = media.put(ticket, film)
    assert len(parts) == 2
    refused("bad_parts", app.confirm_upload, student, sub_id, ticket.upload_id, parts[:1])
    refused("bad_parts", app.confirm_upload, student, sub_id, ticket.upload_id, [parts[0], parts[0]])
    forged = [parts[0], (2, '"0123456789abcdef0123456789abcdef"')]
    error = refused("bad_parts", app.confirm_upload, student, sub_id, ticket.upload_id, forged)  # S3 checks
    assert "ETag" in error.message_en
    sub = app.confirm_upload(student, sub_id, ticket.upload_id, list(reversed(parts)))
    assert sub.files["film"]["size"] == len(film) and sub.files["film"]["etag"].endswith("-2")


def test_urls_name_the_public_endpoint(app, files, s3_server, media, student, sub_id) -> None:
    port = s3_server.endpoint.rsplit(":", 1)[1]
    public = ObjectStore(f"localhost:{port}", s3_server.access_key, s3_server.secret_key, files.store.bucket)
    app.files = FileStore(files.store, signer=public)  # S3_PUBLIC_ENDPOINT: what browsers reach
    jpeg = media.jpeg()
    ticket = app.start_upload(student, sub_id, "cover", "cover.jpg", len(jpeg))
    assert ticket.url.startswith(f"http://localhost:{port}/{files.store.bucket}/editions/")
    assert "X-Amz-Expires=900" in ticket.url  # a quarter of an hour: renew_upload gives fresh ones
    media.put(ticket, jpeg)
    assert app.confirm_upload(student, sub_id, ticket.upload_id).files["cover"]["kind"] == "jpeg"
    ticket = app.start_upload(student, sub_id, "film", "film.mp4", 10 * MiB)
    assert all(url.startswith(f"http://localhost:{port}/") for _, url in ticket.parts) and len(ticket.parts) == 2


def test_an_upload_gets_fresh_urls_for_its_parts_and_records_nothing(app, media, student, sub_id) -> None:
    ticket = app.start_upload(student, sub_id, "film", "film.mp4", 10 * MiB)
    before = app.get(student, sub_id).version
    renewed = app.renew_upload(student, sub_id, ticket.upload_id, [2])
    assert [n for n, _ in renewed.parts] == [2] and renewed.upload_id == ticket.upload_id
    url = renewed.parts[0][1]  # one object, one part of one multipart upload
    assert f"/{ticket.upload_id}?" in url and "partNumber=2" in url and "uploadId=" in url
    every = app.renew_upload(student, sub_id, ticket.upload_id)
    assert [n for n, _ in every.parts] == [1, 2] and every.part_size == 8 * MiB
    refused("bad_parts", app.renew_upload, student, sub_id, ticket.upload_id, [3])
    refused("bad_parts", app.renew_upload, student, sub_id, ticket.upload_id, [0])
    assert app.get(student, sub_id).version == before

    cover = app.start_upload(student, sub_id, "cover", "封面.jpg", len(jpeg := media.jpeg()))
    fresh = app.renew_upload(student, sub_id, cover.upload_id)
    assert not fresh.multipart and fresh.expires_at >= cover.expires_at and f"/{cover.upload_id}?" in fresh.url
    media.put(fresh, jpeg)  # the fresh URL writes the same object
    app.confirm_upload(student, sub_id, cover.upload_id)
    refused("unknown_upload", app.renew_upload, student, sub_id, cover.upload_id)  # confirmed: nothing to renew


def test_a_download_is_named_as_the_student_named_it(app, media, student, sub_id) -> None:
    upload(app, media, student, sub_id, "cover", "我的封面.jpg", jpeg := media.jpeg())
    record, url = app.file_url(student, sub_id, "cover")
    key = record["object_key"]
    assert key == f"{key.split('/submissions/')[0]}/submissions/{sub_id}/cover/{key.rsplit('/', 1)[1]}"
    assert "封面" not in key and "jpg" not in key  # the key is ids only: the student's file name is never in it
    answer = urllib.request.urlopen(url, timeout=10)
    assert answer.read() == jpeg
    disposition = answer.headers["Content-Disposition"]
    assert disposition.startswith('inline; filename="cover.jpg"') and quote("我的封面.jpg") in disposition


def test_wrong_kinds_are_refused_and_record_nothing(app, media, student, sub_id) -> None:
    before = app.get(student, sub_id).version
    ticket = app.start_upload(student, sub_id, "cover", "cover.png", len(png := media.png()))
    media.put(ticket, png)
    error = refused("wrong_file_type", app.confirm_upload, student, sub_id, ticket.upload_id)
    assert error.status == 422 and "JPEG" in error.message_zh and "JPEG" in error.message_en

    text = "这是一个文本文件，不是视频。\n".encode() * 100
    ticket = app.start_upload(student, sub_id, "film", "film.mp4", len(text))
    parts = media.put(ticket, text)
    error = refused("wrong_file_type", app.confirm_upload, student, sub_id, ticket.upload_id, parts)
    assert "MP4" in error.message_zh
    # A retry finds the multipart already completed and gives the same answer.
    refused("wrong_file_type", app.confirm_upload, student, sub_id, ticket.upload_id, parts)
    sub = app.get(student, sub_id)
    assert sub.files == {} and sub.version == before + 2  # the two UploadStarted, nothing more


def test_confirming_an_upload_that_never_happened(app, media, student, sub_id) -> None:
    ticket = app.start_upload(student, sub_id, "cover", "cover.jpg", 5000)
    assert refused("upload_missing", app.confirm_upload, student, sub_id, ticket.upload_id).status == 409
    refused("unknown_upload", app.confirm_upload, student, sub_id, "no-such-upload")


def test_size_must_match_the_declared_size(app, media, student, sub_id) -> None:
    jpeg = media.jpeg()
    ticket = app.start_upload(student, sub_id, "cover", "cover.jpg", len(jpeg) + 1)
    media.put(ticket, jpeg)
    refused("size_mismatch", app.confirm_upload, student, sub_id, ticket.upload_id)


@pytest.mark.parametrize(
    ("slot", "filename", "size", "code"),
    [
        ("cover", "../../etc/passwd.jpg", 100, "bad_filename"),
        ("cover", "a/b.jpg", 100, "bad_filename"),
        ("cover", "cover.jpg", 0, "empty_file"),
        ("cover", "cover.jpg", 1 * MiB + 1, "file_too_large"),
        ("trailer", "t.mp4", 100, "unknown_slot"),
    ],
)
def test_bad_uploads_are_refused_at_start(app, student, sub_id, slot, filename, size, code) -> None:
    version = app.get(student, sub_id).version
    refused(code, app.start_upload, student, sub_id, slot, filename, size)
    assert app.get(student, sub_id).version == version


def test_only_the_owner_changes_a_work(app, student, sub_id, draft_fields) -> None:
    other = Cause(account_id="student-2", role="student")
    admin = Cause(account_id="admin-1", role="school_admin")
    for cause in (other, admin):
        assert refused("forbidden", app.start_upload, cause, sub_id, "cover", "c.jpg", 10).status == 403
        refused("forbidden", app.submit, cause, sub_id)
        refused("forbidden", app.edit_draft, cause, sub_id, Draft.of(**draft_fields))
    refused("forbidden", app.get, other, sub_id)
    refused("forbidden", app.list, other, student_id=student.account_id)
    assert app.get(admin, sub_id).title == draft_fields["title"]
    assert app.list(other) == ([], "")
    refused("not_found", app.get, student, "not-a-uuid")


def test_return_and_window_close_through_the_handlers(app, media, student, sub_id, registry, feed,
                                                      work_returned, draft_fields, pass_inspections) -> None:
    for slot, name, data in (("film", "f.mp4", media.mp4()), ("cover", "c.jpg", media.jpeg()),
                             ("application_form", "a.pdf", b"%PDF-1.4 signed"),
                             ("copyright_declaration", "c.pdf", b"%PDF-1.4 signed")):
        upload(app, media, student, sub_id, slot, name, data)
    pass_inspections(app, sub_id)
    app.submit(student, sub_id)
    feed(app, work_returned(sub_id), work_returned(sub_id))
    assert app.get(student, sub_id).status == "returned"
    assert [e.type for _, e in app.envelopes(0, 100)].count("SubmissionReopened") == 1
    app.edit_draft(student, sub_id, Draft.of(**{**draft_fields, "title": "修改后的标题"}))
    assert app.submit(student, sub_id).submission_version == 2

    pending = app.create_draft(student, student.account_id, registry.school_id, Draft.of(**draft_fields))
    feed(app, registry.phase("SubmissionWindowClosed"))
    assert app.get(student, str(pending.id)).status == "withdrawn"
    assert app.get(student, sub_id).status == "submitted"
    assert [s.id for s in app.list(student, status="withdrawn")[0]] == [pending.id]
    refused("window_closed", app.create_draft, student, student.account_id, registry.school_id,
            Draft.of(**draft_fields))


def test_a_long_list_comes_in_pages(app, student, registry, sub_id, draft_fields) -> None:
    """Pages follow one another without a gap or a repeat, oldest first; the last says there is no next;
    a page position that is no work is refused, not answered with an empty page."""
    for n in range(4):
        app.create_draft(student, student.account_id, registry.school_id, Draft.of(**{**draft_fields, "title": f"第{n}部"}))
    every, _ = app.list(student)
    assert len(every) == 5
    seen, after = [], ""
    while True:
        page, after = app.list(student, after=after, limit=2)
        assert len(page) <= 2
        seen += [s.id for s in page]
        if not after:
            break
    assert seen == [s.id for s in every]
    page, after = app.list(student, limit=5)
    assert ([s.id for s in page], after) == ([s.id for s in every], "")  # exactly one page: no next to ask for
    assert app.list(student, limit=4)[1] == str(every[3].id)
    admin = Cause(role="school_admin")
    assert [s.id for s in app.list(admin, school_id=registry.school_id, after=str(every[3].id))[0]] == [every[4].id]
    refused("bad_page", app.list, student, after="0f0f0f0f-0000-4000-8000-000000000000")


def test_a_read_is_not_changed_by_a_later_command_and_a_refused_command_leaves_no_trace(
        app, student, sub_id, draft_fields, store_env) -> None:
    """Queries are served from the cache without a copy: a command changes its own copy, and only a save
    replaces what later reads see."""
    before = app.get(student, sub_id)
    app.edit_draft(student, sub_id, Draft.of(**{**draft_fields, "title": "第二个标题"}))
    assert before.title == draft_fields["title"] and before.version == 1
    assert app.get(student, sub_id).title == "第二个标题"
    refused("too_many_creators", app.edit_draft, student, sub_id,
            Draft.of(**{**draft_fields, "creators": [{"name": f"学生{i}"} for i in range(9)]}))
    after = app.get(student, sub_id)
    assert (after.title, after.version, len(after.creators)) == ("第二个标题", 2, len(draft_fields["creators"]))
    again = IntakeApplication(env=store_env)  # the store agrees with the cache
    assert again.get(student, sub_id).title == "第二个标题"
    again.close()
