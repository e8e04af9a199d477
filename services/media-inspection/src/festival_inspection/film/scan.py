"""The one pass over a film: one demux loop feeds packet timestamps, the picture decoder and the loudness meter."""

from __future__ import annotations

import time
from collections.abc import Callable

import av

from festival_decisions.inspection.film.header import AudioHeader, Header, VideoHeader
from festival_decisions.inspection.film.measures import Loudness, Scan
from festival_inspection.film.picture import Picture
from festival_inspection.film.probe import READ_ERRORS, describe
from festival_inspection.film.sound import Meter
from festival_inspection.film.timeline import Timeline


class Decoders:
    """The first decodable picture and sound streams, each frame handed to its meter; errors are counted."""

    def __init__(self, container: av.container.InputContainer, header: Header, picture: Picture, meter: Meter,
                 on_picture: Callable[[av.VideoFrame], None] | None = None) -> None:
        self.video = _decodable(container, header.video)
        self.audio = _decodable(container, header.audio)
        if self.video is not None:
            self.video.codec_context.thread_type = "AUTO"  # frame threads: decoding is the pass's whole cost
        self.meters = {self.video: picture, self.audio: meter}
        self.on_picture = on_picture
        self.errors, self.first_error = 0, None

    def streams(self) -> list:
        return [s for s in (self.video, self.audio) if s is not None]

    def decode(self, packet: av.Packet) -> None:
        meter = self.meters.get(packet.stream)
        if meter is None:
            return
        try:
            for frame in packet.decode():
                if frame.is_corrupt:
                    self._error("corrupt frame")
                meter.frame(frame)
                if self.on_picture is not None and packet.stream is self.video:
                    self.on_picture(frame)
        except READ_ERRORS as exc:
            self._error(describe(exc))

    def _error(self, text: str) -> None:
        self.errors += 1
        self.first_error = self.first_error or text


def scan(
    container: av.container.InputContainer,
    header: Header,
    silence_lufs: float,
    budget_s: float | None = None,
    clock: Callable[[], float] = time.monotonic,
    on_picture: Callable[[av.VideoFrame], None] | None = None,
) -> Scan:
    """Demux every packet once, decode picture and sound in the same loop; stop when past `budget_s`."""
    started = clock()
    fps = float(header.video.fps) if header.video and header.video.fps else None
    timeline, meter, picture = Timeline(fps), Meter(silence_lufs), Picture(fps)
    decoders = Decoders(container, header, picture, meter, on_picture)
    read_error, stopped = None, None
    try:
        for packet in container.demux(*decoders.streams()):
            timeline.packet(packet)
            decoders.decode(packet)
            if budget_s is not None and clock() - started > budget_s:
                stopped = _time(packet)
                break
    except READ_ERRORS as exc:
        read_error = describe(exc)
    timeline.finish()
    return Scan(
        video=timeline.video,
        audio=timeline.audio,
        gaps=timeline.gaps,
        loudness=_finish(meter) if decoders.audio is not None else None,
        picture=picture.measures() if decoders.video is not None else None,
        decode_errors=decoders.errors,
        first_error=decoders.first_error,
        read_error=read_error,
        stopped_at_s=stopped,
        elapsed_s=round(clock() - started, 3),
    )


def _decodable(container: av.container.InputContainer, found: VideoHeader | AudioHeader | None):
    """The stream the header chose, if FFmpeg has a decoder for it."""
    stream = container.streams[found.index] if found is not None else None
    return stream if stream is not None and stream.codec_context is not None and stream.codec_context.codec else None


def _finish(meter: Meter) -> Loudness | None:
    try:
        return meter.finish()
    except READ_ERRORS:
        return None


def _time(packet: av.Packet) -> float:
    if packet.pts is None or packet.time_base is None:
        return 0.0
    return round(float(packet.pts * packet.time_base), 3)
