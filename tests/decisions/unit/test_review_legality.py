"""Which review decision is legal when, by whom, on which version and with which reasons (the auditor's table)."""

from __future__ import annotations

from festival_decisions.review.legality import CLOSED, OPEN, REGION_CLOSED, problems


def test_legal_decisions_have_no_problems():
    assert problems("WorkForwardedToRegion", {"submission_version": 2}, "school_admin", CLOSED, 2) == []
    assert problems("WorkReturned", {"submission_version": 1, "level": "region", "reason_code": "other"},
                    "region_admin", OPEN, 1) == []
    assert problems("WorkDisqualified", {"submission_version": 1, "reason_codes": ["plagiarism"]}, "province_admin",
                    REGION_CLOSED, 1) == []


def test_the_wrong_phase_role_level_version_and_missing_reasons_are_each_named():
    found = problems("WorkReturned", {"submission_version": 1, "level": "school", "reason_code": ""}, "region_admin",
                     CLOSED, 2)
    assert len(found) == 4
    assert any("phase window_closed" in f for f in found)
    assert any("school-level return" in f for f in found) and any("version 1" in f for f in found)
    assert any("reason code" in f for f in found)
    assert problems("WorkForwardedToProvince", {"submission_version": 1}, "school_admin", OPEN, 1) == [
        "taken by role school_admin; only region_admin may"]
    assert problems("WorkQualified", {"submission_version": 1}, "province_admin", CLOSED, 1) == [
        "taken in phase window_closed; allowed in region_closed"]
    assert problems("WorkDisqualified", {"submission_version": 1, "reason_codes": []}, "province_admin",
                    REGION_CLOSED, None) == ["decides on a work review never received",
                                             "a disqualification without reason codes"]


def test_an_admin_deciding_outside_their_school_or_region_is_named():
    from festival_decisions.review.legality import scope_problem

    assert scope_problem("school_admin", "s1", "r1", "s1", "r1") == ""
    assert "school s2" in scope_problem("school_admin", "s1", "r1", "s2", "r1")
    assert "region r2" in scope_problem("region_admin", None, "r1", "s9", "r2")
    assert scope_problem("province_admin", None, None, "s2", "r2") == ""
