"""Inspection findings beside the work: reported before or after the version reaches review."""

from __future__ import annotations

import io

import openpyxl

from festival_review.adapters.messages import case_pb


def test_findings_reach_the_version_whose_upload_they_are_about(app, feed, log, who) -> None:
    # Intake submits only inspected files, so the report usually comes first.
    feed(app, log.inspected("w", verdict="warn", duplicate_of="old-work-7"), log.submitted("w"))
    case = app.case("w")
    note = case.current["inspection"]["film"]
    assert case.inspection_verdict() == "warn" and note["warnings"] == ["bitrate"]
    assert note["duplicate_of"] == "old-work-7" and "旧作" in note["messages_zh"][-1]
    assert [e["kind"] for e in case.current["entries"]] == ["submitted", "inspected"]

    app.return_for_fixes(who("sa-a"), "school", "w", reason_code="media_nonconformance", reason="码率太低")
    feed(app, log.submitted("w", version=2), log.inspected("w", version=2))  # this time the report comes after
    case = app.case("w")
    assert case.inspection_verdict() == "pass" and case.inspection_verdict(case.versions[0]) == "warn"
    feed(app, log.inspected("w", version=2))  # a redelivered report changes nothing
    assert app.case("w").version == case.version

    reviewer = case_pb(case, None, app.directory())
    assert reviewer.inspection_verdict == "pass" and list(reviewer.duplicate_of) == []
    _, versions = app.timeline(who("student-1"), "w")
    assert "duplicate_of" not in versions[0]["inspection"]["film"]
    _, versions = app.timeline(who("ra-cc"), "w")
    assert versions[0]["inspection"]["film"]["duplicate_of"] == "old-work-7"


def test_the_table_shows_the_inspection_verdict(app, feed, log, who) -> None:
    feed(app, log.inspected("v", verdict="fail"), log.submitted("v"))
    _, data, _ = app.region_table(who("ra-cc"), "region-cc")
    rows = list(openpyxl.load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))
    assert rows[3][-1] == "不合格"
