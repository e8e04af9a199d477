"""What a film's headers say, as media-inspection read them without decoding: brands, streams, sizes, rates."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class VideoHeader:
    """The picture stream the container describes (the first one with a frame size)."""

    index: int
    codec: str
    width: int
    height: int
    sar: Fraction | None
    fps: Fraction | None
    bit_rate: int | None
    profile: str | None = None
    pixel_format: str | None = None
    bit_depth: int | None = None
    chroma: str | None = None
    field_order: str = "unknown"


@dataclass(frozen=True)
class AudioHeader:
    """The first sound stream the container describes."""

    index: int
    codec: str
    sample_rate: int
    channels: int
    bit_rate: int | None
    layout: str | None = None


@dataclass(frozen=True)
class SubtitleHeader:
    """A subtitle stream the container describes: its codec and the language it is tagged with, if any."""

    index: int
    codec: str
    language: str | None  # the tag as written (ISO 639-2, "chi" or "zho"; "und" when the muxer left it open)


@dataclass(frozen=True)
class Header:
    """The container's own description of a film: nothing here comes from decoding it."""

    brands: tuple[str, ...]
    signature: str
    format_name: str
    duration_s: float | None
    bit_rate: int | None
    video: VideoHeader | None
    audio: AudioHeader | None
    # Every subtitle stream, () when there is none; None in a record measured before they were read, which
    # therefore re-derives without the subtitle_track check it was decided without.
    subtitles: tuple[SubtitleHeader, ...] | None = None
