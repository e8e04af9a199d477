"""ObjectStore against a real S3 server (SeaweedFS with authentication), uploads through presigned URLs."""

from __future__ import annotations

import os
import uuid
from datetime import timedelta

import httpx
import pytest
from minio.error import S3Error

from festival_intake.adapters.storage import ObjectInfo, ObjectMissing, ObjectStore

MiB = 1024 * 1024
TEN_MINUTES = timedelta(minutes=10)


@pytest.fixture
def store(s3_server) -> ObjectStore:
    store = ObjectStore(s3_server.endpoint, s3_server.access_key, s3_server.secret_key, "intake-storage-test")
    store.ensure_bucket()
    store.ensure_bucket()  # twice is fine
    return store


def _key(name: str) -> str:
    return f"{uuid.uuid4().hex}/{name}"


def test_multipart_upload_through_presigned_part_urls(store):
    key = _key("film.mp4")
    first, second = os.urandom(5 * MiB + 123), os.urandom(777_000)  # S3 wants every part but the last >= 5 MiB
    upload_id = store.start_multipart(key, content_type="video/mp4")

    parts = []
    with httpx.Client(timeout=60) as http:
        for number, chunk in ((1, first), (2, second)):
            url = store.presign_part(key, upload_id, number, TEN_MINUTES)
            response = http.put(url, content=chunk)
            assert response.status_code == 200, response.text
            parts.append((number, response.headers["ETag"]))  # quoted, as a browser would pass it on

    assert store.stat(key) is None  # nothing visible before completion
    etag = store.complete_multipart(key, upload_id, list(reversed(parts)))  # any order is accepted

    info = store.stat(key)
    assert info == ObjectInfo(size=len(first) + len(second), etag=etag)
    assert etag.endswith("-2")
    assert store.read_head(key, 16) == first[:16]
    assert store.read_head(key, len(first) + 10) == first + second[:10]

    downloaded = httpx.get(store.presign_get(key, TEN_MINUTES), timeout=60)
    assert downloaded.status_code == 200
    assert downloaded.content == first + second


def test_stat_of_a_missing_key_is_none(store):
    assert store.stat(_key("nothing")) is None
    with pytest.raises(ObjectMissing):
        store.read_head(_key("nothing"), 10)


def test_abort_drops_the_upload(store):
    key = _key("abandoned.mp4")
    upload_id = store.start_multipart(key)
    url = store.presign_part(key, upload_id, 1, TEN_MINUTES)
    assert httpx.put(url, content=b"x" * 1000).status_code == 200

    store.abort_multipart(key, upload_id)

    late = httpx.put(store.presign_part(key, upload_id, 2, TEN_MINUTES), content=b"y")
    assert late.status_code == 404  # NoSuchUpload
    with pytest.raises(S3Error) as err:
        store.complete_multipart(key, upload_id, [(1, "whatever")])
    assert err.value.code == "NoSuchUpload"
    assert store.stat(key) is None


def test_presigned_put_and_put_bytes(store):
    key = _key("form.pdf")
    assert httpx.put(store.presign_put(key, TEN_MINUTES), content=b"%PDF-1.7 signed").status_code == 200
    assert store.read_head(key, 5) == b"%PDF-"
    assert store.read_head(key, 0) == b""

    other = _key("notes.txt")
    etag = store.put_bytes(other, b"plain text", "text/plain")
    assert store.stat(other) == ObjectInfo(size=10, etag=etag)


def test_presigned_urls_cover_one_key_only(store):
    key = _key("mine.mp4")
    url = store.presign_put(key, TEN_MINUTES)
    assert httpx.put(url.replace("/mine.mp4?", "/yours.mp4?"), content=b"x").status_code == 403
    upload_id = store.start_multipart(key)
    part_url = store.presign_part(key, upload_id, 1, TEN_MINUTES)
    assert httpx.put(part_url.replace("partNumber=1", "partNumber=2"), content=b"x").status_code == 403
    store.abort_multipart(key, upload_id)
