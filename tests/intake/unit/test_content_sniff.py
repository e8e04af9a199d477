"""sniff(): the kind of an upload from its first bytes; SLOT_KINDS: what each slot accepts."""

import struct

import pytest

from festival_intake.adapters.forms import application_form_pdf
from festival_intake.domain.content import HEAD_BYTES, KINDS, SLOT_KINDS, accepts, sniff


def ftyp(brand: bytes, compatible: tuple[bytes, ...] = (b"isom", b"iso2", b"avc1", b"mp41")) -> bytes:
    body = brand + b"\x00\x00\x02\x00" + b"".join(compatible)
    return struct.pack(">I", 8 + len(body)) + b"ftyp" + body + b"\x00\x00\x00\x08free"


JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\xff\xdb\x00\x43\x00" + bytes(40)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x02\x80\x00\x00\x01\xe0\x08\x02\x00\x00\x00"
MKV = b"\x1a\x45\xdf\xa3\xa3\x42\x86\x81\x01\x42\xf7\x81\x01\x42\x82\x88matroska"
WEBM = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\x82\x84webm"


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (ftyp(b"isom"), "mp4"),
        (ftyp(b"mp42"), "mp4"),
        (ftyp(b"M4V "), "mp4"),
        (JPEG, "jpeg"),
        (PNG, "png"),
        (MKV, "matroska"),
        (WEBM, "matroska"),
        (b"GIF89a\x01\x00\x01\x00\x80\x00\x00", "gif"),
        (b"GIF87a\x01\x00\x01\x00", "gif"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "webp"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "zip"),
        (b"PK\x05\x06" + bytes(18), "zip"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "pdf"),
        (b"", "unknown"),
        (b"hello, this is a text file\n", "unknown"),
        ("我的作品简介".encode(), "unknown"),
        (b"RIFF\x24\x00\x00\x00WAVEfmt ", "unknown"),  # RIFF but audio
        (ftyp(b"heic", (b"mif1", b"heic")), "unknown"),  # HEIF photo, not a film
        (ftyp(b"avif", (b"mif1", b"avif")), "unknown"),
        (b"\x00\x00\x00\x04ftypisom", "unknown"),  # box too small to be real
        (b"\xff\xd8", "unknown"),  # truncated JPEG marker
        (b"\x89PNG\r\n", "unknown"),  # truncated PNG signature
        (b"<html><body>%PDF-</body></html>", "unknown"),
    ],
)
def test_sniff(head: bytes, kind: str) -> None:
    assert sniff(head) == kind
    assert sniff(head[:HEAD_BYTES]) == kind
    assert kind in KINDS


def test_sniff_a_real_pdf_from_the_forms_module() -> None:
    draft = {
        "edition_name": "第11届吉林省青少年科学影像节", "submission_id": "S-1", "title": "测试",
        "creators": [{"name": "张三", "grade": "初一", "school": "某中学"}],
    }
    pdf = application_form_pdf(draft)
    assert sniff(pdf[:HEAD_BYTES]) == "pdf"
    assert sniff(pdf[4:HEAD_BYTES]) == "unknown"


def test_head_bytes_is_enough_and_sniff_ignores_what_follows() -> None:
    assert 16 <= HEAD_BYTES <= 4096
    assert sniff(JPEG + b"%PDF-" * 100) == "jpeg"


def test_slot_kinds() -> None:
    assert dict(SLOT_KINDS) == {
        "film": {"mp4"},
        "cover": {"jpeg"},
        "poster": {"jpeg"},
        "application_form": {"pdf", "jpeg"},
        "copyright_declaration": {"pdf", "jpeg"},
    }
    assert all(kinds <= set(KINDS) - {"unknown"} for kinds in SLOT_KINDS.values())
    with pytest.raises(TypeError):
        SLOT_KINDS["film"] = frozenset({"matroska"})  # type: ignore[index]


def test_accepts() -> None:
    assert accepts("film", sniff(ftyp(b"isom")))
    assert not accepts("film", sniff(MKV))
    assert not accepts("cover", sniff(PNG))
    assert accepts("application_form", "jpeg") and accepts("copyright_declaration", "pdf")
    assert not accepts("no_such_slot", "pdf")
