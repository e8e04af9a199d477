"""Choose k judges per work with the most even loads, as one min-cost flow (NetworkX network simplex).

The network: source → work (capacity k), work → each judge who may score it (capacity 1, cost = the
seeded tie-break), judge → sink through unit "slots" whose costs M·1, M·3, M·5, … are the marginal
costs of the sum of squared loads, scaled by M. Why the optimum is the fairest assignment:

- Sums of squares of integer loads with the same total all have the same parity, so two different
  load vectors differ by at least 2·M, while all tie-breaks together cost less than n·k·TIE_BREAK_RANGE
  = M. The load cost therefore dominates: the flow minimises Σ load², and uses the tie-break only among
  equally fair assignments (it equals max − min ≤ 1 when conflicts allow that).
- Slots cost more the fuller the judge, so the cheapest flow fills them in order (convex costs).
- Offering every judge one slot per eligible work makes the network large, so we offer
  ceil(n·k / judges) + 1 slots first. If no judge fills all of its slots, the extra slots could only
  replace a cheaper unused slot in any improving cycle, so the capped optimum is also the uncapped one;
  otherwise we double the cap and solve again. The answer is a function of the sorted inputs only.
"""

from __future__ import annotations

import math

import networkx as nx

from .eligibility import TIE_BREAK_RANGE, tie_break

SOURCE, SINK = ("source",), ("sink",)


def balanced_panels(
    eligible: dict[str, tuple[str, ...]], judge_ids: tuple[str, ...], k: int, seed: str
) -> dict[str, tuple[str, ...]]:
    """k judges for each work (work id → sorted judge ids); every work must have ≥ k eligible judges."""
    if not eligible:
        return {}
    scale = len(eligible) * k * TIE_BREAK_RANGE
    reach = {judge_id: 0 for judge_id in judge_ids}
    for candidates in eligible.values():
        for judge_id in candidates:
            reach[judge_id] += 1
    cap = math.ceil(len(eligible) * k / len(judge_ids)) + 1
    while True:
        panels = _solve(eligible, reach, k, seed, scale, cap)
        if panels is not None and not _saturated(panels, reach, cap):
            return panels
        cap *= 2  # terminates: once cap ≥ every reach, no judge can be saturated and the flow exists


def _solve(eligible, reach, k, seed, scale, cap) -> dict[str, tuple[str, ...]] | None:
    graph = nx.MultiDiGraph()
    supply = len(eligible) * k
    graph.add_node(SOURCE, demand=-supply)
    graph.add_node(SINK, demand=supply)
    for work_id, candidates in eligible.items():
        graph.add_edge(SOURCE, ("work", work_id), capacity=k, weight=0)
        for judge_id in candidates:
            cost = tie_break(seed, work_id, judge_id)
            graph.add_edge(("work", work_id), ("judge", judge_id), capacity=1, weight=cost)
    for judge_id, count in reach.items():
        for slot in range(1, min(cap, count) + 1):
            graph.add_edge(("judge", judge_id), SINK, capacity=1, weight=scale * (2 * slot - 1))
    try:
        _, flow = nx.network_simplex(graph)
    except nx.NetworkXUnfeasible:
        return None  # the cap was too tight for the conflicts: the caller widens it
    return {
        work_id: tuple(j for j in candidates if flow[("work", work_id)][("judge", j)][0] == 1)
        for work_id, candidates in eligible.items()
    }


def _saturated(panels: dict[str, tuple[str, ...]], reach: dict[str, int], cap: int) -> bool:
    loads = dict.fromkeys(reach, 0)
    for panel in panels.values():
        for judge_id in panel:
            loads[judge_id] += 1
    return any(loads[j] == cap and reach[j] > cap for j in reach)
