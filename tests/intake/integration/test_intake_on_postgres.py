"""The intake flow with its event store in PostgreSQL (FESTIVAL_STORE=postgres), as deployments run it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from test_intake_flow import sub_id, test_full_flow_from_draft_to_submitted  # noqa: E402,F401  (run again here, on PostgreSQL)

from festival_kit.settings import Settings  # noqa: E402


@pytest.fixture
def store_env(postgres_database) -> dict[str, str]:
    """intake's store in its own schema of a fresh PostgreSQL database."""
    env = Settings(store="postgres").store_env("intake")
    assert env["PERSISTENCE_MODULE"] == "eventsourcing.postgres" and env["POSTGRES_DBNAME"] == postgres_database
    return env
