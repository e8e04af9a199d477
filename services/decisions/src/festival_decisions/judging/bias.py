"""The judge-bias report: how far each judge sits from the panel, and which ranks normalisation moved.

It shows the committee the raw figures beside the normalised results, so a rank that depends on
normalisation is visible rather than hidden inside the score.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .results import Results
from .sheets import Sheet, canonical_sheets, totals_by
from .stats import four_places, mean, population_sd

RULE = "judging.bias/1"
# A judge whose mean is further from the panel's than this many spreads of the judges' means is flagged.
OUTLIER_SPREADS = 1.5


@dataclass(frozen=True)
class JudgeBias:
    """One judge's sheets, mean, spread of totals, distance from the panel mean, and whether it is an outlier."""

    judge_id: str
    sheets: int
    mean: float
    spread: float
    deviation: float
    outlier: bool


@dataclass(frozen=True)
class RankMove:
    """A work's rank by raw mean and by the method; `moved` > 0 means normalisation lifted it."""

    work_id: str
    raw_rank: int
    rank: int
    moved: int


@dataclass(frozen=True)
class BiasReport:
    """Panel figures, every judge by id, and every work by how far its rank moved (most first)."""

    rule: str
    outlier_spreads: float
    panel_mean: float
    panel_spread: float
    judges: tuple[JudgeBias, ...]
    works: tuple[RankMove, ...]


def bias_report(
    sheets: Iterable[Sheet], results: Results, outlier_spreads: float = OUTLIER_SPREADS
) -> BiasReport:
    """The bias report of a round from its sheets and the results computed from them."""
    sheets = canonical_sheets(sheets)
    by_judge = totals_by(sheets, "judge_id")
    if not by_judge:
        return BiasReport(RULE, outlier_spreads, 0.0, 0.0, (), ())
    panel_mean = four_places(mean([sheet.total for sheet in sheets]))
    panel_spread = four_places(population_sd([mean(values) for values in by_judge.values()]))
    judges = tuple(
        _judge_bias(judge_id, values, panel_mean, panel_spread, outlier_spreads)
        for judge_id, values in by_judge.items()
    )
    moves = (RankMove(r.work_id, r.raw_rank, r.rank, r.raw_rank - r.rank) for r in results.works)
    works = tuple(sorted(moves, key=lambda move: (-abs(move.moved), move.work_id)))
    return BiasReport(RULE, outlier_spreads, panel_mean, panel_spread, judges, works)


def _judge_bias(judge_id, values, panel_mean, panel_spread, outlier_spreads) -> JudgeBias:
    judge_mean = four_places(mean(values))
    deviation = four_places(judge_mean - panel_mean)
    # Compared on the rounded figures, so anyone can check the flag from the report itself.
    outlier = panel_spread > 0 and abs(deviation) > outlier_spreads * panel_spread
    return JudgeBias(
        judge_id, len(values), judge_mean, four_places(population_sd(values)), deviation, outlier
    )
