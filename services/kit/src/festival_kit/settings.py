"""Where a service finds its store, the log, object storage and its peers: all from the environment (secrets
also from the files NAME_FILE names, see festival_kit.secrets)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from festival_kit.ports import Ports
from festival_kit.secrets import secret


@dataclass(frozen=True)
class Settings:
    """One process's view of the platform; every field has a local-stack default."""

    data_dir: Path = field(default_factory=lambda: Path(os.environ.get("FESTIVAL_DATA_DIR", "var")))
    ports: Ports = field(default_factory=lambda: Ports(int(os.environ.get("FESTIVAL_PORT_BASE", "8000"))))
    store: str = field(default_factory=lambda: os.environ.get("FESTIVAL_STORE", "sqlite"))
    nats_url: str = field(default_factory=lambda: os.environ.get("NATS_URL", ""))
    s3_endpoint: str = field(default_factory=lambda: os.environ.get("S3_ENDPOINT", ""))
    s3_public_endpoint: str = field(default_factory=lambda: os.environ.get("S3_PUBLIC_ENDPOINT", ""))
    s3_access_key: str = field(default_factory=lambda: secret("S3_ACCESS_KEY"))
    s3_secret_key: str = field(default_factory=lambda: secret("S3_SECRET_KEY"))
    s3_bucket: str = field(default_factory=lambda: os.environ.get("S3_BUCKET", "festival"))
    grpc_host: str = field(default_factory=lambda: os.environ.get("FESTIVAL_GRPC_HOST", "127.0.0.1"))
    public_url: str = field(default_factory=lambda: os.environ.get("FESTIVAL_PUBLIC_URL", ""))

    def public_base(self) -> str:
        """The address people reach the gateway at (printed on certificates), without a trailing slash."""
        return (self.public_url or f"http://127.0.0.1:{self.ports.of('gateway')}").rstrip("/")

    def s3_public_origin(self) -> str:
        """scheme://host:port of the object store as browsers reach it (S3_PUBLIC_ENDPOINT, else the service's)."""
        endpoint = self.s3_public_endpoint or self.s3_endpoint or f"127.0.0.1:{self.ports.of('s3')}"
        parts = urlsplit(endpoint if "://" in endpoint else f"http://{endpoint}")
        return f"{parts.scheme}://{parts.netloc}"

    def nats(self) -> list[str]:
        """Every NATS server to try (NATS_URL may list a cluster's, comma-separated)."""
        urls = [u.strip() for u in self.nats_url.split(",") if u.strip()]
        return urls or [f"nats://127.0.0.1:{self.ports.of('nats')}"]

    def grpc_address(self, service: str) -> str:
        """Where a service's gRPC server listens (`<SERVICE>_GRPC` overrides, as in compose)."""
        override = os.environ.get(f"{service.upper().replace('-', '_')}_GRPC")
        return override or f"{self.grpc_host}:{self.ports.of(service)}"

    def grpc_listen_address(self, service: str) -> str:
        """Where a service binds: FESTIVAL_GRPC_HOST, on the port its peers dial."""
        return f"{self.grpc_host}:{self.grpc_address(service).rsplit(':', 1)[1]}"

    def store_env(self, service: str) -> dict[str, str]:
        """The eventsourcing configuration of a service's own event store."""
        if self.store == "postgres":
            env = {
                "PERSISTENCE_MODULE": "eventsourcing.postgres",
                "POSTGRES_DBNAME": os.environ.get("POSTGRES_DBNAME", "festival"),
                "POSTGRES_HOST": os.environ.get("POSTGRES_HOST", "127.0.0.1"),
                "POSTGRES_PORT": os.environ.get("POSTGRES_PORT", "5432"),
                "POSTGRES_USER": os.environ.get("POSTGRES_USER", "postgres"),
                "POSTGRES_PASSWORD": secret("POSTGRES_PASSWORD"),
                "POSTGRES_SCHEMA": service.replace("-", "_"),
            }
            ensure_schema(env)
            return env
        folder = self.data_dir / service
        folder.mkdir(parents=True, exist_ok=True)
        return {"PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": str(folder / "events.sqlite")}


def ensure_schema(env: dict[str, str]) -> None:
    """eventsourcing creates its tables but not the schema they live in: one schema per service."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(
        dbname=env["POSTGRES_DBNAME"], host=env["POSTGRES_HOST"], port=env["POSTGRES_PORT"],
        user=env["POSTGRES_USER"], password=env["POSTGRES_PASSWORD"] or None, autocommit=True,
    ) as conn:
        conn.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(env["POSTGRES_SCHEMA"])))
