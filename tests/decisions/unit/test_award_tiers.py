"""Award tiers: largest-remainder counts, ties that share the higher tier, order-free; fragility; advisors."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from festival_decisions.awards.fragility import fragility
from festival_decisions.awards.honours import Advisor, advisor_honours
from festival_decisions.awards.tiers import assign_tiers, tier_counts
from festival_decisions.judging.results import Method, Sheet, compute_results

ORDER = ("best", "excellent", "finalist")
RATIOS = {"best": 0.2, "excellent": 0.3, "finalist": 0.5}


@pytest.mark.parametrize("n, expected", [(0, (0, 0, 0)), (1, (0, 0, 1)), (5, (1, 1, 3)), (7, (1, 2, 4)),
                                         (10, (2, 3, 5)), (11, (2, 3, 6))])
def test_counts_by_largest_remainder(n, expected):
    counts = tier_counts(n, RATIOS, ORDER)
    assert tuple(counts[t] for t in ORDER) == expected


def test_thirteen_works_exactly():
    # quotas 2.6, 3.9, 6.5: floors 2+3+6 = 11, two seats left, to the remainders 0.9 and 0.6.
    assert tier_counts(13, RATIOS, ORDER) == {"best": 3, "excellent": 4, "finalist": 6}


def test_equal_remainders_go_to_the_later_tier():
    # 5 works: quotas 1, 1.5, 2.5; one seat left between excellent and finalist → finalist.
    assert tier_counts(5, RATIOS, ORDER) == {"best": 1, "excellent": 1, "finalist": 3}


def test_ratios_must_name_the_tiers():
    with pytest.raises(ValueError):
        tier_counts(3, {"best": 1.0}, ORDER)
    with pytest.raises(ValueError):
        tier_counts(3, {"best": 0, "excellent": 0, "finalist": 0}, ORDER)


def test_seven_works_one_two_four():
    scores = [(f"W{i}", 90 - i) for i in range(7)]
    tiers = assign_tiers(scores, RATIOS, ORDER)
    assert tiers.tier_of == {"W0": "best", "W1": "excellent", "W2": "excellent", "W3": "finalist",
                             "W4": "finalist", "W5": "finalist", "W6": "finalist"}
    assert tiers.ties == ()


def test_a_tie_across_the_best_boundary_shares_best_and_the_next_tier_shrinks():
    # 10 works → 2/3/5; W1 and W2 tie at 88 across the best boundary.
    scores = [("W0", 90), ("W1", 88), ("W2", 88)] + [(f"W{i}", 80 - i) for i in range(3, 10)]
    tiers = assign_tiers(scores, RATIOS, ORDER)
    assert [w for w, t in tiers.tier_of.items() if t == "best"] == ["W0", "W1", "W2"]
    assert tiers.awarded == {"best": 3, "excellent": 2, "finalist": 5}
    assert tiers.counts == {"best": 2, "excellent": 3, "finalist": 5}
    (tie,) = tiers.ties
    assert (tie.tier, tie.score, tie.work_ids, tie.grew_by) == ("best", 88, ("W1", "W2"), 1)


def test_everybody_tied_is_best():
    tiers = assign_tiers([(f"W{i}", 70.0) for i in range(6)], RATIOS, ORDER)
    assert set(tiers.tier_of.values()) == {"best"}
    assert tiers.ties[0].grew_by == 6 - tiers.counts["best"]


def test_a_work_twice_is_refused():
    with pytest.raises(ValueError):
        assign_tiers([("W1", 3), ("W1", 4)], RATIOS, ORDER)


score_lists = st.lists(st.integers(min_value=0, max_value=30), min_size=0, max_size=60)


@settings(max_examples=300, deadline=None)
@given(score_lists, st.randoms(use_true_random=False))
def test_tier_properties(values, rnd):
    scores = [(f"W{i:02d}", float(v)) for i, v in enumerate(values)]
    tiers = assign_tiers(scores, RATIOS, ORDER)
    n = len(scores)
    # Counts add up, every rated work has a tier, each count within one work of its exact share.
    assert sum(tiers.counts.values()) == n == len(tiers.tier_of) == sum(tiers.awarded.values())
    for t in ORDER:
        assert abs(tiers.counts[t] - n * Fraction(str(RATIOS[t]))) < 1
    # Ties are never split: equal scores have the same tier; a higher score never has a lower tier.
    by_score: dict[float, set[str]] = {}
    for work, score in scores:
        by_score.setdefault(score, set()).add(tiers.tier_of[work])
    assert all(len(found) == 1 for found in by_score.values())
    ordered = sorted(scores, key=lambda p: -p[1])
    positions = [ORDER.index(tiers.tier_of[w]) for w, _ in ordered]
    assert positions == sorted(positions)
    # A permutation of the input changes nothing.
    shuffled = list(scores)
    rnd.shuffle(shuffled)
    assert assign_tiers(shuffled, RATIOS, ORDER) == tiers


def _sheets(seed: int, works: int = 10, judges: int = 5) -> list[Sheet]:
    rng = random.Random(seed)
    return [Sheet(f"J{j}", f"W{w:02d}", rng.randint(50, 95)) for w in range(works) for j in range(judges)]


def test_fragility_names_the_sheet_that_moves_a_tier():
    # W00 is best by one point thanks to J0's 100; without that sheet W01 overtakes it.
    sheets = [Sheet("J0", "W00", 100), Sheet("J1", "W00", 80), Sheet("J0", "W01", 89), Sheet("J1", "W01", 90)]
    sheets += [Sheet(j, f"W{w:02d}", 60 - w) for w in range(2, 5) for j in ("J0", "J1")]
    method = Method("raw_mean")
    results = compute_results(sheets, method)
    tiers = assign_tiers([(r.work_id, r.score) for r in results.works], RATIOS, ORDER).tier_of
    assert tiers["W00"] == "best" and tiers["W01"] == "excellent"
    found = fragility([(sheets, method)], RATIOS, ORDER, tiers)
    assert ("W00", "J0", "excellent") in found.sheets["W00"]
    assert "W00" in found.flagged() and "W01" in found.flagged()
    assert "W04" not in found.flagged()


def test_fragility_compares_raw_with_normalised_tiers():
    sheets = _sheets(7)
    method = Method("zscore", min_sheets_for_zscore=3)
    results = compute_results(sheets, method)
    tiers = assign_tiers([(r.work_id, r.score) for r in results.works], RATIOS, ORDER).tier_of
    raw = assign_tiers([(r.work_id, r.raw_mean) for r in results.works], RATIOS, ORDER).tier_of
    found = fragility([(sheets, method)], RATIOS, ORDER, tiers)
    assert found.raw_tier == {w: raw[w] for w in tiers if raw[w] != tiers[w]}
    assert fragility([(list(reversed(sheets)), method)], RATIOS, ORDER, tiers) == found


def test_advisor_honours_one_per_person_with_all_their_best_works():
    wang = Advisor("王 老师", "一中", "138-0000-0001")
    best = {"W2": [wang, Advisor("李老师", "二中", "13900000002")],
            "W1": [Advisor("王　老师", "一中", "13800000001")]}  # full-width space, phone without dashes
    honours = advisor_honours(best)
    assert sorted((h.name, h.work_ids) for h in honours) == [("李老师", ("W2",)), ("王 老师", ("W1", "W2"))]
    assert advisor_honours(dict(reversed(list(best.items())))) == honours
    assert advisor_honours({"W3": [Advisor("王 老师", "一中", "13800000009")], **best}) != honours


def test_the_cheap_digest_is_the_one_the_list_records():
    from festival_decisions.awards.award_list import RoundInput, award_list, inputs_digest
    sheets = _sheets(3, works=6)
    method = Method("raw_mean")
    rows = tuple({"work_id": r.work_id, "score": r.score, "raw_mean": r.raw_mean}
                 for r in compute_results(sheets, method).works)
    rnd = RoundInput("R1", "documentary", "event-1", True, method, tuple(sheets), rows)
    eligible = {r["work_id"] for r in rows} - {"W00"}
    assert inputs_digest([rnd], eligible, RATIOS) == award_list([rnd], eligible, RATIOS, ORDER)["inputs_digest"]
    assert inputs_digest([rnd], eligible | {"W00"}, RATIOS) != inputs_digest([rnd], eligible, RATIOS)
