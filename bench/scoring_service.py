"""The scoring service's own commands at provincial size, against the pure rules they call (same run).

Run: uv run python bench/scoring_service.py. Not run by CI. In an in-memory store (eventsourcing.popo, so the
figure is the application's work, not SQLite's): 600 qualified works × 40 judges (11 regions), k = 5;
`assign` (flow + 3,000 JudgeAssigned sheets created), 3,000 sheets drafted and submitted one by one (the last
computes the results), then the province closes the round (final results). Baselines: the pure assignment
and results functions on the same inputs.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "tests" / "scoring"))
from judging_feed import PROVINCE, Feeder, judge_cause, shanghai  # noqa: E402

from festival_decisions.judging import assignment, results  # noqa: E402
from festival_scoring.application import ScoringApplication  # noqa: E402
from festival_scoring.domain.sheet import ScoreSheet  # noqa: E402

REGIONS = ["changchun", "jilin", "siping", "liaoyuan", "tonghua", "baishan", "songyuan", "baicheng", "yanbian",
           "changbaishan", "meihekou"]
WORKS, JUDGES = 600, 40


def timed(label: str, run):
    started = time.perf_counter()
    value = run()
    elapsed = time.perf_counter() - started
    print(f"{label:<58} {elapsed:8.2f} s")
    return value, elapsed


def main() -> None:
    app = ScoringApplication(env={"PERSISTENCE_MODULE": "eventsourcing.popo"})
    feed = Feeder(app)
    feed.edition()
    feed.phase("JudgingOpened", shanghai(2023, 8, 1))
    for i in range(JUDGES):
        feed.judge(f"judge-{i:02d}", region=REGIONS[i % len(REGIONS)])
    for i in range(WORKS):
        feed.qualified_work(f"work-{i:04d}", region=REGIONS[(i * 7) % len(REGIONS)], school=f"school-{i % 90}")
    rnd = app.open_round(PROVINCE, "documentary")
    app.appoint_judges(PROVINCE, str(rnd.id), [f"judge-{i:02d}" for i in range(JUDGES)])
    works = [app.entrant(w).eligible() for w in app.entrants("11").of("documentary")]
    judges = [app.judge(j).eligible() for j in app.round(str(rnd.id)).judge_ids]
    rules = assignment.ConflictRules()
    _, pure_assign = timed("baseline: pure assign() (600 x 40, k=5)",
                           lambda: assignment.assign(works, judges, 5, rules, "seed"))
    rnd, service_assign = timed("service: assign (flow + 3,000 sheets created and saved)",
                                lambda: app.assign(PROVINCE, str(rnd.id)))
    loads = [sum(j in p for p in rnd.panels.values()) for j in rnd.judge_ids]
    print(f"  loads min {min(loads)} max {max(loads)} spread {max(loads) - min(loads)}")
    points = {"scientific": 20, "professional": 15, "story": 15, "artistry": 14, "technique": 8}

    def score_all() -> None:
        for n, (work_id, judge_id) in enumerate(rnd.active_pairs()):
            sheet_id = str(ScoreSheet.id_for(str(rnd.id), work_id, judge_id))
            app.save_sheet(judge_cause(judge_id), sheet_id, {**points, "story": n % 21})
            app.submit_sheet(judge_cause(judge_id), sheet_id)

    _, scoring = timed("service: 3,000 sheets drafted + submitted (results at the last)", score_all)
    print(f"  per sheet (draft + submit): {scoring / 3000 * 1000:.2f} ms")
    closed, closing = timed("service: close the round (final results of 3,000 sheets)",
                            lambda: app.close_round(PROVINCE, str(rnd.id), "bench"))
    sheets = [results.Sheet(s["judge_id"], s["work_id"], s["total"]) for s in closed.results["sheets"]]
    _, pure_results = timed("baseline: pure compute_results() of the same 3,000 sheets",
                            lambda: results.compute_results(sheets, results.Method()))
    print(f"ratio assign service / pure: {service_assign / pure_assign:.2f}")
    print(f"ratio close service / pure results: {closing / pure_results:.1f}")


if __name__ == "__main__":
    main()
