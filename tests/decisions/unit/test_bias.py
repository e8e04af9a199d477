"""The judge-bias report: a lenient judge is flagged, and the ranks that normalisation moved are shown."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from festival_decisions.judging.bias import OUTLIER_SPREADS, JudgeBias, RankMove, bias_report
from festival_decisions.judging.results import Sheet, compute_results

# Four judges N1-N4 score all six works at their quality; L scores only W5 and W6, 20 points higher.
QUALITY = {"W1": 70, "W2": 68, "W3": 66, "W4": 64, "W5": 62, "W6": 60}
SHEETS = [Sheet(j, w, q) for j in ("N1", "N2", "N3", "N4") for w, q in QUALITY.items()] + [
    Sheet("L", "W5", 82), Sheet("L", "W6", 80)]


def test_a_judge_twenty_points_above_everyone_is_flagged() -> None:
    report = bias_report(SHEETS, compute_results(SHEETS))
    # Panel mean (4 × 390 + 162) / 26 = 66.2308. Judges' means 65, 65, 65, 65, 81: their mean 68.2,
    # population sd sqrt((4 × 3.2² + 12.8²) / 5) = 6.4. L: 81 − 66.2308 = 14.7692 > 1.5 × 6.4.
    assert (report.panel_mean, report.panel_spread, report.rule) == (66.2308, 6.4, "judging.bias/1")
    assert report.judges[0] == JudgeBias("L", 2, 81.0, 1.0, 14.7692, True)
    # N's totals 70 … 60: deviations ±5 ±3 ±1, sd sqrt(70 / 6) = 3.4157; 65 − 66.2308 = −1.2308.
    assert report.judges[1:] == tuple(JudgeBias(j, 6, 65.0, 3.4157, -1.2308, False)
                                      for j in ("N1", "N2", "N3", "N4"))


def test_the_rank_moves_show_what_normalisation_changed() -> None:
    # Raw: L lifts W5 to 66 (tied 3rd with W3) and W6 to 64 (tied 5th with W4). Normalised, L's two
    # sheets (fewer than 5) only keep their ±1 around L's own mean, so W5 and W6 fall back below W4.
    report = bias_report(SHEETS, compute_results(SHEETS))
    assert report.works == (RankMove("W5", 3, 5, -2), RankMove("W4", 5, 4, 1), RankMove("W6", 5, 6, -1),
                            RankMove("W1", 1, 1, 0), RankMove("W2", 2, 2, 0), RankMove("W3", 3, 3, 0))


def test_the_threshold_can_be_raised_and_a_flat_panel_flags_nobody() -> None:
    results = compute_results(SHEETS)
    assert OUTLIER_SPREADS == 1.5
    relaxed = bias_report(SHEETS, results, outlier_spreads=3.0)  # 14.7692 < 3 × 6.4
    assert relaxed.outlier_spreads == 3.0 and not any(j.outlier for j in relaxed.judges)
    flat = [Sheet(j, w, 70) for j in ("A", "B", "C", "D") for w in ("W1", "W2")]
    report = bias_report(flat, compute_results(flat))
    assert report.panel_spread == 0 and not any(j.outlier for j in report.judges)


def test_no_sheets_no_report() -> None:
    report = bias_report([], compute_results([]))
    assert (report.judges, report.works, report.panel_mean) == ((), (), 0.0)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("ABCDE"), st.sampled_from(["W1", "W2", "W3", "W4"]),
                          st.integers(0, 100)), unique_by=lambda t: t[:2], max_size=20),
       st.randoms(use_true_random=False))
def test_the_order_of_sheets_never_changes_the_report(rows, shuffler: random.Random) -> None:
    sheets = [Sheet(*row) for row in rows]
    first = bias_report(sheets, compute_results(sheets))
    shuffler.shuffle(sheets)
    assert bias_report(sheets, compute_results(sheets)) == first
    assert [j.judge_id for j in first.judges] == sorted(j.judge_id for j in first.judges)
    assert all(m.moved == m.raw_rank - m.rank for m in first.works)
