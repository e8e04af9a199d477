"""The review domain without storage: stages, reasons from the notice, and a case's history."""

from __future__ import annotations

import pytest

from festival_kit.context import Cause, caused_by
from festival_kit.errors import FestivalError
from festival_review.domain import reasons
from festival_review.domain import stages as st
from festival_review.domain.case import ReviewCase

NOTICE_REASONS = {"unlawful_or_unethical", "safety_hazard", "harm_to_animals_or_plants",
                  "damage_to_environment_or_relics", "earlier_edition_or_near_copy", "plagiarism", "off_theme",
                  "technical_nonconformance"}


def content(title: str = "电从哪里来") -> dict:
    return {"school_id": "s", "region_id": "r", "title": title, "category": "animation", "theme": "节能减排",
            "synopsis": "", "creators": [{"name": "甲", "grade": "五年级", "school": "s"}], "advisors": [],
            "files": {}, "voice_over": "mandarin", "subtitles": "none"}


def test_the_disqualification_reasons_are_the_notices() -> None:
    assert {r.code for r in reasons.reasons(reasons.DISQUALIFY)} == NOTICE_REASONS
    assert all(r.name_zh and r.name_en for r in reasons.CATALOGUE)
    assert not set(r.code for r in reasons.reasons(reasons.RETURN)) & NOTICE_REASONS


def test_stage_refusals_say_why() -> None:
    st.check_stage(st.AWAITING_SCHOOL, st.AWAITING_SCHOOL)
    for status, expected, code in [
        (st.AWAITING_REGION, st.AWAITING_SCHOOL, "already_decided"),
        (st.RETURNED, st.AWAITING_REGION, "already_decided"),
        (st.AWAITING_SCHOOL, st.AWAITING_PROVINCE, "not_yet_forwarded"),
        (st.WITHDRAWN, st.AWAITING_SCHOOL, "withdrawn"),
        (st.NOT_REPORTED, st.AWAITING_PROVINCE, "not_reported"),
    ]:
        with pytest.raises(FestivalError) as caught:
            st.check_stage(status, expected)
        assert caught.value.code == code


def test_a_case_keeps_every_versions_history_and_its_deciders() -> None:
    case = ReviewCase(edition="e", submission_id="w", student_id="stu", school_id="s", region_id="r")
    case.receive(1, **content())
    with caused_by(Cause(account_id="sa", role="school_admin")):
        case.return_for_fixes("school", "materials_incomplete", "缺少海报说明")
    assert not case.receive(1, **content())  # the same version again changes nothing
    case.receive(2, **content("电从哪里来（修改版）"))
    with caused_by(Cause(account_id="sa", role="school_admin")):
        case.forward_to_region("同意报送")
    assert (case.submission_version, case.status) == (2, st.AWAITING_REGION)
    first, second = case.versions
    assert [e["kind"] for e in first["entries"]] == ["submitted", "returned"]
    assert first["status"] == st.RETURNED and first["entries"][1]["actor_account_id"] == "sa"
    assert first["entries"][1]["reason"] == "缺少海报说明" and first["entries"][1]["level"] == "school"
    assert [e["kind"] for e in second["entries"]] == ["submitted", "forwarded_to_region"]
    assert second["title"] == "电从哪里来（修改版）"


def test_the_region_deadline_closes_only_what_the_province_cannot_see() -> None:
    waiting = ReviewCase(edition="e", submission_id="a", student_id="x", school_id="s", region_id="r")
    waiting.receive(1, **content())
    assert waiting.close_not_reported() and waiting.status == st.NOT_REPORTED
    assert not waiting.close_not_reported() and not waiting.withdraw("window_closed")
    reported = ReviewCase(edition="e", submission_id="b", student_id="x", school_id="s", region_id="r")
    reported.receive(1, **content())
    reported.forward_to_region()
    reported.forward_to_province()
    assert not reported.close_not_reported() and reported.status == st.AWAITING_PROVINCE


def test_inspection_notes_give_the_worst_verdict() -> None:
    case = ReviewCase(edition="e", submission_id="w", student_id="stu", school_id="s", region_id="r")
    case.receive(1, **content())
    assert case.inspection_verdict() == ""
    note = {"slot": "film", "object_key": "k", "verdict": "warn", "warnings": ["bitrate"], "messages_zh": ["码率"],
            "messages_en": ["bitrate"], "duplicate_of": ""}
    assert case.note_inspection(1, note) and not case.note_inspection(1, note)
    case.note_inspection(1, {**note, "slot": "cover", "verdict": "fail"})
    assert case.inspection_verdict() == "fail" and not case.note_inspection(9, note)


def test_a_version_keeps_its_language_declaration_and_earlier_versions_read_without_one() -> None:
    from festival_review.domain import history

    case = ReviewCase(edition="11", submission_id="w", student_id="st", school_id="s", region_id="r")
    case.receive(1, **{**content(), "voice_over": "dialect", "subtitles": "track"})
    assert (case.current["voice_over"], case.current["subtitles"]) == ("dialect", "track")
    state = {"title": "t"}
    ReviewCase.VersionReceived.upcast_v1_v2(state)
    assert state["voice_over"] == state["subtitles"] == ""
    old = {k: v for k, v in {"submission_version": 2, **content()}.items() if k not in ("voice_over", "subtitles")}
    history.apply(case, "ReviewVersionReceived", old, "2023-07-01T00:00:00+00:00", "st", "student")
    assert case.current["voice_over"] == ""
