"""The Inspection aggregate: one per upload, started, restarted by the next worker, completed once, on contract."""

from __future__ import annotations

import pytest

from festival_events import contracts
from festival_decisions.inspection import RULE_VERSION
from festival_decisions.inspection.report import Check, Report
from festival_inspection.rules import edition_file, load_edition
from festival_inspection.worker.domain.inspection import Inspection, inspection_id
from festival_inspection.worker.domain.views import InspectionRules, WorkCategory
from festival_kit.aggregate import envelope_of


MEASURED = {"kind": "missing"}


def started(worker: str = "w1") -> Inspection:
    return Inspection(edition="11", submission_id="sub-1", upload_id="up-1", slot="film", object_key="k/film.mp4",
                      size=1234, category="documentary", worker=worker)


def report() -> Report:
    return Report((
        Check("resolution", "fail", "320x240", ["720x576", "1280x720"], "分辨率不符", "wrong resolution"),
        Check("bitrate", "warn", 812.5, (2000, 2500), "码率偏低", "bitrate low"),
    ))


def test_the_id_is_the_uploads_so_every_worker_finds_the_same_inspection() -> None:
    assert started().id == inspection_id("sub-1", "up-1") == started("w2").id
    assert inspection_id("sub-1", "up-2") != inspection_id("sub-1", "up-1")


def test_restarted_by_the_next_worker_and_completed_once() -> None:
    insp = started()
    insp.restart("w2")
    assert (insp.status, insp.attempt, insp.worker) == ("running", 2, "w2")
    insp.complete(report(), measurements=MEASURED, content_hash="ab" * 32, fingerprint=None, duplicate_of=None,
                  elapsed_s=1.23456, worker="w2")
    assert insp.completed and insp.verdict == "fail"
    assert insp.result["checks"][1]["expected"] == [2000, 2500]  # stored as JSON has it
    with pytest.raises(ValueError):
        insp.complete(report(), measurements=MEASURED, content_hash="", fingerprint=None, duplicate_of=None,
                      elapsed_s=0, worker="w3")
    with pytest.raises(ValueError):
        insp.restart("w3")


def test_every_event_is_published_under_its_contract() -> None:
    insp = started()
    insp.restart("w2")
    fingerprint = {"step_s": 0.5, "window_s": 0.5, "hashes": ["00ff00ff00ff00ff", None]}
    duplicate = {"work_id": "sub-0", "edition": "11", "title": "", "similarity": 0.9, "source": "submission"}
    insp.complete(report(), measurements=MEASURED, content_hash="ab" * 32, fingerprint=fingerprint,
                  duplicate_of=duplicate, elapsed_s=2, worker="w2")
    rules = InspectionRules.record(load_edition(edition_file("11")))
    work = WorkCategory(edition="11", submission_id="sub-1", category="animation")
    work.change("documentary")
    events = [*insp.collect_events(), *rules.collect_events(), *work.collect_events()]
    envelopes = [envelope_of(e, "media-inspection") for e in events]
    assert [e.type for e in envelopes] == ["InspectionStarted", "InspectionRestarted", "InspectionCompleted",
                                           "InspectionRulesRecorded", "WorkCategoryRecorded", "WorkCategoryChanged"]
    for env in envelopes:
        assert contracts.read(env).version == env.schema_version and env.edition == "11"
    completed = contracts.read(envelopes[2])
    assert completed.verdict == "fail" and [c.id for c in completed.checks] == ["resolution", "bitrate"]
    assert completed.checks[0].measured == "320x240" and completed.duplicate_of.work_id == "sub-0"
    assert completed.measurements == MEASURED and completed.rule_version == RULE_VERSION
    assert envelopes[2].schema_version == 2
    assert envelopes[2].subject == "festival.media-inspection.InspectionCompleted"
