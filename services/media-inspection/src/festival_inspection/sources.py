"""Reading what is inspected (a path, bytes or a binary file object) in bounded memory."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Union

Source = Union[str, os.PathLike, bytes, BinaryIO]
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Loaded:
    """A file's size and its first bytes (all of them when `complete`)."""

    size: int
    data: bytes

    @property
    def complete(self) -> bool:
        return len(self.data) == self.size


def load(source: Source, cap: int) -> Loaded:
    """At most `cap` bytes of `source`, and its full size (read to the end without keeping it)."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        return Loaded(len(data), data[:cap])
    if not hasattr(source, "read"):
        with open(Path(source), "rb") as stream:
            return Loaded(os.fstat(stream.fileno()).st_size, stream.read(cap))
    data = source.read(cap)
    size = len(data) + sum(len(chunk) for chunk in iter(lambda: source.read(_CHUNK), b""))
    return Loaded(size, data)


def sniff(head: bytes) -> str:
    """The kind of content whose first bytes are `head`: jpeg, png, pdf, gif, webp, mp4, ... or unknown."""
    signatures = {
        b"\xff\xd8\xff": "jpeg", b"\x89PNG\r\n\x1a\n": "png", b"%PDF-": "pdf", b"GIF8": "gif",
        b"\x1a\x45\xdf\xa3": "matroska", b"BM": "bmp", b"PK\x03\x04": "zip",
        b"II*\x00": "tiff", b"MM\x00*": "tiff",
    }
    for magic, kind in signatures.items():
        if head.startswith(magic):
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[4:8] == b"ftyp":
        return "heif" if head[8:12] in (b"heic", b"heix", b"mif1", b"avif") else "mp4"
    return "empty" if not head else "unknown"


def open_stream(source: Source):
    """A context manager giving a binary stream of a path or file object (a caller's stream stays open)."""
    if hasattr(source, "read"):
        return contextlib.nullcontext(source)  # the caller's stream: read from where it is, left open
    return open(Path(source), "rb")
