"""The film rules of one edition: what the notice fixes, and defaults for what it leaves to judgement."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from festival_events.contracts.registry import EditionRules

@dataclass(frozen=True)
class Resolution:
    """A frame size the edition accepts and the display aspect ratio it must show at."""

    width: int
    height: int
    aspect: Fraction


@dataclass(frozen=True)
class FilmRules:
    """Everything a film is checked against; built from the edition with `from_edition`.

    The first fields are what the notice fixes. The others are thresholds it states only in words (音量适中,
    不失真, 无明显背景噪声, ...): each default says why its value, and an edition may override any of them
    with a key of the same name in its `media` mapping.
    """

    container: str
    resolutions: tuple[Resolution, ...]
    max_duration_s: tuple[tuple[str, float], ...]
    bitrate_kbps: tuple[float, float]
    bitrate_advisory: bool = True
    # "MP4" means H.264 to every player a reviewer has; HEVC plays on most but not all (Windows needs an add-on).
    video_codecs: tuple[str, ...] = ("h264",)
    video_codecs_warned: tuple[str, ...] = ("hevc",)
    # What Chromium, phones, TVs and classroom players all decode: H.264 in these profiles, 8 bits, 4:2:0.
    # High 10 and 4:2:2 / 4:4:4 (High 4:2:2, High 4:4:4 Predictive) are editing formats they refuse.
    h264_profiles: tuple[str, ...] = ("Constrained Baseline", "Baseline", "Main", "High")
    bit_depths: tuple[int, ...] = (8,)
    chroma_subsampling: tuple[str, ...] = ("4:2:0",)
    # Every player plays AAC and MP3 in MP4; Opus, FLAC or PCM from screen recorders play silent on some.
    audio_codecs: tuple[str, ...] = ("aac", "mp3")
    # Classroom players and browsers play stereo as mixed; 5.1 they downmix each their own way (dialogue in
    # the centre channel gets quiet). 44.1 and 48 kHz are what every editor exports and every player plays.
    audio_channels_max: int = 2
    audio_sample_rates: tuple[int, ...] = (44100, 48000)
    # Rec.601 "4:3 PAL" (SAR 12:11, 704 active columns) is 2.3% off 4:3 and is what broadcast tools write.
    aspect_tolerance: float = 0.03
    # AAC's last frame and container rounding add up to ~0.1 s past the editor's timeline; 8:00.4 reads as 8:00.
    duration_grace_s: float = 0.5
    # An editor's export has a constant frame rate: a single missing frame is already a dropped frame (漏帧).
    frame_gaps_allowed: int = 0
    # ITU-R BT.1359's limits of acceptability: sound at most 90 ms early or 185 ms late. (Its limits of
    # detectability, 45/125 ms, would fail files muxers shift by a B-frame delay of two or three frames.)
    sync_lead_s: float = 0.09
    sync_lag_s: float = 0.185
    # Streams ending apart by more than a second leave a silent or frozen tail (warned, not refused).
    end_gap_s: float = 1.0
    # EBU R128's -23 LUFS (with its ±1 LU, and 2 LU more) up to the -14 LUFS web platforms play at.
    loudness_lufs: tuple[float, float] = (-26.0, -13.0)
    # Beyond these a film is plainly too quiet to follow (13 LU under R128) or louder than any mastered film.
    loudness_fail_lufs: tuple[float, float] = (-36.0, -8.0)
    # R128's ceiling is -1 dBTP (warn above it); above 0 dBTP the sound exceeds full scale and is clipped.
    true_peak_dbtp: tuple[float, float] = (-1.0, 0.0)
    # A clean recording reaches its loudest 1 dB only on rare peaks (under 0.1% of samples); a clipped one
    # piles several percent of its samples there.
    clipped_share: float = 0.01
    # Broadcast programmes sit at 5-15 LU; beyond that viewers keep reaching for the volume (时大时小).
    loudness_range_lu: float = 15.0
    # Speech stays clear with background 15 dB under it; a floor below -55 LUFS is inaudible whatever the gap.
    noise_gap_lu: float = 15.0
    noise_audible_lufs: float = -55.0
    # Momentary loudness under -60 LUFS is silence to a listener; 10 s of it is a gap, not a pause.
    silence_lufs: float = -60.0
    silence_s: float = 10.0
    # Fades and transitions last a second or two; ten seconds of black is a missing shot.
    black_s: float = 10.0
    black_share: float = 0.9
    # Still photos held without movement rarely last 15 s; longer, the picture has stopped.
    frozen_s: float = 15.0
    # Combing shows on every moving interlaced frame; when most judged frames are interlaced, so is the film
    # (a few frames misjudged on fast motion do not make it so).
    interlaced_share: float = 0.5
    # Repeated frames (a picture shown twice while the rest moves) make motion stutter. 24 fps shown at 25
    # repeats 4% in a regular cadence (a hitch a second: warned); 20 fps at 25 repeats 20% (five hitches a
    # second: refused). A few stray repeats (a capture hiccup) under 2% pass.
    repeated_share_warn: float = 0.02
    repeated_share_fail: float = 0.1
    # A cadence is named once this many repeats follow it (fewer could be chance).
    cadence_min_repeats: int = 4

    def max_duration(self, category: str | None) -> float:
        """The longest film `category` accepts, in seconds: the longest of all when no category is chosen yet.

        ValueError for a category the edition does not have (the caller's mistake, not the film's)."""
        if category is None:
            return max((seconds for _, seconds in self.max_duration_s), default=float("inf"))
        for code, seconds in self.max_duration_s:
            if code == category:
                return seconds
        known = ", ".join(code for code, _ in self.max_duration_s)
        raise ValueError(f"unknown category {category!r} (edition has: {known})")

    def resolution(self, width: int, height: int) -> Resolution | None:
        return next((r for r in self.resolutions if (r.width, r.height) == (width, height)), None)

    @classmethod
    def from_edition(cls, rules: EditionRules) -> FilmRules:
        """The film rules of an edition: its `media` section, its categories' durations, and overrides."""
        media = rules.media
        bitrate = _mapping(media.get("bitrate_kbps"))
        base = cls(
            container=str(media.get("container", "mp4")),
            resolutions=tuple(_resolution(r) for r in media.get("resolutions", ()) or ()),
            max_duration_s=tuple((c.code, float(c.max_duration_s)) for c in rules.categories),
            bitrate_kbps=(float(bitrate.get("min", 0)), float(bitrate.get("max", float("inf")))),
            bitrate_advisory=bool(bitrate.get("advisory", True)),
        )
        overrides = {name: _like(getattr(base, name), media[name]) for name in TUNABLE if name in media}
        return dataclasses.replace(base, **overrides)

    def as_dict(self) -> dict[str, Any]:
        """The rules as plain data, recorded with a report so a verdict can be re-derived later."""
        data = dataclasses.asdict(self)
        data["resolutions"] = [{"width": r.width, "height": r.height, "aspect": _ratio(r.aspect)}
                               for r in self.resolutions]
        data["max_duration_s"] = dict(self.max_duration_s)
        return data


# The thresholds an edition may override by name (the notice's own rules come from their own keys of `media`).
TUNABLE = tuple(
    f.name for f in dataclasses.fields(FilmRules) if f.default is not dataclasses.MISSING and f.name != "bitrate_advisory"
)


def _resolution(entry: Any) -> Resolution:
    entry = _mapping(entry)
    width, height = int(entry["width"]), int(entry["height"])
    num, _, den = str(entry.get("aspect", f"{width}:{height}")).partition(":")
    return Resolution(width, height, Fraction(int(num), int(den or 1)))


def _mapping(value: Any) -> dict[str, Any]:
    return dict(value) if isinstance(value, dict) else {}


def _like(default: Any, value: Any) -> Any:
    """`value` from the edition file in the type of the default it replaces (a bad value fails loading)."""
    if isinstance(default, tuple):
        return tuple(type(default[0])(v) for v in value) if default else tuple(value)
    return type(default)(value)


def _ratio(value: Fraction) -> str:
    return f"{value.numerator}:{value.denominator}"
