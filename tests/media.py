"""Small real media made by the tests themselves with PyAV: films, JPEG and PNG images."""

from __future__ import annotations

import io
from fractions import Fraction
from pathlib import Path

import av
import numpy as np


def film(path: Path, seconds: float = 2.0, width: int = 1280, height: int = 720, fps: int = 25) -> Path:
    """An H.264/AAC MP4 with a moving picture and a tone."""
    with av.open(str(path), "w", format="mp4") as out:
        video = out.add_stream("libx264", rate=fps)
        video.width, video.height, video.pix_fmt = width, height, "yuv420p"
        audio = out.add_stream("aac", rate=48000)
        audio.layout = "stereo"
        frames = int(seconds * fps)
        for i in range(frames):
            picture = np.full((height, width, 3), (i * 5) % 255, dtype=np.uint8)
            for packet in video.encode(av.VideoFrame.from_ndarray(picture, format="rgb24")):
                out.mux(packet)
        samples_per_frame, total = 1024, int(seconds * 48000)
        t = np.arange(total) / 48000
        tone = (0.2 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
        for start in range(0, total - samples_per_frame + 1, samples_per_frame):
            chunk = np.tile(tone[start : start + samples_per_frame], (2, 1))
            frame = av.AudioFrame.from_ndarray(chunk, format="fltp", layout="stereo")
            frame.sample_rate, frame.pts, frame.time_base = 48000, start, Fraction(1, 48000)
            for packet in audio.encode(frame):
                out.mux(packet)
        for stream in (video, audio):
            for packet in stream.encode(None):
                out.mux(packet)
    return path


def image(width: int, height: int, fmt: str = "jpeg") -> bytes:
    """One still picture as JPEG (`fmt="jpeg"`) or PNG (`fmt="png"`) bytes."""
    codec, pix_fmt = {"jpeg": ("mjpeg", "yuvj420p"), "png": ("png", "rgb24")}[fmt]
    encoder = av.CodecContext.create(codec, "w")
    encoder.width, encoder.height, encoder.pix_fmt = width, height, pix_fmt
    encoder.time_base = Fraction(1, 25)
    picture = np.zeros((height, width, 3), dtype=np.uint8)
    picture[:, : width // 2] = (30, 120, 200)
    frame = av.VideoFrame.from_ndarray(picture, format="rgb24").reformat(format=pix_fmt)
    data = io.BytesIO()
    for packet in [*encoder.encode(frame), *encoder.encode(None)]:
        data.write(bytes(packet))
    return data.getvalue()
