"""Award tiers from final scores (通知 四.1-2): 最佳 20 %, 优秀 30 %, 入围 50 % of the rated works.

Counts come from the largest-remainder method on exact fractions of the ratios, so they always add up to
the number of works and each is within one work of its exact share; equal remainders go to the later tier,
so a scarcer tier never exceeds its share by rounding alone. Works are ordered by score (4 decimals, as
results record them); works that tie across a boundary share the higher tier: that tier grows and the next
one shrinks (the cumulative boundary stays where the counts put it). The last tier takes every work left,
so every rated work gets one. Input order never changes the outcome.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Iterable, Mapping, Sequence

__all__ = ["RULE", "BoundaryTie", "Tiers", "assign_tiers", "tier_counts"]

RULE = "awards.tiers/1"


@dataclass(frozen=True)
class BoundaryTie:
    """Works of equal score that straddled a boundary and all took the higher tier."""

    tier: str
    score: float
    work_ids: tuple[str, ...]
    grew_by: int  # works above the tier's count because of the tie


@dataclass(frozen=True)
class Tiers:
    """Each work's tier, the counts the method gave, and where ties moved a boundary."""

    rule: str
    counts: dict[str, int]  # by the largest-remainder method
    awarded: dict[str, int]  # after ties
    tier_of: dict[str, str]
    ties: tuple[BoundaryTie, ...]


def tier_counts(n: int, ratios: Mapping[str, float], order: Sequence[str]) -> dict[str, int]:
    """How many of n works each tier gets, in `order`; the counts add up to n."""
    if n < 0 or not order or set(order) != set(ratios):
        raise ValueError("ratios must name exactly the tiers in order, and n must not be negative")
    exact = {t: Fraction(str(ratios[t])) for t in order}
    if any(v < 0 for v in exact.values()) or sum(exact.values()) == 0:
        raise ValueError("ratios must be non-negative and not all zero")
    total = sum(exact.values())
    quotas = {t: n * exact[t] / total for t in order}
    counts = {t: int(quotas[t]) for t in order}
    left = n - sum(counts.values())
    by_remainder = sorted(order, key=lambda t: (-(quotas[t] - counts[t]), -order.index(t)))
    for t in by_remainder[:left]:
        counts[t] += 1
    return counts


def assign_tiers(scores: Iterable[tuple[str, float]], ratios: Mapping[str, float], order: Sequence[str]) -> Tiers:
    """Tiers of (work id, score) pairs; the same pairs in any order give the same Tiers."""
    ranked = sorted(((round(s, 4), w) for w, s in scores), key=lambda p: (-p[0], p[1]))
    if len({w for _, w in ranked}) != len(ranked):
        raise ValueError("a work appears twice")
    counts = tier_counts(len(ranked), ratios, order)
    tier_of: dict[str, str] = {}
    ties: list[BoundaryTie] = []
    start, boundary = 0, 0
    for tier in order:
        boundary += counts[tier]
        end = len(ranked) if tier == order[-1] else max(start, boundary)
        while 0 < end < len(ranked) and end > start and ranked[end][0] == ranked[end - 1][0]:
            end += 1
        if end > max(start, boundary) and tier != order[-1]:
            score = ranked[end - 1][0]
            ties.append(BoundaryTie(tier, score, tuple(w for s, w in ranked[start:end] if s == score),
                                    end - max(start, boundary)))
        tier_of.update((w, tier) for _, w in ranked[start:end])
        start = end
    awarded = {t: sum(1 for v in tier_of.values() if v == t) for t in order}
    return Tiers(RULE, counts, awarded, dict(sorted(tier_of.items())), tuple(ties))
