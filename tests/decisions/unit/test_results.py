"""Results from score sheets: each method against hand-computed figures, ranks that share ties, order-free."""

from __future__ import annotations

import math
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from festival_decisions.judging.results import Method, Sheet, WorkResult, compute_results, rank

# Three judges, four works.
#   A: W1 80, W2 60, W3 60, W4 80   mean 70, population sd 10, z = +1 -1 -1 +1
#   B: W1..W4 all 50                 mean 50, sd 0
#   C: W1 81, W2 61, W3 71           mean 71, three sheets
# Panel: 11 sheets summing to 693, mean 63. Deviations 17 -3 -3 17 | -13 ×4 | 18 -2 8, squares summing
# to 1664, so the panel sd is sqrt(1664 / 11) = 12.29930...
SHEETS = [Sheet("A", "W1", 80), Sheet("A", "W2", 60), Sheet("A", "W3", 60), Sheet("A", "W4", 80),
          Sheet("B", "W1", 50), Sheet("B", "W2", 50), Sheet("B", "W3", 50), Sheet("B", "W4", 50),
          Sheet("C", "W1", 81), Sheet("C", "W2", 61), Sheet("C", "W3", 71)]
PANEL_SD = math.sqrt(1664 / 11)
# Raw means: W1 (80+50+81)/3 = 70.3333, W2 (60+50+61)/3 = 57, W3 (60+50+71)/3 = 60.3333, W4 (80+50)/2 = 65.
RAW = {"W1": 70.3333, "W2": 57.0, "W3": 60.3333, "W4": 65.0}
RAW_RANK = {"W1": 1, "W4": 2, "W3": 3, "W2": 4}


def scores(results) -> dict[str, float]:
    return {r.work_id: r.score for r in results.works}


def test_raw_mean_is_the_mean_of_totals() -> None:
    results = compute_results(SHEETS, Method("raw_mean"))
    assert scores(results) == RAW
    assert {r.work_id: (r.rank, r.raw_rank, r.sheets) for r in results.works} == {
        "W1": (1, 1, 3), "W4": (2, 2, 2), "W3": (3, 3, 3), "W2": (4, 4, 3)}
    assert [r.work_id for r in results.works] == ["W1", "W4", "W3", "W2"]


def test_zscore_maps_each_judge_onto_the_panel_scale() -> None:
    # With z-scores from 4 sheets on: A contributes 63 ± sd; B (sd 0) 50 − 50 + 63 = 63 each;
    # C (3 sheets) total − 71 + 63: W1 73, W2 53, W3 63.
    results = compute_results(SHEETS, Method("zscore", min_sheets_for_zscore=4))
    assert scores(results) == {
        "W1": round((63 + PANEL_SD + 63 + 73) / 3, 4),   # 70.4331
        "W2": round((63 - PANEL_SD + 63 + 53) / 3, 4),   # 55.5669
        "W3": round((63 - PANEL_SD + 63 + 63) / 3, 4),   # 58.9002
        "W4": round((63 + PANEL_SD + 63) / 2, 4),        # 69.1496
    }
    assert scores(results) == {"W1": 70.4331, "W2": 55.5669, "W3": 58.9002, "W4": 69.1496}
    assert {r.work_id: r.raw_mean for r in results.works} == RAW


def test_zscore_by_default_shifts_judges_with_fewer_than_five_sheets() -> None:
    # Every judge has < 5 sheets: A gives 80 − 70 + 63 = 73 or 53, B 63, C 73 / 53 / 63.
    results = compute_results(SHEETS)
    assert results.method == Method() and results.rule == "judging.results/1"
    assert scores(results) == {"W1": round((73 + 63 + 73) / 3, 4), "W2": round((53 + 63 + 53) / 3, 4),
                               "W3": round((53 + 63 + 63) / 3, 4), "W4": 68.0}


def test_trimmed_mean_drops_one_highest_and_one_lowest() -> None:
    # From 3 sheets: W1 [50 80 81] → 80, W2 [50 60 61] → 60, W3 [50 60 71] → 60; W4 has 2 sheets → 65.
    results = compute_results(SHEETS, Method("trimmed_mean", trim_when_at_least=3))
    assert scores(results) == {"W1": 80.0, "W2": 60.0, "W3": 60.0, "W4": 65.0}
    assert {r.work_id: r.rank for r in results.works} == {"W1": 1, "W4": 2, "W2": 3, "W3": 3}
    assert [r.work_id for r in results.works] == ["W1", "W4", "W2", "W3"]
    assert scores(compute_results(SHEETS, Method("trimmed_mean"))) == RAW  # nobody has 5 sheets


def test_a_round_of_equal_totals_scores_everything_at_the_panel_mean() -> None:
    sheets = [Sheet(j, w, 77.5) for j in "ABCDEF" for w in ("W1", "W2")]
    results = compute_results(sheets, Method(min_sheets_for_zscore=1))
    assert results.works == (WorkResult("W1", 6, 77.5, 77.5, 1, 1), WorkResult("W2", 6, 77.5, 77.5, 1, 1))


def test_equal_scores_share_a_rank_and_the_next_rank_is_skipped() -> None:
    assert rank({"a": 90.0, "b": 85.0, "c": 85.0, "d": 70.0}) == {"a": 1, "b": 2, "c": 2, "d": 4}
    # Equal at four decimals is equal, whatever a fifth decimal says.
    assert rank({"x": 80.00001, "y": 80.00004, "z": 79.9}) == {"x": 1, "y": 1, "z": 3}
    assert rank({}) == {}


def test_unknown_methods_and_duplicate_sheets_are_refused() -> None:
    with pytest.raises(ValueError):
        Method("median")
    with pytest.raises(ValueError):
        compute_results([Sheet("A", "W1", 80), Sheet("A", "W1", 70)])


sheet_sets = st.lists(
    st.tuples(st.sampled_from("ABCDEFG"), st.sampled_from(["W1", "W2", "W3", "W4", "W5"]),
              st.integers(0, 1000).map(lambda tenths: tenths / 10)),
    unique_by=lambda t: t[:2], max_size=30,
).map(lambda rows: [Sheet(*row) for row in rows])


@settings(max_examples=100, deadline=None)
@given(sheet_sets, st.sampled_from(["raw_mean", "zscore", "trimmed_mean"]), st.randoms(use_true_random=False))
def test_the_order_of_sheets_never_changes_the_results(sheets, name, shuffler: random.Random) -> None:
    method = Method(name, min_sheets_for_zscore=3, trim_when_at_least=3)
    first = compute_results(sheets, method)
    shuffler.shuffle(sheets)
    assert compute_results(sheets, method) == first
    figures = [x for r in first.works for x in (r.score, r.raw_mean)]
    assert all(round(x, 4) == x for x in figures)
    assert [r.rank for r in first.works] == sorted(r.rank for r in first.works)
    assert rank({r.work_id: r.score for r in first.works}) == {r.work_id: r.rank for r in first.works}
