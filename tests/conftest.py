"""Fixtures shared by every test. Each section belongs to one area; add yours in its own section."""

from __future__ import annotations

import random
import socket

import pytest

from festival_kit.ports import Ports

# ---------------------------------------------------------------------------------------------------------
# Local infrastructure: free ports, a real nats-server and a real SeaweedFS S3 server (festival_cli.infra)
# ---------------------------------------------------------------------------------------------------------

# Below Linux's default ephemeral range (32768-60999), so the servers' own outgoing connections cannot
# take a port between our check and their bind.
_PORT_LOW, _PORT_HIGH = 20000, 32000


def _ports_free(ports: Ports) -> bool:
    for port in range(ports.base, ports.base + ports.span):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                return False
    return True


def pick_ports() -> Ports:
    """A Ports whose whole span is free on 127.0.0.1 right now."""
    span = Ports().span
    for _ in range(200):
        ports = Ports(random.randrange(_PORT_LOW, _PORT_HIGH - span))
        if _ports_free(ports):
            return ports
    raise RuntimeError(f"no free run of {span} ports in {_PORT_LOW}-{_PORT_HIGH}")


@pytest.fixture(scope="session")
def stack_ports() -> Ports:
    """The ports of the session's stack."""
    return pick_ports()


@pytest.fixture
def fresh_ports():
    """A factory of Ports for a test's own servers, apart from the session's stack."""
    return pick_ports


@pytest.fixture(scope="session")
def nats_server(stack_ports, tmp_path_factory):
    """A nats-server with JetStream for the session; `.url` is nats://127.0.0.1:PORT."""
    from festival_cli.infra import start_nats

    with start_nats(tmp_path_factory.mktemp("nats-stack"), stack_ports) as server:
        yield server


@pytest.fixture(scope="session")
def s3_server(stack_ports, tmp_path_factory):
    """A SeaweedFS S3 server for the session: `.endpoint`, `.access_key`, `.secret_key`."""
    from festival_cli.infra import start_s3

    with start_s3(tmp_path_factory.mktemp("s3-stack"), stack_ports) as server:
        yield server


@pytest.fixture(scope="session")
def port_picker():
    """pick_ports, for session-scoped fixtures that start a stack of their own."""
    return pick_ports


# ---------------------------------------------------------------------------------------------------------
# PostgreSQL: a throw-away database on the machine's server (127.0.0.1:5432); .ci/run requires it
# ---------------------------------------------------------------------------------------------------------


@pytest.fixture
def postgres_database(monkeypatch):
    """A fresh database for one test, named in POSTGRES_* env vars; dropped afterwards."""
    import os
    import uuid

    psycopg = pytest.importorskip("psycopg")
    admin = dict(host=os.environ.get("POSTGRES_HOST", "127.0.0.1"), port=os.environ.get("POSTGRES_PORT", "5432"),
                 user=os.environ.get("POSTGRES_USER", "postgres"), dbname="postgres", autocommit=True)  # fmt: skip
    try:
        conn = psycopg.connect(**admin, connect_timeout=3)
    except psycopg.OperationalError as error:
        if os.environ.get("FESTIVAL_REQUIRE_POSTGRES"):
            raise
        pytest.skip(f"PostgreSQL not reachable: {error}")
    name = f"festival_test_{uuid.uuid4().hex[:10]}"
    with conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    for key, value in (("POSTGRES_DBNAME", name), ("POSTGRES_HOST", admin["host"]),
                       ("POSTGRES_PORT", admin["port"]), ("POSTGRES_USER", admin["user"])):  # fmt: skip
        monkeypatch.setenv(key, value)
    yield name
    with psycopg.connect(**admin) as conn:
        conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
