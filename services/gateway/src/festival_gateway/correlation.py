"""The correlation id of a request: the caller's, when it is a safe token, else a fresh one."""

from __future__ import annotations

import re
import uuid

HEADER = "X-Correlation-Id"
_SAFE = re.compile(r"[A-Za-z0-9-]{1,64}")


def is_valid(value: str | None) -> bool:
    """At most 64 characters of letters, digits and '-': safe in logs, gRPC metadata and headers."""
    return value is not None and _SAFE.fullmatch(value) is not None


def correlation_id_of(header: str | None) -> str:
    """Keep a valid caller id so one request can be followed across systems; replace anything else."""
    # An invalid id is replaced rather than refused: tracing must never cost a caller their request.
    return header if is_valid(header) else str(uuid.uuid4())
