"""Events of the audit service: signed checkpoints of the log's Merkle tree, and the auditor's runs.

A checkpoint is signed when a phase changes (the window closed, the region deadline passed, judging closed,
awards published) and when the province or an auditor asks. It names the tree size and root it signs and
the message that caused it, so anyone can recompute the root from the stream and check the signature.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict

from festival_events.contracts import Contract

# The phase changes that seal the log: each gets a signed checkpoint.
SEALING_EVENTS = ("SubmissionWindowClosed", "RegionDeadlinePassed", "JudgingClosed", "AwardsPublished")


class _Audit(Contract):
    service: ClassVar[str] = "audit"


class CheckpointSigned(_Audit):
    """The festival's key signed the tree of the first `size` messages of FESTIVAL (a C2SP signed note)."""

    type: ClassVar[str] = "CheckpointSigned"
    origin: str
    size: int
    root: str  # hex SHA-256
    note: str  # the signed note: origin, size, base64 root, signature line
    verifier_key: str  # name+keyid+base64(0x01 || Ed25519 public key)
    trigger: str  # a sealing event type, or "on_demand"
    trigger_event_id: str = ""
    trigger_seq: int = 0


class Problem(BaseModel):
    """One thing a run found wrong: which check, where on the log, and what was recorded against derived."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    check: str
    seq: int = 0
    aggregate_id: str = ""
    aggregate_version: int = 0
    event_type: str = ""
    message: str
    recorded: str = ""
    derived: str = ""


class AuditRunStarted(_Audit):
    type: ClassVar[str] = "AuditRunStarted"
    kind: Literal["verify", "replay"]
    requested_by: str  # the account that started it (also the envelope's actor)


class AuditRunFinished(_Audit):
    """A run's outcome: how much of the log it read, its report's digest, and the problems (the first 500)."""

    type: ClassVar[str] = "AuditRunFinished"
    last_seq: int
    events: int
    root: str
    report_sha256: str
    problem_count: int
    problems: list[Problem]
    skipped: list[str]
