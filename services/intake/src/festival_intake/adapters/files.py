"""Uploaded files in object storage, as the intake application needs them: tickets, completion, inspection.

Two ObjectStores on the same bucket: `store` talks to S3 from inside the platform; `signer` only signs URLs
for clients and names the endpoint they reach (S3_PUBLIC_ENDPOINT, when it differs from S3_ENDPOINT).
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

import structlog
import urllib3
from minio.error import S3Error, ServerError

from festival_intake.adapters.storage import ObjectMissing, ObjectStore
from festival_intake.domain import refusals
from festival_intake.domain.content import HEAD_BYTES, sniff
from festival_intake.domain.uploads import URL_LIFETIME, part_count
from festival_kit.errors import FestivalError

log = structlog.get_logger()

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
        numbers = range(1, part_count(size) + 1)
        return s3_upload_id, [(n, self.signer.presign_part(key, s3_upload_id, n, URL_LIFETIME)) for n in numbers]

    def presign_put(self, key: str) -> str:
        """A presigned PUT, once S3 answers: signing alone needs no S3, but a URL to a store that is down
        would only fail later, in the browser, with nothing to explain it."""
        with storage_answers():
            self.store.ping()
        return self.signer.presign_put(key, URL_LIFETIME)

    def presign_get(self, key: str) -> str:
        return self.signer.presign_get(key, URL_LIFETIME)

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
