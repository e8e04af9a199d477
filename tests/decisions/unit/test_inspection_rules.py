"""Inspection rules as pure functions of recorded measurements: records survive JSON exactly, `verdicts` decides
from them, and `rederive` names every difference between a recorded payload and what its measurements give."""

from __future__ import annotations

import json
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest
import yaml

from festival_decisions.inspection import NOT_REDERIVABLE, RULE_VERSION, Difference, measurements, rederive, verdicts
from festival_decisions.inspection.files import Still
from festival_decisions.inspection.film.header import AudioHeader, Header, VideoHeader
from festival_decisions.inspection.film.measures import (
    FilmMeasures, Gaps, Loudness, PictureMeasures, Repeats, Scan, Span,
)
from festival_decisions.inspection.forms import FormMeasures, Pdf
from festival_decisions.inspection.images import ImageMeasures
from festival_decisions.inspection.records import as_json, from_json
from festival_decisions.inspection.report import plain
from festival_events.contracts.registry import EditionRules

EDITION = Path(__file__).parents[3] / "services/registry/src/festival_registry/editions/edition-11.yaml"


@pytest.fixture(scope="module")
def rules() -> EditionRules:
    data = yaml.safe_load(EDITION.read_text(encoding="utf-8"))
    data.pop("regions", None)
    return EditionRules.model_validate(data)


def film(seconds: float = 300.0, width: int = 1280, sar: Fraction | None = None) -> FilmMeasures:
    """A film as media-inspection would have measured it: 16:9 H.264 with stereo AAC, speech at -20 LUFS."""
    video = VideoHeader(0, "h264", width, 720, sar, Fraction(25), 2_200_000, "High", "yuv420p", 8, "4:2:0",
                        "progressive")
    header = Header(("isom", "isom", "avc1"), "iso-bmff", "mov,mp4", seconds, 2_330_000, video,
                    AudioHeader(1, "aac", 48000, 2, 128_000, "stereo"))
    picture = PictureMeasures(7500, 300.0, 0.0, 0.0, None, 2.4, 12.0, 0, Repeats(7500, 0, None, None, False))
    sound = Loudness(-20.1, 6.2, -3.4, 0.0, -58.0, 0.7, 2.5, 0.1, 300.0, None, -60.0)
    scan = Scan(Span(0.0, seconds, 7500, 80_000_000), Span(0.0, seconds + 0.02, 14000, 4_800_000),
                Gaps(), sound, picture, 0, None, None, None, 41.5)
    return FilmMeasures(header, None, scan, 600.0)


def payload(slot: str, measured: dict, rules: EditionRules, category: str | None = "documentary") -> dict:
    """What InspectionCompleted would carry for these measurements."""
    verdict, checks = verdicts(slot, measured, rules, category)
    return json.loads(json.dumps({"slot": slot, "category": category, "verdict": verdict, "measurements": measured,
                                  "rule_version": RULE_VERSION, "checks": [plain(c.as_dict()) for c in checks]}))


def test_a_record_read_back_from_json_is_the_record_measured():
    measured = film(sar=Fraction(16, 15))
    assert from_json(FilmMeasures, json.loads(json.dumps(as_json(measured)))) == measured
    assert as_json(measured)["header"]["video"]["sar"] == "16/15"
    assert from_json(FilmMeasures, {"header": None, "open_error": "EOFError: empty"}).header is None
    with pytest.raises(ValueError, match="unknown fields"):
        from_json(FilmMeasures, {"header": None, "headr": 1})


def test_a_film_made_to_the_rules_passes(rules):
    verdict, checks = verdicts("film", measurements(film()), rules, "documentary")
    assert verdict == "pass", [c for c in checks if c.verdict != "pass"]
    assert [c.id for c in checks][:2] == ["readable", "container"] and len(checks) == 22


def test_verdicts_refuse_measurements_that_do_not_fit_the_slot(rules):
    with pytest.raises(ValueError):
        verdicts("cover", measurements(film()), rules, None)
    with pytest.raises(ValueError, match="unknown category"):
        verdicts("film", measurements(film()), rules, "opera")


@pytest.mark.parametrize(("slot", "measured"), [
    ("film", measurements(film())),
    ("film", measurements(film(seconds=600.0, width=1920))),  # too long, wrong size
    ("film", measurements(FilmMeasures(Header((), "matroska", "unknown", None, None, None, None), "InvalidData"))),
    ("cover", measurements(ImageMeasures("jpeg", 81_000, Still(640, 480, luma_std=40.0)))),
    ("poster", measurements(ImageMeasures("png", 81_000))),
    ("application_form", measurements(FormMeasures("pdf", 9_000, True, pdf=Pdf(2, 1)))),
    ("copyright_declaration", measurements(FormMeasures("jpeg", 400_000, True, still=Still(1240, 1754)))),
    ("film", measurements(kind="missing")),
    ("cover", measurements(kind="abandoned", attempts=3)),
    ("film", measurements(kind="out_of_time", elapsed_s=750.2, budget_s=600.0)),
])
def test_a_payload_as_recorded_rederives_without_a_difference(rules, slot, measured):
    assert rederive(payload(slot, measured, rules), rules) == []


def test_an_edited_verdict_is_exactly_one_difference(rules):
    recorded = payload("film", measurements(film()), rules)
    recorded["verdict"] = "fail"
    assert rederive(recorded, rules) == [Difference("", "verdict", "fail", "pass")]


def test_an_edited_check_verdict_is_exactly_that_checks_difference(rules):
    recorded = payload("film", measurements(film()), rules)
    bitrate = next(c for c in recorded["checks"] if c["id"] == "bitrate")
    bitrate["verdict"] = "warn"
    assert rederive(recorded, rules) == [Difference("bitrate", "verdict", "warn", "pass")]


def test_an_edited_measurement_shows_in_the_check_it_feeds(rules):
    recorded = payload("film", measurements(film()), rules)
    recorded["measurements"]["header"]["duration_s"] = 600.0  # documentary films run at most 8 minutes
    found = rederive(recorded, rules)
    assert Difference("", "verdict", "pass", "fail") in found
    assert Difference("duration", "verdict", "pass", "fail") in found
    assert Difference("duration", "measured", 300.0, 600.0) in found
    # The header now promises 10 minutes the packets never reached: readable says the file was cut off.
    assert Difference("readable", "verdict", "pass", "fail") in found
    assert {d.check for d in found} == {"", "duration", "readable"}


def test_a_check_recorded_but_not_derived_is_named(rules):
    recorded = payload("cover", measurements(ImageMeasures("jpeg", 81_000, Still(640, 480, luma_std=40.0))), rules)
    recorded["checks"].append({**recorded["checks"][0], "id": "signed_by_the_jury"})
    assert rederive(recorded, rules) == [Difference("signed_by_the_jury", "present", True, False)]


def test_silence_measured_at_another_level_than_the_editions_is_a_difference(rules):
    recorded = payload("film", measurements(film()), rules)
    recorded["measurements"]["scan"]["loudness"]["silence_below_lufs"] = -40.0
    assert rederive(recorded, rules) == [Difference("silence", "silence_below_lufs", -40.0, -60.0)]


def test_what_cannot_be_rederived_is_one_note_not_a_difference(rules):
    recorded = payload("film", measurements(film()), rules)
    old = {**recorded, "measurements": None, "rule_version": ""}  # an InspectionCompleted v1, upcast
    (note,) = rederive(old, rules)
    assert (note.kind, note.field) == (NOT_REDERIVABLE, "measurements")
    (note,) = rederive({**recorded, "rule_version": "inspection-0"}, rules)
    assert (note.kind, note.field, note.recorded) == (NOT_REDERIVABLE, "rule_version", "inspection-0")
    broken = {**recorded, "measurements": {"kind": "film", "header": "not a header"}}
    (note,) = rederive(broken, rules)
    assert (note.kind, note.field) == (NOT_REDERIVABLE, "measurements")


def test_the_rules_import_neither_av_nor_numpy_nor_storage():
    code = ("import sys, festival_decisions.inspection, festival_decisions.inspection.rederive; "
            "print(sorted({'av', 'numpy', 'minio', 'pypdf'} & set(sys.modules)))")
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert found.strip() == "[]"
