"""Who may score which work: the conflicts of interest a round recognises, and the seeded tie-break.

A judge does not score a work of their own region or school, nor one whose creators or advisors they
declared they know. The tie-break orders equally good choices by a hash of (seed, work, judge), so a
recorded seed reproduces the choice and a new seed usually picks another among equals.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Iterable

# Large enough that two candidates rarely share a value, small enough to stay cheap as a flow cost.
TIE_BREAK_RANGE = 1 << 16


@dataclass(frozen=True)
class Judge:
    """A judge of the round: their region and school (None when they have none) and whom they know."""

    judge_id: str
    region_id: str | None
    school_id: str | None
    declared: frozenset[str]

    def __post_init__(self) -> None:
        # Decoded JSON gives lists; a frozen value must hold a frozenset to stay hashable.
        object.__setattr__(self, "declared", frozenset(self.declared))


@dataclass(frozen=True)
class Work:
    """A qualified work of the round: its region, its school and the names of its creators and advisors."""

    work_id: str
    region_id: str | None
    school_id: str | None
    people: frozenset[str]

    def __post_init__(self) -> None:
        object.__setattr__(self, "people", frozenset(self.people))


@dataclass(frozen=True)
class ConflictRules:
    """Which conflicts of interest the edition applies when assigning judges."""

    same_region: bool = True
    same_school: bool = True
    declared_persons: bool = True


def conflicts(judge: Judge, work: Work, rules: ConflictRules) -> tuple[str, ...]:
    """The reasons `judge` may not score `work` under `rules`; empty when the judge is eligible."""
    reasons = []
    # A missing region or school is "unknown", not a shared one: it never makes a conflict.
    if rules.same_region and judge.region_id and judge.region_id == work.region_id:
        reasons.append("same_region")
    if rules.same_school and judge.school_id and judge.school_id == work.school_id:
        reasons.append("same_school")
    if rules.declared_persons and judge.declared & work.people:
        reasons.append("declared_person")
    return tuple(reasons)


def may_score(
    judge: Judge, work: Work, rules: ConflictRules, excluded: frozenset[tuple[str, str]]
) -> bool:
    """Whether `judge` may score `work`: no conflict, and the pair is not excluded on the record."""
    return (work.work_id, judge.judge_id) not in excluded and not conflicts(judge, work, rules)


def tie_break(seed: str, work_id: str, judge_id: str) -> int:
    """A deterministic number in [0, TIE_BREAK_RANGE) that orders equally good judges for a work."""
    # JSON keeps the three fields apart whatever characters the ids contain.
    digest = hashlib.sha256(json.dumps([seed, work_id, judge_id]).encode()).digest()
    return int.from_bytes(digest[:8], "big") % TIE_BREAK_RANGE


def by_id(items: Iterable, id_field: str) -> tuple:
    """The items sorted by their id, refusing two with the same id (their order must not matter)."""
    ordered = tuple(sorted(items, key=lambda item: getattr(item, id_field)))
    ids = [getattr(item, id_field) for item in ordered]
    if len(set(ids)) != len(ids):
        raise ValueError(f"duplicate {id_field} in the input")
    return ordered
