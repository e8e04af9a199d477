"""What kind of file an upload really is, judged from its first bytes, and which kinds each slot takes.

The client's declared content type and the file name's extension are not trusted: the intake service
reads the first ``HEAD_BYTES`` bytes of the stored object and calls :func:`sniff`. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

#: How many leading bytes :func:`sniff` needs (every signature below lies within the first 16).
HEAD_BYTES = 64

KINDS = ("mp4", "jpeg", "png", "pdf", "matroska", "gif", "webp", "zip", "unknown")

# ISO BMFF major brands of still images (HEIF/AVIF): an ``ftyp`` box, but not a film.
_IMAGE_BRANDS = frozenset({b"heic", b"heix", b"heim", b"heis", b"hevc", b"mif1", b"msf1", b"avif", b"avis"})

#: Which sniffed kinds each file slot of a submission accepts (the notice: film MP4; cover and poster
#: JPEG; the signed forms come back as a PDF scan or a JPEG photo).
SLOT_KINDS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "film": frozenset({"mp4"}),
        "cover": frozenset({"jpeg"}),
        "poster": frozenset({"jpeg"}),
        "application_form": frozenset({"pdf", "jpeg"}),
        "copyright_declaration": frozenset({"pdf", "jpeg"}),
    }
)


def sniff(head: bytes) -> str:
    """Return the kind of file whose first bytes are ``head`` (one of :data:`KINDS`)."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "matroska"  # also WebM, which is Matroska with a "webm" DocType
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return "zip"
    if len(head) >= 12 and head[4:8] == b"ftyp":
        # ISO base media file (MP4, M4V, MOV, 3GP): the box size is a big-endian u32: at
        # least 16 (header, major brand, minor version), or 1 when a 64-bit size follows.
        size = int.from_bytes(head[:4], "big")
        if (size == 1 or size >= 16) and head[8:12] not in _IMAGE_BRANDS:
            return "mp4"
    return "unknown"


def accepts(slot: str, kind: str) -> bool:
    """Whether ``slot`` takes files of ``kind``; an unknown slot takes nothing."""
    return kind in SLOT_KINDS.get(slot, frozenset())
