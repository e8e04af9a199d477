"""Reading a film's headers without decoding: its brands, streams, frame size, duration, bit rates, subtitles."""

from __future__ import annotations

import os
import struct
from fractions import Fraction
from typing import BinaryIO

import av

from festival_decisions.inspection.film.header import AudioHeader, Header, SubtitleHeader, VideoHeader

Source = str | os.PathLike | BinaryIO

# What a file's first bytes are when they are not an ISO BMFF `ftyp` box, to tell a student what they sent.
SIGNATURES = (
    (b"\x1a\x45\xdf\xa3", "matroska"), (b"FLV", "flv"),
    (b"\x30\x26\xb2\x75", "asf"), (b"\x00\x00\x01\xba", "mpeg-ps"),
)
# Errors a damaged or hostile file makes PyAV or the file system raise: each becomes a `readable` failure.
READ_ERRORS = (av.FFmpegError, OSError, EOFError, ValueError, UnicodeError, IndexError, OverflowError)
# FFmpeg's AVFieldOrder, in ffprobe's words: tt = top field first (coded and shown), bb = bottom first.
FIELD_ORDERS = {1: "progressive", 2: "tt", 3: "bb", 4: "tb", 5: "bt"}
# Chroma planes' size against the luma plane (across, down), as the industry names the sampling.
CHROMA = {(1, 1): "4:4:4", (2, 1): "4:2:2", (2, 2): "4:2:0", (4, 1): "4:1:1", (1, 2): "4:4:0"}


def head_bytes(source: Source, count: int = 64) -> bytes:
    """The first `count` bytes of `source`; a file object is left at its start."""
    if hasattr(source, "read"):
        source.seek(0)
        data = source.read(count)
        source.seek(0)
        return bytes(data or b"")
    with open(source, "rb") as stream:
        return stream.read(count)


def brands(head: bytes) -> tuple[str, ...]:
    """The major and compatible brands of an ISO BMFF `ftyp` box at the start, or () when there is none."""
    if len(head) < 16 or head[4:8] != b"ftyp":
        return ()
    size = max(16, min(struct.unpack(">I", head[:4])[0], len(head)))
    codes = [head[8:12]] + [head[i : i + 4] for i in range(16, size - 3, 4)]
    return tuple(code.decode("latin-1") for code in codes)


def signature(head: bytes) -> str:
    if head[4:8] == b"ftyp":
        return "iso-bmff"
    if head[:4] == b"RIFF":
        return "avi" if head[8:12] == b"AVI " else "riff"
    return next((name for magic, name in SIGNATURES if head.startswith(magic)), "empty" if not head else "unknown")


def open_container(source: Source) -> av.container.InputContainer:
    """The film opened for reading: a path, or a file object with read and seek (an S3 stream, say)."""
    if hasattr(source, "read"):
        source.seek(0)
        return av.open(source, "r", metadata_errors="replace", buffer_size=1 << 16)
    return av.open(os.fspath(source), "r", metadata_errors="replace")


def header(container: av.container.InputContainer, head: bytes) -> Header:
    """The film's header as the container states it."""
    # A picture stream without a frame size (a hostile or broken header) cannot be shown: as good as none.
    video = next((s for s in container.streams.video if s.codec_context and s.codec_context.width > 0
                  and s.codec_context.height > 0), None)
    audio = container.streams.audio[0] if container.streams.audio else None
    duration = container.duration / av.time_base if container.duration and container.duration > 0 else None
    return Header(
        brands=brands(head),
        signature=signature(head),
        format_name=container.format.name,
        duration_s=duration,
        bit_rate=container.bit_rate or None,
        video=_video(video) if video is not None else None,
        audio=_audio(audio) if audio is not None else None,
        subtitles=tuple(_subtitle(s) for s in container.streams.subtitles),
    )


class _NoCodec:
    """Stands in for the codec context of a stream whose codec FFmpeg does not know (a hostile file's)."""

    codec = name = sample_aspect_ratio = profile = format = layout = None
    width = height = bit_rate = sample_rate = channels = field_order = 0


_NO_CODEC = _NoCodec()


def _video(stream) -> VideoHeader:
    ctx = stream.codec_context or _NO_CODEC
    sar = stream.sample_aspect_ratio or ctx.sample_aspect_ratio
    fps = stream.guessed_rate or stream.average_rate or stream.base_rate
    return VideoHeader(
        index=stream.index,
        codec=ctx.name if ctx.codec else "unknown",
        width=ctx.width or 0,
        height=ctx.height or 0,
        sar=Fraction(sar) if sar else None,
        fps=Fraction(fps) if fps and 0 < fps < 1000 else None,
        bit_rate=ctx.bit_rate or None,
        profile=ctx.profile or None,
        pixel_format=ctx.format.name if ctx.format else None,
        bit_depth=max((c.bits for c in ctx.format.components), default=None) if ctx.format else None,
        chroma=_chroma(ctx.format),
        field_order=FIELD_ORDERS.get(ctx.field_order or 0, "unknown"),
    )


def _chroma(pixels) -> str | None:
    """The chroma subsampling of a pixel format ("4:2:0"), from its planes' sizes; None when unknown."""
    components = pixels.components if pixels is not None else ()
    if len(components) < 3:
        return "4:0:0" if components else None  # luma only: a monochrome picture
    luma, chroma = components[0], components[1]
    if not (luma.width and luma.height and chroma.width and chroma.height):
        return None
    across, down = round(luma.width / chroma.width), round(luma.height / chroma.height)
    return CHROMA.get((across, down), f"1/{across}x1/{down}")


def _audio(stream) -> AudioHeader:
    ctx = stream.codec_context or _NO_CODEC
    return AudioHeader(
        index=stream.index,
        codec=ctx.name if ctx.codec else "unknown",
        sample_rate=ctx.sample_rate or 0,
        channels=ctx.channels or 0,
        bit_rate=ctx.bit_rate or None,
        layout=ctx.layout.name if ctx.layout is not None and ctx.channels else None,
    )


def _subtitle(stream) -> SubtitleHeader:
    ctx = stream.codec_context or _NO_CODEC
    return SubtitleHeader(index=stream.index, codec=ctx.name if ctx.codec else "unknown",
                          language=stream.metadata.get("language") or None)


def describe(exc: BaseException) -> str:
    """An error in one line, for the `measured` value of a failed check."""
    return f"{type(exc).__name__}: {exc}"[:300]
