"""`python -m festival_intake`: the intake service process (gRPC, relay, consumer) until SIGTERM."""

from __future__ import annotations

import asyncio
from urllib.parse import urlsplit

from festival_intake.adapters import servicer
from festival_intake.adapters.files import FileStore
from festival_intake.adapters.storage import ObjectStore
from festival_intake.application import IntakeApplication
from festival_intake.policies import CONSUMER, SUBJECTS
from festival_kit.runtime import ServiceRuntime
from festival_kit.settings import Settings


def object_store(endpoint: str, settings: Settings) -> ObjectStore:
    """An ObjectStore on "host:port" or "http(s)://host:port" with the settings' bucket and keys."""
    parts = urlsplit(endpoint if "://" in endpoint else f"http://{endpoint}")
    return ObjectStore(parts.netloc, settings.s3_access_key, settings.s3_secret_key, settings.s3_bucket,
                       secure=parts.scheme == "https")


def file_store(settings: Settings) -> FileStore:
    """The store intake talks to, and the signer whose URLs name the endpoint clients reach."""
    # The local stack runs its S3 server on loopback at the stack's port when nothing else is named.
    store = object_store(settings.s3_endpoint or f"127.0.0.1:{settings.ports.of('s3')}", settings)
    public = settings.s3_public_endpoint
    return FileStore(store, object_store(public, settings) if public else store)


def build(settings: Settings) -> ServiceRuntime:
    files = file_store(settings)
    files.store.ensure_bucket()
    app = IntakeApplication(env=settings.store_env("intake"), files=files)
    runtime = ServiceRuntime(app, settings)
    runtime.serve(servicer.register(app), servicer.SERVICE_NAME)
    runtime.consume(CONSUMER, SUBJECTS, app.handlers())
    return runtime


def main() -> None:
    asyncio.run(build(Settings()).run())


if __name__ == "__main__":
    main()
