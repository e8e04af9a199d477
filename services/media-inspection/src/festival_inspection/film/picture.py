"""The decoded picture: black and frozen stretches, on a coarse luma grid of every fifth frame and keyframe;
repeated frames, on a coarser grid of every frame; interlacing, by idet on bursts of frames."""

from __future__ import annotations

import av
import numpy as np

from festival_decisions.inspection.film.measures import PictureMeasures
from festival_inspection.film.fields import FieldMeter
from festival_inspection.film.repeats import RepeatFinder

SAMPLE_EVERY = 5  # a fifth of a second at 25 fps: runs of black or still picture last many seconds
STEP = 8  # every 8th pixel of every 8th row: 14,400 points of a 720p frame, enough for a picture's gist
REPEAT_STEP = 16  # every frame is compared with the previous: 3,600 points tell a repeat from motion
DARK_LUMA = 32  # under ~8% of white on either luma range: FFmpeg's blackdetect uses 10% of the range
BLACK_SHARE = 0.995  # a line of white caption on black covers more than 0.5% of the frame: not black
STILL_DIFF = 0.5  # mean luma change per point from the still's first frame; grain and any motion exceed it
STILL_KEY_DIFF = 4.0  # a keyframe redraws a still picture from scratch: coding noise, not a new picture


class Run:
    """The longest run of samples with some property, where it began, and the time the property held in all."""

    def __init__(self) -> None:
        self.start: float | None = None
        self.total, self.longest, self.longest_at = 0.0, 0.0, None

    def step(self, on: bool, time: float, span: float, weight: float) -> None:
        """A sample at `time` standing for the `span` seconds after it (`weight`: its share of the total)."""
        if not on:
            self.start = None
            return
        self.total += weight
        self.start = time if self.start is None else self.start
        if time + span - self.start > self.longest:
            self.longest, self.longest_at = time + span - self.start, self.start


class Picture:
    """Follows decoded frames one at a time; keeps one small grid of luma samples."""

    def __init__(self, fps: float | None) -> None:
        self.span = SAMPLE_EVERY / fps if fps else 0.2
        self.frames = 0
        self.black, self.frozen = Run(), Run()
        self.rotation = 0
        self.repeats, self.fields = RepeatFinder(), FieldMeter()
        self._anchor: np.ndarray | None = None

    def frame(self, frame: av.VideoFrame) -> None:
        self.frames += 1
        periodic = self.frames % SAMPLE_EVERY == 1
        if self.frames == 1:
            self.rotation = int(getattr(frame, "rotation", 0) or 0)
        time = float(frame.time) if frame.time is not None else self.frames * self.span / SAMPLE_EVERY
        self.fields.frame(frame)
        # Keyframes are always sampled: a still picture is redrawn at each, and the still's anchor moves with it.
        grid = _grid(frame, STEP) if periodic or frame.key_frame else None
        thin = REPEAT_STEP // STEP
        self.repeats.frame(grid[::thin, ::thin] if grid is not None else _grid(frame, REPEAT_STEP), time)
        if grid is None:
            return
        weight = self.span if periodic else 0.0
        dark = np.count_nonzero(grid <= DARK_LUMA) >= BLACK_SHARE * grid.size
        self.black.step(dark, time, self.span, weight)
        self.frozen.step(self._still(grid, frame.key_frame) and not dark, time, self.span, weight)

    def _still(self, grid: np.ndarray, key: bool) -> bool:
        """Unchanged since the still began (comparing with the previous frame would let a slow fade pass)."""
        anchor = self._anchor
        still = anchor is not None and anchor.shape == grid.shape
        still = still and _change(anchor, grid) < (STILL_KEY_DIFF if key else STILL_DIFF)
        if not still or key:
            self._anchor = grid
        return still

    def measures(self) -> PictureMeasures:
        return PictureMeasures(
            frames=self.frames,
            seen_s=round(self.frames * self.span / SAMPLE_EVERY, 2),
            black_s=round(self.black.total, 2),
            longest_black_s=round(self.black.longest, 2),
            longest_black_at_s=_at(self.black.longest_at),
            longest_frozen_s=round(self.frozen.longest, 2),
            longest_frozen_at_s=_at(self.frozen.longest_at),
            rotation=self.rotation,
            repeats=self.repeats.measures(),
            fields=self.fields.measures(),
        )


def _grid(frame: av.VideoFrame, step: int) -> np.ndarray | None:
    """Every `step`-th luma sample of a planar YUV frame (a small copy; the plane itself is not copied)."""
    name, planes = frame.format.name, frame.planes  # each `planes` call builds every plane's object anew
    if not planes or not name.startswith(("yuv", "gray", "nv")) or name.endswith(("le", "be")):
        return None  # 8-bit planar luma only; deeper formats are rare in student films and not measured
    plane = planes[0]
    rows = plane.buffer_size // plane.line_size
    luma = np.frombuffer(plane, np.uint8, count=rows * plane.line_size).reshape(rows, plane.line_size)
    return np.ascontiguousarray(luma[: frame.height : step, : frame.width : step])


def _change(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.abs(a.astype(np.int16) - b).mean())


def _at(time: float | None) -> float | None:
    return round(time, 2) if time is not None else None
