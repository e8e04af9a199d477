"""Fair assignment of k judges to every work of a round, and the replacement of a judge who withdraws.

`assign` is the rule the scoring service records (with its seed and RULE) and the auditor re-runs:
every work gets exactly k distinct judges who may score it, with loads as even as the conflicts allow.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from .balanced_flow import balanced_panels
from .eligibility import ConflictRules, Judge, Work, by_id, conflicts, may_score, tie_break

__all__ = [
    "RULE", "Assignment", "ConflictRules", "Infeasible", "Judge", "Work",
    "assign", "conflicts", "replace_judge",
]

RULE = "judging.assignment/1"


@dataclass(frozen=True)
class Assignment:
    """The panels of a round (work id → sorted judge ids, by work id) and every judge's load."""

    rule: str
    seed: str
    k: int
    panels: tuple[tuple[str, tuple[str, ...]], ...]
    loads: tuple[tuple[str, int], ...]

    def panel(self, work_id: str) -> tuple[str, ...]:
        """The judges assigned to `work_id` (KeyError for a work not in the round)."""
        return dict(self.panels)[work_id]

    def load_spread(self) -> int:
        """The most-loaded judge's number of works minus the least-loaded judge's."""
        counts = [load for _, load in self.loads]
        return max(counts) - min(counts)


@dataclass(frozen=True)
class Infeasible:
    """No complete assignment exists: the works with fewer than k eligible judges, and how many they have."""

    rule: str
    reasons: tuple[tuple[str, int], ...]


def assign(
    works: Iterable[Work],
    judges: Iterable[Judge],
    k: int,
    rules: ConflictRules,
    seed: str,
    excluded: frozenset[tuple[str, str]] = frozenset(),
) -> Assignment | Infeasible:
    """k distinct eligible judges per work with the most even loads, or why that is impossible."""
    works, judges = by_id(works, "work_id"), by_id(judges, "judge_id")
    if k < 1:
        raise ValueError("k must be at least 1")
    if not judges:
        raise ValueError("a round needs judges")
    eligible = {
        work.work_id: tuple(j.judge_id for j in judges if may_score(j, work, rules, excluded))
        for work in works
    }
    # Loads are uncapped, so a work that has k eligible judges can always take them: this is exact.
    lacking = tuple((work_id, len(ids)) for work_id, ids in eligible.items() if len(ids) < k)
    if lacking:
        return Infeasible(RULE, lacking)
    judge_ids = tuple(j.judge_id for j in judges)
    panels = balanced_panels(eligible, judge_ids, k, seed)
    return Assignment(RULE, seed, k, tuple(panels.items()), _loads(panels, judge_ids))


def replace_judge(
    assignment: Assignment | dict[str, tuple[str, ...]],
    work_id: str,
    leaving_judge_id: str,
    works: Iterable[Work],
    judges: Iterable[Judge],
    rules: ConflictRules,
    seed: str,
    excluded: frozenset[tuple[str, str]] = frozenset(),
) -> str | None:
    """The judge who takes `leaving_judge_id`'s place on `work_id`: least loaded, then by tie-break."""
    panels = dict(assignment.panels) if isinstance(assignment, Assignment) else dict(assignment)
    work = {w.work_id: w for w in by_id(works, "work_id")}[work_id]
    judges = by_id(judges, "judge_id")
    loads = dict(_loads(panels, tuple(j.judge_id for j in judges)))
    taken = set(panels.get(work_id, ())) | {leaving_judge_id}
    candidates = [
        j.judge_id for j in judges if j.judge_id not in taken and may_score(j, work, rules, excluded)
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda j: (loads[j], tie_break(seed, work_id, j), j))


def _loads(panels: dict[str, tuple[str, ...]], judge_ids: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    counted = Counter(judge_id for panel in panels.values() for judge_id in panel)
    return tuple((judge_id, counted[judge_id]) for judge_id in judge_ids)
