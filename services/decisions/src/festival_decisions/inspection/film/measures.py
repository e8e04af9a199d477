"""What the one pass over a film measured: packet timestamps, the picture and the sound, and how the pass ended.

These records are everything the film checks read besides the header; media-inspection fills them while it
decodes, and `records.as_json` / `records.from_json` carry them on the InspectionCompleted event.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from festival_decisions.inspection.film.header import Header


@dataclass
class Span:
    """Where one stream's packets start and end, in seconds."""

    start: float | None = None
    end: float | None = None
    packets: int = 0
    bytes: int = 0

    def add(self, start: float, end: float, size: int) -> None:
        self.start = start if self.start is None else min(self.start, start)
        self.end = end if self.end is None else max(self.end, end)
        self.packets += 1
        self.bytes += size


@dataclass
class Gaps:
    """Frames missing from the picture: how many, the longest hole, and where the first holes are."""

    missing_frames: int = 0
    holes: int = 0
    longest_s: float = 0.0
    first: list[dict] = field(default_factory=list)


@dataclass(frozen=True)
class Repeats:
    """How many frames repeat their predecessor, and the cadence they follow, if any."""

    frames: int  # frames compared
    repeated: int
    first_at_s: float | None
    cadence: tuple[int, int] | None  # (k, n): k repeats in every n frames
    even: bool  # every picture shown the same number of times (animation on twos): smooth, at a lower rate

    @property
    def share(self) -> float:
        return round(self.repeated / self.frames, 4) if self.frames else 0.0


@dataclass(frozen=True)
class Fields:
    """What idet said about the judged frames: how many it found top or bottom field first, or progressive."""

    judged: int
    tff: int
    bff: int
    progressive: int
    undetermined: int

    @property
    def interlaced_share(self) -> float:
        return round((self.tff + self.bff) / self.judged, 3) if self.judged else 0.0


@dataclass(frozen=True)
class PictureMeasures:
    """How long the picture is black or stands still, in seconds, over the frames decoded."""

    frames: int
    seen_s: float
    black_s: float
    longest_black_s: float
    longest_black_at_s: float | None
    longest_frozen_s: float
    longest_frozen_at_s: float | None
    rotation: int
    repeats: Repeats | None = None
    fields: Fields | None = None


@dataclass(frozen=True)
class Loudness:
    """What the meter measured: integrated loudness, loudness range, true peak and the quiet parts."""

    integrated_lufs: float | None
    range_lu: float | None
    true_peak_dbtp: float | None
    clipped_share: float
    noise_floor_lufs: float | None
    longest_silence_s: float
    longest_silence_at_s: float | None
    silent_share: float
    measured_s: float
    downmixed_from: str | None = None  # the layout measured as its stereo downmix (5.1, say), if any
    # The level under which the meter counted sound as silence (the edition's silence_lufs when measured).
    silence_below_lufs: float | None = None


@dataclass(frozen=True)
class Scan:
    """Everything measured in the pass; `stopped_at_s` is set when the time budget ran out first."""

    video: Span
    audio: Span
    gaps: Gaps
    loudness: Loudness | None
    picture: PictureMeasures | None
    decode_errors: int
    first_error: str | None
    read_error: str | None
    stopped_at_s: float | None
    elapsed_s: float

    @property
    def reached_s(self) -> float:
        """How far into the film the packets went."""
        ends = [span.end for span in (self.video, self.audio) if span.end is not None]
        return round(max(ends), 3) if ends else 0.0


@dataclass(frozen=True)
class FilmMeasures:
    """One film as inspected: its header (None when not even its first bytes could be read), why it could not
    be opened, if so (the header is then made of its first bytes only), and the pass (None when not decoded)."""

    header: Header | None
    open_error: str | None = None
    scan: Scan | None = None
    budget_s: float | None = None
