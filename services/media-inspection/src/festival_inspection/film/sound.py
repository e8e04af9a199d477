"""Loudness per EBU R128, measured by FFmpeg's `ebur128` filter fed with the decoded sound as it comes."""

from __future__ import annotations

import math
from fractions import Fraction

import av
import numpy as np

from festival_decisions.inspection.film.measures import Loudness

BLOCK_S = 0.1  # ebur128 in metadata mode emits one 100 ms frame carrying the momentary (400 ms) loudness
FLOOR_LUFS = -120
NOISE_PERCENTILE = 0.10
NEAR_FULL_SCALE = 10 ** (-1 / 20)  # within 1 dB of full scale: where a clipped recording piles its samples up
# Surround sound is measured as the stereo a classroom player or a browser makes of it (FFmpeg's ITU downmix:
# centre and surrounds at -3 dB, LFE left out), not with BS.1770's 5.1 weighting nobody listens to.
HEARD_AS = "stereo"


class Meter:
    """An `ebur128` filter graph (true peak on, metadata on) plus a histogram of the momentary loudness.

    The histogram (1 LU bins) gives the level of the quietest tenth of the film, where background noise
    shows; memory stays constant whatever the film's length. Samples within 1 dB of full scale are counted
    too: lossy coding smooths a clipped waveform's flat tops, so its true peak can sit just under 0 dBTP,
    but the pile of samples against full scale stays. They are counted on the meter's output (the sound as
    measured, surround as its stereo downmix), in 100 ms blocks: the decoded frames of sound with
    eight channels or more cannot be read as arrays (PyAV 18 miscounts their planes and crashes).
    """

    def __init__(self, silence_lufs: float) -> None:
        self.silence_lufs = silence_lufs
        self._graph: av.filter.Graph | None = None
        self._histogram = [0] * (1 - FLOOR_LUFS + 20)
        self._last: dict[str, str] = {}
        self._peak = 0.0
        self._samples = self._near_full_scale = 0
        self._run = self._longest = self._longest_at = self._silent = self._blocks = 0
        self._downmixed_from: str | None = None

    def frame(self, frame: av.AudioFrame) -> None:
        if self._graph is None:
            self._graph = _graph(frame)
            self._downmixed_from = frame.layout.name if frame.layout.nb_channels > 2 else None
        self._graph.push(frame)
        self._drain()

    def finish(self) -> Loudness:
        if self._graph is not None:
            self._graph.push(None)
            self._drain()
        last, blocks = self._last, self._blocks
        integrated = _number(last.get("lavfi.r128.I"))
        return Loudness(
            integrated_lufs=integrated if integrated is not None and integrated > -70 else None,
            range_lu=_number(last.get("lavfi.r128.LRA")),
            true_peak_dbtp=round(20 * math.log10(self._peak), 2) if self._peak > 0 else None,
            clipped_share=round(self._near_full_scale / self._samples, 5) if self._samples else 0.0,
            noise_floor_lufs=self._percentile(NOISE_PERCENTILE) if blocks else None,
            longest_silence_s=round(self._longest * BLOCK_S, 1),
            longest_silence_at_s=round(self._longest_at * BLOCK_S, 1) if self._longest else None,
            silent_share=round(self._silent / blocks, 3) if blocks else 1.0,
            measured_s=round(blocks * BLOCK_S, 1),
            downmixed_from=self._downmixed_from,
            silence_below_lufs=self.silence_lufs,
        )

    def _drain(self) -> None:
        while True:
            try:
                out = self._graph.pull()
            except (av.BlockingIOError, av.EOFError):
                return
            self._count_full_scale(out)
            if "lavfi.r128.M" in out.metadata:
                self._block(dict(out.metadata))

    def _count_full_scale(self, measured: av.AudioFrame) -> None:
        samples = measured.to_ndarray()
        full = np.iinfo(samples.dtype).max if samples.dtype.kind in "iu" else 1.0
        self._near_full_scale += int(np.count_nonzero(np.abs(samples) >= NEAR_FULL_SCALE * full))
        self._samples += samples.size

    def _block(self, metadata: dict[str, str]) -> None:
        self._last = metadata
        momentary = _number(metadata["lavfi.r128.M"])
        momentary = FLOOR_LUFS if momentary is None else momentary
        self._peak = max(self._peak, _number(metadata.get("lavfi.r128.true_peak")) or 0.0)
        self._blocks += 1
        self._histogram[min(len(self._histogram) - 1, max(0, round(momentary) - FLOOR_LUFS))] += 1
        if momentary >= self.silence_lufs:
            self._run = 0
            return
        self._silent += 1
        self._run += 1
        if self._run > self._longest:
            self._longest, self._longest_at = self._run, self._blocks - self._run

    def _percentile(self, share: float) -> float:
        wanted, seen = share * self._blocks, 0
        for index, count in enumerate(self._histogram):
            seen += count
            if seen >= wanted:
                return float(index + FLOOR_LUFS)
        return 0.0


def _graph(frame: av.AudioFrame) -> av.filter.Graph:
    graph = av.filter.Graph()
    time_base = frame.time_base or Fraction(1, frame.sample_rate or 1)
    source = graph.add_abuffer(
        format=frame.format.name, sample_rate=frame.sample_rate, layout=frame.layout.name, time_base=time_base
    )
    chain = [source]
    if frame.layout.nb_channels > 2:
        chain.append(graph.add("aformat", f"channel_layouts={HEARD_AS}"))
    chain += [graph.add("ebur128", "peak=true:metadata=1"), graph.add("abuffersink")]
    for a, b in zip(chain, chain[1:]):
        a.link_to(b)
    graph.configure()
    return graph


def _number(text: str | None) -> float | None:
    try:
        value = float(text) if text is not None else None
    except ValueError:
        return None
    return value if value is not None and math.isfinite(value) else None
