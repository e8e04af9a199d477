"""Cover and poster checks on pictures made the way students make them (and break them)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[2]))
import inspection_images as made  # noqa: E402
import media  # noqa: E402

from festival_inspection.images import inspect_image  # noqa: E402
from festival_inspection.rules import edition_file, file_limit, load_edition  # noqa: E402

RULES = load_edition(edition_file("11", Path(__file__)))
COVER, POSTER = file_limit(RULES, "cover"), file_limit(RULES, "poster")


def verdicts(report) -> dict[str, str]:
    return {c.id: c.verdict for c in report.checks}


def test_a_real_640x480_jpeg_cover_passes_every_check():
    report = inspect_image(media.image(640, 480), "cover", COVER)
    assert verdicts(report) == {"image_format": "pass", "image_dimensions": "pass", "file_size": "pass"}
    assert report.verdict == "pass"


def test_a_real_poster_passes_from_a_path_and_from_a_stream(tmp_path):
    path = tmp_path / "poster.jpg"
    path.write_bytes(made.jpeg(made.noise(2000, 3000), quality=8))
    assert inspect_image(path, "poster", POSTER).verdict == "pass"
    with path.open("rb") as stream:
        assert inspect_image(stream, "poster", POSTER).verdict == "pass"


def test_a_png_named_jpg_fails_image_format_by_content(tmp_path):
    path = tmp_path / "cover.jpg"
    path.write_bytes(media.image(640, 480, "png"))
    check = next(c for c in inspect_image(path, "cover", COVER).checks if c.id == "image_format")
    assert (check.verdict, check.measured) == ("fail", "png")
    assert "JPEG" in check.message_zh and "JPEG" in check.message_en


def test_800x600_is_the_right_shape_but_the_wrong_size():
    check = inspect_image(media.image(800, 600), "cover", COVER).checks[1]
    assert (check.id, check.verdict) == ("image_dimensions", "fail")
    assert (check.measured, check.expected) == ("800x600", "640x480")
    assert "640×480" in check.message_en


def test_a_landscape_poster_fails_and_says_portrait():
    check = inspect_image(media.image(3000, 2000), "poster", POSTER).checks[1]
    assert check.verdict == "fail"
    assert "portrait" in check.message_en and "竖版" in check.message_zh


def test_a_1_5_mb_cover_fails_file_size_only():
    noisy = made.jpeg(made.noise(640, 480), quality=1, pix_fmt="yuvj444p")
    big = made.padded(noisy, 1_500_000)  # a picture with an embedded profile, as cameras write
    report = inspect_image(big, "cover", COVER)
    assert verdicts(report) == {"image_format": "pass", "image_dimensions": "pass", "file_size": "fail"}
    assert report.checks[2].measured == 1_500_000 and report.checks[2].expected == 1048576


def test_a_truncated_download_fails_image_format():
    whole = made.jpeg(made.noise(640, 480))
    check = inspect_image(io.BytesIO(whole[: len(whole) // 2]), "cover", COVER).checks[0]
    assert check.verdict == "fail" and "incomplete" in check.message_en


@pytest.mark.parametrize("data", [b"", b"\xff\xd8\xff", b"\xff\xd8" + bytes(range(256)) * 40,
                                  b"\xff\xd8\xff\xc0\x00\x11\x08\xff\xff\xff\xff\x03" + bytes(20),
                                  bytes(range(256)) * 100])
def test_hostile_bytes_give_a_failing_report_not_an_exception(data):
    report = inspect_image(data, "cover", COVER)
    assert report.checks[0].id == "image_format" and report.checks[0].verdict == "fail"


def test_a_forged_huge_header_is_not_decoded():
    # A valid 30000x30000 header followed by garbage: decoding would allocate gigabytes.
    sof = b"\xff\xc0\x00\x11\x08" + (30000).to_bytes(2, "big") * 2 + b"\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    data = b"\xff\xd8" + sof + b"\xff\xda\x00\x0c\x03\x01\x00\x02\x11\x03\x11\x00\x3f\x00" + bytes(100) + b"\xff\xd9"
    check = inspect_image(data, "cover", COVER).checks[1]
    assert (check.verdict, check.measured) == ("fail", "30000x30000")
