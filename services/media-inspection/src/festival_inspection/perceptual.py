"""Perceptual fingerprints of pictures: a 64-bit pHash per half second of a film, robust to re-encoding.

Each sample is the pHash (DCT of a 32x32 grayscale thumbnail, low frequencies against their median) of the
mean picture of a one-second window; windows start every half second.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

import av
import numpy as np
from av.video.reformatter import VideoReformatter

STEP_S = 0.5  # half a second: a trim at any instant leaves samples at most 0.25 s out of phase
SPAN_STEPS = 2  # each sample averages 1 s of picture, so out-of-phase windows still share 3/4 of it
MAX_GAP_STEPS = 120  # a jump in timestamps longer than a minute is not filled step by step
FLAT_STD = 3.0  # a thumbnail flatter than this (8-bit levels) is black, a fade or a plain card: no evidence
PICTURES_PER_STEP = 4  # thumbnails averaged per sample
_THUMB = 32


def _dct_matrix(n: int) -> np.ndarray:
    k, i = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
    m = np.cos(np.pi * (2 * i + 1) * k / (2 * n)) * np.sqrt(2 / n)
    m[0] /= np.sqrt(2)
    return m


_DCT = _dct_matrix(_THUMB)


def thumbnail(frame: av.VideoFrame, reformatter: VideoReformatter | None = None) -> np.ndarray:
    """A 32x32 grayscale thumbnail: what survives any resize, stretch or re-encode of the picture.

    Pass the same `reformatter` for every frame of a film: it keeps its scaler, and setting up an area
    scaler from 720p to 32x32 costs ten times the scaling itself (identical pictures either way)."""
    small = (reformatter or VideoReformatter()).reformat(frame, width=_THUMB, height=_THUMB, format="gray",
                                                         interpolation="AREA")
    return small.to_ndarray().astype(np.float64)


def thumbnail_hash(thumb: np.ndarray) -> int | None:
    """The 64-bit pHash of a thumbnail, or None when it is too flat to tell anything apart."""
    if thumb.std() < FLAT_STD:
        return None
    low = (_DCT @ thumb @ _DCT.T)[:8, :8].ravel()
    bits = low > np.median(low[1:])  # the DC term only says how bright the picture is
    return int.from_bytes(np.packbits(bits).tobytes(), "big")


@dataclass(frozen=True)
class Fingerprint:
    """One pHash every `step_s` seconds of picture, each of the mean picture of `window_s` (None: flat)."""

    step_s: float
    window_s: float
    hashes: tuple[int | None, ...]

    def as_dict(self) -> dict:
        hashes = [None if h is None else f"{h:016x}" for h in self.hashes]
        return {"step_s": self.step_s, "window_s": self.window_s, "hashes": hashes}

    @classmethod
    def from_dict(cls, data: dict) -> Fingerprint:
        hashes = tuple(None if h is None else int(h, 16) for h in data["hashes"])
        return cls(float(data["step_s"]), float(data["window_s"]), hashes)


@dataclass
class Fingerprinter:
    """Builds a fingerprint from decoded video frames fed in presentation order (e.g. by a film inspection).

    A sample averages the thumbnails of `span` consecutive steps: windows longer than the step overlap, so a
    copy cut at any instant (its windows out of phase with the original's) still gives close hashes.
    """

    step_s: float = STEP_S
    span: int = SPAN_STEPS
    per_step: int = PICTURES_PER_STEP
    hashes: list[int | None] = field(default_factory=list)
    _recent: deque = field(default_factory=deque)
    _steps: int = 0
    _start: float | None = None
    _next: float = 0.0
    _sum: np.ndarray | float = 0.0
    _count: int = 0
    _reformatter: VideoReformatter = field(default_factory=VideoReformatter, repr=False)

    def feed(self, frame: av.VideoFrame) -> None:
        """Take one decoded picture; cheap for most, as only a few per step are looked at."""
        if frame.time is None:
            return
        if self._start is None:
            self._start = frame.time
        at = frame.time - self._start
        if at + 1e-6 < self._next:
            return  # a thumbnail costs about as much as decoding: a few per step are enough
        self._next = at + self.step_s / self.per_step
        step = int(at / self.step_s + 1e-6)
        if step > self._steps and self._count:
            self._close(step)
        self._sum, self._count = self._sum + thumbnail(frame, self._reformatter), self._count + 1

    def result(self) -> Fingerprint:
        """The fingerprint of everything fed so far (call once, after the last picture)."""
        if self._count:
            self._close(self._steps + 1)
        return Fingerprint(self.step_s, self.step_s * self.span, tuple(self.hashes))

    def _close(self, upto: int) -> None:
        mean = self._sum / self._count
        # A gap repeats the last picture to keep the time axis; a forged timestamp far ahead is not filled.
        self._steps = max(self._steps, upto - MAX_GAP_STEPS)
        while self._steps < upto:
            self._recent.append(mean)
            if len(self._recent) > self.span:
                self._recent.popleft()
            if len(self._recent) == self.span:
                self.hashes.append(thumbnail_hash(sum(self._recent) / self.span))
            self._steps += 1
        self._sum, self._count = 0.0, 0
