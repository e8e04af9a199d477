"""Judging rules at the size of a provincial round: assignment by min-cost flow, results under each method.

Run: uv run python bench/judging.py. Not run by CI. The instance is 600 works × 40 judges, k = 5, with a
conflict for every judge of a work's own region (11 regions, 3 judges without one). The baseline, timed
in the same run, is a greedy pass that gives each work its k least-loaded eligible judges.
"""

from __future__ import annotations

import random
import time
from collections import Counter

from festival_decisions.judging.assignment import ConflictRules, Judge, Work, assign, conflicts
from festival_decisions.judging.bias import bias_report
from festival_decisions.judging.results import Method, Sheet, compute_results

REGIONS = ["长春市", "吉林市", "四平市", "辽源市", "通化市", "白山市", "松原市", "白城市", "延边朝鲜族自治州",
           "长白山开发区", "梅河口市"]
WORKS, JUDGES, K, WITHOUT_REGION = 600, 40, 5, 3
RULES = ConflictRules(same_region=True, same_school=False, declared_persons=False)


def instance(rng: random.Random) -> tuple[list[Work], list[Judge]]:
    works = [Work(f"w{i:04d}", rng.choice(REGIONS), None, frozenset()) for i in range(WORKS)]
    judges = [Judge(f"j{i:02d}", None if i < WITHOUT_REGION else REGIONS[i % len(REGIONS)], None, frozenset())
              for i in range(JUDGES)]
    return works, judges


def greedy(works: list[Work], judges: list[Judge]) -> dict[str, int]:
    """Each work in turn takes its k least-loaded eligible judges: no optimisation."""
    loads = Counter({j.judge_id: 0 for j in judges})
    for work in works:
        eligible = [j.judge_id for j in judges if not conflicts(j, work, RULES)]
        for judge_id in sorted(eligible, key=lambda j: (loads[j], j))[:K]:
            loads[judge_id] += 1
    return loads


def spread(loads) -> str:
    loads = list(loads)
    return f"loads min {min(loads)} max {max(loads)} spread {max(loads) - min(loads)}"


def timed(function, *args):
    started = time.perf_counter()
    value = function(*args)
    return value, time.perf_counter() - started


def main() -> None:
    rng = random.Random(11)
    works, judges = instance(rng)
    result, flow_s = timed(assign, works, judges, K, RULES, "bench-seed")
    loads = [load for _, load in result.loads]
    greedy_loads, greedy_s = timed(greedy, works, judges)
    print(f"assignment {WORKS} works × {JUDGES} judges, k={K}, region conflicts over {len(REGIONS)} regions")
    print(f"  min-cost flow  {flow_s:7.3f} s   {spread(loads)}")
    print(f"  greedy         {greedy_s:7.3f} s   {spread(greedy_loads.values())}")
    print(f"  ratio flow / greedy: {flow_s / greedy_s:.1f}×")
    leniency = {j.judge_id: rng.gauss(0, 6) for j in judges}
    sheets = [Sheet(j, work_id, round(min(100, max(0, rng.gauss(70, 10) + leniency[j])), 1))
              for work_id, panel in result.panels for j in panel]
    print(f"results of {len(sheets)} sheets")
    for name in ("raw_mean", "zscore", "trimmed_mean"):
        results, seconds = timed(compute_results, sheets, Method(name))
        print(f"  {name:13s} {seconds:7.3f} s")
    report, seconds = timed(bias_report, sheets, results)
    print(f"  bias report   {seconds:7.3f} s   outlier judges {sum(j.outlier for j in report.judges)}")


if __name__ == "__main__":
    main()
