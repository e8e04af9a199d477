"""Assigning k judges per work: complete, conflict-free, balanced, reproducible from the seed alone."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from festival_decisions.judging.assignment import (
    Assignment, ConflictRules, Infeasible, Judge, Work, assign, conflicts,
)

RULES = ConflictRules()
PEOPLE = ["张伟", "李娜", "王芳", "刘洋"]


@st.composite
def rounds(draw, regions=("r1", "r2", "r3", None), schools=("s1", "s2", None)):
    """A random round: works, judges, k, conflicts and exclusions over a few regions and schools."""
    n_works, n_judges = draw(st.integers(0, 10)), draw(st.integers(1, 9))
    people = st.frozensets(st.sampled_from(PEOPLE), max_size=2)
    works = [Work(f"w{i}", draw(st.sampled_from(regions)), draw(st.sampled_from(schools)), draw(people))
             for i in range(n_works)]
    judges = [Judge(f"j{i}", draw(st.sampled_from(regions)), draw(st.sampled_from(schools)), draw(people))
              for i in range(n_judges)]
    pairs = [(w.work_id, j.judge_id) for w in works for j in judges]
    excluded = frozenset(draw(st.lists(st.sampled_from(pairs), max_size=4))) if pairs else frozenset()
    return works, judges, draw(st.integers(1, 3)), excluded, draw(st.text(max_size=6))


def eligible(judge: Judge, work: Work, excluded) -> bool:
    """Eligibility written out independently of the module, from the festival's rule."""
    same_region = judge.region_id is not None and judge.region_id == work.region_id
    same_school = judge.school_id is not None and judge.school_id == work.school_id
    knows = bool(judge.declared & work.people)
    return not (same_region or same_school or knows) and (work.work_id, judge.judge_id) not in excluded


def assert_fairest(result: Assignment, works, judges, excluded) -> None:
    """No judge could hand a work, directly or along a chain of swaps, to one with 2 or more fewer works."""
    loads = dict(result.loads)
    by_id = {j.judge_id: j for j in judges}
    hand_over = {j: set() for j in loads}  # a → b: some work of a's may go to b instead
    for work in works:
        panel = result.panel(work.work_id)
        for b in loads:
            if b not in panel and eligible(by_id[b], work, excluded):
                for a in panel:
                    hand_over[a].add(b)
    for start in loads:
        seen, frontier = {start}, [start]
        while frontier:
            frontier = [b for a in frontier for b in hand_over[a] if b not in seen]
            seen.update(frontier)
        assert min(loads[b] for b in seen) >= loads[start] - 1


@settings(max_examples=150, deadline=None)
@given(rounds())
def test_every_work_gets_k_eligible_judges_with_the_fairest_loads(instance) -> None:
    works, judges, k, excluded, seed = instance
    result = assign(works, judges, k, RULES, seed, excluded)
    by_id = {j.judge_id: j for j in judges}
    lacking = tuple((w.work_id, n) for w in works
                    if (n := sum(eligible(j, w, excluded) for j in judges)) < k)
    if lacking:
        assert result == Infeasible("judging.assignment/1", lacking)
        return
    assert [work_id for work_id, _ in result.panels] == sorted(w.work_id for w in works)
    for work in works:
        panel = result.panel(work.work_id)
        assert len(set(panel)) == k and list(panel) == sorted(panel)
        assert all(eligible(by_id[j], work, excluded) for j in panel)
    counted = Counter(j for _, panel in result.panels for j in panel)
    assert dict(result.loads) == {j.judge_id: counted[j.judge_id] for j in judges}
    assert_fairest(result, works, judges, excluded)


@settings(max_examples=80, deadline=None)
@given(rounds(regions=(None,), schools=(None,)))
def test_without_conflicts_loads_differ_by_at_most_one(instance) -> None:
    works, judges, k, _, seed = instance
    works = [Work(w.work_id, None, None, frozenset()) for w in works]
    judges = [Judge(j.judge_id, None, None, frozenset()) for j in judges]
    result = assign(works, judges, k, RULES, seed)
    if isinstance(result, Assignment) and works:
        assert result.load_spread() <= 1


@settings(max_examples=80, deadline=None)
@given(rounds(), st.randoms(use_true_random=False))
def test_input_order_and_repetition_change_nothing(instance, shuffler: random.Random) -> None:
    works, judges, k, excluded, seed = instance
    first = assign(works, judges, k, RULES, seed, excluded)
    shuffler.shuffle(works)
    shuffler.shuffle(judges)
    assert assign(works, judges, k, RULES, seed, excluded) == first
    assert assign(works, judges, k, RULES, seed, excluded) == first


def test_the_seed_chooses_among_equally_fair_assignments() -> None:
    works = [Work(f"w{i}", None, None, frozenset()) for i in range(8)]
    judges = [Judge(f"j{i}", None, None, frozenset()) for i in range(8)]
    results = [assign(works, judges, 2, RULES, f"seed-{n}") for n in range(6)]
    assert all(r.load_spread() == 0 for r in results)
    assert len({r.panels for r in results}) > 1
    assert results[0].seed == "seed-0" and results[0].k == 2


def test_infeasible_names_the_works_that_lack_judges_and_assigns_nothing() -> None:
    judges = [Judge("j1", "长春市", None, frozenset()), Judge("j2", "吉林市", None, frozenset({"张伟"}))]
    works = [Work("w1", "长春市", None, frozenset()), Work("w2", "四平市", None, frozenset({"张伟"})),
             Work("w3", "四平市", None, frozenset())]
    assert assign(works, judges, 2, RULES, "s") == Infeasible("judging.assignment/1", (("w1", 1), ("w2", 1)))
    relaxed = ConflictRules(same_region=False, declared_persons=False)
    assert isinstance(assign(works, judges, 2, relaxed, "s"), Assignment)


def test_conflicts_say_why_and_missing_regions_never_match() -> None:
    judge = Judge("j", "长春市", "s1", frozenset({"李娜"}))
    assert conflicts(judge, Work("w", "长春市", "s1", frozenset({"李娜"})), RULES) == (
        "same_region", "same_school", "declared_person")
    assert conflicts(judge, Work("w", "长春市", "s1", frozenset()), ConflictRules(same_region=False)) == (
        "same_school",)
    nowhere = Judge("j", None, "", frozenset())
    assert conflicts(nowhere, Work("w", None, "", frozenset()), RULES) == ()


def test_a_round_needs_judges_a_positive_k_and_unique_ids() -> None:
    works = [Work("w", None, None, frozenset())]
    judge = Judge("j", None, None, frozenset())
    for bad in (dict(k=0, judges=[judge]), dict(k=1, judges=[])):
        with pytest.raises(ValueError):
            assign(works, bad["judges"], bad["k"], RULES, "s")
    with pytest.raises(ValueError):
        assign(works, [judge, judge], 1, RULES, "s")


def test_a_round_without_works_loads_nobody() -> None:
    result = assign([], [Judge("j1", None, None, frozenset())], 5, RULES, "s")
    assert result.panels == () and result.loads == (("j1", 0),)


def test_a_judge_who_alone_may_score_a_region_carries_all_its_works() -> None:
    # Nine judges of 白城市 and one from elsewhere: the fair share (1 work) is far below what j0 must take.
    judges = [Judge("j0", None, None, frozenset())]
    judges += [Judge(f"j{i}", "白城市", None, frozenset()) for i in range(1, 10)]
    works = [Work(f"w{i}", "白城市", None, frozenset()) for i in range(10)]
    result = assign(works + [Work("w99", "松原市", None, frozenset())], judges, 1, RULES, "s")
    assert dict(result.loads)["j0"] == 10 and result.panel("w99") != ("j0",)
