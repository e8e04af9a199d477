"""Which awards hang by a thread: the tier moves if one judge's sheet is left out, or under raw scores.

A work is fragile when (a) recomputing the round's results without any single sheet, with the same
method, gives it another tier — the sheet is named, so the province can look at it — or (b) tiers by
raw means differ from tiers by the final (normalised) scores. Results come from festival_decisions.judging,
so the check uses exactly the arithmetic that produced the scores.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from festival_decisions.awards.tiers import assign_tiers
from festival_decisions.judging.results import Method, compute_results
from festival_decisions.judging.sheets import Sheet, canonical_sheets

__all__ = ["RULE", "Fragility", "fragility"]

RULE = "awards.fragility/1"


@dataclass(frozen=True)
class Fragility:
    """Per fragile work: the tier under raw means (when it differs) and the sheets whose removal moves it."""

    raw_tier: dict[str, str]
    sheets: dict[str, tuple[tuple[str, str, str], ...]]  # work -> ((sheet's work, sheet's judge, tier then), ...)

    def flagged(self) -> list[str]:
        return sorted({*self.raw_tier, *self.sheets})


Round = tuple[Sequence[Sheet], Method]


def fragility(rounds: Sequence[Round], ratios: Mapping[str, float], order: Sequence[str],
              tier_of: Mapping[str, str]) -> Fragility:
    """Compare `tier_of` (the awarded tiers) with each leave-one-out and with raw means.

    Only the works of `tier_of` are ranked (a disqualified work's sheets still count in its judges'
    normalisation, as they did in the results)."""
    rounds = [(canonical_sheets(sheets), method) for sheets, method in rounds]
    full = [compute_results(sheets, method).works for sheets, method in rounds]
    by_raw = assign_tiers(((r.work_id, r.raw_mean) for works in full for r in works if r.work_id in tier_of),
                          ratios, order).tier_of
    raw_tier = {w: by_raw[w] for w, t in tier_of.items() if w in by_raw and by_raw[w] != t}
    moved: dict[str, list[tuple[str, str, str]]] = {}
    for n, (sheets, method) in enumerate(rounds):
        others = [(r.work_id, r.score) for m, works in enumerate(full) if m != n
                  for r in works if r.work_id in tier_of]
        for i, left_out in enumerate(sheets):
            results = compute_results(sheets[:i] + sheets[i + 1:], method)
            scores = others + [(r.work_id, r.score) for r in results.works if r.work_id in tier_of]
            tiers = assign_tiers(scores, ratios, order).tier_of
            for work_id, tier in tier_of.items():
                then = tiers.get(work_id, "")
                if then != tier:
                    moved.setdefault(work_id, []).append((left_out.work_id, left_out.judge_id, then))
    return Fragility(raw_tier, {w: tuple(v) for w, v in sorted(moved.items())})
