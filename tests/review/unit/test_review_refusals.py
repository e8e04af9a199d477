"""Every refusal of the review workflow, on an in-memory store: a clear code, and the case unchanged."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from festival_kit.errors import FestivalError
from festival_review.application import ReviewApplication

SUB = "sub-1"


@pytest.fixture
def app(feed, log):
    """An in-memory review app: edition configured, window open, one work of school-a submitted."""
    app = ReviewApplication()
    feed(app, *log.setup(), log.submitted(SUB))
    return app


def refused(app: ReviewApplication, code: str, attempt: Callable[[], object],
            status: int | None = None) -> FestivalError:
    """Run a command that must be refused with `code`, and check that nothing was stored."""
    before = app.recorder.max_notification_id()
    case = app.case(SUB)
    state = (case.submission_version, case.status, len(case.current["entries"]))
    with pytest.raises(FestivalError) as caught:
        attempt()
    assert caught.value.code == code, caught.value
    assert caught.value.message_zh and caught.value.message_en
    if status:
        assert caught.value.status == status
    after = app.case(SUB)
    assert (after.submission_version, after.status, len(after.current["entries"])) == state
    assert app.recorder.max_notification_id() == before
    return caught.value


def test_another_schools_admin_is_refused(app, who) -> None:
    refused(app, "wrong_school", lambda: app.school_forward(who("sa-b"), SUB), 403)
    refused(app, "wrong_school", lambda: app.return_for_fixes(who("sa-c"), "school", SUB, reason_code="other",
                                                               reason="x"), 403)
    refused(app, "wrong_school", lambda: app.timeline(who("sa-b"), SUB), 403)


def test_another_regions_admin_is_refused(app, who) -> None:
    app.school_forward(who("sa-a"), SUB)
    refused(app, "wrong_region", lambda: app.region_forward(who("ra-jl"), SUB), 403)
    refused(app, "wrong_region", lambda: app.return_for_fixes(who("ra-jl"), "region", SUB, reason_code="other",
                                                               reason="x"), 403)


def test_deciding_twice_is_refused(app, who) -> None:
    app.school_forward(who("sa-a"), SUB)
    refused(app, "already_decided", lambda: app.school_forward(who("sa-a"), SUB), 409)
    refused(app, "already_decided", lambda: app.return_for_fixes(who("sa-a"), "school", SUB,
                                                                  reason_code="other", reason="再看看"))


def test_a_region_cannot_decide_before_the_school_forwarded(app, who) -> None:
    refused(app, "not_yet_forwarded", lambda: app.region_forward(who("ra-cc"), SUB), 409)


def test_a_return_needs_a_known_reason_code_and_a_reason(app, who) -> None:
    sa = who("sa-a")
    refused(app, "reason_required", lambda: app.return_for_fixes(sa, "school", SUB, reason_code="other"), 422)
    refused(app, "reason_required", lambda: app.return_for_fixes(sa, "school", SUB, reason="封面不清晰"))
    refused(app, "unknown_reason_code", lambda: app.return_for_fixes(sa, "school", SUB, reason_code="nope",
                                                                      reason="封面不清晰"))
    # A disqualification code is not a reason to send a work back for fixes.
    refused(app, "unknown_reason_code", lambda: app.return_for_fixes(sa, "school", SUB, reason_code="plagiarism",
                                                                      reason="抄袭"))


def _to_province(app, feed, log, who) -> None:
    app.school_forward(who("sa-a"), SUB)
    app.region_forward(who("ra-cc"), SUB)
    feed(app, log.phase("SubmissionWindowClosed"), log.phase("RegionDeadlinePassed"))


def test_a_disqualification_needs_reason_codes_from_the_notice_and_evidence(app, feed, log, who) -> None:
    _to_province(app, feed, log, who)
    pa = who("pa")
    refused(app, "reason_codes_required", lambda: app.disqualify(pa, SUB, [], "片中有危险实验"), 422)
    refused(app, "reason_codes_required", lambda: app.disqualify(pa, SUB, ["  "], "片中有危险实验"))
    refused(app, "unknown_reason_code", lambda: app.disqualify(pa, SUB, ["ugly"], "不好看"), 422)
    refused(app, "unknown_reason_code", lambda: app.disqualify(pa, SUB, ["other"], "退回原因不能用来取消资格"))
    refused(app, "evidence_required", lambda: app.disqualify(pa, SUB, ["safety_hazard"], " "), 422)


def test_decisions_out_of_their_phase_are_refused(app, feed, log, who) -> None:
    app.school_forward(who("sa-a"), SUB)
    app.region_forward(who("ra-cc"), SUB)
    refused(app, "wrong_phase", lambda: app.qualify(who("pa"), SUB), 409)
    refused(app, "wrong_phase", lambda: app.disqualify(who("pa"), SUB, ["off_theme"], "与主题无关"))
    feed(app, log.submitted("sub-2"), log.phase("SubmissionWindowClosed"))
    other = app.case("sub-2")
    with pytest.raises(FestivalError) as caught:
        app.return_for_fixes(who("sa-a"), "school", "sub-2", reason_code="other", reason="太晚了")
    assert caught.value.code == "window_closed" and app.case("sub-2").version == other.version
    feed(app, log.phase("RegionDeadlinePassed"))
    assert app.case("sub-2").status == "not_reported"
    with pytest.raises(FestivalError) as caught:
        app.school_forward(who("sa-a"), "sub-2")
    assert caught.value.code == "not_reported"
    with pytest.raises(FestivalError) as caught:
        app.file_region_table(who("ra-cc"), "region-cc")
    assert caught.value.code == "region_deadline_passed"


def test_a_withdrawn_work_cannot_be_decided(app, feed, log, who) -> None:
    app.return_for_fixes(who("sa-a"), "school", SUB, reason_code="forms_not_signed", reason="申报表未盖章")
    feed(app, log.withdrawn(SUB))
    assert app.case(SUB).status == "withdrawn"
    refused(app, "withdrawn", lambda: app.school_forward(who("sa-a"), SUB), 409)


def test_an_unapproved_school_admin_has_no_queue_and_decides_nothing(app, who) -> None:
    refused(app, "not_approved", lambda: app.school_forward(who("sa-pending"), SUB), 403)
    with pytest.raises(FestivalError) as caught:
        app.queue(who("sa-pending"))
    assert caught.value.code == "not_approved"
    assert app.index.catch_up().queue("sa-pending") == ([], False)
    assert [c.submission_id for c in app.queue(who("sa-a"))[0]] == [SUB]


def test_a_student_or_a_wrong_scope_cannot_use_admin_commands(app, who) -> None:
    refused(app, "forbidden", lambda: app.school_forward(who("student-1"), SUB), 403)
    refused(app, "forbidden", lambda: app.queue(who("student-1")), 403)
    # The gateway's token says another school than the account's: refused, whatever the work.
    refused(app, "forbidden", lambda: app.school_forward(who("sa-a"), SUB, caller_school_id="school-b"))
    # A school admin is not a region admin, whatever it asks.
    refused(app, "forbidden", lambda: app.region_forward(who("sa-a"), SUB))


def test_a_decision_on_a_version_that_moved_on_is_refused(app, feed, log, who) -> None:
    app.return_for_fixes(who("sa-a"), "school", SUB, reason_code="other", reason="请补充说明")
    feed(app, log.submitted(SUB, version=2))
    refused(app, "stale_version", lambda: app.school_forward(who("sa-a"), SUB, version=1), 409)


def test_an_unknown_work_is_not_found(app, who) -> None:
    with pytest.raises(FestivalError) as caught:
        app.school_forward(who("sa-a"), "no-such-work")
    assert (caught.value.code, caught.value.status) == ("not_in_review", 404)
    assert "尚未提交" in caught.value.message_zh  # a draft is not "missing": it is not submitted yet


def test_an_unknown_queue_view_is_refused(app, who) -> None:
    with pytest.raises(FestivalError) as caught:
        app.queue(who("sa-a"), "mine")
    assert (caught.value.code, caught.value.status) == ("unknown_view", 422)
