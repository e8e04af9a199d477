"""Replacing a judge who declares a conflict: the least-loaded eligible judge, or nobody."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from festival_decisions.judging.assignment import (
    Assignment, ConflictRules, Judge, Work, assign, replace_judge,
)

RULES = ConflictRules()


def judge(judge_id: str, region: str | None = None) -> Judge:
    return Judge(judge_id, region, None, frozenset())


def work(work_id: str, region: str | None = None) -> Work:
    return Work(work_id, region, None, frozenset())


WORKS = [work("w1", "延边朝鲜族自治州"), work("w2"), work("w3")]
PANELS = {"w1": ("a", "b"), "w2": ("b", "c"), "w3": ("b", "d")}


def test_the_least_loaded_eligible_judge_takes_the_place() -> None:
    # Loads: a 1, b 3, c 1, d 1, e 0, f 0 — but e shares w1's region and f is excluded from w1.
    judges = [judge("a"), judge("b"), judge("c"), judge("d"), judge("e", "延边朝鲜族自治州"), judge("f")]
    excluded = frozenset({("w1", "f")})
    pick = replace_judge(PANELS, "w1", "a", WORKS, judges, RULES, "s", excluded)
    assert pick in {"c", "d"}
    assert replace_judge(PANELS, "w1", "a", WORKS, judges, RULES, "s", frozenset()) == "f"


def test_an_assignment_or_its_panels_give_the_same_replacement() -> None:
    judges = [judge(j) for j in "abcdef"]
    result = assign(WORKS, judges, 2, RULES, "seed")
    work_id, panel = result.panels[0]
    from_panels = replace_judge(dict(result.panels), work_id, panel[0], WORKS, judges, RULES, "seed")
    assert replace_judge(result, work_id, panel[0], WORKS, judges, RULES, "seed") == from_panels
    assert from_panels not in panel


def test_nobody_left_means_none() -> None:
    judges = [judge("a"), judge("b"), judge("c", "延边朝鲜族自治州")]
    assert replace_judge({"w1": ("a", "b")}, "w1", "a", WORKS, judges, RULES, "s") is None


def test_the_seed_breaks_ties_among_equally_loaded_judges() -> None:
    judges = [judge(j) for j in "abcdefgh"]
    picks = {replace_judge({"w2": ("a", "b")}, "w2", "a", WORKS, judges, RULES, f"s{n}") for n in range(12)}
    assert len(picks) > 1 and picks <= set("cdefgh")
    assert replace_judge({"w2": ("a", "b")}, "w2", "a", WORKS, judges, RULES, "s1") == replace_judge(
        {"w2": ("a", "b")}, "w2", "a", WORKS, judges, RULES, "s1")


@settings(max_examples=100, deadline=None)
@given(st.integers(2, 8), st.integers(1, 6), st.integers(1, 3), st.data())
def test_the_replacement_is_always_an_eligible_least_loaded_newcomer(n_judges, n_works, k, data) -> None:
    regions = st.sampled_from(["r1", "r2", None])
    judges = [judge(f"j{i}", data.draw(regions)) for i in range(n_judges)]
    works = [work(f"w{i}", data.draw(regions)) for i in range(n_works)]
    result = assign(works, judges, k, RULES, "seed")
    if not isinstance(result, Assignment) or not works:
        return
    work_id, panel = data.draw(st.sampled_from(result.panels))
    leaving = data.draw(st.sampled_from(panel))
    region = {w.work_id: w.region_id for w in works}[work_id]
    newcomers = [j.judge_id for j in judges
                 if j.judge_id not in panel and not (j.region_id and j.region_id == region)]
    pick = replace_judge(result, work_id, leaving, works, judges, RULES, "seed")
    if not newcomers:
        assert pick is None
        return
    loads = dict(result.loads)
    assert pick in newcomers and loads[pick] == min(loads[j] for j in newcomers)
