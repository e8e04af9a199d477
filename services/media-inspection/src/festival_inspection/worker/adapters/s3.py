"""An object in S3 as a seekable binary file: ranged GETs of fixed blocks, a few kept, never the whole object.

PyAV reads an MP4 whose index (moov) sits at the end by seeking there first and back again; a small cache
of recent blocks turns those jumps, and the demuxer's short back-and-forth between interleaved chunks, into
few requests while memory stays at `cached` blocks whatever the file's size.
"""

from __future__ import annotations

import io
import time
from collections import OrderedDict
from urllib.parse import urlsplit

from minio import Minio
from minio.error import S3Error

BLOCK = 2 << 20
CACHED = 4
_MISSING = {"NoSuchKey", "NoSuchObject", "NoSuchBucket", "ResourceNotFound"}


class ObjectMissing(LookupError):
    """The object is not in the bucket."""


class StorageFailed(OSError):
    """S3 could not be read (network, server): the inspection is retried later, never judged on it."""


class OutOfTime(OSError):
    """The file's time budget ran out while it was being read."""


class Bucket:
    """One bucket on an S3 endpoint ("host:port" or a URL), read-only."""

    def __init__(self, endpoint: str, access_key: str, secret_key: str, bucket: str, region: str = "us-east-1"):
        parts = urlsplit(endpoint if "://" in endpoint else f"http://{endpoint}")
        self.client = Minio(parts.netloc, access_key=access_key, secret_key=secret_key,
                            secure=parts.scheme == "https", region=region)
        self.name = bucket

    def open(self, key: str, deadline: float | None = None) -> S3File:
        """The object as a file (ObjectMissing if it is not there); reads past `deadline` raise OutOfTime."""
        try:
            size = self.client.stat_object(self.name, key).size or 0
        except S3Error as err:
            if err.code in _MISSING:
                raise ObjectMissing(key) from err
            raise StorageFailed(str(err)) from err
        return S3File(self, key, size, deadline)

    def read_range(self, key: str, offset: int, length: int) -> bytes:
        try:
            response = self.client.get_object(self.name, key, offset=offset, length=length)
        except S3Error as err:
            raise StorageFailed(f"{key} [{offset}+{length}]: {err.code}") from err
        except Exception as err:  # urllib3 connection and protocol errors
            raise StorageFailed(f"{key} [{offset}+{length}]: {err}") from err
        try:
            return response.read()
        finally:
            response.close()
            response.release_conn()


class S3File(io.RawIOBase):
    """Read-only, seekable view of one object; `failure` keeps the storage error the reader may have swallowed."""

    def __init__(self, bucket: Bucket, key: str, size: int, deadline: float | None = None,
                 block: int = BLOCK, cached: int = CACHED):
        super().__init__()
        self.bucket, self.key, self.size, self.deadline = bucket, key, size, deadline
        self.block, self.cached = block, cached
        self.pos = 0
        self.requests = 0
        self.failure: OSError | None = None
        self._blocks: OrderedDict[int, bytes] = OrderedDict()

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self.pos, io.SEEK_END: self.size}[whence]
        if base + offset < 0:
            raise ValueError("negative seek position")
        self.pos = base + offset
        return self.pos

    def readinto(self, buffer) -> int:
        view = memoryview(buffer).cast("B")
        n = min(len(view), max(0, self.size - self.pos))
        done = 0
        while done < n:
            index, start = divmod(self.pos + done, self.block)
            chunk = self._block(index)[start : start + n - done]
            view[done : done + len(chunk)] = chunk
            done += len(chunk)
        self.pos += done
        return done

    def _block(self, index: int) -> bytes:
        if index in self._blocks:
            self._blocks.move_to_end(index)
            return self._blocks[index]
        if self.deadline is not None and time.monotonic() > self.deadline:
            self.failure = self.failure or OutOfTime(self.key)
            raise self.failure
        offset = index * self.block
        try:
            data = self.bucket.read_range(self.key, offset, min(self.block, self.size - offset))
        except StorageFailed as failure:
            self.failure = failure
            raise
        self.requests += 1
        self._blocks[index] = data
        while len(self._blocks) > self.cached:
            self._blocks.popitem(last=False)
        return data
