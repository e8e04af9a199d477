"""The subtitle_track check: how many subtitle tracks a film's header lists, their codec and language, always a
pass; a film measured before subtitle tracks were read re-derives as it was recorded, without the check."""

from __future__ import annotations

import copy
import json
from fractions import Fraction
from pathlib import Path

import pytest
import yaml

from festival_decisions.inspection import RULE_VERSION, Difference, rederive, verdicts
from festival_decisions.inspection.film.header import AudioHeader, Header, SubtitleHeader, VideoHeader
from festival_decisions.inspection.film.measures import FilmMeasures
from festival_decisions.inspection.film.subtitles import subtitle_track
from festival_decisions.inspection.records import as_json, from_json
from festival_events.contracts.registry import EditionRules

HERE = Path(__file__).parent
EDITION = HERE.parents[2] / "services/registry/src/festival_registry/editions/edition-11.yaml"
# An InspectionCompleted payload (rule version inspection-1) recorded by the code before subtitles were read.
RECORDED_BEFORE = HERE / "film_recorded_before_subtitles.json"
CHI = SubtitleHeader(2, "mov_text", "chi")


@pytest.fixture(scope="module")
def rules() -> EditionRules:
    data = yaml.safe_load(EDITION.read_text(encoding="utf-8"))
    data.pop("regions", None)
    return EditionRules.model_validate(data)


def header(subtitles: tuple[SubtitleHeader, ...] | None) -> Header:
    video = VideoHeader(0, "h264", 1280, 720, None, Fraction(25), 2_200_000, "High", "yuv420p", 8, "4:2:0")
    return Header(("isom",), "iso-bmff", "mov,mp4", 60.0, None, video, AudioHeader(1, "aac", 48000, 2, 128_000),
                  subtitles)


def test_one_track_is_counted_with_its_codec_and_language():
    found = subtitle_track(header((CHI,)))
    assert (found.id, found.verdict, found.measured, found.expected) == ("subtitle_track", "pass", 1, None)
    assert found.message_zh == "影片带有 1 条字幕轨道（mov_text，语言 chi）。"
    assert found.message_en == "The film carries 1 subtitle track (mov_text, language chi)."


def test_no_track_is_a_pass_that_says_how_to_add_subtitles():
    found = subtitle_track(header(()))
    assert (found.id, found.verdict, found.measured, found.expected) == ("subtitle_track", "pass", 0, None)
    assert found.message_zh.startswith("影片没有字幕轨道") and "压制" in found.message_zh
    assert found.message_en.startswith("The film has no subtitle track") and "burn" in found.message_en


def test_several_tracks_and_an_untagged_language():
    found = subtitle_track(header((CHI, SubtitleHeader(3, "mov_text", "und"), SubtitleHeader(4, "webvtt", None))))
    assert found.measured == 3
    assert found.message_zh == "影片带有 3 条字幕轨道（mov_text，语言 chi；mov_text，未标明语言；webvtt，未标明语言）。"
    assert found.message_en == ("The film carries 3 subtitle tracks (mov_text, language chi; mov_text, language not "
                                "tagged; webvtt, language not tagged).")


def test_a_header_measured_before_subtitles_were_read_has_no_such_check():
    assert subtitle_track(header(None)) is None


def test_the_tracks_survive_json():
    measured = FilmMeasures(header((CHI,)))
    assert from_json(FilmMeasures, json.loads(json.dumps(as_json(measured)))) == measured
    assert as_json(measured)["header"]["subtitles"] == [{"index": 2, "codec": "mov_text", "language": "chi"}]


def test_a_payload_recorded_before_subtitles_were_read_rederives_unchanged(rules):
    recorded = json.loads(RECORDED_BEFORE.read_text(encoding="utf-8"))
    assert recorded["rule_version"] == RULE_VERSION and "subtitles" not in recorded["measurements"]["header"]
    assert rederive(recorded, rules) == []
    verdict, checks = verdicts("film", recorded["measurements"], rules, "documentary")
    assert [c.id for c in checks] == [c["id"] for c in recorded["checks"]] and verdict == recorded["verdict"]


def test_a_film_with_tracks_read_gets_the_check_after_the_header_checks(rules):
    recorded = json.loads(RECORDED_BEFORE.read_text(encoding="utf-8"))
    measured = copy.deepcopy(recorded["measurements"])
    measured["header"]["subtitles"] = [as_json(CHI)]
    verdict, checks = verdicts("film", measured, rules, "documentary")
    ids = [c.id for c in checks]
    assert verdict == recorded["verdict"] and ids[ids.index("bitrate") + 1] == "subtitle_track"
    # The same record with the check taken out of what was recorded: the auditor sees the check missing.
    assert rederive({**recorded, "measurements": measured}, rules) == [Difference("subtitle_track", "present",
                                                                                  False, True)]
