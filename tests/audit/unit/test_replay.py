"""Replay's read models rebuilt from hand-made logs (no server) and compared with what services answer."""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[2]))
from log_envelopes import drafted, submitted  # noqa: E402

from festival_audit.replay import Projections, compare, store, stored  # noqa: E402
from festival_audit.verify import Report  # noqa: E402


def rebuilt(envelopes, folder: Path) -> dict:
    projections = Projections()
    for env in envelopes:
        projections.see(env)
    return stored(store(projections.rows, folder), projections.rows)


def test_a_log_without_awards_still_has_every_kind_so_a_service_answering_one_is_named(tmp_path):
    sub = str(uuid.uuid4())
    args = ("11", sub, "一滴水的旅行", "student-1", "school-1", "region-1")
    replayed = rebuilt([drafted(*args), submitted(*args)], tmp_path)
    assert replayed["intake.works"][sub]["status"] == "submitted"
    assert replayed["awards.lists"] == {} and replayed["scoring.results"] == {}

    answered = {"intake.works": replayed["intake.works"], "awards.lists": {"list-1": {"published": True}}}
    report = Report("replay")
    compare(replayed, answered, report)
    assert [(p.check, p.aggregate_id) for p in report.problems] == [("replay.awards.lists", "list-1")]
    assert "only the service has it" in report.problems[0].message
