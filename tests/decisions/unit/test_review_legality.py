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
