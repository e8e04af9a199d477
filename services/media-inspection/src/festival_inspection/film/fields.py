"""Interlaced pictures, judged by FFmpeg's `idet` filter on samples of the decoded frames.

idet compares each frame's lines with the previous and the next frame's: in an interlaced frame one field
fits the previous frame and the other the next. It needs three consecutive frames, so it is fed bursts of
BURST consecutive frames every EVERY frames; a burst's first two verdicts lean on a frame of the previous
burst and are not counted. It sees the middle of the picture only (a crop costs nothing: the planes are not
copied), which is where the motion that shows combing is. Together: about a thirtieth of idet on every
full frame, and close to a thousand judged frames in an 8-minute film.
"""

from __future__ import annotations

from collections import Counter
from fractions import Fraction

import av

from festival_decisions.inspection.film.measures import Fields

EVERY = 50  # one burst every two seconds at 25 fps
BURST = 6  # six consecutive frames: four judged
# idet's default (1.04) calls synthetic progressive pictures moving by whole lines "tff"; real interlaced
# frames measure far above 1.3, progressive ones just around 1.
INTERLACE_THRESHOLD = 1.3
CROP = "trunc(iw/4)*2:trunc(ih/4)*2:trunc(iw/8)*2:trunc(ih/8)*2"  # the middle quarter, from an even line
VERDICT = "lavfi.idet.single.current_frame"
MIN_SIZE = 32  # idet needs a few lines of the crop: a smaller picture (a hostile file's) is not judged


class FieldMeter:
    """Feeds bursts of decoded pictures to a crop + idet graph and counts idet's verdicts."""

    def __init__(self) -> None:
        self.verdicts: Counter[str] = Counter()
        self._graph: av.filter.Graph | None = None
        self._size: tuple[int, int, str] | None = None
        self._index = 0

    def frame(self, frame: av.VideoFrame) -> None:
        phase, self._index = self._index % EVERY, self._index + 1
        if phase >= BURST or min(frame.width, frame.height) < MIN_SIZE or not frame.format.name.startswith(
                ("yuv", "gray")):
            return
        if (frame.width, frame.height, frame.format.name) != self._size:
            self._graph, self._size = _graph(frame), (frame.width, frame.height, frame.format.name)
        self._graph.push(frame)
        for verdict in self._pull():
            if phase >= 2:  # the frame judged has its neighbours from this burst
                self.verdicts[verdict] += 1

    def _pull(self) -> list[str]:
        found = []
        while True:
            try:
                out = self._graph.pull()
            except (av.BlockingIOError, av.EOFError):
                return found
            found.append(out.metadata.get(VERDICT, "undetermined"))

    def measures(self) -> Fields:
        v = self.verdicts
        return Fields(sum(v.values()), v["tff"], v["bff"], v["progressive"], v["undetermined"])


def _graph(frame: av.VideoFrame) -> av.filter.Graph:
    graph = av.filter.Graph()
    source = graph.add_buffer(width=frame.width, height=frame.height, format=frame.format.name,
                              time_base=frame.time_base or Fraction(1, 25))
    crop = graph.add("crop", CROP)
    detect = graph.add("idet", f"intl_thres={INTERLACE_THRESHOLD}")
    sink = graph.add("buffersink")
    source.link_to(crop)
    crop.link_to(detect)
    detect.link_to(sink)
    graph.configure()
    return graph
