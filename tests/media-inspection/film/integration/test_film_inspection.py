"""Every film check on films made with the defects students' films have: each check passes one and fails one."""

from __future__ import annotations

from fractions import Fraction

import pytest

import inspection_media as m
from festival_inspection.film import inspect_film

HEADER_IDS = ["container", "video_codec", "playability", "audio_track", "audio_layout", "resolution", "aspect_ratio",
              "duration", "bitrate", "subtitle_track"]
INFORMATION = {"subtitle_track"}  # says what was found, with nothing to expect
PASS_IDS = ["frame_continuity", "repeated_frames", "av_sync", "orientation", "interlacing", "black_picture",
            "frozen_picture", "loudness", "true_peak", "loudness_range", "noise_floor", "silence"]


def verdicts(report) -> dict[str, str]:
    return {c.id: c.verdict for c in report.checks}


@pytest.fixture(scope="module")
def good_hd(film_dir):
    return m.film(film_dir / "good-hd.mp4", 3, (1280, 720), kbps=2200)


@pytest.fixture(scope="module")
def clean_long(film_dir):
    """24 s of steady speech with pauses: long enough for the loudness range and still/black runs to count."""
    return m.film(film_dir / "clean-long.mp4", 24)


def test_a_film_made_to_the_rules_passes_every_check(good_hd, film_rules):
    report = inspect_film(good_hd, film_rules, "documentary")
    assert [c.id for c in report.checks] == ["readable", *HEADER_IDS, *PASS_IDS]
    assert report.verdict == "pass", [c for c in report.checks if c.verdict != "pass"]
    assert all(c.message_zh and c.message_en for c in report.checks)
    assert all(c.expected is not None for c in report.checks if c.id not in INFORMATION)


def test_a_pal_film_with_4_3_pixels_passes(film_dir, film_rules):
    path = m.film(film_dir / "good-sd.mp4", 3, (720, 576), sar=Fraction(16, 15), kbps=2200)
    report = inspect_film(path, film_rules, "microfilm")
    assert report.verdict == "pass", [c for c in report.checks if c.verdict != "pass"]


def test_a_long_clean_film_passes_the_sound_and_picture_checks(clean_long, film_rules):
    found = verdicts(inspect_film(clean_long, film_rules, "documentary"))
    assert {k: found[k] for k in PASS_IDS} == dict.fromkeys(PASS_IDS, "pass")


def _tail_cut(folder):
    return m.remux(m.film(folder / "tail.src.mp4", 6), folder / "tail.mp4", audio_until_s=3.5)


# name -> (how the film is made, the check, its verdict)
DEFECTS = {
    "matroska named .mp4": (lambda d: m.film(d / "mkv.mp4", 2, fmt="matroska"), "container", "fail"),
    "quicktime named .mp4": (lambda d: m.film(d / "mov.mp4", 2, fmt="mov"), "container", "fail"),
    "hevc": (lambda d: m.film(d / "hevc.mp4", 2, codec="libx265"), "video_codec", "warn"),
    "mpeg-4 part 2": (lambda d: m.film(d / "mpeg4.mp4", 2, codec="mpeg4"), "video_codec", "fail"),
    "no sound track": (lambda d: m.film(d / "mute.mp4", 2, audio=None), "audio_track", "fail"),
    "opus sound": (lambda d: m.film(d / "opus.mp4", 2, audio_codec="libopus"), "audio_track", "warn"),
    "320x240": (lambda d: m.film(d / "small.mp4", 2), "resolution", "fail"),
    "4:3 picture flagged 16:9": (lambda d: m.film(d / "wide.mp4", 2, (720, 576), sar=Fraction(64, 45)),
                                 "aspect_ratio", "fail"),
    "low bit rate": (lambda d: m.film(d / "thin.mp4", 3, (1280, 720), kbps=600), "bitrate", "warn"),
    "frames dropped, timestamps kept": (lambda d: m.drop_frames(m.film(d / "drop.src.mp4", 4), d / "drop.mp4", 40, 5),
                                        "frame_continuity", "fail"),
    "sound 0.5 s late": (lambda d: m.remux(m.film(d / "late.src.mp4", 4), d / "late.mp4", audio_shift_s=0.5),
                         "av_sync", "fail"),
    "sound ends 2.5 s early": (_tail_cut, "av_sync", "warn"),
    "filmed upright": (lambda d: m.film(d / "upright.mp4", 2, (1280, 720), rotation=90), "orientation", "fail"),
    "black throughout": (lambda d: m.film(d / "black.mp4", 4, picture=m.black), "black_picture", "fail"),
    "12 s of black": (lambda d: m.film(d / "blackout.mp4", 20, picture=m.blackout(4, 16)), "black_picture", "warn"),
    "picture freezes": (lambda d: m.film(d / "frozen.mp4", 24, picture=m.freezes(3)), "frozen_picture", "warn"),
    "whispered": (lambda d: m.film(d / "quiet.mp4", 4, audio=m.speech(-40)), "loudness", "fail"),
    "a little quiet": (lambda d: m.film(d / "soft.mp4", 4, audio=m.speech(-20)), "loudness", "warn"),
    "silent track": (lambda d: m.film(d / "silent.mp4", 4, audio=m.silence()), "silence", "fail"),
    "clipped square wave": (lambda d: m.film(d / "square.mp4", 4, audio=m.clipped_square()), "true_peak", "fail"),
    "voice recorded too hot": (lambda d: m.film(d / "hot.mp4", 4, audio=m.overdriven()), "true_peak", "fail"),
    "volume swings": (lambda d: m.film(d / "swing.mp4", 24, audio=m.swinging()), "loudness_range", "warn"),
    "hiss under the voice": (lambda d: m.film(d / "hiss.mp4", 12, audio=m.speech(noise_dbfs=-28)),
                             "noise_floor", "warn"),
    "12 s without sound": (lambda d: m.film(d / "gap.mp4", 20, audio=m.muted(m.speech(), 4, 16)), "silence", "warn"),
}


@pytest.mark.parametrize("name", DEFECTS)
def test_each_defect_gets_its_verdict(name, film_dir, film_rules):
    make, check_id, verdict = DEFECTS[name]
    report = inspect_film(make(film_dir), film_rules, "documentary")
    found = {c.id: c for c in report.checks}
    assert found[check_id].verdict == verdict, found[check_id]
    assert found["readable"].verdict == "pass", found["readable"]
    assert found[check_id].message_zh and found[check_id].message_en


def test_dropped_frames_are_counted_and_placed(film_dir, film_rules):
    path = m.drop_frames(m.film(film_dir / "gaps.src.mp4", 4), film_dir / "gaps.mp4", 40, 5)
    check = next(c for c in inspect_film(path, film_rules, "documentary").checks if c.id == "frame_continuity")
    assert check.measured["missing_frames"] == 5 and check.measured["longest_gap_s"] >= 0.08
    assert 1.0 < check.measured["first_gaps"][0]["at_s"] < 2.5


def test_a_film_over_its_category_limit_fails_duration(film_dir, film_rules):
    path = m.film(film_dir / "long.mp4", 241, (160, 120), fps=5, audio=None)  # the animation limit is 4:00
    report = verdicts(inspect_film(path, film_rules, "animation"))
    assert report["duration"] == "fail" and report["readable"] == "pass"
    assert verdicts(inspect_film(path, film_rules, "documentary"))["duration"] == "pass"


def test_a_pass_that_outruns_its_budget_fails_with_what_it_measured(clean_long, film_rules):
    report = inspect_film(clean_long, film_rules, "documentary", budget_s=0.0)
    found = {c.id: c for c in report.checks}
    assert found["time_budget"].verdict == "fail" and report.verdict == "fail"
    assert found["time_budget"].measured["partial"]["picture"] is not None
    assert set(HEADER_IDS) <= set(found) and not set(PASS_IDS) & set(found)
