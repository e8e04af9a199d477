"""Events of the review service that other services react to (the service itself comes later)."""

from __future__ import annotations

from typing import ClassVar, Literal

from festival_events.contracts import Contract


class WorkReturned(Contract):
    """A school or region admin returned a submitted work to its student for fixes."""

    service: ClassVar[str] = "review"
    type: ClassVar[str] = "WorkReturned"
    submission_id: str
    submission_version: int
    level: Literal["school", "region"]
    reason_code: str
    reason: str
