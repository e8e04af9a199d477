"""The envelope every event travels in on the FESTIVAL log, and its per-aggregate hash chain."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, field_validator

STREAM = "FESTIVAL"
GENESIS = ""  # prev_hash of an aggregate's first event


class Actor(BaseModel):
    """Who caused an event: an account and the role it acted in (`system` for schedulers)."""

    model_config = ConfigDict(frozen=True)
    account_id: str = "system"
    role: str = "system"


class Envelope(BaseModel):
    """One event on the log: identity, position in its aggregate, provenance and payload."""

    model_config = ConfigDict(frozen=True)
    event_id: UUID
    service: str
    type: str
    schema_version: int = Field(ge=1)
    edition: str
    aggregate_type: str
    aggregate_id: str
    aggregate_version: int = Field(ge=1)
    actor: Actor
    occurred_at: datetime
    correlation_id: str
    causation_id: str
    payload: dict[str, Any]
    prev_hash: str
    hash: str

    @field_validator("occurred_at")
    @classmethod
    def _utc(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise ValueError("occurred_at must carry a time zone")
        return value.astimezone(timezone.utc)

    @property
    def subject(self) -> str:
        return subject_of(self.service, self.type)

    @property
    def msg_id(self) -> str:
        """The JetStream de-duplication id: one per aggregate version."""
        return f"{self.aggregate_id}:{self.aggregate_version}"

    def expected_hash(self) -> str:
        return chain_hash(self.prev_hash, self.hashed_fields())

    def hashed_fields(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude={"hash", "prev_hash"})


def subject_of(service: str, event_type: str) -> str:
    return f"festival.{service}.{event_type}"


def canonical(value: Any) -> bytes:
    """Canonical JSON: the same event always hashes to the same bytes."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def chain_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    return hashlib.sha256(prev_hash.encode() + b"\n" + canonical(fields)).hexdigest()


def chain_problems(envelopes: list[Envelope]) -> list[str]:
    """Every break in the hash chains of the given events (grouped by aggregate, in log order)."""
    heads: dict[str, tuple[int, str]] = {}
    problems = []
    for env in envelopes:
        version, head = heads.get(env.aggregate_id, (0, GENESIS))
        where = f"{env.aggregate_id} v{env.aggregate_version}"
        if env.aggregate_version != version + 1:
            problems.append(f"{where}: expected version {version + 1}")
        if env.prev_hash != head:
            problems.append(f"{where}: prev_hash does not match the previous event")
        if env.hash != env.expected_hash():
            problems.append(f"{where}: hash does not match the content")
        heads[env.aggregate_id] = (env.aggregate_version, env.hash)
    return problems


def utcnow() -> datetime:
    return datetime.now(timezone.utc)
