"""A worker reads films straight from S3 through ranged GETs, with its index (moov) at the end or the front."""

from __future__ import annotations

import hashlib
import struct
import sys
import uuid
from pathlib import Path

import av
import pytest

from festival_inspection.worker.adapters.s3 import Bucket, ObjectMissing, S3File

sys.path.insert(0, str(Path(__file__).parents[3]))
import inspection_media  # noqa: E402  (tests/inspection_media.py: films made with PyAV)

BLOCK = 4096  # small, so a tiny test film spans many blocks


def top_boxes(data: bytes) -> list[str]:
    """The ISO BMFF top-level boxes in file order."""
    names, at = [], 0
    while at + 8 <= len(data):
        size, name = struct.unpack(">I4s", data[at : at + 8])
        size = struct.unpack(">Q", data[at + 8 : at + 16])[0] if size == 1 else size
        names.append(name.decode())
        at += size or len(data)
    return names


@pytest.fixture(scope="module")
def bucket(s3_server) -> Bucket:
    bucket = Bucket(s3_server.endpoint, s3_server.access_key, s3_server.secret_key, "inspection-streaming")
    if not bucket.client.bucket_exists(bucket.name):
        bucket.client.make_bucket(bucket.name)
    return bucket


def put(bucket: Bucket, data: bytes) -> str:
    import io

    key = f"films/{uuid.uuid4().hex}.mp4"
    bucket.client.put_object(bucket.name, key, io.BytesIO(data), len(data))
    return key


@pytest.mark.parametrize("faststart", [False, True], ids=["moov-at-end", "faststart"])
def test_a_film_decodes_from_s3_in_bounded_blocks(bucket, tmp_path, faststart) -> None:
    path = inspection_media.film(tmp_path / "film.mp4", seconds=2, faststart=faststart)
    data = path.read_bytes()
    boxes = [b for b in top_boxes(data) if b in ("moov", "mdat")]
    assert boxes == (["moov", "mdat"] if faststart else ["mdat", "moov"])
    key = put(bucket, data)
    stat_size = bucket.open(key).size
    source = S3File(bucket, key, stat_size, block=BLOCK, cached=4)
    with av.open(source) as container:
        frames = sum(1 for _ in container.decode(video=0))
    assert frames == 50
    blocks = -(-len(data) // BLOCK)
    assert blocks >= 8, "the film should span many blocks"
    assert len(source._blocks) <= 4  # never more than `cached` blocks held, whatever the size
    assert source.requests <= 2 * blocks  # jumps to the index and back cost a few blocks, not a re-read
    source.seek(0)
    assert hashlib.sha256(source.read()).hexdigest() == hashlib.sha256(data).hexdigest()


def test_seek_and_read_anywhere(bucket) -> None:
    data = bytes(range(256)) * 1000
    key = put(bucket, data)
    source = S3File(bucket, key, len(data), block=4096, cached=2)
    assert source.seek(-10, 2) == len(data) - 10 and source.read() == data[-10:]
    source.seek(4090)
    assert source.read(20) == data[4090:4110]  # across a block boundary
    assert source.read(0) == b"" and source.tell() == 4110
    with pytest.raises(ObjectMissing):
        bucket.open("films/not-there.mp4")
