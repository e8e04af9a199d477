"""The film checks on films the ffmpeg command line makes (another muxer, other encoder settings, its own
ways of delaying sound or dropping frames): the machine's ffmpeg, or the one the imageio-ffmpeg wheel carries."""

from __future__ import annotations

import pytest

import inspection_media as m
from festival_inspection.film import inspect_film

pytestmark = pytest.mark.skipif(m.ffmpeg_command() is None, reason="no ffmpeg command line (system or imageio-ffmpeg)")

# A voice-like tone with pauses (commas escaped for the filter graph), about -18 LUFS.
VOICE = "aevalsrc=0.25*sin(2*PI*220*t)*(0.6+0.4*sin(2*PI*4*t))*lt(mod(t\\,2.5)\\,1.8):s=48000:c=stereo:d={d}"
CLIPPED = "aevalsrc=max(-1\\,min(1\\,6*sin(2*PI*220*t))):s=48000:c=stereo:d={d}"
X264 = ["-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p"]
AAC = ["-c:a", "aac", "-b:a", "128k"]


def make(path, seconds=4, size="320x240", sound=VOICE, video_filter=None, extra=(), audio_first=()):
    picture = ["-f", "lavfi", "-i", f"testsrc2=size={size}:rate=25:duration={seconds}"]
    audio = [*audio_first, "-f", "lavfi", "-i", sound.format(d=seconds)] if sound else []
    filters = ["-vf", video_filter] if video_filter else []
    m.ffmpeg(*picture, *audio, *filters, *X264, *(AAC if sound else ["-an"]), *extra, str(path))
    return path


def verdicts(path, rules, category="documentary"):
    return {c.id: c.verdict for c in inspect_film(path, rules, category).checks}


def test_an_ffmpeg_film_made_to_the_rules_passes(film_dir, film_rules):
    rate = ["-b:v", "2200k", "-maxrate", "2200k", "-bufsize", "2200k", "-movflags", "+faststart"]
    found = verdicts(make(film_dir / "ff-hd.mp4", 6, "1280x720", extra=rate), film_rules)
    assert set(found.values()) == {"pass"}, found


def test_an_ffmpeg_pal_film_with_4_3_pixels_passes_and_flagged_16_9_fails(film_dir, film_rules):
    good = verdicts(make(film_dir / "ff-pal.mp4", 2, "720x576", video_filter="setsar=16/15"), film_rules)
    wide = verdicts(make(film_dir / "ff-wide.mp4", 2, "720x576", video_filter="setsar=64/45"), film_rules)
    assert (good["aspect_ratio"], good["resolution"], wide["aspect_ratio"]) == ("pass", "pass", "fail")


def test_ffmpeg_defects(film_dir, film_rules):
    late = make(film_dir / "ff-late.mp4", audio_first=["-itsoffset", "0.5"])
    dropped = make(film_dir / "ff-drop.mp4", video_filter="select=not(between(n\\,40\\,44))",
                   extra=["-fps_mode", "passthrough"])
    clipped = make(film_dir / "ff-clip.mp4", sound=CLIPPED)
    mkv = make(film_dir / "ff-mkv.mp4", extra=["-f", "matroska"])
    mute = make(film_dir / "ff-mute.mp4", sound=None)
    assert verdicts(late, film_rules)["av_sync"] == "fail"
    assert verdicts(dropped, film_rules)["frame_continuity"] == "fail"
    assert verdicts(clipped, film_rules)["true_peak"] == "fail"
    assert verdicts(mkv, film_rules)["container"] == "fail"
    assert verdicts(mute, film_rules)["audio_track"] == "fail"


def test_a_fragmented_mp4_is_an_mp4_in_sync_and_a_cut_one_is_not_readable(film_dir, film_rules):
    fragmented = make(film_dir / "ff-frag.mp4", extra=["-movflags", "frag_keyframe+empty_moov"])
    found = verdicts(fragmented, film_rules)
    assert {k: found[k] for k in ("readable", "container", "av_sync", "frame_continuity")} == dict.fromkeys(
        ("readable", "container", "av_sync", "frame_continuity"), "pass")
    fast = make(film_dir / "ff-fast.mp4", 6, extra=["-movflags", "+faststart"])
    assert verdicts(m.truncate(fast, film_dir / "ff-cut.mp4", 0.5), film_rules)["readable"] == "fail"
