"""Playability and sound layout from made-up headers: profiles, bit depth, chroma, channels and sample rates."""

from __future__ import annotations

import dataclasses
from fractions import Fraction

import pytest

from festival_decisions.inspection.film import FilmRules
from festival_decisions.inspection.film.header import AudioHeader, Header, VideoHeader
from festival_decisions.inspection.film.playback import audio_layout, playability

STEREO = AudioHeader(1, "aac", 48000, 2, 128_000, "stereo")


def made(profile="High", depth=8, chroma="4:2:0", pixels="yuv420p", codec="h264", audio=STEREO) -> Header:
    video = VideoHeader(0, codec, 1280, 720, None, Fraction(25), 2_200_000, profile, pixels, depth, chroma)
    return Header(("isom",), "iso-bmff", "mov,mp4", 60.0, None, video, audio)


@pytest.mark.parametrize("profile", ["Constrained Baseline", "Baseline", "Main", "High"])
def test_8_bit_4_2_0_h264_in_the_usual_profiles_plays(film_rules, profile):
    found = playability(made(profile), film_rules)
    assert found.verdict == "pass"
    assert found.measured == {"profile": profile, "bit_depth": 8, "chroma_subsampling": "4:2:0",
                              "pixel_format": "yuv420p"}


@pytest.mark.parametrize(
    ("profile", "depth", "chroma", "pixels", "settings_zh", "settings_en"),
    [
        ("High 10", 10, "4:2:0", "yuv420p10le", ["配置文件（Profile）", "位深"], ["H.264 profile to High", "8-bit"]),
        ("High 4:2:2", 8, "4:2:2", "yuv422p", ["配置文件（Profile）", "色度采样"], ["profile", "4:2:0 (yuv420p)"]),
        ("High 4:4:4 Predictive", 8, "4:4:4", "yuv444p", ["色度采样"], ["chroma subsampling"]),
    ],
)
def test_editing_formats_fail_naming_the_export_setting(film_rules, profile, depth, chroma, pixels,
                                                        settings_zh, settings_en):
    found = playability(made(profile, depth, chroma, pixels), film_rules)
    assert found.verdict == "fail"
    assert found.measured["profile"] == profile and found.measured["bit_depth"] == depth
    assert found.measured["chroma_subsampling"] == chroma
    assert all(s in found.message_zh for s in settings_zh) and "浏览器" in found.message_zh
    assert all(s in found.message_en for s in settings_en) and "browsers" in found.message_en


def test_a_10_bit_hevc_fails_on_its_bit_depth_and_an_unreadable_pixel_format_warns(film_rules):
    hdr = playability(made("Main 10", 10, "4:2:0", "yuv420p10le", codec="hevc"), film_rules)
    assert hdr.verdict == "fail" and "profile" not in hdr.message_en and "8-bit" in hdr.message_en
    assert playability(made("Main", 8, "4:2:0", codec="hevc"), film_rules).verdict == "pass"
    unknown = playability(made(None, None, None, None), film_rules)
    assert unknown.verdict == "warn" and unknown.measured["pixel_format"] is None


def test_the_lists_come_from_the_edition(edition, film_rules):
    assert film_rules.h264_profiles == ("Constrained Baseline", "Baseline", "Main", "High")
    assert (film_rules.bit_depths, film_rules.chroma_subsampling) == ((8,), ("4:2:0",))
    assert (film_rules.audio_channels_max, film_rules.audio_sample_rates) == (2, (44100, 48000))
    media = {**edition.media, "h264_profiles": ["High", "High 10"], "bit_depths": [8, 10]}
    wider = FilmRules.from_edition(edition.model_copy(update={"media": media}))
    assert playability(made("High 10", 10, "4:2:0", "yuv420p10le"), wider).verdict == "pass"
    assert playability(made("Main"), wider).verdict == "fail"


def test_stereo_and_mono_at_44_1_or_48_khz_pass(film_rules):
    assert audio_layout(made(), film_rules).verdict == "pass"
    mono = audio_layout(made(audio=AudioHeader(1, "aac", 44100, 1, 64_000, "mono")), film_rules)
    assert mono.verdict == "pass" and mono.measured == {"channels": 1, "layout": "mono", "sample_rate": 44100}
    assert audio_layout(made(audio=None), film_rules) is None  # audio_track already fails it


def test_surround_and_odd_sample_rates_warn_saying_what_to_export(film_rules):
    surround = audio_layout(made(audio=AudioHeader(1, "aac", 48000, 6, 384_000, "5.1")), film_rules)
    assert surround.verdict == "warn"
    assert surround.measured == {"channels": 6, "layout": "5.1", "sample_rate": 48000}
    assert "立体声（2 声道）" in surround.message_zh and "stereo (2 channels)" in surround.message_en
    slow = audio_layout(made(audio=AudioHeader(1, "aac", 22050, 2, 64_000, "stereo")), film_rules)
    assert slow.verdict == "warn" and slow.measured["sample_rate"] == 22050
    assert "48000 Hz" in slow.message_zh and "44100 Hz" in slow.message_en
    both = audio_layout(made(audio=AudioHeader(1, "aac", 32000, 6, 384_000, "5.1")), film_rules)
    assert both.verdict == "warn" and "5.1" in both.message_en and "32000 Hz" in both.message_en
    relaxed = dataclasses.replace(film_rules, audio_channels_max=6)
    assert audio_layout(made(audio=AudioHeader(1, "aac", 48000, 6, 384_000, "5.1")), relaxed).verdict == "pass"
