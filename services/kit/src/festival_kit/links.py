"""Short-lived presigned GETs of stored objects: a browser reads S3 directly, never through the gateway."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

from minio import Minio

from festival_kit.settings import Settings

# A film is watched through its presigned GET, and the browser signs nothing: every seek is a new request on
# the same URL. Long enough to watch an 8-minute film (the longest category) with pauses, short enough to
# leak little.
WATCHING = timedelta(minutes=30)


class Links:
    """Presigned GETs on the endpoint clients reach (S3_PUBLIC_ENDPOINT, else the service's own)."""

    def __init__(self, settings: Settings, lifetime: timedelta):
        parts = urlsplit(settings.s3_public_origin())
        # A fixed region: otherwise minio asks the server for it before signing anything.
        self._client = Minio(parts.netloc, access_key=settings.s3_access_key, secret_key=settings.s3_secret_key,
                             secure=parts.scheme == "https", region="us-east-1")
        self.bucket, self.lifetime = settings.s3_bucket, lifetime

    def get(self, object_key: str) -> tuple[str, str]:
        """(url, expiry as ISO UTC) of a GET of one object."""
        expires = datetime.now(timezone.utc) + self.lifetime
        return self._client.presigned_get_object(self.bucket, object_key, self.lifetime), expires.isoformat()
