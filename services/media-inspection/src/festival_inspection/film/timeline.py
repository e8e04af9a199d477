"""Packet timestamps, read while demuxing (no decoding): missing frames, and where picture and sound start and end."""

from __future__ import annotations

import heapq

import av

from festival_decisions.inspection.film.measures import Gaps, Span

# H.264 reorders at most 16 frames (its DPB): a heap this deep turns decode order into display order.
REORDER = 17
# A gap counts once it is at least half a frame longer than the nominal frame interval.
GAP_FACTOR = 1.5
KEPT_GAPS = 5


class Timeline:
    """Follows every packet's timestamps; memory stays the size of the reorder heap whatever the film's length."""

    def __init__(self, fps: float | None) -> None:
        self.interval = 1 / fps if fps else None
        self.video, self.audio, self.gaps = Span(), Span(), Gaps()
        self._pending: list[float] = []
        self._last: float | None = None
        self._seconds: dict[int, float] = {}  # per stream: one time-base tick in seconds (Fractions are slow)

    def packet(self, packet: av.Packet) -> None:
        if packet.pts is None or packet.size == 0 or packet.is_discard or packet.time_base is None:
            return
        tick = self._seconds.get(packet.stream_index)
        if tick is None:
            tick = self._seconds[packet.stream_index] = float(packet.time_base)
        start = packet.pts * tick
        end = start + (packet.duration or 0) * tick
        if packet.stream.type == "video":
            self.video.add(start, end, packet.size)
            heapq.heappush(self._pending, start)
            if len(self._pending) > REORDER:
                self._advance(heapq.heappop(self._pending))
        elif packet.stream.type == "audio":
            self.audio.add(start, end, packet.size)

    def finish(self) -> Timeline:
        while self._pending:
            self._advance(heapq.heappop(self._pending))
        return self

    def _advance(self, time: float) -> None:
        last, self._last = self._last, time
        if last is None or self.interval is None:
            return
        step = time - last
        if step < GAP_FACTOR * self.interval:
            return
        missing = max(1, round(step / self.interval) - 1)
        self.gaps.missing_frames += missing
        self.gaps.holes += 1
        self.gaps.longest_s = max(self.gaps.longest_s, step)
        if len(self.gaps.first) < KEPT_GAPS:
            self.gaps.first.append({"at_s": round(last, 3), "missing_frames": missing})
