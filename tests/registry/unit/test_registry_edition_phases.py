"""Edition 11's configuration and the phase moments: each phase once, in order, even after a clock jump."""

from __future__ import annotations

import asyncio
from datetime import datetime

import pytest

from festival_kit import clock
from festival_registry.adapters.edition_file import load, packaged
from festival_registry.adapters.scheduler import phase_scheduler, tick
from festival_registry.domain.edition import (
    BEFORE, CLOSED, DEADLINE_PASSED, JUDGING_CLOSED, JUDGING_OPEN, OPEN, Edition, due, phase_at,
)

RULES = load(packaged("11")).rules
SH = clock.SHANGHAI


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=SH)


def test_edition_11_file_says_what_the_notice_says():
    loaded = load(packaged("11"))
    rules = loaded.rules
    assert (rules.code, rules.timezone) == ("11", "Asia/Shanghai")
    assert {c.code: (c.name_zh, c.max_duration_s) for c in rules.categories} == {
        "documentary": ("科学探究纪录片", 480), "microfilm": ("科学微电影", 480), "animation": ("科普动画", 240),
    }
    assert rules.themes == ["节能减排", "低碳环保", "安全健康", "防灾减灾", "发明创造", "创新创意"]
    assert (rules.team.max_creators, rules.team.max_advisors) == (8, 2)
    assert rules.window_opens == at(2023, 6, 25) and rules.window_closes == at(2023, 7, 11)
    assert rules.region_deadline == at(2023, 7, 20, 16)
    cover = rules.files["cover"]
    assert (cover.required, cover.kinds, cover.width, cover.height, cover.max_bytes) == (
        True, ["jpeg"], 640, 480, 1048576)
    assert not rules.files["poster"].required and rules.files["poster"].max_bytes == 3 * 1024 * 1024
    assert rules.files["application_form"].kinds == ["pdf", "jpeg"]
    assert rules.award_ratios == {"best": 0.2, "excellent": 0.3, "finalist": 0.5}
    judging = rules.judging
    assert (judging.opens, judging.closes) == (at(2023, 8, 1), at(2023, 9, 1))
    assert (judging.judges_per_work, judging.min_judges_per_work, judging.normalisation.method) == (5, 3, "zscore")
    assert judging.conflicts.same_region and judging.conflicts.same_school and judging.conflicts.declared_persons
    for category in rules.categories:  # the notice's category descriptions, summing to 100
        criteria = {c.name_zh: c.max_points for c in judging.rubric(category.code)}
        assert sum(criteria.values()) == 100 and criteria["科学性"] == 30 and criteria["技术质量"] == 10
    assert "娱乐性" in {c.name_zh for c in judging.rubric("microfilm")}
    assert "专业性" in {c.name_zh for c in judging.rubric("documentary")}
    assert len(loaded.regions) == 11 and len({r.code for r in loaded.regions}) == 11
    assert {"长春市", "延边朝鲜族自治州", "长白山开发区", "梅河口市"} <= {r.name_zh for r in loaded.regions}


@pytest.mark.parametrize(
    ("now", "phase"),
    [
        (at(2023, 6, 24, 23, 59), BEFORE),
        (at(2023, 6, 25), OPEN),
        (at(2023, 7, 10, 23, 59, 59), OPEN),
        (at(2023, 7, 11), CLOSED),
        (at(2023, 7, 20, 15, 59), CLOSED),
        (at(2023, 7, 20, 16), DEADLINE_PASSED),
        (at(2023, 7, 31, 23, 59), DEADLINE_PASSED),
        (at(2023, 8, 1), JUDGING_OPEN),
        (at(2023, 8, 31, 23, 59), JUDGING_OPEN),
        (at(2023, 9, 1), JUDGING_CLOSED),
    ],
)
def test_phase_at_each_boundary(now, phase):
    assert phase_at(RULES, now) == phase


def test_due_lists_every_passed_moment_after_the_recorded_phase_in_order():
    assert due(RULES, BEFORE, at(2023, 8, 1)) == [OPEN, CLOSED, DEADLINE_PASSED, JUDGING_OPEN]
    assert due(RULES, OPEN, at(2023, 7, 12)) == [CLOSED]
    assert due(RULES, DEADLINE_PASSED, at(2023, 7, 31)) == []
    assert due(RULES, JUDGING_OPEN, at(2023, 9, 2)) == [JUDGING_CLOSED]
    assert due(RULES, BEFORE, at(2023, 6, 1)) == []


def test_advance_records_each_phase_once_with_its_configured_moment():
    edition = Edition.configure(RULES)
    assert edition.advance(at(2023, 6, 26)) == [OPEN]
    assert edition.advance(at(2023, 6, 27)) == []
    assert edition.advance(at(2023, 9, 1)) == [CLOSED, DEADLINE_PASSED, JUDGING_OPEN, JUDGING_CLOSED]
    phases = [e for e in edition.pending_events if hasattr(e, "at")]
    assert [type(e).PUBLISHED_AS for e in phases] == [
        "SubmissionWindowOpened", "SubmissionWindowClosed", "RegionDeadlinePassed", "JudgingOpened", "JudgingClosed"]
    assert [e.at for e in phases] == [RULES.window_opens, RULES.window_closes, RULES.region_deadline,
                                      RULES.judging.opens, RULES.judging.closes]
    assert edition.phase == JUDGING_CLOSED


def test_an_edition_without_judging_stops_at_the_region_deadline():
    edition = Edition.configure(RULES.model_copy(update={"judging": None}))
    assert edition.advance(at(2023, 12, 1)) == [OPEN, CLOSED, DEADLINE_PASSED]


def test_reconfigure_with_the_same_rules_records_nothing():
    edition = Edition.configure(RULES)
    assert not edition.reconfigure(RULES)
    later = RULES.model_copy(update={"region_deadline": at(2023, 7, 21, 16)})
    assert edition.reconfigure(later) and edition.rules.region_deadline == at(2023, 7, 21, 16)
    assert len(edition.pending_events) == 2


def test_tick_records_phases_as_the_system(memory_app):
    assert tick(memory_app, at(2023, 7, 1)) == [OPEN]
    assert tick(memory_app, at(2023, 7, 1)) == []
    actors = {env.actor.role for _, env in memory_app.envelopes(0, 100)}
    assert actors == {"system"}


async def test_scheduler_follows_a_clock_that_jumps_past_several_moments(memory_app):
    moments = iter([at(2023, 6, 1), at(2023, 8, 1)])
    seen: list[datetime] = []

    def fake_now() -> datetime:
        seen.append(next(moments, at(2023, 8, 1)))
        return seen[-1]

    stop = asyncio.Event()
    task = asyncio.create_task(phase_scheduler(memory_app, interval=0.01, now=fake_now)(stop))
    while len(seen) < 4:
        await asyncio.sleep(0.01)
    stop.set()
    await asyncio.wait_for(task, 1)
    types = [env.type for _, env in memory_app.envelopes(0, 100) if env.aggregate_type == "Edition"]
    assert types == ["EditionConfigured", "SubmissionWindowOpened", "SubmissionWindowClosed", "RegionDeadlinePassed",
                     "JudgingOpened"]
    assert memory_app.edition().phase == JUDGING_OPEN

