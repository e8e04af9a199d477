"""Repeated frames: a picture shown again while the film around it moves, and the cadence they come in.

Footage exported at a higher frame rate than it was shot at (20 fps at 25) repeats a frame at a fixed
interval, and motion stutters at that rhythm. The picture's change from the previous frame is measured on
the small luma grid the picture meter takes anyway; a repeat is a change next to nothing between changes
many times larger on both sides. Holds longer than a few frames are stills (the frozen-picture check's
business), so a slide held for seconds counts no repeats; neither does a scene that barely moves.
"""

from __future__ import annotations

from collections import Counter
from fractions import Fraction

import numpy as np

from festival_decisions.inspection.film.measures import Repeats

REPEAT_DIFF = 0.25  # mean luma change per grid point: a re-encoded repeat measures 0.00-0.06, motion 2-10
CONTRAST = 8.0  # the changes around a repeat must be this many times the change inside it
CONTRAST_FLOOR = 0.05  # ... counting anything under this inside as this (coding noise)
MAX_HOLD = 4  # a picture shown up to 4 times in a row is repeated (6.25 fps at 25); longer is a still
CADENCE_SHARE = 0.8  # a cadence: this share of the gaps between repeats are n or n+1 frames long
CADENCE_DENOMINATOR = 60  # cadences are named as "k in n" frames with n up to this


class RepeatFinder:
    """Follows each frame's change from the previous one; memory is two histograms whatever the length."""

    def __init__(self) -> None:
        self.frames = self.repeated = 0
        self.first_at: float | None = None
        self.gaps: Counter[int] = Counter()  # frames between successive repeats
        self.holds: Counter[int] = Counter()  # times each picture is shown, in the moving parts
        self._previous: np.ndarray | None = None
        self._change = 0.0  # the change that entered the current hold
        self._run: list[tuple[int, float, float]] = []  # (index, time, change) of the frames of the current hold
        self._last_repeat: int | None = None

    def frame(self, grid: np.ndarray | None, time: float) -> None:
        """The next frame's luma grid (None: a picture format the grids do not read, such as 10-bit)."""
        current = grid.astype(np.int16) if grid is not None else None
        previous, self._previous = self._previous, current
        self.frames += current is not None
        if current is None or previous is None or previous.shape != current.shape:
            self._run = []
            return
        delta = current - previous
        change = float(np.abs(delta, out=delta).mean())
        if change <= REPEAT_DIFF:
            if len(self._run) < MAX_HOLD:  # a longer hold is a still already: its frames need no remembering
                self._run.append((self.frames - 1, time, change))
            return
        if self._run:
            self._close(change)
        else:
            self.holds[1] += 1
        self._change = change

    def _close(self, leaving: float) -> None:
        run, self._run = self._run, []
        inside = max(CONTRAST_FLOOR, max(c for _, _, c in run))
        if len(run) >= MAX_HOLD or min(self._change, leaving) < CONTRAST * inside:
            return  # a still, or a scene that barely moves: not a repeat
        self.holds[len(run) + 1] += 1
        for index, time, _ in run:
            self.repeated += 1
            self.first_at = time if self.first_at is None else self.first_at
            if self._last_repeat is not None:
                self.gaps[index - self._last_repeat] += 1
            self._last_repeat = index

    def measures(self) -> Repeats:
        return Repeats(self.frames, self.repeated, _at(self.first_at), _cadence(self.gaps), _even(self.holds))


def _cadence(gaps: Counter[int]) -> tuple[int, int] | None:
    """(k, n) when most gaps are n or n+1 frames: k repeats in every n frames, e.g. (1, 5) or (2, 5)."""
    total = sum(gaps.values())
    if not total:
        return None
    low = max(gaps, key=lambda n: gaps[n] + gaps[n + 1])
    covered = gaps[low] + gaps[low + 1]
    if covered < CADENCE_SHARE * total:
        return None
    mean = Fraction(low * gaps[low] + (low + 1) * gaps[low + 1], covered)
    rate = (1 / mean).limit_denominator(CADENCE_DENOMINATOR)
    return rate.numerator, rate.denominator


def _even(holds: Counter[int]) -> bool:
    """Every picture held the same number (2 or more) of times: motion is even, only at a lower rate."""
    total = sum(holds.values())
    if not total:
        return False
    shown, count = holds.most_common(1)[0]
    return shown >= 2 and count >= CADENCE_SHARE * total


def _at(time: float | None) -> float | None:
    return round(time, 2) if time is not None else None
