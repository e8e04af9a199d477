"""A whole review season on a SQLite store, fed the log's envelopes: decisions, events, queues, timelines."""

from __future__ import annotations

import pytest

from festival_events import contracts
from festival_events.envelope import chain_problems
from festival_kit.errors import FestivalError
from festival_review.application import ReviewApplication
from festival_review.queues import QueueIndex, rebuild
from review_support import play, queues_of


def review_events(app: ReviewApplication) -> list:
    return [env for _, env in app.envelopes(0, 10_000)]


def test_a_season_from_submission_to_qualification(app, feed, log, who) -> None:
    s = play(app, feed, log, who)
    statuses = {i: app.case(i).status for i in s.ids}
    assert statuses == {s.returned_then_qualified: "qualified", s.disqualified: "disqualified",
                        s.left_at_region: "not_reported", s.left_at_school: "not_reported"}

    events = review_events(app)
    assert not chain_problems(events)
    for env in events:  # every published event has its contract, and validates against it
        contracts.read(env)
    returned = next(e for e in events if e.type == "WorkReturned")
    assert returned.payload == {"submission_id": s.returned_then_qualified, "submission_version": 1,
                                "level": "school", "reason_code": "materials_incomplete",
                                "reason": "请补充实验数据说明。"}
    assert (returned.actor.account_id, returned.actor.role) == ("sa-a", "school_admin")
    disq = next(e for e in events if e.type == "WorkDisqualified")
    assert disq.payload["reason_codes"] == ["harm_to_animals_or_plants", "safety_hazard"]
    assert disq.actor.account_id == "pa"
    closed = [e.payload["submission_id"] for e in events if e.type == "WorkClosedNotReported"]
    assert sorted(closed) == sorted([s.left_at_region, s.left_at_school])
    filed = next(e for e in events if e.type == "RegionTableFiled")
    assert set(filed.payload) == {"region_id", "sha256", "works"}  # the rows stay in review's store
    # The order on the log is the order things happened in.
    kinds = [e.type for e in events if e.payload.get("submission_id") == s.returned_then_qualified]
    assert kinds == ["ReviewCaseOpened", "ReviewVersionReceived", "WorkReturned", "ReviewVersionReceived",
                     "WorkForwardedToRegion", "WorkForwardedToProvince", "WorkQualified"]


def test_queues_and_timelines_follow_the_decisions(app, feed, log, who) -> None:
    s = play(app, feed, log, who)
    ids = lambda answer: [c.submission_id for c in answer[0]]  # noqa: E731
    assert ids(app.queue(who("sa-a"), "decided")) == [s.returned_then_qualified, s.disqualified]
    assert ids(app.queue(who("sa-a"), "all", category="animation")) == [s.disqualified]
    assert ids(app.queue(who("ra-cc"), "all", status="not_reported")) == [s.left_at_region]
    assert ids(app.queue(who("ra-cc"), "all", school_id="school-b")) == [s.left_at_region]
    assert ids(app.queue(who("pa"), "decided")) == [s.returned_then_qualified, s.disqualified]
    assert ids(app.queue(who("ra-jl"), "all")) == [s.left_at_school]
    assert app.queue(who("au"), "waiting") == ([], "") and len(app.queue(who("au"), "all")[0]) == 4


    pages, after = [], ""
    while True:  # the auditor's whole queue a case at a time is the whole queue, in the same order
        cases, after = app.queue(who("au"), "all", after=after, limit=1)
        pages += [c.submission_id for c in cases]
        if not after:
            break
    assert pages == ids(app.queue(who("au"), "all")) and len(pages) == 4
    last, after = app.queue(who("au"), "all", after=pages[2], limit=1)
    assert ([c.submission_id for c in last], after) == (pages[3:], "")
    with pytest.raises(FestivalError) as caught:  # a position that is no case of review is not a page
        app.queue(who("au"), "all", after="not-a-case", limit=1)
    assert (caught.value.code, caught.value.status) == ("bad_page", 422)

    case, versions = app.timeline(who("ra-cc"), s.returned_then_qualified)
    assert [v["version"] for v in versions] == [1, 2] and versions[0]["status"] == "returned"
    assert [e["kind"] for e in versions[1]["entries"]] == ["submitted", "forwarded_to_region",
                                                           "forwarded_to_province", "qualified"]
    assert versions[0]["entries"][1]["actor_account_id"] == "sa-a"
    _, seen_by_student = app.timeline(who("student-1"), s.returned_then_qualified)
    assert seen_by_student[0]["entries"][1]["reason"] == "请补充实验数据说明。"
    assert seen_by_student[0]["entries"][1]["actor_account_id"] == ""


def test_the_queues_are_a_pure_projection_of_reviews_own_events(app, feed, log, who) -> None:
    play(app, feed, log, who)
    live = queues_of(app.index.catch_up())
    assert sum(map(len, live.values())) > 10
    assert queues_of(rebuild(review_events(app))) == live
    # A reader that starts over, in another order of batches, sees the same.
    assert queues_of(QueueIndex(app, batch=3).catch_up()) == live
