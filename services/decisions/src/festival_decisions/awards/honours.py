"""优秀指导教师奖 (通知 四.3): every advisor of a 最佳作品 is honoured once, with all their best works.

An advisor is one person across works when the name (compared as festival_decisions.names does) and the
phone number's digits are the same; the key is a digest, so the log never needs the phone to name them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Iterable, Mapping

from festival_decisions.names import person

__all__ = ["RULE", "Advisor", "AdvisorHonour", "advisor_honours", "advisor_key"]

RULE = "awards.advisors/1"


@dataclass(frozen=True)
class Advisor:
    """An advisor as the work's form names them."""

    name: str
    school: str
    phone: str


@dataclass(frozen=True)
class AdvisorHonour:
    """One honoured advisor and the best works they advised, sorted."""

    key: str
    name: str
    school: str
    work_ids: tuple[str, ...]


def advisor_key(advisor: Advisor) -> str:
    digits = "".join(ch for ch in advisor.phone if ch.isdigit())
    return hashlib.sha256(f"{person(advisor.name)}|{digits}".encode()).hexdigest()[:16]


def advisor_honours(best_works: Mapping[str, Iterable[Advisor]]) -> list[AdvisorHonour]:
    """One honour per advisor of the best works (work id -> its advisors), sorted by key."""
    found: dict[str, tuple[Advisor, set[str]]] = {}
    for work_id, advisors in sorted(best_works.items()):
        for advisor in advisors:
            first, works = found.setdefault(advisor_key(advisor), (advisor, set()))
            works.add(work_id)
    return [AdvisorHonour(key, person(a.name), a.school, tuple(sorted(works)))
            for key, (a, works) in sorted(found.items())]
