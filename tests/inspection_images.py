"""Media for the inspection tests of images, forms and fingerprints, made with PyAV and numpy.

Pictures with structure (noise, shapes, text-like strokes), minimal real PDFs, films of moving shapes, and
copies of a film re-encoded the way people copy films (another codec or bitrate, resized, trimmed).
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
import numpy as np


def jpeg(picture: np.ndarray, quality: int = 2, pix_fmt: str = "yuvj420p") -> bytes:
    """An RGB array as JPEG bytes; `quality` is the MJPEG qscale (1 best, 31 worst)."""
    height, width = picture.shape[:2]
    encoder = av.CodecContext.create("mjpeg", "w")
    encoder.width, encoder.height, encoder.pix_fmt = width, height, pix_fmt
    encoder.time_base = Fraction(1, 25)
    encoder.options = {"qmin": str(quality), "qmax": str(quality)}
    frame = av.VideoFrame.from_ndarray(np.ascontiguousarray(picture, dtype=np.uint8), format="rgb24")
    packets = [*encoder.encode(frame.reformat(format=pix_fmt)), *encoder.encode(None)]
    return b"".join(bytes(p) for p in packets)


def noise(width: int, height: int, seed: int = 0) -> np.ndarray:
    """A picture of random pixels: the hardest thing to compress, so the biggest JPEG for its size."""
    return np.random.default_rng(seed).integers(0, 256, (height, width, 3), dtype=np.uint8)


def padded(data: bytes, size: int) -> bytes:
    """A JPEG grown to `size` bytes with APP2 segments after SOI, as an embedded colour profile grows one."""
    segments, missing = [], size - len(data)
    while missing > 4:
        body = min(missing - 4, 65533)
        segments.append(b"\xff\xe2" + (body + 2).to_bytes(2, "big") + bytes(body))
        missing -= body + 4
    return data[:2] + b"".join(segments) + data[2:]


def scan(width: int = 1240, height: int = 1754) -> np.ndarray:
    """A page as a scanner sees it: white paper with dark lines of 'text' and a red stamp."""
    page = np.full((height, width, 3), 245, dtype=np.uint8)
    rng = np.random.default_rng(7)
    for top in range(height // 10, height * 8 // 10, max(height // 40, 4)):
        length = int(rng.integers(width // 3, width * 8 // 10))
        page[top : top + max(height // 300, 2), width // 10 : width // 10 + length] = 30
    yy, xx = np.mgrid[:height, :width]
    ring = np.abs(np.hypot(yy - height * 0.85, xx - width * 0.7) - width * 0.08) < 4
    page[ring] = (200, 30, 30)
    return page


def pdf(pages: list[bytes | None], image: bytes | None = None) -> bytes:
    """A minimal, valid PDF: each page draws its content stream (None: an empty page); `image` is a JPEG XObject."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    for content in pages:
        body = content or b""
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(body), body))
        resources = b"/Resources << /XObject << /Im0 %d 0 R >> >>" % (len(pages) * 2 + 3) if image else b""
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R %s >>"
                       % (len(objects), resources))
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    if image:
        objects.append(b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceRGB "
                       b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n%s\nendstream"
                       % (len(image), image))
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


TEXT_PAGE = b"BT /F1 18 Tf 72 760 Td (Application form - signed) Tj ET\n0 0 1 RG 72 700 200 40 re S"
SCAN_PAGE = b"q 595 0 0 842 0 0 cm /Im0 Do Q"


def shapes_film(path: Path, seed: int, seconds: float = 8.0, width: int = 320, height: int = 240,
                fps: int = 25) -> Path:
    """An H.264 MP4 of coloured shapes moving over a gradient; another `seed` gives an unrelated film."""
    rng = np.random.default_rng(seed)
    count = 6
    centre = rng.uniform(0.1, 0.9, (count, 2)) * (width, height)
    velocity = rng.uniform(-60, 60, (count, 2))
    radius = rng.uniform(0.06, 0.18, count) * height
    colour = rng.integers(0, 256, (count, 3))
    yy, xx = np.mgrid[:height, :width]
    tilt = rng.uniform(-1, 1, 2)
    shade = 128 + 60 * (tilt[0] * xx / width + tilt[1] * yy / height)
    background = shade[..., None].repeat(3, 2).astype(np.uint8)
    with av.open(str(path), "w", format="mp4") as out:
        stream = out.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        for i in range(int(seconds * fps)):
            picture = background.copy()
            spot = centre + velocity * i / fps
            spot = np.abs((spot + (width, height)) % (2 * np.array((width, height))) - (width, height))
            for n, ((x, y), r, c) in enumerate(zip(spot, radius, colour)):
                box = slice(max(int(y - r), 0), int(y + r) + 1), slice(max(int(x - r), 0), int(x + r) + 1)
                disc = (xx[box] - x) ** 2 + (yy[box] - y) ** 2 < r * r
                picture[box][disc if n % 2 else slice(None)] = c
            frame = av.VideoFrame.from_ndarray(picture, format="rgb24")
            out.mux(stream.encode(frame))
        out.mux(stream.encode(None))
    return path


def transcode(source: Path, target: Path, codec: str = "libx264", size: tuple[int, int] | None = None,
              start_s: float = 0.0, bit_rate: int | None = None, options: dict | None = None) -> Path:
    """A copy of `source`'s picture re-encoded: another codec or bitrate, another size, its start cut off."""
    with av.open(str(source)) as src, av.open(str(target), "w", format="mp4") as out:
        video = src.streams.video[0]
        stream = out.add_stream(codec, rate=video.average_rate)
        stream.width, stream.height = size or (video.width, video.height)
        stream.pix_fmt = "yuv420p"
        if bit_rate:
            stream.bit_rate = bit_rate
        stream.options = options or {}
        kept = 0
        for frame in src.decode(video):
            if frame.time < start_s - 1e-6:
                continue
            picture = frame.reformat(width=stream.width, height=stream.height, format="yuv420p")
            picture.pts, picture.time_base = kept, 1 / video.average_rate
            out.mux(stream.encode(picture))
            kept += 1
        out.mux(stream.encode(None))
    return target
