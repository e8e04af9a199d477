"""The scoring application in memory: rounds, assignment, blind sheets, conflicts, results, and refusals."""

from __future__ import annotations

import pytest

from festival_kit.errors import FestivalError
from festival_decisions.judging.round_log import inputs_digest

from judging_feed import AUDITOR, PROVINCE, judge_cause, shanghai

FULL = {"scientific": 25, "professional": 15, "story": 15, "artistry": 15, "technique": 8}


def refused(code: str, call, *args, **kwargs) -> FestivalError:
    with pytest.raises(FestivalError) as caught:
        call(*args, **kwargs)
    assert caught.value.code == code, caught.value.as_dict()
    assert caught.value.message_zh and caught.value.message_en
    return caught.value


def assigned_round(app, judges=("judge-0", "judge-1", "judge-2", "judge-3", "judge-4", "judge-5", "judge-6",
                                "judge-7")):
    rnd = app.open_round(PROVINCE, "documentary")
    app.appoint_judges(PROVINCE, str(rnd.id), list(judges))
    return app.assign(PROVINCE, str(rnd.id))


def score_everything(app, rnd, points=None):
    for work_id, judge_id in rnd.active_pairs():
        sheet_id = str(app.find_sheet(rnd, work_id, judge_id).id)
        app.save_sheet(judge_cause(judge_id), sheet_id, points or FULL, "好")
        app.submit_sheet(judge_cause(judge_id), sheet_id)


@pytest.fixture(autouse=True)
def _sheet_finder(app):
    from festival_scoring.domain.sheet import ScoreSheet

    app.find_sheet = lambda rnd, w, j: app.find(ScoreSheet.id_for(str(rnd.id), w, j))


def test_a_round_gets_k_judges_per_work_without_region_conflicts_and_balanced(app, judging):
    rnd = assigned_round(app)
    assert rnd.k == 5 and len(rnd.panels) == 6
    for work_id, panel in rnd.panels.items():
        work = app.entrant(work_id)
        assert len(set(panel)) == 5
        assert all(app.judge(j).region_id != work.region_id for j in panel)
    loads = [sum(j in p for p in rnd.panels.values()) for j in rnd.judge_ids]
    # the changchun and jilin judges may score only the other region's 3 works; the other four take the rest
    assert sorted(loads) == [3, 3, 3, 3, 4, 4, 5, 5]
    sheets = [app.find_sheet(rnd, w, j) for w, j in rnd.active_pairs()]
    assert len(sheets) == 30 and all(s.status == "draft" for s in sheets)


def test_the_same_inputs_give_the_same_assignment(judging, app):
    from festival_scoring.application import ScoringApplication
    from judging_feed import REGIONS, Feeder

    first = assigned_round(app)
    other = ScoringApplication(env={"PERSISTENCE_MODULE": "eventsourcing.popo"})
    feed = Feeder(other)
    feed.edition()
    feed.phase("JudgingOpened", shanghai(2023, 8, 1))
    for i in range(8):
        feed.judge(f"judge-{i}", region=REGIONS[i % 4])
    for i in reversed(range(6)):
        feed.qualified_work(f"work-{i}", region=REGIONS[i % 2], school=f"school-{i}")
    again = assigned_round(other, judges=tuple(reversed(first.judge_ids)))
    assert again.panels == first.panels


def test_refusals_of_the_province_steps(app, judging):
    refused("forbidden", app.open_round, judge_cause("judge-0"), "documentary")
    refused("forbidden", app.open_round, AUDITOR, "documentary")
    refused("unknown_category", app.open_round, PROVINCE, "cooking")
    rnd = app.open_round(PROVINCE, "documentary")
    refused("round_exists", app.open_round, PROVINCE, "documentary")
    refused("no_judges", app.assign, PROVINCE, str(rnd.id))
    refused("not_a_judge_account", app.appoint_judges, PROVINCE, str(rnd.id), ["judge-0", "student-1"])
    judging.judge("judge-anim", expertise=["animation"])
    refused("outside_expertise", app.appoint_judges, PROVINCE, str(rnd.id), ["judge-anim"])
    app.appoint_judges(PROVINCE, str(rnd.id), ["judge-0", "judge-1", "judge-2"])
    refused("too_few_judges", app.assign, PROVINCE, str(rnd.id))
    assert app.round(str(rnd.id)).panels == {}


def test_an_infeasible_assignment_names_the_works_and_assigns_nothing(app, judging):
    rnd = app.open_round(PROVINCE, "documentary")
    # six judges, but two of changchun and two of jilin: every work has only four eligible judges
    app.appoint_judges(PROVINCE, str(rnd.id), ["judge-0", "judge-1", "judge-4", "judge-5", "judge-2", "judge-6"])
    error = refused("assignment_infeasible", app.assign, PROVINCE, str(rnd.id))
    assert "work-0" in error.message_en and "4 eligible" in error.message_en
    assert app.round(str(rnd.id)).panels == {} and app.round(str(rnd.id)).status == "open"


def test_assignment_waits_for_the_judging_window(app, feed):
    feed.edition()
    feed.judge("judge-0")
    rnd = app.open_round(PROVINCE, "documentary")
    app.appoint_judges(PROVINCE, str(rnd.id), ["judge-0"])
    refused("judging_not_open", app.assign, PROVINCE, str(rnd.id))


def test_a_judge_sees_only_their_assignments_blind(app, judging):
    rnd = assigned_round(app)
    mine = app.assignments(judge_cause("judge-0"))
    assert mine and all(sheet.judge_id == "judge-0" for sheet, _ in mine)
    other = next(j for w, j in rnd.active_pairs() if j != "judge-0")
    theirs = next(app.find_sheet(rnd, w, j) for w, j in rnd.active_pairs() if j == other)
    refused("not_your_assignment", app.readable_sheet, judge_cause("judge-0"), str(theirs.id))
    refused("not_your_assignment", app.save_sheet, judge_cause("judge-0"), str(theirs.id), FULL)
    refused("not_found", app.readable_sheet, judge_cause("judge-0"), "not-a-uuid")
    refused("forbidden", app.assignments, PROVINCE)


def test_sheet_points_are_checked_against_the_rubric(app, judging):
    rnd = assigned_round(app)
    work_id, judge_id = rnd.active_pairs()[0]
    sheet_id, me = str(app.find_sheet(rnd, work_id, judge_id).id), judge_cause(judge_id)
    refused("points_out_of_range", app.save_sheet, me, sheet_id, {**FULL, "scientific": 31})
    refused("points_out_of_range", app.save_sheet, me, sheet_id, {**FULL, "technique": -1})
    refused("unknown_criterion", app.save_sheet, me, sheet_id, {**FULL, "entertaining": 5})
    app.save_sheet(me, sheet_id, {"scientific": 20}, "先打一项")
    refused("criterion_missing", app.submit_sheet, me, sheet_id)
    app.save_sheet(me, sheet_id, FULL, "完整")
    sheet = app.submit_sheet(me, sheet_id)
    assert (sheet.status, sheet.total) == ("submitted", 78)
    refused("already_submitted", app.submit_sheet, me, sheet_id)
    refused("amendment_reason_required", app.save_sheet, me, sheet_id, {**FULL, "story": 18})
    amended = app.save_sheet(me, sheet_id, {**FULL, "story": 18}, "完整", reason="重看后调整")
    assert amended.total == 81 and amended.amendments[0]["reason"] == "重看后调整"


def test_a_declared_conflict_moves_the_work_to_another_eligible_judge(app, judging):
    rnd = assigned_round(app)
    work_id, leaving = rnd.active_pairs()[0]
    sheet = app.find_sheet(rnd, work_id, leaving)
    refused("reason_required", app.declare_conflict, judge_cause(leaving), str(sheet.id), " ")
    withdrawn, replacement = app.declare_conflict(judge_cause(leaving), str(sheet.id), "作者是我的学生")
    assert withdrawn.status == "withdrawn" and replacement and replacement != leaving
    after = app.round(str(rnd.id))
    assert leaving not in after.panels[work_id] and replacement in after.panels[work_id]
    assert len(after.panels[work_id]) == 5 and app.judge(replacement).region_id != app.entrant(work_id).region_id
    assert app.find_sheet(after, work_id, replacement).status == "draft"
    refused("conflict_declared", app.save_sheet, judge_cause(leaving), str(sheet.id), FULL)


def test_results_come_when_every_sheet_is_in_and_follow_amendments(app, judging):
    rnd = assigned_round(app)
    pairs = rnd.active_pairs()
    for i, (work_id, judge_id) in enumerate(pairs):
        points = {**FULL, "scientific": 5 + int(work_id[-1]) * 3 + int(judge_id[-1]) // 2}
        sheet_id = str(app.find_sheet(rnd, work_id, judge_id).id)
        app.save_sheet(judge_cause(judge_id), sheet_id, points)
        app.submit_sheet(judge_cause(judge_id), sheet_id)
        if i < len(pairs) - 1:
            refused("no_results", app.round_results, PROVINCE, str(rnd.id))
    _, results = app.round_results(PROVINCE, str(rnd.id))
    assert not results["final"] and len(results["sheets"]) == 30 and len(results["works"]) == 6
    assert results["inputs_digest"] == inputs_digest(results["rule"], results["method"], results["sheets"])
    assert [w["work_id"] for w in results["works"]][0] == "work-5"  # the highest scientific points
    assert {w["rank"] for w in results["works"]} == set(range(1, 7))
    work_id, judge_id = pairs[0]
    app.save_sheet(judge_cause(judge_id), str(app.find_sheet(rnd, work_id, judge_id).id), {**FULL, "scientific": 0},
                   reason="复核")
    _, again = app.round_results(AUDITOR, str(rnd.id))
    assert again["inputs_digest"] != results["inputs_digest"]
    _, report = app.bias_report(PROVINCE, str(rnd.id))
    assert {j.judge_id for j in report.judges} == set(app.round(str(rnd.id)).judge_ids)


def test_closing_early_needs_a_reason_lists_missing_sheets_and_freezes_the_round(app, judging):
    rnd = assigned_round(app)
    work_id, judge_id = rnd.active_pairs()[0]
    sheet_id = str(app.find_sheet(rnd, work_id, judge_id).id)
    app.save_sheet(judge_cause(judge_id), sheet_id, FULL)
    app.submit_sheet(judge_cause(judge_id), sheet_id)
    refused("reason_required", app.close_round, PROVINCE, str(rnd.id), "")
    closed = app.close_round(PROVINCE, str(rnd.id), "评委因故无法完成")
    assert closed.status == "closed" and closed.results["final"] and len(closed.results["sheets"]) == 1
    refused("round_closed", app.save_sheet, judge_cause(judge_id), sheet_id, FULL, reason="再改")
    refused("round_closed", app.close_round, PROVINCE, str(rnd.id), "again")


def test_judging_closed_closes_every_open_round_with_final_results(app, judging):
    rnd = assigned_round(app)
    score_everything(app, rnd)
    judging.phase("JudgingClosed", shanghai(2023, 9, 1))
    closed = app.round(str(rnd.id))
    assert closed.status == "closed" and closed.results["final"]
    assert len({w["rank"] for w in closed.results["works"]}) == 1  # the same points everywhere: one shared rank


def test_a_work_disqualified_after_assignment_drops_out(app, judging):
    rnd = assigned_round(app)
    judging("review", "WorkDisqualified", {"submission_id": "work-0", "submission_version": 1,
                                          "reason_codes": ["plagiarism"], "evidence": "与往届作品雷同"})
    after = app.round(str(rnd.id))
    assert "work-0" in after.dropped and all(w != "work-0" for w, _ in after.active_pairs())
    assert "work-0" not in app.entrants("11").of("documentary")
    judge_id = rnd.panels["work-0"][0]
    refused("work_dropped", app.save_sheet, judge_cause(judge_id), str(app.find_sheet(rnd, "work-0", judge_id).id),
            FULL)


def test_a_replay_of_the_scoring_events_rederives_the_recorded_results_byte_for_byte(app, judging):
    from festival_events.envelope import canonical
    from festival_scoring.replay import differences, rebuild

    rnd = assigned_round(app)
    work_id, leaving = rnd.active_pairs()[0]
    app.declare_conflict(judge_cause(leaving), str(app.find_sheet(rnd, work_id, leaving).id), "认识作者")
    rnd = app.round(str(rnd.id))
    for work_id, judge_id in rnd.active_pairs():
        points = {**FULL, "story": 5 + int(work_id[-1]) + int(judge_id[-1])}
        sheet_id = str(app.find_sheet(rnd, work_id, judge_id).id)
        app.save_sheet(judge_cause(judge_id), sheet_id, points)
        app.submit_sheet(judge_cause(judge_id), sheet_id)
    work_id, judge_id = rnd.active_pairs()[-1]
    app.save_sheet(judge_cause(judge_id), str(app.find_sheet(rnd, work_id, judge_id).id), FULL, reason="复核")
    log = rebuild(env for _, env in app.envelopes(0, 100_000))
    assert differences(log) == []
    _, live = app.round_results(PROVINCE, str(rnd.id))
    assert canonical(log.rederive(str(rnd.id))) == canonical({k: v for k, v in live.items() if k != "final"})
    # and a tampered total on the log is caught
    tampered = [env.model_copy(update={"payload": {**env.payload, "total": 1}}) if env.type == "ScoreSheetAmended"
                else env for _, env in app.envelopes(0, 100_000)]
    assert differences(rebuild(tampered)) == [str(rnd.id)]


def test_a_resubmitted_version_replaces_what_judges_see(app, feed):
    """The second ReviewVersionReceived of a work (returned, fixed, resubmitted) is stored, not lost."""
    feed.edition()
    feed.qualified_work("work-r")
    version = {"submission_id": "work-r", "submission_version": 2, "school_id": "school-1", "region_id": "changchun",
               "title": "改好的作品", "category": "documentary", "theme": "节能减排", "synopsis": "新简介",
               "creators": [{"name": "李雷", "grade": "初二", "school": "学校"}], "advisors": [], "files": {},
               "voice_over": "dialect", "subtitles": "burned_in"}
    assert app.entrant("work-r").voice_over == ""  # version 1 was received before the declaration existed
    feed("review", "ReviewVersionReceived", version, schema_version=2)
    entrant = app.entrant("work-r")
    assert (entrant.submission_version, entrant.title, entrant.status) == (2, "改好的作品", "in_review")
    assert (entrant.voice_over, entrant.subtitles) == ("dialect", "burned_in")  # what the judge is shown
    published = [env for _, env in app.envelopes(0, 1000) if env.type == "EntrantVersionReceived"]
    assert published[-1].schema_version == 2 and published[-1].payload["voice_over"] == "dialect"
