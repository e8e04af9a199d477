"""Films with the defects students' films have in life, made with PyAV: small and a few seconds long.

`film()` encodes a picture and a sound; `remux()` copies a film's packets, which is how the defects of
files that were cut, damaged or badly exported are made (frames removed, audio shifted, a wrong container).
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

RATE = 48000
Signal = Callable[[np.ndarray], np.ndarray]  # times in seconds -> mono samples in [-1, 1]
Picture = Callable[[int, int, int], np.ndarray]  # (frame index, width, height) -> a yuv420p plane stack


def amplitude(dbfs: float) -> float:
    return float(10 ** (dbfs / 20))


def tone(dbfs: float = -20.0, hz: float = 440.0) -> Signal:
    return lambda t: amplitude(dbfs) * np.sin(2 * np.pi * hz * t)


def speech(dbfs: float = -10.0, noise_dbfs: float | None = None, pause_dbfs: float = -75.0) -> Signal:
    """Voice-like bursts (a 180 Hz harmonic series, syllables at 4 Hz) with a 0.7 s pause every 2.5 s.

    The default level measures about -20 LUFS; `noise_dbfs` adds hiss that never stops, pauses included."""
    rng = np.random.default_rng(7)

    def signal(t: np.ndarray) -> np.ndarray:
        voice = sum(np.sin(2 * np.pi * 180 * k * t) / k for k in range(1, 6)) / 2
        syllables = 0.55 + 0.45 * np.sin(2 * np.pi * 4 * t)
        talking = (t % 2.5) < 1.8
        level = np.where(talking, amplitude(dbfs), amplitude(pause_dbfs))
        out = voice * syllables * level
        if noise_dbfs is not None:
            out = out + amplitude(noise_dbfs) * rng.standard_normal(t.size) * 0.5
        return out

    return signal


def swinging(loud_dbfs: float = -8.0, quiet_dbfs: float = -26.0, every_s: float = 6.0) -> Signal:
    """Speech whose level jumps between loud and soft every few seconds.

    18 dB apart: parts more than 20 LU under the whole fall below R128's relative gate and no longer count."""
    loud, quiet = speech(loud_dbfs), speech(quiet_dbfs)
    return lambda t: np.where((t // every_s) % 2 == 0, loud(t), quiet(t))


def clipped_square(hz: float = 220.0) -> Signal:
    """A square wave driven far past full scale and clipped: the worst distortion a recorder makes."""
    return lambda t: np.clip(8 * np.sin(2 * np.pi * hz * t), -1.0, 1.0)


def overdriven(gain_db: float = 14.0) -> Signal:
    """Speech recorded too hot: amplified past full scale and clipped by the recorder."""
    voice = speech(-10.0 + gain_db)
    return lambda t: np.clip(voice(t), -1.0, 1.0)


def muted(signal: Signal, start_s: float, end_s: float) -> Signal:
    """`signal` with nothing between `start_s` and `end_s` (a clip whose sound was lost in editing)."""
    return lambda t: np.where((t >= start_s) & (t < end_s), 0.0, signal(t))


def silence() -> Signal:
    return lambda t: np.zeros_like(t)


SPEECH = speech()


def moving(i: int, width: int, height: int) -> np.ndarray:
    """A textured picture panning sideways with a bar sweeping down and film grain: every frame differs."""
    offset = (3 * i) % width
    luma = _texture(width, height)[:, offset : offset + width].copy()
    luma[(np.arange(height) - 4 * i) % height < height // 10] = 230
    luma += np.random.default_rng(i).integers(0, 12, (height, width), dtype=np.uint8)
    return _yuv(luma)


@functools.cache
def _texture(width: int, height: int) -> np.ndarray:
    x, y = np.arange(2 * width)[None, :], np.arange(height)[:, None]
    luma = 110 + 50 * np.sin(x / 9.0) * np.cos(y / 7.0) + 30 * np.sin((x + 2 * y) / 23.0)
    return np.clip(luma, 16, 220).astype(np.uint8)


def black(i: int, width: int, height: int) -> np.ndarray:
    return _yuv(np.full((height, width), 16, np.uint8))


def blackout(start_s: float, end_s: float, fps: int = 25) -> Picture:
    """A moving picture that goes black between `start_s` and `end_s` (a shot missing from the timeline)."""
    return lambda i, w, h: black(i, w, h) if start_s * fps <= i < end_s * fps else moving(i, w, h)


def freezes(after_s: float, fps: int = 25) -> Picture:
    """A picture that stops moving after `after_s` seconds (an editor that froze a clip)."""
    return lambda i, w, h: moving(min(i, int(after_s * fps)), w, h)


def _yuv(luma: np.ndarray) -> np.ndarray:
    height, width = luma.shape
    return np.vstack([luma, np.full((height // 2, width), 128, np.uint8)])


def film(
    path: Path,
    seconds: float = 3.0,
    size: tuple[int, int] = (320, 240),
    fps: int = 25,
    *,
    audio: Signal | None = SPEECH,
    picture: Picture = moving,
    sar: Fraction | None = None,
    codec: str = "libx264",
    kbps: int | None = None,
    fmt: str = "mp4",
    faststart: bool = False,
    audio_codec: str = "aac",
    preset: str = "veryfast",
    rotation: int = 0,
) -> Path:
    """A film of `seconds` at `size` and `fps`: a moving picture and (by default) speech; `audio=None`: no sound."""
    options = {"movflags": "faststart"} if faststart else {}
    with av.open(str(path), "w", format=fmt, options=options) as out:
        video = _video_stream(out, codec, size, fps, sar, kbps, preset)
        if rotation:
            video.set_display_rotation(rotation)  # what a phone held upright writes
        sound = out.add_stream(audio_codec, rate=RATE, layout="stereo") if audio is not None else None
        if sound is not None and audio_codec == "aac":
            sound.codec_context.options = {"aac_coder": "fast"}  # FFmpeg's default coder is 3x slower
        frames = round(seconds * fps)
        for i in range(frames):
            frame = av.VideoFrame.from_ndarray(picture(i, *size), format="yuv420p")
            frame.pts = i
            out.mux(video.encode(frame))
        if sound is not None:
            _write_sound(out, sound, audio, seconds)
        out.mux(video.encode(None))
    return path


def _video_stream(out, codec, size: tuple[int, int], fps: int, sar: Fraction | None, kbps: int | None, preset: str):
    video = out.add_stream(codec, rate=fps)
    video.width, video.height, video.pix_fmt = *size, "yuv420p"
    if sar is not None:
        video.codec_context.sample_aspect_ratio = sar
    options = {"preset": preset} if codec.startswith("libx26") else {}
    if kbps:
        video.bit_rate = kbps * 1000
        options |= {"maxrate": f"{kbps}k", "bufsize": f"{kbps}k"}
    video.codec_context.options = options
    return video


def _write_sound(out, stream, signal: Signal, seconds: float, chunk: int = 1024) -> None:
    total = int(seconds * RATE)
    for start in range(0, total, chunk):
        count = min(chunk, total - start)
        mono = signal(np.arange(start, start + count) / RATE).astype(np.float32)
        frame = av.AudioFrame.from_ndarray(np.tile(mono, (2, 1)), format="fltp", layout="stereo")
        frame.sample_rate, frame.pts, frame.time_base = RATE, start, Fraction(1, RATE)
        out.mux(stream.encode(frame))
    out.mux(stream.encode(None))


def remux(
    src: Path,
    dst: Path,
    fmt: str = "mp4",
    *,
    drop: Callable[[av.Packet, int], bool] = lambda packet, index: False,
    audio_shift_s: float = 0.0,
    audio_until_s: float | None = None,
) -> Path:
    """Copy `src`'s packets into `dst` (as `fmt`, whatever `dst` is named), dropping or shifting some.

    `drop(packet, index)` sees each video packet with its index: dropped packets keep the others'
    timestamps, the way an editor or a failing recorder loses frames. `audio_shift_s` delays the sound;
    `audio_until_s` ends it early.
    """
    with av.open(str(src)) as source, av.open(str(dst), "w", format=fmt) as out:
        streams = {s.index: out.add_stream_from_template(s) for s in source.streams if s.type in ("video", "audio")}
        index = 0
        for packet in source.demux(*[source.streams[i] for i in streams]):
            if packet.dts is None:
                continue
            kind = packet.stream.type
            if kind == "video":
                index += 1
                if drop(packet, index - 1):
                    continue
            elif audio_until_s is not None and packet.pts * packet.time_base >= audio_until_s:
                continue
            elif audio_shift_s:
                shift = round(audio_shift_s / packet.time_base)
                packet.pts, packet.dts = packet.pts + shift, packet.dts + shift
            packet.stream = streams[packet.stream.index]
            out.mux(packet)
    return dst


def drop_frames(src: Path, dst: Path, first: int, count: int) -> Path:
    """`src` with `count` video frames from frame `first` removed and the other frames' timestamps kept."""
    return remux(src, dst, drop=lambda packet, index: first <= index < first + count and not packet.is_keyframe)


def damage(src: Path, dst: Path, frames: tuple[int, ...], seed: int = 3) -> Path:
    """`src` with the picture data of some frames overwritten by noise (a bad sector, a broken copy)."""
    rng = np.random.default_rng(seed)
    with av.open(str(src)) as source, av.open(str(dst), "w", format="mp4") as out:
        streams = {s.index: out.add_stream_from_template(s) for s in source.streams}
        index = 0
        for packet in source.demux():
            if packet.dts is None:
                continue
            target = streams[packet.stream.index]
            if packet.stream.type == "video" and (index := index + 1) in frames and packet.size > 16:
                noise = bytes(packet)[:8] + rng.integers(0, 256, packet.size - 8, dtype=np.uint8).tobytes()
                broken = av.Packet(noise)
                broken.pts, broken.dts, broken.duration = packet.pts, packet.dts, packet.duration
                broken.time_base, broken.is_keyframe = packet.time_base, packet.is_keyframe
                packet = broken
            packet.stream = target
            out.mux(packet)
    return dst


def truncate(src: Path, dst: Path, keep: float) -> Path:
    """The first `keep` fraction of `src`'s bytes: a download that stopped half way."""
    data = src.read_bytes()
    dst.write_bytes(data[: int(len(data) * keep)])
    return dst


def ffmpeg_command() -> str | None:
    """The ffmpeg command line: the machine's, else the one the imageio-ffmpeg wheel carries (a dev dependency)."""
    if shutil.which("ffmpeg"):
        return shutil.which("ffmpeg")
    try:
        import imageio_ffmpeg

        return imageio_ffmpeg.get_ffmpeg_exe()
    except (ImportError, RuntimeError):
        return None


def ffmpeg(*args: str) -> None:
    """Run the ffmpeg command line quietly (tests that use it skip when there is none)."""
    subprocess.run([ffmpeg_command() or "ffmpeg", "-v", "error", "-y", *args], check=True)


def with_subtitles(src: Path, dst: Path, language: str = "chi", text: str = "同期字幕") -> Path:
    """`src` with a mov_text subtitle track tagged `language` added (what an editor's "export captions" writes)."""
    srt = dst.with_suffix(".srt")
    srt.write_text(f"1\n00:00:00,000 --> 00:00:01,500\n{text}\n", encoding="utf-8")
    ffmpeg("-i", str(src), "-i", str(srt), "-map", "0", "-map", "1", "-c", "copy", "-c:s", "mov_text",
           "-metadata:s:s:0", f"language={language}", str(dst))
    return dst


def ffmpeg_log(*args: str) -> str:
    """What the ffmpeg command line reports (its log at info level) after running `args`."""
    done = subprocess.run([ffmpeg_command() or "ffmpeg", "-hide_banner", "-nostats", "-y", *args],
                          check=True, capture_output=True, text=True)
    return done.stderr


def ffmpeg_frames(path: Path, video_filter: str) -> int:
    """How many frames of `path` come out of the ffmpeg filter `video_filter` (mpdecimate, say)."""
    done = subprocess.run([ffmpeg_command() or "ffmpeg", "-v", "error", "-i", str(path), "-vf", video_filter,
                           "-an", "-f", "framecrc", "-"], check=True, capture_output=True, text=True)
    return sum(1 for line in done.stdout.splitlines() if line and not line.startswith("#"))


def ffmpeg_loudness(path: Path, audio_filter: str = "") -> float:
    """The integrated loudness (LUFS) FFmpeg's ebur128 measures on `path`'s sound after `audio_filter`."""
    chain = f"{audio_filter},ebur128" if audio_filter else "ebur128"
    log = ffmpeg_log("-i", str(path), "-vn", "-af", chain, "-f", "null", "-")
    summary = log[log.rindex("Summary:"):]
    return float(summary.split("I:")[1].split("LUFS")[0])
