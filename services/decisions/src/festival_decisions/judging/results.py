"""Results of a round from its score sheets: each work's raw mean, its normalised score and its rank.

Every sheet contributes one value on the raw scale and a work's score is the mean of its sheets'
contributions; the method decides the contribution. Figures are rounded to 4 decimals and ranks are
compared on the rounded figures, so what the event records is exactly what was ranked.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Literal

from .sheets import Sheet, canonical_sheets, totals_by
from .stats import four_places, is_flat, mean, population_sd

__all__ = ["METHODS", "RULE", "Method", "Results", "Sheet", "WorkResult", "compute_results", "rank"]

RULE = "judging.results/1"
METHODS = ("raw_mean", "zscore", "trimmed_mean")


@dataclass(frozen=True)
class Method:
    """How sheets become a score: the plain mean, a per-judge z-score, or a mean trimmed of extremes."""

    name: Literal["raw_mean", "zscore", "trimmed_mean"] = "zscore"
    min_sheets_for_zscore: int = 5
    trim_when_at_least: int = 5

    def __post_init__(self) -> None:
        if self.name not in METHODS:
            raise ValueError(f"unknown method {self.name!r}")
        if self.min_sheets_for_zscore < 1 or self.trim_when_at_least < 3:
            raise ValueError("z-scores need at least 1 sheet and trimming at least 3")


@dataclass(frozen=True)
class WorkResult:
    """A work's result: sheets counted, raw mean, score under the method, and the ranks by each."""

    work_id: str
    sheets: int
    raw_mean: float
    score: float
    rank: int
    raw_rank: int


@dataclass(frozen=True)
class Results:
    """The results of a round under one method, sorted by (rank, work id)."""

    rule: str
    method: Method
    works: tuple[WorkResult, ...]


def compute_results(sheets: Iterable[Sheet], method: Method = Method()) -> Results:
    """Score and rank every work that has sheets; the same sheets in any order give the same Results."""
    sheets = canonical_sheets(sheets)
    if not sheets:
        return Results(RULE, method, ())
    totals = totals_by(sheets, "work_id")
    raw = {work_id: four_places(mean(values)) for work_id, values in totals.items()}
    scores = {work_id: four_places(value) for work_id, value in _scores(sheets, method).items()}
    ranks, raw_ranks = rank(scores), rank(raw)
    works = (
        WorkResult(w, len(totals[w]), raw[w], scores[w], ranks[w], raw_ranks[w]) for w in totals
    )
    return Results(RULE, method, tuple(sorted(works, key=lambda r: (r.rank, r.work_id))))


def rank(scores: dict[str, float]) -> dict[str, int]:
    """Competition ranks ("1224") of scores compared at 4 decimals, the highest first; ties share a rank."""
    rounded = {key: four_places(value) for key, value in scores.items()}
    ordered = sorted(rounded.values(), reverse=True)
    first = {}
    for place, value in enumerate(ordered, start=1):
        first.setdefault(value, place)
    return {key: first[value] for key, value in rounded.items()}


def _scores(sheets: tuple[Sheet, ...], method: Method) -> dict[str, float]:
    totals = totals_by(sheets, "work_id")
    if method.name == "raw_mean":
        return {work_id: mean(values) for work_id, values in totals.items()}
    if method.name == "trimmed_mean":
        return {work_id: _trimmed_mean(values, method) for work_id, values in totals.items()}
    contributions = _zscore_contributions(sheets, method)
    by_work = defaultdict(list)
    for sheet, value in zip(sheets, contributions):
        by_work[sheet.work_id].append(value)
    return {work_id: mean(values) for work_id, values in by_work.items()}


def _trimmed_mean(values: list[float], method: Method) -> float:
    if len(values) < method.trim_when_at_least:
        return mean(values)
    return mean(sorted(values)[1:-1])


def _zscore_contributions(sheets: tuple[Sheet, ...], method: Method) -> list[float]:
    """Each sheet on the raw scale: panel_mean + z × panel_sd against its judge's own mean and spread.

    A judge with fewer than `min_sheets_for_zscore` sheets, or whose totals are all equal, has no
    usable spread; their sheets contribute total − judge_mean + panel_mean (their leniency is removed,
    their spread kept). When every total of the round is equal, every z-score contribution is panel_mean.
    """
    all_totals = [sheet.total for sheet in sheets]
    panel_mean, panel_sd = mean(all_totals), population_sd(all_totals)
    by_judge = totals_by(sheets, "judge_id")
    judge_mean = {judge_id: mean(values) for judge_id, values in by_judge.items()}
    judge_sd = {judge_id: population_sd(values) for judge_id, values in by_judge.items()}
    contributions = []
    for sheet in sheets:
        values = by_judge[sheet.judge_id]
        centre, spread = judge_mean[sheet.judge_id], judge_sd[sheet.judge_id]
        if len(values) < method.min_sheets_for_zscore or is_flat(values):
            contributions.append(sheet.total - centre + panel_mean)
        elif panel_sd == 0:
            contributions.append(panel_mean)
        else:
            contributions.append(panel_mean + (sheet.total - centre) / spread * panel_sd)
    return contributions
