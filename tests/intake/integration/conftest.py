"""Intake against real infrastructure: an application on a SQLite file and a real S3 server, and test media."""

from __future__ import annotations

import sys
from pathlib import Path

import httpx
import pytest

from festival_intake.adapters.files import FileStore, UploadTicket
from festival_intake.adapters.storage import ObjectStore
from festival_intake.application import IntakeApplication

sys.path.insert(0, str(Path(__file__).parents[2]))
import media as test_media  # noqa: E402  (tests/media.py: real media made with PyAV)


def put(ticket: UploadTicket, data: bytes) -> list[tuple[int, str]]:
    """Upload as a browser would, through the ticket's presigned URLs; returns the parts (number, ETag)."""
    with httpx.Client(timeout=60) as http:
        if not ticket.multipart:
            response = http.put(ticket.url, content=data)
            assert response.status_code == 200, response.text
            return []
        parts = []
        for number, url in ticket.parts:
            chunk = data[(number - 1) * ticket.part_size : number * ticket.part_size]
            response = http.put(url, content=chunk)
            assert response.status_code == 200, response.text
            parts.append((number, response.headers["ETag"]))
        return parts


class Media:
    """Real files for one test, and the uploader."""

    put = staticmethod(put)

    def __init__(self, folder: Path):
        self.folder = folder

    def mp4(self) -> bytes:
        return test_media.film(self.folder / "film.mp4", seconds=1, width=320, height=240).read_bytes()

    def jpeg(self, width: int = 640, height: int = 480) -> bytes:
        return test_media.image(width, height, "jpeg")

    def png(self, width: int = 640, height: int = 480) -> bytes:
        return test_media.image(width, height, "png")


@pytest.fixture
def media(tmp_path) -> Media:
    return Media(tmp_path)


@pytest.fixture
def files(s3_server) -> FileStore:
    store = ObjectStore(s3_server.endpoint, s3_server.access_key, s3_server.secret_key, "intake-flow-test")
    store.ensure_bucket()
    return FileStore(store)


@pytest.fixture
def app(store_env, files, feed, registry, rules):
    """An intake application whose edition is configured and whose window is open."""
    app = IntakeApplication(env=store_env, files=files)
    feed(app, registry.configured(rules), registry.region(), registry.school(),
         registry.phase("SubmissionWindowOpened"))
    yield app
    app.close()
