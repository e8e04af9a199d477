"""Uploaded files in object storage, as the intake application needs them: tickets, completion, inspection.

Two ObjectStores on the same bucket: `store` talks to S3 from inside the platform; `signer` only signs URLs
for clients and names the endpoint they reach (S3_PUBLIC_ENDPOINT, when it differs from S3_ENDPOINT).
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import PurePosixPath

import structlog
import urllib3
from minio.error import S3Error, ServerError

from festival_intake.adapters.storage import ObjectMissing, ObjectStore
from festival_intake.domain import refusals
from festival_intake.domain.content import HEAD_BYTES, sniff
from festival_intake.domain.uploads import part_count
from festival_kit.disposition import content_disposition
from festival_kit.errors import FestivalError
from festival_kit.links import WATCHING

log = structlog.get_logger()

# A leaked upload URL lets its holder write one part of one object, and only for minutes. S3 checks the
# expiry when a request starts, not when it ends; even so, counted whole, one PART_SIZE part (8 MiB, 67.1
# Mbit) on a 0.5 Mbit/s school line shared by the page's 3 parallel parts (~0.17 Mbit/s each) takes about
# 6.7 minutes, and 15 leave room for its retries. The page asks for fresh URLs (renew_upload) as they near
# expiry or when S3 answers 403, so a film of many parts may take as long as it needs.
UPLOAD_URL_LIFETIME = timedelta(minutes=15)
# Reviewers watch the film through its download URL and the browser asks again on every seek: the judges'
# links' lifetime, long enough for the longest film watched with pauses.
DOWNLOAD_URL_LIFETIME = WATCHING

# S3 answers for a completion whose part list does not match what was uploaded.
_BAD_PARTS = {"InvalidPart", "InvalidPartOrder", "EntityTooSmall", "InvalidRequest"}


@dataclass(frozen=True)
class UploadTicket:
    """Where and how the client puts the bytes of one upload."""

    upload_id: str
    slot: str
    multipart: bool
    expires_at: datetime
    part_size: int = 0
    url: str = ""
    parts: list[tuple[int, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Arrived:
    """What storage holds for an upload: its size, ETag and sniffed kind."""

    size: int
    etag: str
    kind: str


@contextmanager
def storage_answers():
    """S3 not answering (stopped, unreachable) is a 503 the user can retry, not an internal error."""
    try:
        yield
    except (urllib3.exceptions.HTTPError, OSError, ServerError) as error:
        log.warning("storage.unavailable", error=f"{type(error).__name__}: {error}"[:300])
        raise refusals.storage_unavailable() from None


class FileStore:
    """Presigned uploads and downloads, multipart completion and a look at what arrived.

    Every call that starts or confirms an upload talks to S3 before the caller records anything, so an
    outage refuses the request whole (storage_unavailable, 503) and leaves nothing half-recorded."""

    def __init__(self, store: ObjectStore, signer: ObjectStore | None = None):
        self.store, self.signer = store, signer or store

    def start_multipart(self, key: str, size: int) -> tuple[str, list[tuple[int, str]]]:
        """A new multipart upload and one presigned URL per part."""
        with storage_answers():
            s3_upload_id = self.store.start_multipart(key)
        return s3_upload_id, self._part_urls(key, s3_upload_id, range(1, part_count(size) + 1))

    def presign_parts(self, key: str, s3_upload_id: str, numbers: Iterable[int]) -> list[tuple[int, str]]:
        """Fresh URLs for parts of a multipart upload already started (its earlier URLs expired or will)."""
        with storage_answers():
            self.store.ping()
        return self._part_urls(key, s3_upload_id, numbers)

    def _part_urls(self, key: str, s3_upload_id: str, numbers: Iterable[int]) -> list[tuple[int, str]]:
        return [(n, self.signer.presign_part(key, s3_upload_id, n, UPLOAD_URL_LIFETIME)) for n in numbers]

    def presign_put(self, key: str) -> str:
        """A presigned PUT, once S3 answers: signing alone needs no S3, but a URL to a store that is down
        would only fail later, in the browser, with nothing to explain it."""
        with storage_answers():
            self.store.ping()
        return self.signer.presign_put(key, UPLOAD_URL_LIFETIME)

    def presign_get(self, key: str, filename: str, slot: str) -> str:
        """A presigned GET whose answer names the file as the student named it (the key holds ids only);
        inline, so films, pictures and PDFs open in the page and are saved under that name."""
        suffix = PurePosixPath(filename).suffix
        fallback = slot + (suffix if suffix[1:].isascii() and suffix[1:].isalnum() else "")
        disposition = content_disposition(filename, fallback, kind="inline")
        return self.signer.presign_get(key, DOWNLOAD_URL_LIFETIME, {"response-content-disposition": disposition})

    def complete(self, key: str, s3_upload_id: str, parts: list[tuple[int, str]]) -> None:
        """Join the parts; an upload already completed (an earlier confirmation that failed later) is fine."""
        try:
            with storage_answers():
                self.store.complete_multipart(key, s3_upload_id, parts)
        except S3Error as err:
            if err.code == "NoSuchUpload":
                with storage_answers():
                    found = self.store.stat(key)
                if found is not None:
                    return
                raise refusals.upload_missing() from None
            if err.code in _BAD_PARTS:
                raise FestivalError(
                    "bad_parts", f"分片与已上传的内容不符（{err.code}），请检查每片的 ETag 或重新上传。",
                    f"The parts do not match what was uploaded ({err.code}): check each part's ETag or upload again.",
                    422,
                ) from None
            raise

    def inspect(self, key: str) -> Arrived:
        """Size, ETag and kind (from the first bytes) of the object; refused if nothing arrived."""
        with storage_answers():
            info = self.store.stat(key)
        if info is None:
            raise refusals.upload_missing()
        try:
            with storage_answers():
                head = self.store.read_head(key, HEAD_BYTES)
        except ObjectMissing:
            raise refusals.upload_missing() from None
        return Arrived(size=info.size, etag=info.etag, kind=sniff(head))
