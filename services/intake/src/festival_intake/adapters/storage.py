"""Object storage for uploaded files: one S3 bucket, reached with the minio SDK.

Browsers upload and download straight to S3 through presigned URLs; this service only signs them, starts and
completes multipart uploads, and inspects what arrived. The URLs name the endpoint given here, so they work
for a client that reaches S3 at that same address.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from datetime import timedelta

import certifi
import urllib3
from minio import Minio
from minio.datatypes import Part
from minio.error import S3Error

# What S3 answers for a key or bucket that is not there (minio names a bodiless 404 to HEAD "NoSuchKey").
_MISSING = {"NoSuchKey", "NoSuchObject", "NoSuchBucket", "ResourceNotFound"}


class ObjectMissing(LookupError):
    """The object does not exist."""


@dataclass(frozen=True)
class ObjectInfo:
    size: int
    etag: str  # without quotes; for a multipart object, "<md5 of the part md5s>-<part count>"


def _http_client() -> urllib3.PoolManager:
    """minio's own defaults but for the waiting: it waits 5 minutes to connect and retries 5 times, so a
    stopped store would hold a request far past the gateway's deadline instead of answering 503."""
    return urllib3.PoolManager(
        timeout=urllib3.Timeout(connect=3, read=60), maxsize=10, cert_reqs="CERT_REQUIRED",
        ca_certs=os.environ.get("SSL_CERT_FILE") or certifi.where(),
        retries=urllib3.Retry(total=2, backoff_factor=0.2, status_forcelist=[500, 502, 503, 504]),
    )


def _unquote(etag: str) -> str:
    return etag.strip().strip('"')


class ObjectStore:
    """One bucket on an S3 endpoint ("host:port"); plain HTTP unless `secure`."""

    def __init__(
        self,
        endpoint: str,
        access_key: str,
        secret_key: str,
        bucket: str,
        *,
        secure: bool = False,
        region: str = "us-east-1",
    ) -> None:
        # A fixed region: otherwise minio asks the server for it before signing anything.
        self._client = Minio(endpoint, access_key=access_key, secret_key=secret_key, secure=secure, region=region,
                             http_client=_http_client())
        self.bucket = bucket

    def ping(self) -> None:
        """One cheap request, so that a store that is down says so now (urllib3 errors) rather than later."""
        self._client.bucket_exists(self.bucket)

    def ensure_bucket(self) -> None:
        """Create the bucket unless it exists."""
        if self._client.bucket_exists(self.bucket):
            return
        try:
            self._client.make_bucket(self.bucket)
        except S3Error as err:  # another process created it in between
            if err.code not in {"BucketAlreadyOwnedByYou", "BucketAlreadyExists"}:
                raise

    def presign_put(self, key: str, expires: timedelta) -> str:
        """A URL that lets its holder PUT this one key until it expires."""
        return self._client.presigned_put_object(self.bucket, key, expires)

    def presign_get(self, key: str, expires: timedelta, response_headers: dict[str, str] | None = None) -> str:
        """A URL that lets its holder GET this one key until it expires (S3 answers with `response_headers`,
        such as response-content-disposition, which the signature covers)."""
        return self._client.presigned_get_object(self.bucket, key, expires, response_headers=response_headers)

    def start_multipart(self, key: str, content_type: str = "application/octet-stream") -> str:
        """Start a multipart upload of `key`; returns its upload id."""
        return self._client._create_multipart_upload(self.bucket, key, {"Content-Type": content_type})

    def presign_part(self, key: str, upload_id: str, part_number: int, expires: timedelta) -> str:
        """A URL that lets its holder PUT part `part_number` (1..10000) of the upload; S3 answers with its ETag."""
        if not 1 <= part_number <= 10000:
            raise ValueError(f"part number {part_number} is not in 1..10000")
        return self._client.get_presigned_url(
            "PUT",
            self.bucket,
            key,
            expires,
            extra_query_params={"uploadId": upload_id, "partNumber": str(part_number)},
        )

    def complete_multipart(self, key: str, upload_id: str, parts: list[tuple[int, str]]) -> str:
        """Join the uploaded parts, given as (part number, ETag), in part order; returns the object's ETag."""
        # minio quotes each ETag itself, and clients hand them back with or without quotes.
        ordered = [Part(number, _unquote(etag)) for number, etag in sorted(parts)]
        result = self._client._complete_multipart_upload(self.bucket, key, upload_id, ordered)
        return _unquote(result.etag or "")

    def abort_multipart(self, key: str, upload_id: str) -> None:
        """Drop the upload and the parts stored so far."""
        self._client._abort_multipart_upload(self.bucket, key, upload_id)

    def stat(self, key: str) -> ObjectInfo | None:
        """Size and ETag of `key`, or None when there is no such object."""
        try:
            obj = self._client.stat_object(self.bucket, key)
        except S3Error as err:
            if err.code in _MISSING:
                return None
            raise
        return ObjectInfo(size=obj.size or 0, etag=_unquote(obj.etag or ""))

    def read_head(self, key: str, n: int) -> bytes:
        """The first `n` bytes of `key` (fewer if it is shorter), by a ranged GET; ObjectMissing if absent."""
        if n <= 0:
            return b""  # minio reads length=0 as "to the end"
        try:
            response = self._client.get_object(self.bucket, key, offset=0, length=n)
        except S3Error as err:
            if err.code in _MISSING:
                raise ObjectMissing(key) from err
            raise
        try:
            return response.read()
        finally:
            response.close()
            response.release_conn()

    def put_bytes(self, key: str, data: bytes, content_type: str = "application/octet-stream") -> str:
        """Store `data` at `key` in one request; returns its ETag."""
        result = self._client.put_object(self.bucket, key, io.BytesIO(data), len(data), content_type=content_type)
        return _unquote(result.etag or "")
