"""Award lists at the size of a provincial category: tiers, ranks and the fragility check.

Run: uv run python bench/awards.py [works]. Not run by CI. A category of 200 works (600 for a whole edition
ranked together) × 5 sheets from 40 judges, z-score normalisation. The fragility check recomputes the
round's results once per sheet (leave one out), so its cost is sheets × one results computation; the
baseline, timed in the same run, is the tiers alone (assign_tiers on the recorded scores) and one
results computation.
"""

from __future__ import annotations

import random
import sys
import time

from festival_decisions.awards.award_list import RoundInput, award_list
from festival_decisions.awards.tiers import assign_tiers
from festival_decisions.judging.results import Method, Sheet, compute_results

ORDER = ("best", "excellent", "finalist")
RATIOS = {"best": 0.2, "excellent": 0.3, "finalist": 0.5}


def timed(call, repeat: int = 1) -> tuple[float, object]:
    start = time.perf_counter()
    for _ in range(repeat):
        result = call()
    return (time.perf_counter() - start) / repeat, result


def main(works: int) -> None:
    rng = random.Random(11)
    judges = [f"J{j:02d}" for j in range(40)]
    sheets = [Sheet(j, f"W{w:04d}", rng.randint(55, 98)) for w in range(works) for j in rng.sample(judges, 5)]
    method = Method("zscore")
    one, results = timed(lambda: compute_results(sheets, method), 5)
    rows = tuple({"work_id": r.work_id, "score": r.score, "raw_mean": r.raw_mean} for r in results.works)
    tiers, _ = timed(lambda: assign_tiers(((r["work_id"], r["score"]) for r in rows), RATIOS, ORDER), 20)
    rnd = RoundInput("R1", "documentary", "e1", True, method, tuple(sheets), rows)
    whole, listed = timed(lambda: award_list([rnd], {r["work_id"] for r in rows}, RATIOS, ORDER))
    fragile = sum(1 for w in listed["works"] if w["fragile"])
    print(f"{works} works, {len(sheets)} sheets: award list with fragility {whole:.2f} s; "
          f"baselines: tiers alone {tiers * 1000:.2f} ms, one results computation {one * 1000:.1f} ms "
          f"(list = {whole / one:.0f} results computations for {len(sheets)} sheets)")
    print(f"counts {listed['counts']}, awarded {listed['awarded']}, fragile {fragile} of {works}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
