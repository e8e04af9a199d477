"""Playability, interlacing, repeated frames and sound layout on films the ffmpeg command line makes the way
students' films get these defects: an editing-format export, a DV camera's 576i, 20 fps footage exported at
25, a 5.1 mix. The machine's ffmpeg, or the one the imageio-ffmpeg wheel carries."""

from __future__ import annotations

import pytest

import inspection_media as m
from festival_inspection.film import inspect_film

pytestmark = pytest.mark.skipif(m.ffmpeg_command() is None, reason="no ffmpeg command line (system or imageio-ffmpeg)")

VOICE = "0.25*sin(2*PI*220*t)*(0.6+0.4*sin(2*PI*4*t))"
X264 = ["-c:v", "libx264", "-preset", "veryfast"]
AAC = ["-c:a", "aac", "-b:a", "128k"]


def make(path, seconds=2, size="320x240", rate="25", video=(), sound=None, audio=()):
    """A testsrc2 film with a voice-like tone; `video` and `audio` are the extra output options of each."""
    sound = sound or f"aevalsrc={VOICE}:s=48000:c=stereo:d={seconds}"
    m.ffmpeg("-f", "lavfi", "-i", f"testsrc2=size={size}:rate={rate}:duration={seconds}", "-f", "lavfi", "-i", sound,
             *X264, *video, *AAC, *audio, "-shortest", str(path))
    return path


def checks(path, rules):
    return {c.id: c for c in inspect_film(path, rules, "documentary").checks}


def test_an_ordinary_export_plays_is_progressive_and_does_not_repeat(film_dir, film_rules):
    found = checks(make(film_dir / "pb-good.mp4", 4, video=["-pix_fmt", "yuv420p"]), film_rules)
    for id_ in ("playability", "audio_layout", "interlacing", "repeated_frames"):
        assert found[id_].verdict == "pass", found[id_]
    assert found["playability"].measured == {"profile": "High", "bit_depth": 8, "chroma_subsampling": "4:2:0",
                                             "pixel_format": "yuv420p"}
    assert found["audio_layout"].measured == {"channels": 2, "layout": "stereo", "sample_rate": 48000}
    assert found["interlacing"].measured["field_order"] == "progressive"
    assert found["interlacing"].measured["judged_frames"] == 8 and found["interlacing"].measured["tff"] == 0
    assert found["repeated_frames"].measured["repeated_frames"] == 0


@pytest.mark.parametrize(
    ("name", "options", "profile", "depth", "chroma"),
    [
        ("high10", ["-profile:v", "high10", "-pix_fmt", "yuv420p10le"], "High 10", 10, "4:2:0"),
        ("422", ["-pix_fmt", "yuv422p"], "High 4:2:2", 8, "4:2:2"),
        ("444", ["-pix_fmt", "yuv444p"], "High 4:4:4 Predictive", 8, "4:4:4"),
    ],
)
def test_editing_formats_that_browsers_cannot_play_fail(film_dir, film_rules, name, options, profile, depth, chroma):
    found = checks(make(film_dir / f"pb-{name}.mp4", video=options), film_rules)
    assert found["video_codec"].verdict == "pass"  # it is H.264: the codec alone says nothing
    play = found["playability"]
    assert play.verdict == "fail", play
    assert (play.measured["profile"], play.measured["bit_depth"], play.measured["chroma_subsampling"]) == (
        profile, depth, chroma)
    assert found["readable"].verdict == "pass"


def test_pal_576i_from_a_camera_warns_to_deinterlace(film_dir, film_rules):
    # 50 fields a second woven into 25 frames, top field first, coded as interlaced: a DV camera's 576i.
    camera = ["-vf", "tinterlace=interleave_top,setsar=16/15", "-flags", "+ildct+ilme", "-pix_fmt", "yuv420p"]
    found = checks(make(film_dir / "pb-576i.mp4", 3, "720x576", "50", camera), film_rules)
    check = found["interlacing"]
    assert check.verdict == "warn", check
    assert check.measured["field_order"] == "tt"
    assert check.measured["judged_frames"] == 8 and check.measured["interlaced_share"] > 0.9  # 4 a burst
    assert check.measured["tff"] == check.measured["interlaced_frames"]
    assert "反交错" in check.message_zh and "Deinterlace" in check.message_en
    assert (found["resolution"].verdict, found["aspect_ratio"].verdict) == ("pass", "pass")


def test_interlaced_frames_flagged_progressive_are_caught_by_idet(film_dir, film_rules):
    woven = ["-vf", "tinterlace=interleave_top,setsar=16/15", "-pix_fmt", "yuv420p"]
    check = checks(make(film_dir / "pb-woven.mp4", 3, "720x576", "50", woven), film_rules)["interlacing"]
    assert check.verdict == "warn" and check.measured["field_order"] == "progressive"
    assert check.measured["interlaced_share"] > 0.9
    progressive = ["-vf", "setsar=16/15", "-pix_fmt", "yuv420p"]
    clean = checks(make(film_dir / "pb-576p.mp4", 3, "720x576", "25", progressive), film_rules)["interlacing"]
    assert clean.verdict == "pass" and clean.measured["interlaced_frames"] == 0


def test_20_fps_footage_exported_at_25_fails_with_its_cadence(film_dir, film_rules):
    path = make(film_dir / "pb-20to25.mp4", 8, rate="20", video=["-vf", "fps=25", "-pix_fmt", "yuv420p"])
    assert m.ffmpeg_frames(path, "mpdecimate") == 160  # FFmpeg's own duplicate finder keeps 160 of 200
    check = checks(path, film_rules)["repeated_frames"]
    assert check.verdict == "fail", check
    assert {k: check.measured[k] for k in ("repeated_frames", "frames", "share", "cadence", "footage_fps")} == {
        "repeated_frames": 40, "frames": 200, "share": 0.2, "cadence": "1 in 5", "footage_fps": 20.0}
    assert "20 帧/秒" in check.message_zh and "20 fps" in check.message_en


def test_24_fps_at_25_warns_and_12_5_fps_doubled_warns_as_even(film_dir, film_rules):
    hitch = checks(make(film_dir / "pb-24to25.mp4", 8, rate="24", video=["-vf", "fps=25", "-pix_fmt", "yuv420p"]),
                   film_rules)["repeated_frames"]
    assert hitch.verdict == "warn", hitch
    assert (hitch.measured["repeated_frames"], hitch.measured["cadence"], hitch.measured["footage_fps"]) == (
        8, "1 in 25", 24.0)
    twos = checks(make(film_dir / "pb-twos.mp4", 4, rate="12.5", video=["-vf", "fps=25", "-pix_fmt", "yuv420p"]),
                  film_rules)["repeated_frames"]
    assert twos.verdict == "warn" and twos.measured["even"], twos
    assert (twos.measured["cadence"], twos.measured["footage_fps"]) == ("1 in 2", 12.5)


def test_5_1_sound_warns_and_its_loudness_is_the_stereo_downmix(film_dir, film_rules):
    # Ambience in the surround channels only: BS.1770 weights them +1.5 dB, a stereo downmix takes -3 dB.
    sound = f"aevalsrc=0|0|0|0|{VOICE}|{VOICE}:s=48000:c=5.1:d=6"
    path = make(film_dir / "pb-51.mp4", 6, sound=sound, video=["-pix_fmt", "yuv420p"])
    found = checks(path, film_rules)
    layout = found["audio_layout"]
    assert layout.verdict == "warn" and layout.measured == {"channels": 6, "layout": "5.1", "sample_rate": 48000}
    assert found["audio_track"].verdict == "pass"
    heard = found["loudness"].measured
    assert heard == pytest.approx(m.ffmpeg_loudness(path, "aformat=channel_layouts=stereo"), abs=0.3)
    assert m.ffmpeg_loudness(path) - heard == pytest.approx(4.5, abs=0.5)  # what BS.1770's 5.1 weighting says
    assert found["loudness"].expected["measured_on"] == "stereo downmix of 5.1"


def test_7_1_sound_is_measured_without_reading_its_eight_planes(film_dir, film_rules):
    # PyAV 18 miscounts the planes of decoded 8-channel sound: reading them as an array crashed the process.
    sound = f"aevalsrc=0|0|{VOICE}|0|0|0|0|0:s=48000:c=7.1:d=2"
    found = checks(make(film_dir / "pb-71.mp4", sound=sound, video=["-pix_fmt", "yuv420p"]), film_rules)
    assert found["audio_layout"].verdict == "warn" and found["audio_layout"].measured["channels"] == 8
    assert found["readable"].verdict == "pass" and found["true_peak"].measured["clipped_share"] == 0.0
    assert found["loudness"].expected["measured_on"] == "stereo downmix of 7.1"


def test_a_22_khz_sound_warns_and_44_1_passes(film_dir, film_rules):
    low = checks(make(film_dir / "pb-22k.mp4", sound=f"aevalsrc={VOICE}:s=22050:c=stereo:d=2",
                      video=["-pix_fmt", "yuv420p"]), film_rules)["audio_layout"]
    assert low.verdict == "warn" and low.measured["sample_rate"] == 22050
    cd = checks(make(film_dir / "pb-44k.mp4", sound=f"aevalsrc={VOICE}:s=44100:c=mono:d=2",
                     video=["-pix_fmt", "yuv420p"]), film_rules)["audio_layout"]
    assert cd.verdict == "pass" and cd.measured == {"channels": 1, "layout": "mono", "sample_rate": 44100}
