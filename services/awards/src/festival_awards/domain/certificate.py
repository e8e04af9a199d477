"""Certificate: one printed award with a verification code anyone can check; revoked by a correction.

Codes are 12 characters of Crockford's base32 (no I, L, O, U), shown as XXXX-XXXX-XXXX: 60 random bits,
so guessing one is hopeless, and a misread 0/O or 1/I/L still finds it.
"""

from __future__ import annotations

import re
import secrets
import uuid
from datetime import datetime
from typing import Any

from eventsourcing.domain import event

from festival_kit.aggregate import FestivalAggregate

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SHAPE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{12}$")


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def normalise(text: str) -> str | None:
    """The canonical code of what someone typed, or None when it cannot be a code (too long, wrong letters)."""
    if len(text) > 20:
        return None
    raw = text.upper().replace("-", "").replace(" ", "").translate(_READ_AS)
    if not _SHAPE.match(raw):
        return None
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


class Certificate(FestivalAggregate):
    """What the certificate states, who may download it, and whether a correction revoked it."""

    SERVICE = "awards"

    @staticmethod
    def create_id(code: str, **_: Any) -> uuid.UUID:
        return Certificate.id_for(code)

    @staticmethod
    def id_for(code: str) -> uuid.UUID:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"festival:awards:certificate:{code}")

    @event("Issued")
    def __init__(self, code: str, edition: str, kind: str, award: str, work_id: str, work_title: str,
                 category: str, names: list[str], school_id: str, region_id: str, school_name: str,
                 region_name: str, student_id: str, award_event_id: str, awarded_at: datetime) -> None:
        self.code, self.edition, self.kind, self.award = code, edition, kind, award
        self.work_id, self.work_title, self.category, self.names = work_id, work_title, category, names
        self.school_id, self.region_id, self.school_name, self.region_name = school_id, region_id, school_name, \
            region_name
        self.student_id, self.award_event_id, self.awarded_at = student_id, award_event_id, awarded_at
        self.revoked_reason, self.replaced_by = "", ""
        self.revoked = False

    def revoke(self, reason: str, replaced_by: str) -> None:
        if not self.revoked:
            self._revoked(reason=reason, replaced_by=replaced_by)

    @event("Revoked")
    def _revoked(self, reason: str, replaced_by: str) -> None:
        self.revoked, self.revoked_reason, self.replaced_by = True, reason, replaced_by
